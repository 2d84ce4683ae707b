import type { OutboxRow } from '../db/counter-store.ts';

/**
 * D1 takes a bound value of up to 2,000,000 bytes; a batch's ballots travel as one JSON value,
 * so a batch stops short of this many bytes (a ballot of a 50-option poll can be 3 KB).
 */
export const BATCH_BYTES = 1_500_000;

/** The first outbox rows whose JSON stays under BATCH_BYTES (always at least one). */
export function takeBatch(rows: OutboxRow[]): OutboxRow[] {
  let bytes = 2;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    bytes += r.voter.length + r.choices.length * 2 + r.castAt.length + (r.changedAt?.length ?? 4) + (r.receipt?.length ?? 4) + 20;
    if (bytes > BATCH_BYTES && i > 0) return rows.slice(0, i);
  }
  return rows;
}
