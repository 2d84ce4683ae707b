/**
 * A poll without JavaScript: the question as a form of native radio buttons or checkboxes that
 * posts back to the frame page, then the resident's own ballot and the results when the poll's
 * results policy shows them. The ballot is the API's (`POST …/ballots` with the form's one-off
 * Idempotency-Key and the voter token of ./voter-cookie.ts), so it counts once.
 */
import { html } from 'hono/html';
import type { BallotReceipt, PollView } from '../../schema/polls.ts';
import { callApi, sitePath } from './api.ts';
import { ownPath } from './context.ts';
import type { FallbackContext, ShownError } from './context.ts';
import { formKey } from './outcome.ts';
import type { PostOutcome } from './outcome.ts';
import { errorSummary, fieldError, hasError, notice, postForm, shown, textOf } from './parts.ts';
import { stringsFor } from './strings/index.ts';
import { voterCookie, voterFromCookie, voterFromKey } from './voter-cookie.ts';
import { postConversationVote, renderConversation } from './conversation.ts';

/** The id of the poll's first control: where the error summary's link takes the resident. */
const FIRST = 'nojs-poll-first';

export interface Voter {
  token: string | null;
  /** Whether it came from the cookie, i.e. this browser keeps it. */
  remembered: boolean;
}

/** Who is looking: the cookie's voter, else the one a just-sent form (`answered=KEY`) made, else nobody. */
export async function voterOf(ctx: FallbackContext, key: string | null): Promise<Voter> {
  const cookie = voterFromCookie(ctx.c.req.header('Cookie'));
  if (cookie) return { token: cookie, remembered: true };
  return { token: key ? await voterFromKey(ctx.site.id, ctx.id, key) : null, remembered: false };
}

export const readPoll = (ctx: FallbackContext, token: string | null) =>
  callApi<PollView>(ctx.c, sitePath(ctx.site.id, `polls/${encodeURIComponent(ctx.id)}`), { headers: token ? { 'X-Voter-Token': token } : {} });

function optionLabel(ctx: FallbackContext, poll: PollView, id: string): string {
  if (poll.kind !== 'scale') return textOf(ctx, poll.options.find((o) => o.id === id)?.label) || id;
  const scale = poll.scale!;
  const end = id === String(scale.min) ? scale.minLabel : id === String(scale.max) ? scale.maxLabel : undefined;
  return end ? `${id} – ${textOf(ctx, end)}` : id;
}

