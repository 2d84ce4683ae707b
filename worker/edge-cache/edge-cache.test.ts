import { describe, expect, it } from 'vitest';
import { call, castBallot, createPoll, createSite, newVoter } from '../../test/workers/helpers.ts';
import { DECISION } from '../../test/workers/decisions.ts';
import { edgeKey, edgeSeconds } from './index.ts';

const ORIGIN = 'https://www.testikunta.example';

describe('what the edge keeps', () => {
  it('keeps a public answer for its s-maxage, else its max-age, and nothing private, uncached or without a time', () => {
    expect(edgeSeconds('public, max-age=60, s-maxage=300, stale-while-revalidate=600')).toBe(300);
    expect(edgeSeconds('public, max-age=5, stale-while-revalidate=30')).toBe(5);
    expect(edgeSeconds('private, no-store')).toBe(0);
    expect(edgeSeconds('public, no-cache')).toBe(0);
    expect(edgeSeconds('public')).toBe(0);
    expect(edgeSeconds('max-age=60')).toBe(0); // not said to be public
    expect(edgeSeconds(null)).toBe(0);
  });

  it('keys a copy by the URL with its query in order and the site\'s content version', () => {
    expect(edgeKey('https://api.example/api/v1/sites/s/decisions?topic=b&organ=a', 7)).toBe('https://api.example/api/v1/sites/s/decisions?organ=a&topic=b&__content=7');
    expect(edgeKey('https://api.example/x?b=1&a=2', 1)).toBe(edgeKey('https://api.example/x?a=2&b=1', 1));
    expect(edgeKey('https://api.example/x', 1)).not.toBe(edgeKey('https://api.example/x', 2));
  });
});

describe('public reads from the edge cache', () => {
  async function feed() {
    const { site, owner } = await createSite();
    const published = await call(`/api/v1/sites/${site.id}/decisions`, { method: 'POST', token: owner, json: DECISION });
    expect(published.status).toBe(201);
    const { id } = (await published.json()) as { id: string };
    return { site: site.id, owner, id };
  }
  const read = (site: string, path: string, headers: Record<string, string> = {}) => call(`/api/v1/sites/${site}/${path}`, { headers: { Origin: ORIGIN, ...headers } });

  it('answers a repeated anonymous read from the cache, with the route\'s Cache-Control and the asker\'s CORS headers', async () => {
    const { site } = await feed();
    const first = await read(site, 'decisions');
    expect(first.headers.get('X-Osallistu-Cache')).toBe('miss');
    const body = await first.text();
    await expect.poll(async () => (await read(site, 'decisions')).headers.get('X-Osallistu-Cache')).toBe('hit');
    const hit = await read(site, 'decisions');
    expect(await hit.text()).toBe(body);
    expect(hit.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
    expect(hit.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    // Another registered page asks: it gets its own origin back, not the first asker's.
    const other = await call(`/api/v1/sites/${site}/decisions`, { headers: { Origin: 'null' } });
    expect([other.headers.get('X-Osallistu-Cache'), other.headers.get('Access-Control-Allow-Origin')]).toEqual(['hit', 'null']);
    // A query is a copy of its own.
    expect((await read(site, 'decisions?lang=sv')).headers.get('X-Osallistu-Cache')).toBe('miss');
  });

  it('keeps the route\'s Vary on a copy, so a browser never hands an anonymous poll to its next read with a voter token', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    const first = await read(site.id, `polls/${id}`);
    expect(first.headers.get('X-Osallistu-Cache')).toBe('miss');
    await expect.poll(async () => (await read(site.id, `polls/${id}`)).headers.get('X-Osallistu-Cache')).toBe('hit');
    const hit = await read(site.id, `polls/${id}`);
    for (const answer of [first, hit]) expect(answer.headers.get('Vary')?.split(/,\s*/).sort()).toEqual(['Authorization', 'Origin', 'X-Voter-Assertion', 'X-Voter-Token']);
    expect(hit.headers.get('X-Osallistu-Route-Vary')).toBeNull();
  });

  it('leaves every cached copy behind when an official changes the site\'s content', async () => {
    const { site, owner, id } = await feed();
    await read(site, `decisions/${id}`);
    await expect.poll(async () => (await read(site, `decisions/${id}`)).headers.get('X-Osallistu-Cache')).toBe('hit');
    expect((await call(`/api/v1/sites/${site}/decisions/${id}`, { method: 'PATCH', token: owner, json: { title: { fi: 'Uusi otsikko' } } })).status).toBe(200);
    const after = await read(site, `decisions/${id}`);
    expect(after.headers.get('X-Osallistu-Cache')).toBe('miss');
    expect(((await after.json()) as { title: { fi: string } }).title.fi).toBe('Uusi otsikko');
    // A refused change changes nothing, so nothing is left behind.
    expect((await call(`/api/v1/sites/${site}/decisions/${id}`, { method: 'PATCH', token: owner, json: {} })).status).toBe(400);
    await expect.poll(async () => (await read(site, `decisions/${id}`)).headers.get('X-Osallistu-Cache')).toBe('hit');
  });

  it('never answers an official, a resident who has voted, or a no-cache request from the cache', async () => {
    const { site, owner } = await createSite();
    const poll = await createPoll(site.id, owner);
    await read(site.id, `polls/${poll}`);
    await expect.poll(async () => (await read(site.id, `polls/${poll}`)).headers.get('X-Osallistu-Cache')).toBe('hit');
    const voter = newVoter();
    expect((await castBallot(site.id, poll, { choices: ['a'] }, { voter })).status).toBe(201);
    const mine = await read(site.id, `polls/${poll}`, { 'X-Voter-Token': voter });
    expect(mine.headers.get('X-Osallistu-Cache')).toBeNull();
    expect(((await mine.json()) as { myBallot: unknown }).myBallot).not.toBeNull();
    const official = await call(`/api/v1/sites/${site.id}/polls/${poll}`, { token: owner });
    expect(official.headers.get('X-Osallistu-Cache')).toBeNull();
    expect(((await official.json()) as { results: { total: number } }).results.total).toBe(1);
    expect((await read(site.id, `polls/${poll}`, { 'Cache-Control': 'no-cache' })).headers.get('X-Osallistu-Cache')).toBe('miss');
  });
});

describe('D1 sessions', () => {
  it('gives every answer a bookmark, reads from one sent back, and ignores one that is not a bookmark', async () => {
    const { site } = await createSite();
    const first = await call(`/api/v1/sites/${site.id}`);
    expect(first.status).toBe(200);
    const bookmark = first.headers.get('X-D1-Bookmark');
    expect(bookmark).toMatch(/^[0-9a-f-]{8,200}$/i);
    const again = await call(`/api/v1/sites/${site.id}`, { headers: { 'X-D1-Bookmark': bookmark! } });
    expect(again.status).toBe(200);
    expect(again.headers.get('X-D1-Bookmark')! >= bookmark!).toBe(true);
    expect((await call(`/api/v1/sites/${site.id}`, { headers: { 'X-D1-Bookmark': '<not one>' } })).status).toBe(200);
  });
});
