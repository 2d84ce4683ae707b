/**
 * Opinion groups where they run: a conversation of 500 statements and 10,000 residents voting on
 * 40 each (400,000 votes, written by SQL into the local D1 of `wrangler dev`), then
 * GET …/opinions as an official asks for it, which reads every vote from D1 a page at a time and
 * computes the groups inside workerd. Residents are planted in three camps (each agrees with
 * its own third of the statements and disagrees with the next), so the bench also says whether
 * the groups were found.
 */
import { coldThenAgain } from './export-million.ts';
import { workerdPid } from './processes.ts';

export const PARTICIPANTS = 10_000;
export const STATEMENTS = 500;
export const VOTES_EACH = 40;

/** SQL for statements 201–500 (the poll is made with 200 opening ones) and the planted votes. */
export function conversationSql(site: string, poll: string): string {
  const now = '2026-12-01T08:00:00.000Z';
  // Each resident's 40 statements drawn by a multiplicative hash of (resident, draw), so residents share statements at random
  // (an arithmetic pattern would group them by which statements they saw, not by what they think); a repeated draw is dropped.
  return `
INSERT INTO poll_statements (site_id, poll_id, id, text, lang, status, author, created_at, moderated_at)
WITH RECURSIVE n(i) AS (SELECT 201 UNION ALL SELECT i + 1 FROM n WHERE i < ${STATEMENTS})
SELECT '${site}', '${poll}', i, json_object('fi', 'Penkkiväite ' || i), 'fi', 'published', 'official', '${now}', '${now}' FROM n;
INSERT OR IGNORE INTO statement_votes (site_id, poll_id, statement_id, voter_hash, vote, cast_at)
WITH RECURSIVE p(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM p WHERE i < ${PARTICIPANTS - 1}),
     k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < ${VOTES_EACH - 1}),
     v(i, s, noise) AS (SELECT i, 1 + (((i + 1) * 2654435761 + (j + 1) * 40503 + (i + 1) * (j + 1) * 97) % 1000003) % ${STATEMENTS}, (31 * i + 17 * j) % 10 FROM p, k)
SELECT '${site}', '${poll}', s, printf('bench-%05d', i),
       CASE WHEN noise = 0 THEN 0
            WHEN s % 3 = i % 3 THEN 1
            WHEN (s + 1) % 3 = i % 3 THEN -1
            ELSE 0 END,
       '${now}'
  FROM v;
`;
}

export interface OpinionsFigures {
  status: number;
  coldMs: number;
  cachedMs: number;
  growthMb: number;
  participants: number;
  clustered: number;
  groups: number[];
}

export async function measureOpinions(options: { api: string; token: string; pollId: string; serverPid: number }): Promise<OpinionsFigures> {
  const o = await coldThenAgain<{ participants: number; clustered: number; groups?: { size: number }[] }>(`${options.api}/polls/${options.pollId}/opinions`, { Authorization: `Bearer ${options.token}` }, workerdPid(options.serverPid));
  return { status: o.status, coldMs: o.coldMs, cachedMs: o.againMs, growthMb: o.growthMb, participants: o.body.participants, clustered: o.body.clustered, groups: (o.body.groups ?? []).map((g) => g.size) };
}
