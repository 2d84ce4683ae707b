import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../db/audit.ts';
import { tableRowCounts } from '../db/introspection.ts';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';

describe('GET /sites/:site', () => {
  it('gives anyone the name and languages, never the origins', async () => {
    const { site } = await createSite({ origins: ['https://secret-staging.example'] });
    const response = await call(`/api/v1/sites/${site.id}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ id: site.id, name: site.name, defaultLang: 'fi', languages: ['fi', 'sv'], challengeSiteKey: null });
    expect(response.headers.get('Cache-Control')).toContain('max-age');
  });
});

describe('PATCH /sites/:site/settings', () => {
  it('changes the settings and writes the audit row in the same batch', async () => {
    const { site, owner } = await createSite();
    const update = { origins: ['https://www.esbo.fi'], languages: ['fi', 'sv', 'en'] };
    const response = await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: update });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject(update);
    const read = await (await call(`/api/v1/sites/${site.id}/settings`, { token: owner })).json();
    expect(read).toMatchObject(update);
    const [entry] = await listAudit(env.DB, site.id, { limit: 1 });
    expect(entry).toMatchObject({ action: 'site.update', target: site.id, actor: 'owner test', detail: update });
  });

  it('refuses a default language the site does not have, and changes nothing', async () => {
    const { site, owner } = await createSite();
    const before = await tableRowCounts(env.DB);
    const response = await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: { defaultLang: 'en' } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.[0]?.path).toEqual(['languages']);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('refuses origins with a path and an empty change', async () => {
    const { site, owner } = await createSite();
    for (const json of [{ origins: ['https://www.espoo.fi/'] }, { origins: ['javascript:alert(1)'] }, {}]) {
      const response = await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json });
      expect(response.status).toBe(400);
    }
  });

  it('is for owners only', async () => {
    const { site } = await createSite();
    const editor = await createToken(site.id, 'editor');
    const response = await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: editor, json: { origins: [] } });
    expect(response.status).toBe(403);
  });
});
