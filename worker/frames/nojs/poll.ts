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

/** The id of the poll's first control: where the error summary's link takes the resident. */
const FIRST = 'nojs-poll-first';

interface Voter {
  token: string | null;
  /** Whether it came from the cookie, i.e. this browser keeps it. */
  remembered: boolean;
}

/** Who is looking: the cookie's voter, else the one a just-sent form (`answered=KEY`) made, else nobody. */
async function voterOf(ctx: FallbackContext, key: string | null): Promise<Voter> {
  const cookie = voterFromCookie(ctx.c.req.header('Cookie'));
  if (cookie) return { token: cookie, remembered: true };
  return { token: key ? await voterFromKey(ctx.site.id, ctx.id, key) : null, remembered: false };
}

const readPoll = (ctx: FallbackContext, token: string | null) =>
  callApi<PollView>(ctx.c, sitePath(ctx.site.id, `polls/${encodeURIComponent(ctx.id)}`), { headers: token ? { 'X-Voter-Token': token } : {} });

function optionLabel(ctx: FallbackContext, poll: PollView, id: string): string {
  if (poll.kind !== 'scale') return textOf(ctx, poll.options.find((o) => o.id === id)?.label) || id;
  const scale = poll.scale!;
  const end = id === String(scale.min) ? scale.minLabel : id === String(scale.max) ? scale.maxLabel : undefined;
  return end ? `${id} – ${textOf(ctx, end)}` : id;
}

function hint(ctx: FallbackContext, poll: PollView): string {
  const t = stringsFor(ctx.lang).poll;
  if (poll.kind === 'scale') return t.chooseValue(poll.scale!.min, poll.scale!.max);
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
  return html`<h2 class="nojs-subheading">${t.results}</h2><ul class="nojs-results">${options.map((option) => {
    const share = total ? option.count / total : 0;
    return html`<li><span class="nojs-result-label">${optionLabel(ctx, poll, option.id)}</span> <span class="nojs-result-numbers">${t.votes(option.count, percent(ctx, share))}</span><progress max="100" value="${Math.round(share * 100)}" aria-hidden="true"></progress></li>`;
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
  const type = poll.kind === 'multiple' ? 'checkbox' : 'radio';
  return html`<div class="nojs-options">${poll.options.map(
    (option, i) =>
      html`<label class="nojs-option"><input type="${type}" name="choice" value="${option.id}"${i === 0 ? html` id="${FIRST}"` : ''}${chosen.includes(option.id) ? ' checked' : ''} aria-invalid="${invalid}"> <span>${shown(ctx, option.label)}</span></label>`,
  )}</div>`;
}

function describeBallot(ctx: FallbackContext, poll: PollView, ballot: NonNullable<PollView['myBallot']>): string {
  if (poll.kind === 'scale') return optionLabel(ctx, poll, String(ballot.value));
  return (ballot.choices ?? []).map((id) => optionLabel(ctx, poll, id)).join(', ');
}

export async function renderPoll(ctx: FallbackContext) {
  const t = stringsFor(ctx.lang);
  const answeredKey = formKey(ctx.url.searchParams.get('answered'));
  const voter = await voterOf(ctx, answeredKey);
  const answer = await readPoll(ctx, voter.token);
  if (!answer.ok) return notice(answer.status === 429 ? t.rateLimited : t.notFound, 'warning');
  const poll = answer.data;
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
    const chosen = state.values
      ? [...state.values.getAll('choice'), ...state.values.getAll('value')]
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

  let ballot: { choices: string[] } | { value: number };
  if (poll.kind === 'scale') {
    const raw = form.get('value') ?? '';
    if (!/^\d{1,2}$/.test(raw)) return refuse(400, t.poll.errorNoValue, FIRST);
    ballot = { value: Number(raw) };
  } else {
    const chosen = form.getAll('choice');
    if (chosen.length === 0) return refuse(400, t.poll.errorNoChoice, FIRST);
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
