import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../../core/define.ts';
import { formatDateTime } from '../../core/format.ts';
import { LANGS } from '../../core/i18n.ts';
import { loadSite } from '../../core/site.ts';
import { AdminView } from '../admin-view.ts';
import { actionVerb } from '../ui/content-lang.ts';
import { statusBadge, toneOf } from '../ui/status-badge.ts';
import { same } from './base.ts';
import type { Summary } from './base.ts';
import { VideoEditor } from './editor.ts';
import { said } from '../ui/errors.ts';


/**
 * The site's videos for editors: the list (drafts and scheduled ones too), adding one by its
 * address, editing its texts, chapters and publication, its poster and captions, a preview as
 * residents see it, and deleting it. Unsaved edits are guarded: leaving asks first.
 *
 * @attr limit - videos per page (default 20).
 */
export class OsallistuAdminVideos extends VideoEditor {
  static override styles = [
    ...AdminView.styles,
    css`
      /* Long Finnish compounds break rather than widen the page. */
      h3,
      th[scope='row'] {
        overflow-wrap: anywhere;
      }
      input,
      textarea,
      select {
        max-inline-size: 100%;
        box-sizing: border-box;
      }
      /* The video's id, service and address: a long address breaks anywhere, the id never. */
      .editor dl {
        grid-template-columns: max-content minmax(0, 1fr);
      }
      .editor dd a {
        overflow-wrap: anywhere;
      }
      .editor dd code {
        white-space: nowrap;
      }
      fieldset.group {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem 1rem 0.25rem;
        margin: 0 0 1rem;
        min-inline-size: 0;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 1rem;
      }
      .part {
        border-block-start: 1px solid var(--_border);
        padding-block-start: 1rem;
        margin-block-start: 1.5rem;
      }
      .list {
        margin-block-start: 1.5rem;
      }
      h2:focus,
      h3:focus {
        outline-offset: 4px;
      }
      img.poster {
        display: block;
        max-inline-size: min(100%, 24rem);
        block-size: auto;
        border: 1px solid var(--_border);
        margin: 0 0 0.75rem;
      }
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      ul.plain li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding-block: 0.25rem;
      }
      .error ul {
        margin: 0.25rem 0 0;
        font-weight: 400;
      }
      .preview {
        max-inline-size: 40rem;
      }
    `,
  ];

  @property({ type: Number }) limit = 20;
  @state() private next: string | null = null;
  @state() private failed = '';

  /** Whether leaving now would lose something typed: the shell may ask this before it switches views. */
  override get hasUnsavedChanges(): boolean {
    const editing = !!this.draft && !!this.original && !same(this.comparable(this.draft), this.comparable(this.original));
    const a = this.add;
    const adding = this.adding && !!(a.ref.trim() || a.host.trim() || a.duration.trim() || Object.values(a.title).some((t) => t?.trim()));
    return editing || adding;
  }


  protected override resourceId(): string {
    return this.token && 'videos';
  }

  protected override async fetchResource(): Promise<void> {
    void loadSite(this.client).then(
      (site) => (this.langs = site.languages.length ? site.languages : [...LANGS]),
      () => undefined, // every language is offered then
    );
    await this.fetchPage(false);
  }

  protected override async fetchPage(more: boolean): Promise<void> {
    const query = new URLSearchParams({ limit: String(this.limit) });
    if (this.filter.channel) query.set('channel', this.filter.channel);
    if (this.filter.status) query.set('status', this.filter.status);
    if (more && this.next) query.set('cursor', this.next);
    try {
      const page = await this.call<{ items: Summary[]; nextCursor: string | null }>('GET', `videos?${query}`);
      await this.stringsReady();
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.next = page.nextCursor;
      this.failed = '';
      if (more) this.status = this.vt.loadedMore(page.items.length, this.items.length);
    } catch (error) {
      await this.stringsReady();
      if (more) this.status = this.errorMessage(error, this.at.loadFailed);
      else this.failed = this.errorMessage(error, this.at.loadFailed);
    }
  }


  override connectedCallback(): void {
    super.connectedCallback();
    // The preview's element, imported on demand like every public widget (never statically, which would change the public chunks).
    void import('../../video/osallistu-video.ts');
  }


  protected override dropChanges(): void {
    if (this.original) this.draft = this.original;
    this.add = this.emptyAdd();
  }

  // ---- Rendering ------------------------------------------------------------------------------

