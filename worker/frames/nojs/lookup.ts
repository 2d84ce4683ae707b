/**
 * The feedback status lookup without JavaScript: a GET form for the reference code, and the
 * submission's status and public replies from the API (`GET …/submissions/{ref}`, with its
 * lookup limits). A malformed or unknown code answers the page with a 400 or 404 and says why.
 */
import { html } from 'hono/html';
import { callApi, sitePath } from './api.ts';
import type { FallbackContext } from './context.ts';
import { dateOf, errorSummary, fieldError, getForm, hasError } from './parts.ts';
import { stringsFor } from './strings/index.ts';

const REF_FIELD = 'nojs-ref';

interface StatusView {
  ref: string;
  status: 'received' | 'in_progress' | 'answered' | 'closed' | 'spam';
  createdAt: string;
  updatedAt: string;
  replies: { body: string; createdAt: string }[];
}

/** A code as people type it: any case, spaces around, the dash optional. */
export function normalizeRef(raw: string): string | null {
  const compact = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  return /^[0-9A-Z]{6}$/.test(compact) ? `${compact.slice(0, 3)}-${compact.slice(3)}` : null;
}

export async function renderLookup(ctx: FallbackContext) {
  const t = stringsFor(ctx.lang);
  const asked = ctx.url.searchParams.get('ref');
  let errors = ctx.state?.errors;
  let found = null;
  if (asked !== null && !errors) {
    const ref = normalizeRef(asked);
    if (!ref) {
      errors = [{ field: REF_FIELD, message: t.status.refInvalid }];
      ctx.status = 400;
    } else {
      const answer = await callApi<StatusView>(ctx.c, sitePath(ctx.site.id, `submissions/${ref}`));
      if (answer.ok) found = answer.data;
      else if (answer.status === 429) {
        errors = [{ message: t.rateLimited }];
        ctx.status = 429;
      } else {
        errors = [{ field: REF_FIELD, message: t.status.refNotFound(ref) }];
        ctx.status = answer.status === 404 ? 404 : 400;
      }
    }
  }
  const invalid = hasError(errors, REF_FIELD);
  const describedBy = ['nojs-ref-help', invalid ? `${REF_FIELD}-error` : ''].filter(Boolean).join(' ');
  const input = html`<div class="nojs-field"><label for="${REF_FIELD}">${t.status.refLabel}</label><p class="nojs-hint" id="nojs-ref-help">${t.status.refHint}</p>${fieldError(t, errors, REF_FIELD)}<input type="text" id="${REF_FIELD}" name="ref" value="${asked ?? ''}" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="${describedBy}" aria-invalid="${invalid ? 'true' : 'false'}"></div>`;
  const result = found
    ? html`<section class="nojs-status" aria-labelledby="nojs-status-title"><h2 id="nojs-status-title">${t.status.heading(found.ref)}</h2><p><strong>${t.status.statusLine(t.status.status[found.status])}</strong></p><p class="nojs-meta">${t.status.receivedAt(dateOf(ctx, found.createdAt, true))}${found.updatedAt !== found.createdAt ? html`<br>${t.status.updatedAt(dateOf(ctx, found.updatedAt, true))}` : ''}</p><h3>${t.status.replies}</h3>${
        found.replies.length
          ? html`<ul class="nojs-replies">${found.replies.map((r) => html`<li><p class="nojs-meta">${dateOf(ctx, r.createdAt, true)}</p><p class="nojs-reply">${r.body}</p></li>`)}</ul>`
          : html`<p>${t.status.noReplies}</p>`
      }</section>`
    : '';
  return html`<div class="nojs nojs-lookup">${errorSummary(t, errors)}${getForm(ctx, t.status.refLabel, t.status.lookup, input)}${result}</div>`;
}
