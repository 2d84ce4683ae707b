import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { FormView, SubmissionStatus, SubmissionView } from '../../worker/schema/forms.ts';
import { defineElement } from '../core/define.ts';
import { formatDate, formatDateTime } from '../core/format.ts';
import { localized } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';
import { inLang, withContent } from './ui/content-lang.ts';
import { explainError, said } from './ui/errors.ts';
import type { Said } from './ui/errors.ts';
import { statusBadge, toneOf } from './ui/status-badge.ts';

type Form = z.infer<typeof FormView>;
type Submission = z.infer<typeof SubmissionView>;
type Status = z.infer<typeof SubmissionStatus>;
type Reply = NonNullable<Submission['replies']>[number];
const STATUSES: Status[] = ['received', 'in_progress', 'answered', 'closed', 'spam'];

/**
 * How an answer reads in the queue: text as it is, choices by their labels, a place by its address.
 * What the resident wrote is in the language they sent it in; a choice's label is in its own.
 */
function answerText(form: Form | undefined, key: string, value: unknown, lang: Lang, sentIn: Lang): LocalizedValue[] {
  const field = form?.fields.find((f) => f.key === key);
  const label = (id: unknown) => {
    const option = field?.options?.find((o) => o.id === id);
    return option ? localized(option.label, lang, form!.languages) : { text: String(id), lang: sentIn };
  };
  if (Array.isArray(value)) return value.map(label);
  if (field?.type === 'choice') return [label(value)];
  if (typeof value === 'boolean') return [{ text: value ? '✓' : '–', lang }];
  if (value && typeof value === 'object') return [{ text: Object.values(value as Record<string, unknown>).join(', '), lang: sentIn }];
  return [{ text: String(value ?? ''), lang: sentIn }];
}

/** Parts in their own languages, joined by commas. */
const joined = (parts: LocalizedValue[], lang: Lang) => parts.map((part, i) => html`${i ? ', ' : ''}${inLang(part, lang)}`);

/** A `lang` for an `<option>` whose text is in another language than the console's (an option holds no spans). */
const optionLang = (value: LocalizedValue, lang: Lang) => (value.lang === lang ? nothing : value.lang);

/**
 * The moderation queue: filter by form and status, read a submission with its replies and
 * notes, reply (public or internal), change its status or mark it spam, or change many at once.
 */
export class OsallistuAdminFeedback extends AdminView {
  @state() private forms: Form[] = [];
  @state() private items?: Submission[];
  @state() private next: string | null = null;
  @state() private filter = { form: '', status: 'received', category: '' };
  /** The form chosen in the filter, before it is applied: its topics are offered. */
  @state() private picked = '';
  @state() private failed: Said | string = '';
  @state() private open?: Submission;
  @state() private replies?: Reply[];
  @state() private selected = new Set<string>();
  @state() private status: Said | string = '';
  @state() private draft = '';
  /** Whether the reply being written goes to the resident; off again after each save and for each submission opened. */
  @state() private replyPublic = false;
  /** The status the save sets: the current one until the official picks another (a public reply suggests "answered"). */
  @state() private nextStatus?: Status;
  /** Whether `nextStatus` is only the suggestion a public reply made, taken back if the box is unticked. */
  #suggested = false;
  @state() private progress = '';

  /** A submission to open, by its reference code (`#feedback/K7M-4QX`: the listening view's quotes link so). */
  @property({ attribute: false }) ref?: string;
  #openedRef?: string;

  protected override resourceId(): string {
    return this.token && 'feedback';
  }

