import { createRoute } from '@hono/zod-openapi';
import { createApp, nowIso } from '../app.ts';
import { readCatalogue } from '../db/catalogue.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { Catalogue } from '../schema/catalogue.ts';

/** GET /sites/{site}/catalogue: what a CMS block may embed (published items only). */
const app = createApp();

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/catalogue',
    tags: ['Sites'],
    summary: 'What can be embedded',
    description:
      'The site\'s polls and feedback forms (open and closed, never drafts), published videos, the channels they are in and the decision-making organs, with their titles in every language given. CMS plugins (the WordPress block) build their pickers from it. Up to 500 of each, newest first.',
    request: { params: SiteParams },
    responses: {
      200: { description: 'The lists', content: { 'application/json': { schema: Catalogue } } },
      ...errorResponses(404),
    },
  }),
  async (c) => c.json(await readCatalogue(c.env.DB, c.var.site.id, nowIso()), 200, { 'Cache-Control': 'public, max-age=60' }),
);

export default app;
