import { createRoute, z } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { randomId } from '../crypto.ts';
import { auditStatement } from '../db/audit.ts';
import { isUniqueViolation } from '../db/constraints.ts';
import { findForm, findSubmissionStatus, forgetContactStatement, forgetContactWithKey, insertFormStatement, listSiteForms, updateFormStatement } from '../db/forms.ts';
import { ApiError, ConflictError, NotFoundError, ValidationError, submissionNotFound } from '../errors.ts';
import { removalKeyHash } from '../form-rules.ts';
import { idempotencyKey } from '../idempotency.ts';
import { optionalOfficial } from '../middleware/auth.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { ContactRemoval, ContactRemoved, FormCreate, FormParams, FormUpdate, FormView, RefParams, SubmissionInput, SubmissionReceipt, SubmissionStatusView, checkFormDefinition } from '../schema/forms.ts';
import type { Form, FormDefinition, FormField } from '../schema/forms.ts';
import { typesAfter } from '../schema/form-types.ts';
import type { SiteRecord } from '../schema/sites.ts';
import { meterLookup } from '../rate-limit.ts';
import { submitFeedback } from '../submit.ts';
import { IDEMPOTENCY_KEY } from '../schema/headers.ts';

const app = createApp();

/** A saved field keeps its kind: answers are stored under its key (see `typesAfter`). */
function checkTypeChanges(before: FormField[], after: FormField[], ctx: z.RefinementCtx): void {
  after.forEach((field, i) => {
    const old = before.find((f) => f.key === field.key);
    if (!old || typesAfter(old.type).includes(field.type)) return;
    const allowed = typesAfter(old.type).filter((t) => t !== old.type);
    ctx.addIssue({
      code: 'custom',
      path: ['fields', i, 'type'],
      message: `"${field.key}" is a ${old.type} field with answers stored under it, so it can ${allowed.length ? `change only to ${allowed.join(' or ')}` : 'not change type'}. Add a new field instead.`,
    });
  });
}
const formNotFound = (id: string) => new NotFoundError('form_not_found', `There is no form "${id}" on this site.`);

/** Every label a resident reads must exist in the site's default language. */
function checkAgainstSite(form: FormDefinition, site: SiteRecord): void {
  const lang = site.defaultLang;
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const need = (text: Partial<Record<string, string>> | undefined, path: (string | number)[]) => {
    if (text && !text[lang]) issues.push({ path, code: 'missing_language', message: `Give this in the site's default language (${lang}).` });
  };
  need(form.title, ['title']);
  form.fields.forEach((field, i) => {
    need(field.label, ['fields', i, 'label']);
    field.options?.forEach((option, j) => need(option.label, ['fields', i, 'options', j, 'label']));
  });
  form.categories?.forEach((category, i) => need(category.label, ['categories', i, 'label']));
  if (form.challenge && !(site.challengeSiteKey && site.challengeSecretSet)) {
    issues.push({ path: ['challenge'], code: 'not_configured', message: 'A Turnstile check needs the site\'s Turnstile site key and secret in its settings first.' });
  }
  if (issues.length) throw new ValidationError(issues);
}

const toView = (form: Form, site: SiteRecord) => {
  const { createdAt: _c, updatedAt: _u, ...view } = form;
  return { ...view, challenge: view.challenge ?? false, caseId: view.caseId ?? null, languages: [site.defaultLang, ...site.languages.filter((l) => l !== site.defaultLang)] };
};

