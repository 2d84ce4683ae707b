import type { z } from '@hono/zod-openapi';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RankedCount } from '../../worker/schema/poll-kinds.ts';
import type { PollView } from '../../worker/schema/polls.ts';
import type { OpinionsView, StatementList } from '../../worker/schema/statements.ts';
import { roleAllows } from '../../worker/schema/roles.ts';
import { defineElement } from '../core/define.ts';
import { formatDate, formatPercent } from '../core/format.ts';
import { localized } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import './admin-poll-editor.ts';
import { AdminListView } from './admin-list-view.ts';
import { budgetResults, rankedResults } from './admin-poll-results.ts';
import type { RankingState } from './admin-poll-results.ts';
import { conversationResults } from './admin-statement-results.ts';
import type { ConversationState } from './admin-statement-results.ts';
import { barChart, dayChart } from './ui/chart.ts';
import { actionVerb, withContent } from './ui/content-lang.ts';
import { explainError, said } from './ui/errors.ts';
import type { MenuItem } from './ui/row-menu.ts';
import { menuToggle } from './ui/row-menu.ts';
import { statusBadge, toneOf } from './ui/status-badge.ts';
import type { Lang } from '../locales/messages.ts';

const FORMATS = [
  ['csv', 'CSV'],
  ['xlsx', 'Excel'],
  ['json', 'JSON'],
] as const;

/** The focused element, inside shadow roots too (the console's views are nested in them). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The site's polls: their state, opening and closing them, and their exports in one click. */
export class OsallistuAdminPolls extends AdminListView<PollView> {
  /** The poll being edited ('new' for a new one). */
  @state() private editing?: PollView | 'new';
  @state() private languages: Lang[] = ['fi'];
  /** Bytes received of a running export: shown, not read out at every step (the result is). */
  @state() private progress = '';
  /** The poll whose results are open, with its results, its ballots per day, a ranked poll's count, and a conversation's statements and groups. */
  @state() private showing?: { poll: PollView; days?: { day: string; ballots: number }[]; ranking?: RankingState; conversation?: ConversationState };
  /** Counts "Results" clicks: only the latest one's answer is shown. */
  #resultsRequest = 0;
  /** A poll to open once it is listed (the console's `#polls/ID`): its editor for an editor, else its results. */
  @property({ attribute: false }) open?: string;
  /** The `open` acted on already: a poll is opened once per address, not again after each reload of the list. */
  #opened?: string;

  /** A poll being edited with changes not saved. */
  override get hasUnsavedChanges(): boolean {
    return Boolean(this.renderRoot?.querySelector('osallistu-admin-poll-editor')?.hasUnsavedChanges);
  }

  protected override resourceId(): string {
    return this.token && 'polls';
  }

  protected override async fetchResource(): Promise<void> {
    void this.client.get<{ languages: Lang[]; defaultLang: Lang }>('').then(
      (site) => (this.languages = [site.defaultLang, ...site.languages.filter((l) => l !== site.defaultLang)]),
      () => undefined,
    );
    try {
      this.items = (await this.call<{ items: PollView[] }>('GET', 'polls')).items;
      this.failed = '';
    } catch (error) {
      await this.stringsReady();
      this.failed = this.errorMessage(error, this.at.loadFailed);
    }
  }

