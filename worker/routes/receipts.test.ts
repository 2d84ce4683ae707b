import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { RECEIPT } from '../sealing/statement.ts';
import { call, castBallot, createPoll, createSite, newVoter } from '../../test/workers/helpers.ts';
import { counterRows, deliverBallots } from '../../test/workers/poll-counter.ts';

const receiptOf = async (response: Response) => ((await response.json()) as { ballot: { receipt: string | null } }).ballot.receipt;

describe('ballot receipts (issue 17)', () => {
  it('gives each ballot a receipt, the same on a replay and on the voter\'s later read, and D1 gets it with the ballot', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { allowChange: true });
    const voter = newVoter();
    const key = crypto.randomUUID();
    const first = await castBallot(site.id, id, { choices: ['a'] }, { voter, key });
    expect(first.status).toBe(201);
    const receipt = await receiptOf(first);
    expect(receipt).toMatch(RECEIPT);
    expect(await receiptOf(await castBallot(site.id, id, { choices: ['a'] }, { voter, key }))).toBe(receipt);
    const read = await call(`/api/v1/sites/${site.id}/polls/${id}`, { headers: { 'X-Voter-Token': voter } });
    expect(await read.json()).toMatchObject({ myBallot: { choices: ['a'], receipt } });
    await deliverBallots(site.id, id);
    const row = await env.DB.prepare('SELECT receipt FROM ballots WHERE site_id = ? AND poll_id = ?').bind(site.id, id).first<{ receipt: string }>();
    expect(row?.receipt).toBe(receipt);
  });

  it('gives a changed ballot a new receipt and keeps the old one as replaced; the same choices again keep it', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { allowChange: true });
    const voter = newVoter();
    const before = await receiptOf(await castBallot(site.id, id, { choices: ['a'] }, { voter }));
    const after = await receiptOf(await castBallot(site.id, id, { choices: ['b'] }, { voter }));
    expect(after).toMatch(RECEIPT);
    expect(after).not.toBe(before);
    expect(await receiptOf(await castBallot(site.id, id, { choices: ['b'] }, { voter }))).toBe(after);
    await deliverBallots(site.id, id);
    const rows = await env.DB.prepare('SELECT receipt FROM ballots WHERE site_id = ? AND poll_id = ?').bind(site.id, id).all<{ receipt: string }>();
    expect(rows.results.map((r) => r.receipt)).toEqual([after]);
    const replaced = await env.DB.prepare('SELECT receipt FROM replaced_receipts WHERE site_id = ? AND poll_id = ?').bind(site.id, id).all<{ receipt: string }>();
    expect(replaced.results.map((r) => r.receipt)).toEqual([before]);
    expect((await counterRows(site.id, id)).receipts).toBe(2);
  });

  it('issues no receipt for a refused ballot', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const voter = newVoter();
    await castBallot(site.id, id, { choices: ['a'] }, { voter });
    expect((await castBallot(site.id, id, { choices: ['b'] }, { voter })).status).toBe(409);
    expect((await castBallot(site.id, id, { choices: ['nope'] }, { voter: newVoter() })).status).toBe(400);
    expect((await counterRows(site.id, id)).receipts).toBe(1);
  });

  it('gives a hundred ballots a hundred different receipts', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const receipts = await Promise.all(Array.from({ length: 100 }, async () => receiptOf(await castBallot(site.id, id, { choices: ['c'] }, { voter: newVoter(), ip: '203.0.113.7' }))));
    expect(new Set(receipts).size).toBe(100);
  });
});
