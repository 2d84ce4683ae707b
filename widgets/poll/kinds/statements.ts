/**
 * A conversation, Pol.is style (a poll of kind statements): one statement at a time in large
 * type, with three buttons (agree, disagree, pass) in a named group, and how many are answered.
 * After a vote the next statement takes the focus and the polite live region says it was saved;
 * "Previous answers" lists the resident's votes, each changeable with the same three buttons
 * (pressed: the answer given). "Add your own statement" sends one for a moderator, with a count
 * of its characters. The results are the opinion groups the API computes (GET …/opinions): where
 * people agree, what divides them, each group and what sets it apart, in words and numbers, and
 * the group the resident is closest to.
 *
 * The element draws no form for a conversation (osallistu-poll.ts, #canVote): `renderMine` draws
 * the statement to answer, `renderResults` the groups. Its own chunk, loaded only on a page that
 * has such a poll. A vote is retry-safe on the server (the same vote again changes nothing), so a
 * failed one is simply offered again; there is no queue.
 *
 * Votes and statements carry the voter token, made on the first one as for a ballot, through
 * `ctx.readHeaders(true)`: importing core/voter-token.ts here would make the bundler wrap the
 * poll's own chunk (about 100 B more on every page with a poll).
 */
import { css, html, nothing } from 'lit';
import type { z } from '@hono/zod-openapi';
import type { Lang } from '../../locales/messages.ts';
import type { OpinionsView, StatementList, StatementView, VoteValue } from '../../../worker/schema/statements.ts';
import { ApiRequestError, NetworkError, newIdempotencyKey } from '../../core/api-client.ts';
import { formatPercent } from '../../core/format.ts';
import { Catalog, localized } from '../../core/i18n.ts';
import type { PollContext } from '../results.ts';
import type { StatementsMessages } from '../locales/statements/messages.ts';
import type { KindHost } from './kind.ts';

export const viewMessages = new Catalog<StatementsMessages>({
  fi: () => import('../locales/statements/fi.ts').then((m) => m.fi),
  sv: () => import('../locales/statements/sv.ts').then((m) => m.sv),
  en: () => import('../locales/statements/en.ts').then((m) => m.en),
});

/** A statement's length, as the API counts it (worker/schema/statements.ts). */
const MIN = 5;
const MAX = 280;
/** Statements one resident may have waiting for a moderator (worker/routes/statements.ts). */
const PENDING = 3;
const VOTES: readonly VoteValue[] = ['agree', 'disagree', 'pass'];

const styles = css`
  .progress {
    margin: 0 0 0.5rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.9rem;
    margin: 0 0 1rem;
  }
  .statement {
    font-size: 1.35em;
    line-height: 1.35;
    font-weight: 700;
    margin: 0 0 1rem;
    overflow-wrap: anywhere;
  }
  .votes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .card .votes button {
    flex: 1 1 7.5rem;
  }
  .card .error {
    margin: 0.75rem 0 0.5rem;
  }
  .vote[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .vote[aria-pressed='true']::before {
    content: '✓ ' / '';
  }
  .preview button[disabled] {
    cursor: not-allowed;
  }
  .previous,
  .add {
    margin: 0 0 1rem;
  }
  .disclosure::before {
    content: '▸ ' / '';
  }
  .disclosure[aria-expanded='true']::before {
    content: '▾ ' / '';
  }
  .answers {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .answers li {
    border-block-end: 1px solid var(--_border);
    padding-block-end: 0.75rem;
  }
  .answer-text {
    font-weight: 700;
    margin: 0 0 0.25rem;
    overflow-wrap: anywhere;
  }
  .answers .meta {
    margin: 0 0 0.4rem;
  }
  .answers .votes button {
    padding: 0.3rem 0.7rem;
  }
  .panel {
    margin-block-start: 0.75rem;
  }
  .add label {
    display: block;
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
  .add .hint {
    margin: 0 0 0.5rem;
  }
  .count {
    margin: 0 0 0.75rem;
    font-variant-numeric: tabular-nums;
  }
  .count.over {
    color: var(--_error);
    font-weight: 700;
  }
  .add .error {
    margin: 0.5rem 0;
  }
  .subheading {
    font-weight: 700;
    margin: 1.25rem 0 0.35rem;
  }
  .opinions {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
    display: grid;
    gap: 0.75rem;
    overflow-wrap: anywhere;
  }
  .share {
    display: block;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .by-group {
    margin: 0.2rem 0 0;
    padding-inline-start: 1.25rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .closest {
    font-weight: 700;
  }
  .group {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.6rem 0.8rem;
    margin: 0 0 0.75rem;
  }
  .group .subheading {
    margin-block-start: 0;
  }
  .group .opinions {
    margin: 0;
  }
  .direction {
    font-weight: 700;
  }
`;

