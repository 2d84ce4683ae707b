/** SQL of statement voting (migrations/0021_statements.sql). */
import type { Lang } from '../schema/common.ts';
import type { StatementView } from '../schema/statements.ts';

interface StatementRow {
  id: number;
  /** JSON: the text per language (LocalizedText). */
  text: string;
  lang: Lang;
  status: StatementView['status'];
  author: StatementView['author'];
  created_at: string;
  agree?: number;
  disagree?: number;
  pass?: number;
}

const toView = (row: StatementRow, withVotes: boolean): StatementView => ({
  id: row.id,
  text: JSON.parse(row.text) as StatementView['text'],
  lang: row.lang,
  author: row.author,
  status: row.status,
  createdAt: row.created_at,
  ...(withVotes ? { votes: { agree: row.agree ?? 0, disagree: row.disagree ?? 0, pass: row.pass ?? 0 } } : {}),
});

/** A poll's statements in one state, oldest first, with their vote counts when `withVotes`. */
export async function listStatements(db: D1Database, site: string, poll: string, status: StatementView['status'] | null, withVotes: boolean): Promise<StatementView[]> {
  // The counts the triggers of migrations/0022 keep: one row per statement, however many votes.
  const { results } = await db
    .prepare(
      `SELECT s.id, s.text, s.lang, s.status, s.author, s.created_at${withVotes ? ', c.agree, c.disagree, c.pass' : ''}
         FROM poll_statements s${withVotes ? ' LEFT JOIN statement_counts c ON c.site_id = s.site_id AND c.poll_id = s.poll_id AND c.statement_id = s.id' : ''}
        WHERE s.site_id = ?1 AND s.poll_id = ?2 AND (?3 IS NULL OR s.status = ?3) ORDER BY s.id`,
    )
    .bind(site, poll, status)
    .all<StatementRow>();
  return results.map((r) => toView(r, withVotes));
}

export async function findStatement(db: D1Database, site: string, poll: string, id: number): Promise<StatementView | null> {
  const row = await db.prepare('SELECT id, text, lang, status, author, created_at FROM poll_statements WHERE site_id = ?1 AND poll_id = ?2 AND id = ?3').bind(site, poll, id).first<StatementRow>();
  return row ? toView(row, false) : null;
}

/** Adds a statement with the next number in its poll; RETURNING gives that number. */
export function insertStatementStatement(
  db: D1Database,
  site: string,
  poll: string,
  s: { text: Partial<Record<Lang, string>>; lang: Lang; status: StatementView['status']; author: StatementView['author']; authorHash: string | null },
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO poll_statements (site_id, poll_id, id, text, lang, status, author, author_hash, created_at, moderated_at)
       SELECT ?1, ?2, coalesce(max(id), 0) + 1, ?3, ?4, ?5, ?6, ?7, ?8, CASE WHEN ?5 = 'pending' THEN NULL ELSE ?8 END FROM poll_statements WHERE site_id = ?1 AND poll_id = ?2
       RETURNING id`,
    )
    .bind(site, poll, JSON.stringify(s.text), s.lang, s.status, s.author, s.authorHash, now);
}

/** A poll's opening statements, written with the poll (ids 1, 2, 3… in the order given), in the site's default language. */
export function seedStatementsStatement(db: D1Database, site: string, poll: string, texts: Partial<Record<Lang, string>>[], lang: Lang, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO poll_statements (site_id, poll_id, id, text, lang, status, author, created_at, moderated_at)
       SELECT ?1, ?2, key + 1, value, ?4, 'published', 'official', ?5, ?5 FROM json_each(?3)`,
    )
    .bind(site, poll, JSON.stringify(texts), lang, now);
}

/** How many of a resident's statements are waiting for a moderator in this poll. */
export async function pendingByAuthor(db: D1Database, site: string, poll: string, authorHash: string): Promise<number> {
  const row = await db.prepare("SELECT count(*) AS n FROM poll_statements WHERE site_id = ?1 AND poll_id = ?2 AND author_hash = ?3 AND status = 'pending'").bind(site, poll, authorHash).first<{ n: number }>();
  return row?.n ?? 0;
}

