import { css, html } from 'lit';
import { state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { AwaitingCase } from '../../worker/schema/cases.ts';
import { roleAllows } from '../../worker/schema/roles.ts';
import { defineElement } from '../core/define.ts';
import { localized } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';
import { actionVerb } from './ui/content-lang.ts';
import { explainError, said } from './ui/errors.ts';
import type { Said, StatusMessage } from './ui/errors.ts';
import { statusBadge, toneOf } from './ui/status-badge.ts';

/**
 * As core/format.ts's LOCALES, written here: importing that one name from the console would make
 * the shared chunk every resident loads export it too (37 B brotli on a page with one poll).
 */
const NUMBER_LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' } as const;

type Awaiting = z.infer<typeof AwaitingCase>;

/**
 * The cases residents were asked about — a published poll or feedback form carrying the case's
 * number — on which no decision has been published yet: by case number, with the polls and their
 * answers, the forms, the feedback sent and the residents waiting for the one email. Each poll
 * and form links to where the console opens it (`#polls/ID`, `#forms/ID`) when the role allows.
 */
export class OsallistuAdminCases extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      ul.linked {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.linked li + li {
        margin-block-start: 0.5rem;
      }
      ul.linked .badge {
        margin-inline-end: 0.5rem;
      }
      th[scope='row'] {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private items?: Awaiting[];
  @state() private failed: Said | string = '';
  @state() private loading = false;
  @state() private status: StatusMessage = '';
  /** The site's languages: a question or title falls back through them. */
  @state() private languages?: Lang[];

  protected override resourceId(): string {
    return this.token && 'cases/awaiting';
  }

  protected override async fetchResource(): Promise<void> {
    void this.client.get<{ languages: Lang[]; defaultLang: Lang }>('').then(
      (site) => (this.languages = [site.defaultLang, ...site.languages.filter((l) => l !== site.defaultLang)]),
      () => undefined, // names then fall back through every language
    );
    await this.load(false);
  }

  /** Reads the list; `announce` says in the status line how many cases await a decision now. */
  private async load(announce: boolean): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    // Emptied first, so the same sentence again is still read out.
    this.status = '';
    try {
      this.items = (await this.call<{ items: Awaiting[] }>('GET', 'cases/awaiting')).items;
      this.failed = '';
      if (announce) {
        await this.stringsReady();
        this.status = this.at.cases.refreshed(this.items.length);
      }
    } catch (error) {
      await this.stringsReady();
      this.items = undefined;
      this.failed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    } finally {
      this.loading = false;
    }
  }

  private get canEdit(): boolean {
    return Boolean(this.official && roleAllows(this.official.role, 'editor'));
  }

  private count(n: number): string {
    return n.toLocaleString(NUMBER_LOCALES[this.language]);
  }

  override render() {
    const t = this.at.cases;
    return html`<h2>${t.heading}</h2>
      <p>${t.intro}</p>
      <p><button part="button" class="secondary" id="refresh" aria-disabled=${this.loading ? 'true' : 'false'} @click=${() => void this.load(true)}>${t.refresh}</button></p>
      <p class="meta" role="status">${said(this.status)}</p>
      <div class="cases" aria-busy=${this.loading ? 'true' : 'false'}>${this.renderList()}</div>`;
  }

  private renderList() {
    const t = this.at.cases;
    if (this.failed) return html`<p class="notice" role="alert">${said(this.failed)}</p><button part="button" id="retry" @click=${() => void this.load(false)}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p class="empty">${t.empty}</p><p class="hint">${t.emptyHelp}</p>`;
    return html`<div class="table-wrap">
      <table class="responsive">
        <caption class="visually-hidden">${t.heading}</caption>
        <thead>
          <tr>
            <th scope="col">${t.caseId}</th>
            <th scope="col">${t.polls}</th>
            <th scope="col">${t.forms}</th>
            <th scope="col" class="num">${t.feedback}</th>
            <th scope="col" class="num">${t.waiting}</th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map((item, i) => this.renderRow(item, i))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(item: Awaiting, i: number) {
    const t = this.at.cases;
    return html`<tr data-case=${item.caseId}>
      <th scope="row">${item.caseId}</th>
      <td data-label=${t.polls}>${item.polls.length ? html`<ul class="linked">${item.polls.map((poll) => this.renderPoll(poll, i))}</ul>` : '–'}</td>
      <td data-label=${t.forms}>${item.forms.length ? html`<ul class="linked">${item.forms.map((form) => this.renderForm(form, i))}</ul>` : '–'}</td>
      <td data-label=${t.feedback} class="num">${this.count(item.feedback)}</td>
      <td data-label=${t.waiting} class="num">${this.count(item.waiting)}</td>
    </tr>`;
  }

  /** A poll's question (in its own language), its status and its answers; a link to it where the console opens it. */
  private renderPoll(poll: Awaiting['polls'][number], row: number) {
    const t = this.at.cases;
    const question = localized(poll.question, this.language, this.languages);
    const key = `${row}-poll-${poll.id}`;
    const name = html`<span lang=${question.lang} id=${`name-${key}`}>${question.text || poll.id}</span>`;
    return html`<li data-poll=${poll.id}>
      ${actionVerb(`verb-${key}`, this.canEdit ? t.editPoll : t.pollResults)}
      <a href=${`#polls/${encodeURIComponent(poll.id)}`} aria-labelledby=${`verb-${key} name-${key}`}>${name}</a><br />
      ${statusBadge(this.at.polls.statuses[poll.status], toneOf(poll.status))} <span class="nowrap">${t.ballots(poll.ballots)}</span>
    </li>`;
  }

  /** A form's title and status; a link to its editor for those who may edit forms. */
  private renderForm(form: Awaiting['forms'][number], row: number) {
    const t = this.at.cases;
    const title = localized(form.title, this.language, this.languages);
    const key = `${row}-form-${form.id}`;
    const name = html`<span lang=${title.lang} id=${`name-${key}`}>${title.text || form.id}</span>`;
    return html`<li data-form=${form.id}>
      ${this.canEdit
        ? html`${actionVerb(`verb-${key}`, t.editForm)}<a href=${`#forms/${encodeURIComponent(form.id)}`} aria-labelledby=${`verb-${key} name-${key}`}>${name}</a>`
        : name}<br />
      ${statusBadge(this.at.polls.statuses[form.status], toneOf(form.status))}
    </li>`;
  }
}

defineElement('osallistu-admin-cases', OsallistuAdminCases);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-cases': OsallistuAdminCases;
  }
}