/** The kind's styles join the element's, once (adopted style sheets: a strict Content-Security-Policy allows them). */
function adopt(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

type List = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: StatementView[]; mine: Record<string, VoteValue>; visible: boolean };

/** The opinion groups as last asked for (`view` stays on screen while they are asked for again), and at which stage of answering. */
interface Opinions {
  status: 'idle' | 'loading' | 'ready' | 'failed' | 'hidden';
  view?: OpinionsView;
  stage?: number;
}

/** One element's conversation: its statements, the one on screen, what is on its way, and the forms' state. */
interface Conversation {
  key: string;
  list: List;
  /** The statement to answer now; null once every one is answered. */
  current: number | null;
  /** The statement whose vote is on its way: a second press does nothing meanwhile. */
  sending: number | null;
  /** A vote that did not arrive, offered again where it was given (`change`: under "Previous answers"). */
  failed: { id: number; vote: VoteValue; change: boolean; message: string } | null;
  previousOpen: boolean;
  addOpen: boolean;
  text: string;
  addSending: boolean;
  /** What is wrong with the text, at the field. */
  fieldError: string;
  /** Any other refusal or failure, under the button. */
  addError: string;
  added: boolean;
  /** The key of the statement being sent and the text it is for: sent again unchanged, it is the same write. */
  addKey: { key: string; text: string } | null;
  opinions: Opinions;
}

const conversations = new WeakMap<KindHost, Conversation>();

const hostOf = (ctx: PollContext) => ctx.host as KindHost;
const strings = (ctx: PollContext) => viewMessages.get(ctx.language);
const text = (ctx: PollContext, map: Partial<Record<Lang, string>> | undefined) => localized(map, ctx.language, ctx.poll.languages);
const path = (ctx: PollContext, tail: string) => `polls/${encodeURIComponent(ctx.poll.id)}${tail}`;
const idOf = (ctx: PollContext, suffix: string) => `${ctx.poll.id}-${suffix}`;
const answeredOf = (list: Extract<List, { status: 'ready' }>) => list.items.filter((item) => list.mine[item.id]);
const answers = (c: { agree: number; disagree: number; pass: number }) => c.agree + c.disagree + c.pass;

/** Why this page cannot vote here (the element says so in words), as osallistu-poll.ts decides it. */
const blocked = (ctx: PollContext) => (ctx.poll.voterMode === 'signed' && !hostOf(ctx).voterAssertion) || ctx.poll.voterMode === 'challenge';

/** What to tell the resident about a failed request. */
function failure(ctx: PollContext, error: unknown): string {
  const { errors } = ctx.t;
  if (error instanceof NetworkError) return error.timedOut ? errors.timeout : errors.network;
  if (error instanceof ApiRequestError && error.status === 429) return errors.rateLimited;
  if (error instanceof ApiRequestError && error.code === 'poll_closed') return ctx.t.poll.closed;
  return errors.server;
}

/** This element's conversation, asked for when first drawn (or drawn for another poll). */
function conversationOf(ctx: PollContext): Conversation {
  const host = hostOf(ctx);
  const key = JSON.stringify([ctx.apiBase, ctx.site, ctx.poll.id]);
  let state = conversations.get(host);
  if (state?.key !== key) {
    state = { key, list: { status: 'loading' }, current: null, sending: null, failed: null, previousOpen: false, addOpen: false, text: '', addSending: false, fieldError: '', addError: '', added: false, addKey: null, opinions: { status: 'idle' } };
    conversations.set(host, state);
    void fetchList(ctx, state);
  }
  return state;
}

