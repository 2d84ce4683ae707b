import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { DecisionTerm, TermLabel } from '../../../worker/schema/decisions.ts';
import { ApiRequestError } from '../../core/api-client.ts';
import { LANGS } from '../../core/i18n.ts';
import type { Lang } from '../../locales/messages.ts';
import { explainError, said } from '../ui/errors.ts';
import type { Said } from '../ui/errors.ts';
import { actionVerb } from '../ui/content-lang.ts';
import { DecisionEditor } from './editor.ts';

type Term = z.infer<typeof DecisionTerm>;
type Label = z.infer<typeof TermLabel>;
type Kind = Term['kind'];

/** The API's limit of a label (worker/schema/decisions.ts). */
const LABEL_MAX = 100;
const keyOf = (term: Pick<Term, 'kind' | 'value'>) => `${term.kind}:${term.value}`;
const cleanLabel = (label: Label): Label => Object.fromEntries(LANGS.map((lang) => [lang, label[lang]?.trim() ?? '']).filter(([, text]) => text));

/**
 * The names of the decisions' topics and districts in Finnish, Swedish and English: a table of the
 * terms (a list on a phone), three fields each, each term saved by itself with its outcome said
 * beside it. The list of decisions shows the names in the official's language.
 */
export abstract class DecisionTerms extends DecisionEditor {
  @state() protected terms?: Term[];
  @state() protected termsFailed?: Said;
  /** The names by slug, as the list pages and the saves have told them. */
  @state() protected labels: Record<string, Label> = {};
  /** What the fields hold, by term key; the term's saved names until typed in. */
  @state() private termDrafts: Record<string, Label> = {};
  /** Errors by "key.lang", or by key for the term as a whole. */
  @state() private termErrors: Record<string, Said> = {};
  @state() private termNotes: Record<string, string> = {};
  @state() private termSaving = '';