  override render() {
    const t = this.vt;
    return html`<h2 id="videos-heading" tabindex="-1">${t.heading}</h2>
      <p>${t.intro}</p>
      <p class="meta" role="status">${said(this.status)}</p>
      ${this.leaving ? this.renderLeaving() : nothing}
      ${this.canEdit && !this.adding ? html`<div class="actions"><button part="button" id="add-open" @click=${() => this.leave(() => this.openAdd(), '#add-open')}>${t.add}</button></div>` : nothing}
      ${this.adding ? this.renderAdd() : nothing} ${this.video && this.draft ? this.renderEditor(this.video, this.draft) : nothing}
      <div class="list">
        <h3 class="visually-hidden">${t.list}</h3>
        ${this.renderFilters()} ${this.renderList()}
      </div>`;
  }

  private renderFilters() {
    const t = this.vt;
    const channels = [...new Set([...(this.items ?? []).map((i) => i.channel), this.filter.channel].filter(Boolean))].sort();
    return html`<form class="filters actions" role="search" aria-label=${t.filter} novalidate @submit=${this.applyFilter}>
      <datalist id="channels">${channels.map((c) => html`<option value=${c}></option>`)}</datalist>
      <div class="field">
        <label for="filter-channel">${t.channel}</label>
        <input id="filter-channel" name="channel" list="channels" autocomplete="off" .value=${this.filter.channel} />
      </div>
      <div class="field">
        <label for="filter-status">${t.status}</label>
        <select id="filter-status" name="status">
          <option value="" ?selected=${!this.filter.status}>${t.all}</option>
          <option value="draft" ?selected=${this.filter.status === 'draft'}>${t.statuses.draft}</option>
          <option value="published" ?selected=${this.filter.status === 'published'}>${t.statuses.published} / ${t.statuses.scheduled}</option>
        </select>
      </div>
      <button part="button" class="secondary">${t.apply}</button>
    </form>`;
  }

  private renderList() {
    const t = this.vt;
    if (this.failed) return html`<p class="notice" role="alert">${this.failed}</p><button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p class="empty">${this.filter.channel ? t.emptyChannel(this.filter.channel) : t.empty}</p>`;
    return html`<div class="table-wrap">
        <table class="responsive">
          <caption class="visually-hidden">${t.list}</caption>
          <thead>
            <tr>
              <th scope="col">${t.title}</th>
              <th scope="col">${t.channel}</th>
              <th scope="col">${t.provider}</th>
              <th scope="col">${t.status}</th>
              <th scope="col">${t.published}</th>
              ${this.canEdit ? html`<th scope="col"><span class="visually-hidden">${this.at.ui.actions}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${this.items.map((item) => {
              const title = this.titleOf(item);
              const status = this.statusOf(item);
              return html`<tr data-video=${item.id} aria-current=${this.video?.id === item.id ? 'true' : nothing}>
                <th scope="row" lang=${title.lang} id=${`video-name-${item.id}`}>${title.text}</th>
                <td data-label=${t.channel}><code>${item.channel}</code></td>
                <td data-label=${t.provider}>${t.providers[item.provider]}</td>
                <td data-label=${t.status}>${statusBadge(t.statuses[status], toneOf(status))}</td>
                <td data-label=${t.published}><time class="nowrap" datetime=${item.publishedAt}>${formatDateTime(item.publishedAt, this.language)}</time></td>
                ${this.canEdit
                  ? html`<td>
                      <div class="row-actions">
                        ${actionVerb(`edit-verb-${item.id}`, `${t.edit}:`)}
                        <button part="button" data-video=${item.id} aria-labelledby=${`edit-verb-${item.id} video-name-${item.id}`} @click=${() => this.leave(() => this.openVideo(item.id), `button[data-video="${item.id}"]`)}>${t.edit}</button>
                      </div>
                    </td>`
                  : nothing}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${this.next ? html`<div class="actions"><button part="button" class="secondary" id="more" @click=${() => void this.fetchPage(true)}>${this.at.loadMore}</button></div>` : nothing}`;
  }


  // ---- The list -------------------------------------------------------------------------------

  private applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const channel = form.querySelector<HTMLInputElement>('#filter-channel')!.value.trim().toLowerCase();
    const status = form.querySelector<HTMLSelectElement>('#filter-status')!.value;
    this.filter = { channel, status };
    this.items = undefined;
    this.status = '';
    void this.fetchPage(false);
  }
}

defineElement('osallistu-admin-videos', OsallistuAdminVideos);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-videos': OsallistuAdminVideos;
  }
}
