/**
 * Open311 GeoReport v2 over each site's feedback forms, mounted at /open311: one service per
 * open form, requests stored exactly as `POST …/forms/:form/submissions` stores them. Plain Hono
 * routes, not OpenAPI operations: `services/{code}.json` does not fit the route model, and the
 * errors are Open311's `[{"code", "description"}]`, not the API's envelope. See
 * worker/open311/README.md.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { z } from '@hono/zod-openapi';
import { findRequestStates, listRequestStates } from '../db/open311.ts';
import type { PublicRequestState } from '../db/open311.ts';
import { findForm, listSiteForms } from '../db/forms.ts';
import { ApiError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { ErrorIssue } from '../errors.ts';
import { validateSubmission } from '../form-rules.ts';
import { idempotencyKey } from '../idempotency.ts';
import { localizedText } from '../localize.ts';
import { requestBody } from '../middleware/request-body.ts';
import { tenant } from '../middleware/tenant.ts';
import { requireOpen311Official } from '../open311/auth.ts';
import { open311Issues, service, serviceDefinition, serviceNotice, toSubmissionInput } from '../open311/mapping.ts';
import { collectParams, formEntries, jsonEntries } from '../open311/params.ts';
import { open311OnError, respond } from '../open311/respond.ts';
import { meterLookup } from '../rate-limit.ts';
import { Slug } from '../schema/common.ts';
import type { Lang } from '../schema/common.ts';
import type { Form, SubmissionInput } from '../schema/forms.ts';
import { CommonQuery, FORMATS, MAX_REQUESTS, MAX_SPAN_DAYS, REF_PATTERN, RequestListQuery } from '../schema/open311.ts';
import type { Format, Open311Created, Open311Request } from '../schema/open311.ts';
import { submitFeedback } from '../submit.ts';
import type { AppEnv } from '../types.ts';

const app = new Hono<AppEnv>();
app.onError(open311OnError);

const DAY = 24 * 3600 * 1000;

function parseQuery<T extends z.ZodType>(schema: T, c: Context<AppEnv>): z.infer<T> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw ValidationError.fromZod(result.error.issues);
  return result.data;
}

/** The language asked for (`locale`, else `lang`), else the site's default. */
function langOf(c: Context<AppEnv>): Lang {
  const query = parseQuery(CommonQuery, c);
  return query.locale ?? query.lang ?? c.var.site.defaultLang;
}

function checkJurisdiction(c: Context<AppEnv>, given: string | undefined): void {
  if (given !== undefined && given !== c.var.site.id) {
    throw new ValidationError([{ path: ['jurisdiction_id'], code: 'wrong_jurisdiction', message: `This endpoint serves only the jurisdiction "${c.var.site.id}"; leave jurisdiction_id out or send that.` }]);
  }
}

/** `name.json` or `name.xml` → the name and the format; anything else is not found. */
function splitExtension(file: string, what: string): [string, Format] {
  const match = /^(.+)\.(json|xml)$/i.exec(file);
  if (!match) throw new NotFoundError('not_found', `Ask for ${what}.json or ${what}.xml.`);
  return [match[1]!, match[2]!.toLowerCase() as Format];
}

const serviceNotFound = (code: string) => new NotFoundError('service_not_found', `service_code: There is no open service "${code.slice(0, 64)}" here. GET services.json lists them.`);

app.use('/v2/:site/*', tenant());
app.use('/v2/:site/*', async (c, next) => {
  checkJurisdiction(c, parseQuery(CommonQuery, c).jurisdiction_id);
  await next();
});
app.use('/v2/:site/*', requestBody({ maxBytes: 64 * 1024, types: ['application/x-www-form-urlencoded', 'application/json'] }));

