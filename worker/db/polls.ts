import type { MyBallot, Poll, PollDefinition, Results } from '../schema/polls.ts';

export interface PollRow {
  site_id: string;
  id: string;
  definition: string;
  status: Poll['status'];
  opens_at: string | null;
  closes_at: string | null;
  salt: string;
  ballot_count: number;
  created_at: string;
  updated_at: string;
}

export interface StoredPoll extends Poll {
  /** Secret per poll, for voter hashes; never leaves the Worker. */
  salt: string;
  ballotCount: number;
}

type StoredDefinition = Omit<PollDefinition, 'status' | 'opensAt' | 'closesAt'>;

export const toPoll = (row: PollRow): StoredPoll => ({
  ...(JSON.parse(row.definition) as StoredDefinition),
  id: row.id,
  site: row.site_id,
  status: row.status,
  opensAt: row.opens_at,
  closesAt: row.closes_at,
  salt: row.salt,
  ballotCount: row.ballot_count,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const definitionJson = ({ status: _s, opensAt: _o, closesAt: _c, ...definition }: PollDefinition) => {
  const { kind, question, description, options, minChoices, maxChoices, scale, budget, resultsVisibility, voterMode, allowChange, caseId } = definition;
  return JSON.stringify({ kind, question, description, options, minChoices, maxChoices, scale, budget, resultsVisibility, voterMode, allowChange, caseId });
};

/** The tally keys of a poll in display order: option ids, or the values of a scale. */
export function tallyKeys(poll: Pick<PollDefinition, 'kind' | 'options' | 'scale'>): string[] {
  // A conversation's votes are per statement (db/statements.ts): it has no ballots to tally.
  if (poll.kind === 'statements') return [];
  if (poll.kind === 'scale' && poll.scale) {
    return Array.from({ length: poll.scale.max - poll.scale.min + 1 }, (_, i) => String(poll.scale!.min + i));
  }
  return (poll.options ?? []).map((o) => o.id);
}

/** The SQL a poll read runs: one row through the primary key. */
export const POLL_SQL = 'SELECT * FROM polls WHERE site_id = ?1 AND id = ?2';

export async function findPoll(db: D1Database, siteId: string, id: string): Promise<StoredPoll | null> {
  const row = await db.prepare(POLL_SQL).bind(siteId, id).first<PollRow>();
  return row ? toPoll(row) : null;
}

export async function listPolls(db: D1Database, siteId: string): Promise<StoredPoll[]> {
  const { results } = await db.prepare('SELECT * FROM polls WHERE site_id = ?1 ORDER BY created_at DESC, id').bind(siteId).all<PollRow>();
  return results.map(toPoll);
}

export function insertPollStatements(db: D1Database, poll: Poll, salt: string): D1PreparedStatement[] {
  return [
    db
      .prepare('INSERT INTO polls (site_id, id, definition, status, opens_at, closes_at, salt, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)')
      .bind(poll.site, poll.id, definitionJson(poll), poll.status, poll.opensAt, poll.closesAt, salt, poll.createdAt),
    insertTalliesStatement(db, poll),
  ];
}

function insertTalliesStatement(db: D1Database, poll: Poll): D1PreparedStatement {
  return db
    .prepare('INSERT INTO poll_tallies (site_id, poll_id, option_id, position) SELECT ?1, ?2, value, key FROM json_each(?3)')
    .bind(poll.site, poll.id, JSON.stringify(tallyKeys(poll)));
}

/**
 * Saves an edited poll. When its options changed (only allowed while it has no ballots, which
 * the database enforces: see migrations/0003), its tally rows are rebuilt in the same batch.
 */
export function updatePollStatements(db: D1Database, poll: Poll, optionsChanged: boolean): D1PreparedStatement[] {
  const update = db
    .prepare('UPDATE polls SET definition = ?3, status = ?4, opens_at = ?5, closes_at = ?6, updated_at = ?7 WHERE site_id = ?1 AND id = ?2')
    .bind(poll.site, poll.id, definitionJson(poll), poll.status, poll.opensAt, poll.closesAt, poll.updatedAt);
  if (!optionsChanged) return [update];
  return [
    // The trigger poll_tallies_frozen aborts the batch if a ballot arrived since the caller looked.
    db.prepare('DELETE FROM poll_tallies WHERE site_id = ?1 AND poll_id = ?2').bind(poll.site, poll.id),
    update,
    insertTalliesStatement(db, poll),
  ];
}

/** The SQL a results read runs: one row per option, found through the primary key. */
export const RESULTS_SQL = 'SELECT option_id, count FROM poll_tallies WHERE site_id = ?1 AND poll_id = ?2 ORDER BY position';

export async function readResults(db: D1Database, poll: StoredPoll): Promise<Results> {
  const { results } = await db.prepare(RESULTS_SQL).bind(poll.site, poll.id).all<{ option_id: string; count: number }>();
  return { total: poll.ballotCount, options: results.map((r) => ({ id: r.option_id, count: r.count })) };
}

export function toMyBallot(poll: Pick<Poll, 'kind'>, ballot: { keys: string[]; castAt: string; changedAt: string | null; receipt?: string | null }): MyBallot {
  const { keys, castAt, changedAt } = ballot;
  const receipt = ballot.receipt ?? null;
  return poll.kind === 'scale' ? { value: Number(keys[0]), castAt, changedAt, receipt } : { choices: keys, castAt, changedAt, receipt };
}

/**
 * A first ballot written straight to D1: the row, its tallies and the poll's count in one batch.
 * The API's ballots reach D1 through their poll's PollCounter (counter-flush.ts); this is how a
 * script or a test writes one as a database from before the object would hold it. A second
 * ballot by the same voter breaks the UNIQUE constraint and the whole batch rolls back.
 */
export function castBallotStatements(db: D1Database, poll: StoredPoll, voterHash: string, keys: string[], now: string): D1PreparedStatement[] {
  const json = JSON.stringify(keys);
  return [
    db.prepare('INSERT INTO ballots (site_id, poll_id, voter_hash, choices, cast_at) VALUES (?1, ?2, ?3, ?4, ?5)').bind(poll.site, poll.id, voterHash, json, now),
    db
      .prepare('UPDATE poll_tallies SET count = count + 1 WHERE site_id = ?1 AND poll_id = ?2 AND option_id IN (SELECT value FROM json_each(?3))')
      .bind(poll.site, poll.id, json),
    db.prepare('UPDATE polls SET ballot_count = ballot_count + 1 WHERE site_id = ?1 AND id = ?2').bind(poll.site, poll.id),
  ];
}

/**
 * One page of ballots for an export, oldest first, continuing after `afterId`, as one text: a
 * line per ballot, "id TAB choices TAB cast_at TAB changed_at", lines joined by LF. Neither
 * character can be in a value: choices are stored as JSON, which escapes both, and the rest are
 * numbers and ISO times. One value per page rather than four per ballot: D1 hands a million
 * ballots over in about half the time, and the page's text must stay under D1's 2,000,000 bytes
 * per value (see BALLOT_PAGE). One query, on the ballots' primary key, so every page costs the
 * same however deep into the poll it is.
 */
export async function ballotPageText(db: D1Database, poll: StoredPoll, afterId: number, limit: number): Promise<{ count: number; lastId: number; lines: string }> {
  const row = await db
    .prepare(
      `SELECT count(*), max(id), group_concat(id || char(9) || choices || char(9) || cast_at || char(9) || ifnull(changed_at, ''), char(10) ORDER BY id)
         FROM (SELECT id, choices, cast_at, changed_at FROM ballots WHERE site_id = ?1 AND poll_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4)`,
    )
    .bind(poll.site, poll.id, afterId, limit)
    .raw<[number, number | null, string | null]>();
  const [count, lastId, lines] = row[0] ?? [0, null, null];
  return { count, lastId: lastId ?? afterId, lines: lines ?? '' };
}

/**
 * Ballots first cast per UTC hour ("2026-11-22T08"), oldest first: a poll's answers over time,
 * from the counts a trigger keeps with every ballot (migrations/0015_kept_counts.sql), so one
 * row per hour the poll was answered in, however many ballots.
 */
export async function ballotsPerHour(db: D1Database, poll: StoredPoll): Promise<{ hour: string; ballots: number }[]> {
  const { results } = await db
    .prepare('SELECT hour, count AS ballots FROM poll_hour_counts WHERE site_id = ?1 AND poll_id = ?2 ORDER BY hour')
    .bind(poll.site, poll.id)
    .all<{ hour: string; ballots: number }>();
  return results;
}
