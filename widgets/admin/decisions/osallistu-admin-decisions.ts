import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { z } from '@hono/zod-openapi';
import type { Facets, Outcome, TermLabel } from '../../../worker/schema/decisions.ts';
import { defineElement } from '../../core/define.ts';
import { formatDate } from '../../core/format.ts';
import { loadSite } from '../../core/site.ts';
import { AdminView } from '../admin-view.ts';
import { menuToggle, RowMenus } from '../ui/row-menu.ts';
import { statusBadge } from '../ui/status-badge.ts';
import type { Tone } from '../ui/status-badge.ts';
import type { Summary } from './base.ts';
import { DecisionTerms } from './terms.ts';
import { actionVerb, withContent } from '../ui/content-lang.ts';
import { explainError, said } from '../ui/errors.ts';

type Organs = z.infer<typeof Facets>['organs'];

/** An outcome's badge: passed ones as done, the rest as they read. */
const OUTCOME_TONES: Record<Outcome, Tone> = { passed: 'open', passed_amended: 'open', rejected: 'closed', tabled: 'draft', returned: 'draft', voted: 'neutral' };

/**
 * The site's decisions for editors: the list newest first with search and a body filter; a
 * decision's titles, summaries, outcome and topics edited in place (only what changed is sent,
 * and unsaved changes are never lost without asking); deleting with a confirmation; and
 * importing a JSON or NDJSON file, or an Ahjo export converted in the browser, in batches with a
 * progress bar and a report of every rejected line.
 *
 * @attr limit - decisions per page (default 25, at most 50).
 */
export class OsallistuAdminDecisions extends DecisionTerms {
  static override styles = [
    ...AdminView.styles,
    css`
      .filters .grow {
        flex: 1 1 16rem;
      }
      .filters .hint {
        margin: 0 0 0.35rem;
      }
      section.import,
      section.terms,
      .list {
        margin: 0 0 2rem;
      }
      .import .hint {
        margin: 0 0 0.5rem;
      }
      /* The editor and the delete question open above the list, focus moving to them. */
      .editor,
      .list > .confirm {
        max-inline-size: 48rem;
      }
      ul.terms-inline {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
      }
      .terms-table input {
        inline-size: 100%;
        min-inline-size: 8rem;
        box-sizing: border-box;
        margin: 0;
      }
      .terms-table p[aria-live] {
        margin: 0.25rem 0 0;
      }
      .terms-table p[aria-live]:empty {
        margin: 0;
      }
      .editor h4 {
        margin: 0 0 0.75rem;
      }
      .editor h4:focus {
        outline-offset: 4px;
      }
      fieldset.lang {
        min-inline-size: 0;
        margin: 0 0 1rem;
        padding: 0 0 0.25rem;
        border-block-end: 1px solid var(--_border);
      }
      legend {
        font-weight: 700;
        font-size: 1.1em;
        padding: 0;
        margin: 0 0 0.5rem;
      }
      textarea {
        resize: vertical;
      }
      progress {
        display: block;
        inline-size: 100%;
        block-size: 1.25rem;
        margin: 0.35rem 0 0.75rem;
        accent-color: var(--_accent);
      }
      .report dl {
        grid-template-columns: max-content max-content;
      }
      .report td {
        white-space: normal;
        overflow-wrap: anywhere;
      }
      @container (max-width: 40rem) {
        .rejections caption {
          display: block;
        }
      }
      /* Long Finnish compounds break rather than widen the page. */
      h4,
      th[scope='row'] {
        overflow-wrap: anywhere;
      }
      .editor input,
      .editor textarea,
      .editor select,
      .filters input,
      .filters select {
        max-inline-size: 100%;
        box-sizing: border-box;
      }
    `,
  ];
  @property({ type: Number }) limit = 25;

  @state() private next: string | null = null;
  @state() private filter = { q: '', organ: '' };
  @state() private organs: Organs = [];
  @state() private failed = '';
  @state() private deleting?: Summary;

  #listRequest = 0;
  private readonly menus = new RowMenus(this);

  /** True while the form has changes not saved, or an import is running: the console should ask before leaving. */
  override get hasUnsavedChanges(): boolean {
    return this.dirty || this.importing || this.termsChanged;
  }

  protected override resourceId(): string {
    return this.token && 'decisions';
  }

