import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { ErrorIssue } from '../../../worker/errors.ts';
import type { Outcome } from '../../../worker/schema/decisions.ts';
import { ApiRequestError } from '../../core/api-client.ts';
import { LANGS } from '../../core/i18n.ts';
import type { Lang } from '../../locales/messages.ts';
import type { Decision, Summary } from './base.ts';
import { DecisionImport } from './import.ts';
import { explainError, said } from '../ui/errors.ts';
import type { Said } from '../ui/errors.ts';
import { withContent } from '../ui/content-lang.ts';

export const OUTCOMES: Outcome[] = ['passed', 'passed_amended', 'rejected', 'tabled', 'returned', 'voted'];
const TEXT_FIELDS = ['title', 'summary', 'plainSummary'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
/** The API's limits per language (worker/schema/decisions.ts). */
const MAX_LENGTH: Record<TextField, number> = { title: 500, summary: 2000, plainSummary: 2000 };

type TextMap = Record<Lang, string>;
interface Draft {
  title: TextMap;
  summary: TextMap;
  plainSummary: TextMap;
  outcome: Outcome;
  topics: string;
}

interface Editing {
  id: string;
  /** The row as listed, for the heading while the decision itself loads. */
  row: Summary;
  original?: Draft;
  draft?: Draft;
  failed?: Said | string;
}

/** What the inline "discard your changes?" question will do when answered yes. */
type Ask = { kind: 'cancel' } | { kind: 'switch'; next: Summary };

const emptyMap = (): TextMap => ({ fi: '', sv: '', en: '' });
const textMap = (map: Partial<Record<Lang, string>> | null | undefined): TextMap => ({ ...emptyMap(), ...map });
/** A text map as the API takes it: trimmed, empty languages left out. */
const cleanMap = (map: TextMap) => Object.fromEntries(LANGS.map((lang) => [lang, map[lang].trim()]).filter(([, text]) => text)) as Partial<TextMap>;
const sameMap = (a: Partial<TextMap>, b: Partial<TextMap>) => LANGS.every((lang) => (a[lang] ?? '') === (b[lang] ?? ''));
const topicList = (text: string) =>
  text
    .split(',')
    .map((topic) => topic.trim())
    .filter(Boolean);

function toDraft(d: Decision): Draft {
  return { title: textMap(d.title), summary: textMap(d.summary), plainSummary: textMap(d.plainSummary), outcome: d.outcome, topics: d.topics.join(', ') };
}


/**
 * The decisions view's editor, opened under a decision's row: its titles, summaries, outcome and
 * topics edited in place; only what changed is sent, and unsaved changes are never lost without
 * asking.
 */
export abstract class DecisionEditor extends DecisionImport {
  @state() protected editing?: Editing;
  @state() protected asking?: Ask;
  @state() protected saving = false;
  /** Server validation messages by field: "title.fi", "title", "topics", "outcome", or "" for the form. */
  @state() protected errors: Record<string, string> = {};
  /** A sentence of the console's own, or the server's reason (said after "not saved"). */
  @state() protected formError: Said | string = '';

  /** The languages to edit: the site's, and any other the decision already has text in. */
  protected formLanguages(draft: Draft): Lang[] {
    const used = (lang: Lang) => TEXT_FIELDS.some((field) => draft[field][lang].trim());
    return LANGS.filter((lang) => (this.siteLanguages ?? LANGS).includes(lang) || used(lang));
  }

  /** The editor of the decision being edited, a panel above the list (its Edit button says it is open). */
  protected renderEditor(editing: Editing) {
    const d = this.d;
    const draft = editing.draft;
    return html`<section class="panel editor" id="edit-panel" aria-labelledby="edit-heading" @keydown=${this.onEditorKey}>
      <h4 id="edit-heading" tabindex="-1">${d.editHeading(this.titleOf(editing.row).text)}</h4>
      ${!draft
        ? editing.failed
          ? html`<p class="notice" role="alert">${said(editing.failed)}</p>
              <button part="button" class="secondary" @click=${() => void this.close()}>${this.at.cancel}</button>`
          : html`<p class="meta">${this.at.loading}</p>`
        : this.renderForm(draft)}
    </section>`;
  }

  protected renderForm(draft: Draft) {
    const d = this.d;
    const languages = this.formLanguages(draft);
    const dirty = this.dirty;
    return html`${this.asking ? this.renderAsk() : nothing}
      <form novalidate aria-labelledby="edit-heading" @submit=${this.save}>
        ${languages.map(
          (lang, i) => html`<fieldset class="lang">
            <legend>${d.inLang[lang]}</legend>
            ${this.textField('title', lang, i === 0)} ${this.textField('summary', lang, i === 0)} ${this.textField('plainSummary', lang, i === 0)}
          </fieldset>`,
        )}
        <div class="field">
          <label for="outcome">${d.outcome}</label>
          <select
            id="outcome"
            name="outcome"
            aria-invalid=${this.errors.outcome ? 'true' : 'false'}
            aria-describedby=${this.errors.outcome ? 'error-outcome' : nothing}
            @change=${(e: Event) => this.setDraft({ outcome: (e.target as HTMLSelectElement).value as Outcome })}
          >
            ${OUTCOMES.map((o) => html`<option value=${o} ?selected=${o === draft.outcome}>${d.outcomes[o]}</option>`)}
          </select>
          ${this.errors.outcome ? html`<p class="error" id="error-outcome">${this.errors.outcome}</p>` : nothing}
        </div>
        <div class="field">
          <label for="topics">${d.topics}</label>
          <p class="hint" id="topics-help">${d.topicsHelp}</p>
          <input
            id="topics"
            name="topics"
            autocomplete="off"
            aria-invalid=${this.errors.topics ? 'true' : 'false'}
            aria-describedby=${this.errors.topics ? 'topics-help error-topics' : 'topics-help'}
            .value=${draft.topics}
            @input=${(e: Event) => this.setDraft({ topics: (e.target as HTMLInputElement).value })}
          />
          ${this.errors.topics ? html`<p class="error" id="error-topics">${this.errors.topics}</p>` : nothing}
        </div>
        ${this.formError ? html`<p class="error" role="alert">${typeof this.formError === 'string' ? this.formError : html`${this.d.saveFailed} ${said(this.formError)}`}</p>` : nothing}
        ${dirty ? html`<p class="hint unsaved">${d.unsaved}</p>` : nothing}
        <div class="actions">
          <button part="button" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? d.saving : d.save}</button>
          <button part="button" type="button" class="secondary cancel" @click=${() => void this.requestClose()}>${this.at.cancel}</button>
        </div>
      </form>`;
  }

  protected textField(field: TextField, lang: Lang, first: boolean) {
    const d = this.d;
    const draft = this.editing!.draft!;
    const id = `${field}-${lang}`;
    // An error about the field as a whole ("in one language at least") is shown at its first language.
    const error = this.errors[`${field}.${lang}`] ?? (first ? this.errors[field] : undefined);
    const label = field === 'title' ? d.title : field === 'summary' ? d.summary : d.plainSummary;
    // The draft as it is when the event comes, not as it was rendered: two fields may change before the next render.
    const input = (e: Event) => {
      const now = this.editing?.draft;
      if (now) this.setDraft({ [field]: { ...now[field], [lang]: (e.target as HTMLInputElement | HTMLTextAreaElement).value } });
    };
    const attrs = { invalid: error ? 'true' : 'false', describedby: error ? `error-${id}` : nothing };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${field === 'title'
        ? html`<input id=${id} name=${id} lang=${lang} maxlength=${MAX_LENGTH[field]} autocomplete="off" aria-invalid=${attrs.invalid} aria-describedby=${attrs.describedby} .value=${draft[field][lang]} @input=${input} />`
        : html`<textarea id=${id} name=${id} lang=${lang} rows="3" maxlength=${MAX_LENGTH[field]} aria-invalid=${attrs.invalid} aria-describedby=${attrs.describedby} .value=${draft[field][lang]} @input=${input}></textarea>`}
      ${error ? html`<p class="error" id=${`error-${id}`}>${error}</p>` : nothing}
    </div>`;
  }

  protected renderAsk() {
    const d = this.d;
    return html`<div class="confirm" role="alertdialog" aria-labelledby="ask-text" @keydown=${this.onAskKey}>
      <p id="ask-text" tabindex="-1">${d.discardQuestion}</p>
      <div class="actions">
        <button part="button" class="danger" @click=${() => void this.discard()}>${d.discard}</button>
        <button part="button" class="secondary" @click=${() => void this.keepEditing()}>${d.keepEditing}</button>
      </div>
    </div>`;
  }

  /** The fields that differ from the decision as it was loaded, as the API takes them. */
  protected changes(): Record<string, unknown> {
    const draft = this.editing?.draft;
    const original = this.editing?.original;
    if (!draft || !original) return {};
    const body: Record<string, unknown> = {};
    for (const field of TEXT_FIELDS) {
      const now = cleanMap(draft[field]);
      if (!sameMap(now, cleanMap(original[field]))) body[field] = now;
    }
    if (draft.outcome !== original.outcome) body.outcome = draft.outcome;
    const topics = topicList(draft.topics);
    if (topics.join('\n') !== topicList(original.topics).join('\n')) body.topics = topics;
    return body;
  }

  protected get dirty(): boolean {
    return Object.keys(this.changes()).length > 0;
  }

  protected setDraft(change: Partial<Draft>): void {
    if (!this.editing?.draft) return;
    this.editing = { ...this.editing, draft: { ...this.editing.draft, ...change } };
  }

  protected async openEdit(item: Summary): Promise<void> {
    if (this.editing?.id === item.id) {
      this.renderRoot.querySelector<HTMLElement>('#edit-heading')?.focus();
      return;
    }
    if (this.editing && this.dirty) {
      this.asking = { kind: 'switch', next: item };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ask-text')?.focus();
      return;
    }
    await this.startEdit(item);
  }

  protected async startEdit(item: Summary): Promise<void> {
    this.asking = undefined;
    this.errors = {};
    this.formError = '';
    this.editing = { id: item.id, row: item };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#edit-heading')?.focus();
    try {
      // The decision as it is now (the list may be a moment old), non-public parts included.
      const decision = await this.call<Decision>('GET', `decisions/${encodeURIComponent(item.id)}`);
      if (this.editing?.id !== item.id) return;
      const original = toDraft(decision);
      this.editing = { id: item.id, row: decision, original, draft: structuredClone(original) };
    } catch (error) {
      if (this.editing?.id !== item.id) return;
      this.editing = { ...this.editing, failed: explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed)) };
    }
  }

  protected readonly onEditorKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    void this.requestClose();
  };

  protected readonly onAskKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault(); // the editor's own Escape would ask again
    event.stopPropagation();
    void this.keepEditing();
  };

  /** Cancel or Escape: closes the form, asking first if it has unsaved changes. */
  protected async requestClose(): Promise<void> {
    if (!this.dirty) return this.close();
    this.asking = { kind: 'cancel' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ask-text')?.focus();
  }

  protected async close(): Promise<void> {
    const id = this.editing?.id;
    this.editing = undefined;
    this.asking = undefined;
    this.errors = {};
    this.formError = '';
    await this.updateComplete;
    if (id) this.focusRow(id);
  }

  protected async discard(): Promise<void> {
    const ask = this.asking;
    this.asking = undefined;
    if (ask?.kind === 'switch') await this.startEdit(ask.next);
    else await this.close();
  }

  protected async keepEditing(): Promise<void> {
    this.asking = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#edit-heading')?.focus();
  }

  /** Turns the API's validation issues into messages at their fields, in the console's language. */
  protected fieldErrors(issues: ErrorIssue[]): Record<string, string> {
    const t = this.d.issues;
    const errors: Record<string, string> = {};
    for (const issue of issues) {
      const [field, part] = issue.path;
      let key = '';
      let message = issue.message;
      if (TEXT_FIELDS.includes(field as TextField)) {
        const lang = LANGS.find((l) => l === part);
        key = lang ? `${field}.${lang}` : String(field);
        if (issue.code === 'too_big') message = t.tooLong;
        else if (!lang) message = t.cannotRemove;
      } else if (field === 'topics') {
        key = 'topics';
        const topic = typeof part === 'number' ? topicList(this.editing?.draft?.topics ?? '')[part] : undefined;
        message = topic !== undefined ? `”${topic}”: ${t.tag}` : issue.code === 'too_big' ? t.tooManyTags : message;
      } else if (field === 'outcome') {
        key = 'outcome';
      }
      errors[key] ??= message;
    }
    return errors;
  }

  protected async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    if (this.saving || !editing?.draft) return;
    const body = this.changes();
    if (Object.keys(body).length === 0) {
      this.status = this.d.noChanges;
      return;
    }
    this.saving = true;
    this.errors = {};
    this.formError = '';
    try {
      const saved = await this.call<Decision>('PATCH', `decisions/${encodeURIComponent(editing.id)}`, body);
      this.items = this.items?.map((item) => (item.id === saved.id ? saved : item));
      this.status = withContent(this.d.saved, this.titleOf(saved), this.language);
      await this.close();
    } catch (error) {
      if (this.editing?.id !== editing.id) return;
      if (error instanceof ApiRequestError && error.status === 400 && error.issues.length) {
        const errors = this.fieldErrors(error.issues);
        this.errors = errors;
        this.formError = errors[''] ? `${this.d.fixErrors} ${errors['']}` : this.d.fixErrors;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      } else {
        const why = explainError(error, this.at.ui.errors, '');
        // Said after "not saved"; a failure that is not the server's answer (network, time-out) is said whole.
        this.formError = why.text ? why : this.errorMessage(error, this.d.saveFailed);
      }
    } finally {
      this.saving = false;
    }
  }
}
