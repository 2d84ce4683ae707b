import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiRequestError } from '../core/api-client.ts';
import { AdminView } from './admin-view.ts';

type Openable = { id: string; status: string };

/**
 * What the polls and forms lists share: the list's loading, failed and empty states around a
 * table; opening an item at once and closing it only after a confirmation (Escape keeps it open),
 * with focus back on the item's button and the outcome in the view's status line. The open/close
 * button carries `data-status-of="ID"`.
 */
export abstract class AdminListView<T extends Openable> extends AdminView {
  @state() protected items?: T[];
  @state() protected failed = '';
  @state() protected closing?: T;
  @state() protected status = '';

  /** The item's name in the console's language. */
  protected abstract nameOf(item: T): string;
  /** Where the item is PATCHed, e.g. `polls/ID`. */
  protected abstract pathOf(item: T): string;
  protected abstract texts(): { confirmClose: (name: string) => string; close: string; opened: (name: string) => string; closed: (name: string) => string };
  protected async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Loading, failed (with a retry) or empty; else a table named `heading`, with `columns` and a row per item. */
  protected renderList(heading: string, empty: string, columns: string[], row: (item: T) => TemplateResult) {
    if (this.failed) return html`<p class="notice" role="alert">${this.failed}</p><button part="button" @click=${() => void this.fetchResource()}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p>${empty}</p>`;
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${heading}>
      <table>
        <caption class="visually-hidden">${heading}</caption>
        <thead>
          <tr>
            ${columns.map((c) => html`<th scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.items.map(row)}
        </tbody>
      </table>
    </div>`;
  }

  protected renderCloseConfirm() {
    const item = this.closing;
    if (!item) return nothing;
    const t = this.texts();
    return html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.cancelClose()}>
      <p id="confirm-text" tabindex="-1">${t.confirmClose(this.nameOf(item))}</p>
      <div class="actions">
        <button part="button" class="danger" @click=${() => void this.setStatus(item, 'closed')}>${t.close}</button>
        <button part="button" class="secondary" @click=${() => void this.cancelClose()}>${this.at.cancel}</button>
      </div>
    </div>`;
  }

  protected askClose(item: T): Promise<void> {
    this.closing = item;
    return this.focusOn('#confirm-text');
  }

  private cancelClose(): Promise<void> {
    const id = this.closing?.id;
    this.closing = undefined;
    return this.focusOn(`button[data-status-of="${id}"]`);
  }

  protected async setStatus(item: T, status: 'open' | 'closed'): Promise<void> {
    const t = this.texts();
    this.closing = undefined;
    try {
      await this.call('PATCH', this.pathOf(item), { status });
      this.status = status === 'open' ? t.opened(this.nameOf(item)) : t.closed(this.nameOf(item));
      await this.fetchResource();
    } catch (error) {
      this.status = error instanceof ApiRequestError ? error.message : this.errorMessage(error, this.at.loadFailed);
    }
    await this.focusOn(`button[data-status-of="${item.id}"]`);
  }
}