  protected override willUpdate(): void {
    super.willUpdate();
    if (!this.open || this.open === this.#opened || !this.items) return;
    this.#opened = this.open;
    if (this.editing) return;
    const poll = this.items.find((p) => p.id === this.open);
    if (!poll) this.status = { text: this.at.ui.errors.codes.poll_not_found! };
    else if (this.official && roleAllows(this.official.role, 'editor')) void this.edit(poll);
    else void this.openResults(poll);
  }

  private question(poll: PollView) {
    return localized(poll.question, this.language, poll.languages);
  }

  override render() {
    const t = this.at.polls;
    const editor = this.official && roleAllows(this.official.role, 'editor');
    return html`<h2>${t.heading}</h2>
      ${editor && !this.editing ? html`<p><button part="button" id="new-poll" @click=${() => void this.edit('new')}>${this.at.editor.create}</button></p>` : nothing}
      ${this.editing
        ? html`<osallistu-admin-poll-editor
            site=${this.siteId}
            api=${this.client.apiBase}
            .token=${this.token}
            .official=${this.official}
            .poll=${this.editing === 'new' ? undefined : this.editing}
            .languages=${this.languages}
            @editor-close=${this.editorClosed}
          ></osallistu-admin-poll-editor>`
        : nothing}
      <p class="meta" role="status">${said(this.status)}</p>
      ${this.progress ? html`<p class="meta">${this.progress}</p>` : nothing}
      ${this.renderCloseConfirm()} ${this.showing ? this.renderResults(this.showing.poll, this.showing.days, this.showing.ranking, this.showing.conversation) : nothing}
      ${this.renderList(t.heading, t.empty, [t.question, t.status, t.closes], (poll) => this.renderRow(poll))}`;
  }

  private renderRow(poll: PollView) {
    const t = this.at.polls;
    const question = this.question(poll);
    const editor = this.official && roleAllows(this.official.role, 'editor') && !this.editing;
    const more: MenuItem[] = [
      ...(editor
        ? [
            { label: this.at.editor.edit, key: 'edit', run: () => this.edit(poll) },
            poll.status === 'open'
              ? { label: t.close, key: 'close', danger: true, run: () => this.askClose(poll) }
              : { label: t.open, key: 'open', run: () => this.setStatus(poll, 'open') },
          ]
        : []),
      ...FORMATS.map(([format, name]) => ({ label: `${t.export} ${name}`, key: `export-${format}`, run: () => this.export(poll, format) })),
    ];
    return html`<tr>
      <th scope="row"><span lang=${question.lang} id=${`poll-name-${poll.id}`}>${question.text}</span><br /><code class="meta nowrap">${poll.id}</code></th>
      <td data-label=${t.status}>${statusBadge(t.statuses[poll.status], toneOf(poll.status))}</td>
      <td data-label=${t.closes}>${poll.closesAt ? html`<time class="nowrap" datetime=${poll.closesAt}>${formatDate(poll.closesAt, this.language, 'medium', true)}</time>` : '–'}</td>
      <td>
        <div class="row-actions">
          ${actionVerb(`results-verb-${poll.id}`, `${t.results}:`)}
          <button part="button" data-results=${poll.id} aria-labelledby=${`results-verb-${poll.id} poll-name-${poll.id}`} @click=${() => void this.openResults(poll)}>${t.results}</button>
          ${this.menus.render(poll.id, this.at.ui.more, `poll-name-${poll.id}`, more)}
        </div>
      </td>
    </tr>`;
  }

  private renderResults(poll: PollView, days?: { day: string; ballots: number }[], ranking?: RankingState, conversation?: ConversationState) {
    const t = this.at.polls;
    const results = poll.results;
    const total = results?.total ?? 0;
    const label = (id: string) => {
      const option = poll.options.find((o) => o.id === id);
      return option ? localized(option.label, this.language, poll.languages) : { text: id, lang: undefined };
    };
    const lang = this.language;
    const day = (d: string) => formatDate(`${d}T12:00:00Z`, lang, 'medium');
    return html`<section class="panel results" aria-labelledby="results-heading">
      <h3 id="results-heading" tabindex="-1">${withContent(t.resultsOf, this.question(poll), this.language)}</h3>
      ${poll.kind === 'statements'
        ? // A conversation has no ballots: its votes are per statement.
          conversationResults(poll, conversation ?? { state: 'loading' }, this.at, lang, () => void this.loadConversation(poll))
        : html`<p>${t.total(total)}</p>
            ${!results || !total
              ? html`<p>${t.noBallots}</p>`
              : poll.kind === 'ranked'
                ? rankedResults(poll, ranking ?? { state: 'loading' }, this.at, lang, () => void this.loadRanking(poll))
                : poll.kind === 'budget'
                  ? budgetResults(poll, this.at, lang)
                  : barChart(
                      t.results,
                      results.options.map((o) => {
                        const l = label(o.id);
                        return { label: l.text, lang: l.lang === lang ? undefined : l.lang, value: o.count };
                      }),
                      total,
                      { label: t.option, value: t.votes, share: t.share, percent: (share) => formatPercent(share, lang), chart: this.at.ui.chart },
                    )}`}
      ${days?.length
        ? dayChart(
            t.overTime,
            days.map((d) => ({ day: d.day, count: d.ballots })),
            { label: t.day, value: t.votes, chart: this.at.ui.chart, formatDay: day, most: this.at.ui.mostPerDay },
          )
        : nothing}
      <button part="button" class="secondary" @click=${() => void this.closeResults()}>${t.closeResults}</button>
    </section>`;
  }

  /**
   * Shows a poll's results and moves focus to them, unless the official has moved on while they
   * loaded (opened another row's menu, say): focus is never taken from where they now are, and
   * the answer to an earlier click never replaces a later one's.
   */
  private async openResults(poll: PollView): Promise<void> {
    const request = ++this.#resultsRequest;
    const from = deepActiveElement();
    try {
      const [full, timeline] = await Promise.all([
        this.call<PollView>('GET', `polls/${encodeURIComponent(poll.id)}`),
        this.call<{ days: { day: string; ballots: number }[] }>('GET', `polls/${encodeURIComponent(poll.id)}/timeline`),
      ]);
      if (request !== this.#resultsRequest) return;
      const counted = full.kind === 'ranked' && Boolean(full.results?.total);
      const conversation = full.kind === 'statements';
      this.showing = {
        poll: full,
        days: timeline.days,
        ...(counted ? { ranking: { state: 'loading' } as const } : {}),
        ...(conversation ? { conversation: { state: 'loading' } as const } : {}),
      };
      await this.updateComplete;
      if (deepActiveElement() === from) this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
      if (counted) void this.loadRanking(full, false);
      if (conversation) void this.loadConversation(full, false);
    } catch (error) {
      if (request !== this.#resultsRequest) return;
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  /**
   * A ranked poll's count (GET …/ranking), shown where the results are. A retry (`fromRetry`)
   * first moves focus from its button, which goes, to the count's place, where what comes is.
   */
  private async loadRanking(poll: PollView, fromRetry = true): Promise<void> {
    const request = this.#resultsRequest;
    const set = (ranking: RankingState) => {
      if (request === this.#resultsRequest && this.showing?.poll.id === poll.id) this.showing = { ...this.showing, ranking };
    };
    if (fromRetry) this.renderRoot.querySelector<HTMLElement>('#ranking')?.focus();
    set({ state: 'loading' });
    try {
      set({ state: 'ready', count: await this.call<RankedCount>('GET', `polls/${encodeURIComponent(poll.id)}/ranking`) });
    } catch (error) {
      set({ state: 'failed', message: explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed)) });
    }
  }

  /**
   * A conversation's statements with their votes and its opinion groups (GET …/statements and
   * …/opinions), shown where the results are; a retry moves focus first to where they come.
   */
  private async loadConversation(poll: PollView, fromRetry = true): Promise<void> {
    const request = this.#resultsRequest;
    const set = (conversation: ConversationState) => {
      if (request === this.#resultsRequest && this.showing?.poll.id === poll.id) this.showing = { ...this.showing, conversation };
    };
    if (fromRetry) this.renderRoot.querySelector<HTMLElement>('#conversation')?.focus();
    set({ state: 'loading' });
    const path = `polls/${encodeURIComponent(poll.id)}`;
    try {
      const [statements, opinions] = await Promise.all([this.call<z.infer<typeof StatementList>>('GET', `${path}/statements`), this.call<OpinionsView>('GET', `${path}/opinions`)]);
      set({ state: 'ready', statements, opinions });
    } catch (error) {
      set({ state: 'failed', message: explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed)) });
    }
  }

  private async closeResults(): Promise<void> {
    const id = this.showing?.poll.id;
    this.showing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-results="${id}"]`)?.focus();
  }

  private async edit(poll: PollView | 'new'): Promise<void> {
    this.editing = poll;
    await this.updateComplete;
    const editor = this.renderRoot.querySelector('osallistu-admin-poll-editor');
    await editor?.updateComplete;
    editor?.shadowRoot?.querySelector<HTMLElement>('#editor-heading')?.focus();
  }

  private async editorClosed(event: CustomEvent<PollView | null>): Promise<void> {
    const was = this.editing;
    this.editing = undefined;
    if (event.detail) {
      // What the server kept, at once: an edit opened again before the list is read anew starts from it.
      const saved = event.detail;
      this.items = this.items?.map((item) => (item.id === saved.id ? saved : item));
      this.status = withContent(this.at.editor.saved, this.question(event.detail), this.language);
      await this.fetchResource();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(was === 'new' || !was ? '#new-poll' : menuToggle(was.id))?.focus();
  }

  protected override nameOf(poll: PollView): LocalizedValue {
    return this.question(poll);
  }

  protected override pathOf(poll: PollView): string {
    return `polls/${encodeURIComponent(poll.id)}`;
  }

  protected override texts() {
    return this.at.polls;
  }


  private async export(poll: PollView, format: string): Promise<void> {
    try {
      this.progress = this.at.polls.exporting('0');
      const file = await this.download(`polls/${encodeURIComponent(poll.id)}/export?format=${format}`, (bytes) => {
        this.progress = this.at.polls.exporting((bytes / 1024).toFixed(0));
      });
      this.status = this.at.polls.exported(file);
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    } finally {
      this.progress = '';
    }
  }
}

defineElement('osallistu-admin-polls', OsallistuAdminPolls);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-polls': OsallistuAdminPolls;
  }
}
