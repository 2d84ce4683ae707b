import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiRequestError } from '../core/api-client.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';

export type Texts = Partial<Record<Lang, string>>;

/** The languages filled in, trimmed. */
export function filled(map: Texts | undefined): Texts {
  return Object.fromEntries(
    Object.entries(map ?? {})
      .map(([lang, text]) => [lang, (text ?? '').trim()])
      .filter(([, text]) => text),
  );
}

/** An id for a new option: "a", "b", … "z", "a1", … not among `used`. */
export function nextId(used: string[]): string {
  const taken = new Set(used);
  const idOf = (n: number) => String.fromCharCode(97 + (n % 26)) + (n >= 26 ? Math.floor(n / 26) : '');
  let n = used.length;
  while (taken.has(idOf(n))) n++;
  return idOf(n);
}

/**
 * What the poll and form editors share: a form beside the widget itself as residents will see
 * it in each of the site's languages; a check that asks before publishing with texts missing in
 * a language; the server's refusals shown next to the fields they name; and no lost edits (a
 * cancel with changes asks first, and the console asks before leaving the view).
 *
 * Fires `editor-close` (`detail`: what was saved, or null) when done.
 */
export abstract class AdminEditor<Saved> extends AdminView {
  /** The site's languages, the default first. */
  @property({ attribute: false }) languages: Lang[] = ['fi'];

  @state() protected dirty = false;
  @state() protected error = '';
  @state() protected issues: { path: string; message: string }[] = [];
  @state() protected confirming: 'publish' | 'discard' | null = null;

  /** Whether there are edits not saved (the console asks before leaving them). */
  override get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** Texts missing in one of the site's languages, in words. */
  protected abstract missing(): string[];
  /** Whether saving now makes it public (then missing texts ask first). */
  protected abstract publishing(): boolean;
  /** Creates or updates; answers what the server kept. */
  protected abstract persist(): Promise<Saved>;

  protected languageName(lang: Lang): string {
    return new Intl.DisplayNames([this.language], { type: 'language' }).of(lang) ?? lang;
  }

  /** The server's word on one field (or anything under it), linked to it by id. */
  protected issueFor(path: string) {
    const issue = this.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
    return issue ? html`<p class="error" id=${`${path}-error`}>${issue.message}</p>` : nothing;
  }

  /** The list of missing texts, the save and cancel buttons, and the question when one is asked. */
  protected renderFooter(): TemplateResult {
    const t = this.at.editor;
    const missing = this.missing();
    return html`${missing.length
        ? html`<div class="notice-box" role="group" aria-labelledby="missing-heading">
            <p id="missing-heading"><strong>${t.missingHeading}</strong></p>
            <ul>
              ${missing.map((m) => html`<li>${m}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing} ${this.confirming ? this.renderConfirm() : nothing}
      <div class="actions">
        <button part="button">${t.save}</button>
        <button part="button" type="button" class="secondary" @click=${this.cancel}>${this.at.cancel}</button>
        ${this.dirty ? html`<span class="hint">${t.unsaved}</span>` : nothing}
      </div>`;
  }

  /** The widget once per language, as residents will see it. */
  protected renderPreviews(help: string, preview: (lang: Lang) => TemplateResult): TemplateResult {
    const t = this.at.editor;
    return html`<div class="previews">
      <p class="hint">${help}</p>
      ${this.languages.map((lang) => html`<h4>${t.preview(this.languageName(lang))}</h4><div class="preview" lang=${lang}>${preview(lang)}</div>`)}
    </div>`;
  }

  private renderConfirm() {
    const t = this.at.editor;
    const publish = this.confirming === 'publish';
    return html`<div class="confirm" role="alertdialog" aria-labelledby="editor-confirm" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.keepEditing()}>
      <p id="editor-confirm" tabindex="-1">${publish ? `${t.missingHeading}: ${this.missing().join(' ')}` : t.unsaved}</p>
      <div class="actions">
        <button part="button" type="button" class=${publish ? '' : 'danger'} @click=${() => (publish ? void this.save(true) : this.close())}>${publish ? t.publishAnyway : t.discard}</button>
        <button part="button" type="button" class="secondary" @click=${this.keepEditing}>${t.keepEditing}</button>
      </div>
    </div>`;
  }

  private async keepEditing(): Promise<void> {
    this.confirming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form button:not([type])')?.focus();
  }

  private async ask(what: 'publish' | 'discard'): Promise<void> {
    this.confirming = what;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#editor-confirm')?.focus();
  }

  private cancel(): void {
    if (this.dirty) void this.ask('discard');
    else this.close();
  }

  private close(saved?: Saved): void {
    this.dirty = false;
    this.dispatchEvent(new CustomEvent('editor-close', { detail: saved ?? null, bubbles: true, composed: true }));
  }

  protected submit(event: SubmitEvent): void {
    event.preventDefault();
    void this.save(false);
  }

  /** Saves; going public with texts missing in a language asks first. */
  private async save(anyway: boolean): Promise<void> {
    if (!anyway && this.publishing() && this.missing().length) return this.ask('publish');
    this.confirming = null;
    this.error = '';
    this.issues = [];
    try {
      this.close(await this.persist());
    } catch (error) {
      if (error instanceof ApiRequestError) {
        this.error = error.message;
        this.issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      } else this.error = this.errorMessage(error, this.at.loadFailed);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="alert"]')?.focus();
    }
  }
}