/** Draws the element again and then, if `selector` is given, moves the focus to what it finds. */
async function focusOn(host: KindHost, selector = ''): Promise<void> {
  host.requestUpdate();
  await host.updateComplete;
  if (selector) host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * The statements, the resident's votes and the one to show them next. A browser without a voter
 * token (it has answered nothing) is shown the first statement, as the page without JavaScript does.
 */
async function fetchList(ctx: PollContext, state: Conversation): Promise<void> {
  const host = hostOf(ctx);
  let list: List;
  let current: number | null = null;
  try {
    const data = await host.client.get<z.infer<typeof StatementList>>(path(ctx, '/statements'), { headers: ctx.readHeaders() });
    list = { status: 'ready', items: data.items, mine: data.mine ?? {}, visible: data.voters !== undefined };
    current = data.mine ? (data.next ?? null) : (data.items[0]?.id ?? null);
  } catch {
    list = { status: 'failed' };
  }
  if (conversations.get(host) !== state) return; // drawn for another poll meanwhile
  state.list = list;
  state.current = current;
  askOpinions(ctx, state);
  host.requestUpdate();
}

async function retryList(ctx: PollContext, state: Conversation): Promise<void> {
  state.list = { status: 'loading' };
  await focusOn(hostOf(ctx), '.list-status');
  await fetchList(ctx, state);
  await focusOn(hostOf(ctx), (state.list as List).status === 'ready' ? '.statement, .all-answered, .no-statements' : '.list-status');
}

/** Whether the API shows this resident the results: it said so, or this is their first vote on a poll that shows them after one. */
function resultsShown(ctx: PollContext, state: Conversation): boolean {
  const list = state.list;
  return list.status === 'ready' && (list.visible || (ctx.poll.resultsVisibility === 'after_vote' && answeredOf(list).length > 0));
}

/**
 * How far the resident is, as far as the groups are concerned: nothing answered, some, enough to
 * be placed in a group, all. The groups are asked for again when it changes, not at every vote.
 */
function stageOf(state: Conversation): number {
  if (state.list.status !== 'ready') return -1;
  const answered = answeredOf(state.list).length;
  const all = state.list.items.length;
  return answered === 0 ? 0 : answered >= all ? 3 : answered >= (state.opinions.view?.minVotes ?? 7) ? 2 : 1;
}

function askOpinions(ctx: PollContext, state: Conversation): void {
  const stage = stageOf(state);
  if (hostOf(ctx).preview || !resultsShown(ctx, state) || state.opinions.status === 'loading' || state.opinions.stage === stage) return;
  void fetchOpinions(ctx, state, stage);
}

async function fetchOpinions(ctx: PollContext, state: Conversation, stage: number, focus = false): Promise<void> {
  const host = hostOf(ctx);
  state.opinions = { ...state.opinions, status: 'loading', stage };
  if (focus) void focusOn(host, '.results-status');
  let next: Opinions;
  try {
    next = { status: 'ready', view: await host.client.get<OpinionsView>(path(ctx, '/opinions'), { headers: ctx.readHeaders() }), stage };
  } catch (error) {
    next = { status: error instanceof ApiRequestError && error.code === 'results_hidden' ? 'hidden' : 'failed', view: state.opinions.view, stage };
  }
  if (conversations.get(host) !== state) return;
  state.opinions = next;
  askOpinions(ctx, state); // the resident went on answering meanwhile
  if (focus) await focusOn(host, '.results-status');
  else host.requestUpdate();
}

/**
 * Sends a vote: on the statement on screen (the next one then takes the focus, and the live
 * region says it was saved and what comes next), or a change of an earlier one (the focus stays
 * on its button). A vote that does not arrive is offered again with the reason; the same vote
 * sent twice counts once on the server.
 */
async function vote(ctx: PollContext, statement: number, value: VoteValue, change: boolean): Promise<void> {
  const host = hostOf(ctx);
  const state = conversations.get(host);
  if (!state || host.preview || state.sending !== null || state.list.status !== 'ready') return;
  if (change && state.list.mine[statement] === value) return;
  const m = strings(ctx);
  state.sending = statement;
  state.failed = null;
  host.requestUpdate();
  let focus = '';
  try {
    const receipt = await host.client.request<{ next: number | null }>('PUT', path(ctx, `/statements/${statement}/vote`), { vote: value }, { headers: ctx.readHeaders(true) });
    const list = state.list as Extract<List, { status: 'ready' }>;
    list.mine = { ...list.mine, [statement]: value };
    if (change) host.announcement = m.changed(m[value]);
    else {
      // A statement published since the list was read: read it again.
      if (receipt.next !== null && !list.items.some((item) => item.id === receipt.next)) await fetchList(ctx, state);
      else state.current = receipt.next;
      const shown = state.list.status === 'ready' ? state.list.items.find((item) => item.id === state.current) : undefined;
      host.announcement = m.savedNext(shown ? text(ctx, shown.text).text : '');
      focus = shown ? '.statement' : '.all-answered';
    }
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'statement_not_found') {
      // Rejected by a moderator while on screen: gone from the list.
      await fetchList(ctx, state);
      host.announcement = m.statementGone;
      focus = change ? '.previous .disclosure' : '.statement, .all-answered';
    } else state.failed = { id: statement, vote: value, change, message: failure(ctx, error) };
  } finally {
    state.sending = null;
  }
  askOpinions(ctx, state);
  await focusOn(host, focus);
}

