import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { castBallotStatements, findPoll } from '../db/polls.ts';
import { checkProof, recount } from '../sealing/recount.ts';
import type { ReceiptProof } from '../sealing/recount.ts';
import { parseStatement } from '../sealing/statement.ts';
import { SEAL_CRON } from '../sealing/upkeep.ts';
import worker from '../index.ts';
import type { BallotLeaf } from '../sealing/statement.ts';
import { call, castBallot, createPoll, createSite, errorOf, newVoter } from '../../test/workers/helpers.ts';

const receiptOf = async (response: Response) => ((await response.json()) as { ballot: { receipt: string } }).ballot.receipt;
const setStatus = (site: string, id: string, owner: string, status: string) => call(`/api/v1/sites/${site}/polls/${id}`, { method: 'PATCH', token: owner, json: { status } });

interface Seal {
  statement: string;
  signature: string;
  key: { id: string; publicKey: string };
  sealedAt: string;
  leaves: string;
}

/** A poll of three voters, one of whom changed their ballot, closed. */
async function closedPoll(options: Record<string, unknown> = {}) {
  const { site, owner } = await createSite();
  const id = await createPoll(site.id, owner, { allowChange: true, resultsVisibility: 'always', ...options });
  const changer = newVoter();
  const replaced = await receiptOf(await castBallot(site.id, id, { choices: ['a'] }, { voter: changer }));
  const changed = await receiptOf(await castBallot(site.id, id, { choices: ['b'] }, { voter: changer }));
  const others = [await receiptOf(await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() })), await receiptOf(await castBallot(site.id, id, { choices: ['c'] }, { voter: newVoter() }))];
  expect((await setStatus(site.id, id, owner, 'closed')).status).toBe(200);
  return { site: site.id, owner, id, replaced, changed, others };
}