app.openapi(
  officialRoute('editor', {
    method: 'post',
    path: '/sites/{site}/forms',
    tags: ['Feedback'],
    summary: 'Define a feedback form',
    request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: FormCreate } } } },
    responses: { 201: json(FormView, 'Created'), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  }),
  async (c) => {
    const { id: requested, ...definition } = c.req.valid('json');
    checkAgainstSite(definition, c.var.site);
    const now = nowIso();
    const id = requested ?? `form-${randomId(6).toLowerCase().replace(/[^a-z0-9]/g, '0')}`;
    const form: Form = { ...definition, id, site: c.var.site.id, createdAt: now, updatedAt: now };
    try {
      await c.env.DB.batch([
        insertFormStatement(c.env.DB, form),
        auditStatement(c.env.DB, c.var.official, { action: 'form.create', target: id, detail: { fields: form.fields.length, status: form.status } }, now),
      ]);
    } catch (error) {
      if (isUniqueViolation(error, 'forms')) {
        throw new ConflictError('form_exists', `A form "${id}" already exists on this site; choose another id.`);
      }
      throw error;
    }
    return c.json(toView(form, c.var.site), 201);
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'patch',
    path: '/sites/{site}/forms/{form}',
    tags: ['Feedback'],
    summary: 'Edit, open or close a feedback form',
    request: { params: FormParams, body: { required: true, content: { 'application/json': { schema: FormUpdate } } } },
    responses: { 200: json(FormView, 'The form as it is now'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const { form: id } = c.req.valid('param');
    const current = await findForm(c.env.DB, c.var.site.id, id);
    if (!current) throw formNotFound(id);
    const { intro, privacy, categories, ...changes } = c.req.valid('json');
    const next: Form = { ...current, ...changes, updatedAt: nowIso() };
    // Given: replaced; null: removed; left out: kept.
    const optional = { intro, privacy, categories };
    for (const key of ['intro', 'privacy', 'categories'] as const) {
      if (optional[key] === null) delete next[key];
      else if (optional[key] !== undefined) Object.assign(next, { [key]: optional[key] });
    }
    const check = z
      .custom<Form>()
      .superRefine((form, ctx) => {
        checkFormDefinition(form, ctx);
        checkTypeChanges(current.fields, form.fields, ctx);
      })
      .safeParse(next);
    if (!check.success) throw ValidationError.fromZod(check.error.issues);
    checkAgainstSite(next, c.var.site);
    await c.env.DB.batch([
      updateFormStatement(c.env.DB, next),
      auditStatement(c.env.DB, c.var.official, { action: 'form.update', target: id, detail: { changed: Object.keys(c.req.valid('json')) } }, next.updatedAt),
    ]);
    return c.json(toView(next, c.var.site), 200);
  },
);

app.openapi(
  officialRoute('moderator', {
    method: 'get',
    path: '/sites/{site}/forms',
    tags: ['Feedback'],
    summary: 'The site\'s feedback forms, drafts included',
    request: { params: SiteParams },
    responses: { 200: json(z.object({ items: z.array(FormView) }), 'Every form'), ...errorResponses(401, 403, 404) },
  }),
  async (c) => c.json({ items: (await listSiteForms(c.env.DB, c.var.site.id)).map((form) => toView(form, c.var.site)) }, 200),
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/forms/{form}',
    tags: ['Feedback'],
    summary: 'A feedback form\'s definition',
    request: { params: FormParams },
    responses: { 200: json(FormView, 'The form'), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { form: id } = c.req.valid('param');
    const official = await optionalOfficial(c);
    const form = await findForm(c.env.DB, c.var.site.id, id);
    if (!form || (form.status === 'draft' && !official)) throw formNotFound(id);
    c.header('Cache-Control', official ? 'private, no-store' : 'public, max-age=60');
    return c.json(toView(form, c.var.site), 200);
  },
);

app.openapi(
  createRoute({
    method: 'post',
    path: '/sites/{site}/forms/{form}/submissions',
    tags: ['Feedback'],
    summary: 'Send feedback',
    parameters: [IDEMPOTENCY_KEY],
    description:
      'Answers by field key. Send `Idempotency-Key` and retry until answered: a retry returns the first answer (200, `Idempotent-Replay: true`) and stores nothing more. The answer carries the reference code for following the case, and a removal key, shown only here, for removing the contact details later. A replay within a day returns the same key.',
    request: { params: FormParams, body: { required: true, content: { 'application/json': { schema: SubmissionInput } } } },
    responses: {
      201: json(SubmissionReceipt, 'Received'),
      200: json(SubmissionReceipt, 'A replay of the first answer'),
      ...errorResponses(400, 404, 409, 413, 415, 429),
    },
  }),
  async (c) => {
    const { form: id } = c.req.valid('param');
    const input = c.req.valid('json');
    const key = idempotencyKey(c);
    const form = await findForm(c.env.DB, c.var.site.id, id);
    if (!form || form.status === 'draft') throw formNotFound(id);
    const { replay, ...receipt } = await submitFeedback(c, form, input, { key, withRemovalKey: true });
    // The key is a secret shown once: no cache on the way may keep a copy.
    c.header('Cache-Control', 'private, no-store');
    return replay ? c.json(receipt, 200, { 'Idempotent-Replay': 'true' }) : c.json(receipt, 201);
  },
);

const LOOKUP_LIMITS =
  'Lookups by reference code are limited per client address and per site (429 with `Retry-After`); one that finds nothing counts three times.';

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/submissions/{ref}',
    tags: ['Feedback'],
    summary: 'The status of a submission and its public replies',
    description: `Anyone with the reference code may look; nothing the resident wrote is shown back. ${LOOKUP_LIMITS}`,
    request: { params: RefParams },
    responses: { 200: json(SubmissionStatusView, 'Status and public replies'), ...errorResponses(400, 404, 429) },
  }),
  async (c) => {
    const { ref } = c.req.valid('param');
    const meter = await meterLookup(c);
    const found = await findSubmissionStatus(c.env.DB, c.var.site.id, ref);
    if (!found) {
      await meter.missed();
      throw new NotFoundError('submission_not_found', `No feedback with the reference ${ref} was found on this site. Check the code.`);
    }
    c.header('Cache-Control', 'private, no-store');
    return c.json(found, 200);
  },
);