function toggle(ctx: PollContext, state: Conversation, which: 'previousOpen' | 'addOpen'): void {
  state[which] = !state[which];
  hostOf(ctx).requestUpdate();
}

function onInput(event: Event, ctx: PollContext, state: Conversation): void {
  const before = state.text.trim().length;
  state.text = (event.target as HTMLTextAreaElement).value;
  const length = state.text.trim().length;
  // Said once, as the text goes over; the count beside the field says it all along.
  if (length > MAX && before <= MAX) hostOf(ctx).announcement = strings(ctx).over(length - MAX);
  if (state.fieldError && length >= MIN && length <= MAX) state.fieldError = '';
  hostOf(ctx).requestUpdate();
}

/**
 * Sends the resident's statement with an idempotency key (the same text sent again is the same
 * write). Too short or too long: the error at the field, which takes the focus. Sent: the form is
 * emptied and the thanks take the focus. Anything else: said under the button, which keeps it.
 */
async function addStatement(event: SubmitEvent, ctx: PollContext, state: Conversation): Promise<void> {
  event.preventDefault();
  const host = hostOf(ctx);
  if (host.preview || state.addSending) return;
  const m = strings(ctx);
  const body = state.text.trim();
  const tooShortOrLong = () => (body.length < MIN ? m.tooShort(MIN) : body.length > MAX ? m.tooLong(MAX) : '');
  state.fieldError = tooShortOrLong();
  state.addError = '';
  state.added = false;
  if (state.fieldError) return focusOn(host, '.add textarea');
  if (state.addKey?.text !== body) state.addKey = { key: newIdempotencyKey(), text: body };
  state.addSending = true;
  host.requestUpdate();
  let focus = '';
  try {
    await host.client.post(path(ctx, '/statements'), { text: body, lang: ctx.language }, { idempotencyKey: state.addKey.key, headers: ctx.readHeaders(true) });
    state.text = '';
    state.addKey = null;
    state.added = true;
    focus = '.added';
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 400) {
      state.fieldError = tooShortOrLong() || ctx.t.errors.server;
      focus = '.add textarea';
    } else state.addError = error instanceof ApiRequestError && error.code === 'too_many_pending' ? m.tooManyPending(PENDING) : failure(ctx, error);
  } finally {
    state.addSending = false;
  }
  await focusOn(host, focus);
}

