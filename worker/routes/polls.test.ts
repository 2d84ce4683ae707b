import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../db/audit.ts';
import { tableRowCounts } from '../db/introspection.ts';
import { TEXT_POLL, call, castBallot, createPoll, createSite, createToken, errorOf, newVoter } from '../../test/workers/helpers.ts';

const poll = (site: string, id: string, init: Parameters<typeof call>[1] = {}) => call(`/api/v1/sites/${site}/polls/${id}`, init);

describe('creating polls', () => {
  it('lets an editor create a poll, audited, and refuses a viewer', async () => {
    const { site } = await createSite();
    const editor = await createToken(site.id, 'editor', 'Viestintä');
    const viewer = await createToken(site.id, 'viewer');
    expect((await call(`/api/v1/sites/${site.id}/polls`, { method: 'POST', token: viewer, json: TEXT_POLL })).status).toBe(403);
    const created = await call(`/api/v1/sites/${site.id}/polls`, { method: 'POST', token: editor, json: { ...TEXT_POLL, id: 'talvi' } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'talvi', kind: 'single', state: 'open', minChoices: 1, maxChoices: 1, languages: ['fi', 'sv'], results: { total: 0 } });
    const [entry] = await listAudit(env.DB, site.id, { limit: 1 });
    expect(entry).toMatchObject({ action: 'poll.create', target: 'talvi', actor: 'Viestintä' });
    const again = await call(`/api/v1/sites/${site.id}/polls`, { method: 'POST', token: editor, json: { ...TEXT_POLL, id: 'talvi' } });
    expect(again.status).toBe(409);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['one option', { options: [TEXT_POLL.options[0]] }, 'options'],
    ['two choices on a single-choice poll', { minChoices: 2 }, 'maxChoices'],
    ['duplicate option ids', { options: [TEXT_POLL.options[0], TEXT_POLL.options[0]] }, 'options'],
    ['min above max', { kind: 'multiple', minChoices: 3, maxChoices: 2 }, 'minChoices'],
    ['max above the options', { kind: 'multiple', maxChoices: 4 }, 'maxChoices'],
    ['a scale poll without a scale', { kind: 'scale', options: undefined }, 'scale'],
    ['a scale poll with options', { kind: 'scale', scale: { min: 1, max: 5 } }, 'options'],
    ['closing before opening', { opensAt: '2026-12-01T10:00:00Z', closesAt: '2026-11-01T10:00:00Z' }, 'closesAt'],
    ['no question in the default language', { question: { sv: 'Bara svenska' } }, 'question'],
    ['an option label missing the default language', { options: [{ id: 'a', label: { sv: 'A' } }, { id: 'b', label: { fi: 'B' } }] }, 'options'],
    ['a challenge poll on a site without Turnstile', { voterMode: 'challenge' }, 'voterMode'],
    ['a signed poll on a site without voter keys', { voterMode: 'signed' }, 'voterMode'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ];
  it.each(invalid)('refuses %s with a 400 naming the field, and stores nothing', async (_, change, field) => {
    const { site, owner } = await createSite();
    const before = await tableRowCounts(env.DB);
    const response = await call(`/api/v1/sites/${site.id}/polls`, { method: 'POST', token: owner, json: { ...TEXT_POLL, ...change } });
    expect(response.status).toBe(400);
    const { issues } = await errorOf(response);
    expect(issues?.map((i) => String(i.path[0] ?? ''))).toContain(field);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });
});

describe('reading polls', () => {
  it('hides drafts from residents and shows them to officials', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { status: 'draft' });
    expect((await poll(site.id, id)).status).toBe(404);
    expect(await (await poll(site.id, id, { token: owner })).json()).toMatchObject({ state: 'draft' });
  });

  it('shows "upcoming" before opensAt and refuses ballots then', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { opensAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(await (await poll(site.id, id)).json()).toMatchObject({ state: 'upcoming' });
    const response = await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('poll_not_open');
  });

  it('is cacheable at the edge only when it is not personal', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    expect((await poll(site.id, id)).headers.get('Cache-Control')).toContain('public');
    expect((await poll(site.id, id, { headers: { 'X-Voter-Token': newVoter() } })).headers.get('Cache-Control')).toContain('no-store');
  });
});

