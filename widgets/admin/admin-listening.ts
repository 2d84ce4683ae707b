import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { FormView } from '../../worker/schema/forms.ts';
import type { ListeningReport } from '../../worker/schema/listening.ts';
import { defineElement } from '../core/define.ts';
import { formatDate, LOCALES } from '../core/format.ts';
import { Catalog, LANGS, localized } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { period } from '../../worker/listening/period.ts';
import { AdminView } from './admin-view.ts';
import { languageList, renderRising, renderTheme, themeStyles } from './admin-listening-theme.ts';
import type { ThemeContext } from './admin-listening-theme.ts';
import type { ListeningMessages } from './locales/listening/messages.ts';
import { explainError, said } from './ui/errors.ts';
import type { Said, StatusMessage } from './ui/errors.ts';

type Form = z.infer<typeof FormView>;

/** The view's own strings, one chunk per language, loaded only with the view. */
export const listeningMessages = new Catalog<ListeningMessages>({
  fi: () => import('./locales/listening/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/listening/sv.ts').then((m) => m.sv),
  en: () => import('./locales/listening/en.ts').then((m) => m.en),
});

/** What the report is narrowed to: a form and its topic, a period (YYYY-MM-DD, Finnish time), a language. */
export interface ListeningFilters {
  form: string;
  topic: string;
  from: string;
  to: string;
  language: '' | Lang;
}

/** The last 365 days up to today in Finnish time: the API's own default period. */
export const lastYear = (now = new Date()) => period({}, now);

/** The filters as the API's query: only what narrows the report. */
export function filterQuery(filters: ListeningFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ['form', 'topic', 'from', 'to', 'language'] as const) if (filters[key]) query.set(key, filters[key]);
  return query;
}

/** "fi" as "Suomi" in a menu (running text writes it small in Finnish and Swedish). */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** A `lang` for an `<option>` whose text is in another language than the console's (an option holds no spans). */
const optionLang = (value: LocalizedValue, lang: Lang) => (value.lang === lang ? nothing : value.lang);

/**
 * Listening (issue 19), for moderators, editors and owners: what residents write, grouped into
 * themes, for a Monday morning's reading. Narrowed by form, topic, period and language; each
 * theme with its size and share, its trend, topics, places and languages, and residents' own
 * words quoted (personal data shown as removed, each quote linked to its feedback); what is
 * rising now as tables; the report shown downloadable as Excel or CSV. The report's loading,
 * emptiness and failure are said politely in one status line.
 */
export class OsallistuAdminListening extends AdminView {
  static override catalogs = [...AdminView.catalogs, listeningMessages];
  static override styles = [
    ...AdminView.styles,
    themeStyles,
    css`
      .filters input[type='date'] {
        max-inline-size: 100%;
      }
      /* Under the whole row, so that the fields stay in line. */
      .filters .form-help {
        flex-basis: 100%;
        margin: 0;
      }
      .about {
        margin: 0 0 1rem;
      }
      .about p {
        margin: 0 0 0.5rem;
      }
      .report-status {
        font-weight: 700;
      }
      .report {
        margin: 0 0 1rem;
      }
    `,
  ];

  @state() private forms: Form[] = [];
  /** The filters of the report asked for (and shown). */
  @state() private applied: ListeningFilters = { form: '', topic: '', language: '', ...lastYear() };
  /** The form chosen in the filter, before it is applied: its topics are offered. */
  @state() private picked = '';
  @state() private report?: ListeningReport;
  @state() private loading = false;
  @state() private failed: Said | string = '';
  /** The period's error at its "from" field: it starts after it ends. */
  @state() private periodError = '';
  /** The downloads' status line. */
  @state() private status: StatusMessage = '';
  @state() private progress = '';

  protected get l(): ListeningMessages {
    return listeningMessages.get(this.language);
  }

  protected override resourceId(): string {
    return this.token && 'listening';
  }

  protected override async fetchResource(): Promise<void> {
    void this.call<{ items: Form[] }>('GET', 'forms').then(
      (answer) => (this.forms = answer.items),
      () => undefined, // the report works without the forms' names; topics are then shown by their ids
    );
    await this.load();
  }