/** The statement to answer, the resident's earlier answers and the form for a statement of their own; while they load, or if they failed, saying so. */
export function renderMine(ctx: PollContext) {
  const host = hostOf(ctx);
  adopt(host.renderRoot);
  if (host.preview) return renderPreview(ctx);
  const m = strings(ctx);
  const state = conversationOf(ctx);
  const { list } = state;
  if (list.status === 'loading') return html`<p class="meta list-status" tabindex="-1">${m.loadingStatements}</p>`;
  if (list.status === 'failed') {
    return html`<p class="notice list-status" tabindex="-1">${m.statementsFailed}</p>
      <div class="actions"><button part="button" type="button" class="secondary" @click=${() => retryList(ctx, state)}>${ctx.t.retry}</button></div>`;
  }
  if (ctx.poll.state !== 'open' || blocked(ctx)) return nothing;
  return html`<div class="conversation">${renderCurrent(ctx, state, list)}${renderPrevious(ctx, state, list)}${renderAdd(ctx, state)}</div>`;
}

function renderButtons(ctx: PollContext, onVote: ((vote: VoteValue) => void) | null, pressed?: VoteValue, busy = false) {
  const m = strings(ctx);
  return VOTES.map(
    (value) => html`<button
      part="button"
      type="button"
      class="secondary vote"
      data-vote=${value}
      ?disabled=${!onVote}
      aria-pressed=${pressed ? (pressed === value ? 'true' : 'false') : nothing}
      aria-disabled=${onVote ? (busy ? 'true' : 'false') : nothing}
      @click=${() => onVote?.(value)}
    >${m[value]}</button>`,
  );
}

function renderCurrent(ctx: PollContext, state: Conversation, list: Extract<List, { status: 'ready' }>) {
  const m = strings(ctx);
  const all = list.items.length;
  if (!all) return html`<p class="meta no-statements" tabindex="-1">${m.noStatements}</p>`;
  const progress = html`<p class="meta progress">${m.progress(answeredOf(list).length, all)}</p>`;
  const current = list.items.find((item) => item.id === state.current);
  if (!current) return html`${progress}<p class="notice all-answered" tabindex="-1">${m.allAnswered}</p>`;
  const shown = text(ctx, current.text);
  const failed = state.failed && !state.failed.change ? state.failed : null;
  return html`${progress}
    <div class="card">
      <p class="statement" role="heading" aria-level=${ctx.headingLevel + 1} tabindex="-1" lang=${shown.lang}>${shown.text}</p>
      <div class="votes" role="group" aria-label=${m.yourView}>${renderButtons(ctx, (value) => void vote(ctx, current.id, value, false), undefined, state.sending === current.id)}</div>
      ${renderFailed(ctx, failed)}
    </div>`;
}

/** A vote that did not arrive: why, in an alert, and the button that sends it again. */
function renderFailed(ctx: PollContext, failed: Conversation['failed']) {
  return html`<div role="alert">${failed ? html`<p class="error"><span class="visually-hidden">${ctx.t.poll.errorPrefix}</span> ${failed.message}</p>` : nothing}</div>
    ${failed ? html`<div class="actions"><button part="button" type="button" class="secondary retry" @click=${() => vote(ctx, failed.id, failed.vote, failed.change)}>${ctx.t.retry}</button></div>` : nothing}`;
}

function renderPrevious(ctx: PollContext, state: Conversation, list: Extract<List, { status: 'ready' }>) {
  const answered = answeredOf(list);
  if (!answered.length) return nothing;
  const m = strings(ctx);
  const panel = idOf(ctx, 'previous');
  return html`<div class="previous">
    <button part="button" type="button" class="secondary disclosure" aria-expanded=${state.previousOpen ? 'true' : 'false'} aria-controls=${panel} @click=${() => toggle(ctx, state, 'previousOpen')}>
      ${m.previous(answered.length)}
    </button>
    <div class="panel" id=${panel} ?hidden=${!state.previousOpen}>
      ${renderFailed(ctx, state.failed?.change ? state.failed : null)}
      <ul class="answers">
        ${answered.map((item) => {
          const shown = text(ctx, item.text);
          const mine = list.mine[item.id]!;
          const label = idOf(ctx, `statement-${item.id}`);
          return html`<li>
            <p class="answer-text" id=${label} lang=${shown.lang}>${shown.text}</p>
            <p class="meta">${m.yourAnswer(m[mine])}</p>
            <div class="votes" role="group" aria-labelledby=${label}>${renderButtons(ctx, (value) => void vote(ctx, item.id, value, true), mine, state.sending === item.id)}</div>
          </li>`;
        })}
      </ul>
    </div>
  </div>`;
}

