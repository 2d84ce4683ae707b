import { createRoute } from '@hono/zod-openapi';
import { createApp, nowIso, officialRoute } from '../app.ts';
import { auditStatement } from '../db/audit.ts';
import { findSite, siteSettings, updateSiteStatement } from '../db/sites.ts';
import { ValidationError } from '../errors.ts';
import { siteCache } from '../middleware/tenant.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { Official, PublicSite, Site, SiteUpdate } from '../schema/sites.ts';

const app = createApp();

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}',
    tags: ['Sites'],
    summary: 'A site\'s public settings',
    description: 'Name and languages; the widgets read it to pick the language when the page does not say.',
    request: { params: SiteParams },
    responses: {
      200: { description: 'The site', content: { 'application/json': { schema: PublicSite } } },
      ...errorResponses(404),
    },
  }),
  (c) => {
    const { id, name, defaultLang, languages, challengeSiteKey } = c.var.site;
    return c.json({ id, name, defaultLang, languages, challengeSiteKey }, 200, { 'Cache-Control': 'public, max-age=60' });
  },
);

app.openapi(
  officialRoute('viewer', {
    method: 'get',
    path: '/sites/{site}/me',
    tags: ['Sites'],
    summary: 'Who this token is',
    request: { params: SiteParams },
    responses: {
      200: { description: 'The token\'s label and role', content: { 'application/json': { schema: Official } } },
      ...errorResponses(401, 403, 404),
    },
  }),
  (c) => c.json(c.var.official, 200),
);

app.openapi(
  officialRoute('owner', {
    method: 'get',
    path: '/sites/{site}/settings',
    tags: ['Sites'],
    summary: 'All of a site\'s settings',
    request: { params: SiteParams },
    responses: {
      200: { description: 'The site with its origins', content: { 'application/json': { schema: Site } } },
      ...errorResponses(401, 403, 404),
    },
  }),
  async (c) => {
    // The owner reads what is stored, not this isolate's few-second copy: a change made by
    // `npm run site:create` or another isolate shows at once.
    const site = (await findSite(c.env.DB, c.var.site.id)) ?? c.var.site;
    siteCache.set(site.id, site);
    return c.json(siteSettings(site), 200);
  },
);

app.openapi(
  officialRoute('owner', {
    method: 'patch',
    path: '/sites/{site}/settings',
    tags: ['Sites'],
    summary: 'Change a site\'s name, languages or allowed origins',
    request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: SiteUpdate } } } },
    responses: {
      200: { description: 'The site as it is now', content: { 'application/json': { schema: Site } } },
      ...errorResponses(400, 401, 403, 404, 413, 415),
    },
  }),
  async (c) => {
    const update = c.req.valid('json');
    const next = { ...c.var.site, ...update };
    if (!next.languages.includes(next.defaultLang)) {
      throw new ValidationError([
        { path: ['languages'], code: 'custom', message: 'The default language must be one of the site\'s languages.' },
      ]);
    }
    const now = nowIso();
    await c.env.DB.batch([
      updateSiteStatement(c.env.DB, c.var.site, update, now),
      auditStatement(c.env.DB, c.var.official, { action: 'site.update', target: c.var.site.id, detail: { ...update, ...(update.challengeSecret !== undefined ? { challengeSecret: '(changed)' } : {}) } }, now),
    ]);
    siteCache.delete(c.var.site.id);
    return c.json(siteSettings({ ...next, challengeSecretSet: next.challengeSecret !== null && next.challengeSecret !== undefined }), 200);
  },
);

export default app;
