import { env } from 'cloudflare:workers';
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { castBallotStatements, findPoll } from '../db/polls.ts';
import { TURNSTILE_TEST_SECRET } from '../../test/support/fake-turnstile.ts';
import { call, castBallot, createPoll, createSite, errorOf, newVoter } from '../../test/workers/helpers.ts';
import { counterRows, deliverAllBallots, deliverBallots } from '../../test/workers/poll-counter.ts';
import { inOneWindow } from '../../test/workers/rate-window.ts';

// Both read D1, which receives the counter's ballots a moment after they are counted.
const tallies = async (site: string, poll: string) => {
  await deliverBallots(site, poll);
  const { results } = await env.DB.prepare('SELECT option_id, count FROM poll_tallies WHERE site_id = ?1 AND poll_id = ?2 ORDER BY position').bind(site, poll).all<{ option_id: string; count: number }>();
  return Object.fromEntries(results.map((r) => [r.option_id, r.count]));
};
const storedBallots = async (site: string, poll: string) => {
  await deliverBallots(site, poll);
  return (await env.DB.prepare('SELECT voter_hash, choices FROM ballots WHERE site_id = ?1 AND poll_id = ?2').bind(site, poll).all<{ voter_hash: string; choices: string }>()).results;
};

/** What D1 and the poll's counter hold, table by table. */
const everything = async (site: string, poll: string) => {
  // Ballots of earlier tests reach D1 by their counters' alarms a second later: handed over now,
  // so none lands between the two snapshots of a request that must store nothing.
  await deliverAllBallots();
  return { d1: await tableRowCounts(env.DB), counter: await counterRows(site, poll) };
};

describe('casting a ballot', () => {
  it('counts a ballot and stores only a salted hash of the voter token', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'always' });
    const voter = newVoter();
    const response = await castBallot(site.id, id, { choices: ['b'] }, { voter });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ poll: id, ballot: { choices: ['b'], changedAt: null }, results: { total: 1, options: [{ id: 'a', count: 0 }, { id: 'b', count: 1 }, { id: 'c', count: 0 }] } });
    const [stored] = await storedBallots(site.id, id);
    expect(stored!.voter_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await env.DB.prepare('SELECT * FROM ballots').all())).not.toContain(voter);
  });

  it('remembers the ballot for the voter who comes back', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const voter = newVoter();
    await castBallot(site.id, id, { choices: ['c'] }, { voter });
    const read = await call(`/api/v1/sites/${site.id}/polls/${id}`, { headers: { 'X-Voter-Token': voter } });
    expect(await read.json()).toMatchObject({ myBallot: { choices: ['c'] } });
    const stranger = await call(`/api/v1/sites/${site.id}/polls/${id}`, { headers: { 'X-Voter-Token': newVoter() } });
    expect(await stranger.json()).toMatchObject({ myBallot: null });
  });

  it('refuses a second ballot with 409 already_voted when changes are not allowed', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const voter = newVoter();
    await castBallot(site.id, id, { choices: ['a'] }, { voter });
    const again = await castBallot(site.id, id, { choices: ['b'] }, { voter });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('already_voted');
    expect(await tallies(site.id, id)).toEqual({ a: 1, b: 0, c: 0 });
  });

  it('replaces the ballot and moves the tallies when the poll allows changes', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { kind: 'multiple', maxChoices: 2, allowChange: true });
    const voter = newVoter();
    await castBallot(site.id, id, { choices: ['a', 'b'] }, { voter });
    const changed = await castBallot(site.id, id, { choices: ['c', 'b'] }, { voter });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ ballot: { choices: ['b', 'c'], changedAt: expect.any(String) } });
    expect(await tallies(site.id, id)).toEqual({ a: 0, b: 1, c: 1 });
    const same = await castBallot(site.id, id, { choices: ['b', 'c'] }, { voter });
    expect(same.status).toBe(200);
    expect(await tallies(site.id, id)).toEqual({ a: 0, b: 1, c: 1 });
    expect(await storedBallots(site.id, id)).toHaveLength(1);
  });

  it('takes a value on a scale poll', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { kind: 'scale', options: undefined, scale: { min: 1, max: 5, minLabel: { fi: 'Huono' }, maxLabel: { fi: 'Hyvä' } }, resultsVisibility: 'always' });
    const response = await castBallot(site.id, id, { value: 4 }, { voter: newVoter() });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ ballot: { value: 4 }, results: { total: 1, options: [{ id: '1', count: 0 }, { id: '2', count: 0 }, { id: '3', count: 0 }, { id: '4', count: 1 }, { id: '5', count: 0 }] } });
  });

  const invalid: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['an unknown option', {}, { choices: ['z'] }],
    ['two choices on a single-choice poll', {}, { choices: ['a', 'b'] }],
    ['the same option twice', { kind: 'multiple' }, { choices: ['a', 'a'] }],
    ['too few choices', { kind: 'multiple', minChoices: 2 }, { choices: ['a'] }],
    ['too many choices', { kind: 'multiple', maxChoices: 2 }, { choices: ['a', 'b', 'c'] }],
    ['a value on a choice poll', {}, { value: 3 }],
    ['choices and a value', {}, { choices: ['a'], value: 3 }],
    ['an empty ballot', {}, {}],
    ['a value out of range', { kind: 'scale', options: undefined, scale: { min: 1, max: 5 } }, { value: 6 }],
    ['a fractional value', { kind: 'scale', options: undefined, scale: { min: 1, max: 5 } }, { value: 2.5 }],
    ['choices on a scale poll', { kind: 'scale', options: undefined, scale: { min: 1, max: 5 } }, { choices: ['1'] }],
  ];
  it.each(invalid)('refuses %s with 400 and stores nothing', async (_, pollChange, ballot) => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, pollChange);
    const before = await everything(site.id, id);
    const response = await castBallot(site.id, id, ballot, { voter: newVoter(), key: crypto.randomUUID() });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message.length).toBeGreaterThan(10);
    expect(await everything(site.id, id)).toEqual(before);
  });

  it('needs a voter token', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const response = await castBallot(site.id, id, { choices: ['a'] });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.[0]?.path).toEqual(['X-Voter-Token']);
  });
});

