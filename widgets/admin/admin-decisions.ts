import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { z } from '@hono/zod-openapi';
import type { AhjoDecision } from '../../scripts/lib/ahjo.ts';
import type { DecisionSummaryView, DecisionView, Facets, ImportResult, Outcome } from '../../worker/schema/decisions.ts';
import type { ErrorEnvelope, ErrorIssue } from '../../worker/errors.ts';
import { roleAllows } from '../../worker/schema/roles.ts';
import { ApiRequestError, NetworkError } from '../core/api-client.ts';
import { defineElement } from '../core/define.ts';
import { Catalog, LANGS, localized } from '../core/i18n.ts';
import { loadSite } from '../core/site.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';
import type { DecisionAdminMessages } from './locales/decisions/messages.ts';

/** The view's own strings, one chunk per language, loaded only with the view. */
export const decisionAdminMessages = new Catalog<DecisionAdminMessages>({
  fi: () => import('./locales/decisions/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/decisions/sv.ts').then((m) => m.sv),
  en: () => import('./locales/decisions/en.ts').then((m) => m.en),
});

type Summary = z.infer<typeof DecisionSummaryView>;
type Decision = z.infer<typeof DecisionView>;
type Organs = z.infer<typeof Facets>['organs'];
type Report = z.infer<typeof ImportResult>;
type Rejection = Report['errors'][number];

const OUTCOMES: Outcome[] = ['passed', 'passed_amended', 'rejected', 'tabled', 'returned', 'voted'];
const TEXT_FIELDS = ['title', 'summary', 'plainSummary'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
/** The API's limits per language (worker/schema/decisions.ts). */
const MAX_LENGTH: Record<TextField, number> = { title: 500, summary: 2000, plainSummary: 2000 };

const DOCS = 'docs/importing-decisions.md';
const NDJSON = 'application/x-ndjson';
/** Records per import request: the API takes 10,000, fewer make a progress bar worth the name. */
const BATCH_RECORDS = 1000;
/** UTF-16 code units per request: at most 3 bytes of UTF-8 each, so under the API's 32 MiB. */
const BATCH_CHARS = 10_000_000;
/** Rejected lines listed in the report; the rest are counted. */
const MAX_LISTED = 1000;
/** One request of 1,000 long decisions takes seconds of the Worker's time; give it a minute or two. */
const IMPORT_TIMEOUT_MS = 120_000;

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
  failed?: string;
}

/** What the inline "discard your changes?" question will do when answered yes. */
type Ask = { kind: 'cancel' } | { kind: 'switch'; next: Summary };

/** One record of the file to import, with its line in the file (or its place in the array). */
interface SourceRecord {
  line: number;
  text: string;
}
interface Source {
  total: number;
  record(index: number): SourceRecord;
  /** Converted from an Ahjo export: the line numbers are the converted decisions' order. */
  ahjo?: { records: number };
}

interface ImportRun {
  phase: 'reading' | 'converting' | 'sending' | 'done' | 'failed';
  total: number;
  sent: number;
  ahjo?: { records: number };
  created: number;
  updated: number;
  rejected: number;
  errors: Rejection[];
  omitted: number;
  error: string;
}

/** A problem with the file itself, said before anything is sent. */
class FileProblem extends Error {}

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
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const isAhjoRecord = (value: unknown) => typeof value === 'object' && value !== null && 'NativeId' in value && 'Organization' in value;

function toDraft(d: Decision): Draft {
  return { title: textMap(d.title), summary: textMap(d.summary), plainSummary: textMap(d.plainSummary), outcome: d.outcome, topics: d.topics.join(', ') };
}

/** The source id of a record's text, when it has a readable one. */
function sourceIdOf(text: string): string | null {
  try {
    const id = (JSON.parse(text) as { sourceId?: unknown } | null)?.sourceId;
    return typeof id === 'string' && id.trim() ? id.trim() : null;
  } catch {
    return null;
  }
}

