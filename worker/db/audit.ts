import type { Lang } from '../schema/common.ts';
import type { AuditEntry, Official } from '../schema/sites.ts';

export interface AuditEvent {
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * The audit row for an official's write. Every write route puts it in the same `DB.batch()` as
 * the change itself, so a change is never stored without its row, nor a row without its change.
 */
export function auditStatement(db: D1Database, official: Official, event: AuditEvent, now: string): D1PreparedStatement {
  return db
    .prepare('INSERT INTO audit_log (site_id, token_id, actor, actor_lang, action, target, detail, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)')
    .bind(official.site, official.tokenId, official.label, official.labelLang, event.action, event.target ?? null, JSON.stringify(event.detail ?? {}), now);
}

interface AuditRow {
  id: number;
  token_id: string | null;
  actor: string;
  actor_lang: Lang | null;
  action: string;
  target: string | null;
  detail: string;
  created_at: string;
}

/** Newest first; `beforeId` continues from the previous page. A family ("decision") takes in its sub-families too ("decision_term.update"). */
export async function listAudit(
  db: D1Database,
  siteId: string,
  options: { beforeId?: number; limit: number; action?: string },
): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT id, token_id, actor, actor_lang, action, target, detail, created_at FROM audit_log
        WHERE site_id = ?1 AND id < ?2 AND (?3 IS NULL OR action = ?3 OR action LIKE ?3 || '.%' OR action LIKE ?3 || '\\_%' ESCAPE '\\')
        ORDER BY id DESC LIMIT ?4`,
    )
    .bind(siteId, options.beforeId ?? Number.MAX_SAFE_INTEGER, options.action ?? null, options.limit)
    .all<AuditRow>();
  return results.map((row) => ({
    id: row.id,
    tokenId: row.token_id,
    actor: row.actor,
    actorLang: row.actor_lang,
    action: row.action,
    target: row.target,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    createdAt: row.created_at,
  }));
}
