/**
 * A feedback form without JavaScript: the form's own fields, read from the API as the widget reads
 * them, sent by a plain post (the API's `POST …/submissions` with the form's one-off
 * Idempotency-Key, so a second send of the same form stores nothing more), then a redirect to the
 * page that shows the reference code and the removal key.
 */
import { html } from 'hono/html';
import { findAnswer } from '../../db/idempotency.ts';
import { EMAIL, PHONE, maxLengthOf } from '../../schema/form-limits.ts';
import { CONTACT_TYPES } from '../../schema/forms.ts';
import type { FormField } from '../../schema/forms.ts';
import type { Lang } from '../../schema/common.ts';
import { callApi, sitePath } from './api.ts';
import { ownPath } from './context.ts';
import type { FallbackContext, ShownError } from './context.ts';
import { formKey } from './outcome.ts';
import type { PostOutcome } from './outcome.ts';
import { errorSummary, fieldError, hasError, notice, postForm, shown, textOf } from './parts.ts';
import { stringsFor } from './strings/index.ts';

/** The form as `GET …/forms/{form}` answers it. */
interface FormView {
  id: string;
  title: Partial<Record<Lang, string>>;
  intro?: Partial<Record<Lang, string>>;
  fields: FormField[];
  categories?: { id: string; label: Partial<Record<Lang, string>> }[];
  privacy?: Partial<Record<Lang, string>>;
  status: 'draft' | 'open' | 'closed';
  challenge: boolean;
}

interface Receipt {
  ref: string;
  removalKey?: string;
}

const idOf = (key: string) => `nojs-f-${key}`;
const nameOf = (key: string) => `a.${key}`;
const CATEGORY = 'nojs-f--category';

const readForm = (ctx: FallbackContext) => callApi<FormView>(ctx.c, sitePath(ctx.site.id, `forms/${encodeURIComponent(ctx.id)}`));