  /** Which read is the latest: an answer for older filters that arrives late is dropped. */
  #seq = 0;

  private async load(): Promise<void> {
    const mine = ++this.#seq;
    this.loading = true;
    this.failed = '';
    this.report = undefined;
    try {
      const report = await this.call<ListeningReport>('GET', `listening?${filterQuery(this.applied)}`);
      if (mine !== this.#seq) return;
      this.report = report;
    } catch (error) {
      if (mine !== this.#seq) return;
      await this.stringsReady();
      this.failed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.l.failed));
    } finally {
      if (mine === this.#seq) this.loading = false;
    }
  }

  private form(id: string) {
    return this.forms.find((f) => f.id === id);
  }

  /** A topic by its name: the chosen form's category, else any form's of that id, else the id itself. */
  private topicName(id: string): LocalizedValue {
    const forms = [this.form(this.applied.form), ...this.forms].filter((f): f is Form => Boolean(f));
    for (const form of forms) {
      const category = form.categories?.find((c) => c.id === id);
      if (category) return localized(category.label, this.language, form.languages);
    }
    return { text: id, lang: this.language };
  }

  override render() {
    const l = this.l;
    return html`<h2 id="listening-heading" tabindex="-1">${l.heading}</h2>
      <div class="about">
        <p>${l.intro}</p>
        <p class="tone">${l.noTone}</p>
        <p class="removed-note">${l.removedNote}</p>
      </div>
      ${this.renderFilters()}
      <p class=${this.failed ? 'report-status error' : 'report-status'} role="status">${this.reportStatus()}</p>
      <div class="report" aria-busy=${this.loading ? 'true' : 'false'}>${this.renderReport()}</div>`;
  }

  private renderFilters() {
    const t = this.l.filters;
    const f = this.applied;
    const form = this.form(this.picked);
    return html`<form class="filters actions" aria-label=${t.label} novalidate @submit=${this.apply}>
      <div class="field">
        <label for="listening-form">${t.form}</label>
        <select id="listening-form" name="form" aria-describedby="listening-form-help" @change=${(e: Event) => (this.picked = (e.target as HTMLSelectElement).value)}>
          <option value="">${t.allForms}</option>
          ${this.forms.map((form) => {
            const title = localized(form.title, this.language, form.languages);
            return html`<option value=${form.id} lang=${optionLang(title, this.language)} .selected=${form.id === this.picked}>${title.text || form.id}</option>`;
          })}
        </select>
      </div>
      ${form?.categories?.length
        ? html`<div class="field">
            <label for="listening-topic">${t.topic}</label>
            <select id="listening-topic" name="topic">
              <option value="">${t.allTopics}</option>
              ${form.categories.map((c) => {
                const label = localized(c.label, this.language, form.languages);
                return html`<option value=${c.id} lang=${optionLang(label, this.language)} .selected=${form.id === f.form && c.id === f.topic}>${label.text}</option>`;
              })}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="listening-from">${t.from}</label>
        <input
          id="listening-from"
          name="from"
          type="date"
          .value=${f.from}
          aria-invalid=${this.periodError ? 'true' : 'false'}
          aria-describedby=${this.periodError ? 'listening-from-error' : nothing}
        />
        ${this.periodError ? html`<p class="error" id="listening-from-error">${this.periodError}</p>` : nothing}
      </div>
      <div class="field">
        <label for="listening-to">${t.to}</label>
        <input id="listening-to" name="to" type="date" .value=${f.to} />
      </div>
      <div class="field">
        <label for="listening-language">${t.language}</label>
        <select id="listening-language" name="language">
          <option value="">${t.allLanguages}</option>
          ${LANGS.map((lang) => html`<option value=${lang} .selected=${lang === f.language}>${capitalised(this.l.languages[lang])}</option>`)}
        </select>
      </div>
      <button part="button" id="listening-show">${t.show}</button>
      <p class="hint form-help" id="listening-form-help">${t.formHelp}</p>
    </form>`;
  }

  /** The one line that says, politely, what the report is doing: reading, failed, empty, or what it holds. */
  private reportStatus() {
    const l = this.l;
    if (this.loading) return l.loading;
    if (this.failed) return said(this.failed);
    const report = this.report;
    if (!report) return nothing;
    const day = (d: string) => formatDate(`${d}T12:00:00Z`, this.language, 'medium');
    if (!report.texts) return `${l.empty} ${l.emptyHelp(this.tries())}`;
    return l.summary(report.texts, report.themes.length, day(report.period.from), day(report.period.to));
  }

  /** What to try when nothing was found: a longer period, and leaving out each narrowing chosen. */
  private tries(): string {
    const l = this.l;
    const tries = [l.tryPeriod];
    if (this.applied.form) tries.push(l.tryForm);
    if (this.applied.topic) tries.push(l.tryTopic);
    if (this.applied.language) tries.push(l.tryLanguage);
    return new Intl.ListFormat(LOCALES[this.language], { type: 'disjunction' }).format(tries);
  }

  private renderReport() {
    if (this.failed) return html`<button part="button" id="listening-retry" @click=${() => void this.retry()}>${this.t.retry}</button>`;
    const report = this.report;
    if (!report?.texts) return nothing;
    const l = this.l;
    const ctx: ThemeContext = { l, lang: this.language, topic: (id) => this.topicName(id) };
    return html`${this.renderExport()}
      <p class="report-languages">${l.reportLanguages(languageList(report.languages, ctx))}</p>
      ${report.unthemed ? html`<p class="unthemed">${l.unthemed(report.unthemed)}</p>` : nothing}
      <section class="themes" aria-labelledby="themes-heading">
        <h3 id="themes-heading">${l.themesHeading}</h3>
        <ol class="themes">
          ${report.themes.map((theme) => renderTheme(theme, ctx))}
        </ol>
      </section>
      ${renderRising(report.rising, report.themes, ctx)}`;
  }

  /** The report shown, as the API's files, with the filters it was read with and the console's language. */
  private renderExport() {
    const e = this.l.export;
    return html`<div class="actions export" role="group" aria-labelledby="export-heading">
        <p id="export-heading">${e.heading}</p>
        <button part="button" class="secondary" data-format="xlsx" @click=${() => void this.export('xlsx')}>${e.xlsx}</button>
        <button part="button" class="secondary" data-format="csv" @click=${() => void this.export('csv')}>${e.csv}</button>
      </div>
      <p class="meta" role="status" id="export-status">${said(this.status)}</p>
      ${this.progress ? html`<p class="meta">${this.progress}</p>` : nothing}`;
  }

  private async export(format: 'xlsx' | 'csv'): Promise<void> {
    const e = this.l.export;
    const query = filterQuery(this.applied);
    query.set('format', format);
    query.set('lang', this.language);
    this.status = '';
    try {
      this.progress = e.exporting('0');
      const file = await this.download(`listening/export?${query}`, (bytes) => {
        this.progress = e.exporting((bytes / 1024).toFixed(0));
      });
      this.status = e.exported(file);
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.l.failed));
    } finally {
      this.progress = '';
    }
  }

  /** Reads the report for the filters in the form; a period that ends before it starts is said at its field, and nothing is read. */
  private apply(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (key: string) => String(data.get(key) ?? '');
    const filters: ListeningFilters = { form: value('form'), topic: value('topic'), from: value('from'), to: value('to'), language: value('language') as ListeningFilters['language'] };
    if (filters.from && filters.to && filters.from > filters.to) {
      this.periodError = this.l.filters.fromAfterTo;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#listening-from')?.focus());
      return;
    }
    this.periodError = '';
    // A topic is a form's own: none without its form.
    if (!filters.form) filters.topic = '';
    this.applied = filters;
    this.status = '';
    void this.load();
  }

  /** A failed read tried again: focus goes from the retry button, which goes, to the heading. */
  private async retry(): Promise<void> {
    this.renderRoot.querySelector<HTMLElement>('#listening-heading')?.focus();
    await this.load();
  }
}

defineElement('osallistu-admin-listening', OsallistuAdminListening);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-listening': OsallistuAdminListening;
  }
}
