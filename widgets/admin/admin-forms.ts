import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiRequestError } from '../core/api-client.ts';
import { defineElement } from '../core/define.ts';
import { localized } from '../core/i18n.ts';
import type { Form } from '../feedback/osallistu-feedback.ts';
import type { Lang } from '../locales/messages.ts';
import './admin-form-editor.ts';
import { AdminView } from './admin-view.ts';

/** The site's feedback forms: defining and editing them beside a live preview, opening and closing them. */
@defineElement('osallistu-admin-forms')
export class OsallistuAdminForms extends AdminView {
  @state() private items?: Form[];
  @state() private failed = '';
  @state() private editing?: Form | 'new';
  @state() private closing?: Form;
  @state() private languages: Lang[] = ['fi'];
  @state() private status = '';

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

  private nameOf(form: Form): string {
    return localized(form.title, this.language, form.languages).text || form.id;
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
      <p class="meta" role="status">${this.status}</p>
      ${this.closing ? this.renderConfirm(this.closing) : nothing}
      ${this.failed
        ? html`<p class="notice" role="alert">${this.failed}</p><button part="button" @click=${() => void this.fetchResource()}>${this.t.retry}</button>`
        : !this.items
          ? html`<p class="meta">${this.at.loading}</p>`
          : this.items.length === 0
            ? html`<p>${t.empty}</p>`
            : html`<div class="scroll" tabindex="0" role="region" aria-label=${t.heading}>
                <table>
                  <caption class="visually-hidden">${t.heading}</caption>
                  <thead>
                    <tr><th scope="col">${t.title}</th><th scope="col">${t.fields}</th><th scope="col">${t.status}</th></tr>
                  </thead>
                  <tbody>
                    ${this.items.map((form) => this.renderRow(form))}
                  </tbody>
                </table>
              </div>`}`;
  }

  private renderRow(form: Form) {
    const t = this.at.forms;
    const title = this.nameOf(form);
    return html`<tr>
      <th scope="row">${title}<br /><code class="meta">${form.id}</code></th>
      <td>${form.fields.length}</td>
      <td>
        ${this.at.polls.statuses[form.status]}
        ${this.editing
          ? nothing // while a form is being edited the others wait: no edit over its draft, no status change behind its back
          : html`<div class="row-actions">
          <button part="button" class="secondary" data-edit=${form.id} aria-label=${t.edit(title)} @click=${() => void this.edit(form)}>${this.at.editor.edit}</button>
          ${form.status === 'open'
            ? html`<button part="button" class="secondary" data-form=${form.id} aria-label=${t.close(title)} @click=${() => void this.askClose(form)}>${this.at.polls.close}</button>`
            : html`<button part="button" class="secondary" data-form=${form.id} aria-label=${t.open(title)} @click=${() => void this.setStatus(form, 'open')}>${this.at.polls.open}</button>`}
        </div>`}
      </td>
    </tr>`;
  }

  private renderConfirm(form: Form) {
    return html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.cancelClose()}>
      <p id="confirm-text" tabindex="-1">${this.at.forms.confirmClose(this.nameOf(form))}</p>
      <div class="actions">
        <button part="button" class="danger" @click=${() => void this.setStatus(form, 'closed')}>${this.at.polls.close}</button>
        <button part="button" class="secondary" @click=${() => void this.cancelClose()}>${this.at.cancel}</button>
      </div>
    </div>`;
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
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
      this.status = this.at.forms.saved(this.nameOf(event.detail));
      await this.fetchResource();
    }
    await this.focusOn(was === 'new' || !was ? '#new-form' : `button[data-edit="${was.id}"]`);
  }

  private askClose(form: Form): Promise<void> {
    this.closing = form;
    return this.focusOn('#confirm-text');
  }

  private cancelClose(): Promise<void> {
    const id = this.closing?.id;
    this.closing = undefined;
    return this.focusOn(`button[data-form="${id}"]`);
  }

  private async setStatus(form: Form, status: 'open' | 'closed'): Promise<void> {
    this.closing = undefined;
    try {
      await this.call('PATCH', `forms/${encodeURIComponent(form.id)}`, { status });
      this.status = status === 'open' ? this.at.forms.opened(this.nameOf(form)) : this.at.forms.closed(this.nameOf(form));
      await this.fetchResource();
    } catch (error) {
      this.status = error instanceof ApiRequestError ? error.message : this.errorMessage(error, this.at.loadFailed);
    }
    await this.focusOn(`button[data-form="${form.id}"]`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-forms': OsallistuAdminForms;
  }
}
