import { abortAllDurableObjects, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CounterStore } from '../db/counter-store.ts';
import type { OutboxRow } from '../db/counter-store.ts';
import { flushStatements } from '../db/counter-flush.ts';
import { castBallotStatements, findPoll } from '../db/polls.ts';
import { voterHash } from '../voters.ts';
import { call, castBallot, createPoll, createSite, errorOf, newVoter } from '../../test/workers/helpers.ts';
import { counterOf, counterRows, deliverBallots } from '../../test/workers/poll-counter.ts';
import { newReceipt } from '../sealing/statement.ts';
import { BATCH_BYTES, takeBatch } from './batch.ts';
import type { PollCounter } from './object.ts';

/** What D1 holds for a poll: its ballots, the sum and split of its tallies, its count and flushed row. */
async function inD1(site: string, poll: string) {
  const [ballots, tallies, head] = await env.DB.batch([
    env.DB.prepare('SELECT voter_hash, choices, changed_at FROM ballots WHERE site_id = ?1 AND poll_id = ?2 ORDER BY voter_hash').bind(site, poll),
    env.DB.prepare('SELECT option_id, count FROM poll_tallies WHERE site_id = ?1 AND poll_id = ?2 ORDER BY position').bind(site, poll),
    env.DB.prepare('SELECT ballot_count, flushed_seq FROM polls WHERE site_id = ?1 AND id = ?2').bind(site, poll),
  ]);
  const rows = tallies!.results as { option_id: string; count: number }[];
  const { ballot_count, flushed_seq } = (head!.results as { ballot_count: number; flushed_seq: number }[])[0]!;
  return {
    ballots: ballots!.results as { voter_hash: string; choices: string; changed_at: string | null }[],
    tallies: Object.fromEntries(rows.map((r) => [r.option_id, r.count])),
    tallySum: rows.reduce((sum, r) => sum + r.count, 0),
    ballotCount: ballot_count,
    flushedSeq: flushed_seq,
  };
}

async function pollWithVotes(votes: string[][], poll: Record<string, unknown> = {}) {
  const { site, owner } = await createSite();
  const id = await createPoll(site.id, owner, { kind: 'multiple', allowChange: true, resultsVisibility: 'always', ...poll });
  const voters: string[] = [];
  for (const choices of votes) {
    const voter = newVoter();
    voters.push(voter);
    expect((await castBallot(site.id, id, { choices }, { voter, key: crypto.randomUUID() })).status).toBe(201);
  }
  return { site: site.id, owner, id, voters };
}

