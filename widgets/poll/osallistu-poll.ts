import { html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { BallotReceipt, PollView } from '../../worker/schema/polls.ts';
import { ApiRequestError, NetworkError, newIdempotencyKey } from '../core/api-client.ts';
import { OsallistuElement } from '../core/base-element.ts';
import { defineElement } from '../core/define.ts';
import { emit } from '../core/events.ts';
import { formatDateTime } from '../core/format.ts';
import { localized } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { existingVoterToken, voterToken } from '../core/voter-token.ts';
import { pendingBallot } from './pending-ballot.ts';
import type { PendingBallot } from './pending-ballot.ts';
import { pollStyles } from './styles.ts';
import type { PollContext } from './results.ts';
import type { KindView } from './kinds/kind.ts';

/**
 * The views drawn only where they are needed, each a chunk of its own with its strings: the
 * results (after a vote, or once the poll is closed) and every kind of poll but single and multiple
 * choice (kinds/), whose ballots the element draws itself. A page with one single-choice poll
 * downloads only the results, once it is answered.
 */
const VIEWS: Record<string, () => Promise<KindView | Results>> = {
  results: () => import('./results.ts'),
  scale: () => import('./kinds/scale.ts'),
  ranked: () => import('./kinds/ranked.ts'),
  budget: () => import('./kinds/budget.ts'),
  statements: () => import('./kinds/statements.ts'),
};
type Results = typeof import('./results.ts');
const views: Record<string, KindView | undefined> & { results?: Results } = {};
/** View `name` (if there is one of that name: single and multiple choice have none of their own) and its strings in `lang`. */
const loadView = async (name: string, lang: Lang) => {
  const load = VIEWS[name];
  if (load) await (views[name] ??= (await load()) as KindView).viewMessages.load(lang);
};

/** Detail of `osallistu-vote`. */
export interface VoteDetail {
  site: string;
  poll: string;
  choices?: string[];
  value?: number;
  changed: boolean;
}

/** Radios of two polls on one page (the console's side-by-side previews) never share a name. */
let instances = 0;

type Load = { status: 'loading' } | { status: 'ready'; poll: PollView } | { status: 'not-found' } | { status: 'failed'; message: string };

/**
 * A poll, inline in the host page: single choice, multiple choice or a rating scale.
 *
 * @attr poll - the poll's id (required).
 * @attr voter-assertion - for signed polls: the JWT the host site signed for its signed-in resident.
 * @attr heading-level - the level of the question and results headings (default 2, as in every widget; results one below).
 * @fires osallistu-vote - a ballot was counted (`detail`: site, poll, choices or value, changed).
 * @slot - shown until the widget starts, and where scripts do not run: e.g. a link to the poll's own page.
 * @csspart form - the form around the question.
 * @csspart button - the vote, change and retry buttons.
 * @csspart results - the list of results.
 * @csspart bar - one result bar.
 * @cssproperty --osallistu-accent - buttons, selection and bars; defaults to a dark blue.
 * @cssproperty --osallistu-on-accent - text on the accent colour.
 * @cssproperty --osallistu-border - borders of the box and the options.
 */
export class OsallistuPoll extends OsallistuElement {
  static override styles = [...OsallistuElement.styles, pollStyles];
  /** Lit's reactive properties (why not decorators, and why `attribute: false`: OsallistuElement.properties). */
  static override properties: PropertyDeclarations = {
    poll: { reflect: true },
    voterAssertion: { attribute: 'voter-assertion' },
    headingLevel: { attribute: 'heading-level', type: Number },
    preview: { attribute: false },
    load: { state: true, attribute: false },
    choices: { state: true, attribute: false },
    value: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    fieldError: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  poll = '';
  voterAssertion = '';
  /** The heading level of the question when it is not a form legend, to fit the host page's outline. */
  headingLevel = 2;
  /** The officials' console's live preview: this poll is shown as residents will see it, without the API; answering it sends nothing. */
  preview?: PollView;
  /** Milliseconds before a ballot still on its way is said to be slow ("still sending"). */
  slowAfter = 5000;

  private load: Load = { status: 'loading' };
  private choices: string[] = [];
  private value: number | null = null;
  private submitting = false;
  private editing = false;
  private fieldError = '';
  /** A short message above the poll: thanks, queued offline, already voted. */
  private notice = '';
  /** What the polite live region says; set after a vote. */
  private announcement = '';

  get #noticeElement() {
    return this.renderRoot?.querySelector<HTMLElement>('.notice');
  }
  /** The field with the error, else the first field (a ranked poll's are selects). */
  get #firstInput() {
    return this.renderRoot?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.renderRoot?.querySelector<HTMLElement>('input,select');
  }
  readonly #name = `osallistu-poll-${++instances}`;

  protected override resourceId(): string {
    return this.preview ? '' : this.poll;
  }

  protected override willUpdate(): void {
    super.willUpdate();
    if (this.preview && (this.load.status !== 'ready' || this.load.poll !== this.preview)) this.load = { status: 'ready', poll: this.preview };
  }

  protected override fetchResource(): Promise<void> {
    return this.#fetchPoll();
  }

  protected override resend(): Promise<void> {
    return this.#sendPending();
  }

  protected override updated(): void {
    views.results?.paint(this.renderRoot as ShadowRoot);
  }

  override render() {
    const t = this.t.poll;
    return html`<div class="poll" part="form" aria-busy=${this.load.status === 'loading' ? 'true' : 'false'}>
      ${this.#renderBody()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.load.status === 'loading' ? html`<span class="visually-hidden">${t.loading}</span>` : nothing}
    </div>`;
  }

  #renderBody(): TemplateResult {
    const t = this.t.poll;
    switch (this.load.status) {
      case 'loading':
        return html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div>`;
      case 'not-found':
        return html`<p class="notice">${t.notFound}</p>`;
      case 'failed':
        return html`<p class="notice" role="alert">${this.load.message}</p>
          <button part="button" @click=${() => void this.#fetchPoll()}>${this.t.retry}</button>`;
      case 'ready':
        return this.#renderPoll(this.load.poll);
    }
  }

  #renderPoll(poll: PollView): TemplateResult {
    const t = this.t.poll;
    if (!this.#has(poll.kind)) return html``;
    const votingBlocked = this.#votingBlockedReason(poll);
    const canVote = this.#canVote(poll);
    const question = this.#text(poll.question, poll);
    return html`
      ${this.notice ? html`<p class="notice" tabindex="-1">${this.notice}</p>` : nothing}
      ${canVote
        ? this.#renderForm(poll)
        : html`<p class="question" role="heading" aria-level=${this.headingLevel} lang=${question.lang}>${question.text}</p>${this.#renderDescription(poll)}`}
      ${this.#renderTiming(poll)}
      ${!canVote ? this.#renderOutcome(() => this.#view(poll).renderMine(this.#context(poll))) : nothing}
      ${!canVote && votingBlocked && poll.state === 'open' ? html`<p class="notice">${votingBlocked}</p>` : nothing}
      ${!canVote ? this.#renderOutcome(() => this.#view(poll).renderResults(this.#context(poll))) : nothing}
      ${!canVote && poll.state === 'open' && poll.allowChange && poll.myBallot
        ? html`<div class="actions"><button part="button" class="secondary change" @click=${this.#startEditing}>${t.change}</button></div>`
        : nothing}
    `;
  }

  #renderDescription(poll: PollView, id?: string) {
    if (!poll.description) return nothing;
    const description = this.#text(poll.description, poll);
    return html`<p class="description" id=${id ?? nothing} lang=${description.lang}>${description.text}</p>`;
  }

  #renderTiming(poll: PollView) {
    const t = this.t.poll;
    if (poll.state === 'closed') return html`<p class="meta">${t.closed}</p>`;
    if (poll.state === 'upcoming' && poll.opensAt) return html`<p class="meta">${t.opensAt(formatDateTime(poll.opensAt, this.language))}</p>`;
    if (poll.state === 'open' && poll.closesAt) return html`<p class="meta">${t.closesAt(formatDateTime(poll.closesAt, this.language))}</p>`;
    return nothing;
  }

  /** The button is never disabled while sending (that would drop the focus to the page): a second press does nothing. */
  #renderForm(poll: PollView): TemplateResult {
    const t = this.t.poll;
    const question = this.#text(poll.question, poll);
    const id = (suffix: string) => `${this.poll}-${suffix}`;
    const describedBy = [poll.description ? id('description') : '', id('hint'), this.fieldError ? id('error') : ''].filter(Boolean).join(' ');
    return html`<form novalidate @submit=${this.#submit} class=${this.fieldError ? 'invalid' : ''}>
      <fieldset aria-describedby=${describedBy}>
        <legend lang=${question.lang}>${question.text}</legend>
        ${this.#renderDescription(poll, id('description'))}
        <p class="hint" id=${id('hint')}>${this.#hint(poll)}</p>
        <div role="alert">${this.fieldError ? html`<p class="error" id=${id('error')}><span class="visually-hidden">${t.errorPrefix}</span> ${this.fieldError}</p>` : nothing}</div>
        ${views[poll.kind]?.renderBallot(this.#context(poll)) ?? this.#renderChoices(poll)}
      </fieldset>
      <div class="actions">
        <button part="button" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
          ${this.submitting ? t.submitting : poll.myBallot ? t.saveChange : t.submit}
        </button>
        ${this.editing ? html`<button part="button" type="button" class="secondary" @click=${this.#stopEditing}>${t.cancel}</button>` : nothing}
      </div>
    </form>`;
  }

  #renderChoices(poll: PollView) {
    const type = poll.kind === 'multiple' ? 'checkbox' : 'radio';
    return html`<div class="options">
      ${poll.options.map((option) => {
        const label = this.#text(option.label, poll);
        return html`<label class="option">
          <input
            type=${type}
            name=${this.#name}
            ?required=${type === 'radio'}
            .value=${option.id}
            .checked=${this.choices.includes(option.id)}
            aria-invalid=${this.fieldError ? 'true' : 'false'}
            @change=${this.#onChoice}
          />
          <span lang=${label.lang}>${label.text}</span>
        </label>`;
      })}
    </div>`;
  }

  #context(poll: PollView): PollContext {
    return { poll, t: this.t, language: this.language, headingLevel: this.headingLevel, apiBase: this.client.apiBase, site: this.siteId, host: this, results: views.results, readHeaders: (voting) => this.#headers(voting) };
  }

  /**
   * Whether view `name` is here with its strings, or there is no such view (single and multiple
   * choice are drawn here); if not, it is fetched and drawn then. fetchPoll and send wait for the
   * views they need; a console preview asks for them here.
   */
  #has(name: string): boolean {
    if (!VIEWS[name] || views[name]?.viewMessages.has(this.language)) return true;
    loadView(name, this.language).then(() => this.requestUpdate(), () => {}); // a failed download is tried again at the next render
    return false;
  }

  /** Part of the results view, drawn once its chunk is here. */
  #renderOutcome(part: () => unknown) {
    return this.#has('results') ? part() : nothing;
  }

  /** What draws the resident's ballot and the results: the kind's own view (kinds/), else the results view. */
  #view(poll: PollView): Pick<KindView, 'renderMine' | 'renderResults' | 'resultsSummary'> {
    return views[poll.kind] ?? views.results!;
  }

  /** Why this page cannot take a ballot for this poll, in words, or '' when it can. */
  #votingBlockedReason(poll: PollView): string {
    const blocked = this.#blocked(poll);
    return blocked === 'signInToVote' ? this.t.poll.signInToVote : blocked === 'challenge' ? this.t.errors.challenge : '';
  }

  /**
   * Whether the form is shown; otherwise the resident's ballot and the results are. Needs no strings: fetchPoll asks before they may have arrived.
   * A conversation has no form of the poll's: its view (kinds/statements.ts) is drawn where the ballot and the results are.
   */
  #canVote(poll: PollView): boolean {
    return poll.state === 'open' && !this.#blocked(poll) && (!poll.myBallot || this.editing) && poll.kind !== 'statements';
  }

  /** Why this page cannot take a ballot for this poll (a key of the strings), or '' when it can. */
  #blocked(poll: PollView): '' | 'signInToVote' | 'challenge' {
    if (poll.voterMode === 'signed' && !this.voterAssertion) return 'signInToVote';
    return poll.voterMode === 'challenge' ? 'challenge' : '';
  }

  #hint(poll: PollView): string {
    const t = this.t.poll;
    const kind = views[poll.kind];
    if (kind) return kind.hint(this.#context(poll));
    if (poll.kind === 'single') return t.chooseOne;
    if (poll.minChoices === poll.maxChoices) return t.chooseExactly(poll.minChoices);
    return poll.minChoices <= 1 ? t.chooseAtMost(poll.maxChoices) : t.chooseBetween(poll.minChoices, poll.maxChoices);
  }

  #text(map: Partial<Record<PollView['languages'][number], string>>, poll: PollView) {
    return localized(map, this.language, poll.languages);
  }

  /**
   * Who is asking. Reading sends the voter token only if this browser has voted before, so a
   * page view makes no identifier at all; voting makes one.
   */
  #headers(voting?: boolean): Record<string, string> {
    const token = voting ? voterToken() : existingVoterToken();
    const headers: Record<string, string> = token ? { 'X-Voter-Token': token } : {};
    if (this.voterAssertion) headers['X-Voter-Assertion'] = this.voterAssertion;
    return headers;
  }

  async #fetchPoll(): Promise<void> {
    if (this.load.status !== 'ready') this.load = { status: 'loading' };
    try {
      const poll = await this.client.get<PollView>(`polls/${encodeURIComponent(this.poll)}`, { headers: this.#headers(false) });
      // Drawn whole in one go: a poll this browser has answered, or one that is closed, waits for the results view.
      // A poll of a kind with a view of its own (kinds/) waits for it too, fetched beside it.
      await Promise.all([!this.#canVote(poll) && loadView('results', this.language), loadView(poll.kind, this.language)]);
      this.load = { status: 'ready', poll };
      this.#selectBallot(poll);
      // A ballot (or change) still waiting from an earlier visit: sending it again is safe, its
      // idempotency key makes the server count it once.
      if (poll.state === 'open' && this.#pending.get()) void this.#sendPending();
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 404) this.load = { status: 'not-found' };
      else {
        await this.stringsReady();
        this.load = { status: 'failed', message: this.errorMessage(error, this.t.poll.loadFailed) };
      }
    }
  }

  #selectBallot(poll: PollView): void {
    this.choices = poll.myBallot?.choices ?? [];
    this.value = poll.myBallot?.value ?? null;
  }

  #onChoice(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.type === 'radio') this.choices = [input.value];
    else this.choices = input.checked ? [...this.choices, input.value] : this.choices.filter((id) => id !== input.value);
    this.fieldError = '';
    this.#expectResults();
  }

  /** The resident is answering: the results view they will see next starts downloading now. */
  #expectResults(): void {
    if (!this.preview) loadView('results', this.language).catch(() => {}); // tried again when it is drawn
  }

  #startEditing(): void {
    this.editing = true;
    this.notice = '';
    void this.updateComplete.then(() => this.#firstInput?.focus());
  }

  /** Back to the results; focus goes to "change your answer", where the resident started. */
  async #stopEditing(): Promise<void> {
    this.editing = false;
    this.fieldError = '';
    if (this.load.status === 'ready') this.#selectBallot(this.load.poll);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.change')?.focus();
  }

  /** The client-side check, so the resident hears what to fix without a round trip. */
  #validationError(poll: PollView): string {
    const t = this.t.poll;
    const kind = views[poll.kind];
    if (kind) return kind.validate(this.#context(poll));
    if (this.choices.length === 0) return t.errorNoChoice;
    if (this.choices.length < poll.minChoices) return t.errorTooFew(poll.minChoices);
    if (this.choices.length > poll.maxChoices) return t.errorTooMany(poll.maxChoices);
    return '';
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.load.status !== 'ready' || this.submitting || this.preview) return;
    const poll = this.load.poll;
    this.fieldError = this.#validationError(poll);
    if (this.fieldError) {
      await this.updateComplete;
      this.#firstInput?.focus();
      return;
    }
    const body = poll.kind === 'scale' ? { value: this.value! } : { choices: [...this.choices] };
    const pending: PendingBallot = { body, idempotencyKey: newIdempotencyKey(), createdAt: new Date().toISOString() };
    // Saved before sending: if the tab closes mid-request, the next visit sends it again.
    this.#pending.set(pending);
    await this.#send(pending);
  }

  get #pending() {
    return pendingBallot(this.client.apiBase, this.siteId, this.poll);
  }

  async #sendPending(): Promise<void> {
    const pending = this.#pending.get();
    if (pending && !this.submitting) await this.#send(pending);
  }

  /** Sends `pending`; says "offline" only when the browser could not connect, and "still sending" when the server is slow or busy. */
  async #send(pending: PendingBallot): Promise<void> {
    await this.stringsReady();
    const t = this.t.poll;
    this.submitting = true;
    this.notice = '';
    const wasChange = Boolean(this.load.status === 'ready' && this.load.poll.myBallot);
    const slow = setTimeout(() => (this.notice = this.announcement = t.stillSending), this.slowAfter);
    try {
      const receipt = await this.client.post<BallotReceipt>(`polls/${encodeURIComponent(this.poll)}/ballots`, pending.body, {
        idempotencyKey: pending.idempotencyKey,
        headers: this.#headers(true),
      });
      this.#pending.clear();
      this.stopRetrying();
      await loadView('results', this.language).catch(() => {}); // counted all the same: renderOutcome tries again
      this.#acceptReceipt(receipt);
      const message = pending.offline ? t.sentAfterOffline : wasChange ? t.changed : t.thanks;
      this.notice = message;
      this.announcement = `${t.saved} ${views.results && this.load.status === 'ready' ? this.#view(this.load.poll).resultsSummary(this.#context(this.load.poll)) : ''}`.trim();
      emit<VoteDetail>(this, 'osallistu-vote', { site: this.siteId, poll: this.poll, ...pending.body, changed: wasChange });
    } catch (error) {
      if (this.isTransient(error)) {
        // A time-out or a busy server is not a lost connection: only a failed connection is "offline".
        const offline = error instanceof NetworkError && !error.timedOut;
        if (offline) this.#pending.set({ ...pending, offline });
        this.notice = this.announcement = offline ? t.queued : t.stillSending;
        this.retryLater();
      } else {
        this.#pending.clear();
        this.notice = error instanceof ApiRequestError && error.code === 'already_voted' ? t.alreadyVoted : this.errorMessage(error, this.t.errors.server);
        this.announcement = this.notice;
        if (error instanceof ApiRequestError && (error.status === 409 || error.status === 404)) await this.#fetchPoll();
      }
    } finally {
      clearTimeout(slow);
      this.submitting = false;
    }
    await this.updateComplete;
    this.#noticeElement?.focus();
  }

  #acceptReceipt(receipt: BallotReceipt): void {
    if (this.load.status !== 'ready') return;
    const poll = { ...this.load.poll, myBallot: receipt.ballot, ...(receipt.results ? { results: receipt.results } : {}) };
    this.load = { status: 'ready', poll };
    this.editing = false;
    this.#selectBallot(poll);
  }
}

defineElement('osallistu-poll', OsallistuPoll);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-poll': OsallistuPoll;
  }
  interface HTMLElementEventMap {
    'osallistu-vote': CustomEvent<VoteDetail>;
  }
}