async function requestError(response: Response): Promise<ApiRequestError> {
  try {
    const { error } = (await response.json()) as ErrorEnvelope;
    return new ApiRequestError(response.status, error.code, error.message, error.issues);
  } catch {
    return new ApiRequestError(response.status, 'unexpected_response', `The server answered ${response.status}.`);
  }
}

/**
 * The site's decisions for editors: the list newest first with search and a body filter; a
 * decision's titles, summaries, outcome and topics edited in place (only what changed is sent,
 * and unsaved changes are never lost without asking); deleting with a confirmation; and
 * importing a JSON or NDJSON file, or an Ahjo export converted in the browser, in batches with a
 * progress bar and a report of every rejected line.
 *
 * @attr limit - decisions per page (default 25, at most 50).
 */
@defineElement('osallistu-admin-decisions')
export class OsallistuAdminDecisions extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      .filters .grow {
        flex: 1 1 16rem;
      }
      .filters .hint {
        margin: 0 0 0.35rem;
      }
      section.import,
      .list {
        margin: 0 0 2rem;
      }
      .import .hint {
        margin: 0 0 0.5rem;
      }
      .scroll {
        container-type: inline-size;
      }
      td.inline {
        padding: 0.75rem 0.5rem 1.25rem;
      }
      /* The form and the question stay within the visible width of a table wider than the screen. */
      td.inline > * {
        position: sticky;
        inset-inline-start: 0.5rem;
        max-inline-size: min(48rem, calc(100cqi - 1rem));
        box-sizing: border-box;
      }
      .editor h4 {
        margin: 0 0 0.75rem;
      }
      .editor h4:focus {
        outline-offset: 4px;
      }
      fieldset.lang {
        margin: 0 0 1rem;
        padding: 0 0 0.25rem;
        border-block-end: 1px solid var(--_border);
      }
      legend {
        font-weight: 700;
        font-size: 1.1em;
        padding: 0;
        margin: 0 0 0.5rem;
      }
      textarea {
        resize: vertical;
      }
      progress {
        display: block;
        inline-size: 100%;
        block-size: 1.25rem;
        margin: 0.35rem 0 0.75rem;
        accent-color: var(--_accent);
      }
      .report dl {
        grid-template-columns: max-content max-content;
      }
      .report td {
        white-space: normal;
        overflow-wrap: anywhere;
      }
    `,
  ];
  static override catalogs = [...AdminView.catalogs, decisionAdminMessages];

  @property({ type: Number }) limit = 25;

  @state() private items?: Summary[];
  @state() private next: string | null = null;
  @state() private filter = { q: '', organ: '' };
  @state() private organs: Organs = [];
  @state() private failed = '';
  @state() private status = '';
  @state() private siteLanguages?: Lang[];

  @state() private editing?: Editing;
  @state() private asking?: Ask;
  @state() private saving = false;
  /** Server validation messages by field: "title.fi", "title", "topics", "outcome", or "" for the form. */
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';

  @state() private deleting?: Summary;

  @state() private run?: ImportRun;
  @state() private fileError = '';

  #listRequest = 0;

  private get d(): DecisionAdminMessages {
    return decisionAdminMessages.get(this.language);
  }

  /** True while the form has changes not saved, or an import is running: the console should ask before leaving. */
  override get hasUnsavedChanges(): boolean {
    return this.dirty || this.importing;
  }

  private get importing(): boolean {
    return this.run !== undefined && ['reading', 'converting', 'sending'].includes(this.run.phase);
  }

  private get canEdit(): boolean {
    return Boolean(this.official && roleAllows(this.official.role, 'editor'));
  }

  protected override resourceId(): string {
    return this.token && 'decisions';
  }

  protected override async fetchResource(): Promise<void> {
    loadSite(this.client).then(
      (site) => (this.siteLanguages = site.languages),
      () => undefined, // the form then offers every language
    );
    void this.fetchOrgans();
    await this.fetchPage(false);
  }

  private async fetchOrgans(): Promise<void> {
    try {
      this.organs = (await this.call<{ organs: Organs }>('GET', 'decision-facets')).organs;
    } catch {
      // the list works without the body filter
    }
  }

  private async fetchPage(more: boolean, announce = false): Promise<void> {
    const request = ++this.#listRequest;
    const query = new URLSearchParams({ limit: String(Math.min(Math.max(Math.trunc(this.limit) || 25, 1), 50)) });
    if (this.filter.q) query.set('q', this.filter.q);
    if (this.filter.organ) query.set('organ', this.filter.organ);
    if (more && this.next) query.set('cursor', this.next);
    try {
      const page = await this.call<{ items: Summary[]; nextCursor: string | null }>('GET', `decisions?${query}`);
      if (request !== this.#listRequest) return;
      const shown = more ? (this.items ?? []) : [];
      this.items = [...shown, ...page.items];
      this.next = page.nextCursor;
      this.failed = '';
      if (more) {
        this.status = this.d.loadedMore(page.items.length);
        // The button goes with the last page: focus goes to the first decision it brought.
        if (!this.next && page.items[0]) {
          await this.updateComplete;
          this.focusRow(page.items[0].id);
        }
      } else if (announce) {
        this.status = this.items.length === 0 && this.filter.q ? this.d.emptyFor(this.filter.q) : this.d.found(this.items.length, Boolean(this.next));
      }
    } catch (error) {
      if (request !== this.#listRequest) return;
      await this.stringsReady();
      this.failed = this.errorMessage(error, this.at.loadFailed);
    }
  }


  // ---------------------------------------------------------------------------------------------
  // Rendering

  override render() {
    const d = this.d;
    return html`<h2>${d.heading}</h2>
      <p class="meta" role="status">${this.status}</p>
      ${this.canEdit ? this.renderImport() : html`<p>${d.editorsOnly}</p>`}
      <div class="list">
        <h3 id="list-heading" tabindex="-1">${d.listHeading}</h3>
        ${this.renderFilters()} ${this.renderList()}
      </div>`;
  }

  private renderFilters() {
    const d = this.d;
    const organs = [...this.organs].sort((a, b) => this.organName(a.name).text.localeCompare(this.organName(b.name).text, this.language));
    return html`<form class="filters actions" role="search" aria-label=${d.search} @submit=${this.applyFilter}>
      <div class="field grow">
        <label for="q">${d.search}</label>
        <p class="hint" id="q-help">${d.searchHelp}</p>
        <input id="q" name="q" type="search" maxlength="200" autocomplete="off" aria-describedby="q-help" .value=${this.filter.q} />
      </div>
      <div class="field">
        <label for="organ">${d.organ}</label>
        <select id="organ" name="organ">
          <option value="">${d.allOrgans}</option>
          ${organs.map((o) => html`<option value=${o.id} ?selected=${o.id === this.filter.organ}>${this.organName(o.name).text}</option>`)}
        </select>
      </div>
      <div class="field"><button part="button">${d.apply}</button></div>
    </form>`;
  }

  private organName(name: Partial<Record<Lang, string>>) {
    return localized(name, this.language, this.siteLanguages);
  }

  private titleOf(d: Pick<Summary, 'title' | 'languages'>) {
    return localized(d.title, this.language, d.languages);
  }

  private renderList() {
    const d = this.d;
    if (this.failed) return html`<p class="notice" role="alert">${this.failed}</p><button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p>${this.filter.q ? d.emptyFor(this.filter.q) : d.empty}</p>`;
    const edit = this.canEdit;
    const date = new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeZone: 'UTC' });
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${d.listHeading}>
        <table>
          <caption class="visually-hidden">${d.listHeading}</caption>
          <thead>
            <tr>
              <th scope="col">${d.date}</th>
              <th scope="col">${d.organ}</th>
              <th scope="col">${d.section}</th>
              <th scope="col">${d.title}</th>
              <th scope="col">${d.outcome}</th>
              ${edit ? html`<th scope="col"><span class="visually-hidden">${d.actions}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.items,
              (item) => item.id,
              (item) => {
                const title = this.titleOf(item);
                const organ = this.organName(item.organ.name);
                return html`<tr>
                    <td><time datetime=${item.meeting.date}>${date.format(new Date(`${item.meeting.date}T00:00:00Z`))}</time></td>
                    <td lang=${organ.lang}>${organ.text}</td>
                    <td>${item.section ?? '–'}</td>
                    <th scope="row" lang=${title.lang}>${title.text}</th>
                    <td>${d.outcomes[item.outcome]}</td>
                    ${edit
                      ? html`<td>
                          <div class="row-actions">
                            <button part="button" class="secondary" data-edit=${item.id} aria-label=${`${d.edit}: ${title.text}`} aria-expanded=${this.editing?.id === item.id ? 'true' : 'false'} @click=${() => void this.openEdit(item)}>
                              ${d.edit}
                            </button>
                            <button part="button" class="secondary" data-delete=${item.id} aria-label=${`${d.delete}: ${title.text}`} @click=${() => void this.askDelete(item)}>${d.delete}</button>
                          </div>
                        </td>`
                      : nothing}
                  </tr>
                  ${this.deleting?.id === item.id ? this.renderDeleteConfirm(item) : nothing} ${this.editing?.id === item.id ? this.renderEditor(this.editing) : nothing}`;
              },
            )}
          </tbody>
        </table>
      </div>
      ${this.next ? html`<button part="button" class="secondary" @click=${() => void this.fetchPage(true)}>${this.at.loadMore}</button>` : nothing}`;
  }

  private renderDeleteConfirm(item: Summary) {
    const d = this.d;
    return html`<tr>
      <td class="inline" colspan="6">
        <div class="confirm" role="alertdialog" aria-labelledby="delete-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.cancelDelete()}>
          <p id="delete-text" tabindex="-1">${d.confirmDelete(this.titleOf(item).text)}</p>
          <div class="actions">
            <button part="button" class="danger" @click=${() => void this.deleteDecision(item)}>${d.delete}</button>
            <button part="button" class="secondary" @click=${() => void this.cancelDelete()}>${this.at.cancel}</button>
          </div>
        </div>
      </td>
    </tr>`;
  }

  /** The languages to edit: the site's, and any other the decision already has text in. */
  private formLanguages(draft: Draft): Lang[] {
    const used = (lang: Lang) => TEXT_FIELDS.some((field) => draft[field][lang].trim());
    return LANGS.filter((lang) => (this.siteLanguages ?? LANGS).includes(lang) || used(lang));
  }

  private renderEditor(editing: Editing) {
    const d = this.d;
    const draft = editing.draft;
    return html`<tr>
      <td class="inline" colspan="6">
        <section class="editor" aria-labelledby="edit-heading" @keydown=${this.onEditorKey}>
          <h4 id="edit-heading" tabindex="-1">${d.editHeading(this.titleOf(editing.row).text)}</h4>
          ${!draft
            ? editing.failed
              ? html`<p class="notice" role="alert">${editing.failed}</p>
                  <button part="button" class="secondary" @click=${() => void this.close()}>${this.at.cancel}</button>`
              : html`<p class="meta">${this.at.loading}</p>`
            : this.renderForm(draft)}
        </section>
      </td>
    </tr>`;
  }

  private renderForm(draft: Draft) {
    const d = this.d;
    const languages = this.formLanguages(draft);
    const dirty = this.dirty;
    return html`${this.asking ? this.renderAsk() : nothing}
      <form novalidate @submit=${this.save}>
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
        ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
        ${dirty ? html`<p class="hint unsaved">${d.unsaved}</p>` : nothing}
        <div class="actions">
          <button part="button" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? d.saving : d.save}</button>
          <button part="button" type="button" class="secondary cancel" @click=${() => void this.requestClose()}>${this.at.cancel}</button>
        </div>
      </form>`;
  }

  private textField(field: TextField, lang: Lang, first: boolean) {
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

  private renderAsk() {
    const d = this.d;
    return html`<div class="confirm" role="alertdialog" aria-labelledby="ask-text" @keydown=${this.onAskKey}>
      <p id="ask-text" tabindex="-1">${d.discardQuestion}</p>
      <div class="actions">
        <button part="button" class="danger" @click=${() => void this.discard()}>${d.discard}</button>
        <button part="button" class="secondary" @click=${() => void this.keepEditing()}>${d.keepEditing}</button>
      </div>
    </div>`;
  }

  private renderImport() {
    const d = this.d;
    const run = this.run;
    const busy = this.importing;
    return html`<section class="import" aria-labelledby="import-heading">
      <h3 id="import-heading">${d.importHeading}</h3>
      <p class="hint" id="import-help">${d.importHelp}</p>
      <p class="hint" id="import-format">${d.importFormat} <code>${DOCS}</code>.</p>
      <form @submit=${this.startImport}>
        <div class="field">
          <label for="import-file">${d.file}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".json,.ndjson,application/json,application/x-ndjson"
            ?disabled=${busy}
            aria-invalid=${this.fileError ? 'true' : 'false'}
            aria-describedby=${this.fileError ? 'import-help import-format import-error' : 'import-help import-format'}
            @change=${() => (this.fileError = '')}
          />
          ${this.fileError ? html`<p class="error" id="import-error" role="alert">${this.fileError}</p>` : nothing}
        </div>
        <button part="button" aria-disabled=${busy ? 'true' : 'false'}>${d.import}</button>
      </form>
      ${run ? this.renderRun(run) : nothing}
    </section>`;
  }

  private renderRun(run: ImportRun) {
    const d = this.d;
    const n = (count: number) => count.toLocaleString(this.language);
    return html`${run.ahjo && run.phase !== 'converting' ? html`<p>${d.converted(run.ahjo.records, run.total)}</p>` : nothing}
      ${run.phase === 'reading' || run.phase === 'converting'
        ? html`<p class="meta">${run.phase === 'reading' ? d.reading : d.converting}</p>`
        : html`<div class="field">
            <label for="import-progress">${d.progress(run.sent, run.total)}</label>
            <progress id="import-progress" max=${run.total} value=${run.sent}></progress>
          </div>`}
      ${run.error ? html`<p class="notice error" role="alert">${run.error}</p>` : nothing}
      ${run.phase === 'done' || run.phase === 'failed'
        ? html`<section class="report" aria-labelledby="report-heading">
            <h4 id="report-heading" tabindex="-1">${d.reportHeading}</h4>
            <dl>
              <dt>${d.created}</dt>
              <dd class="created">${n(run.created)}</dd>
              <dt>${d.updated}</dt>
              <dd class="updated">${n(run.updated)}</dd>
              <dt>${d.rejected}</dt>
              <dd class="rejected">${n(run.rejected)}</dd>
            </dl>
            ${run.errors.length
              ? html`${run.ahjo ? html`<p class="hint">${d.ahjoLines}</p>` : nothing}
                  <div class="scroll" tabindex="0" role="region" aria-label=${d.rejectedCaption}>
                    <table class="rejections">
                      <caption>${d.rejectedCaption}</caption>
                      <thead>
                        <tr><th scope="col">${d.line}</th><th scope="col">${d.sourceId}</th><th scope="col">${d.reasons}</th></tr>
                      </thead>
                      <tbody>
                        ${run.errors.map(
                          (e) => html`<tr>
                            <th scope="row">${e.line}</th>
                            <td>${e.sourceId ? html`<code>${e.sourceId}</code>` : '–'}</td>
                            <td>${e.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join(' · ')}</td>
                          </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>`
              : nothing}
            ${run.omitted ? html`<p>${d.omitted(run.omitted)}</p>` : nothing}
          </section>`
        : nothing}`;
  }

  // ---------------------------------------------------------------------------------------------
  // List and search

  private applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filter = { q: String(data.get('q') ?? '').trim(), organ: String(data.get('organ') ?? '') };
    this.items = undefined;
    this.next = null;
    void this.fetchPage(false, true);
  }

  private focusRow(id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`button[data-edit="${CSS.escape(id)}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#list-heading');
    target?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Editing

  /** The fields that differ from the decision as it was loaded, as the API takes them. */
  private changes(): Record<string, unknown> {
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

  private get dirty(): boolean {
    return Object.keys(this.changes()).length > 0;
  }

  private setDraft(change: Partial<Draft>): void {
    if (!this.editing?.draft) return;
    this.editing = { ...this.editing, draft: { ...this.editing.draft, ...change } };
  }

  private async openEdit(item: Summary): Promise<void> {
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

  private async startEdit(item: Summary): Promise<void> {
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
      this.editing = { ...this.editing, failed: error instanceof ApiRequestError && error.status !== 429 ? error.message : this.errorMessage(error, this.at.loadFailed) };
    }
  }

  private readonly onEditorKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    void this.requestClose();
  };

  private readonly onAskKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault(); // the editor's own Escape would ask again
    event.stopPropagation();
    void this.keepEditing();
  };

  /** Cancel or Escape: closes the form, asking first if it has unsaved changes. */
  private async requestClose(): Promise<void> {
    if (!this.dirty) return this.close();
    this.asking = { kind: 'cancel' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ask-text')?.focus();
  }

  private async close(): Promise<void> {
    const id = this.editing?.id;
    this.editing = undefined;
    this.asking = undefined;
    this.errors = {};
    this.formError = '';
    await this.updateComplete;
    if (id) this.focusRow(id);
  }

  private async discard(): Promise<void> {
    const ask = this.asking;
    this.asking = undefined;
    if (ask?.kind === 'switch') await this.startEdit(ask.next);
    else await this.close();
  }

  private async keepEditing(): Promise<void> {
    this.asking = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#edit-heading')?.focus();
  }

  /** Turns the API's validation issues into messages at their fields, in the console's language. */
  private fieldErrors(issues: ErrorIssue[]): Record<string, string> {
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

  private async save(event: SubmitEvent): Promise<void> {
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
      this.status = this.d.saved(this.titleOf(saved).text);
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
        this.formError = error instanceof ApiRequestError && error.status !== 429 ? `${this.d.saveFailed} ${error.message}` : this.errorMessage(error, this.d.saveFailed);
      }
    } finally {
      this.saving = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Deleting

  private async askDelete(item: Summary): Promise<void> {
    this.deleting = item;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#delete-text')?.focus();
  }

  private async cancelDelete(): Promise<void> {
    const id = this.deleting?.id;
    this.deleting = undefined;
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>(`button[data-delete="${CSS.escape(id)}"]`)?.focus();
  }

  private async deleteDecision(item: Summary): Promise<void> {
    const title = this.titleOf(item).text;
    try {
      await this.call('DELETE', `decisions/${encodeURIComponent(item.id)}`);
    } catch (error) {
      this.status = error instanceof ApiRequestError && error.status !== 429 ? error.message : this.errorMessage(error, this.at.loadFailed);
      await this.cancelDelete();
      return;
    }
    const items = this.items ?? [];
    const after = items[items.findIndex((i) => i.id === item.id) + 1];
    this.items = items.filter((i) => i.id !== item.id);
    this.deleting = undefined;
    if (this.editing?.id === item.id) {
      this.editing = undefined;
      this.asking = undefined;
    }
    this.status = this.d.deleted(title);
    await this.updateComplete;
    if (after) this.focusRow(after.id);
    else this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Importing

  private async startImport(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.importing) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file')!;
    const file = input.files?.[0];
    if (!file) {
      this.fileError = this.d.chooseFile;
      input.focus();
      return;
    }
    this.fileError = '';
    const run: ImportRun = { phase: 'reading', total: 0, sent: 0, created: 0, updated: 0, rejected: 0, errors: [], omitted: 0, error: '' };
    this.run = run;
    let source: Source;
    try {
      source = await this.readSource(file, (phase) => (this.run = { ...run, phase }));
    } catch (error) {
      this.run = undefined;
      this.fileError = error instanceof FileProblem ? error.message : this.d.notReadable;
      await this.updateComplete;
      input.focus();
      return;
    }
    run.ahjo = source.ahjo;
    run.total = source.total;
    run.phase = 'sending';
    this.run = { ...run };
    await this.sendAll(source, run);
    if (run.created + run.updated > 0) {
      void this.fetchOrgans();
      void this.fetchPage(false);
    }
  }

  /** The file as records with their lines: a JSON array, NDJSON, or an Ahjo export converted here. */
  private async readSource(file: File, phase: (phase: 'reading' | 'converting') => void): Promise<Source> {
    const d = this.d;
    let text: string;
    try {
      text = await file.text();
    } catch {
      throw new FileProblem(d.notReadable);
    }
    const start = text.search(/\S/);
    if (start < 0) throw new FileProblem(d.emptyFile);
    const first = text[start];
    if (first !== '[' && first !== '{') throw new FileProblem(d.unknownShape(DOCS));

    let whole: unknown;
    let parsed = false;
    try {
      whole = JSON.parse(text);
      parsed = true;
    } catch (error) {
      // NDJSON is not one JSON value; an array that is not JSON is broken.
      if (first === '[') throw new FileProblem(d.notJson(error instanceof Error ? error.message : String(error)));
    }

    if (parsed) {
      if (Array.isArray(whole)) {
        if (whole.length === 0) throw new FileProblem(d.emptyFile);
        if (isAhjoRecord(whole[0])) return this.convertAhjo(whole, phase);
        return arraySource(whole);
      }
      if (whole && typeof whole === 'object' && 'decisions' in whole) {
        const list = (whole as { decisions: unknown }).decisions;
        if (Array.isArray(list) && list.length === 0) throw new FileProblem(d.emptyFile);
        if (Array.isArray(list) && isAhjoRecord(list[0])) return this.convertAhjo(whole, phase);
        throw new FileProblem(d.unknownShape(DOCS));
      }
      return arraySource([whole]); // one decision on its own
    }

    // NDJSON: one record per line; blank lines skipped, but counted, as the API counts them.
    const lines = text.split('\n');
    const kept: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim()) kept.push(i);
      if (i % 20_000 === 19_999) await yieldToBrowser();
    }
    const head = lines[kept[0]!]!;
    let firstRecord: unknown;
    try {
      firstRecord = JSON.parse(head);
    } catch {
      // the API reports the line
    }
    if (isAhjoRecord(firstRecord)) {
      const records: unknown[] = [];
      for (const index of kept) {
        try {
          records.push(JSON.parse(lines[index]!));
        } catch (error) {
          throw new FileProblem(d.notJson(`${d.line} ${index + 1}: ${error instanceof Error ? error.message : String(error)}`));
        }
      }
      return this.convertAhjo(records, phase);
    }
    return { total: kept.length, record: (i) => ({ line: kept[i]! + 1, text: lines[kept[i]!]! }) };
  }

  /**
   * An Ahjo export as import records, by the mapping the CLI uses (scripts/lib/ahjo.ts), loaded
   * only when such a file is chosen. Converted a group at a time, so a big export does not
   * freeze the page: the language versions of one decision are grouped as `ahjoToImport` groups
   * them, then each group goes through `ahjoToImport` itself.
   */
  private async convertAhjo(json: unknown, phase: (phase: 'converting') => void): Promise<Source> {
    phase('converting');
    try {
      const ahjo = await import('../../scripts/lib/ahjo.ts');
      const records = ahjo.ahjoRecords(json);
      const groups = new Map<string, AhjoDecision[]>();
      for (const record of records) {
        const key = ahjo.decisionKey(record);
        const group = groups.get(key);
        if (group) group.push(record);
        else groups.set(key, [record]);
      }
      const converted: unknown[] = [];
      let done = 0;
      for (const group of groups.values()) {
        converted.push(...ahjo.ahjoToImport(group));
        if (++done % 100 === 0) await yieldToBrowser();
      }
      if (converted.length === 0) throw new FileProblem(this.d.emptyFile);
      return { ...arraySource(converted), ahjo: { records: records.length } };
    } catch (error) {
      if (error instanceof FileProblem) throw error;
      throw new FileProblem(this.d.ahjoFailed(error instanceof Error ? error.message : String(error)));
    }
  }

  /** Sends the records in batches of NDJSON, adding up the answers; stops at a batch that fails. */
  private async sendAll(source: Source, run: ImportRun): Promise<void> {
    const d = this.d;
    for (let i = 0; i < source.total; ) {
      const lines: number[] = [];
      const texts: string[] = [];
      let chars = 0;
      while (i < source.total && lines.length < BATCH_RECORDS) {
        const record = source.record(i);
        if (lines.length && chars + record.text.length + 1 > BATCH_CHARS) break;
        lines.push(record.line);
        texts.push(record.text);
        chars += record.text.length + 1;
        i++;
      }
      let report: Report;
      try {
        report = await this.postBatch(texts.join('\n') + '\n', texts);
      } catch (error) {
        const reason = error instanceof ApiRequestError && error.status !== 429 ? error.message : this.errorMessage(error, d.notReadable);
        run.phase = 'failed';
        run.error = d.batchFailed(lines[0]!, lines.at(-1)!, reason);
        this.run = { ...run };
        this.status = d.imported(run.created, run.updated, run.rejected);
        return;
      }
      run.created += report.created;
      run.updated += report.updated;
      run.rejected += report.rejected;
      run.omitted += report.errorsOmitted;
      for (const rejection of report.errors) {
        // The API numbers the lines of the batch; the report numbers the file's.
        const line = lines[rejection.line - 1] ?? rejection.line;
        if (run.errors.length < MAX_LISTED) run.errors.push({ ...rejection, line });
        else run.omitted++;
      }
      run.sent += lines.length;
      this.run = { ...run, errors: [...run.errors] };
    }
    run.phase = 'done';
    this.run = { ...run };
    this.status = d.imported(run.created, run.updated, run.rejected);
    // The report is what the official reads next: focus goes there, not back to the button.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#report-heading')?.focus();
  }

  /**
   * One batch to `POST …/decisions/import` as NDJSON. A batch the API refuses whole because none
   * of its records could be stored (400 `nothing_imported`) is a report like any other: every
   * record rejected, each with its reasons.
   */
  private async postBatch(body: string, texts: string[]): Promise<Report> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(this.client.url('decisions/import'), {
          method: 'POST',
          headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': NDJSON, Accept: 'application/json' },
          body,
          cache: 'no-store',
          signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS),
        });
      } catch (error) {
        // Not sent again: the batch may have been stored. Importing the file again is safe.
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        throw new NetworkError(timedOut ? 'The server took too long to answer.' : 'The server could not be reached.', timedOut);
      }
      if (response.ok) return (await response.json()) as Report;
      // Busy: nothing of the batch was stored, so it is sent again after a pause.
      if ((response.status === 429 || response.status === 503) && attempt < 4) {
        const after = Number(response.headers.get('Retry-After'));
        await new Promise((resolve) => setTimeout(resolve, Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : attempt * 2000, 30_000)));
        continue;
      }
      const error = await requestError(response);
      if (error.code !== 'nothing_imported') throw error;
      const byLine = new Map<number, Rejection>();
      for (const issue of error.issues) {
        const [line, ...path] = issue.path;
        if (typeof line !== 'number') continue;
        const entry = byLine.get(line) ?? { line, sourceId: sourceIdOf(texts[line - 1] ?? ''), issues: [] };
        entry.issues.push({ path, message: issue.message });
        byLine.set(line, entry);
      }
      return { created: 0, updated: 0, rejected: texts.length, errors: [...byLine.values()].sort((a, b) => a.line - b.line), errorsOmitted: Math.max(0, texts.length - byLine.size) };
    }
  }
}

/** Records of a parsed array: each sent as one NDJSON line, numbered as the API numbers an array (index + 1). */
function arraySource(items: unknown[]): Source {
  return { total: items.length, record: (i) => ({ line: i + 1, text: JSON.stringify(items[i]) ?? 'null' }) };
}

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-decisions': OsallistuAdminDecisions;
  }
}