describe('results visibility is enforced by the server', () => {
  const resultsOf = async (site: string, id: string, init: Parameters<typeof call>[1] = {}) => ((await (await poll(site, id, init)).json()) as { results?: unknown }).results;

  it('after_vote: only the voter sees results, and everyone once closed', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'after_vote' });
    const voter = newVoter();
    expect(await resultsOf(site.id, id, { headers: { 'X-Voter-Token': voter } })).toBeUndefined();
    const vote = await castBallot(site.id, id, { choices: ['b'] }, { voter });
    expect(await vote.json()).toMatchObject({ results: { total: 1 } });
    expect(await resultsOf(site.id, id, { headers: { 'X-Voter-Token': voter } })).toMatchObject({ total: 1 });
    expect(await resultsOf(site.id, id)).toBeUndefined();
    expect(await resultsOf(site.id, id, { headers: { 'X-Voter-Token': newVoter() } })).toBeUndefined();
    await poll(site.id, id, { method: 'PATCH', token: owner, json: { status: 'closed' } });
    expect(await resultsOf(site.id, id)).toMatchObject({ total: 1 });
  });

  it('after_close: nobody but officials until it closes', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'after_close' });
    const voter = newVoter();
    const vote = await castBallot(site.id, id, { choices: ['a'] }, { voter });
    expect(((await vote.json()) as { results?: unknown }).results).toBeUndefined();
    expect(await resultsOf(site.id, id, { headers: { 'X-Voter-Token': voter } })).toBeUndefined();
    expect(await resultsOf(site.id, id, { token: owner })).toMatchObject({ total: 1 });
    await poll(site.id, id, { method: 'PATCH', token: owner, json: { closesAt: new Date(Date.now() - 1000).toISOString(), opensAt: null } });
    expect(await resultsOf(site.id, id)).toMatchObject({ total: 1 });
  });

  it('never: only officials, even after closing', async () => {
    const { site, owner } = await createSite();
    const viewer = await createToken(site.id, 'viewer');
    const id = await createPoll(site.id, owner, { resultsVisibility: 'never' });
    await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() });
    await poll(site.id, id, { method: 'PATCH', token: owner, json: { status: 'closed' } });
    expect(await resultsOf(site.id, id)).toBeUndefined();
    expect(await resultsOf(site.id, id, { token: viewer })).toMatchObject({ total: 1, options: [{ id: 'a', count: 1 }, { id: 'b', count: 0 }, { id: 'c', count: 0 }] });
  });

  it('always: everyone, before voting too', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { resultsVisibility: 'always' });
    expect(await resultsOf(site.id, id)).toMatchObject({ total: 0 });
  });
});

describe('editing polls', () => {
  it('closes a poll, after which ballots are refused with poll_closed', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const closed = await poll(site.id, id, { method: 'PATCH', token: owner, json: { status: 'closed' } });
    expect(await closed.json()).toMatchObject({ status: 'closed', state: 'closed' });
    const response = await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('poll_closed');
  });

  it('lets labels change after ballots but not the options', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() });
    const relabelled = TEXT_POLL.options.map((o) => ({ ...o, label: { ...o.label, en: o.id.toUpperCase() } }));
    expect((await poll(site.id, id, { method: 'PATCH', token: owner, json: { options: relabelled } })).status).toBe(200);
    const fewer = await poll(site.id, id, { method: 'PATCH', token: owner, json: { options: TEXT_POLL.options.slice(0, 2) } });
    expect(fewer.status).toBe(409);
    expect((await errorOf(fewer)).code).toBe('poll_has_ballots');
  });

  it('rebuilds the tallies when options change before any ballot', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { status: 'draft' });
    const options = [...TEXT_POLL.options, { id: 'd', label: { fi: 'Torit' } }];
    const edited = await poll(site.id, id, { method: 'PATCH', token: owner, json: { options, status: 'open' } });
    expect(((await edited.json()) as { results: { options: { id: string }[] } }).results.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
    expect((await castBallot(site.id, id, { choices: ['d'] }, { voter: newVoter() })).status).toBe(201);
  });

  it('checks an edit against the whole poll', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { closesAt: '2030-01-01T00:00:00Z' });
    const response = await poll(site.id, id, { method: 'PATCH', token: owner, json: { opensAt: '2031-01-01T00:00:00Z' } });
    expect(response.status).toBe(400);
  });
});

describe('ballots over time', () => {
  it('counts ballots per day in Finnish time, for officials only', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    for (let i = 0; i < 3; i++) expect((await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() })).status).toBe(201);
    // Two earlier ballots: 22:30 UTC on 1 November is already 2 November in Helsinki (UTC+2).
    for (const [hash, at] of [['early-1', '2026-11-01T21:30:00.000Z'], ['early-2', '2026-11-01T22:30:00.000Z']]) {
      await env.DB.prepare("INSERT INTO ballots (site_id, poll_id, voter_hash, choices, cast_at) VALUES (?1, ?2, ?3, '[\"b\"]', ?4)").bind(site.id, id, hash, at).run();
    }
    const response = await poll(site.id, `${id}/timeline`, { token: await createToken(site.id, 'viewer') });
    expect(response.status).toBe(200);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
    expect(await response.json()).toEqual({
      days: [
        { day: '2026-11-01', ballots: 1 },
        { day: '2026-11-02', ballots: 1 },
        { day: today, ballots: 3 },
      ],
      total: 5,
    });
    expect((await poll(site.id, `${id}/timeline`)).status).toBe(401);
    expect((await poll(site.id, 'no-such-poll/timeline', { token: owner })).status).toBe(404);
  });
});
