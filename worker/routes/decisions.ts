import { createRoute, z } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { auditStatement } from '../db/audit.ts';
import { isUniqueViolation } from '../db/constraints.ts';
import { termLabels } from '../db/decision-terms.ts';
import { decisionFacets, deleteDecisionStatement, findDecision, insertDecisionStatements, listDecisions, updateDecisionStatements } from '../db/decisions.ts';
import { mailWhenDecided } from '../cases/notify.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { buildDecision, decisionNotFound, publicDecision } from '../decision-rules.ts';
import { ConflictError } from '../errors.ts';
import { idempotencyKey, rememberAnswer, replayFor } from '../idempotency.ts';
import { sha256Hex } from '../crypto.ts';
import { optionalOfficial } from '../middleware/auth.ts';
import { SiteParams, Slug, errorResponses } from '../schema/common.ts';
import { DecisionInput, DecisionPage, DecisionParams, DecisionQuery, DecisionUpdate, DecisionView, Facets } from '../schema/decisions.ts';
import type { Decision } from '../schema/decisions.ts';
import { IDEMPOTENCY_KEY } from '../schema/headers.ts';

const app = createApp();

/** Public reads may sit in the edge cache a few minutes; officials always read fresh. */
const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

/** The labels of the topics and districts these decisions mention. */
const labelsOf = (db: D1Database, site: string, decisions: Pick<Decision, 'topics' | 'districts'>[]) => termLabels(db, site, decisions.flatMap((d) => [...d.topics, ...d.districts]));

const exists = (id: string) => new ConflictError('decision_exists', `A decision "${id}" already exists on this site; choose another id, or edit it.`);

app.openapi(
  officialRoute('editor', {
    method: 'post',
    path: '/sites/{site}/decisions',
    tags: ['Decisions'],
    summary: 'Publish a decision',
    parameters: [IDEMPOTENCY_KEY],
    description: 'Send `Idempotency-Key` to retry safely: a retry returns the first answer (200, `Idempotent-Replay: true`) and publishes nothing more.',
    request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: DecisionInput } } } },
    responses: { 201: json(DecisionView, 'Published'), 200: json(DecisionView, 'A replay of the first answer'), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const key = idempotencyKey(c);
    const requestHash = key ? await sha256Hex(JSON.stringify(input)) : '';
    const earlier = await replayFor(c, key, 'decision.create', requestHash);
    if (earlier) return c.json(earlier.response as z.infer<typeof DecisionView>, 200, { 'Idempotent-Replay': 'true' });
    const decision = buildDecision(input, nowIso());
    const answer = { ...publicDecision(decision, true).full, labels: await labelsOf(c.env.DB, c.var.site.id, [decision]) };
    try {
      await c.env.DB.batch([
        ...insertDecisionStatements(c.env.DB, c.var.site.id, decision),
        auditStatement(c.env.DB, c.var.official, { action: 'decision.create', target: decision.id, detail: { sourceId: decision.sourceId } }, decision.updatedAt),
        ...(key ? [rememberAnswer(c, key, 'decision.create', requestHash, 201, answer, decision.updatedAt)] : []),
      ]);
    } catch (error) {
      if (key && isUniqueViolation(error, 'idempotency_keys')) {
        const first = await replayFor(c, key, 'decision.create', requestHash);
        if (first) return c.json(first.response as z.infer<typeof DecisionView>, 200, { 'Idempotent-Replay': 'true' });
      }
      if (isUniqueViolation(error, 'decisions')) {
        throw decision.sourceId ? new ConflictError('decision_exists', `A decision with the id "${decision.id}" or the source id "${decision.sourceId}" already exists on this site.`) : exists(decision.id);
      }
      throw error;
    }
    if (decision.caseId) mailWhenDecided(c);
    return c.json(answer, 201);
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'patch',
    path: '/sites/{site}/decisions/{decision}',
    tags: ['Decisions'],
    summary: 'Edit a decision',
    request: { params: DecisionParams, body: { required: true, content: { 'application/json': { schema: DecisionUpdate } } } },
    responses: { 200: json(DecisionView, 'The decision as it is now'), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  }),
  async (c) => {
    const { decision: id } = c.req.valid('param');
    const current = await findDecision(c.env.DB, c.var.site.id, id);
    if (!current) throw decisionNotFound(id);
    const update = c.req.valid('json');
    const merged = { ...current, ...update, meeting: { ...current.meeting, ...update.meeting } } as Decision;
    const decision = buildDecision(
      {
        ...merged,
        sourceId: merged.sourceId ?? undefined,
        meeting: { id: merged.meeting.id ?? undefined, date: merged.meeting.date },
        section: merged.section ?? undefined,
        caseId: merged.caseId ?? undefined,
        summary: merged.summary ?? undefined,
        body: merged.body ?? undefined,
        plainSummary: merged.plainSummary ?? undefined,
        sourceUrl: merged.sourceUrl ?? undefined,
      },
      nowIso(),
      current,
    );
    try {
      await c.env.DB.batch([
        ...updateDecisionStatements(c.env.DB, c.var.site.id, decision),
        auditStatement(c.env.DB, c.var.official, { action: 'decision.update', target: id, detail: { changed: Object.keys(update) } }, decision.updatedAt),
      ]);
    } catch (error) {
      if (isUniqueViolation(error, 'decisions')) throw new ConflictError('decision_exists', `Another decision on this site already has the source id "${decision.sourceId}".`);
      throw error;
    }
    if (decision.caseId) mailWhenDecided(c);
    return c.json({ ...publicDecision(decision, true).full, labels: await labelsOf(c.env.DB, c.var.site.id, [decision]) }, 200);
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'delete',
    path: '/sites/{site}/decisions/{decision}',
    tags: ['Decisions'],
    summary: 'Delete a decision',
    request: { params: DecisionParams },
    responses: { 200: json(z.object({ id: z.string(), deleted: z.literal(true) }), 'Deleted'), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { decision: id } = c.req.valid('param');
    if (!(await findDecision(c.env.DB, c.var.site.id, id))) throw decisionNotFound(id);
    await c.env.DB.batch([deleteDecisionStatement(c.env.DB, c.var.site.id, id), auditStatement(c.env.DB, c.var.official, { action: 'decision.delete', target: id }, nowIso())]);
    return c.json({ id, deleted: true as const }, 200);
  },
);

