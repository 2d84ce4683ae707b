import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FieldType } from '../../worker/schema/forms.ts';
import { typesAfter } from '../../worker/schema/form-types.ts';
import { defineElement } from '../core/define.ts';
import { localized } from '../core/i18n.ts';
import type { Form } from '../feedback/osallistu-feedback.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminEditor, filled, nextId } from './admin-editor.ts';
import type { Choice, Texts } from './admin-editor.ts';
import { defineFeedbackPreview } from './feedback-preview.ts';

type Status = Form['status'];

interface FieldDraft {
  key: string;
  type: FieldType;
  label: Texts;
  help: Texts;
  required: boolean;
  maxLength: string;
  options: Choice[];
  /** Saved before: its key is in answers already, so it stays. */
  saved: boolean;
}

interface Draft {
  id: string;
  title: Texts;
  intro: Texts;
  privacy: Texts;
  fields: FieldDraft[];
  categories: Choice[];
  status: Status;
  challenge: boolean;
  /** The case (diary) number the feedback informs; empty for none. */
  caseId: string;
}

const TYPES: FieldType[] = ['shortText', 'longText', 'email', 'phone', 'choice', 'multiChoice', 'consent', 'location'];
const TEXT_TYPES: FieldType[] = ['shortText', 'longText', 'email', 'phone'];
const hasOptions = (type: FieldType) => type === 'choice' || type === 'multiChoice';
/** A saved field's type changes only to a close one (the server says the same). */
const typesFor = (field: FieldDraft): FieldType[] => (field.saved ? typesAfter(field.type) : TYPES);

function newField(fields: FieldDraft[], taken: string[]): FieldDraft {
  const keys = new Set([...fields.map((f) => f.key), ...taken]);
  let n = fields.length + 1;
  while (keys.has(`field_${n}`)) n++;
  return { key: `field_${n}`, type: 'longText', label: {}, help: {}, required: false, maxLength: '', options: [], saved: false };
}