describe('idempotent retries', () => {
  it('answers a retry with the first answer and changes nothing', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const voter = newVoter();
    const key = crypto.randomUUID();
    const first = await castBallot(site.id, id, { choices: ['a'] }, { voter, key });
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as { ballot: unknown };
    const before = await everything(site.id, id);
    const retry = await castBallot(site.id, id, { choices: ['a'] }, { voter, key });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replay')).toBe('true');
    expect(((await retry.json()) as { ballot: unknown }).ballot).toEqual(firstBody.ballot);
    expect(await everything(site.id, id)).toEqual(before);
  });

  it('refuses the same key for a different ballot', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { allowChange: true });
    const voter = newVoter();
    const key = crypto.randomUUID();
    await castBallot(site.id, id, { choices: ['a'] }, { voter, key });
    const reused = await castBallot(site.id, id, { choices: ['b'] }, { voter, key });
    expect(reused.status).toBe(422);
    expect((await errorOf(reused)).code).toBe('idempotency_key_reused');
  });

  it('refuses a malformed key', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    expect((await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter(), key: 'x y' })).status).toBe(400);
  });
});

describe('under load', () => {
  it('300 voters in parallel, with retries and duplicates: tallies == stored ballots == accepted answers', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { kind: 'multiple', maxChoices: 2 });
    const options = ['a', 'b', 'c'];
    const voters = Array.from({ length: 300 }, (_, i) => ({ voter: newVoter(), key: crypto.randomUUID(), choices: [options[i % 3]!, options[(i + 1) % 3]!] }));
    const requests = voters.flatMap(({ voter, key, choices }, i) => {
      const base = castBallot(site.id, id, { choices }, { voter, key, ip: `198.51.100.${i % 200}` });
      const retry = castBallot(site.id, id, { choices }, { voter, key, ip: `198.51.100.${i % 200}` }); // same key: a network retry
      const duplicate = i % 5 === 0 ? [castBallot(site.id, id, { choices }, { voter, key: crypto.randomUUID(), ip: `198.51.100.${i % 200}` })] : []; // same voter, new key
      return [base, retry, ...duplicate];
    });
    const responses = await Promise.all(requests);
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const created = statuses.filter((s) => s === 201).length;
    expect(created).toBe(300);
    expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);

    const stored = await storedBallots(site.id, id);
    expect(stored).toHaveLength(300);
    const counted = await tallies(site.id, id);
    const fromBallots: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const ballot of stored) for (const choice of JSON.parse(ballot.choices) as string[]) fromBallots[choice]!++;
    expect(counted).toEqual(fromBallots);
    const poll = (await (await call(`/api/v1/sites/${site.id}/polls/${id}`, { token: owner })).json()) as { results: { total: number } };
    expect(poll.results.total).toBe(300);
  });

  it('rate-limits a voter voting again (20 a minute, from any address), keyed by hashes, never the address', async () => {
    const { site, owner } = await createSite();
    // A fresh poll and voter on each run: a run that straddled a one-minute window is run again.
    const { id, statuses, elsewhere } = await inOneWindow(async () => {
      const id = await createPoll(site.id, owner);
      const voter = newVoter();
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await castBallot(site.id, id, { choices: ['a'] }, { voter, ip: '203.0.113.7' })).status);
      return { id, statuses, elsewhere: (await castBallot(site.id, id, { choices: ['a'] }, { voter, ip: '203.0.113.9' })).status };
    });
    // The ballot, then 20 tries again (409: the poll allows no change), then refused, from another address too.
    expect(statuses).toEqual([201, ...Array(20).fill(409), 429]);
    expect(elsewhere).toBe(429);
    // Everyone else at the first address still votes.
    expect((await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter(), ip: '203.0.113.7' })).status).toBe(201);
    const dump = JSON.stringify(await Promise.all(['ballots', 'idempotency_keys', 'audit_log'].map((t) => env.DB.prepare(`SELECT * FROM ${t}`).all())));
    expect(dump).not.toContain('203.0.113.7');
  });

  it('lets a voter change their mind 20 times a minute on a poll that allows changes, then refuses, changing nothing more', async () => {
    const { site, owner } = await createSite();
    const { id, statuses } = await inOneWindow(async () => {
      const id = await createPoll(site.id, owner, { allowChange: true });
      const voter = newVoter();
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await castBallot(site.id, id, { choices: [i % 2 ? 'b' : 'a'] }, { voter, ip: '203.0.113.30' })).status);
      return { id, statuses };
    });
    expect(statuses).toEqual([201, ...Array(20).fill(200), 429]);
    // The 21st change (i = 21, choice "b") was refused: the stored ballot is the 20th change's ("a"), counted once.
    expect((await storedBallots(site.id, id)).map((ballot) => JSON.parse(ballot.choices))).toEqual([['a']]);
    expect(await tallies(site.id, id)).toMatchObject({ a: 1, b: 0 });
  });

  it('lets a classroom behind one address vote at once, and holds a token-minting script to 1,000 a minute per address', async () => {
    const { site, owner } = await createSite();
    const { id, statuses, over, other } = await inOneWindow(async () => {
      const id = await createPoll(site.id, owner);
      const cast = (ip: string) => castBallot(site.id, id, { choices: ['b'] }, { voter: newVoter(), ip });
      const statuses: number[] = [];
      // 1,000 voters behind one address (a school's NAT), fifty at a time.
      for (let round = 0; round < 20; round++) statuses.push(...(await Promise.all(Array.from({ length: 50 }, () => cast('198.51.100.20').then((r) => r.status)))));
      return { id, statuses, over: await cast('198.51.100.20'), other: (await cast('198.51.100.21')).status };
    });
    expect(statuses.filter((s) => s === 201)).toHaveLength(1000);
    // The thousand-and-first from that address in the same minute is refused, in words; another address is not.
    expect(over.status).toBe(429);
    expect(over.headers.get('Retry-After')).toBe('60');
    expect((await errorOf(over)).message).toMatch(/network/);
    expect(other).toBe(201);
    expect(await storedBallots(site.id, id)).toHaveLength(1001);
  });
});

