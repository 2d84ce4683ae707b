import { describe, expect, it } from 'vitest';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';

describe('requireRole()', () => {
  it('asks for a bearer token when none is sent', async () => {
    const { site } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect((await errorOf(response)).code).toBe('unauthorized');
  });

  it('refuses an unknown token with 401', async () => {
    const { site } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}/me`, { token: 'osl_not-a-real-token' });
    expect(response.status).toBe(401);
  });

  it('refuses a token of site A on site B with 403 wrong_site', async () => {
    const a = await createSite();
    const b = await createSite();
    const response = await call(`/api/v1/sites/${b.site.id}/me`, { token: a.owner });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('wrong_site');
  });

  it('lets a role do what it and lower roles may, and nothing above', async () => {
    const { site } = await createSite();
    const viewer = await createToken(site.id, 'viewer');
    const editor = await createToken(site.id, 'editor');
    expect((await call(`/api/v1/sites/${site.id}/me`, { token: viewer })).status).toBe(200);
    const denied = await call(`/api/v1/sites/${site.id}/tokens`, { token: editor });
    expect(denied.status).toBe(403);
    const error = await errorOf(denied);
    expect(error.code).toBe('insufficient_role');
    expect(error.message).toContain('owner');
  });

  it('says who the token belongs to', async () => {
    const { site } = await createSite();
    const moderator = await createToken(site.id, 'moderator', 'Palautetiimi');
    const me = await (await call(`/api/v1/sites/${site.id}/me`, { token: moderator })).json();
    expect(me).toMatchObject({ label: 'Palautetiimi', role: 'moderator', site: site.id });
  });

  it('checks the token before reading the body, so strangers learn nothing about the schema', async () => {
    const { site } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', json: { nonsense: true } });
    expect(response.status).toBe(401);
  });
});
