/** The SQL of sealed results (worker/sealing/): site keys, poll seals and the ballot leaves. */
import type { SigningKey } from '../sealing/statement.ts';

export interface StoredKey {
  id: string;
  publicKey: string;
  privateJwk: JsonWebKey;
  createdAt: string;
  retiredAt: string | null;
}

interface KeyRow {
  key_id: string;
  public_key: string;
  private_jwk: string;
  created_at: string;
  retired_at: string | null;
}

const toKey = (row: KeyRow): StoredKey => ({ id: row.key_id, publicKey: row.public_key, privateJwk: JSON.parse(row.private_jwk) as JsonWebKey, createdAt: row.created_at, retiredAt: row.retired_at });

/** The site's keys, newest first: the first one not retired signs. */
export async function siteKeys(db: D1Database, site: string): Promise<StoredKey[]> {
  const { results } = await db.prepare('SELECT * FROM site_keys WHERE site_id = ?1 ORDER BY created_at DESC, key_id').bind(site).all<KeyRow>();
  return results.map(toKey);
}

export function insertKeyStatement(db: D1Database, site: string, key: SigningKey, now: string): D1PreparedStatement {
  return db.prepare('INSERT INTO site_keys (site_id, key_id, public_key, private_jwk, created_at) VALUES (?1, ?2, ?3, ?4, ?5)').bind(site, key.id, key.publicKey, JSON.stringify(key.privateJwk), now);
}

/** Stops a key signing; it stays published. */
export function retireKeyStatement(db: D1Database, site: string, keyId: string, now: string): D1PreparedStatement {
  return db.prepare('UPDATE site_keys SET retired_at = ?3 WHERE site_id = ?1 AND key_id = ?2 AND retired_at IS NULL').bind(site, keyId, now);
}

export interface StoredSeal {
  statement: string;
  signature: string;
  keyId: string;
  sealedAt: string;
}

export async function findSeal(db: D1Database, site: string, poll: string): Promise<StoredSeal | null> {
  const row = await db
    .prepare('SELECT statement, signature, key_id, sealed_at FROM poll_seals WHERE site_id = ?1 AND poll_id = ?2')
    .bind(site, poll)
    .first<{ statement: string; signature: string; key_id: string; sealed_at: string }>();
  return row ? { statement: row.statement, signature: row.signature, keyId: row.key_id, sealedAt: row.sealed_at } : null;
}

