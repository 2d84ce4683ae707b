/**
 * Pieces every server-rendered widget shares: the GOV.UK-style error summary (a heading and a
 * list of links to the fields, at the top of the widget), a thank-you or notice box, forms that
 * post back to the frame page (or do nothing in a preview), and the localized text of a stored item.
 */
import { html } from 'hono/html';
import { randomId } from '../../crypto.ts';
import { localizedText } from '../../localize.ts';
import type { LocalizedText } from '../../schema/common.ts';
import { ownPath } from './context.ts';
import type { FallbackContext, ShownError } from './context.ts';
import type { NojsStrings } from './strings/index.ts';

type Html = ReturnType<typeof html>;

export function errorSummary(t: NojsStrings, errors: ShownError[] | undefined) {
  if (!errors?.length) return '';
  return html`<div class="nojs-error-summary" role="alert" aria-labelledby="nojs-error-title" tabindex="-1"><h2 id="nojs-error-title">${t.errorSummary}</h2><ul>${errors.map(
    (e) => html`<li>${e.field ? html`<a href="#${e.field}">${e.message}</a>` : e.message}</li>`,
  )}</ul></div>`;
}

/** The message shown beside a field, and the id that ties it to the field. */
export function fieldError(t: NojsStrings, errors: ShownError[] | undefined, field: string) {
  const error = errors?.find((e) => e.field === field);
  return error ? html`<p class="nojs-field-error" id="${field}-error"><span class="nojs-vh">${t.errorPrefix} </span>${error.message}</p>` : '';
}

export const hasError = (errors: ShownError[] | undefined, field: string) => Boolean(errors?.some((e) => e.field === field));

export function notice(text: string | Html, kind: 'success' | 'info' | 'warning' = 'info') {
  return html`<div class="nojs-notice nojs-${kind}" role="status">${text}</div>`;
}

export const textOf = (ctx: FallbackContext, text: LocalizedText | Partial<Record<string, string>> | null | undefined) =>
  localizedText((text ?? undefined) as LocalizedText | undefined, ctx.lang, ctx.site);

/** The language `textOf` found the text in: the page's, else the site's fallbacks. */
export function langOf(ctx: FallbackContext, text: LocalizedText | Partial<Record<string, string>> | null | undefined): string {
  for (const candidate of [ctx.lang, ctx.site.defaultLang, ...ctx.site.languages, 'fi', 'sv', 'en']) {
    if ((text as Partial<Record<string, string>> | null | undefined)?.[candidate]) return candidate;
  }
  return ctx.lang;
}

/** A stored text for the page, marked with its language where it is not the page's (WCAG 3.1.2). */
export function shown(ctx: FallbackContext, text: LocalizedText | Partial<Record<string, string>> | null | undefined) {
  const lang = langOf(ctx, text);
  const value = textOf(ctx, text);
  return lang === ctx.lang ? html`${value}` : html`<span lang="${lang}">${value}</span>`;
}

/** A date as people in the page's language write it, in Finnish time. */
export function dateOf(ctx: FallbackContext, iso: string, withTime = false): string {
  const locale = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[ctx.lang];
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Helsinki', dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}) }).format(date);
}

/**
 * A form that posts back to the frame page (POST, then a redirect) with a one-off idempotency
 * key drawn now: the same form sent twice is the same request to the API, answered once. In a
 * preview it has no action and its button is disabled, so nothing can be sent from it.
 */
export function postForm(ctx: FallbackContext, label: string, submit: string, body: Html | Html[], key = randomId(16)) {
  if (ctx.preview) {
    return html`<form class="nojs-form" aria-label="${label}" novalidate>${body}<div class="nojs-actions"><button type="submit" disabled>${submit}</button></div></form>`;
  }
  return html`<form class="nojs-form" method="post" action="${ownPath(ctx.url)}" aria-label="${label}" novalidate><input type="hidden" name="key" value="${key}">${body}<div class="nojs-actions"><button type="submit">${submit}</button></div></form>`;
}

/** A search or lookup form (GET): the site and language ride along as hidden fields. */
export function getForm(ctx: FallbackContext, label: string, submit: string, body: Html | Html[]) {
  const hidden = ['site', 'lang'].flatMap((name) => {
    const value = ctx.url.searchParams.get(name);
    return value ? [html`<input type="hidden" name="${name}" value="${value}">`] : [];
  });
  if (ctx.preview) {
    return html`<form class="nojs-form" aria-label="${label}">${body}<div class="nojs-actions"><button type="submit" disabled>${submit}</button></div></form>`;
  }
  return html`<form class="nojs-form" method="get" action="${ctx.url.pathname}" aria-label="${label}">${hidden}${body}<div class="nojs-actions"><button type="submit">${submit}</button></div></form>`;
}

/** A link to this frame page with other query values (`site` and `lang` kept). */
export const linkTo = (ctx: FallbackContext, extra: Record<string, string> = {}) => ownPath(ctx.url, extra);
