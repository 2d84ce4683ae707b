/**
 * The hourly upkeep's part (cron "15 * * * *" in wrangler.toml): seals the polls that closed by
 * their closing time since the last run, and any an official closed whose sealing failed then.
 * A poll an official closes is sealed in that same request (routes/polls.ts).
 */
import { findPoll } from '../db/polls.ts';
import { unsealedClosedPolls } from '../db/seals.ts';
import { sealPoll } from './seal.ts';

export const SEAL_CRON = '15 * * * *';

/** Seals what is due; returns how many it sealed and how many failed (they are tried again next hour). */
export async function sealDuePolls(env: Env, now = new Date()): Promise<{ sealed: number; failed: number }> {
  const due = await unsealedClosedPolls(env.DB, now.toISOString());
  let sealed = 0;
  let failed = 0;
  for (const { site, poll: id } of due) {
    const poll = await findPoll(env.DB, site, id);
    if (!poll) continue;
    try {
      await sealPoll(env, poll);
      sealed++;
    } catch (error) {
      failed++;
      console.error(`Sealing ${site}/${id} failed; trying again next hour`, error);
    }
  }
  return { sealed, failed };
}