  protected override async fetchResource(): Promise<void> {
    loadSite(this.client).then(
      (site) => {
        this.siteLanguages = site.languages;
        this.siteLang = site.defaultLang;
      },
      () => undefined, // the form then offers every language
    );
    void this.fetchOrgans();
    void this.fetchTerms();
    await this.fetchPage(false);
  }

  private async fetchOrgans(): Promise<void> {
    try {
      this.organs = (await this.call<{ organs: Organs }>('GET', 'decision-facets')).organs;
    } catch {
      // the list works without the body filter
    }
  }

  private async fetchPage(more: boolean, announce = false): Promise<void> {
    const request = ++this.#listRequest;
    const query = new URLSearchParams({ limit: String(Math.min(Math.max(Math.trunc(this.limit) || 25, 1), 50)) });
    if (this.filter.q) query.set('q', this.filter.q);
    if (this.filter.organ) query.set('organ', this.filter.organ);
    if (more && this.next) query.set('cursor', this.next);
    try {
      const page = await this.call<{ items: Summary[]; nextCursor: string | null; labels?: Record<string, z.infer<typeof TermLabel>> }>('GET', `decisions?${query}`);
      if (request !== this.#listRequest) return;
      this.labels = { ...this.labels, ...page.labels };
      const shown = more ? (this.items ?? []) : [];
      this.items = [...shown, ...page.items];
      this.next = page.nextCursor;
      this.failed = '';
      if (more) {
        this.status = this.d.loadedMore(page.items.length, this.items.length);
        // The button goes with the last page: focus goes to the first decision it brought.
        if (!this.next && page.items[0]) {
          await this.updateComplete;
          this.focusRow(page.items[0].id);
        }
      } else if (announce) {
        this.status = this.items.length === 0 && this.filter.q ? this.d.emptyFor(this.filter.q) : this.d.found(this.items.length, Boolean(this.next));
      }
    } catch (error) {
      if (request !== this.#listRequest) return;
      await this.stringsReady();
      this.failed = this.errorMessage(error, this.at.loadFailed);
    }
  }


  protected override reload(): void {
    void this.fetchOrgans();
    void this.fetchTerms();
    void this.fetchPage(false);
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  override render() {
    const d = this.d;
    return html`<h2>${d.heading}</h2>
      <p class="meta" role="status">${said(this.status)}</p>
      ${this.canEdit ? this.renderImport() : html`<p>${d.editorsOnly}</p>`}
      <div class="list">
        <h3 id="list-heading" tabindex="-1">${d.listHeading}</h3>
        ${this.renderFilters()} ${this.renderList()}
      </div>
      ${this.canEdit ? this.renderTerms() : nothing}`;
  }

  private renderFilters() {
    const d = this.d;
    const organs = [...this.organs].sort((a, b) => this.organName(a.name).text.localeCompare(this.organName(b.name).text, this.language));
    return html`<form class="filters actions" role="search" aria-label=${d.search} @submit=${this.applyFilter}>
      <div class="field grow">
        <label for="q">${d.search}</label>
        <p class="hint" id="q-help">${d.searchHelp}</p>
        <input id="q" name="q" type="search" maxlength="200" autocomplete="off" aria-describedby="q-help" .value=${this.filter.q} />
      </div>
      <div class="field">
        <label for="organ">${d.organ}</label>
        <select id="organ" name="organ">
          <option value="">${d.allOrgans}</option>
          ${organs.map((o) => html`<option value=${o.id} ?selected=${o.id === this.filter.organ}>${this.organName(o.name).text}</option>`)}
        </select>
      </div>
      <div class="field"><button part="button">${d.apply}</button></div>
    </form>`;
  }


  private renderTermNames(item: Summary) {
    const values = [...item.topics, ...item.districts];
    if (!values.length) return '–';
    return html`<ul class="terms-inline">
      ${values.map((value) => {
        const name = this.termName(value);
        return html`<li lang=${name.lang ?? nothing}>${name.text}</li>`;
      })}
    </ul>`;
  }

  private renderList() {
    const d = this.d;
    if (this.failed) return html`<p class="notice" role="alert">${this.failed}</p><button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p>${this.filter.q ? d.emptyFor(this.filter.q) : d.empty}</p>`;
    const edit = this.canEdit;
    const deleting = this.deleting;
    return html`${deleting ? this.renderDeleteConfirm(deleting) : nothing} ${this.editing ? this.renderEditor(this.editing) : nothing}
      <div class="table-wrap">
        <table class="responsive decisions">
          <caption class="visually-hidden">${d.listHeading}</caption>
          <thead>
            <tr>
              <th scope="col">${d.title}</th>
              <th scope="col">${d.date}</th>
              <th scope="col">${d.organ}</th>
              <th scope="col">${d.section}</th>
              <th scope="col">${d.outcome}</th>
              <th scope="col">${d.termsColumn}</th>
              ${edit ? html`<th scope="col"><span class="visually-hidden">${d.actions}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.items,
              (item) => item.id,
              (item) => {
                const title = this.titleOf(item);
                const organ = this.organName(item.organ.name);
                return html`<tr data-decision=${item.id}>
                    <th scope="row" lang=${title.lang} id=${`decision-name-${item.id}`}>${title.text}</th>
                    <td data-label=${d.date}><time class="nowrap" datetime=${item.meeting.date}>${formatDate(item.meeting.date, this.language, 'medium')}</time></td>
                    <td data-label=${d.organ} lang=${organ.lang}>${organ.text}</td>
                    <td data-label=${d.section} class="nowrap">${item.section ?? '–'}</td>
                    <td data-label=${d.outcome}>${statusBadge(d.outcomes[item.outcome], OUTCOME_TONES[item.outcome])}</td>
                    <td data-label=${d.termsColumn}>${this.renderTermNames(item)}</td>
                    ${edit
                      ? html`<td>
                          <div class="row-actions">
                            ${actionVerb(`edit-verb-${item.id}`, `${d.edit}:`)}
                            <button part="button" data-edit=${item.id} aria-labelledby=${`edit-verb-${item.id} decision-name-${item.id}`} aria-expanded=${this.editing?.id === item.id ? 'true' : 'false'} aria-controls=${this.editing?.id === item.id ? 'edit-panel' : nothing} @click=${() => void this.openEdit(item)}>
                              ${d.edit}
                            </button>
                            ${this.menus.render(item.id, this.at.ui.more, `decision-name-${item.id}`, [{ label: d.delete, key: 'delete', danger: true, run: () => this.askDelete(item) }])}
                          </div>
                        </td>`
                      : nothing}
                  </tr>`;
              },
            )}
          </tbody>
        </table>
      </div>
      ${this.next ? html`<button part="button" class="secondary" @click=${() => void this.fetchPage(true)}>${this.at.loadMore}</button>` : nothing}`;
  }

  private renderDeleteConfirm(item: Summary) {
    const d = this.d;
    return html`<div class="confirm" role="alertdialog" aria-labelledby="delete-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.cancelDelete()}>
      <p id="delete-text" tabindex="-1">${withContent(d.confirmDelete, this.titleOf(item), this.language)}</p>
      <div class="actions">
        <button part="button" class="danger" @click=${() => void this.deleteDecision(item)}>${d.delete}</button>
        <button part="button" class="secondary" @click=${() => void this.cancelDelete()}>${this.at.cancel}</button>
      </div>
    </div>`;
  }

  // ---------------------------------------------------------------------------------------------
  // List and search

  private applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filter = { q: String(data.get('q') ?? '').trim(), organ: String(data.get('organ') ?? '') };
    this.items = undefined;
    this.next = null;
    void this.fetchPage(false, true);
  }

  protected override focusRow(id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`button[data-edit="${CSS.escape(id)}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#list-heading');
    target?.focus();
  }


  // ---------------------------------------------------------------------------------------------
  // Deleting

  private async askDelete(item: Summary): Promise<void> {
    this.deleting = item;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#delete-text')?.focus();
  }

  private async cancelDelete(): Promise<void> {
    const id = this.deleting?.id;
    this.deleting = undefined;
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>(menuToggle(id))?.focus();
  }

  private async deleteDecision(item: Summary): Promise<void> {
    const title = this.titleOf(item);
    try {
      await this.call('DELETE', `decisions/${encodeURIComponent(item.id)}`);
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
      await this.cancelDelete();
      return;
    }
    const items = this.items ?? [];
    const after = items[items.findIndex((i) => i.id === item.id) + 1];
    this.items = items.filter((i) => i.id !== item.id);
    this.deleting = undefined;
    if (this.editing?.id === item.id) {
      this.editing = undefined;
      this.asking = undefined;
    }
    this.status = withContent(this.d.deleted, title, this.language);
    await this.updateComplete;
    if (after) this.focusRow(after.id);
    else this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus();
  }
}

defineElement('osallistu-admin-decisions', OsallistuAdminDecisions);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-decisions': OsallistuAdminDecisions;
  }
}
