export interface StoredAnswer {
  scope: string;
  requestHash: string;
  status: number;
  response: unknown;
}

export async function findAnswer(db: D1Database, siteId: string, key: string): Promise<StoredAnswer | null> {
  const row = await db
    .prepare('SELECT scope, request_hash, status, response FROM idempotency_keys WHERE site_id = ?1 AND key = ?2')
    .bind(siteId, key)
    .first<{ scope: string; request_hash: string; status: number; response: string }>();
  return row ? { scope: row.scope, requestHash: row.request_hash, status: row.status, response: JSON.parse(row.response) } : null;
}

/** Stores the first answer; goes in the same batch as the write it answers. */
export function storeAnswerStatement(db: D1Database, siteId: string, key: string, answer: StoredAnswer, now: string): D1PreparedStatement {
  return db
    .prepare('INSERT INTO idempotency_keys (site_id, key, scope, request_hash, status, response, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
    .bind(siteId, key, answer.scope, answer.requestHash, answer.status, JSON.stringify(answer.response), now);
}

/** Deletes answers stored before `before`; the daily scheduled run keeps a day of them. */
export async function purgeAnswers(db: D1Database, before: string): Promise<number> {
  const result = await db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?1').bind(before).run();
  return result.meta.changes;
}
