import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminView } from './admin-view.ts';
import { explainError, said } from './ui/errors.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import { withContent } from './ui/content-lang.ts';
import type { Said, StatusMessage } from './ui/errors.ts';
import { menuToggle, RowMenus } from './ui/row-menu.ts';

type Openable = { id: string; status: string };

/**
 * What the polls and forms lists share: the list's loading, failed and empty states around a
 * table that becomes a list in a narrow view; opening an item at once and closing it only after a
 * confirmation (Escape keeps it open), with focus back on the row's menu button (the open/close
 * action is in the row's menu, `this.menus`) and the outcome in the view's status line.
 */
export abstract class AdminListView<T extends Openable> extends AdminView {
  @state() protected items?: T[];
  @state() protected failed: Said | string = '';
  @state() protected closing?: T;
  @state() protected status: StatusMessage = '';
  /** Each row's menu of secondary actions. */
  protected readonly menus = new RowMenus(this);

  /** The item's name as shown, in the language it is really in. */
  protected abstract nameOf(item: T): LocalizedValue;
  /** Where the item is PATCHed, e.g. `polls/ID`. */
  protected abstract pathOf(item: T): string;
  protected abstract texts(): { confirmClose: (name: string) => string; close: string; opened: (name: string) => string; closed: (name: string) => string };
  protected async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * Loading, failed (with a retry) or empty; else a table named `heading`, with `columns` (the
   * last one named "Actions", read out only) and a row per item; cells carry `data-label` for the
   * list a phone shows.
   */
  protected renderList(heading: string, empty: string, columns: string[], row: (item: T) => TemplateResult) {
    if (this.failed) return html`<p class="notice" role="alert">${said(this.failed)}</p><button part="button" @click=${() => void this.fetchResource()}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p>${empty}</p>`;
    return html`<div class="table-wrap">
      <table class="responsive">
        <caption class="visually-hidden">${heading}</caption>
        <thead>
          <tr>
            ${columns.map((c) => html`<th scope="col">${c}</th>`)}
            <th scope="col"><span class="visually-hidden">${this.at.ui.actions}</span></th>
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
      <p id="confirm-text" tabindex="-1">${withContent(t.confirmClose, this.nameOf(item), this.language)}</p>
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
    return this.focusOn(menuToggle(id ?? ''));
  }

  protected async setStatus(item: T, status: 'open' | 'closed'): Promise<void> {
    const t = this.texts();
    this.closing = undefined;
    try {
      await this.call('PATCH', this.pathOf(item), { status });
      this.status = withContent(status === 'open' ? t.opened : t.closed, this.nameOf(item), this.language);
      await this.fetchResource();
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
    await this.focusOn(menuToggle(item.id));
  }
}