  protected async fetchTerms(): Promise<void> {
    try {
      const { items } = await this.call<{ items: Term[] }>('GET', 'decision-terms');
      this.terms = items;
      this.termsFailed = undefined;
      this.labels = { ...this.labels, ...Object.fromEntries(items.map((t) => [t.value, t.label])) };
    } catch (error) {
      await this.stringsReady();
      this.termsFailed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  /** A topic's or district's name in the console's language, else its slug (marked as the site's first language's word). */
  protected termName(value: string): { text: string; lang?: Lang } {
    const own = this.labels[value]?.[this.language];
    if (own) return { text: own };
    return { text: value, lang: this.siteLang ?? this.siteLanguages?.[0] ?? 'fi' };
  }

  protected get termsChanged(): boolean {
    return (this.terms ?? []).some((term) => {
      const draft = this.termDrafts[keyOf(term)];
      return draft !== undefined && LANGS.some((lang) => (draft[lang]?.trim() ?? '') !== (term.label[lang] ?? ''));
    });
  }

  protected renderTerms() {
    const d = this.d;
    return html`<section class="terms" aria-labelledby="terms-heading">
      <h3 id="terms-heading">${d.termsHeading}</h3>
      <p class="hint">${d.termsHelp}</p>
      ${this.termsFailed
        ? html`<p class="notice" role="alert">${said(this.termsFailed)}</p>
            <button part="button" class="secondary" @click=${() => void this.fetchTerms()}>${this.t.retry}</button>`
        : !this.terms
          ? html`<p class="meta">${this.at.loading}</p>`
          : this.terms.length === 0
            ? html`<p>${d.termsEmpty}</p>`
            : html`<div class="table-wrap">
                <table class="responsive terms-table">
                  <caption class="visually-hidden">${d.termsHeading}</caption>
                  <thead>
                    <tr>
                      <th scope="col">${d.term}</th>
                      ${LANGS.map((lang) => html`<th scope="col" id=${`term-col-${lang}`}>${d.inLang[lang]}</th>`)}
                      <th scope="col" class="num">${d.termCount}</th>
                      <th scope="col"><span class="visually-hidden">${this.at.ui.actions}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.terms.map((term, i) => this.renderTerm(term, i))}
                  </tbody>
                </table>
              </div>`}
    </section>`;
  }

  private renderTerm(term: Term, index: number) {
    const d = this.d;
    const key = keyOf(term);
    const draft = this.termDrafts[key] ?? term.label;
    const kind = d.termKinds[term.kind];
    const whole = this.termErrors[key];
    const note = this.termNotes[key] ?? '';
    return html`<tr data-term=${key}>
      <th scope="row" id=${`term-${index}-name`}><span class="meta">${kind}</span> <code class="nowrap">${term.value}</code></th>
      ${LANGS.map((lang) => {
        const id = `term-${index}-${lang}`;
        const error = this.termErrors[`${key}.${lang}`];
        // Named by its row and column headers ("Aihe kaavoitus Ruotsiksi"), which are in the console's
        // language: an aria-label on an input with lang="sv" would be read as Swedish.
        return html`<td data-label=${d.inLang[lang]}>
          <input
            id=${id}
            lang=${lang}
            maxlength=${LABEL_MAX}
            autocomplete="off"
            aria-labelledby=${`term-${index}-name term-col-${lang}`}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `${id}-error` : nothing}
            .value=${draft[lang] ?? ''}
            @input=${(e: Event) => this.typeTerm(term, lang, (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              void this.saveTerm(term, index);
            }}
          />
          ${error ? html`<p class="error" id=${`${id}-error`}>${said(error)}</p>` : nothing}
        </td>`;
      })}
      <td class="num" data-label=${d.termCount}>${term.count.toLocaleString(this.language)}</td>
      <td>
        <div class="row-actions">
          ${actionVerb(`term-${index}-verb`, `${d.saveTermNamed}:`)}
          <button part="button" class="secondary" data-save-term=${key} aria-labelledby=${`term-${index}-verb term-${index}-name`} aria-disabled=${this.termSaving === key ? 'true' : 'false'} @click=${() => void this.saveTerm(term, index)}>
            ${d.saveTerm}
          </button>
        </div>
        <p class=${whole ? 'error' : 'meta'} aria-live="polite" id=${`term-${index}-note`}>${whole ? html`${this.d.termNotSaved} ${said(whole)}` : note}</p>
      </td>
    </tr>`;
  }

  private typeTerm(term: Term, lang: Lang, text: string): void {
    const key = keyOf(term);
    this.termDrafts = { ...this.termDrafts, [key]: { ...(this.termDrafts[key] ?? term.label), [lang]: text } };
    const { [`${key}.${lang}`]: _field, [key]: _whole, ...errors } = this.termErrors;
    this.termErrors = errors;
    this.termNotes = { ...this.termNotes, [key]: '' };
  }

  private async saveTerm(term: Term, index: number): Promise<void> {
    const key = keyOf(term);
    if (this.termSaving) return;
    const d = this.d;
    const label = cleanLabel(this.termDrafts[key] ?? term.label);
    this.termSaving = key;
    this.termErrors = Object.fromEntries(Object.entries(this.termErrors).filter(([k]) => k !== key && !k.startsWith(`${key}.`)));
    this.termNotes = { ...this.termNotes, [key]: '' };
    try {
      const saved = await this.call<Term>('PUT', `decision-terms/${term.kind}/${encodeURIComponent(term.value)}`, { label });
      this.terms = this.terms?.map((t) => (keyOf(t) === key ? saved : t));
      const { [key]: _draft, ...drafts } = this.termDrafts;
      this.termDrafts = drafts;
      this.labels = { ...this.labels, [saved.value]: saved.label };
      this.termNotes = { ...this.termNotes, [key]: d.termSaved(term.value) };
    } catch (error) {
      const errors: Record<string, Said> = {};
      if (error instanceof ApiRequestError && error.status === 400) {
        for (const issue of error.issues) {
          const lang = LANGS.find((l) => l === issue.path[1]);
          if (issue.path[0] === 'label' && lang) errors[`${key}.${lang}`] ??= issue.code === 'too_big' ? { text: d.labelTooLong } : { text: issue.message, lang: 'en' };
        }
      }
      errors[key] = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
      this.termErrors = { ...this.termErrors, ...errors };
      const first = LANGS.find((lang) => errors[`${key}.${lang}`]);
      if (first) await this.focusOn(`#term-${index}-${first}`);
    } finally {
      this.termSaving = '';
    }
  }
}
