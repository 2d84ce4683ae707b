import { html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { z } from '@hono/zod-openapi';
import type { DecisionPage, DecisionView, Facets } from '../../worker/schema/decisions.ts';
import type { CaseParticipation, CaseView } from '../../worker/schema/cases.ts';
import { OsallistuElement } from '../core/base-element.ts';
import { defineElement } from '../core/define.ts';
import { formatDate } from '../core/format.ts';
import { Catalog, localized } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import { loadSite } from '../core/site.ts';
import type { DecisionMessages } from './locales/messages.ts';
import { safeFragment } from './safe-html.ts';
import { decisionStyles } from './styles.ts';

type Summary = z.infer<typeof DecisionPage>['items'][number];
type Full = z.infer<typeof DecisionView>;
type Localized = Partial<Record<Summary['languages'][number], string>>;
type Load = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string };

/** The feed's own strings, one chunk per language, loaded only on pages with a feed. */
const decisionMessages = new Catalog<DecisionMessages>({
  fi: () => import('./locales/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  en: () => import('./locales/en.ts').then((m) => m.en),
});

/**
 * What the council and committees decided, newest first, from the site's decision data.
 *
 * @attr organ - a fixed filter: only this organ's decisions (e.g. `organ="kasvatus-ja-koulutuslautakunta"`).
 * @attr topic - a fixed filter: only this topic's decisions (e.g. `topic="koulut"`).
 * @attr district - a fixed filter: only this district's decisions.
 * @attr limit - decisions per page (default 10).
 * @attr search - show a search box.
 * @attr filters - show topic chips to filter by.
 * @attr feedback-form - a feedback form's id: each decision gets "give feedback on this decision".
 * @attr heading-level - the level of each decision's title (default 2, below the page's h1).
 * @csspart button - the buttons.
 * @csspart item - one decision.
 */
export class OsallistuDecisions extends OsallistuElement {
  static override styles = [...OsallistuElement.styles, decisionStyles];
  static override catalogs = [...OsallistuElement.catalogs, decisionMessages];
  /** Keeps nothing on the device itself (its feedback form says so itself). */
  static override remembers = false;

  /** Lit's reactive properties (why not decorators, and why `attribute: false`: OsallistuElement.properties). */
  static override properties: PropertyDeclarations = {
    organ: {},
    topic: {},
    district: {},
    limit: { type: Number },
    search: { type: Boolean },
    filters: { type: Boolean },
    feedbackForm: { attribute: 'feedback-form' },
    headingLevel: { attribute: 'heading-level', type: Number },
    load: { state: true, attribute: false },
    items: { state: true, attribute: false },
    next: { state: true, attribute: false },
    loadingMore: { state: true, attribute: false },
    query: { state: true, attribute: false },
    chosenTopic: { state: true, attribute: false },
    topics: { state: true, attribute: false },
    open: { state: true, attribute: false },
    feedbackFor: { state: true, attribute: false },
    status: { state: true, attribute: false },
    asked: { state: true, attribute: false },
  };

  organ = '';
  topic = '';
  district = '';
  limit = 10;
  search = false;
  filters = false;
  feedbackForm = '';
  headingLevel = 2;

  private load: Load = { status: 'loading' };
  private items: Summary[] = [];
  private next: string | null = null;
  private loadingMore = false;
  private query = '';
  private chosenTopic = '';
  private topics: z.infer<typeof Facets>['topics'] = [];
  private open = new Map<string, Full | null>();
  private feedbackFor = '';
  private status = '';
  /** By case id: the polls and feedback that asked residents about it, once fetched for an opened decision. */
  private asked = new Map<string, CaseParticipation>();

  /** Which fetch of the list is the latest: an older answer that arrives late is dropped. */
  #seq = 0;

  private get dt() {
    return decisionMessages.get(this.language);
  }

  protected override resourceId(): string {
    return `decisions|${this.organ}|${this.topic}|${this.district}|${this.limit}`;
  }

  protected override async fetchResource(): Promise<void> {
    if (this.filters && !this.topic) void this.fetchTopics();
    await this.fetchPage(false);
  }

  private params(cursor?: string | null): string {
    const p = new URLSearchParams();
    const topic = this.topic || this.chosenTopic;
    for (const [key, value] of [['organ', this.organ], ['topic', topic], ['district', this.district], ['q', this.query]] as const) if (value) p.set(key, value);
    if (cursor) p.set('cursor', cursor);
    p.set('limit', String(this.limit));
    return p.toString();
  }

  private async fetchTopics(): Promise<void> {
    try {
      const organ = this.organ ? `?organ=${encodeURIComponent(this.organ)}` : '';
      // The site's default language names a topic that has no label: its slug is in that language.
      const [facets, site] = await Promise.all([this.client.get<z.infer<typeof Facets>>(`decision-facets${organ}`), loadSite(this.client).catch(() => undefined)]);
      this.siteInfo ??= site;
      this.topics = facets.topics.slice(0, 8);
    } catch {
      // no chips then: the list still works
    }
  }

  /** The first page for the current filters, or (`more`) the next one. */
  private async fetchPage(more: boolean): Promise<void> {
    if (more) this.loadingMore = true;
    else this.load = { status: 'loading' };
    const mine = ++this.#seq;
    try {
      const page = await this.client.get<z.infer<typeof DecisionPage>>(`decisions?${this.params(more ? this.next : null)}`);
      await this.stringsReady();
      if (mine !== this.#seq) return;
      const before = this.items.length;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.next = page.nextCursor;
      this.load = { status: 'ready' };
      const t = this.dt;
      this.status = more
        ? t.loadedMore(page.items.length, this.items.length)
        : this.items.length === 0
          ? this.query ? t.emptyFor(this.query) : t.empty
          : this.query ? t.foundFor(this.items.length, Boolean(this.next), this.query) : t.found(this.items.length, Boolean(this.next));
      // "Show more" stays where it is (never disabled, which would drop focus) and keeps focus; when it goes (the last page), focus moves to the first new decision.
      if (more && !this.next) {
        await this.updateComplete;
        this.renderRoot.querySelectorAll<HTMLElement>('.item .title')[before]?.focus();
      }
    } catch (error) {
      await this.stringsReady();
      if (mine !== this.#seq) return;
      if (more) this.status = this.errorMessage(error, this.dt.loadFailed);
      else this.load = { status: 'failed', message: this.errorMessage(error, this.dt.loadFailed) };
    } finally {
      if (mine === this.#seq) this.loadingMore = false;
    }
  }

  override render() {
    const t = this.dt;
    return html`<div class="decisions" aria-busy=${this.load.status === 'loading' ? 'true' : 'false'}>
      ${this.search ? this.renderSearch() : nothing} ${this.topics.length && !this.topic ? this.renderChips() : nothing}
      <p class="meta count" role="status" aria-live="polite">${this.load.status === 'loading' ? t.loading : this.status}</p>
      ${this.load.status === 'loading'
        ? html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`
        : this.load.status === 'failed'
          ? html`<p class="notice" role="alert">${this.load.message}</p>
              <button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`
          : html`<ul class="list">
                ${this.items.map((item) => this.renderItem(item))}
              </ul>
              ${this.next
                ? html`<div class="actions"><button part="button" class="secondary load-more" aria-disabled=${this.loadingMore} @click=${() => this.loadingMore || void this.fetchPage(true)}>${this.loadingMore ? t.loadingMore : t.loadMore}</button></div>`
                : nothing}`}
      <p class="subscribe"><a href=${`${this.client.url('decisions.atom')}?${this.params()}`}>${t.subscribe}</a></p>
    </div>`;
  }

  private renderSearch() {
    return html`<form class="search" role="search" @submit=${this.submitSearch}>
      <label for="q">${this.dt.searchLabel}</label>
      <div class="inline">
        <input id="q" type="search" part="input" .value=${this.query} />
        <button part="button" type="submit">${this.dt.search}</button>
      </div>
    </form>`;
  }

  private renderChips() {
    const chip = (value: string, label: LocalizedValue) =>
      html`<li><button part="button" class="chip" lang=${label.lang} aria-pressed=${this.chosenTopic === value} @click=${() => this.chooseTopic(value)}>${label.text}</button></li>`;
    // A topic's name in this language, else in another the officials gave, else its slug (in the site's default language).
    const name = (topic: (typeof this.topics)[number]): LocalizedValue => {
      const label = localized(topic.label, this.language);
      return label.text ? label : { text: capitalize(topic.value), lang: this.siteInfo?.defaultLang ?? 'fi' };
    };
    return html`<div class="chips" role="group" aria-labelledby="chips-label">
      <p id="chips-label" class="visually-hidden">${this.dt.filtersLabel}</p>
      <ul>
        ${chip('', { text: this.dt.all, lang: this.language })} ${this.topics.map((topic) => chip(topic.value, name(topic)))}
      </ul>
    </div>`;
  }

  private text(map: Localized | null | undefined, languages: Summary['languages']) {
    return localized(map ?? undefined, this.language, languages);
  }

  private renderItem(item: Summary): TemplateResult {
    const t = this.dt;
    const title = this.text(item.title, item.languages);
    const summary = item.summary ? this.text(item.summary, item.languages) : null;
    const organ = this.text(item.organ.name, item.languages);
    const expanded = this.open.has(item.id);
    const date = formatDate(`${item.meeting.date}T12:00:00Z`, this.language, 'medium');
    return html`<li class="item" part="item">
      <p class="meta">
        <time datetime=${item.meeting.date}>${date}</time> · <span lang=${organ.lang}>${organ.text}</span>${item.section ? html` · ${t.section(item.section)}` : nothing}
      </p>
      <p class="title" role="heading" aria-level=${this.headingLevel} lang=${title.lang} tabindex="-1">${title.text}</p>
      ${summary ? html`<p lang=${summary.lang}>${summary.text}</p>` : nothing}
      <p class="outcome">${t.outcomeLabel} <strong>${t.outcome[item.outcome]}</strong></p>
      <button part="button" class="secondary toggle" aria-expanded=${expanded} aria-controls=${`more-${item.id}`} @click=${() => void this.toggle(item)}>
        ${expanded ? t.showLess : t.showMore}
      </button>
      <div id=${`more-${item.id}`} class="more" ?hidden=${!expanded}>${expanded ? this.renderFull(item) : nothing}</div>
    </li>`;
  }

  private renderFull(item: Summary): TemplateResult {
    const full = this.open.get(item.id);
    const t = this.dt;
    if (!full) return html`<p class="meta">${t.loading}</p>`;
    const body = full.bodyHtml ? this.text(full.bodyHtml, full.languages) : null;
    const plain = full.plainSummary ? this.text(full.plainSummary, full.languages) : null;
    return html`${plain
        ? html`<p class="subtitle" role="heading" aria-level=${this.headingLevel + 1}>${t.plainLanguage}</p>
            <p lang=${plain.lang}>${plain.text}</p>`
        : nothing}
      ${body ? html`<div class="body" lang=${body.lang}>${safeFragment(body.text, this.headingLevel + 1)}</div>` : nothing}
      ${full.attachments.length
        ? html`<p class="subtitle" role="heading" aria-level=${this.headingLevel + 1}>${t.attachments}</p>
            <ul>
              ${full.attachments.map((a) => {
                const label = this.text(a.title, full.languages);
                return html`<li><a href=${a.url} rel="noopener noreferrer" lang=${label.lang}>${label.text}</a></li>`;
              })}
            </ul>`
        : nothing}
      ${full.caseId ? this.renderAsked(this.asked.get(full.caseId)) : nothing}
      <p class="meta">${full.caseId ? t.caseId(full.caseId) : nothing}${full.caseId && full.sourceUrl ? html`<br />` : nothing}${full.sourceUrl
          ? html`<a href=${full.sourceUrl} rel="noopener noreferrer">${t.source}</a>`
          : nothing}</p>
      ${this.feedbackForm ? this.renderFeedback(full) : nothing}`;
  }

  /** "Residents were asked": each poll on the case with its answers (once public) and a link to it, and the feedback sent; nothing when there was neither. */
  private renderAsked(asked: CaseParticipation | undefined) {
    if (!asked || (!asked.polls.length && !asked.feedback)) return nothing;
    const t = this.dt;
    return html`<p class="subtitle" role="heading" aria-level=${this.headingLevel + 1}>${t.residentsAsked}</p>
      ${asked.polls.length
        ? html`<ul class="asked">
            ${asked.polls.map((poll) => {
              const question = localized(poll.question, this.language);
              const counts = [poll.ballots === null ? '' : t.answers(poll.ballots), poll.state === 'open' ? t.pollOpen : ''].filter(Boolean).join(', ');
              return html`<li>
                ${/^https?:\/\//i.test(poll.resultsUrl) ? html`<a href=${poll.resultsUrl} lang=${question.lang}>${question.text}</a>` : html`<span lang=${question.lang}>${question.text}</span>`}${counts ? ` – ${counts}` : nothing}
              </li>`;
            })}
          </ul>`
        : nothing}
      ${asked.feedback ? html`<p>${t.feedbackOnCase(asked.feedback)}</p>` : nothing}`;
  }

  /** What residents were asked about a decision's case: fetched beside the decision when it is opened; nothing is shown if it fails. */
  private async fetchAsked(caseId: string): Promise<void> {
    if (this.asked.has(caseId)) return;
    try {
      const view = await this.client.get<CaseView>(`cases?${new URLSearchParams({ id: caseId, lang: this.language })}`);
      this.asked = new Map(this.asked).set(caseId, view.participation);
    } catch {
      // The decision is shown without it.
    }
  }

  private renderFeedback(full: Full) {
    if (this.feedbackFor !== full.id) {
      return html`<button part="button" class="secondary" @click=${() => void this.openFeedback(full)}>${this.dt.giveFeedback}</button>`;
    }
    const title = this.text(full.title, full.languages);
    // Attributes, not properties: the element may not be defined yet, and an upgrade reads
    // attributes before it connects, so its first request already goes to the right site.
    return html`<osallistu-feedback
      tabindex="-1"
      site=${this.siteId}
      api=${this.client.apiBase}
      form=${this.feedbackForm}
      case-id=${full.caseId ?? ''}
      subject=${full.section ? `${this.dt.section(full.section)} ${title.text}` : title.text}
      subject-lang=${title.lang}
      decision=${full.id}
      heading-level=${this.headingLevel + 1}
    ></osallistu-feedback>`;
  }

  /** The form opens where its button was, and takes the focus the button had. */
  private async openFeedback(full: Full): Promise<void> {
    void import('../feedback/osallistu-feedback.ts');
    this.feedbackFor = full.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('osallistu-feedback')?.focus();
  }

  private async toggle(item: Summary): Promise<void> {
    const open = new Map(this.open);
    if (open.has(item.id)) {
      open.delete(item.id);
      this.open = open;
      return;
    }
    open.set(item.id, null);
    this.open = open;
    if (item.caseId) void this.fetchAsked(item.caseId);
    try {
      const full = await this.client.get<Full>(`decisions/${encodeURIComponent(item.id)}`);
      this.open = new Map(this.open).set(item.id, full);
    } catch (error) {
      const closed = new Map(this.open);
      closed.delete(item.id);
      this.open = closed;
      this.status = this.errorMessage(error, this.dt.loadFailed);
    }
  }

  private submitSearch(event: SubmitEvent): void {
    event.preventDefault();
    this.query = (this.renderRoot.querySelector<HTMLInputElement>('#q')?.value ?? '').trim();
    this.open = new Map();
    void this.fetchPage(false);
  }

  private chooseTopic(value: string): void {
    this.chosenTopic = value;
    this.open = new Map();
    void this.fetchPage(false);
  }
}

defineElement('osallistu-decisions', OsallistuDecisions);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-decisions': OsallistuDecisions;
  }
}