export function moderateStatement(db: D1Database, site: string, poll: string, id: number, status: 'published' | 'rejected', now: string): D1PreparedStatement {
  return db.prepare('UPDATE poll_statements SET status = ?4, moderated_at = ?5 WHERE site_id = ?1 AND poll_id = ?2 AND id = ?3').bind(site, poll, id, status, now);
}

/** The site's statements waiting for a moderator, oldest first, with their poll's question. */
export async function statementQueue(db: D1Database, site: string, limit: number) {
  const { results } = await db
    .prepare(
      `SELECT s.poll_id, s.id, s.text, s.lang, s.status, s.author, s.created_at, p.definition
         FROM poll_statements s JOIN polls p ON p.site_id = s.site_id AND p.id = s.poll_id
        WHERE s.site_id = ?1 AND s.status = 'pending' ORDER BY s.created_at, s.poll_id, s.id LIMIT ?2`,
    )
    .bind(site, limit)
    .all<StatementRow & { poll_id: string; definition: string }>();
  return results.map((r) => ({ ...toView(r, false), poll: r.poll_id, question: (JSON.parse(r.definition) as { question: Partial<Record<Lang, string>> }).question }));
}

/**
 * A resident's vote: a new row, or the old one changed (its first time kept). Voting the same
 * again changes nothing, so a retry is harmless. The trigger refuses a statement not published.
 */
export function voteStatement(db: D1Database, site: string, poll: string, statement: number, voter: string, vote: -1 | 0 | 1, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO statement_votes (site_id, poll_id, statement_id, voter_hash, vote, cast_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (site_id, poll_id, voter_hash, statement_id) DO UPDATE SET vote = excluded.vote, changed_at = excluded.cast_at WHERE vote <> excluded.vote`,
    )
    .bind(site, poll, statement, voter, vote, now);
}

export async function votesOfVoter(db: D1Database, site: string, poll: string, voter: string): Promise<{ statement: number; vote: -1 | 0 | 1 }[]> {
  const { results } = await db
    .prepare('SELECT statement_id AS statement, vote FROM statement_votes WHERE site_id = ?1 AND poll_id = ?2 AND voter_hash = ?3')
    .bind(site, poll, voter)
    .all<{ statement: number; vote: -1 | 0 | 1 }>();
  return results;
}

/** Residents who have voted in the conversation, as the triggers of migrations/0022 keep the number. */
export async function voterCount(db: D1Database, site: string, poll: string): Promise<number> {
  const row = await db.prepare('SELECT voters FROM conversation_voters WHERE site_id = ?1 AND poll_id = ?2').bind(site, poll).first<{ voters: number }>();
  return row?.voters ?? 0;
}

/** Votes read per query for the opinion groups, as compact rows (voter, statement, vote), in primary-key order. */
const VOTE_PAGE = 50_000;

/** Every vote of a poll, a page at a time, after the keyset (voter hash, statement). */
export async function* votePages(db: D1Database, site: string, poll: string): AsyncGenerator<[string, number, number][]> {
  let after: [string, number] = ['', 0];
  for (;;) {
    const rows = await db
      .prepare(
        `SELECT voter_hash, statement_id, vote FROM statement_votes
          WHERE site_id = ?1 AND poll_id = ?2 AND (voter_hash > ?3 OR (voter_hash = ?3 AND statement_id > ?4))
          ORDER BY voter_hash, statement_id LIMIT ?5`,
      )
      .bind(site, poll, after[0], after[1], VOTE_PAGE)
      .raw<[string, number, number]>();
    if (rows.length) yield rows;
    if (rows.length < VOTE_PAGE) return;
    const last = rows[rows.length - 1]!;
    after = [last[0], last[1]];
  }
}