const euros = (ctx: FallbackContext, n: number) => new Intl.NumberFormat({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[ctx.lang], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);

function hint(ctx: FallbackContext, poll: PollView): string {
  const t = stringsFor(ctx.lang).poll;
  if (poll.kind === 'scale') return t.chooseValue(poll.scale!.min, poll.scale!.max);
  if (poll.kind === 'budget') return poll.budget?.cap !== undefined ? t.budgetHint(euros(ctx, poll.budget.cap)) : t.budgetOneArea;
  if (poll.kind === 'ranked') return t.rankHint(poll.maxChoices);
  if (poll.kind === 'single') return t.chooseOne;
  if (poll.minChoices === poll.maxChoices) return t.chooseExactly(poll.minChoices);
  return poll.minChoices <= 1 ? t.chooseAtMost(poll.maxChoices) : t.chooseBetween(poll.minChoices, poll.maxChoices);
}

const percent = (ctx: FallbackContext, share: number) =>
  new Intl.NumberFormat({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[ctx.lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);

function results(ctx: FallbackContext, poll: PollView) {
  const t = stringsFor(ctx.lang).poll;
  if (!poll.results) {
    if (poll.resultsVisibility === 'always') return '';
    if (poll.resultsVisibility === 'after_vote' && (poll.myBallot || poll.state !== 'open')) return '';
    return html`<p class="nojs-meta">${t.resultsLater[poll.resultsVisibility]}</p>`;
  }
  const { total, options } = poll.results;
  const funded = new Set(poll.results.funded?.flatMap((area) => area.funded) ?? []);
  return html`<h2 class="nojs-subheading">${t.results}</h2><ul class="nojs-results">${options.map((option) => {
    const share = total ? option.count / total : 0;
    return html`<li><span class="nojs-result-label">${optionLabel(ctx, poll, option.id)}${funded.has(option.id) ? html` <strong>(${t.funded})</strong>` : ''}</span> <span class="nojs-result-numbers">${t.votes(option.count, percent(ctx, share))}</span><progress max="100" value="${Math.round(share * 100)}" aria-hidden="true"></progress></li>`;
  })}</ul><p class="nojs-meta">${t.total(total)}</p>`;
}

function choices(ctx: FallbackContext, poll: PollView, chosen: string[], errors: ShownError[] | undefined) {
  const invalid = hasError(errors, FIRST) ? 'true' : 'false';
  if (poll.kind === 'scale') {
    const { min, max } = poll.scale!;
    const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    return html`<div class="nojs-options nojs-scale">${values.map(
      (value, i) =>
        html`<label class="nojs-option"><input type="radio" name="value" value="${value}"${i === 0 ? html` id="${FIRST}"` : ''}${chosen.includes(value) ? ' checked' : ''} aria-invalid="${invalid}"> <span>${optionLabel(ctx, poll, value)}</span></label>`,
    )}</div>`;
  }
  if (poll.kind === 'ranked') return rankings(ctx, poll, chosen, invalid);
  if (poll.kind === 'budget') return projects(ctx, poll, chosen, invalid);
  const type = poll.kind === 'multiple' ? 'checkbox' : 'radio';
  return html`<div class="nojs-options">${poll.options.map(
    (option, i) =>
      html`<label class="nojs-option"><input type="${type}" name="choice" value="${option.id}"${i === 0 ? html` id="${FIRST}"` : ''}${chosen.includes(option.id) ? ' checked' : ''} aria-invalid="${invalid}"> <span>${shown(ctx, option.label)}</span></label>`,
  )}</div>`;
}

/** A ranked poll's options, each with a number picker: `chosen` is the ranking, first choice first. */
function rankings(ctx: FallbackContext, poll: PollView, chosen: string[], invalid: string) {
  const t = stringsFor(ctx.lang).poll;
  const places = Array.from({ length: poll.maxChoices }, (_, i) => i + 1);
  return html`<div class="nojs-options">${poll.options.map((option, i) => {
    const place = chosen.indexOf(option.id) + 1;
    const id = i === 0 ? FIRST : `nojs-rank-${option.id}`;
    return html`<p class="nojs-option"><label for="${id}">${shown(ctx, option.label)}</label> <select id="${id}" name="rank-${option.id}" aria-invalid="${invalid}"><option value="">${t.notRanked}</option>${places.map((n) => html`<option value="${n}"${n === place ? ' selected' : ''}>${n}</option>`)}</select></p>`;
  })}</div>`;
}

/** A budget's projects as checkboxes, each with its cost, under its area's name and cap. */
function projects(ctx: FallbackContext, poll: PollView, chosen: string[], invalid: string) {
  const t = stringsFor(ctx.lang).poll;
  const areas = poll.budget?.areas ?? [null];
  let first = true;
  return html`${areas.map((area) => {
    const inArea = poll.options.filter((o) => (o.area ?? null) === (area?.id ?? null));
    return html`<div class="nojs-options">${area ? html`<p class="nojs-hint"><strong>${shown(ctx, area.label)}</strong> – ${euros(ctx, area.cap)}</p>` : ''}${inArea.map((option) => {
      const id = first ? ((first = false), html` id="${FIRST}"`) : '';
      return html`<label class="nojs-option"><input type="checkbox" name="choice" value="${option.id}"${id}${chosen.includes(option.id) ? ' checked' : ''} aria-invalid="${invalid}"> <span>${shown(ctx, option.label)} (${t.cost(euros(ctx, option.cost ?? 0))})${option.description ? html`<br><small>${shown(ctx, option.description)}</small>` : ''}</span></label>`;
    })}</div>`;
  })}`;
}

/** What is wrong with a budget ballot, in the resident's language, or '' (the API checks it again). */
function budgetProblem(ctx: FallbackContext, poll: PollView, chosen: string[]): string {
  const t = stringsFor(ctx.lang).poll;
  const picked = chosen.map((id) => poll.options.find((o) => o.id === id)).filter((o) => o !== undefined);
  const areas = new Set(picked.map((o) => o.area ?? null));
  if (areas.size > 1) return t.budgetOneArea;
  const area = poll.budget?.areas?.find((a) => a.id === picked[0]?.area);
  const cap = area?.cap ?? poll.budget?.cap ?? Infinity;
  const min = area ? area.minSpend : poll.budget?.minSpend;
  const spent = picked.reduce((sum, o) => sum + (o.cost ?? 0), 0);
  if (spent > cap) return t.budgetOver(euros(ctx, spent), euros(ctx, cap));
  if (min !== undefined && spent < min) return t.budgetUnder(euros(ctx, min));
  return '';
}

/** The ranking a form's number pickers make, or the message that says why they make none. */
function rankingOf(ctx: FallbackContext, poll: PollView, form: URLSearchParams): string[] | string {
  const t = stringsFor(ctx.lang).poll;
  const placed = poll.options.map((o) => ({ id: o.id, place: Number(form.get(`rank-${o.id}`) || 0) })).filter((r) => Number.isInteger(r.place) && r.place > 0);
  const places = placed.map((r) => r.place).sort((a, b) => a - b);
  if (new Set(places).size !== places.length) return t.rankTwice;
  if (places.some((place, i) => place !== i + 1)) return t.rankGap;
  return placed.sort((a, b) => a.place - b.place).map((r) => r.id);
}

function describeBallot(ctx: FallbackContext, poll: PollView, ballot: NonNullable<PollView['myBallot']>): string {
  if (poll.kind === 'scale') return optionLabel(ctx, poll, String(ballot.value));
  return (ballot.choices ?? []).map((id, i) => (poll.kind === 'ranked' ? `${i + 1}. ` : '') + optionLabel(ctx, poll, id)).join(', ');
}

export async function renderPoll(ctx: FallbackContext) {
  const t = stringsFor(ctx.lang);
  const answeredKey = formKey(ctx.url.searchParams.get('answered'));
  const voter = await voterOf(ctx, answeredKey);
  const answer = await readPoll(ctx, voter.token);
  if (!answer.ok) return notice(answer.status === 429 ? t.rateLimited : t.notFound, 'warning');
  const poll = answer.data;
  if (poll.kind === 'statements') return renderConversation(ctx, poll, voter);
  const state = ctx.state ?? {};
  const question = textOf(ctx, poll.question);
  const description = poll.description ? shown(ctx, poll.description) : '';
  const mine = poll.myBallot ?? null;
  const canVote = poll.state === 'open' && poll.voterMode === 'anonymous' && (!mine || poll.allowChange);

  const notices = [];
  if (state.notice) notices.push(notice(state.notice, 'warning'));
  else if (answeredKey && mine) {
    notices.push(notice(ctx.url.searchParams.get('changed') === '1' ? t.poll.changed : t.poll.thanks, 'success'));
    if (!voter.remembered) notices.push(notice(t.poll.notRemembered));
  }
  const ballotLine = mine ? html`<p class="nojs-ballot">${t.poll.yourBallot(describeBallot(ctx, poll, mine))}</p>` : '';
  const status =
    poll.state === 'closed' ? html`<p class="nojs-meta">${t.poll.closed}</p>`
    : poll.state === 'upcoming' ? html`<p class="nojs-meta">${t.poll.upcoming}</p>`
    : poll.voterMode !== 'anonymous' && !mine ? html`<p class="nojs-meta">${t.poll.needsScript}</p>`
    : '';

  let body;
  if (canVote) {
    const sent = state.values;
    const chosen = sent
      ? poll.kind === 'ranked'
        ? poll.options.map((o) => ({ id: o.id, place: Number(sent.get(`rank-${o.id}`) || 0) })).filter((r) => r.place > 0).sort((a, b) => a.place - b.place).map((r) => r.id)
        : [...sent.getAll('choice'), ...sent.getAll('value')]
      : mine ? (mine.choices ?? (mine.value !== undefined ? [String(mine.value)] : [])) : [];
    const describedBy = [description ? 'nojs-poll-description' : '', 'nojs-poll-hint', hasError(state.errors, FIRST) ? `${FIRST}-error` : ''].filter(Boolean).join(' ');
    const fieldset = html`<fieldset aria-describedby="${describedBy}"><legend>${shown(ctx, poll.question)}</legend>${description ? html`<p class="nojs-description" id="nojs-poll-description">${description}</p>` : ''}<p class="nojs-hint" id="nojs-poll-hint">${hint(ctx, poll)}</p>${fieldError(t, state.errors, FIRST)}${choices(ctx, poll, chosen, state.errors)}</fieldset>`;
    body = html`${ballotLine}${postForm(ctx, question, mine ? t.poll.change : t.poll.submit, fieldset)}`;
  } else {
    body = html`<h2 class="nojs-question">${shown(ctx, poll.question)}</h2>${description ? html`<p class="nojs-description">${description}</p>` : ''}${status}${ballotLine}`;
  }
  return html`<div class="nojs nojs-poll">${errorSummary(t, state.errors)}${notices}${body}${results(ctx, poll)}</div>`;
}

/** A ballot sent by the form: checked here for the resident's sake, then cast by the API. */
export async function postPoll(ctx: FallbackContext, form: URLSearchParams): Promise<PostOutcome> {
  const t = stringsFor(ctx.lang);
  const refuse = (status: NonNullable<FallbackContext['status']>, message: string, field?: string): PostOutcome => ({
    status,
    state: { errors: [{ message, ...(field ? { field } : {}) }], values: form },
  });
  const key = formKey(form.get('key'));
  if (!key) return refuse(400, t.tryAgain);
  const cookie = voterFromCookie(ctx.c.req.header('Cookie'));
  const token = cookie ?? (await voterFromKey(ctx.site.id, ctx.id, key));
  const read = await readPoll(ctx, token);
  if (!read.ok) return read.status === 429 ? refuse(429, t.rateLimited) : refuse(404, t.notFound);
  const poll = read.data;
  if (poll.voterMode !== 'anonymous') return refuse(400, t.poll.needsScript);
  if (poll.kind === 'statements') return postConversationVote(ctx, form, key, token, cookie !== null);

  let ballot: { choices: string[] } | { value: number };
  if (poll.kind === 'scale') {
    const raw = form.get('value') ?? '';
    if (!/^\d{1,2}$/.test(raw)) return refuse(400, t.poll.errorNoValue, FIRST);
    ballot = { value: Number(raw) };
  } else {
    const ranking = poll.kind === 'ranked' ? rankingOf(ctx, poll, form) : null;
    if (typeof ranking === 'string') return refuse(400, ranking, FIRST);
    const chosen = ranking ?? form.getAll('choice');
    if (chosen.length === 0) return refuse(400, t.poll.errorNoChoice, FIRST);
    const overBudget = poll.kind === 'budget' ? budgetProblem(ctx, poll, chosen) : '';
    if (overBudget) return refuse(400, overBudget, FIRST);
    if (chosen.length < poll.minChoices) return refuse(400, t.poll.errorTooFew(poll.minChoices), FIRST);
    if (chosen.length > poll.maxChoices) return refuse(400, t.poll.errorTooMany(poll.maxChoices), FIRST);
    ballot = { choices: chosen };
  }

  const sent = await callApi<BallotReceipt>(ctx.c, sitePath(ctx.site.id, `polls/${encodeURIComponent(ctx.id)}/ballots`), {
    method: 'POST',
    json: ballot,
    headers: { 'Idempotency-Key': key, 'X-Voter-Token': token },
  });
  // Set only by a counted ballot, and only where the browser did not have it already.
  const secure = ctx.url.protocol === 'https:';
  const keep = cookie ? {} : { cookie: voterCookie(ctx.id, token, secure) };
  if (sent.ok) {
    const changed = sent.data.ballot.changedAt !== null && sent.headers.get('Idempotent-Replay') !== 'true';
    return { redirect: ownPath(ctx.url, { answered: key, ...(changed ? { changed: '1' } : {}) }), ...keep };
  }
  switch (sent.error?.code) {
    // This very form was sent before with other choices: the first answer stands.
    case 'idempotency_key_reused':
      return { redirect: ownPath(ctx.url, { answered: key }), ...keep };
    case 'already_voted':
      return { status: 409, state: { notice: t.poll.alreadyVoted } };
    case 'poll_closed':
      return { status: 409, state: { notice: t.poll.closed } };
    case 'poll_not_open':
      return { status: 409, state: { notice: t.poll.upcoming } };
    case 'rate_limited':
      return refuse(429, t.rateLimited);
    default:
      if (sent.status === 404) return refuse(404, t.notFound);
      if (sent.status === 409) return refuse(409, t.tryAgain);
      if (sent.status === 413) return refuse(413, t.tooLarge);
      if (sent.status === 400 || sent.status === 422) return refuse(400, t.poll.invalid, FIRST);
      if (sent.status === 403) return refuse(403, t.poll.needsScript);
      return refuse(503, t.serverError);
  }
}