const CURSOR_SHAPE = [/^\d{4}-\d{2}-\d{2}$/, /^\d{1,15}$/];

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/decisions',
    tags: ['Decisions'],
    summary: 'Decisions, newest meeting first',
    description: 'Filter by organ, topic, district, meeting dates and words (`q`). Page with `nextCursor`: pages stay stable while decisions are added.',
    request: { params: SiteParams, query: DecisionQuery },
    responses: { 200: json(DecisionPage, 'One page'), ...errorResponses(400, 404) },
  }),
  async (c) => {
    const { cursor, limit, ...filter } = c.req.valid('query');
    const [date, seq] = cursor ? decodeCursor('d', cursor, CURSOR_SHAPE) : [];
    // Server-Timing says how long D1 took, apart from the network and the Worker (the bench reads it).
    const rows = await listDecisions(c.env.DB, c.var.site.id, { ...filter, limit, after: date && seq ? { date, seq: Number(seq) } : undefined }, (ms) =>
      c.header('Server-Timing', `d1;desc="D1 query";dur=${ms.toFixed(2)}`),
    );
    const last = rows.at(-1);
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json(
      {
        items: rows.map(({ seq: _seq, ...d }) => publicDecision(d, false).summary),
        nextCursor: rows.length === limit && last ? encodeCursor('d', last.meeting.date, last.seq) : null,
        labels: await labelsOf(c.env.DB, c.var.site.id, rows),
      },
      200,
    );
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/decisions/{decision}',
    tags: ['Decisions'],
    summary: 'One decision with its body and attachments',
    request: { params: DecisionParams },
    responses: { 200: json(DecisionView, 'The decision'), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { decision: id } = c.req.valid('param');
    const official = await optionalOfficial(c);
    const decision = await findDecision(c.env.DB, c.var.site.id, id);
    if (!decision) throw decisionNotFound(id);
    c.header('Cache-Control', official ? 'private, no-store' : PUBLIC_CACHE);
    const { seq: _seq, ...rest } = decision;
    return c.json({ ...publicDecision(rest, Boolean(official)).full, labels: await labelsOf(c.env.DB, c.var.site.id, [rest]) }, 200);
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/decision-facets',
    tags: ['Decisions'],
    summary: 'The organs, topics and districts of the site\'s decisions, with counts',
    description: 'With `organ`, the topics and districts are those of that organ\'s decisions.',
    request: { params: SiteParams, query: z.object({ organ: Slug.optional() }) },
    responses: { 200: json(Facets, 'For filter chips'), ...errorResponses(400, 404) },
  }),
  async (c) => {
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json(await decisionFacets(c.env.DB, c.var.site.id, c.req.valid('query').organ), 200);
  },
);

export default app;
