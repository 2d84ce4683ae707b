import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { PollView } from '../../worker/schema/polls.ts';
import { roleAllows } from '../../worker/schema/roles.ts';
import { defineElement } from '../core/define.ts';
import { formatDateTime, formatPercent } from '../core/format.ts';
import { localized } from '../core/i18n.ts';
import './admin-poll-editor.ts';
import { AdminListView } from './admin-list-view.ts';
import type { Lang } from '../locales/messages.ts';

const FORMATS = [
  ['csv', 'CSV'],
  ['xlsx', 'Excel'],
  ['json', 'JSON'],
] as const;

/** The site's polls: their state, opening and closing them, and their exports in one click. */
@defineElement('osallistu-admin-polls')
export class OsallistuAdminPolls extends AdminListView<PollView> {
  /** The poll being edited ('new' for a new one). */
  @state() private editing?: PollView | 'new';
  @state() private languages: Lang[] = ['fi'];
  /** Bytes received of a running export: shown, not read out at every step (the result is). */
  @state() private progress = '';
  /** The poll whose results are open, with its results and its ballots per day. */
  @state() private showing?: { poll: PollView; days?: { day: string; ballots: number }[] };

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

  /** Bars are sized through the CSS object model: a strict CSP refuses style attributes, not this. */
  protected override updated(): void {
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('[data-size]')) bar.style.inlineSize = bar.dataset.size!;
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
      <p class="meta" role="status">${this.status}</p>
      ${this.progress ? html`<p class="meta">${this.progress}</p>` : nothing}
      ${this.renderCloseConfirm()} ${this.showing ? this.renderResults(this.showing.poll, this.showing.days) : nothing}
      ${this.renderList(t.heading, t.empty, [t.question, t.status, t.closes, t.export], (poll) => this.renderRow(poll))}`;
  }

  private renderRow(poll: PollView) {
    const t = this.at.polls;
    const question = this.question(poll);
    const editor = this.official && roleAllows(this.official.role, 'editor');
    return html`<tr>
      <th scope="row" lang=${question.lang}>${question.text}<br /><code class="meta">${poll.id}</code></th>
      <td>
        ${t.statuses[poll.status]}
        ${editor && !this.editing
          ? html`<div class="row-actions">
              <button part="button" class="secondary" data-edit=${poll.id} aria-label=${`${this.at.editor.edit}: ${question.text}`} @click=${() => void this.edit(poll)}>${this.at.editor.edit}</button>
              ${poll.status === 'open'
                ? html`<button part="button" class="secondary" data-status-of=${poll.id} aria-label=${`${t.close}: ${question.text}`} @click=${() => void this.askClose(poll)}>${t.close}</button>`
                : html`<button part="button" class="secondary" data-status-of=${poll.id} aria-label=${`${t.open}: ${question.text}`} @click=${() => void this.setStatus(poll, 'open')}>${t.open}</button>`}
            </div>`
          : nothing}
      </td>
      <td>${poll.closesAt ? formatDateTime(poll.closesAt, this.language) : '–'}</td>
      <td>
        <div class="row-actions">
          <button part="button" class="secondary" data-results=${poll.id} aria-label=${`${t.results}: ${question.text}`} @click=${() => void this.openResults(poll)}>${t.results}</button>
          ${FORMATS.map(
            ([format, name]) => html`<button part="button" class="secondary" aria-label=${`${t.export} ${name}: ${question.text}`} @click=${() => void this.export(poll, format)}>${name}</button>`,
          )}
        </div>
      </td>
    </tr>`;
  }

  private renderResults(poll: PollView, days?: { day: string; ballots: number }[]) {
    const t = this.at.polls;
    const results = poll.results;
    const total = results?.total ?? 0;
    const label = (id: string) => {
      const option = poll.options.find((o) => o.id === id);
      return option ? localized(option.label, this.language, poll.languages).text : id;
    };
    const most = Math.max(1, ...(days ?? []).map((d) => d.ballots));
    return html`<section class="panel results" aria-labelledby="results-heading">
      <h3 id="results-heading" tabindex="-1">${t.resultsOf(this.question(poll).text)}</h3>
      <p>${t.total(total)}</p>
      ${results && total
        ? html`<div class="chart" aria-hidden="true">
              ${results.options.map(
                (o) => html`<div class="bar-row"><span>${label(o.id)}</span><span class="bar"><span data-size=${`${(o.count / total) * 100}%`}></span></span><span>${o.count}</span></div>`,
              )}
            </div>
            <table>
              <caption>${t.results}</caption>
              <thead><tr><th scope="col">${t.option}</th><th scope="col">${t.votes}</th><th scope="col">${t.share}</th></tr></thead>
              <tbody>
                ${results.options.map((o) => html`<tr><th scope="row">${label(o.id)}</th><td>${o.count}</td><td>${formatPercent(o.count / total, this.language)}</td></tr>`)}
              </tbody>
            </table>`
        : html`<p>${t.noBallots}</p>`}
      ${days?.length
        ? html`<table>
            <caption>${t.overTime}</caption>
            <thead><tr><th scope="col">${t.day}</th><th scope="col">${t.votes}</th><td></td></tr></thead>
            <tbody>
              ${days.map(
                (d) => html`<tr>
                  <th scope="row"><time datetime=${d.day}>${new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d.day}T12:00:00Z`))}</time></th>
                  <td>${d.ballots}</td>
                  <td aria-hidden="true"><span class="spark"><span data-size=${`${(d.ballots / most) * 100}%`}></span></span></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      <button part="button" class="secondary" @click=${() => void this.closeResults()}>${t.closeResults}</button>
    </section>`;
  }

  private async openResults(poll: PollView): Promise<void> {
    try {
      const [full, timeline] = await Promise.all([
        this.call<PollView>('GET', `polls/${encodeURIComponent(poll.id)}`),
        this.call<{ days: { day: string; ballots: number }[] }>('GET', `polls/${encodeURIComponent(poll.id)}/timeline`),
      ]);
      this.showing = { poll: full, days: timeline.days };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
    } catch (error) {
      this.status = this.errorMessage(error, this.at.loadFailed);
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
      this.status = this.at.editor.saved(this.question(event.detail).text);
      await this.fetchResource();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(was === 'new' || !was ? '#new-poll' : `button[data-edit="${was.id}"]`)?.focus();
  }

  protected override nameOf(poll: PollView): string {
    return this.question(poll).text;
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
      this.status = this.errorMessage(error, this.at.loadFailed);
    } finally {
      this.progress = '';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-polls': OsallistuAdminPolls;
  }
}
