/**
 * Cases: what was decided on a case, and what residents were asked about it (worker/cases/).
 * Public reads and the one-email request; officials see which cases still await a decision.
 */
import { createRoute } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { caseView } from '../cases/view.ts';
import { awaitingCases, findCase, subscribeStatement } from '../db/cases.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { clientHash, enforceRateLimit } from '../rate-limit.ts';
import { AwaitingCase, AwaitingCases, CaseQuery, CaseSubscription, CaseSubscriptionInput, CaseView } from '../schema/cases.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';

const app = createApp();

/**
 * Kept 30 s at the edge, where an official's change (a decision published) leaves it behind at once
 * (a new content version); not in the browser, which would show "nothing decided" after it was.
 */
const PUBLIC_CACHE = 'public, max-age=0, s-maxage=30';

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/cases',
    tags: ['Cases'],
    summary: 'What was decided on a case, and what residents were asked',
    description:
      'The decisions with this case id (newest meeting first), the published polls that carry it (with their answer counts once their results are public) and how much feedback was sent about it. An unknown case id is not an error: it has nothing yet.',
    request: { params: SiteParams, query: CaseQuery },
    responses: { 200: json(CaseView, 'The case'), ...errorResponses(400, 404) },
  }),
  async (c) => {
    const { id, lang } = c.req.valid('query');
    const site = c.var.site;
    const record = await findCase(c.env.DB, site.id, id);
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json(caseView(record, id, new URL(c.req.url).origin, site.id, lang ?? null), 200);
  },
);

app.openapi(
  createRoute({
    method: 'post',
    path: '/sites/{site}/cases/subscriptions',
    tags: ['Cases'],
    summary: 'Email me once when this is decided',
    description:
      'Keeps the address for one email, sent when a decision with this case id is published; the address is then deleted, and in any case after the site\'s retention period for contact details. Asking again changes nothing but the language. 404 `case_unknown` when no poll, feedback form or feedback of the site is about the case; 409 `case_decided` when a decision is already published (read it at `GET …/cases?id=`). Limited per client address (429 with `Retry-After`).',
    request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: CaseSubscriptionInput } } } },
    responses: { 202: json(CaseSubscription, 'The email will be sent when the decision is published'), ...errorResponses(400, 404, 409, 413, 415, 429) },
  }),
  async (c) => {
    const { caseId, email, lang } = c.req.valid('json');
    const site = c.var.site;
    await enforceRateLimit(c.env.SUBMISSION_RATE_LIMIT, `${site.id}:cases:${await clientHash(c, `${site.id}:cases`)}`);
    const record = await findCase(c.env.DB, site.id, caseId);
    if (record.decisions.length > 0) {
      throw new ConflictError('case_decided', `A decision on case ${caseId} has already been published: read it at GET /api/v1/sites/${site.id}/cases?id=${encodeURIComponent(caseId)}.`);
    }
    if (record.polls.length === 0 && record.forms === 0 && record.feedback === 0) {
      throw new NotFoundError('case_unknown', `No poll, feedback form or feedback on this site is about case ${caseId}. Check the case number.`);
    }
    const since = await subscribeStatement(c.env.DB, { site: site.id, caseId, address: email, lang, origin: new URL(c.req.url).origin }, nowIso()).first<string>('created_at');
    // From when it was first asked for: asking again does not keep it longer.
    const keptUntil = new Date(Date.parse(since!) + site.contactRetentionDays * 86_400_000).toISOString();
    c.header('Cache-Control', 'no-store');
    return c.json({ caseId, status: 'waiting' as const, keptUntil }, 202);
  },
);

app.openapi(
  officialRoute('viewer', {
    method: 'get',
    path: '/sites/{site}/cases/awaiting',
    tags: ['Cases'],
    summary: 'Cases residents were asked about that have no decision yet',
    description: 'Every published poll and feedback form linked to a case id on which no decision has been published, grouped by case, with the feedback sent and the residents waiting for the email. Newest poll first.',
    request: { params: SiteParams },
    responses: { 200: json(AwaitingCases, 'By case'), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const found = await awaitingCases(c.env.DB, c.var.site.id);
    const cases = new Map<string, Pick<z.infer<typeof AwaitingCase>, 'caseId' | 'polls' | 'forms'>>();
    const entry = (caseId: string) => cases.get(caseId) ?? cases.set(caseId, { caseId, polls: [], forms: [] }).get(caseId)!;
    for (const poll of found.polls) entry(poll.caseId).polls.push({ id: poll.id, question: poll.question, status: poll.status, ballots: poll.ballotCount });
    for (const form of found.forms) entry(form.caseId).forms.push({ id: form.id, title: form.title, status: form.status });
    const items = [...cases.values()].map((item) => ({ ...item, feedback: found.feedback.get(item.caseId) ?? 0, waiting: found.waiting.get(item.caseId) ?? 0 }));
    return c.json({ items }, 200);
  },
);

export default app;