for (const format of FORMATS) {
  app.get(`/v2/:site/services.${format}`, async (c) => {
    const lang = langOf(c);
    const forms = await listSiteForms(c.env.DB, c.var.site.id);
    // A form that asks for a Turnstile check is not offered: Open311 clients cannot pass one.
    const services = forms.filter((form) => form.status === 'open' && !form.challenge).map((form) => service(form, lang, c.var.site));
    return respond(c, format, 200, 'services', services, { 'Cache-Control': 'public, max-age=60' });
  });

  app.get(`/v2/:site/requests.${format}`, async (c) => {
    const lang = langOf(c);
    const query = parseQuery(RequestListQuery, c);
    let states: PublicRequestState[];
    if (query.service_request_id) {
      // Whoever holds a code may read its state: no token needed, but each code asked for is a
      // lookup, metered like the API's (a list of 20 guesses is 20 guesses).
      const refs = [...new Set(query.service_request_id)];
      const meter = await meterLookup(c, refs.length);
      states = await findRequestStates(c.env.DB, c.var.site.id, refs);
      await meter.missed(refs.length - states.length);
    } else {
      await requireOpen311Official(c, 'viewer');
      const [from, to] = dateRange(query.start_date, query.end_date);
      const statuses = query.status?.flatMap((s) => (s === 'open' ? ['received', 'in_progress'] : ['answered', 'closed']));
      states = await listRequestStates(c.env.DB, c.var.site.id, { forms: query.service_code, statuses, from: from.toISOString(), to: to.toISOString(), limit: MAX_REQUESTS });
    }
    return respond(c, format, 200, 'service_requests', await requestViews(c, states, lang), { 'Cache-Control': 'private, no-store' });
  });

  app.post(`/v2/:site/requests.${format}`, async (c) => {
    // A form-encoded POST needs no CORS preflight, so a browser would send one from any page: only
    // the site's own pages (and apps, which send no Origin) may file requests.
    const origin = c.req.header('Origin');
    if (origin && !c.var.site.origins.includes(origin) && origin !== new URL(c.req.url).origin) {
      throw new ForbiddenError('origin_not_allowed', `Requests are not taken from pages at ${origin.slice(0, 100)}; an owner can register the site's own origin.`);
    }
    const key = idempotencyKey(c);
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    // Read as bytes: workerd warns when text() meets a form-encoded body. Invalid UTF-8 becomes U+FFFD.
    const text = new TextDecoder().decode(await c.req.arrayBuffer());
    const params = collectParams(type === 'application/json' ? jsonEntries(text) : formEntries(text));
    const single = (name: string) => {
      const values = params.standard.get(name);
      if (values && values.length > 1) throw new ValidationError([{ path: [name], code: 'repeated_parameter', message: 'Send this parameter once.' }]);
      return values?.[0];
    };
    checkJurisdiction(c, single('jurisdiction_id'));
    const locale = CommonQuery.shape.locale.safeParse(single('locale') ?? single('lang'));
    if (!locale.success) throw new ValidationError([{ path: ['locale'], code: 'invalid_locale', message: 'Use fi, sv or en (a region such as fi_FI is fine).' }]);
    const lang = locale.data ?? langOf(c);
    const code = single('service_code')?.trim();
    if (!code) throw new ValidationError([{ path: ['service_code'], code: 'required', message: 'This parameter is required: the service to report to (GET services.json lists them).' }]);
    const form = Slug.safeParse(code).success ? await findForm(c.env.DB, c.var.site.id, code) : null;
    if (!form || form.status === 'draft' || form.challenge) throw serviceNotFound(code);

    const { input, issues } = toSubmissionInput(form, params);
    // The form's own rules are checked too, so one answer names everything to fix.
    if (issues.length) throw new ValidationError(open311Issues(form, [...issues, ...ruleIssues(form, input)]));
    let stored: { ref: string; replay: boolean };
    try {
      stored = await submitFeedback(c, form, input, {
        key,
        closedError: () => new ApiError(400, 'form_closed', `service_code: The service "${form.id}" no longer takes requests.`),
      });
    } catch (error) {
      if (error instanceof ValidationError && error.issues) throw new ValidationError(open311Issues(form, error.issues));
      throw error;
    }
    const created: Open311Created[] = [{ service_request_id: stored.ref, service_notice: serviceNotice(stored.ref, lang) }];
    return stored.replay
      ? respond(c, format, 200, 'service_requests', created, { 'Idempotent-Replay': 'true' })
      : respond(c, format, 201, 'service_requests', created);
  });
}

