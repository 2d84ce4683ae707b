import { listDurableObjectIds, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { findPoll } from '../../worker/db/polls.ts';
import { counterPoll, pollCounter } from '../../worker/poll-counter/index.ts';

/** The poll's PollCounter. */
export const counterOf = (site: string, poll: string) => pollCounter(env, { site, id: poll });

/**
 * Hands every ballot the poll's counter holds to D1, as its alarm would a second later, and
 * returns once D1 has them: for tests that then read D1.
 */
export async function deliverBallots(site: string, poll: string): Promise<void> {
  const stored = await findPoll(env.DB, site, poll);
  if (!stored) throw new Error(`No poll ${site}/${poll}`);
  await counterOf(site, poll).flush(counterPoll(stored));
}

/** Rows in each table of the poll's counter: with `tableRowCounts(env.DB)`, what "nothing stored" means. */
export function counterRows(site: string, poll: string): Promise<Record<string, number>> {
  return runInDurableObject(counterOf(site, poll), (_, state) => {
    const counts: Record<string, number> = {};
    for (const table of ['meta', 'tallies', 'ballots', 'outbox', 'answers', 'receipts']) {
      counts[table] = state.storage.sql.exec<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).one().n;
    }
    return counts;
  });
}

/**
 * Hands every poll counter's ballots to D1: what D1 holds then is everything counted, so a
 * check of "what changed" over D1 sees a ballot the moment it is acknowledged.
 */
export async function deliverAllBallots(): Promise<void> {
  const ids = new Set((await listDurableObjectIds(env.POLL_COUNTER)).map((id) => id.toString()));
  if (!ids.size) return;
  const { results } = await env.DB.prepare('SELECT site_id, id, salt FROM polls').all<{ site_id: string; id: string; salt: string }>();
  await Promise.all(
    results
      .filter((p) => ids.has(env.POLL_COUNTER.idFromName(`${p.site_id}/${p.id}`).toString()))
      .map(async (p) => {
        // A counter that never began (a test only looked inside it) has nothing to hand over: asking it to would begin it.
        const begun = await runInDurableObject(counterOf(p.site_id, p.id), (_, state) => {
          const table = state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'meta'").one().n;
          return table > 0 && state.storage.sql.exec<{ n: number }>('SELECT count(*) AS n FROM meta').one().n > 0;
        });
        if (begun) await counterOf(p.site_id, p.id).flush(counterPoll({ site: p.site_id, id: p.id, salt: p.salt }));
      }),
  );
}
