import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { ORIGIN, TEXT_POLL, call, castBallot, createPoll, createSite, errorOf, newVoter } from '../../test/workers/helpers.ts';

describe('siteCors()', () => {
  it('allows the site\'s registered origin and says so per origin', async () => {
    const { site } = await createSite({ origins: ['https://www.espoo.fi'] });
    const response = await call(`/api/v1/sites/${site.id}`, { headers: { Origin: 'https://www.espoo.fi' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://www.espoo.fi');
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('allows the API\'s own origin (the demo page and frame pages)', async () => {
    const { site } = await createSite({ origins: [] });
    const response = await call(`/api/v1/sites/${site.id}`, { headers: { Origin: ORIGIN } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
  });

  it('varies on Origin even when none is sent, so a shared cache never hands a same-origin answer to another page', async () => {
    const { site } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Vary')).toContain('Origin');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('refuses an unregistered origin with a readable 403 that names the origin and where to register it', async () => {
    const { site } = await createSite({ origins: ['https://www.espoo.fi'] });
    const response = await call(`/api/v1/sites/${site.id}`, { headers: { Origin: 'https://www.espoo.fi.evil.example' } });
    expect(response.status).toBe(403);
    // Readable by the page, so the widget can tell the web editor what to do.
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://www.espoo.fi.evil.example');
    expect(response.headers.get('Vary')).toContain('Origin');
    const error = await errorOf(response);
    expect(error.code).toBe('origin_not_allowed');
    expect(error.message).toContain('https://www.espoo.fi.evil.example');
    expect(error.message).toContain('Settings');
    expect(error.message).toContain(`npm run site:create -- --id ${site.id} --origin https://www.espoo.fi.evil.example`);
  });

  it('stores nothing for an unregistered origin\'s ballot', async () => {
    const { site, owner } = await createSite({ origins: ['https://www.espoo.fi'] });
    const poll = await createPoll(site.id, owner);
    const before = await tableRowCounts(env.DB);
    const response = await castBallot(site.id, poll, { choices: ['a'] }, { voter: newVoter(), key: crypto.randomUUID(), headers: { Origin: 'https://elsewhere.example' } });
    expect(response.status).toBe(403);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('answers a preflight from any origin, so the refusal itself reaches the page', async () => {
    const { site } = await createSite({ origins: ['https://www.vantaa.fi'] });
    for (const origin of ['https://www.vantaa.fi', 'https://elsewhere.example', 'null']) {
      const response = await call(`/api/v1/sites/${site.id}/tokens`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
      expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
      expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Idempotency-Key');
    }
  });

  it('answers a sandboxed frame (Origin: null) for residents, and counts its ballot', async () => {
    const { site, owner } = await createSite({ origins: [] });
    const poll = await createPoll(site.id, owner);
    const read = await call(`/api/v1/sites/${site.id}/polls/${poll}`, { headers: { Origin: 'null' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('Access-Control-Allow-Origin')).toBe('null');
    const ballot = await castBallot(site.id, poll, { choices: ['a'] }, { voter: newVoter(), key: crypto.randomUUID(), headers: { Origin: 'null' } });
    expect(ballot.status).toBe(201);
    expect(ballot.headers.get('Access-Control-Allow-Origin')).toBe('null');
  });

  it('never takes an official\'s token from a sandboxed page', async () => {
    const { site, owner } = await createSite({ origins: [] });
    const before = await tableRowCounts(env.DB);
    const response = await call(`/api/v1/sites/${site.id}/polls`, { method: 'POST', token: owner, json: { ...TEXT_POLL }, headers: { Origin: 'null' } });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('origin_not_allowed');
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });
});