app.get('/v2/:site/services/:file', async (c) => {
  const [code, format] = splitExtension(c.req.param('file'), 'services/CODE');
  const lang = langOf(c);
  const form = Slug.safeParse(code).success ? await findForm(c.env.DB, c.var.site.id, code) : null;
  if (!form || form.status !== 'open' || form.challenge) throw serviceNotFound(code);
  return respond(c, format, 200, 'service_definition', serviceDefinition(form, lang, c.var.site), { 'Cache-Control': 'public, max-age=60' });
});

app.get('/v2/:site/requests/:file', async (c) => {
  const [id, format] = splitExtension(c.req.param('file'), 'requests/ID');
  const lang = langOf(c);
  const ref = id.toUpperCase();
  if (!REF_PATTERN.test(ref)) throw new ValidationError([{ path: ['service_request_id'], code: 'invalid_ref', message: 'A service_request_id looks like K7M-4QX.' }]);
  const meter = await meterLookup(c);
  const states = await findRequestStates(c.env.DB, c.var.site.id, [ref]);
  if (!states.length) {
    await meter.missed();
    throw new NotFoundError('request_not_found', `service_request_id: No request ${ref} was found here. Check the code.`);
  }
  return respond(c, format, 200, 'service_requests', await requestViews(c, states, lang), { 'Cache-Control': 'private, no-store' });
});

app.all('*', (c) => {
  throw new NotFoundError('not_found', `Nothing answers ${c.req.method} ${c.req.path.slice(0, 200)}. Open311 lives at /open311/v2/SITE/services.json (see GeoReport v2).`);
});

/** The period to list: as given, else up to 90 days back from the end (or now). */
function dateRange(start: Date | undefined, end: Date | undefined): [Date, Date] {
  const to = end ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY) : new Date());
  const from = start ?? new Date(to.getTime() - MAX_SPAN_DAYS * DAY);
  if (from > to) throw new ValidationError([{ path: ['start_date'], code: 'invalid_range', message: 'start_date must not be after end_date.' }]);
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) {
    throw new ValidationError([{ path: ['end_date'], code: 'range_too_long', message: `From start_date to end_date may span at most ${MAX_SPAN_DAYS} days.` }]);
  }
  return [from, to];
}

/** ISO 8601 with an explicit offset, to the second: 2026-11-22T08:00:00+00:00. */
const withOffset = (iso: string) => `${new Date(iso).toISOString().slice(0, 19)}+00:00`;

/** The public state of each submission: never its answers, contact details or place. */
async function requestViews(c: Context<AppEnv>, states: PublicRequestState[], lang: Lang): Promise<Open311Request[]> {
  if (!states.length) return [];
  const site = c.var.site;
  const forms = new Map((await listSiteForms(c.env.DB, site.id)).map((form) => [form.id, form]));
  return states.map((state) => ({
    service_request_id: state.ref,
    status: state.status === 'received' || state.status === 'in_progress' ? 'open' : 'closed',
    status_notes: state.latestPublicReply,
    service_name: localizedText(forms.get(state.form)?.title, lang, site),
    service_code: state.form,
    requested_datetime: withOffset(state.createdAt),
    updated_datetime: withOffset(state.updatedAt),
    expected_datetime: null,
    agency_responsible: localizedText(site.name, lang, site),
  }));
}

/** What the form's rules say about `input`, as issues (none when it passes). */
function ruleIssues(form: Form, input: SubmissionInput): ErrorIssue[] {
  try {
    validateSubmission(form, input);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues ?? [];
    throw error;
  }
}

export default app;
