/** A ranked poll's count from its ballots in D1, kept per isolate while no ballot has arrived since. */
import { TtlCache } from '../cache.ts';
import { tallyKeys } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { ballotPages } from '../export/poll-data.ts';
import type { RankedCount } from '../schema/poll-kinds.ts';
import { RankedTally } from './ranked.ts';

const counts = new TtlCache<RankedCount>(60_000, 200);

/** Every ranking, a page of ballots at a time: identical rankings are counted once with their number (ranked.ts). */
export async function rankedCountOf(db: D1Database, poll: StoredPoll): Promise<RankedCount> {
  const tally = new RankedTally(poll.id, tallyKeys(poll));
  for await (const page of ballotPages(db, poll)) for (const ballot of page) tally.add(ballot.choices);
  return tally.count();
}

/**
 * The count for a poll whose counter says it holds `total` ballots: the same count is reused
 * until that number changes (a changed ballot leaves it the same, so a count may trail a
 * change by up to a minute). `beforeRead` hands the counter's ballots to D1 first.
 */
export async function cachedRankedCount(db: D1Database, poll: StoredPoll, total: number, beforeRead: () => Promise<void>): Promise<RankedCount> {
  const key = `${poll.site}/${poll.id}/${poll.salt}/${total}`;
  const found = counts.get(key);
  if (found) return found;
  await beforeRead();
  const count = await rankedCountOf(db, poll);
  counts.set(key, count);
  return count;
}
