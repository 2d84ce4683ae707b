import type { StoredPoll } from '../db/polls.ts';
import type { CounterPoll } from './object.ts';

/** The object that counts `poll`'s ballots: one per poll, named by site and poll id. */
export function pollCounter(env: Pick<Env, 'POLL_COUNTER'>, poll: Pick<StoredPoll, 'site' | 'id'>) {
  return env.POLL_COUNTER.get(env.POLL_COUNTER.idFromName(`${poll.site}/${poll.id}`));
}

/** What the object is told about the poll on every call. */
export function counterPoll(poll: Pick<StoredPoll, 'site' | 'id' | 'salt'>): CounterPoll {
  return { site: poll.site, poll: poll.id, generation: poll.salt };
}

/** Every ballot the object holds is in D1 once this returns: for what reads D1 (exports, the timeline). */
export async function flushPoll(env: Pick<Env, 'POLL_COUNTER'>, poll: StoredPoll): Promise<void> {
  await pollCounter(env, poll).flush(counterPoll(poll));
}