describe('a poll\'s sealed result (issue 17)', () => {
  it('is refused while the poll is open, and for a poll that publishes no results', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const open = await call(`/api/v1/sites/${site.id}/polls/${id}/seal`);
    expect(open.status).toBe(409);
    expect((await errorOf(open)).code).toBe('poll_not_closed');
    const secret = await createPoll(site.id, owner, { resultsVisibility: 'never' });
    await setStatus(site.id, secret, owner, 'closed');
    const hidden = await call(`/api/v1/sites/${site.id}/polls/${secret}/seal`);
    expect(hidden.status).toBe(403);
    expect((await errorOf(hidden)).code).toBe('results_not_public');
  });

  it('recounts from its open data and the site\'s published key, and stays the same bytes once made', async () => {
    const { site, id } = await closedPoll();
    const response = await call(`/api/v1/sites/${site}/polls/${id}/seal`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Link')).toContain('creativecommons.org/licenses/by/4.0');
    const seal = (await response.json()) as Seal;
    const statement = parseStatement(seal.statement);
    expect(statement).toMatchObject({ site, poll: id, ballots: 3, tallies: [{ option: 'a', count: 1 }, { option: 'b', count: 1 }, { option: 'c', count: 1 }], key: seal.key.id });
    const keys = (await (await call(`/api/v1/sites/${site}/keys`)).json()) as { keys: { id: string; publicKey: string; retiredAt: string | null }[] };
    expect(keys.keys).toEqual([expect.objectContaining({ id: seal.key.id, publicKey: seal.key.publicKey, retiredAt: null })]);
    const leaves = (await (await call(seal.leaves)).json()) as BallotLeaf[];
    expect((await recount(seal.statement, seal.signature, keys.keys[0]!.publicKey, leaves)).ok).toBe(true);
    expect(JSON.stringify(leaves)).not.toMatch(/voter/i);
    const again = (await (await call(`/api/v1/sites/${site}/polls/${id}/seal`)).json()) as Seal;
    expect([again.statement, again.signature, again.sealedAt]).toEqual([seal.statement, seal.signature, seal.sealedAt]);
  });

  it('proves a counted receipt, says a changed ballot\'s old receipt was replaced, and knows no other', async () => {
    const { site, id, replaced, changed } = await closedPoll();
    const seal = (await (await call(`/api/v1/sites/${site}/polls/${id}/seal`)).json()) as Seal;
    const counted = (await (await call(`/api/v1/sites/${site}/polls/${id}/seal/receipts/${changed}`)).json()) as { status: string; proof: Omit<ReceiptProof, 'receipt'> };
    expect(counted).toMatchObject({ status: 'counted', proof: { leaf: { receipt: changed, choices: ['b'] }, size: 3 } });
    expect(await checkProof({ receipt: changed, ...counted.proof }, parseStatement(seal.statement).root)).toBe(true);
    expect(await (await call(`/api/v1/sites/${site}/polls/${id}/seal/receipts/${replaced}`)).json()).toMatchObject({ status: 'replaced', replacedAt: expect.any(String) });
    expect(await (await call(`/api/v1/sites/${site}/polls/${id}/seal/receipts/ZZZZ-ZZZZ-ZZZZ`)).json()).toEqual({ receipt: 'ZZZZ-ZZZZ-ZZZZ', status: 'not_found' });
    const malformed = await call(`/api/v1/sites/${site}/polls/${id}/seal/receipts/not-a-receipt`);
    expect(malformed.status).toBe(400);
  });

  it('gives a ballot from before receipts one of its own when it seals, so every ballot is a leaf', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'always' });
    const poll = (await findPoll(env.DB, site.id, id))!;
    await env.DB.batch(castBallotStatements(env.DB, poll, 'f'.repeat(64), ['c'], '2026-11-30T08:15:00.000Z'));
    await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() });
    await setStatus(site.id, id, owner, 'closed');
    const seal = (await (await call(`/api/v1/sites/${site.id}/polls/${id}/seal`)).json()) as Seal;
    expect(parseStatement(seal.statement)).toMatchObject({ ballots: 2, tallies: [{ option: 'a', count: 1 }, { option: 'b', count: 0 }, { option: 'c', count: 1 }] });
    const leaves = (await (await call(seal.leaves)).json()) as BallotLeaf[];
    expect(leaves.find((l) => l.choices[0] === 'c')).toMatchObject({ hour: '2026-11-30T08' });
    expect((await recount(seal.statement, seal.signature, seal.key.publicKey, leaves)).ok).toBe(true);
  });

  it('is made by the hourly upkeep for a poll closed by its closing time; until then 409 seal_pending, and no GET writes', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'after_close', closesAt: '2031-01-01T00:00:00.000Z' });
    await castBallot(site.id, id, { choices: ['b'] }, { voter: newVoter() });
    await env.DB.prepare('UPDATE polls SET closes_at = ?3 WHERE site_id = ?1 AND id = ?2').bind(site.id, id, new Date(Date.now() - 60_000).toISOString()).run();
    const pending = await call(`/api/v1/sites/${site.id}/polls/${id}/seal`);
    expect(pending.status).toBe(409);
    expect(pending.headers.get('Retry-After')).toBe('600');
    expect((await errorOf(pending)).code).toBe('seal_pending');
    expect(await env.DB.prepare('SELECT count(*) AS n FROM poll_seals WHERE site_id = ?').bind(site.id).first('n')).toBe(0);
    await worker.scheduled(createScheduledController({ cron: SEAL_CRON }), env);
    const seal = (await (await call(`/api/v1/sites/${site.id}/polls/${id}/seal`)).json()) as Seal;
    expect(parseStatement(seal.statement)).toMatchObject({ ballots: 1, tallies: [{ option: 'a', count: 0 }, { option: 'b', count: 1 }, { option: 'c', count: 0 }] });
  });

  it('rotates the site\'s key (owners only): new seals use the new one, and what the old one signed still checks with it', async () => {
    const { site, owner, id } = await closedPoll();
    const before = (await (await call(`/api/v1/sites/${site}/polls/${id}/seal`)).json()) as Seal;
    const editor = await call(`/api/v1/sites/${site}/tokens`, { method: 'POST', token: owner, json: { label: 'Toimittaja', role: 'editor' } });
    const editorToken = ((await editor.json()) as { token: string }).token;
    expect((await call(`/api/v1/sites/${site}/keys/rotate`, { method: 'POST', token: editorToken, json: {} })).status).toBe(403);
    const rotated = await call(`/api/v1/sites/${site}/keys/rotate`, { method: 'POST', token: owner, json: { reason: 'Vuosittainen vaihto' } });
    expect(rotated.status).toBe(200);
    const { keys } = (await rotated.json()) as { keys: { id: string; publicKey: string; retiredAt: string | null }[] };
    expect(keys.map((k) => [k.id === before.key.id, k.retiredAt === null])).toEqual([[false, true], [true, false]]);
    const leaves = (await (await call(before.leaves)).json()) as BallotLeaf[];
    expect((await recount(before.statement, before.signature, keys[1]!.publicKey, leaves)).ok).toBe(true);
    const second = await createPoll(site, owner, { resultsVisibility: 'always' });
    await castBallot(site, second, { choices: ['a'] }, { voter: newVoter() });
    await setStatus(site, second, owner, 'closed');
    const after = (await (await call(`/api/v1/sites/${site}/polls/${second}/seal`)).json()) as Seal;
    expect(after.key.id).toBe(keys[0]!.id);
    const audit = await env.DB.prepare("SELECT action, target FROM audit_log WHERE site_id = ? AND action = 'keys.rotate'").bind(site).all();
    expect(audit.results).toEqual([{ action: 'keys.rotate', target: keys[0]!.id }]);
  });

  it('gives the leaves as CSV too', async () => {
    const { site, id, changed } = await closedPoll();
    const csv = await call(`/api/v1/sites/${site}/polls/${id}/seal/leaves?format=csv`);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('receipt,choices,hour');
    expect(lines).toHaveLength(4);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${changed},b,\\d{4}-\\d{2}-\\d{2}T\\d{2}$`)));
  });

  it('is made anew when a reopened poll closes again, with the ballots it then has', async () => {
    const { site, owner, id } = await closedPoll();
    const first = (await (await call(`/api/v1/sites/${site}/polls/${id}/seal`)).json()) as Seal;
    expect((await setStatus(site, id, owner, 'open')).status).toBe(200);
    expect((await call(`/api/v1/sites/${site}/polls/${id}/seal`)).status).toBe(409);
    await castBallot(site, id, { choices: ['c'] }, { voter: newVoter() });
    await setStatus(site, id, owner, 'closed');
    const second = (await (await call(`/api/v1/sites/${site}/polls/${id}/seal`)).json()) as Seal;
    expect(parseStatement(second.statement).ballots).toBe(4);
    expect(second.statement).not.toBe(first.statement);
    expect(second.key.id).toBe(first.key.id);
  });
});
