/**
 * Which database rule refused a write, read off the error D1 throws. Routes turn these into
 * 409s (or a replay) instead of letting them become 500s.
 */

/** True when `error` is a UNIQUE violation on `table` (SQLite names the table's first column). */
export function isUniqueViolation(error: unknown, table: string): boolean {
  return error instanceof Error && error.message.includes(`UNIQUE constraint failed: ${table}.`);
}

/** The error a batch fails with when a trigger in migrations/ refused it. */
export function databaseRule(error: unknown): 'ballot_unknown_option' | 'poll_has_ballots' | null {
  const message = error instanceof Error ? error.message : '';
  if (message.includes('ballot_unknown_option')) return 'ballot_unknown_option';
  if (message.includes('poll_has_ballots')) return 'poll_has_ballots';
  return null;
}