describe('PollCounter', () => {
  it('counts in the object at once and hands the ballots to D1 when its alarm runs', async () => {
    const { site, id } = await pollWithVotes([['a'], ['b', 'c'], ['a', 'c']]);
    // The object answers at once, whatever D1 has received yet.
    const view = (await (await call(`/api/v1/sites/${site}/polls/${id}`)).json()) as { results: { total: number } };
    expect(view.results.total).toBe(3);
    // The alarm the first ballot set (a second later in real time) hands the outbox over.
    await runDurableObjectAlarm(counterOf(site, id));
    await deliverBallots(site, id); // in case the alarm had already run on its own and was mid-way
    const d1 = await inD1(site, id);
    expect(d1.ballots).toHaveLength(3);
    expect(d1.tallies).toEqual({ a: 2, b: 1, c: 2 });
    expect(d1.ballotCount).toBe(3);
    expect(d1.flushedSeq).toBe(3);
    expect((await counterRows(site, id)).outbox).toBe(0);
  });

  it('sends a change as an update: D1 moves the tallies and keeps the first cast time', async () => {
    const { site, id, voters } = await pollWithVotes([['a'], ['b']]);
    await deliverBallots(site, id);
    const before = await inD1(site, id);
    expect((await castBallot(site, id, { choices: ['c'] }, { voter: voters[0], key: crypto.randomUUID() })).status).toBe(200);
    expect((await castBallot(site, id, { choices: ['a', 'b'] }, { voter: voters[0], key: crypto.randomUUID() })).status).toBe(200);
    await deliverBallots(site, id);
    const after = await inD1(site, id);
    expect(after.tallies).toEqual({ a: 1, b: 2, c: 0 });
    expect(after.ballotCount).toBe(2);
    expect(after.ballots.filter((b) => b.changed_at !== null)).toHaveLength(1);
    expect(after.flushedSeq).toBe(before.flushedSeq + 2);
  });

  it('a batch D1 took but the object did not note (a crash between the two) changes nothing when sent again', async () => {
    const { site, id } = await pollWithVotes([['a'], ['b'], ['a', 'b']]);
    const stub = counterOf(site, id);
    // What the object would send, sent the way it sends it, but the object never hears back.
    const rows = await runInDurableObject(stub, (_: PollCounter, state) => new CounterStore(state.storage.sql).outbox(1000));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    const first = await env.DB.batch(flushStatements(env.DB, site, id, rows, 0));
    expect(first.at(-1)!.meta.changes).toBe(1);
    // The same batch again, as a restarted object would send it: D1 refuses all of it.
    const again = await env.DB.batch(flushStatements(env.DB, site, id, rows, 0));
    expect(again.map((r) => r.meta.changes)).toEqual([0, 0, 0, 0]);
    // And the object's own hand-over, with its outbox still full, finds D1 ahead and only tidies.
    await deliverBallots(site, id);
    const d1 = await inD1(site, id);
    expect(d1.ballots).toHaveLength(3);
    expect(d1.tallies).toEqual({ a: 2, b: 2, c: 0 });
    expect(d1.ballotCount).toBe(3);
    expect((await counterRows(site, id)).outbox).toBe(0);
  });

  it('keeps every acknowledged ballot through an abrupt stop of the object, and replays its keys after', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'always' });
    const sent: { voter: string; key: string; choice: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const ballot = { voter: newVoter(), key: crypto.randomUUID(), choice: ['a', 'b', 'c'][i % 3]! };
      expect((await castBallot(site.id, id, { choices: [ballot.choice] }, ballot)).status).toBe(201);
      sent.push(ballot);
    }
    await abortAllDurableObjects(); // in-memory state gone, as with a killed process
    const replays = await Promise.all(sent.map((b) => castBallot(site.id, id, { choices: [b.choice] }, b)));
    expect(replays.map((r) => r.headers.get('Idempotent-Replay'))).toEqual(sent.map(() => 'true'));
    await deliverBallots(site.id, id);
    const d1 = await inD1(site.id, id);
    expect(d1.ballots).toHaveLength(12);
    expect(d1.tallies).toEqual({ a: 4, b: 4, c: 4 });
    expect(d1.tallySum).toBe(12);
    const rows = await counterRows(site.id, id);
    expect(rows).toMatchObject({ ballots: 12, outbox: 0, answers: 12 });
  });

  it('hands over in batches of at most 1,000 rows, in order, until the outbox is empty', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'always' });
    const poll = (await findPoll(env.DB, site.id, id))!;
    await call(`/api/v1/sites/${site.id}/polls/${id}`); // the object begins
    const voters = await Promise.all(Array.from({ length: 2_345 }, (_, i) => voterHash(poll, `token:bulk-${i}`)));
    await runInDurableObject(counterOf(site.id, id), (_: PollCounter, state) => {
      const store = new CounterStore(state.storage.sql);
      state.storage.transactionSync(() => voters.forEach((v, i) => store.cast(v, [['a', 'b', 'c'][i % 3]!], new Date().toISOString(), i + 1, newReceipt())));
    });
    await evictDurableObject(counterOf(site.id, id)); // what the object keeps in memory is read from storage again
    const sent = await counterOf(site.id, id).flush({ site: site.id, poll: id, generation: poll.salt });
    expect(sent).toEqual({ batches: 3, rows: 2_345 });
    const d1 = await inD1(site.id, id);
    expect(d1.ballots).toHaveLength(2_345);
    expect(d1.tallies).toEqual({ a: 782, b: 782, c: 781 });
    expect(d1.ballotCount).toBe(2_345);
    expect(d1.flushedSeq).toBe(2_345);
  });

  it('knows the ballots D1 held before the object began, so a voter cannot vote twice', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'always' });
    const poll = (await findPoll(env.DB, site.id, id))!;
    const voter = newVoter();
    // A ballot written to D1 directly, as a seed script or the API before PollCounter did.
    await env.DB.batch(castBallotStatements(env.DB, poll, await voterHash(poll, `token:${voter}`), ['b'], new Date().toISOString()));
    const again = await castBallot(site.id, id, { choices: ['a'] }, { voter, key: crypto.randomUUID() });
    expect(again.status).toBe(409);
    const other = await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter(), key: crypto.randomUUID() });
    expect(((await other.json()) as { results: { total: number } }).results.total).toBe(2);
    const mine = (await (await call(`/api/v1/sites/${site.id}/polls/${id}`, { headers: { 'X-Voter-Token': voter } })).json()) as { myBallot: { choices: string[] } };
    expect(mine.myBallot.choices).toEqual(['b']);
    await deliverBallots(site.id, id);
    const d1 = await inD1(site.id, id);
    expect(d1.tallies).toEqual({ a: 1, b: 1, c: 0 });
    expect(d1.ballotCount).toBe(2);
  });

  it('begins anew when the poll is made anew under the same id', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'always' });
    expect((await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() })).status).toBe(201);
    await deliverBallots(site.id, id);
    await env.DB.prepare('DELETE FROM polls WHERE site_id = ?1 AND id = ?2').bind(site.id, id).run();
    await createPoll(site.id, owner, { id, resultsVisibility: 'always' });
    const view = (await (await call(`/api/v1/sites/${site.id}/polls/${id}`)).json()) as { results: { total: number } };
    expect(view.results.total).toBe(0);
    // While this isolate still has the old poll in its 5-second cache, the object takes no
    // ballot for it (nor wipes the new poll for it): 409 poll_changed, and the route drops
    // the old copy, so the retry counts.
    const voter = newVoter();
    const first = await castBallot(site.id, id, { choices: ['b'] }, { voter });
    if (first.status !== 201) {
      expect((await errorOf(first)).code).toBe('poll_changed');
      expect((await castBallot(site.id, id, { choices: ['b'] }, { voter })).status).toBe(201);
    }
    await deliverBallots(site.id, id);
    expect((await inD1(site.id, id)).tallies).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('refuses new options while it holds ballots D1 has not received', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    expect((await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() })).status).toBe(201);
    const edit = await call(`/api/v1/sites/${site.id}/polls/${id}`, {
      method: 'PATCH',
      token: owner,
      json: { options: [{ id: 'x', label: { fi: 'X' } }, { id: 'y', label: { fi: 'Y' } }] },
    });
    expect(edit.status).toBe(409);
    await deliverBallots(site.id, id);
    expect((await inD1(site.id, id)).tallies).toEqual({ a: 1, b: 0, c: 0 });
  });
});

describe('takeBatch', () => {
  const row = (seq: number, choices: string): OutboxRow => ({ seq, voter: 'v'.repeat(64), choices, castAt: '2026-12-06T10:00:00.000Z', changedAt: null, previous: null, receipt: 'K7QF-3M9X-2D4A', replaced: null });

  it('keeps a batch under D1\'s limit for one bound value, and always sends at least one row', () => {
    const long = JSON.stringify(Array.from({ length: 50 }, (_, i) => `option-with-a-long-id-${i}`));
    const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1, long));
    const batch = takeBatch(rows);
    expect(batch.length).toBeGreaterThan(100);
    expect(batch.length).toBeLessThan(1000);
    const json = JSON.stringify(batch.map((r) => [r.voter, r.choices, r.castAt, r.changedAt]));
    expect(json.length).toBeLessThanOrEqual(BATCH_BYTES);
    expect(takeBatch([row(1, 'x'.repeat(BATCH_BYTES))])).toHaveLength(1);
    expect(takeBatch(rows.slice(0, 3).map((r) => ({ ...r, choices: '["a"]' })))).toHaveLength(3);
  });
});
