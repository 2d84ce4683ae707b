import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiRequestError } from '../core/api-client.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';
import { explainError, explainIssue, said } from './ui/errors.ts';
import type { Said } from './ui/errors.ts';
import type { ErrorIssue } from '../../worker/errors.ts';

/** The longest case number the API takes (CaseId in worker/schema/common.ts). */
const CASE_ID_MAX = 100;

export type Texts = Partial<Record<Lang, string>>;
/** An option or topic: an id kept for good, a label per language. */
export type Choice = { id: string; label: Texts };

/** What `renderLabelList` draws: a list of things with a label per language, and more fields each when `extra` says. */
export interface LabelList<T extends Choice = Choice> {
  id: string;
  path: string;
  legend: string;
  help?: string;
  items: T[];
  label: (j: number, language: string) => string;
  remove: (j: number) => string;
  add: string;
  min: number;
  max: number;
  /** Options of a poll with ballots cannot be added or removed: only named. */
  fixed?: boolean;
  reserved: string[];
  set: (items: T[]) => void;
  /** A new item with the id given (default: the id and no label). */
  make?: (id: string) => T;
  /** The longest label (default 200). */
  labelMax?: number;
  /** More fields of item `j`, after its labels (a project's cost, an area's budget). */
  extra?: (j: number) => unknown;
}

/** The languages filled in, trimmed. */
export function filled(map: Texts | undefined): Texts {
  return Object.fromEntries(
    Object.entries(map ?? {})
      .map(([lang, text]) => [lang, (text ?? '').trim()])
      .filter(([, text]) => text),
  );
}