function renderAdd(ctx: PollContext, state: Conversation) {
  const m = strings(ctx);
  const id = (suffix: string) => idOf(ctx, `add-${suffix}`);
  const length = state.text.trim().length;
  const describedBy = [id('hint'), id('count'), state.fieldError ? id('error') : ''].filter(Boolean).join(' ');
  return html`<div class="add">
    <button part="button" type="button" class="secondary disclosure" aria-expanded=${state.addOpen ? 'true' : 'false'} aria-controls=${id('panel')} @click=${() => toggle(ctx, state, 'addOpen')}>
      ${m.add}
    </button>
    <div class="panel" id=${id('panel')} ?hidden=${!state.addOpen}>
      ${state.added ? html`<p class="notice added" tabindex="-1">${m.added}</p>` : nothing}
      <form novalidate @submit=${(event: SubmitEvent) => void addStatement(event, ctx, state)}>
        <label for=${id('text')}>${m.addLabel}</label>
        <p class="hint" id=${id('hint')}>${m.addHint(MIN, MAX)}</p>
        <div role="alert">${state.fieldError ? html`<p class="error" id=${id('error')}><span class="visually-hidden">${ctx.t.poll.errorPrefix}</span> ${state.fieldError}</p>` : nothing}</div>
        <textarea
          id=${id('text')}
          name="text"
          rows="4"
          aria-describedby=${describedBy}
          aria-invalid=${state.fieldError ? 'true' : 'false'}
          .value=${state.text}
          @input=${(event: Event) => onInput(event, ctx, state)}
        ></textarea>
        <p class=${length > MAX ? 'count over' : 'meta count'} id=${id('count')}>${m.count(length, MAX)}</p>
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${state.addSending ? 'true' : 'false'}>${state.addSending ? ctx.t.poll.submitting : m.send}</button>
        </div>
        <div role="alert">${state.addError ? html`<p class="error">${state.addError}</p>` : nothing}</div>
      </form>
    </div>
  </div>`;
}

/** The console's preview: the first opening statement, its buttons inert; nothing is asked of the API. */
function renderPreview(ctx: PollContext) {
  const m = strings(ctx);
  const first = ctx.poll.options[0];
  if (!first) return html`<p class="meta">${m.noStatements}</p>`;
  const shown = text(ctx, first.label);
  return html`<div class="conversation preview">
    <p class="meta progress">${m.progress(0, ctx.poll.options.length)}</p>
    <div class="card">
      <p class="statement" role="heading" aria-level=${ctx.headingLevel + 1} lang=${shown.lang}>${shown.text}</p>
      <div class="votes" role="group" aria-label=${m.yourView}>${renderButtons(ctx, null)}</div>
    </div>
  </div>`;
}

/**
 * The opinion groups once the API shows them to this resident: where people agree, what divides
 * them, and each group; until then when they will be shown. Then the poll's case, when it has one
 * (a conversation has no ballots, so no sealed result to check).
 */
export function renderResults(ctx: PollContext) {
  const host = hostOf(ctx);
  if (host.preview) return nothing;
  const state = conversationOf(ctx);
  if (state.list.status !== 'ready') return nothing;
  const followUp = ctx.results!.renderFollowUp({ ...ctx, poll: { ...ctx.poll, resultsVisibility: 'never' } });
  const { opinions } = state;
  const visibility = ctx.poll.resultsVisibility;
  const later = visibility === 'always' ? '' : ctx.t.poll.resultsLater[visibility];
  if (!resultsShown(ctx, state) || (opinions.status === 'hidden' && !opinions.view)) return html`${later ? html`<p class="meta">${later}</p>` : nothing}${followUp}`;
  const m = strings(ctx);
  let body: unknown;
  if (opinions.view) body = renderOpinions(ctx, state, opinions.view);
  else if (opinions.status === 'failed') {
    body = html`<p class="notice results-status" tabindex="-1">${m.resultsFailed}</p>
      <div class="actions"><button part="button" type="button" class="secondary" @click=${() => fetchOpinions(ctx, state, stageOf(state), true)}>${ctx.t.retry}</button></div>`;
  } else body = html`<p class="meta results-status" tabindex="-1">${m.loadingResults}</p>`;
  return html`<p class="question" role="heading" aria-level=${ctx.headingLevel + 1}>${ctx.t.poll.results}</p>${body}${followUp}`;
}

