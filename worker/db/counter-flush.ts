/**
 * What a PollCounter (worker/poll-counter/) reads from D1 when it begins, and the batch with
 * which it hands ballots on to D1. Exports, the console's timeline and the audit read D1 as
 * before; only the path a ballot takes has moved.
 */
import type { CounterBallot, OutboxRow } from './counter-store.ts';

export interface PollCountsInD1 {
  /** The poll's salt: which poll of this id D1 holds now. */
  salt: string;
  flushedSeq: number;
  total: number;
  tallies: { id: string; count: number }[];
}

/** The poll's counts as D1 has them, in one round trip; null when the poll is not there. */
export async function pollCountsInD1(db: D1Database, site: string, poll: string): Promise<PollCountsInD1 | null> {
  const [head, tallies] = await db.batch([
    db.prepare('SELECT salt, flushed_seq, ballot_count FROM polls WHERE site_id = ?1 AND id = ?2').bind(site, poll),
    db.prepare('SELECT option_id, count FROM poll_tallies WHERE site_id = ?1 AND poll_id = ?2 ORDER BY position').bind(site, poll),
  ]);
  const row = (head!.results as { salt: string; flushed_seq: number; ballot_count: number }[])[0];
  if (!row) return null;
  return {
    salt: row.salt,
    flushedSeq: row.flushed_seq,
    total: row.ballot_count,
    tallies: (tallies!.results as { option_id: string; count: number }[]).map((t) => ({ id: t.option_id, count: t.count })),
  };
}

/** The last outbox row D1 holds for the poll; null when the poll is not there. */
export async function flushedSeq(db: D1Database, site: string, poll: string): Promise<number | null> {
  const row = await db.prepare('SELECT flushed_seq FROM polls WHERE site_id = ?1 AND id = ?2').bind(site, poll).first<{ flushed_seq: number }>();
  return row ? row.flushed_seq : null;
}

/** A voter's ballot as D1 holds it: for polls whose ballots began before their object. */
export async function ballotInD1(db: D1Database, site: string, poll: string, voter: string): Promise<CounterBallot | null> {
  const row = await db
    .prepare('SELECT choices, cast_at, changed_at, receipt FROM ballots WHERE site_id = ?1 AND poll_id = ?2 AND voter_hash = ?3')
    .bind(site, poll, voter)
    .first<{ choices: string; cast_at: string; changed_at: string | null; receipt: string | null }>();
  return row ? { keys: JSON.parse(row.choices) as string[], castAt: row.cast_at, changedAt: row.changed_at, receipt: row.receipt } : null;
}

/**
 * One batch of outbox rows as four statements, whatever its size: the ballots (a first ballot
 * inserted, a change updating its row and receipt), the receipts changes replaced, the tallies by
 * the net change per option, and the poll's count with its new `flushed_seq`. Each statement acts only while D1's `flushed_seq` is still
 * `after`, the last row the object saw D1 take: D1 runs a batch as one transaction, so a batch
 * sent again after D1 took it changes nothing, and one that fails leaves nothing half-written.
 * The last statement reports whether this batch was the one that counted.
 */
export function flushStatements(db: D1Database, site: string, poll: string, rows: OutboxRow[], after: number): D1PreparedStatement[] {
  const last = rows[rows.length - 1]!.seq;
  const ballots = JSON.stringify(rows.map((r) => [r.voter, r.choices, r.castAt, r.changedAt, r.receipt]));
  const replaced = JSON.stringify(rows.filter((r) => r.replaced !== null).map((r) => [r.replaced, r.changedAt]));
  const delta = new Map<string, number>();
  let firstBallots = 0;
  for (const row of rows) {
    if (row.previous === null) firstBallots++;
    else for (const id of JSON.parse(row.previous) as string[]) delta.set(id, (delta.get(id) ?? 0) - 1);
    for (const id of JSON.parse(row.choices) as string[]) delta.set(id, (delta.get(id) ?? 0) + 1);
  }
  const moves = JSON.stringify([...delta].filter(([, n]) => n !== 0));
  const guard = '(SELECT flushed_seq FROM polls WHERE site_id = ?1 AND id = ?2) = ?4';
  return [
    db
      .prepare(
        `INSERT INTO ballots (site_id, poll_id, voter_hash, choices, cast_at, changed_at, receipt)
           SELECT ?1, ?2, b.value ->> 0, b.value ->> 1, b.value ->> 2, b.value ->> 3, b.value ->> 4 FROM json_each(?3) b WHERE ${guard} ORDER BY b.key
           ON CONFLICT (site_id, poll_id, voter_hash) DO UPDATE SET choices = excluded.choices, changed_at = excluded.changed_at, receipt = excluded.receipt`,
      )
      .bind(site, poll, ballots, after),
    db
      .prepare(
        `INSERT OR IGNORE INTO replaced_receipts (site_id, poll_id, receipt, replaced_at)
           SELECT ?1, ?2, r.value ->> 0, r.value ->> 1 FROM json_each(?3) r WHERE ${guard}`,
      )
      .bind(site, poll, replaced, after),
    db
      .prepare(
        `UPDATE poll_tallies SET count = count + m.value ->> 1 FROM json_each(?3) m
           WHERE poll_tallies.site_id = ?1 AND poll_tallies.poll_id = ?2 AND poll_tallies.option_id = m.value ->> 0 AND ${guard}`,
      )
      .bind(site, poll, moves, after),
    db
      .prepare('UPDATE polls SET ballot_count = ballot_count + ?3, flushed_seq = ?5 WHERE site_id = ?1 AND id = ?2 AND flushed_seq = ?4')
      .bind(site, poll, firstBallots, after, last),
  ];
}