/** An id for a new option: the first of "a", "b", … "z", "a1", … not among `used`. */
export function nextId(used: string[]): string {
  const taken = new Set(used);
  const idOf = (n: number) => String.fromCharCode(97 + (n % 26)) + (n >= 26 ? Math.floor(n / 26) : '');
  let n = 0;
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
  @state() protected error: Said | string = '';
  /** The server's refusals by field path (`options.1.label.sv`), each with the API's issue for its words. */
  @state() protected issues: { path: string; issue: ErrorIssue }[] = [];
  @state() protected confirming: 'publish' | 'discard' | null = null;
  @state() private saving = false;
  /** What the preview says it did (it sends nothing), read out. */
  @state() protected previewNote = '';
  /** The issues placed next to their fields in this render; the rest are listed in the footer. */
  #placed = new Set<string>();
  /** Whether the previews' column is taller than its box and scrolls: then it can be focused and scrolled by keyboard. */
  @state() private previewsScroll = false;
  /** The previews' column being watched, and the watcher: its size and each preview's (a widget grows as it renders). */
  #previews?: HTMLElement;
  readonly #resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.#measurePreviews());

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

  /** The server's word on one field (or on one of its languages), shown where it is called. */
  protected issueFor(path: string) {
    const found = this.issues.filter((i) => i.path === path || (i.path.startsWith(`${path}.`) && this.languages.includes(i.path.slice(path.length + 1) as Lang)));
    found.forEach((i) => this.#placed.add(i.path));
    return found.length
      ? html`<p class="error" id=${`${path}-error`}>${found.map((i, n) => html`${n ? ' ' : ''}${said(this.explain(i.issue, false))}`)}</p>`
      : nothing;
  }

  /** An issue in the console's language; `named` puts its field's name first (for the list of issues not shown at a field). */
  protected explain(issue: ErrorIssue, named: boolean): Said {
    return explainIssue(issue, this.at.ui.errors, (lang) => this.languageName(lang as Lang), named);
  }

  /** The id of the message about `path` (or about its `lang`), when there is one. */
  protected errorOf(path: string, lang?: Lang): string | undefined {
    return this.issues.some((i) => i.path === path || (lang !== undefined && i.path === `${path}.${lang}`)) ? `${path}-error` : undefined;
  }

  /** `aria-invalid` for an input whose field the server refused. */
  protected invalid(path: string, lang?: Lang) {
    return this.errorOf(path, lang) ? 'true' : nothing;
  }

  /** `aria-describedby` from a hint's id and the message about `path`, or nothing. */
  protected describedBy(hint: string | undefined, path: string, lang?: Lang) {
    const ids = [hint, this.errorOf(path, lang)].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  /** Issues are about positions: once fields move or go, they are cleared rather than shown at the wrong one. */
  protected clearIssues(): void {
    this.issues = [];
  }

  protected override willUpdate(): void {
    super.willUpdate();
    this.#placed = new Set();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const box = this.renderRoot.querySelector<HTMLElement>('.previews') ?? undefined;
    if (box === this.#previews) return;
    this.#resize?.disconnect();
    this.#previews = box;
    if (!box) return;
    this.#resize?.observe(box);
    box.querySelectorAll('.preview').forEach((preview) => this.#resize?.observe(preview));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#previews = undefined;
  }

  #measurePreviews(): void {
    const box = this.#previews;
    const scrolls = Boolean(box && box.scrollHeight > box.clientHeight + 1);
    if (scrolls !== this.previewsScroll) this.previewsScroll = scrolls;
  }

  /** After a row is added or removed, focus goes to its first input, or to where the removed one was. */
  protected async focusAfter(selector: string, fallback: string): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(selector) ?? this.renderRoot.querySelector<HTMLElement>(fallback))?.focus();
  }

  /** A list of things with a label per language (a field's options, the form's topics): add, name, remove. */
  protected renderLabelList<T extends Choice = Choice>(list: LabelList<T>) {
    const { id, items } = list;
    const make = list.make ?? ((newId: string) => ({ id: newId, label: {} }) as T);
    const setLabel = (j: number, lang: Lang, text: string) => list.set(items.map((c, k) => (k === j ? { ...c, label: { ...c.label, [lang]: text } } : c)));
    const add = () => {
      list.set([...items, make(nextId([...items.map((c) => c.id), ...list.reserved]))]);
      void this.focusAfter(`#${id}-${items.length}-${this.languages[0]}`, `#${id}-add`);
    };
    const remove = (j: number) => {
      list.set(items.filter((_, k) => k !== j));
      this.clearIssues();
      void this.focusAfter(`#${id}-${Math.min(j, items.length - 2)}-${this.languages[0]}`, `#${id}-add`);
    };
    return html`<fieldset class="field">
      <legend>${list.legend}</legend>
      ${list.help ? html`<p class="hint">${list.help}</p>` : nothing}
      ${items.map(
        (item, j) => html`<div class="option-row">
          ${this.languages.map(
            (lang) => html`<label for=${`${id}-${j}-${lang}`}>${list.label(j, this.languageName(lang))}</label>
              <input
                id=${`${id}-${j}-${lang}`}
                lang=${lang}
                maxlength=${list.labelMax ?? 200}
                aria-invalid=${this.invalid(`${list.path}.${j}.label`, lang)}
                aria-describedby=${this.describedBy(undefined, `${list.path}.${j}.label`, lang)}
                .value=${item.label[lang] ?? ''} @input=${(e: Event) => setLabel(j, lang, (e.target as HTMLInputElement).value)} />`,
          )}
          ${this.issueFor(`${list.path}.${j}.label`)}
          ${list.extra ? list.extra(j) : nothing}
          ${items.length > list.min && !list.fixed ? html`<button part="button" type="button" class="secondary" @click=${() => remove(j)}>${list.remove(j)}</button>` : nothing}
        </div>`,
      )}
      ${list.fixed ? nothing : html`<button part="button" type="button" class="secondary" id=${`${id}-add`} ?disabled=${items.length >= list.max} @click=${add}>${list.add}</button>`}
      ${this.issueFor(list.path)}
    </fieldset>`;
  }

  /** A new item's id (`inputId`: the input's own id), with its hint and the server's word on it. */
  protected renderIdField(inputId: string, help: string, id: string, set: (id: string) => void) {
    return html`<div class="field">
      <label for=${inputId}>${this.at.editor.id}</label>
      <p class="hint" id=${`${inputId}-help`}>${help}</p>
      <input
        id=${inputId}
        .value=${id}
        pattern="[a-z0-9](?:[a-z0-9\\-]{0,62}[a-z0-9])?"
        aria-invalid=${this.invalid('id')}
        aria-describedby=${this.describedBy(`${inputId}-help`, 'id')}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value.trim())}
      />
      ${this.issueFor('id')}
    </div>`;
  }

  /**
   * The case (diary) number a poll or form informs: typed as the decisions carry it, kept as typed
   * (the server trims it); empty unlinks.
   */
  protected renderCaseIdField(value: string, help: string, set: (caseId: string) => void) {
    return html`<div class="field">
      <label for="case-id">${this.at.editor.caseId}</label>
      <p class="hint" id="case-id-help">${help}</p>
      <input
        id="case-id"
        .value=${value}
        maxlength=${CASE_ID_MAX}
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${this.invalid('caseId')}
        aria-describedby=${this.describedBy('case-id-help', 'caseId')}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${this.issueFor('caseId')}
    </div>`;
  }

  /** The list of missing texts, the save and cancel buttons, and the question when one is asked. */
  protected renderFooter(): TemplateResult {
    const t = this.at.editor;
    const missing = this.missing();
    // Only once the official has started: a new item is not greeted by a list of what it lacks.
    return html`${missing.length && this.dirty
        ? html`<div class="notice-box" role="group" aria-labelledby="missing-heading">
            <p id="missing-heading"><strong>${t.missingHeading}</strong></p>
            <ul>
              ${missing.map((m) => html`<li>${m}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.error
        ? html`<div role="alert" tabindex="-1">
            <p class="error">${said(this.error)}</p>
            ${this.renderUnplaced()}
          </div>`
        : nothing}
      ${this.confirming ? this.renderConfirm() : nothing}
      <div class="actions">
        <button part="button" ?disabled=${this.saving}>${t.save}</button>
        <button part="button" type="button" class="secondary" @click=${this.cancel}>${this.at.cancel}</button>
        ${this.dirty ? html`<span class="hint">${t.unsaved}</span>` : nothing}
      </div>`;
  }

  /** The widget once per language, as residents will see it. */
  protected renderPreviews(help: string, preview: (lang: Lang) => TemplateResult): TemplateResult {
    const t = this.at.editor;
    // A column that scrolls is a region that takes focus, so a keyboard can scroll it (a preview may have nothing else to focus).
    const scrolls = this.previewsScroll;
    return html`<div class="previews" role=${scrolls ? 'region' : nothing} tabindex=${scrolls ? '0' : nothing} aria-labelledby=${scrolls ? 'previews-help' : nothing}>
      <p class="hint" id="previews-help">${help}</p>
      <p class="meta" role="status">${this.previewNote}</p>
      ${this.languages.map((lang) => html`<h4>${t.preview(this.languageName(lang))}</h4><div class="preview" lang=${lang}>${preview(lang)}</div>`)}
    </div>`;
  }

  /** Issues about no field shown above (e.g. the form's status): listed, never dropped. Called last in the form. */
  private renderUnplaced() {
    const rest = this.issues.filter((i) => !this.#placed.has(i.path));
    return rest.length ? html`<ul>${rest.map((i) => html`<li>${said(this.explain(i.issue, true))}</li>`)}</ul>` : nothing;
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
    if (this.saving) return;
    if (!anyway && this.publishing() && this.missing().length) return this.ask('publish');
    this.confirming = null;
    this.error = '';
    this.issues = [];
    this.saving = true;
    try {
      this.close(await this.persist());
    } catch (error) {
      this.error = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
      if (error instanceof ApiRequestError) {
        this.issues = error.issues.map((issue) => ({ path: issue.path.join('.'), issue }));
        // "That id is taken" (409 form_exists, poll_exists) belongs at the id.
        if (error.status === 409 && /_exists$/.test(error.code)) this.issues = [{ path: 'id', issue: { path: ['id'], code: error.code, message: error.message } }];
      }
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="alert"]')?.focus();
    } finally {
      this.saving = false;
    }
  }
}