function draftOf(form?: Form): Draft {
  return {
    id: form?.id ?? '',
    title: { ...form?.title },
    intro: { ...form?.intro },
    privacy: { ...form?.privacy },
    fields: form?.fields.map((f) => ({
      key: f.key,
      type: f.type,
      label: { ...f.label },
      help: { ...f.help },
      required: f.required,
      maxLength: f.maxLength ? String(f.maxLength) : '',
      options: f.options?.map((o) => ({ id: o.id, label: { ...o.label } })) ?? [],
      saved: true,
    })) ?? [newField([], [])],
    categories: form?.categories?.map((c) => ({ id: c.id, label: { ...c.label } })) ?? [],
    status: form?.status ?? 'draft',
    challenge: form?.challenge ?? false,
    caseId: form?.caseId ?? '',
  };
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/**
 * Defines or edits a feedback form, with the feedback widget itself beside it in each of the
 * site's languages (its checks work; it sends nothing), and the same completeness check and
 * no-lost-edits care as the poll editor.
 */
export class OsallistuAdminFormEditor extends AdminEditor<Form> {
  /** The form to edit; none for a new one. */
  @property({ attribute: false }) form?: Form;

  @state() private draft: Draft = draftOf();
  /** The saved field whose removal is being confirmed. */
  @state() private removing?: number;

  override connectedCallback(): void {
    super.connectedCallback();
    void defineFeedbackPreview();
    this.draft = draftOf(this.form);
  }

  private change(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    this.dirty = true;
    this.previewNote = '';
  }

  private changeField(i: number, patch: Partial<FieldDraft>): void {
    this.change({ fields: this.draft.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  }

  /** Options and the longest answer stay in the draft whatever the type: changing it back loses nothing. */
  private setType(i: number, type: FieldType): void {
    const field = this.draft.fields[i]!;
    let options = field.options;
    // A choice needs two options to name.
    while (hasOptions(type) && options.length < 2) options = [...options, { id: nextId([...options.map((o) => o.id), ...this.saved().options(field.key)]), label: {} }];
    this.changeField(i, { type, options });
  }

  /** Ids once saved stay reserved: old answers and feedback refer to them, so a new option or topic must not take one over. */
  private saved(): { keys: string[]; options: (key: string) => string[]; categories: string[] } {
    const form = this.form;
    return {
      keys: form?.fields.map((f) => f.key) ?? [],
      options: (key) => form?.fields.find((f) => f.key === key)?.options?.map((o) => o.id) ?? [],
      categories: form?.categories?.map((c) => c.id) ?? [],
    };
  }

  private async moveField(i: number, by: -1 | 1): Promise<void> {
    const fields = [...this.draft.fields];
    [fields[i], fields[i + by]] = [fields[i + by]!, fields[i]!];
    this.change({ fields });
    this.removing = undefined;
    this.clearIssues();
    // The pressed button moved with its field: focus stays on it there (or on the field, at the end of the list).
    await this.focusAfter(`#field-${i + by} [data-move="${by}"]`, `#field-${i + by} legend`);
  }

  /** A saved field's answers leave the exports with it: removing one asks first. */
  private async askRemove(i: number): Promise<void> {
    if (!this.draft.fields[i]!.saved) return this.removeField(i);
    this.removing = i;
    await this.focusAfter('#remove-confirm', '#add-field');
  }

  private async keepField(i: number): Promise<void> {
    this.removing = undefined;
    await this.focusAfter(`#field-${i} [data-remove]`, '#add-field');
  }

  private async removeField(i: number): Promise<void> {
    this.removing = undefined;
    this.change({ fields: this.draft.fields.filter((_, j) => j !== i) });
    this.clearIssues();
    await this.focusAfter('#add-field', '#editor-heading');
  }

  private async addField(): Promise<void> {
    this.change({ fields: [...this.draft.fields, newField(this.draft.fields, this.saved().keys)] });
    this.clearIssues();
    await this.focusAfter(`#field-${this.draft.fields.length - 1}-type`, '#add-field');
  }

  protected override missing(): string[] {
    const t = this.at.forms;
    const w = t.missingWhat;
    const d = this.draft;
    const out: string[] = [];
    for (const lang of this.languages) {
      const name = this.languageName(lang);
      const check = (map: Texts, what: string, onlyIfGiven = false) => {
        if (map[lang]?.trim()) return;
        if (!onlyIfGiven || Object.keys(filled(map)).length) out.push(t.missing(what, name));
      };
      check(d.title, w.title);
      check(d.intro, w.intro, true);
      d.fields.forEach((field, i) => {
        check(field.label, w.label(i + 1));
        check(field.help, w.help(i + 1), true);
        if (hasOptions(field.type)) field.options.forEach((o, j) => check(o.label, w.option(i + 1, j + 1)));
      });
      d.categories.forEach((c, i) => check(c.label, w.category(i + 1)));
      check(d.privacy, w.privacy, true);
    }
    return out;
  }

  protected override publishing(): boolean {
    return this.draft.status === 'open';
  }

  /** The form as the widget will show it, and as it is sent. */
  private definition(): Form {
    const d = this.draft;
    const intro = filled(d.intro);
    const privacy = filled(d.privacy);
    return {
      id: d.id || 'preview',
      site: this.siteId,
      title: filled(d.title),
      ...(Object.keys(intro).length ? { intro } : {}),
      fields: d.fields.map((f) => ({
        key: f.key,
        type: f.type,
        label: filled(f.label),
        ...(Object.keys(filled(f.help)).length ? { help: filled(f.help) } : {}),
        required: f.required,
        ...(TEXT_TYPES.includes(f.type) && f.maxLength ? { maxLength: Number(f.maxLength) } : {}),
        ...(hasOptions(f.type) ? { options: f.options.map((o) => ({ id: o.id, label: filled(o.label) })) } : {}),
      })),
      ...(d.categories.length ? { categories: d.categories.map((c) => ({ id: c.id, label: filled(c.label) })) } : {}),
      ...(Object.keys(privacy).length ? { privacy } : {}),
      status: 'open',
      challenge: false,
      caseId: d.caseId.trim() || null,
      languages: this.languages,
    };
  }

  protected override persist(): Promise<Form> {
    const { id: _id, site: _site, languages: _languages, status: _status, ...definition } = this.definition();
    const body = { ...definition, status: this.draft.status, challenge: this.draft.challenge };
    if (!this.form) return this.call<Form>('POST', 'forms', this.draft.id ? { id: this.draft.id, ...body } : body);
    // On an edit, what was emptied is removed.
    const removed = Object.fromEntries((['intro', 'privacy', 'categories'] as const).filter((key) => !(key in body)).map((key) => [key, null]));
    return this.call<Form>('PATCH', `forms/${encodeURIComponent(this.form.id)}`, { ...body, ...removed });
  }

  override render() {
    const t = this.at.forms;
    const d = this.draft;
    const preview = this.definition();
    return html`<section class="panel editor" aria-labelledby="editor-heading">
      <h3 id="editor-heading" tabindex="-1">${this.form ? t.editHeading(this.form.id) : t.newHeading}</h3>
      <div class="editor-grid">
        <form @submit=${this.submit} novalidate>
          ${this.form ? nothing : this.renderIdField('form-id', t.idHelp, d.id, (id) => this.change({ id }))}
          ${this.renderTexts('title', t.formTitle, d.title, 200, false)} ${this.renderTexts('intro', t.introText, d.intro, 2000, true)}
          <fieldset class="field">
            <legend>${t.fieldsHeading}</legend>
            ${d.fields.map((field, i) => this.renderField(field, i))}
            <button part="button" type="button" class="secondary" id="add-field" ?disabled=${d.fields.length >= 40} @click=${this.addField}>${t.addField}</button>
            ${this.issueFor('fields')}
          </fieldset>
          ${this.renderCategories()}
          <div class="field">
            ${this.renderTexts('privacy', t.privacy, d.privacy, 1000, true, t.privacyHelp)}
          </div>
          <div class="field">
            <label class="option"><input type="checkbox" .checked=${d.challenge} aria-describedby="challenge-help" @change=${(e: Event) => this.change({ challenge: (e.target as HTMLInputElement).checked })} /> ${t.challenge}</label>
            <p class="hint" id="challenge-help">${t.challengeHelp}</p>
            ${this.issueFor('challenge')}
          </div>
          ${this.renderCaseIdField(d.caseId, t.caseIdHelp, (caseId) => this.change({ caseId }))}
          <div class="field">
            <label for="form-status">${t.status}</label>
            <select id="form-status" @change=${(e: Event) => this.change({ status: (e.target as HTMLSelectElement).value as Status })}>
              ${(['draft', 'open', 'closed'] as const).map((s) => html`<option value=${s} ?selected=${s === d.status}>${this.at.polls.statuses[s]}</option>`)}
            </select>
          </div>
          ${this.renderFooter()}
        </form>
        ${this.renderPreviews(
          t.previewHelp,
          () => html`<osallistu-feedback-preview @preview-submit=${() => (this.previewNote = t.previewNotSent)} .preview=${preview} site=${this.siteId} api=${this.client.apiBase} heading-level="5"></osallistu-feedback-preview>`,
        )}
      </div>
    </section>`;
  }

  /** One input per language for a text of the form. */
  private renderTexts(name: 'title' | 'intro' | 'privacy', label: (language: string) => string, map: Texts, max: number, long: boolean, help = '') {
    const set = (lang: Lang, text: string) => this.change({ [name]: { ...map, [lang]: text } });
    return html`${help ? html`<p class="hint" id=${`${name}-help`}>${help}</p>` : nothing}
      ${this.languages.map(
        (lang) => html`<div class="field">
          <label for=${`${name}-${lang}`}>${label(this.languageName(lang))}</label>
          ${long
            ? html`<textarea id=${`${name}-${lang}`} lang=${lang} rows="3" maxlength=${max} aria-invalid=${this.invalid(name, lang)} aria-describedby=${this.describedBy(help ? `${name}-help` : undefined, name, lang)} .value=${map[lang] ?? ''} @input=${(e: Event) => set(lang, value(e))}></textarea>`
            : html`<input id=${`${name}-${lang}`} lang=${lang} maxlength=${max} aria-invalid=${this.invalid(name, lang)} aria-describedby=${this.describedBy(undefined, name, lang)} .value=${map[lang] ?? ''} @input=${(e: Event) => set(lang, value(e))} />`}
        </div>`,
      )}
      ${this.issueFor(name)}`;
  }

  private renderField(field: FieldDraft, i: number) {
    const t = this.at.forms;
    const id = `field-${i}`;
    const count = this.draft.fields.length;
    const name = localized(field.label, this.language, this.languages).text;
    const setText = (what: 'label' | 'help', lang: Lang, text: string) => this.changeField(i, { [what]: { ...field[what], [lang]: text } });
    return html`<fieldset class="form-field" id=${id}>
      <legend tabindex="-1">${name ? t.fieldNamed(i + 1, name) : t.field(i + 1)}</legend>
      <div class="field">
        <label for=${`${id}-type`}>${t.type}</label>
        <select id=${`${id}-type`} aria-invalid=${this.invalid(`fields.${i}.type`)} aria-describedby=${this.describedBy(field.saved ? `${id}-type-help` : undefined, `fields.${i}.type`)} @change=${(e: Event) => this.setType(i, (e.target as HTMLSelectElement).value as FieldType)}>
          ${typesFor(field).map((type) => html`<option value=${type} .selected=${type === field.type}>${t.types[type]}</option>`)}
        </select>
        ${field.saved ? html`<p class="hint" id=${`${id}-type-help`}>${t.typeSaved}</p>` : nothing} ${this.issueFor(`fields.${i}.type`)}
      </div>
      ${this.languages.map(
        (lang) => html`<div class="field">
          <label for=${`${id}-label-${lang}`}>${t.label(this.languageName(lang))}</label>
          <input id=${`${id}-label-${lang}`} lang=${lang} maxlength="200" aria-invalid=${this.invalid(`fields.${i}.label`, lang)} aria-describedby=${this.describedBy(undefined, `fields.${i}.label`, lang)} .value=${field.label[lang] ?? ''} @input=${(e: Event) => setText('label', lang, value(e))} />
        </div>`,
      )}
      ${this.issueFor(`fields.${i}.label`)}
      ${this.languages.map(
        (lang) => html`<div class="field">
          <label for=${`${id}-help-${lang}`}>${t.help(this.languageName(lang))}</label>
          <input id=${`${id}-help-${lang}`} lang=${lang} maxlength="500" .value=${field.help[lang] ?? ''} @input=${(e: Event) => setText('help', lang, value(e))} />
        </div>`,
      )}
      ${hasOptions(field.type) ? this.renderChoices(field, i) : nothing}
      <label class="option field"><input type="checkbox" .checked=${field.required} @change=${(e: Event) => this.changeField(i, { required: (e.target as HTMLInputElement).checked })} /> ${t.required}</label>
      ${TEXT_TYPES.includes(field.type)
        ? html`<div class="field">
            <label for=${`${id}-max`}>${t.maxLength}</label>
            <input id=${`${id}-max`} type="number" min="1" max="10000" inputmode="numeric" aria-invalid=${this.invalid(`fields.${i}.maxLength`)} aria-describedby=${this.describedBy(undefined, `fields.${i}.maxLength`)} .value=${field.maxLength} @input=${(e: Event) => this.changeField(i, { maxLength: value(e) })} />
            ${this.issueFor(`fields.${i}.maxLength`)}
          </div>`
        : nothing}
      <div class="field">
        <label for=${`${id}-key`}>${t.key}</label>
        <p class="hint" id=${`${id}-key-help`}>${t.keyHelp}</p>
        <input id=${`${id}-key`} .value=${field.key} ?readonly=${field.saved} aria-invalid=${this.invalid(`fields.${i}.key`)} aria-describedby=${this.describedBy(`${id}-key-help`, `fields.${i}.key`)} @input=${(e: Event) => this.changeField(i, { key: value(e).trim() })} />
        ${this.issueFor(`fields.${i}.key`)}
      </div>
      ${this.issueFor(`fields.${i}`)}
      <div class="row-actions">
        ${i > 0 ? html`<button part="button" type="button" class="secondary" data-move="-1" @click=${() => this.moveField(i, -1)}>${t.moveUp(i + 1)}</button>` : nothing}
        ${i < count - 1 ? html`<button part="button" type="button" class="secondary" data-move="1" @click=${() => this.moveField(i, 1)}>${t.moveDown(i + 1)}</button>` : nothing}
        ${count > 1 ? html`<button part="button" type="button" class="secondary" data-remove @click=${() => this.askRemove(i)}>${t.removeField(i + 1)}</button>` : nothing}
      </div>
      ${this.removing === i
        ? html`<div class="confirm" role="alertdialog" aria-labelledby="remove-confirm" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.keepField(i)}>
            <p id="remove-confirm" tabindex="-1">${t.confirmRemove(name || field.key)}</p>
            <div class="actions">
              <button part="button" type="button" class="danger" @click=${() => this.removeField(i)}>${t.removeField(i + 1)}</button>
              <button part="button" type="button" class="secondary" @click=${() => this.keepField(i)}>${this.at.cancel}</button>
            </div>
          </div>`
        : nothing}
    </fieldset>`;
  }

  private renderChoices(field: FieldDraft, i: number) {
    const e = this.at.editor;
    return this.renderLabelList({
      id: `field-${i}-option`,
      path: `fields.${i}.options`,
      legend: e.options,
      items: field.options,
      label: (j, language) => e.option(j + 1, language),
      remove: (j) => e.removeOption(j + 1),
      add: e.addOption,
      min: 2,
      max: 50,
      reserved: this.saved().options(field.key),
      set: (options) => this.changeField(i, { options }),
    });
  }

  private renderCategories() {
    const t = this.at.forms;
    return this.renderLabelList({
      id: 'category',
      path: 'categories',
      legend: t.categories,
      help: t.categoriesHelp,
      items: this.draft.categories,
      label: (j, language) => t.category(j + 1, language),
      remove: (j) => t.removeCategory(j + 1),
      add: t.addCategory,
      min: 0,
      max: 30,
      reserved: this.saved().categories,
      set: (categories) => this.change({ categories }),
    });
  }
}

defineElement('osallistu-admin-form-editor', OsallistuAdminFormEditor);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-form-editor': OsallistuAdminFormEditor;
  }
}
