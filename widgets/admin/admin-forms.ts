import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../core/define.ts';
import { localized } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import type { Form } from '../feedback/osallistu-feedback.ts';
import type { Lang } from '../locales/messages.ts';
import './admin-form-editor.ts';
import { AdminListView } from './admin-list-view.ts';
import { said } from './ui/errors.ts';
import { actionVerb, withContent } from './ui/content-lang.ts';
import { statusBadge, toneOf } from './ui/status-badge.ts';

/** The site's feedback forms: defining and editing them beside a live preview, opening and closing them. */
export class OsallistuAdminForms extends AdminListView<Form> {
  @state() private editing?: Form | 'new';
  @state() private languages: Lang[] = ['fi'];
  /** A form whose editor opens once the form is listed (the console's `#forms/ID`). */
  @property({ attribute: false }) open?: string;
  /** The `open` acted on already: a form is opened once per address, not again after each reload of the list. */
  #opened?: string;

  /** A form being edited with changes not saved. */
  override get hasUnsavedChanges(): boolean {
    return Boolean(this.renderRoot?.querySelector('osallistu-admin-form-editor')?.hasUnsavedChanges);
  }

  protected override resourceId(): string {
    return this.token && 'forms';
  }

  protected override async fetchResource(): Promise<void> {
    try {
      const [site, forms] = await Promise.all([this.client.get<{ languages: Lang[]; defaultLang: Lang }>(''), this.call<{ items: Form[] }>('GET', 'forms')]);
      this.languages = [site.defaultLang, ...site.languages.filter((l) => l !== site.defaultLang)];
      this.items = forms.items;
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
    const form = this.items.find((f) => f.id === this.open);
    if (form) void this.edit(form);
    else this.status = { text: this.at.ui.errors.codes.form_not_found! };
  }

  protected override nameOf(form: Form): LocalizedValue {
    const title = localized(form.title, this.language, form.languages);
    return title.text ? title : { text: form.id, lang: this.language };
  }

  override render() {
    const t = this.at.forms;
    return html`<h2>${t.heading}</h2>
      <p>${t.intro}</p>
      ${this.editing
        ? html`<osallistu-admin-form-editor
            site=${this.siteId}
            api=${this.client.apiBase}
            .token=${this.token}
            .official=${this.official}
            .form=${this.editing === 'new' ? undefined : this.editing}
            .languages=${this.languages}
            @editor-close=${this.editorClosed}
          ></osallistu-admin-form-editor>`
        : html`<p><button part="button" id="new-form" @click=${() => void this.edit('new')}>${t.create}</button></p>`}
      <p class="meta" role="status">${said(this.status)}</p>
      ${this.renderCloseConfirm()}
      ${this.renderList(t.heading, t.empty, [t.title, t.fields, t.status], (form) => this.renderRow(form))}`;
  }

  private renderRow(form: Form) {
    const t = this.at.forms;
    const title = localized(form.title, this.language, form.languages);
    // While a form is being edited the others wait: no edit over its draft, no status change behind its back.
    return html`<tr>
      <th scope="row"><span lang=${title.lang} id=${`form-name-${form.id}`}>${title.text || form.id}</span><br /><code class="meta nowrap">${form.id}</code></th>
      <td class="num" data-label=${t.fields}>${form.fields.length}</td>
      <td data-label=${t.status}>${statusBadge(this.at.polls.statuses[form.status], toneOf(form.status))}</td>
      <td>
        ${this.editing
          ? nothing
          : html`<div class="row-actions">
              ${actionVerb(`edit-verb-${form.id}`, t.edit)}
              <button part="button" data-edit=${form.id} aria-labelledby=${`edit-verb-${form.id} form-name-${form.id}`} @click=${() => void this.edit(form)}>${this.at.editor.edit}</button>
              ${this.menus.render(form.id, this.at.ui.more, `form-name-${form.id}`, [
                form.status === 'open'
                  ? { label: this.at.polls.close, key: 'close', danger: true, run: () => this.askClose(form) }
                  : { label: this.at.polls.open, key: 'open', run: () => this.setStatus(form, 'open') },
              ])}
            </div>`}
      </td>
    </tr>`;
  }

  protected override pathOf(form: Form): string {
    return `forms/${encodeURIComponent(form.id)}`;
  }

  protected override texts() {
    const t = this.at.forms;
    return { ...t, close: this.at.polls.close };
  }


  private async edit(form: Form | 'new'): Promise<void> {
    this.status = '';
    this.editing = form;
    await this.updateComplete;
    const editor = this.renderRoot.querySelector('osallistu-admin-form-editor');
    await editor?.updateComplete;
    editor?.shadowRoot?.querySelector<HTMLElement>('#editor-heading')?.focus();
  }

  private async editorClosed(event: CustomEvent<Form | null>): Promise<void> {
    const was = this.editing;
    this.editing = undefined;
    if (event.detail) {
      // What the server kept, at once: an edit opened again before the list is read anew starts from it.
      const saved = event.detail;
      this.items = this.items?.map((item) => (item.id === saved.id ? saved : item));
      this.status = withContent(this.at.forms.saved, this.nameOf(event.detail), this.language);
      await this.fetchResource();
    }
    await this.focusOn(was === 'new' || !was ? '#new-form' : `button[data-edit="${was.id}"]`);
  }
}

defineElement('osallistu-admin-forms', OsallistuAdminForms);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-forms': OsallistuAdminForms;
  }
}