describe('challenge polls (Turnstile, verified by the server)', () => {
  async function challengeSite() {
    const { site, owner } = await createSite();
    await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: { challengeSiteKey: '0x4AAAAAAAtest', challengeSecret: TURNSTILE_TEST_SECRET } });
    const id = await createPoll(site.id, owner, { voterMode: 'challenge' });
    return { site: site.id, id, owner };
  }

  it('counts a ballot whose challenge passes', async () => {
    const { site, id } = await challengeSite();
    const response = await castBallot(site, id, { choices: ['a'] }, { voter: newVoter(), headers: { 'X-Challenge-Token': 'pass-123' } });
    expect(response.status).toBe(201);
  });

  it('refuses a missing or failed challenge with 403 and stores nothing', async () => {
    const { site, id } = await challengeSite();
    const before = await everything(site, id);
    const missing = await castBallot(site, id, { choices: ['a'] }, { voter: newVoter() });
    expect((await errorOf(missing)).code).toBe('challenge_required');
    const failed = await castBallot(site, id, { choices: ['a'] }, { voter: newVoter(), headers: { 'X-Challenge-Token': 'bot' } });
    expect(failed.status).toBe(403);
    expect((await errorOf(failed)).code).toBe('challenge_failed');
    expect(await everything(site, id)).toEqual(before);
  });

  it('shows the Turnstile site key to widgets and the secret to nobody', async () => {
    const { site, owner } = await challengeSite();
    const publicSite = await (await call(`/api/v1/sites/${site}`)).text();
    expect(publicSite).toContain('0x4AAAAAAAtest');
    const settings = await (await call(`/api/v1/sites/${site}/settings`, { token: owner })).json();
    expect(settings).toMatchObject({ challengeSecretSet: true });
    expect(JSON.stringify(settings) + publicSite).not.toContain(TURNSTILE_TEST_SECRET);
  });
});

