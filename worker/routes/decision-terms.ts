/**
 * The names of the topics and districts decisions carry as slugs, per language: the list (public,
 * like the facets) and an official's edit of one term's labels.
 */
import { createRoute } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { auditStatement } from '../db/audit.ts';
import { listTerms, putTermStatement, termCount } from '../db/decision-terms.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { DecisionTerm, DecisionTermList, TermInput, TermParams } from '../schema/decisions.ts';

const app = createApp();

/** As the facets: a few minutes in the edge cache. */
const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/decision-terms',
    tags: ['Decisions'],
    summary: 'The topics and districts with their names per language',
    description: 'Every topic and district the site\'s decisions carry, and every one an official has named, with how many decisions carry it: topics first, then districts, most used first.',
    request: { params: SiteParams },
    responses: { 200: json(DecisionTermList, 'The terms'), ...errorResponses(404) },
  }),
  async (c) => {
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json({ items: await listTerms(c.env.DB, c.var.site.id) }, 200);
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'put',
    path: '/sites/{site}/decision-terms/{kind}/{value}',
    tags: ['Decisions'],
    summary: 'Name a topic or a district in each language',
    description:
      'Replaces the term\'s labels: `{"label": {"fi": "Päiväkodit", "sv": "Daghem", "en": "Day care"}}`. A term may be named before any decision carries it. The widgets, the no-JS pages and the Atom feed show the label in the reader\'s language, else the slug.',
    request: { params: TermParams, body: { required: true, content: { 'application/json': { schema: TermInput } } } },
    responses: { 200: json(DecisionTerm, 'The term as it is now'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const { kind, value } = c.req.valid('param');
    const { label } = c.req.valid('json');
    const now = nowIso();
    await c.env.DB.batch([
      putTermStatement(c.env.DB, c.var.site.id, { kind, value, label }, now),
      auditStatement(c.env.DB, c.var.official, { action: 'decision_term.update', target: `${kind}:${value}`, detail: { languages: Object.keys(label) } }, now),
    ]);
    return c.json({ kind, value, label, count: await termCount(c.env.DB, c.var.site.id, kind, value) }, 200);
  },
);

export default app;
