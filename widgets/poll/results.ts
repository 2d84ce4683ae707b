/**
 * What a poll shows once it cannot be answered here (the resident has voted, or it is closed):
 * the resident's own ballot in words, the results as text and bars, and the same results as one
 * sentence for the live region; and for a poll about a case, what was decided on it, or until
 * then the offer of one email when it is. Its own chunk, loaded only when first needed, so that a
 * page whose residents have not voted yet downloads and runs only the form. The loader starts it
 * at once on a browser that has voted before (core/preload.ts).
 */
import { css, html, nothing } from 'lit';
import type { ReactiveElement } from 'lit';
import type { z } from '@hono/zod-openapi';
import type { Lang, Messages } from '../locales/messages.ts';
import type { PollView } from '../../worker/schema/polls.ts';
import type { CaseSubscription, CaseView } from '../../worker/schema/cases.ts';
import { ApiRequestError, NetworkError } from '../core/api-client.ts';
import type { ApiClient } from '../core/api-client.ts';
import { formatDate, formatPercent } from '../core/format.ts';
import { Catalog, localized } from '../core/i18n.ts';
import { StoredValue } from '../core/storage.ts';
import type { ReceiptMessages } from './locales/messages.ts';

/** This view's own strings: loaded with it, so a page whose readers have not voted never downloads them. */
export const viewMessages = new Catalog<ReceiptMessages>({
  fi: () => import('./locales/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  en: () => import('./locales/en.ts').then((m) => m.en),
});

const styles = css`
  .mine,
  .result-text {
    overflow-wrap: anywhere;
  }
  .mine {
    font-weight: 700;
  }
  .receipt code {
    font-size: 1.1em;
    letter-spacing: 0.05em;
    font-weight: 700;
    margin-inline-end: 0.5rem;
  }
  .receipt button {
    padding: 0.2rem 0.6rem;
    min-block-size: 2rem;
  }
  .sealed a {
    color: inherit;
  }
  .results {
    list-style: none;
    margin: 0.5rem 0 0.75rem;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  .result-text {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    flex-wrap: wrap;
  }
  .result-text .numbers {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .bar {
    block-size: 0.6rem;
    border-radius: 0.3rem;
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
    overflow: hidden;
    margin-block-start: 0.25rem;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    inline-size: var(--_share, 0%);
    background: var(--_accent);
    transition: inline-size 400ms ease-out;
  }
  @media (forced-colors: active) {
    .bar > span {
      background: CanvasText;
    }
  }
  .case {
    margin-block-start: 1rem;
    overflow-wrap: anywhere;
  }
  .case .decided {
    margin-block-start: 0;
  }
  .case legend {
    font-size: 1em;
    margin: 0 0 0.35rem;
  }
  .case label {
    display: block;
  }
  .case .hint {
    margin: 0 0 0.35rem;
  }
  .mail-fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .mail-fields input {
    flex: 1 1 12rem;
    inline-size: auto;
    min-inline-size: 0;
    margin: 0;
  }
  .case .error {
    margin: 0.35rem 0;
  }
  .case button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;

/**
 * After each render: the results' styles join the element's (once), and each bar gets its width
 * through the CSSOM, not a style attribute, which a host page's strict Content-Security-Policy
 * (no 'unsafe-inline' styles) would block. Adopted style sheets are not subject to that policy.
 */
export function paint(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  for (const bar of root.querySelectorAll<HTMLElement>('[data-share]')) bar.style.setProperty('--_share', bar.dataset.share!);
  // The poll's case: fetched through this element's client when an element first shows it (so an
  // element put on the page again asks again), and drawn again when it arrives or changes.
  for (const box of root.querySelectorAll<HTMLElement>('[data-case]')) {
    const state = cases.get(box.dataset.case!);
    const host = root.host as ReactiveElement;
    if (!state) continue;
    if (!state.hosts.has(host)) {
      state.hosts.add(host);
      // A device that asked for the email expects the decision: not the browser's copy, which may be
      // from before it was published (the API lets one be kept for half a minute).
      void fetchCase(state, clientOf(host), Boolean(state.keptUntil));
    }
    if (state.decided) state.decided.adoptDecidedStyles(root);
  }
}

/** The poll and how this element speaks. */
export interface PollContext {
  poll: PollView;
  t: Messages;
  language: Lang;
  /** The level of the question's heading; the results' is one below. */
  headingLevel: number;
  /** The API's origin and the site: where the verify page is, and whose receipts this device keeps. */
  apiBase: string;
  site: string;
  /** The poll element: a kind's own view (kinds/) reads and sets its ballot through it. */
  host: ReactiveElement;
  /** This module, once loaded: a kind's own view (kinds/) draws the receipt, the seal and the case with it, without importing it. */
  results?: typeof import('./results.ts');
  /**
   * The headers the element reads the poll with (its voter token, if this browser has one, and the host's assertion): a ranked poll's count is read with them too.
   * `voting`: the headers it votes with, the voter token made if this browser has none yet (a conversation's votes and statements).
   */
  readHeaders: (voting?: boolean) => Record<string, string>;
}

const text = ({ poll, language }: PollContext, map: Partial<Record<Lang, string>>) => localized(map, language, poll.languages);

/** An option's label, or a scale value with its end's label ("5 – Erinomainen"). */
function resultLabel(ctx: PollContext, id: string) {
  const { poll } = ctx;
  if (poll.kind !== 'scale') {
    const option = poll.options.find((o) => o.id === id);
    return option ? text(ctx, option.label) : { text: id, lang: ctx.language };
  }
  const scale = poll.scale!;
  const end = id === String(scale.min) ? scale.minLabel : id === String(scale.max) ? scale.maxLabel : undefined;
  const endText = end ? text(ctx, end) : null;
  return { text: endText ? `${id} – ${endText.text}` : id, lang: endText?.lang ?? ctx.language };
}

/** "Your answer: …" and its receipt, or nothing when this browser has no ballot. */
export function renderMine(ctx: PollContext) {
  const ballot = ctx.poll.myBallot;
  if (!ballot) return nothing;
  const choices = ctx.poll.kind === 'scale' ? String(ballot.value) : (ballot.choices ?? []).map((id) => resultLabel(ctx, id).text).join(', ');
  return html`<p class="mine">${ctx.t.poll.yourBallot(choices)}</p>${ballot.receipt ? renderReceipt(ctx, ballot.receipt) : nothing}`;
}

/**
 * The ballot's receipt, copyable, and the receipts this device held before the ballot changed.
 * The device keeps them in the order it was given them, so a changed ballot's old receipt stays
 * on screen as replaced (the server keeps no link between them that anyone could read).
 */
export function renderReceipt(ctx: PollContext, receipt: string) {
  const r = viewMessages.get(ctx.language);
  const kept = new StoredValue<string[]>(`osallistu.receipts:${ctx.apiBase}:${ctx.site}:${ctx.poll.id}`);
  const known = kept.get() ?? [];
  if (known.at(-1) !== receipt) kept.set([...known.filter((code) => code !== receipt), receipt]);
  const replaced = known.filter((code) => code !== receipt);
  return html`<div class="receipt">
      <p>${r.receipt} <code>${receipt}</code>
        <button part="button" type="button" class="secondary" @click=${(event: Event) => void copy(event, receipt, r)}>${r.copyReceipt}</button>
        <span class="visually-hidden" aria-live="polite"></span></p>
      <p class="meta">${r.receiptHelp}</p>
      ${replaced.map((code) => html`<p class="meta replaced">${r.receiptReplaced(code)}</p>`)}
    </div>`;
}

/** Copies the receipt; where the browser refuses (an embedded frame may), selects it for the resident to copy. */
async function copy(event: Event, receipt: string, r: ReceiptMessages): Promise<void> {
  const button = event.currentTarget as HTMLElement;
  const status = button.nextElementSibling as HTMLElement;
  try {
    await navigator.clipboard.writeText(receipt);
    status.textContent = r.receiptCopied;
  } catch {
    const code = button.parentElement!.querySelector('code')!;
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = (button.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.textContent = r.receiptSelected;
  }
}

/** On a closed poll whose results are public: the link to the page that checks its sealed result. */
function renderSealed(ctx: PollContext) {
  const { poll, apiBase, site, language } = ctx;
  if (poll.state !== 'closed' || poll.resultsVisibility === 'never') return nothing;
  const url = `${apiBase}/embed/v1/frame/verify/${encodeURIComponent(poll.id)}?${new URLSearchParams({ site, lang: language })}`;
  return html`<p class="sealed"><a href=${url} target="_blank" rel="noopener">${viewMessages.get(language).checkSealed}</a></p>`;
}

const optionResult = (ctx: PollContext, count: number, total: number) => ctx.t.poll.optionResult(ctx.t.votes(count), formatPercent(total ? count / total : 0, ctx.language));

/** The results as text and bars (or when they are not shown yet, when they will be), and a closed poll's sealed result. */
export function renderResults(ctx: PollContext) {
  return html`${renderTallies(ctx)}${renderFollowUp(ctx)}`;
}

/** What follows the results of every kind of poll: a closed poll's sealed result, and its case. */
export function renderFollowUp(ctx: PollContext) {
  return html`${renderSealed(ctx)}${renderCase(ctx)}`;
}

function renderTallies(ctx: PollContext) {
  const { poll } = ctx;
  const t = ctx.t.poll;
  if (!poll.results) {
    const later = poll.resultsVisibility === 'always' ? '' : t.resultsLater[poll.resultsVisibility];
    return later && !(poll.resultsVisibility === 'after_vote' && !poll.myBallot && poll.state !== 'open') ? html`<p class="meta">${later}</p>` : nothing;
  }
  const { total, options } = poll.results;
  return html`<p class="question" role="heading" aria-level=${ctx.headingLevel + 1}>${t.results}</p>
    ${poll.kind === 'multiple' && poll.maxChoices > 1 ? html`<p class="meta">${t.sharesNote(poll.maxChoices)}</p>` : nothing}
    <ul class="results" part="results">
      ${options.map((option) => {
        const label = resultLabel(ctx, option.id);
        return html`<li>
          <div class="result-text">
            <span lang=${label.lang}>${label.text}</span>
            <span class="numbers">${optionResult(ctx, option.count, total)}</span>
          </div>
          <div class="bar" part="bar" aria-hidden="true"><span data-share=${`${((total ? option.count / total : 0) * 100).toFixed(1)}%`}></span></div>
        </li>`;
      })}
    </ul>
    <p class="meta">${t.total(total)}</p>`;
}

/** The results as one sentence, for the polite live region after a vote; '' when they are not shown. */
export function resultsSummary(ctx: PollContext): string {
  const results = ctx.poll.results;
  if (!results) return '';
  const parts = results.options.map((o) => `${resultLabel(ctx, o.id).text}: ${optionResult(ctx, o.count, results.total)}`);
  return `${ctx.t.poll.results}: ${parts.join('; ')}. ${ctx.t.poll.total(results.total)}.`;
}

type Decided = typeof import('../decisions/decided.ts');

/**
 * A poll's case as this page shows it (one per poll, case and language), kept while the page is
 * open. Render functions cannot reach the element they draw for, so the elements that show it
 * are found after each render (`paint`), and drawn again when it changes.
 */
interface CaseState {
  /** The poll and how it speaks, as last drawn. */
  ctx: PollContext;
  /** The case, once fetched; never set when the fetch failed (the poll then shows nothing of it). */
  view?: CaseView;
  /** The decision's view (decisions/decided.ts), once the case has a decision to show. */
  decided?: Decided;
  sending: boolean;
  /** The address the server refused, in words, at the field. */
  fieldError: string;
  /** Any other refusal or failure, in words, under the form. */
  error: string;
  /** Once the address is kept: the time by which it is deleted at the latest. */
  keptUntil: string;
  hosts: Set<ReactiveElement>;
}

const cases = new Map<string, CaseState>();

/** Whether the poll shows its case: it has one, and it can no longer be answered here (it is closed, or answered). */
const showsCase = ({ poll }: PollContext) => Boolean(poll.caseId && (poll.state === 'closed' || poll.myBallot));
const caseKey = ({ apiBase, site, poll, language }: PollContext) => JSON.stringify([apiBase, site, poll.id, poll.caseId, language]);
/**
 * The poll element's own API client: the same origin and site, and it notices an origin the API
 * refuses. Protected there, so reached by its name (a client made here would cost every page
 * one more export of the shared chunk).
 */
const clientOf = (host: Element) => (host as unknown as { client: ApiClient }).client;
/** That this device asked for the email: only until when the address is kept, never the address. */
const keptMail = ({ apiBase, site }: PollContext, caseId: string) => new StoredValue<string>(`osallistu.case-mail:${apiBase}:${site}:${caseId}`);

function redraw(state: CaseState): void {
  for (const host of state.hosts) {
    if (host.isConnected) host.requestUpdate();
    else state.hosts.delete(host);
  }
}

/** Fetches the case (`fresh`: asked of the server, not taken from the browser's copy), and the decision's view when it has one. */
async function fetchCase(state: CaseState, client: ApiClient, fresh: boolean): Promise<void> {
  const { ctx } = state;
  try {
    const query = new URLSearchParams({ id: ctx.poll.caseId!, lang: ctx.language });
    const view = await client.get<CaseView>(`cases?${query}`, fresh ? { cache: 'reload' } : {});
    if (view.decisions.length) {
      state.decided ??= await import('../decisions/decided.ts');
      await state.decided.decidedMessages.load(ctx.language);
    }
    state.view = view;
  } catch {
    // The poll stands without its case.
  }
  redraw(state);
}

/** What was decided on the poll's case; until something is, "no decision yet" and the offer of one email. */
function renderCase(ctx: PollContext) {
  if (!showsCase(ctx)) return nothing;
  const key = caseKey(ctx);
  let state = cases.get(key);
  if (!state) {
    const kept = keptMail(ctx, ctx.poll.caseId!).get();
    state = { ctx, sending: false, fieldError: '', error: '', keptUntil: kept && Date.parse(kept) > Date.now() ? kept : '', hosts: new Set() };
    cases.set(key, state);
  }
  state.ctx = ctx;
  return html`<div class="case" data-case=${key}>${renderCaseBody(ctx, state)}</div>`;
}

function renderCaseBody(ctx: PollContext, state: CaseState) {
  const { view } = state;
  if (!view) return nothing;
  const level = ctx.headingLevel + 1;
  if (view.decisions.length && state.decided) {
    return state.decided.renderDecided(view, { language: ctx.language, headingLevel: level, headingClass: 'question' });
  }
  const r = viewMessages.get(ctx.language);
  return html`<p class="question" role="heading" aria-level=${level}>${r.decided}</p>
    <p class="meta">${r.noDecision(view.caseId)}</p>
    ${state.keptUntil ? html`<p class="notice mail-done" tabindex="-1">${r.mailDone(formatDate(state.keptUntil, ctx.language))}</p>` : renderMailForm(ctx, state)}`;
}

/**
 * The offer of one email when the case is decided: a labelled field with what is done with the
 * address, the server's refusal of it tied to the field, and any other failure under the button.
 * The button is never disabled while sending (that would drop the focus): a second press does nothing.
 */
function renderMailForm(ctx: PollContext, state: CaseState) {
  const r = viewMessages.get(ctx.language);
  const id = (suffix: string) => `${ctx.poll.id}-case-${suffix}`;
  return html`<form class="mail" novalidate @submit=${(event: SubmitEvent) => void subscribe(event, ctx, state)}>
    <fieldset>
      <legend>${r.mailTitle}</legend>
      <label for=${id('email')}>${r.mailLabel}</label>
      <p class="hint" id=${id('note')}>${r.mailNote}</p>
      <div role="alert">${state.fieldError ? html`<p class="error" id=${id('error')}><span class="visually-hidden">${ctx.t.poll.errorPrefix}</span> ${state.fieldError}</p>` : nothing}</div>
      <div class="mail-fields">
        <input
          id=${id('email')}
          type="email"
          name="email"
          autocomplete="email"
          spellcheck="false"
          aria-describedby=${state.fieldError ? `${id('note')} ${id('error')}` : id('note')}
          aria-invalid=${state.fieldError ? 'true' : 'false'}
        />
        <button part="button" type="submit" aria-disabled=${state.sending ? 'true' : 'false'}>${state.sending ? ctx.t.poll.submitting : r.mailSubmit}</button>
      </div>
    </fieldset>
    <div role="alert">${state.error ? html`<p class="error">${state.error}</p>` : nothing}</div>
  </form>`;
}

/**
 * Asks for the email. Kept: the form gives way to when the address will be deleted, which takes
 * the focus. Decided meanwhile: the case is fetched again and its decision takes the focus. A
 * refused address: the error at the field, which takes the focus. Anything else: said under the
 * button, which keeps the focus.
 */
async function subscribe(event: SubmitEvent, ctx: PollContext, state: CaseState): Promise<void> {
  event.preventDefault();
  if (state.sending || !state.view) return;
  const form = event.currentTarget as HTMLFormElement;
  const host = (form.getRootNode() as ShadowRoot).host as ReactiveElement;
  const caseId = state.view.caseId;
  const r = viewMessages.get(ctx.language);
  state.sending = true;
  state.fieldError = state.error = '';
  redraw(state);
  let focus = '';
  try {
    const body = { caseId, email: form.querySelector('input')!.value.trim(), lang: ctx.language };
    const kept = await clientOf(host).post<z.infer<typeof CaseSubscription>>('cases/subscriptions', body);
    state.keptUntil = kept.keptUntil;
    keptMail(ctx, caseId).set(kept.keptUntil);
    focus = '.mail-done';
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'case_decided') {
      await fetchCase(state, clientOf(host), true);
      focus = '.case [role="heading"]';
    } else if (error instanceof ApiRequestError && error.status === 400) {
      state.fieldError = r.mailInvalid;
      focus = '.case input';
    } else {
      state.error =
        error instanceof NetworkError
          ? error.timedOut ? ctx.t.errors.timeout : ctx.t.errors.network
          : error instanceof ApiRequestError && error.status === 429
            ? ctx.t.errors.rateLimited
            : error instanceof ApiRequestError && error.code === 'case_unknown'
              ? r.mailUnknown
              : ctx.t.errors.server;
    }
  } finally {
    state.sending = false;
  }
  redraw(state);
  await host.updateComplete;
  if (focus) host.shadowRoot?.querySelector<HTMLElement>(focus)?.focus();
}