function field(ctx: FallbackContext, f: FormField, values: URLSearchParams | undefined, errors: ShownError[] | undefined) {
  const t = stringsFor(ctx.lang);
  const id = idOf(f.key);
  const name = nameOf(f.key);
  const label = textOf(ctx, f.label);
  const help = f.help ? textOf(ctx, f.help) : f.type === 'location' ? t.feedback.address : '';
  const invalid = hasError(errors, id);
  const describedBy = [help ? `${id}-help` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  const described = describedBy ? html` aria-describedby="${describedBy}"` : '';
  const state = html`${f.required ? ' required' : ''} aria-invalid="${invalid ? 'true' : 'false'}"${described}`;
  const mark = f.required ? '' : html` <span class="nojs-optional">${t.optional}</span>`;
  const helpText = help ? html`<p class="nojs-hint" id="${id}-help">${help}</p>` : '';
  const value = values?.get(name) ?? '';
  const chosen = values?.getAll(name) ?? [];
  switch (f.type) {
    case 'shortText':
    case 'email':
    case 'phone':
    case 'location': {
      const type = f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'text';
      const auto = f.type === 'email' ? html` autocomplete="email"` : f.type === 'phone' ? html` autocomplete="tel"` : '';
      return html`<div class="nojs-field"><label for="${id}">${shown(ctx, f.label)}${mark}</label>${helpText}${fieldError(t, errors, id)}<input type="${type}" id="${id}" name="${name}" value="${value}"${auto}${state}></div>`;
    }
    case 'longText':
      return html`<div class="nojs-field"><label for="${id}">${shown(ctx, f.label)}${mark}</label>${helpText}${fieldError(t, errors, id)}<textarea id="${id}" name="${name}" rows="6"${state}>${value}</textarea></div>`;
    case 'choice':
    case 'multiChoice': {
      const type = f.type === 'choice' ? 'radio' : 'checkbox';
      return html`<fieldset class="nojs-field"${described}><legend>${shown(ctx, f.label)}${mark}</legend>${helpText}${fieldError(t, errors, id)}<div class="nojs-options">${(f.options ?? []).map(
        (option, i) =>
          html`<label class="nojs-option"><input type="${type}" name="${name}" value="${option.id}"${i === 0 ? html` id="${id}"` : ''}${chosen.includes(option.id) ? ' checked' : ''} aria-invalid="${invalid ? 'true' : 'false'}"> <span>${shown(ctx, option.label)}</span></label>`,
      )}</div></fieldset>`;
    }
    case 'consent':
      return html`<div class="nojs-field nojs-consent">${fieldError(t, errors, id)}<label class="nojs-option" for="${id}"><input type="checkbox" id="${id}" name="${name}" value="true"${value === 'true' ? ' checked' : ''}${state}> <span>${shown(ctx, f.label)}</span></label>${helpText}</div>`;
  }
}

function categories(ctx: FallbackContext, form: FormView, values: URLSearchParams | undefined, errors: ShownError[] | undefined) {
  if (!form.categories?.length) return '';
  const t = stringsFor(ctx.lang);
  const chosen = values?.get('category') ?? '';
  return html`<fieldset class="nojs-field"><legend>${t.feedback.category} <span class="nojs-optional">${t.optional}</span></legend>${fieldError(t, errors, CATEGORY)}<div class="nojs-options">${form.categories.map(
    (c, i) => html`<label class="nojs-option"><input type="radio" name="category" value="${c.id}"${i === 0 ? html` id="${CATEGORY}"` : ''}${chosen === c.id ? ' checked' : ''}> <span>${shown(ctx, c.label)}</span></label>`,
  )}</div></fieldset>`;
}

function thanks(ctx: FallbackContext, receipt: Receipt) {
  const t = stringsFor(ctx.lang).feedback;
  const follow = `/embed/v1/frame/feedback-status/lookup?${new URLSearchParams({ site: ctx.site.id, lang: ctx.lang, ref: receipt.ref })}`;
  return html`<div class="nojs-notice nojs-success nojs-sent" role="status"><h2>${t.sentTitle}</h2><p>${t.refIntro} <strong class="nojs-ref">${receipt.ref}</strong></p><p>${t.refHelp}</p>${
    receipt.removalKey ? html`<h3>${t.keyTitle}</h3><p><strong class="nojs-key">${receipt.removalKey}</strong></p><p>${t.keyHelp}</p>` : ''
  }</div><p><a href="${follow}">${t.follow}</a></p><p><a href="${ownPath(ctx.url)}">${t.sendAnother}</a></p>`;
}

/** The receipt of the form this browser just sent (`sent=KEY`): the API's stored first answer, kept a day. */
async function sentReceipt(ctx: FallbackContext): Promise<Receipt | null> {
  const key = formKey(ctx.url.searchParams.get('sent'));
  if (!key) return null;
  const stored = await findAnswer(ctx.c.env.DB, ctx.site.id, key);
  return stored && stored.scope === `submission:${ctx.id}` ? (stored.response as Receipt) : null;
}

export async function renderFeedback(ctx: FallbackContext) {
  const t = stringsFor(ctx.lang);
  const receipt = ctx.state ? null : await sentReceipt(ctx);
  if (receipt) return html`<div class="nojs nojs-feedback">${thanks(ctx, receipt)}</div>`;
  const answer = await readForm(ctx);
  if (!answer.ok) return notice(answer.status === 429 ? t.rateLimited : t.notFound, 'warning');
  const form = answer.data;
  const state = ctx.state ?? {};
  const title = textOf(ctx, form.title);
  const intro = form.intro ? html`<p class="nojs-description">${shown(ctx, form.intro)}</p>` : '';
  const head = html`${errorSummary(t, state.errors)}${state.notice ? notice(state.notice, 'warning') : ''}<h2 class="nojs-question">${shown(ctx, form.title)}</h2>${intro}`;
  if (form.status === 'closed') return html`<div class="nojs nojs-feedback">${head}<p class="nojs-meta">${t.feedback.closed}</p></div>`;
  if (form.challenge) return html`<div class="nojs nojs-feedback">${head}<p class="nojs-meta">${t.feedback.needsScript}</p></div>`;
  const hasContact = form.fields.some((f) => CONTACT_TYPES.includes(f.type));
  const privacy = form.privacy ? shown(ctx, form.privacy) : hasContact ? t.feedback.privacyDefault : '';
  const body = html`${form.fields.map((f) => field(ctx, f, state.values, state.errors))}${categories(ctx, form, state.values, state.errors)}<div hidden><label for="nojs-website">Website</label><input id="nojs-website" name="website" tabindex="-1" autocomplete="off"></div>${privacy ? html`<p class="nojs-meta">${privacy}</p>` : ''}`;
  return html`<div class="nojs nojs-feedback">${head}${postForm(ctx, title, t.feedback.submit, body)}</div>`;
}

/** Each field's problem in the page's language, the way the widget words them; none when the form may go. */
function checkAnswers(ctx: FallbackContext, form: FormView, answers: Record<string, unknown>): ShownError[] {
  const t = stringsFor(ctx.lang).feedback;
  const errors: ShownError[] = [];
  for (const f of form.fields) {
    const label = textOf(ctx, f.label);
    const value = answers[f.key];
    const add = (message: string) => errors.push({ field: idOf(f.key), message });
    if (value === undefined) {
      if (f.required) add(f.type === 'consent' ? t.requiredConsent : f.type === 'choice' || f.type === 'multiChoice' ? t.requiredChoice(label) : t.required(label));
      continue;
    }
    if (typeof value === 'string' && f.type !== 'choice') {
      const max = maxLengthOf(f);
      if (max !== undefined && value.length > max) add(t.tooLong(label, max, value.length));
      else if (f.type === 'email' && !EMAIL.test(value)) add(t.email);
      else if (f.type === 'phone' && !PHONE.test(value)) add(t.phone);
    }
    const known = new Set((f.options ?? []).map((o) => o.id));
    if (f.type === 'choice' && !known.has(value as string)) add(t.check(label));
    if (f.type === 'multiChoice' && (value as string[]).some((v) => !known.has(v))) add(t.check(label));
  }
  return errors;
}

/** Feedback sent by the form: checked here for the resident's sake, then stored by the API. */
export async function postFeedback(ctx: FallbackContext, sent: URLSearchParams): Promise<PostOutcome> {
  const t = stringsFor(ctx.lang);
  const refuse = (status: NonNullable<FallbackContext['status']>, errors: ShownError[]): PostOutcome => ({ status, state: { errors, values: sent } });
  const key = formKey(sent.get('key'));
  if (!key) return refuse(400, [{ message: t.tryAgain }]);
  const read = await readForm(ctx);
  if (!read.ok) return read.status === 429 ? refuse(429, [{ message: t.rateLimited }]) : refuse(404, [{ message: t.notFound }]);
  const form = read.data;
  if (form.challenge) return refuse(400, [{ message: t.feedback.needsScript }]);

  const answers: Record<string, unknown> = {};
  for (const f of form.fields) {
    const name = nameOf(f.key);
    if (f.type === 'multiChoice') {
      const chosen = sent.getAll(name);
      if (chosen.length) answers[f.key] = chosen;
    } else if (f.type === 'consent') {
      if (sent.get(name) === 'true') answers[f.key] = true;
    } else {
      const text = (sent.get(name) ?? '').trim();
      if (text) answers[f.key] = f.type === 'location' ? { address: text } : text;
    }
  }
  const located = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, typeof v === 'object' && v && 'address' in v ? (v as { address: string }).address : v]));
  const errors = checkAnswers(ctx, form, located);
  const category = sent.get('category') || undefined;
  if (category && !form.categories?.some((c) => c.id === category)) errors.push({ field: CATEGORY, message: t.feedback.check(t.feedback.category) });
  if (errors.length) return refuse(400, errors);

  const website = sent.get('website') || undefined;
  const result = await callApi<Receipt>(ctx.c, sitePath(ctx.site.id, `forms/${encodeURIComponent(ctx.id)}/submissions`), {
    method: 'POST',
    json: { answers, lang: ctx.lang, ...(category ? { category } : {}), ...(website ? { website: website.slice(0, 200) } : {}) },
    headers: { 'Idempotency-Key': key },
  });
  if (result.ok) return { redirect: ownPath(ctx.url, { sent: key }) };
  switch (result.error?.code) {
    // This very form was sent before with other answers: the first one was received.
    case 'idempotency_key_reused':
      return { redirect: ownPath(ctx.url, { sent: key }) };
    case 'form_closed':
      return { status: 409, state: { notice: t.feedback.closed } };
    case 'rate_limited':
      return refuse(429, [{ message: t.rateLimited }]);
    default: {
      if (result.status === 404) return refuse(404, [{ message: t.notFound }]);
      if (result.status === 413) return refuse(413, [{ message: t.tooLarge }]);
      if (result.status === 400) {
        const fields = (result.error?.issues ?? []).map((issue) => {
          const f = issue.path[0] === 'answers' ? form.fields.find((x) => x.key === issue.path[1]) : undefined;
          return f ? { field: idOf(f.key), message: t.feedback.check(textOf(ctx, f.label)) } : { message: t.wrongType };
        });
        return refuse(400, fields.length ? fields : [{ message: t.wrongType }]);
      }
      if (result.status === 403) return refuse(403, [{ message: t.feedback.needsScript }]);
      if (result.status === 409) return refuse(409, [{ message: t.tryAgain }]);
      return refuse(503, [{ message: t.serverError }]);
    }
  }
}
