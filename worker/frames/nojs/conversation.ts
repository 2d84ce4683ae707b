/**
 * A conversation (a poll of kind statements) without JavaScript: the statement this resident
 * should see next, with three buttons (agree, disagree, pass) that post back to the frame page;
 * then the next one, and once all are answered the statements with their counts (when the poll
 * shows results). The vote is the API's (`PUT …/statements/N/vote`), which a resent form repeats
 * harmlessly. Adding a statement needs the widget.
 */
import { html } from 'hono/html';
import type { PollView } from '../../schema/polls.ts';
import type { StatementView } from '../../schema/statements.ts';
import { callApi, sitePath } from './api.ts';
import { ownPath } from './context.ts';
import type { FallbackContext } from './context.ts';
import type { PostOutcome } from './outcome.ts';
import { errorSummary, notice, shown } from './parts.ts';
import { formKey } from './outcome.ts';
import type { Voter } from './poll.ts';
import { stringsFor } from './strings/index.ts';
import { voterCookie } from './voter-cookie.ts';

interface StatementList {
  items: StatementView[];
  mine?: Record<string, string>;
  next?: number | null;
}

const listOf = (ctx: FallbackContext, token: string | null) =>
  callApi<StatementList>(ctx.c, sitePath(ctx.site.id, `polls/${encodeURIComponent(ctx.id)}/statements`), { headers: token ? { 'X-Voter-Token': token } : {} });

export async function renderConversation(ctx: FallbackContext, poll: PollView, voter: Voter) {
  const t = stringsFor(ctx.lang);
  const list = await listOf(ctx, voter.token);
  if (!list.ok) return notice(list.status === 429 ? t.rateLimited : t.notFound, 'warning');
  const { items, mine, next } = list.data;
  const answered = mine ? Object.keys(mine).length : 0;
  // Without a voter (no cookie, no form sent yet) the first statement in the list comes first.
  const nextId = voter.token ? next : (items[0]?.id ?? null);
  const current = items.find((s) => s.id === nextId);
  const state = ctx.state ?? {};
  const question = html`<h2 class="nojs-question">${shown(ctx, poll.question)}</h2>${poll.description ? html`<p class="nojs-description">${shown(ctx, poll.description)}</p>` : ''}`;
  const status = poll.state === 'closed' ? html`<p class="nojs-meta">${t.poll.closed}</p>` : poll.state === 'upcoming' ? html`<p class="nojs-meta">${t.poll.upcoming}</p>` : '';
  const saved = ctx.url.searchParams.get('answered') && answered ? notice(t.poll.voteSaved, 'success') : '';
  const progress = items.length ? html`<p class="nojs-meta">${t.poll.progress(answered, items.length)}</p>` : '';
  let body;
  if (poll.state === 'open' && current && poll.voterMode === 'anonymous') {
    const action = ctx.preview ? '' : html` method="post" action="${ownPath(ctx.url)}"`;
    // A browser that keeps no cookie is known by the key of its first form: later forms carry the same one, so its votes stay one resident's.
    const key = formKey(ctx.url.searchParams.get('answered')) ?? crypto.randomUUID();
    body = html`<form class="nojs-form"${action} aria-labelledby="nojs-statement" novalidate>${ctx.preview ? '' : html`<input type="hidden" name="key" value="${key}">`}<input type="hidden" name="statement" value="${current.id}"><p class="nojs-hint">${t.poll.statementLabel} ${current.id}</p><p class="nojs-question" id="nojs-statement">${shown(ctx, current.text)}</p><div class="nojs-actions">${(['agree', 'disagree', 'pass'] as const).map((vote) => html`<button type="submit" name="vote" value="${vote}"${ctx.preview ? ' disabled' : ''}>${t.poll[vote]}</button> `)}</div></form><p class="nojs-meta">${t.poll.addNeedsScript}</p>`;
  } else if (poll.state === 'open' && poll.voterMode !== 'anonymous') {
    body = html`<p class="nojs-meta">${t.poll.needsScript}</p>`;
  } else if (poll.state === 'open') {
    body = html`<p class="nojs-meta">${t.poll.allAnswered}</p>`;
  }
  const counts = items.some((s) => s.votes)
    ? html`<h2 class="nojs-subheading">${t.poll.results}</h2><ul class="nojs-results">${items.map((s) => html`<li><span class="nojs-result-label">${shown(ctx, s.text)}</span> <span class="nojs-result-numbers">${t.poll.countsOf(s.votes?.agree ?? 0, s.votes?.disagree ?? 0, s.votes?.pass ?? 0)}</span></li>`)}</ul>`
    : '';
  return html`<div class="nojs nojs-poll">${errorSummary(t, state.errors)}${saved}${question}${status}${progress}${body ?? ''}${counts}</div>`;
}

/** A vote from the form: agree, disagree or pass on one statement, as the API takes it. */
export async function postConversationVote(ctx: FallbackContext, form: URLSearchParams, key: string, token: string, remembered: boolean): Promise<PostOutcome> {
  const t = stringsFor(ctx.lang);
  const refuse = (status: NonNullable<FallbackContext['status']>, message: string): PostOutcome => ({ status, state: { errors: [{ message }], values: form } });
  const statement = Number(form.get('statement'));
  const vote = form.get('vote');
  if (!Number.isInteger(statement) || statement < 1 || !['agree', 'disagree', 'pass'].includes(vote ?? '')) return refuse(400, t.tryAgain);
  const sent = await callApi(ctx.c, sitePath(ctx.site.id, `polls/${encodeURIComponent(ctx.id)}/statements/${statement}/vote`), {
    method: 'PUT',
    json: { vote },
    headers: { 'X-Voter-Token': token },
  });
  const keep = remembered ? {} : { cookie: voterCookie(ctx.id, token, ctx.url.protocol === 'https:') };
  if (sent.ok) return { redirect: ownPath(ctx.url, { answered: key }), ...keep };
  if (sent.error?.code === 'poll_closed') return { status: 409, state: { notice: t.poll.closed } };
  if (sent.status === 429) return refuse(429, t.rateLimited);
  if (sent.status === 404) return refuse(404, t.notFound);
  return refuse(400, t.tryAgain);
}
