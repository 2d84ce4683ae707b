import { describe, expect, it } from 'vitest';
import { ORIGIN, call, createSite, errorOf } from '../../test/workers/helpers.ts';

describe('siteCors()', () => {
  it('allows the site\'s registered origin and says so per origin', async () => {
    const { site } = await createSite({ origins: ['https://www.espoo.fi'] });
    const response = await call(`/api/v1/sites/${site.id}`, { headers: { Origin: 'https://www.espoo.fi' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://www.espoo.fi');
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('gives other origins no CORS headers', async () => {
    const { site } = await createSite({ origins: ['https://www.espoo.fi'] });
    const response = await call(`/api/v1/sites/${site.id}`, { headers: { Origin: 'https://www.espoo.fi.evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('allows the API\'s own origin (the demo page and iframe pages)', async () => {
    const { site } = await createSite({ origins: [] });
    const response = await call(`/api/v1/sites/${site.id}`, { headers: { Origin: ORIGIN } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
  });

  it('answers an allowed preflight with the methods and headers widgets send', async () => {
    const { site } = await createSite({ origins: ['https://www.vantaa.fi'] });
    const response = await call(`/api/v1/sites/${site.id}/tokens`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://www.vantaa.fi', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Idempotency-Key');
  });

  it('refuses a preflight from an unregistered origin with a 403 that says what to do', async () => {
    const { site } = await createSite({ origins: ['https://www.vantaa.fi'] });
    const response = await call(`/api/v1/sites/${site.id}/tokens`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(403);
    const error = await errorOf(response);
    expect(error.code).toBe('origin_not_allowed');
    expect(error.message).toContain('https://elsewhere.example');
  });
});