function renderOpinions(ctx: PollContext, state: Conversation, view: OpinionsView) {
  const m = strings(ctx);
  const list = state.list as Extract<List, { status: 'ready' }>;
  const level = ctx.headingLevel + 2;
  const byId = new Map(list.items.map((item) => [item.id, item]));
  const percent = (share: number) => formatPercent(share, ctx.language);
  const share = (part: number, whole: number) => (whole ? part / whole : 0);
  /** A statement's text in its language, after `label` if given; a statement no longer published is left out. */
  const statement = (id: number, more: () => unknown, label = '') => {
    const item = byId.get(id);
    if (!item) return nothing;
    const shown = text(ctx, item.text);
    return html`<li>${label ? html`<span class="direction">${label}:</span> ` : nothing}<span lang=${shown.lang}>${shown.text}</span>${more()}</li>`;
  };
  const answered = answeredOf(list).length;
  const mine = view.mine?.group;
  const closest = mine !== undefined && mine !== null ? m.closest(mine + 1) : answered < view.minVotes ? m.answerMore(view.minVotes) : '';
  const none = html`<p class="meta">${m.noneYet}</p>`;
  return html`<p class="meta results-status" tabindex="-1">${m.participants(view.participants)}</p>
    <p class="subheading" role="heading" aria-level=${level}>${m.consensus}</p>
    <p class="meta">${m.consensusHelp}</p>
    ${view.consensus.length
      ? html`<ul class="opinions">
          ${view.consensus.map((c) =>
            statement(
              c.id,
              () => html`<span class="share">${m.agreeShare(percent(share(c.votes.agree, answers(c.votes))), c.votes.agree, answers(c.votes))}</span>
                <div class="bar" part="bar" aria-hidden="true"><span data-share=${`${(share(c.votes.agree, answers(c.votes)) * 100).toFixed(1)}%`}></span></div>`,
            ),
          )}
        </ul>`
      : none}
    <p class="subheading" role="heading" aria-level=${level}>${m.divisive}</p>
    <p class="meta">${m.divisiveHelp}</p>
    ${view.divisive.length
      ? html`<ul class="opinions">
          ${view.divisive.map((d) =>
            statement(d.id, () => html`<ul class="by-group">${d.byGroup.map((g, i) => html`<li>${m.groupAgrees(i + 1, percent(share(g.agree, answers(g))))}</li>`)}</ul>`),
          )}
        </ul>`
      : none}
    <p class="subheading" role="heading" aria-level=${level}>${m.groups}</p>
    <p class="meta">${m.groupsHelp}</p>
    ${closest ? html`<p class="closest">${closest}</p>` : nothing}
    ${view.groups.length
      ? view.groups.map(
          (group) => html`<div class="group">
            <p class="subheading" role="heading" aria-level=${level + 1}>${m.group(group.id + 1, group.size)}</p>
            ${group.statements.length
              ? html`<ul class="opinions">
                  ${group.statements.map((s) =>
                    statement(s.id, () => html`<span class="share">${m.groupVsOthers(s.direction, percent(s.groupRate), percent(s.othersRate))}</span>`, m.groupDirection(s.direction)),
                  )}
                </ul>`
              : none}
          </div>`,
        )
      : html`<p class="meta">${m.noGroups(view.minVotes)}</p>`}`;
}

/** Never drawn: the element draws no form for a conversation (see kind.ts). */
export const renderBallot = () => html``;
export const hint = () => '';
export const validate = () => '';
export const resultsSummary = () => '';