  protected override updated(): void {
    if (!this.ref || this.ref === this.#openedRef || !this.token) return;
    this.#openedRef = this.ref;
    void this.openByRef(this.ref);
  }

  /** Opens one submission whatever the queue's filters show. */
  private async openByRef(ref: string): Promise<void> {
    try {
      const { items } = await this.call<{ items: Submission[] }>('GET', `submissions?${new URLSearchParams({ ref, limit: '1' })}`);
      if (items[0]) await this.read(items[0]);
      else this.failed = this.at.feedback.notFoundRef(ref);
    } catch (error) {
      await this.stringsReady();
      this.failed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  protected override async fetchResource(): Promise<void> {
    void this.call<{ items: Form[] }>('GET', 'forms').then(
      (answer) => (this.forms = answer.items),
      () => undefined, // the queue works without the form names
    );
    await this.fetchPage(false);
  }

  /** Which fetch is the latest: an answer for an older filter that arrives late is dropped. */
  #seq = 0;

  private async fetchPage(more: boolean): Promise<void> {
    const mine = ++this.#seq;
    const query = new URLSearchParams({ limit: '25' });
    if (this.filter.form) query.set('form', this.filter.form);
    if (this.filter.status) query.set('status', this.filter.status);
    if (this.filter.category) query.set('category', this.filter.category);
    if (more && this.next) query.set('cursor', this.next);
    try {
      const page = await this.call<{ items: Submission[]; nextCursor: string | null }>('GET', `submissions?${query}`);
      if (mine !== this.#seq) return;
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.next = page.nextCursor;
      this.failed = '';
    } catch (error) {
      await this.stringsReady();
      this.failed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  /** A reply being written. */
  override get hasUnsavedChanges(): boolean {
    return Boolean(this.draft.trim());
  }

  private form(id: string) {
    return this.forms.find((f) => f.id === id);
  }

  /** A form's title as shown, in the language it is really in. */
  private titleOf(form: Form): LocalizedValue {
    return localized(form.title, this.language, form.languages);
  }

  private categoryName(form: Form | undefined, id: string): LocalizedValue {
    const category = form?.categories?.find((c) => c.id === id);
    return category ? localized(category.label, this.language, form!.languages) : { text: id, lang: this.language };
  }

  override render() {
    const t = this.at.feedback;
    return html`<h2>${t.heading}</h2>
      <form class="filters actions" aria-label=${t.filterLabel} @submit=${this.applyFilter}>
        <div class="field">
          <label for="form">${t.form}</label>
          <select id="form" name="form" @change=${(e: Event) => (this.picked = (e.target as HTMLSelectElement).value)}>
            <option value="">${t.all}</option>
            ${this.forms.map((f) => {
              const title = this.titleOf(f);
              return html`<option value=${f.id} lang=${optionLang(title, this.language)} ?selected=${f.id === this.filter.form}>${title.text}</option>`;
            })}
          </select>
        </div>
        ${this.renderCategoryFilter()}
        <div class="field">
          <label for="status">${t.status}</label>
          <select id="status" name="status">
            <option value="">${t.all}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.filter.status}>${t.statuses[s]}</option>`)}
          </select>
        </div>
        <button part="button">${t.apply}</button>
      </form>
      ${this.filter.form ? this.renderExport(this.filter.form) : nothing}
      <p class="meta" role="status">${said(this.status)}</p>
      ${this.progress ? html`<p class="meta">${this.progress}</p>` : nothing}
      ${this.open ? this.renderOpen(this.open) : nothing} ${this.renderQueue()}`;
  }

  /** Topics are a form's own: offered once a form with topics is chosen. */
  private renderCategoryFilter() {
    const form = this.form(this.picked || this.filter.form);
    if (!form?.categories?.length) return nothing;
    const t = this.at.feedback;
    return html`<div class="field">
      <label for="category">${t.category}</label>
      <select id="category" name="category">
        <option value="">${t.all}</option>
        ${form.categories.map((c) => {
          const label = localized(c.label, this.language, form.languages);
          return html`<option value=${c.id} lang=${optionLang(label, this.language)} .selected=${c.id === this.filter.category}>${label.text}</option>`;
        })}
      </select>
    </div>`;
  }

  /** The chosen form's feedback in one click, as the API exports it (a viewer's export leaves contact details out). */
  private renderExport(id: string) {
    const form = this.form(id);
    const name = form ? this.titleOf(form) : { text: id, lang: this.language };
    return html`<div class="actions export" role="group" aria-labelledby="export-heading">
      <p id="export-heading">${withContent(this.at.feedback.exportHeading, name, this.language)}</p>
      ${(
        [
          ['csv', 'CSV'],
          ['xlsx', 'Excel'],
          ['json', 'JSON'],
        ] as const
      ).map(([format, label]) => html`<button part="button" class="secondary" @click=${() => void this.export(id, format)}>${label}</button>`)}
    </div>`;
  }

  private async export(form: string, format: string): Promise<void> {
    try {
      this.progress = this.at.polls.exporting('0');
      const file = await this.download(`forms/${encodeURIComponent(form)}/export?format=${format}`, (bytes) => {
        this.progress = this.at.polls.exporting((bytes / 1024).toFixed(0));
      });
      this.status = this.at.feedback.exported(file);
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    } finally {
      this.progress = '';
    }
  }

  private renderQueue() {
    const t = this.at.feedback;
    if (this.failed) return html`<p class="notice" role="alert">${said(this.failed)}</p><button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p>${t.empty}</p>`;
    const when = (iso: string) => formatDate(iso, this.language, 'medium', true);
    return html`<div class="table-wrap">
        <table class="responsive queue">
          <caption class="visually-hidden">${t.heading}</caption>
          <thead>
            <tr>
              <th scope="col">${t.ref}</th><th scope="col">${t.received}</th><th scope="col">${t.status}</th><th scope="col">${t.excerpt}</th>
              <th scope="col"><span class="visually-hidden">${this.at.ui.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.items.map((s) => {
              const form = this.form(s.form);
              const first = form?.fields.find((f) => f.type === 'longText' || f.type === 'shortText');
              const excerpt = first && Object.hasOwn(s.answers, first.key) ? String(s.answers[first.key]) : '';
              return html`<tr>
                <th scope="row">
                  <span class="nowrap">
                    <input type="checkbox" aria-label=${t.select(s.ref)} .checked=${this.selected.has(s.ref)} @change=${(e: Event) => this.select(s.ref, (e.target as HTMLInputElement).checked)} />
                    <code>${s.ref}</code>
                  </span>
                </th>
                <td data-label=${t.received}><time class="nowrap" datetime=${s.createdAt}>${when(s.createdAt)}</time></td>
                <td data-label=${t.status}>${statusBadge(t.statuses[s.status], toneOf(s.status))}</td>
                <td data-label=${t.excerpt}>${excerpt ? inLang({ text: excerpt.length > 120 ? `${excerpt.slice(0, 120)}…` : excerpt, lang: s.lang }, this.language) : nothing}</td>
                <td><button part="button" data-ref=${s.ref} aria-label=${`${t.read}: ${s.ref}`} @click=${() => void this.read(s)}>${t.read}</button></td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="actions">
        ${this.next ? html`<button part="button" class="secondary" @click=${() => void this.fetchPage(true)}>${this.at.loadMore}</button>` : nothing}
        ${this.selected.size
          ? html`<form class="actions" aria-label=${t.bulkStatus} @submit=${this.bulk}>
              <label for="bulk-status">${t.bulkStatus}</label>
              <select id="bulk-status" name="status">
                ${STATUSES.map((s) => html`<option value=${s}>${t.statuses[s]}</option>`)}
              </select>
              <button part="button">${t.bulkApply(this.selected.size)}</button>
            </form>`
          : nothing}
      </div>`;
  }

  private renderOpen(s: Submission) {
    const t = this.at.feedback;
    const form = this.form(s.form);
    const label = (key: string) => {
      const field = form?.fields.find((f) => f.key === key);
      return field ? inLang(localized(field.label, this.language, form!.languages), this.language) : key;
    };
    return html`<section class="panel submission" aria-labelledby="open-heading">
      <h3 id="open-heading" tabindex="-1"><span class="nowrap">${s.ref}</span> ${statusBadge(t.statuses[s.status], toneOf(s.status))}</h3>
      <p class="meta">${formatDateTime(s.createdAt, this.language)}${form ? html` · ${inLang(this.titleOf(form), this.language)}` : nothing}</p>
      ${s.context ? html`<p><strong>${t.about}:</strong> ${[s.context.subject, s.context.caseId, s.context.decision, s.context.video].filter(Boolean).join(' · ')}</p>` : nothing}
      <dl>
        ${Object.entries(s.answers).map(([key, value]) => html`<dt>${label(key)}</dt><dd>${joined(answerText(form, key, value, this.language, s.lang), this.language)}</dd>`)}
        ${s.category ? html`<dt>${t.category}</dt><dd>${inLang(this.categoryName(form, s.category), this.language)}</dd>` : nothing}
        <dt>${t.contact}</dt>
        <dd>${s.contact && Object.keys(s.contact).length ? Object.values(s.contact).join(', ') : t.noContact}</dd>
      </dl>
      <h4>${t.replies}</h4>
      ${!this.replies
        ? html`<p class="meta">${this.at.loading}</p>`
        : this.replies.length === 0
          ? html`<p>${t.noReplies}</p>`
          : html`<ul>
              ${this.replies.map((r) => html`<li><strong>${r.public ? t.publicReply : t.privateReply}</strong> · ${r.author} · ${formatDateTime(r.createdAt, this.language)}<br />${r.body}</li>`)}
            </ul>`}
      <form aria-label=${t.replyForm(s.ref)} @submit=${(e: SubmitEvent) => void this.save(e, s)}>
        <div class="field">
          <label for="reply">${t.reply}</label>
          <p class="hint" id="reply-help">${t.replyHelp}</p>
          <textarea id="reply" name="reply" rows="4" maxlength="10000" aria-describedby="reply-help" .value=${this.draft} @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}></textarea>
          ${this.draft.trim() ? html`<p class="hint">${t.unsaved}</p>` : nothing}
        </div>
        <label class="option"><input type="checkbox" name="public" .checked=${this.replyPublic} @change=${(e: Event) => this.setPublic(s, (e.target as HTMLInputElement).checked)} /> ${t.makePublic}</label>
        <div class="field">
          <label for="new-status">${t.newStatus}</label>
          <select id="new-status" name="status" @change=${this.pickStatus}>
            ${STATUSES.map((st) => html`<option value=${st} .selected=${st === (this.nextStatus ?? s.status)}>${t.statuses[st]}</option>`)}
          </select>
        </div>
        <div class="actions">
          <button part="button">${t.save}</button>
          <button part="button" type="button" class="secondary" @click=${() => void this.markSpam(s)}>${t.spam}</button>
          <button part="button" type="button" class="secondary" @click=${() => void this.closeOpen()}>${t.close}</button>
        </div>
      </form>
    </section>`;
  }

  private select(ref: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(ref);
    else next.delete(ref);
    this.selected = next;
  }

  private applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filter = { form: String(data.get('form') ?? ''), status: String(data.get('status') ?? ''), category: String(data.get('category') ?? '') };
    this.selected = new Set();
    this.items = undefined;
    void this.fetchPage(false);
  }

  /** A fresh reply: empty, internal, the status as it is. */
  private resetReply(): void {
    this.draft = '';
    this.replyPublic = false;
    this.nextStatus = undefined;
    this.#suggested = false;
  }

  private pickStatus(event: Event): void {
    this.nextStatus = (event.target as HTMLSelectElement).value as Status;
    this.#suggested = false;
  }

  /** Making a reply public suggests "answered" for feedback not yet answered; the official can change it. */
  private setPublic(s: Submission, on: boolean): void {
    this.replyPublic = on;
    if (on && !this.nextStatus && (s.status === 'received' || s.status === 'in_progress')) {
      this.nextStatus = 'answered';
      this.#suggested = true;
    } else if (!on && this.#suggested) {
      this.nextStatus = undefined;
      this.#suggested = false;
    }
  }

  private async read(s: Submission): Promise<void> {
    this.open = s;
    this.replies = undefined;
    this.resetReply();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#open-heading')?.focus();
    try {
      this.replies = (await this.call<{ items: Reply[] }>('GET', `submissions/${s.ref}/replies`)).items;
    } catch {
      this.replies = [];
    }
  }

  private async closeOpen(): Promise<void> {
    const ref = this.open?.ref;
    this.open = undefined;
    this.resetReply();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-ref="${ref}"]`)?.focus();
  }

  private async patch(ref: string, body: { status?: Status; reply?: { body: string; public: boolean } }): Promise<Submission> {
    return this.call<Submission>('PATCH', `submissions/${ref}`, body);
  }

  private async save(event: SubmitEvent, s: Submission): Promise<void> {
    event.preventDefault();
    const t = this.at.feedback;
    const body = this.draft.trim();
    const isPublic = this.replyPublic;
    try {
      const saved = await this.patch(s.ref, { status: this.nextStatus ?? s.status, ...(body ? { reply: { body, public: isPublic } } : {}) });
      this.resetReply();
      this.open = saved;
      this.replies = saved.replies;
      this.items = this.items?.map((item) => (item.ref === saved.ref ? { ...item, status: saved.status } : item));
      this.status = !body ? t.saved(s.ref) : isPublic ? t.savedPublic(s.ref) : t.savedNote(s.ref);
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  private async markSpam(s: Submission): Promise<void> {
    try {
      await this.patch(s.ref, { status: 'spam' });
      this.items = this.items?.map((item) => (item.ref === s.ref ? { ...item, status: 'spam' } : item));
      this.status = this.at.feedback.markedSpam(s.ref);
      await this.closeOpen();
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  private async bulk(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const status = new FormData(event.target as HTMLFormElement).get('status') as Status;
    let done = 0;
    for (const ref of this.selected) {
      try {
        await this.patch(ref, { status });
        done++;
      } catch {
        // counted as not done; the rest go on
      }
    }
    this.selected = new Set();
    this.status = this.at.feedback.bulkDone(done);
    await this.fetchPage(false);
  }
}

defineElement('osallistu-admin-feedback', OsallistuAdminFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-feedback': OsallistuAdminFeedback;
  }
}