describe('signed polls (the host site vouches for its logged-in residents)', () => {
  async function signedSite() {
    const { site, owner } = await createSite();
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const publicJwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
    const privateJwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey;
    const settings = await call(`/api/v1/sites/${site.id}/settings`, {
      method: 'PATCH',
      token: owner,
      json: { voterKeys: [{ kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y, kid: 'host-2026', alg: 'ES256' }] },
    });
    expect(settings.status).toBe(200);
    const id = await createPoll(site.id, owner, { voterMode: 'signed' });
    const assertion = (claims: Record<string, unknown>) =>
      sign({ aud: `osallistu:${site.id}`, exp: Math.floor(Date.now() / 1000) + 300, ...claims }, { ...privateJwk, kid: 'host-2026', alg: 'ES256' } as JsonWebKey, 'ES256');
    return { site: site.id, id, assertion };
  }

  it('counts one ballot per signed subject', async () => {
    const { site, id, assertion } = await signedSite();
    const first = await castBallot(site, id, { choices: ['a'] }, { headers: { 'X-Voter-Assertion': await assertion({ sub: 'resident-42' }) } });
    expect(first.status).toBe(201);
    const again = await castBallot(site, id, { choices: ['b'] }, { headers: { 'X-Voter-Assertion': await assertion({ sub: 'resident-42' }) } });
    expect(again.status).toBe(409);
    const read = await call(`/api/v1/sites/${site}/polls/${id}`, { headers: { 'X-Voter-Assertion': await assertion({ sub: 'resident-42' }) } });
    expect(await read.json()).toMatchObject({ myBallot: { choices: ['a'] } });
  });

  it('refuses a missing, foreign, long-lived or subject-less assertion with 401', async () => {
    const { site, id, assertion } = await signedSite();
    const other = await signedSite();
    const cases = [
      undefined,
      await assertion({ sub: 'x', aud: 'osallistu:another-site' }),
      await assertion({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 86_400 }),
      await assertion({}),
      await other.assertion({ sub: 'x', aud: `osallistu:${site}` }),
      'not.a.jwt',
    ];
    for (const token of cases) {
      const response = await castBallot(site, id, { choices: ['a'] }, token ? { headers: { 'X-Voter-Assertion': token } } : {});
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toMatch(/^voter_assertion_/);
    }
  });

  it('refuses a private key as a voter key', async () => {
    const { site, owner } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: { voterKeys: [{ kty: 'EC', kid: 'k', crv: 'P-256', x: 'a', y: 'b', d: 'secret' }] } });
    expect(response.status).toBe(400);
  });
});

describe('integrity under edits and races', () => {
  it('answers a resent, unchanged ballot with 200 also when results stay hidden', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { allowChange: true, resultsVisibility: 'after_close' });
    const voter = newVoter();
    expect((await castBallot(site.id, id, { choices: ['a'] }, { voter })).status).toBe(201);
    const again = await castBallot(site.id, id, { choices: ['a'] }, { voter });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ballot: { choices: ['a'], changedAt: null } });
  });

  it('answers the same request sent twice at once, with one key, once', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const voter = newVoter();
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([castBallot(site.id, id, { choices: ['b'] }, { voter, key }), castBallot(site.id, id, { choices: ['b'] }, { voter, key })]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(await tallies(site.id, id)).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('lets the database refuse a ballot for an option the poll no longer has', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const poll = (await findPoll(env.DB, site.id, id))!;
    await expect(env.DB.batch(castBallotStatements(env.DB, poll, 'f'.repeat(64), ['zz'], new Date().toISOString()))).rejects.toThrow(/ballot_unknown_option/);
    expect(await tallies(site.id, id)).toEqual({ a: 0, b: 0, c: 0 });
    expect((await findPoll(env.DB, site.id, id))!.ballotCount).toBe(0);
  });

  it('keeps the voter mode once there are ballots', async () => {
    const { site, owner } = await createSite();
    await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: { challengeSiteKey: 'k', challengeSecret: TURNSTILE_TEST_SECRET } });
    const id = await createPoll(site.id, owner);
    await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() });
    const response = await call(`/api/v1/sites/${site.id}/polls/${id}`, { method: 'PATCH', token: owner, json: { voterMode: 'challenge' } });
    expect(response.status).toBe(409);
  });

  it('answers a retried challenge ballot from its first answer, without a second robot check', async () => {
    const { site, owner } = await createSite();
    await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: { challengeSiteKey: 'k', challengeSecret: TURNSTILE_TEST_SECRET } });
    const id = await createPoll(site.id, owner, { voterMode: 'challenge' });
    const voter = newVoter();
    const key = crypto.randomUUID();
    expect((await castBallot(site.id, id, { choices: ['a'] }, { voter, key, headers: { 'X-Challenge-Token': 'pass-once' } })).status).toBe(201);
    const retry = await castBallot(site.id, id, { choices: ['a'] }, { voter, key, headers: { 'X-Challenge-Token': 'used-token-now-invalid' } });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replay')).toBe('true');
  });
});
