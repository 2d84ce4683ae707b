import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createPoll, createSite } from '../../test/workers/helpers.ts';
import { findPoll } from '../db/polls.ts';
import { BALLOT_PAGE, ballotPages, ballotsPerPage } from './poll-data.ts';

/** `count` ballots holding `choices` (as stored), one a second from 08:00 UTC. */
async function insertBallots(site: string, poll: string, count: number, choices: string[]) {
  await env.DB.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?3)
     INSERT INTO ballots (site_id, poll_id, voter_hash, choices, cast_at)
     SELECT ?1, ?2, printf('%064x', i), ?4, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-22T08:00:00', '+' || i || ' seconds') FROM seq`,
  )
    .bind(site, poll, count, JSON.stringify(choices))
    .run();
}

describe('reading a poll\'s ballots for an export', () => {
  it('reads a full page of a short poll\'s ballots per query, and fewer of a poll whose ballots can be long', async () => {
    const { site, owner } = await createSite();
    const short = (await findPoll(env.DB, site.id, await createPoll(site.id, owner)))!;
    expect(ballotsPerPage(short)).toBe(BALLOT_PAGE);
    const options = Array.from({ length: 30 }, (_, i) => ({ id: `${'x'.repeat(38)}${String(i).padStart(2, '0')}`, label: { fi: `Vaihtoehto ${i}` } }));
    const long = (await findPoll(env.DB, site.id, await createPoll(site.id, owner, { kind: 'multiple', options, maxChoices: 30 })))!;
    // Every option chosen: 1,292 characters of choices, and the page's text within 1,900,000.
    expect(ballotsPerPage(long)).toBe(Math.floor(1_900_000 / (10 + 1 + 1291 + 1 + 24 + 1 + 24 + 1)));
  });

  it('reads a poll of long ballots in several smaller pages, in order, every ballot once, its change time kept', async () => {
    const { site, owner } = await createSite();
    const options = Array.from({ length: 30 }, (_, i) => ({ id: `${'y'.repeat(38)}${String(i).padStart(2, '0')}`, label: { fi: `Vaihtoehto ${i}` } }));
    const id = await createPoll(site.id, owner, { kind: 'multiple', options, maxChoices: 30 });
    const poll = (await findPoll(env.DB, site.id, id))!;
    const all = options.map((o) => o.id);
    await insertBallots(site.id, id, 3000, all); // about 1,350 bytes a line: 4 MB, over one value's 2 MB
    await env.DB.prepare("UPDATE ballots SET changed_at = '2026-11-22T09:00:00.000Z' WHERE site_id = ?1 AND poll_id = ?2 AND voter_hash = printf('%064x', 2)").bind(site.id, id).run();
    const pages: number[] = [];
    const read: { n: number; castAt: string; changedAt: string | null; choices: string[] }[] = [];
    for await (const page of ballotPages(env.DB, poll)) {
      pages.push(page.length);
      read.push(...page);
    }
    expect(pages).toEqual([1404, 1404, 192]); // ballotsPerPage: 1,900,000 // 1,353
    expect(read.map((b) => b.n)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(read.slice(0, 2).map((b) => [b.castAt, b.changedAt])).toEqual([['2026-11-22T08:00:01.000Z', null], ['2026-11-22T08:00:02.000Z', '2026-11-22T09:00:00.000Z']]);
    expect(read.at(-1)!.castAt).toBe('2026-11-22T08:50:00.000Z');
    expect(read.every((b) => b.choices.join() === all.join())).toBe(true);
  });
});