/** One answer for an unknown code and a wrong key, so neither can be probed apart from the other. */
const removalRefused = () =>
  new ApiError(403, 'removal_refused', 'The reference code and the removal key do not match any feedback on this site. Check both: the key was shown once, when the feedback was sent.');

app.openapi(
  createRoute({
    method: 'delete',
    path: '/sites/{site}/submissions/{ref}/contact',
    tags: ['Feedback'],
    summary: 'Remove my contact details',
    description: `Removes the email and phone number given with the feedback; the feedback itself stays. Needs the \`removalKey\` the resident got when sending it. An unknown code and a wrong key get the same 403 \`removal_refused\`, and count as misses against the lookup limits. ${LOOKUP_LIMITS}

Feedback sent before removal keys existed, or through Open311, has no key: an official (moderator or higher, with a token and no body) removes its contact details when the resident asks, and the removal is audited.`,
    request: { params: RefParams, body: { required: false, content: { 'application/json': { schema: ContactRemoval } } } },
    responses: { 200: json(ContactRemoved, 'Removed (or already gone)'), ...errorResponses(400, 401, 403, 404, 413, 415, 429) },
  }),
  async (c) => {
    const { ref } = c.req.valid('param');
    const site = c.var.site.id;
    const now = nowIso();
    const official = await optionalOfficial(c, 'moderator');
    if (official) {
      if (!(await findSubmissionStatus(c.env.DB, site, ref))) throw submissionNotFound(ref);
      await c.env.DB.batch([forgetContactStatement(c.env.DB, site, ref, now), auditStatement(c.env.DB, official, { action: 'submission.contact_remove', target: ref }, now)]);
      return c.json({ ref, contactRemoved: true as const }, 200);
    }
    const { removalKey } = c.req.valid('json') ?? {};
    if (!removalKey) {
      throw new ValidationError([{ path: ['removalKey'], code: 'required', message: 'Send the removal key you got when the feedback was sent, as {"removalKey": "…"}.' }]);
    }
    const meter = await meterLookup(c);
    if (!(await forgetContactWithKey(c.env.DB, site, ref, await removalKeyHash(removalKey), now))) {
      await meter.missed();
      throw removalRefused();
    }
    return c.json({ ref, contactRemoved: true as const }, 200);
  },
);

export default app;
