import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { BOM, csvRow } from '../../worker/export/csv.ts';
import type { AuditEntry } from '../../worker/schema/sites.ts';
import { defineElement } from '../core/define.ts';
import { formatDateTime } from '../core/format.ts';
import { AdminView } from './admin-view.ts';

type Page = { items: AuditEntry[]; nextCursor: string | null };

/** Excel-ready CSV (BOM, semicolons, formulas neutralised), as the API's own exports are. */
export function auditCsv(entries: AuditEntry[], headers: string[]): string {
  const rows = entries.map((e) => [e.createdAt, e.actor, e.action, e.target ?? '', JSON.stringify(e.detail)]);
  return BOM + [headers, ...rows].map((row) => csvRow(row, ';')).join('');
}

/** Who did what and when on the site, newest first, filterable by action, downloadable. */
@defineElement('osallistu-admin-audit')
export class OsallistuAdminAudit extends AdminView {
  @state() private items?: AuditEntry[];
  @state() private next: string | null = null;
  @state() private action = '';
  @state() private failed = '';
  @state() private loadingMore = false;

  protected override resourceId(): string {
    return this.token && 'audit';
  }

  protected override async fetchResource(): Promise<void> {
    await this.fetchPage(false);
  }

  private async fetchPage(more: boolean): Promise<void> {
    const query = new URLSearchParams({ limit: '50' });
    if (this.action) query.set('action', this.action);
    if (more && this.next) query.set('cursor', this.next);
    this.loadingMore = more;
    try {
      const page = await this.call<Page>('GET', `audit?${query}`);
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.next = page.nextCursor;
      this.failed = '';
    } catch (error) {
      await this.stringsReady();
      this.failed = this.errorMessage(error, this.at.loadFailed);
    } finally {
      this.loadingMore = false;
    }
  }

  override render() {
    const t = this.at.audit;
    return html`<h2>${t.heading}</h2>
      <form class="field" role="search" @submit=${this.filter}>
        <label for="action">${t.filter}</label>
        <p class="hint" id="action-help">${t.filterHelp}</p>
        <div class="actions">
          <input id="action" name="action" .value=${this.action} pattern="[a-z_.]{1,60}" aria-describedby="action-help" autocomplete="off" />
          <button part="button">${t.apply}</button>
        </div>
      </form>
      ${this.failed
        ? html`<p class="notice" role="alert">${this.failed}</p><button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`
        : !this.items
          ? html`<p class="meta" role="status">${this.at.loading}</p>`
          : this.items.length === 0
            ? html`<p role="status">${t.empty}</p>`
            : html`<div class="scroll" tabindex="0" role="region" aria-label=${t.heading}>
                  <table>
                    <caption class="visually-hidden">${t.heading}</caption>
                    <thead>
                      <tr><th scope="col">${t.when}</th><th scope="col">${t.who}</th><th scope="col">${t.action}</th><th scope="col">${t.target}</th><th scope="col">${t.detail}</th></tr>
                    </thead>
                    <tbody>
                      ${this.items.map(
                        (e) => html`<tr>
                          <td><time datetime=${e.createdAt}>${formatDateTime(e.createdAt, this.language)}</time></td>
                          <td>${e.actor}</td>
                          <td><code>${e.action}</code></td>
                          <td>${e.target ?? ''}</td>
                          <td><code>${Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</code></td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                <div class="actions">
                  ${this.next ? html`<button part="button" class="secondary" aria-disabled=${this.loadingMore} @click=${() => this.loadingMore || void this.fetchPage(true)}>${this.at.loadMore}</button>` : nothing}
                  <button part="button" class="secondary" @click=${this.downloadCsv}>${t.download}</button>
                </div>`}`;
  }

  private filter(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#action')!;
    if (!input.checkValidity()) return input.reportValidity() as unknown as void;
    this.action = input.value.trim();
    this.items = undefined;
    void this.fetchPage(false);
  }

  private downloadCsv(): void {
    const t = this.at.audit;
    const csv = auditCsv(this.items ?? [], [t.when, t.who, t.action, t.target, t.detail]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    Object.assign(document.createElement('a'), { href: url, download: `${this.siteId}-audit.csv` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-audit': OsallistuAdminAudit;
  }
}