/** Stores a seal unless the poll has one (two requests sealing at once: the first stands). */
export async function insertSeal(db: D1Database, site: string, poll: string, seal: StoredSeal): Promise<void> {
  await db
    .prepare('INSERT OR IGNORE INTO poll_seals (site_id, poll_id, statement, signature, key_id, sealed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(site, poll, seal.statement, seal.signature, seal.keyId, seal.sealedAt)
    .run();
}

/** A reopened poll's seal no longer holds: it is made again when the poll closes. */
export function deleteSealStatement(db: D1Database, site: string, poll: string): D1PreparedStatement {
  return db.prepare('DELETE FROM poll_seals WHERE site_id = ?1 AND poll_id = ?2').bind(site, poll);
}

/*
 * Receipts for ballots that have none (cast before receipts, or written by a script), drawn in
 * SQL so a million cost one pass, not a million bound values. No voter holds them, so 48 random
 * bits (12 hex digits, which Crockford's base32 contains) are enough; while drawn they carry a
 * "~" (after every receipt character), so a repeat is drawn again and no voter's receipt ever
 * changes. Sealing runs drawReceipts, then repeatedDrawnReceipts and redrawReceipts until none
 * repeat, then settleReceipts; a run cut short is finished by the next.
 */
export function drawReceipts(db: D1Database, site: string, poll: string): D1PreparedStatement[] {
  return [
    db.prepare("UPDATE ballots SET receipt = '~' || hex(randomblob(6)) WHERE site_id = ?1 AND poll_id = ?2 AND receipt IS NULL").bind(site, poll),
    db
      .prepare("UPDATE ballots SET receipt = '~' || substr(receipt, 2, 4) || '-' || substr(receipt, 6, 4) || '-' || substr(receipt, 10, 4) WHERE site_id = ?1 AND poll_id = ?2 AND receipt > '~' AND length(receipt) = 13")
      .bind(site, poll),
  ];
}

/** Drawn receipts that another ballot of the poll has too: the ids to draw again. */
export async function repeatedDrawnReceipts(db: D1Database, site: string, poll: string): Promise<number[]> {
  const rows = await db
    .prepare(
      `SELECT b.id FROM ballots b WHERE b.site_id = ?1 AND b.poll_id = ?2 AND b.receipt > '~'
          AND EXISTS (SELECT 1 FROM ballots o WHERE o.site_id = ?1 AND o.poll_id = ?2 AND o.id != b.id AND o.receipt IN (b.receipt, substr(b.receipt, 2)))`,
    )
    .bind(site, poll)
    .raw<[number]>();
  return rows.map(([id]) => id);
}

export function redrawReceipts(db: D1Database, site: string, poll: string, ids: number[]): D1PreparedStatement {
  return db.prepare('UPDATE ballots SET receipt = NULL FROM json_each(?3) i WHERE ballots.site_id = ?1 AND ballots.poll_id = ?2 AND ballots.id = i.value').bind(site, poll, JSON.stringify(ids));
}

export function settleReceipts(db: D1Database, site: string, poll: string): D1PreparedStatement {
  return db.prepare("UPDATE ballots SET receipt = substr(receipt, 2) WHERE site_id = ?1 AND poll_id = ?2 AND receipt > '~'").bind(site, poll);
}

/** Leaves read per query. */
const LEAF_PAGE = 20_000;

/** The poll's ballot leaves in receipt order, `[receipt, choices JSON, cast_at]`, a page at a time. */
export async function* leafPages(db: D1Database, site: string, poll: string): AsyncGenerator<[string, string, string][]> {
  let after = '';
  for (;;) {
    const rows = await db
      .prepare('SELECT receipt, choices, cast_at FROM ballots WHERE site_id = ?1 AND poll_id = ?2 AND receipt > ?3 ORDER BY receipt LIMIT ?4')
      .bind(site, poll, after, LEAF_PAGE)
      .raw<[string, string, string]>();
    if (rows.length) yield rows;
    if (rows.length < LEAF_PAGE) return;
    after = rows[rows.length - 1]![0];
  }
}

/** When a receipt was replaced by its voter's later ballot, or null. */
export async function replacedAt(db: D1Database, site: string, poll: string, receipt: string): Promise<string | null> {
  const row = await db.prepare('SELECT replaced_at FROM replaced_receipts WHERE site_id = ?1 AND poll_id = ?2 AND receipt = ?3').bind(site, poll, receipt).first<{ replaced_at: string }>();
  return row?.replaced_at ?? null;
}

/** Polls (not conversations, which have no ballots) that have closed, publish results and have no seal yet (`now` past their closing time, or closed by hand), oldest first. */
export async function unsealedClosedPolls(db: D1Database, now: string, limit = 50): Promise<{ site: string; poll: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT p.site_id, p.id FROM polls p
        WHERE p.status != 'draft' AND (p.status = 'closed' OR (p.closes_at IS NOT NULL AND p.closes_at <= ?1))
          AND json_extract(p.definition, '$.resultsVisibility') != 'never'
          AND json_extract(p.definition, '$.kind') != 'statements'
          AND NOT EXISTS (SELECT 1 FROM poll_seals s WHERE s.site_id = p.site_id AND s.poll_id = p.id)
        ORDER BY coalesce(p.closes_at, p.updated_at) LIMIT ?2`,
    )
    .bind(now, limit)
    .all<{ site_id: string; id: string }>();
  return results.map((r) => ({ site: r.site_id, poll: r.id }));
}

/** Where a receipt stands among the poll's leaves (how many receipts sort before it), or null when no ballot has it. */
export async function receiptIndex(db: D1Database, site: string, poll: string, receipt: string): Promise<number | null> {
  const [found, before] = await db.batch([
    db.prepare('SELECT 1 FROM ballots WHERE site_id = ?1 AND poll_id = ?2 AND receipt = ?3').bind(site, poll, receipt),
    db.prepare('SELECT count(*) AS n FROM ballots WHERE site_id = ?1 AND poll_id = ?2 AND receipt < ?3').bind(site, poll, receipt),
  ]);
  return found!.results.length ? (before!.results[0] as { n: number }).n : null;
}
