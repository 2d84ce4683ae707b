import type { Lang } from '../schema/common.ts';
import type { Role, TokenInfo } from '../schema/sites.ts';
import type { NewToken } from './records.ts';

interface TokenRow {
  id: string;
  site_id: string;
  label: string;
  label_lang: Lang;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

const toTokenInfo = (row: TokenRow): TokenInfo => ({
  id: row.id,
  label: row.label,
  labelLang: row.label_lang,
  role: row.role,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** The live (not revoked) token with this hash, whatever its site; the caller checks the site. */
export async function findLiveTokenByHash(db: D1Database, tokenHash: string) {
  const row = await db
    .prepare('SELECT id, site_id, label, label_lang, role, created_at, revoked_at FROM api_tokens WHERE token_hash = ?1 AND revoked_at IS NULL')
    .bind(tokenHash)
    .first<TokenRow>();
  return row ? { ...toTokenInfo(row), siteId: row.site_id } : null;
}

export async function listTokens(db: D1Database, siteId: string): Promise<TokenInfo[]> {
  const { results } = await db
    .prepare('SELECT id, site_id, label, label_lang, role, created_at, revoked_at FROM api_tokens WHERE site_id = ?1 ORDER BY created_at DESC, id')
    .bind(siteId)
    .all<TokenRow>();
  return results.map(toTokenInfo);
}

export async function findToken(db: D1Database, siteId: string, id: string): Promise<TokenInfo | null> {
  const row = await db
    .prepare('SELECT id, site_id, label, label_lang, role, created_at, revoked_at FROM api_tokens WHERE site_id = ?1 AND id = ?2')
    .bind(siteId, id)
    .first<TokenRow>();
  return row ? toTokenInfo(row) : null;
}

export function insertTokenStatement(db: D1Database, token: NewToken): D1PreparedStatement {
  return db
    .prepare('INSERT INTO api_tokens (id, site_id, token_hash, role, label, label_lang, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)')
    .bind(token.id, token.siteId, token.tokenHash, token.role, token.label, token.labelLang, token.createdBy, token.createdAt);
}

export function revokeTokenStatement(db: D1Database, siteId: string, id: string, now: string): D1PreparedStatement {
  return db
    .prepare('UPDATE api_tokens SET revoked_at = ?3 WHERE site_id = ?1 AND id = ?2 AND revoked_at IS NULL')
    .bind(siteId, id, now);
}
