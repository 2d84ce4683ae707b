/**
 * Cases (worker/cases/): the decisions, polls and feedback that share a case id, and the residents
 * waiting for one email when it is decided. Polls and forms keep the case id in their JSON
 * definition, feedback in its context; decisions, polls and feedback are read through an index on
 * that expression (0020), a site's few forms by their key.
 */
import type { Lang } from '../schema/common.ts';
import type { Decision } from '../schema/decisions.ts';
import type { FormDefinition } from '../schema/forms.ts';
import { toDecision } from './decisions.ts';
import type { DecisionRow } from './decisions.ts';
import { toPoll } from './polls.ts';
import type { PollRow, StoredPoll } from './polls.ts';

/** Decisions read for one case, newest meeting first: a case rarely has more than a few. */
export const CASE_DECISIONS = 10;

export interface CaseRecord {
  decisions: Decision[];
  polls: StoredPoll[];
  feedback: number;
  /** Published feedback forms linked to the case. */
  forms: number;
}

/** Everything on one case, in one round trip. Drafts are left out. */
export async function findCase(db: D1Database, site: string, caseId: string): Promise<CaseRecord> {
  const [decisions, polls, feedback, forms] = await db.batch([
    db.prepare('SELECT * FROM decisions WHERE site_id = ?1 AND case_id = ?2 ORDER BY meeting_date DESC, seq DESC LIMIT ?3').bind(site, caseId, CASE_DECISIONS),
    db.prepare("SELECT * FROM polls WHERE site_id = ?1 AND json_extract(definition, '$.caseId') = ?2 AND status != 'draft' ORDER BY created_at, id").bind(site, caseId),
    // `context IS NOT NULL` lets SQLite use the partial index submissions_case.
    db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE site_id = ?1 AND context IS NOT NULL AND json_extract(context, '$.caseId') = ?2 AND status != 'spam'").bind(site, caseId),
    db.prepare("SELECT COUNT(*) AS n FROM forms WHERE site_id = ?1 AND json_extract(definition, '$.caseId') = ?2 AND status != 'draft'").bind(site, caseId),
  ]);
  return {
    decisions: (decisions!.results as DecisionRow[]).map(toDecision),
    polls: (polls!.results as PollRow[]).map(toPoll),
    feedback: (feedback!.results[0] as { n: number }).n,
    forms: (forms!.results[0] as { n: number }).n,
  };
}

export interface AwaitingRecord {
  polls: (StoredPoll & { caseId: string })[];
  forms: { id: string; title: FormDefinition['title']; status: FormDefinition['status']; caseId: string }[];
  feedback: Map<string, number>;
  waiting: Map<string, number>;
}

/**
 * The published polls and forms whose case has no decision yet, with the feedback sent and the
 * residents waiting on each such case.
 */
export async function awaitingCases(db: D1Database, site: string): Promise<AwaitingRecord> {
  const undecided = (table: 'p' | 'f') => `${table}.site_id = ?1 AND ${table}.status != 'draft' AND json_extract(${table}.definition, '$.caseId') IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.site_id = ?1 AND d.case_id = json_extract(${table}.definition, '$.caseId'))`;
  const [polls, forms, feedback, waiting] = await db.batch([
    db.prepare(`SELECT p.* FROM polls p WHERE ${undecided('p')} ORDER BY p.created_at DESC, p.id`).bind(site),
    db.prepare(`SELECT f.id, f.status, json_extract(f.definition, '$.title') AS title, json_extract(f.definition, '$.caseId') AS case_id FROM forms f WHERE ${undecided('f')} ORDER BY f.id`).bind(site),
    db
      .prepare(
        `SELECT json_extract(context, '$.caseId') AS case_id, COUNT(*) AS n FROM submissions
          WHERE site_id = ?1 AND context IS NOT NULL AND json_extract(context, '$.caseId') IS NOT NULL AND status != 'spam' GROUP BY 1`,
      )
      .bind(site),
    db.prepare('SELECT case_id, COUNT(*) AS n FROM case_subscriptions WHERE site_id = ?1 GROUP BY case_id').bind(site),
  ]);
  const counts = (rows: unknown[]) => new Map((rows as { case_id: string; n: number }[]).map((r) => [r.case_id, r.n]));
  return {
    polls: (polls!.results as PollRow[]).map(toPoll) as (StoredPoll & { caseId: string })[],
    forms: (forms!.results as { id: string; status: FormDefinition['status']; title: string; case_id: string }[]).map((f) => ({ id: f.id, status: f.status, title: JSON.parse(f.title), caseId: f.case_id })),
    feedback: counts(feedback!.results),
    waiting: counts(waiting!.results),
  };
}

/** Keeps the resident's address for the case's one email; asking twice changes nothing but the language. Returns when it was first asked for. */
export function subscribeStatement(db: D1Database, s: { site: string; caseId: string; address: string; lang: Lang; origin: string }, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO case_subscriptions (site_id, case_id, address, lang, origin, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (site_id, case_id, address) DO UPDATE SET lang = excluded.lang
        RETURNING created_at`,
    )
    .bind(s.site, s.caseId, s.address, s.lang, s.origin, now);
}

export interface DueNotice {
  site: string;
  caseId: string;
  address: string;
  lang: Lang;
  origin: string;
  attempts: number;
  createdAt: string;
}

/**
 * Takes a batch of addresses whose case has been decided (on one site, or on every site) out of the
 * table as it reads them, so two runs at once (an import's and the hourly one) never mail one
 * address twice: each email is sent at most once. One that fails goes back (`retryStatement`).
 * None that failed since `since` is taken, so one run tries each address once.
 */
export async function claimNotices(db: D1Database, site: string | null, since: string, limit: number): Promise<DueNotice[]> {
  const { results } = await db
    .prepare(
      `DELETE FROM case_subscriptions WHERE rowid IN (
         SELECT s.rowid FROM case_subscriptions s
          WHERE (?1 IS NULL OR s.site_id = ?1) AND (s.tried_at IS NULL OR s.tried_at < ?2)
            AND EXISTS (SELECT 1 FROM decisions d WHERE d.site_id = s.site_id AND d.case_id = s.case_id)
          ORDER BY s.created_at LIMIT ?3)
        RETURNING site_id, case_id, address, lang, origin, attempts, created_at`,
    )
    .bind(site, since, limit)
    .all<{ site_id: string; case_id: string; address: string; lang: Lang; origin: string; attempts: number; created_at: string }>();
  return results.map((r) => ({ site: r.site_id, caseId: r.case_id, address: r.address, lang: r.lang, origin: r.origin, attempts: r.attempts, createdAt: r.created_at }));
}

/** A notice whose email failed goes back, its failures counted, kept from when it was first asked for. */
export function retryStatement(db: D1Database, notice: DueNotice, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO case_subscriptions (site_id, case_id, address, lang, origin, attempts, tried_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT (site_id, case_id, address) DO NOTHING`,
    )
    .bind(notice.site, notice.caseId, notice.address, notice.lang, notice.origin, notice.attempts + 1, now, notice.createdAt);
}

/** Addresses kept longer than their site keeps contact details are deleted, decision or not. */
export async function purgeOldSubscriptions(db: D1Database, now: string): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM case_subscriptions
        WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?1, '-' || (SELECT contact_retention_days FROM sites WHERE sites.id = case_subscriptions.site_id) || ' days')`,
    )
    .bind(now)
    .run();
  return result.meta.changes;
}
