/**
 * SQL for `npm run bench` only; its routes answer only when the Worker runs with
 * BENCH_ROUTES=on (the bench starts `wrangler dev` so), never in a deployment.
 */
import { POLL_SQL, RESULTS_SQL } from './polls.ts';

/** The bare baseline: one INSERT of one row, as cheap as a D1 write gets. */
export async function insertBenchRow(db: D1Database, value: string): Promise<void> {
  await db.prepare('INSERT INTO bench_rows (value, created_at) VALUES (?1, ?2)').bind(value, new Date().toISOString()).run();
}

export async function ensureBenchTable(db: D1Database): Promise<void> {
  await db.prepare('CREATE TABLE IF NOT EXISTS bench_rows (id INTEGER PRIMARY KEY AUTOINCREMENT, value TEXT NOT NULL, created_at TEXT NOT NULL)').run();
}

/** Rows D1 reads to answer a results view: the poll row and its tallies, exactly as the API reads them. */
export async function resultsRowsRead(db: D1Database, site: string, poll: string): Promise<number> {
  const [pollRead, tallies] = await db.batch([db.prepare(POLL_SQL).bind(site, poll), db.prepare(RESULTS_SQL).bind(site, poll)]);
  return (pollRead?.meta.rows_read ?? 0) + (tallies?.meta.rows_read ?? 0);
}


/** A poll's ballots as D1 holds them: rows, the poll's count, the sum of its tallies and the last batch taken. */
export async function pollInD1(db: D1Database, site: string, poll: string): Promise<{ ballots: number; ballotCount: number; tallySum: number; flushedSeq: number }> {
  const row = await db
    .prepare(
      `SELECT (SELECT count(*) FROM ballots WHERE site_id = ?1 AND poll_id = ?2) AS ballots,
              (SELECT ifnull(sum(count), 0) FROM poll_tallies WHERE site_id = ?1 AND poll_id = ?2) AS tallySum,
              ballot_count AS ballotCount, flushed_seq AS flushedSeq
         FROM polls WHERE site_id = ?1 AND id = ?2`,
    )
    .bind(site, poll)
    .first<{ ballots: number; ballotCount: number; tallySum: number; flushedSeq: number }>();
  return row ?? { ballots: 0, ballotCount: 0, tallySum: 0, flushedSeq: 0 };
}
