import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { FormField, FormView } from '../../worker/schema/forms.ts';
import { ApiRequestError, newIdempotencyKey } from '../core/api-client.ts';
import { OsallistuElement } from '../core/base-element.ts';
import { defineElement } from '../core/define.ts';
import { emit } from '../core/events.ts';
import { localized } from '../core/i18n.ts';
import { feedbackDraft, pendingSubmission } from './draft.ts';
import type { PendingSubmission, Place, Value } from './draft.ts';
import './osallistu-feedback-status.ts';
import { feedbackMessages } from './strings.ts';
import { feedbackStyles } from './styles.ts';
import { answersOf, fieldError, maxLengthOf } from './validate.ts';

type Form = z.infer<typeof FormView>;
type Load = { status: 'loading' } | { status: 'ready'; form: Form } | { status: 'not-found' } | { status: 'failed'; message: string };
/** editing → sending → sent; or → queued (kept, tried again) → sent. */
type Phase = 'editing' | 'sending' | 'queued' | 'sent';

/** Detail of `osallistu-feedback-sent`. */
export interface FeedbackSentDetail {
  site: string;
  form: string;
  ref: string;
}

const CATEGORY = 'category';
const RETRY_EVERY_MS = 20_000;

/**
 * A feedback form, inline in the host page. What the resident types is kept on their device as
 * they type and cleared only once the server has confirmed it; sending is retried with the same
 * idempotency key until it gets through, so it arrives exactly once.
 *
 * @attr form - the form's id (required).
 * @attr heading-level - the level of the form's title (default 2); sub-headings go one below.
 * @fires osallistu-feedback-sent - the server confirmed a submission (`detail`: site, form, ref).
 * @slot - shown until the widget starts, and where scripts do not run: e.g. the municipality's email address.
 * @csspart form - the box around the form.
 * @csspart input - text inputs and text areas.
 * @csspart button - the buttons.
 * @csspart error-summary - the list of problems shown on a failed submit.
 * @csspart ref - the reference code after sending.
 */
@defineElement('osallistu-feedback')
export class OsallistuFeedback extends OsallistuElement {
  static override styles = [...OsallistuElement.styles, feedbackStyles];
  static override catalogs = [...OsallistuElement.catalogs, feedbackMessages];

  @property({ reflect: true }) form = '';
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private load: Load = { status: 'loading' };
  @state() private values: Record<string, Value> = {};
  @state() private category = '';
  @state() private errors: Record<string, string> = {};
  @state() private showSummary = false;
  @state() private phase: Phase = 'editing';
  @state() private ref = '';
  @state() private notice = '';
  @state() private draftRestored = false;
  @state() private locating = '';
  @state() private announcement = '';

  @query('.error-summary') private summaryElement?: HTMLElement;
  @query('.notice') private noticeElement?: HTMLElement;
  @query('.sent [role="heading"]') private sentHeading?: HTMLElement;

  #honeypot = '';
  #fetched = '';
  #retryTimer?: ReturnType<typeof setInterval>;
  private readonly onOnline = () => void this.sendPending();

  private get ft() {
    return feedbackMessages.get(this.language);
  }

  private get draft() {
    return feedbackDraft(this.client.apiBase, this.siteId, this.form);
  }

  private get pending() {
    return pendingSubmission(this.client.apiBase, this.siteId, this.form);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    this.fetchIfChanged();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    this.stopRetrying();
  }

  protected override willUpdate(): void {
    this.fetchIfChanged();
  }

  private fetchIfChanged(): void {
    const key = `${this.client.apiBase}|${this.siteId}|${this.form}`;
    if (!this.form || key === this.#fetched) return;
    this.#fetched = key;
    void this.fetchForm();
  }

  private async fetchForm(): Promise<void> {
    if (this.load.status !== 'ready') this.load = { status: 'loading' };
    try {
      const form = await this.client.get<Form>(`forms/${encodeURIComponent(this.form)}`);
      this.load = { status: 'ready', form };
      this.restoreDraft();
      const pending = this.pending.get();
      if (pending && form.status === 'open') {
        this.phase = 'queued';
        void this.send(pending, true);
      }
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 404) this.load = { status: 'not-found' };
      else this.load = { status: 'failed', message: this.errorMessage(error, this.ft.loadFailed) };
    }
  }

  private restoreDraft(): void {
    const draft = this.draft.get();
    if (!draft || this.phase === 'sent') return;
    this.values = draft.values;
    this.category = draft.category;
    this.draftRestored = Object.keys(draft.values).length > 0 || Boolean(draft.category);
  }

  private saveDraft(): void {
    this.draft.set({ values: this.values, category: this.category, savedAt: new Date().toISOString() });
  }

  // ---------------------------------------------------------------- rendering

  override render() {
    return html`<div class="feedback" part="form" aria-busy=${this.load.status === 'loading' ? 'true' : 'false'}>
      ${this.renderBody()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const t = this.ft;
    switch (this.load.status) {
      case 'loading':
        return html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
          <span class="visually-hidden">${t.loading}</span>`;
      case 'not-found':
        return html`<p class="notice">${t.notFound}</p>`;
      case 'failed':
        return html`<p class="notice" role="alert">${this.load.message}</p>
          <button part="button" @click=${() => void this.fetchForm()}>${this.t.retry}</button>`;
      case 'ready':
        return this.renderForm(this.load.form);
    }
  }

  private text(map: Partial<Record<Form['languages'][number], string>> | undefined, form: Form) {
    return localized(map, this.language, form.languages);
  }

  private renderForm(form: Form): TemplateResult {
    const t = this.ft;
    const title = this.text(form.title, form);
    const intro = form.intro ? this.text(form.intro, form) : null;
    const heading = html`<p class="title" role="heading" aria-level=${this.headingLevel} lang=${title.lang}>${title.text}</p>`;
    if (this.phase === 'sent') return html`${heading}${this.renderSent()}`;
    if (form.status === 'closed') return html`${heading}<p class="notice">${t.closed}</p>${this.renderFollow()}`;
    const locked = this.phase === 'sending' || this.phase === 'queued';
    return html`${heading}
      ${intro ? html`<p class="intro" lang=${intro.lang}>${intro.text}</p>` : nothing}
      ${this.renderNotice()}
      ${this.showSummary ? this.renderSummary(form) : nothing}
      <form novalidate @submit=${this.submit}>
        <fieldset class="fields" ?disabled=${locked}>
          ${form.fields.map((field) => this.renderField(field, form))}
          ${form.categories?.length ? this.renderCategory(form) : nothing}
          <div class="honeypot">
            <label for="website">Website</label>
            <input id="website" name="website" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.#honeypot = (e.target as HTMLInputElement).value)} />
          </div>
        </fieldset>
        ${this.renderPrivacy(form)}
        <div class="actions">
          <button part="button" type="submit" ?disabled=${locked}>${locked ? t.submitting : t.submit}</button>
        </div>
        <p class="hint">${t.draftNote}</p>
      </form>
      ${this.renderFollow()}`;
  }

  private renderNotice() {
    const t = this.ft;
    if (this.phase === 'queued') {
      return html`<div class="queued" role="group" aria-labelledby="queued-text">
        <p class="notice" id="queued-text" tabindex="-1">${this.notice}</p>
        <div class="actions">
          <button part="button" class="secondary" @click=${() => void this.sendPending()}>${t.retryNow}</button>
          <button part="button" class="secondary" @click=${this.giveUp}>${t.giveUp}</button>
        </div>
      </div>`;
    }
    if (this.notice) return html`<p class="notice" tabindex="-1">${this.notice}</p>`;
    if (this.draftRestored) {
      return html`<div class="restored">
        <p>${t.draftRestored}</p>
        <button part="button" class="secondary" @click=${this.clearForm}>${t.clearDraft}</button>
      </div>`;
    }
    return nothing;
  }

  private renderSummary(form: Form) {
    const t = this.ft;
    const order = [...form.fields.map((f) => f.key), CATEGORY];
    const problems = order.filter((key) => this.errors[key]);
    if (!problems.length) return nothing;
    return html`<div class="error-summary" part="error-summary" role="alert" aria-labelledby="summary-title" tabindex="-1">
      <p class="summary-title" role="heading" aria-level=${this.headingLevel + 1} id="summary-title">${t.errorSummary}</p>
      <ul>
        ${problems.map((key) => html`<li><a href=${`#${this.fieldId(key)}`} @click=${(e: Event) => this.focusField(e, key)}>${this.errors[key]}</a></li>`)}
      </ul>
    </div>`;
  }

  private fieldId(key: string): string {
    const field = this.load.status === 'ready' ? this.load.form.fields.find((f) => f.key === key) : undefined;
    const grouped = key === CATEGORY || field?.type === 'choice' || field?.type === 'multiChoice';
    return grouped ? `f-${key}-0` : field?.type === 'location' ? `f-${key}-address` : `f-${key}`;
  }

  private focusField(event: Event, key: string): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${this.fieldId(key)}`)?.focus();
  }

  /** Label, "(required)" or "(optional)", help and error, tied to the control the way GOV.UK does it. */
  private describedBy(field: FormField, extra: string[] = []): string {
    const ids = [field.help ? `f-${field.key}-help` : '', ...extra, this.errors[field.key] ? `f-${field.key}-error` : ''];
    return ids.filter(Boolean).join(' ');
  }

  private renderLabelText(field: FormField, form: Form) {
    const label = this.text(field.label, form);
    return html`<span lang=${label.lang}>${label.text}</span> <span class="mark">${field.required ? this.ft.requiredMark : this.ft.optionalMark}</span>`;
  }

  private renderHelpAndError(field: FormField, form: Form) {
    const help = field.help ? this.text(field.help, form) : null;
    const error = this.errors[field.key];
    return html`${help ? html`<p class="hint" id=${`f-${field.key}-help`} lang=${help.lang}>${help.text}</p>` : nothing}
    ${error ? html`<p class="error" id=${`f-${field.key}-error`}><span class="visually-hidden">${this.ft.errorPrefix}</span> ${error}</p>` : nothing}`;
  }

  private renderField(field: FormField, form: Form): TemplateResult {
    const invalid = Boolean(this.errors[field.key]);
    switch (field.type) {
      case 'shortText':
      case 'longText':
      case 'email':
      case 'phone':
        return this.renderText(field, form, invalid);
      case 'choice':
      case 'multiChoice':
        return this.renderChoices(field, form, invalid);
      case 'consent':
        return html`<div class=${`field${invalid ? ' invalid' : ''}`}>
          ${this.renderHelpAndError(field, form)}
          <label class="option">
            <input
              type="checkbox"
              id=${`f-${field.key}`}
              .checked=${this.values[field.key] === true}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${this.describedBy(field) || nothing}
              @change=${(e: Event) => this.setValue(field.key, (e.target as HTMLInputElement).checked)}
            />
            <span>${this.renderLabelText(field, form)}</span>
          </label>
        </div>`;
      case 'location':
        return this.renderLocation(field, form, invalid);
    }
  }

  private renderText(field: FormField, form: Form, invalid: boolean): TemplateResult {
    const id = `f-${field.key}`;
    const value = typeof this.values[field.key] === 'string' ? (this.values[field.key] as string) : '';
    const max = maxLengthOf(field);
    const showCount = field.type === 'longText' || (field.type === 'shortText' && field.maxLength !== undefined);
    const left = max !== undefined ? max - value.trim().length : 0;
    const count = showCount && max !== undefined ? html`<p class=${`count${left < 0 ? ' over' : ''}`} id=${`${id}-count`}>${left >= 0 ? this.ft.charsLeft(left) : this.ft.charsOver(-left)}</p>` : nothing;
    const limit = showCount && max !== undefined ? html`<span class="visually-hidden" id=${`${id}-limit`}>${this.ft.maxChars(max)}</span>` : nothing;
    const describedBy = this.describedBy(field, showCount ? [`${id}-limit`] : []) || nothing;
    const onInput = (e: Event) => this.setValue(field.key, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    const control =
      field.type === 'longText'
        ? html`<textarea id=${id} part="input" rows="6" .value=${value} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} ?required=${field.required} @input=${onInput}></textarea>`
        : html`<input
            id=${id}
            part="input"
            type=${field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
            autocomplete=${field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'off'}
            spellcheck=${field.type === 'email' || field.type === 'phone' ? 'false' : 'true'}
            .value=${value}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy}
            ?required=${field.required}
            @input=${onInput}
          />`;
    return html`<div class=${`field${invalid ? ' invalid' : ''}`}>
      <label for=${id}>${this.renderLabelText(field, form)}</label>
      ${this.renderHelpAndError(field, form)} ${control} ${limit} ${count}
    </div>`;
  }

  private renderChoices(field: FormField, form: Form, invalid: boolean): TemplateResult {
    const multiple = field.type === 'multiChoice';
    const chosen = this.values[field.key];
    return html`<fieldset class=${`field group${invalid ? ' invalid' : ''}`} aria-describedby=${this.describedBy(field) || nothing}>
      <legend>${this.renderLabelText(field, form)}</legend>
      ${this.renderHelpAndError(field, form)}
      <div class="options">
        ${(field.options ?? []).map((option, i) => {
          const label = this.text(option.label, form);
          const checked = multiple ? Array.isArray(chosen) && chosen.includes(option.id) : chosen === option.id;
          return html`<label class="option">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              id=${`f-${field.key}-${i}`}
              name=${field.key}
              .value=${option.id}
              .checked=${checked}
              aria-invalid=${invalid ? 'true' : 'false'}
              @change=${(e: Event) => this.choose(field, option.id, (e.target as HTMLInputElement).checked)}
            />
            <span lang=${label.lang}>${label.text}</span>
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderCategory(form: Form): TemplateResult {
    const invalid = Boolean(this.errors[CATEGORY]);
    return html`<fieldset class=${`field group${invalid ? ' invalid' : ''}`}>
      <legend>${this.ft.category} <span class="mark">${this.ft.optionalMark}</span></legend>
      ${invalid ? html`<p class="error"><span class="visually-hidden">${this.ft.errorPrefix}</span> ${this.errors[CATEGORY]}</p>` : nothing}
      <div class="options">
        ${form.categories!.map((category, i) => {
          const label = this.text(category.label, form);
          return html`<label class="option">
            <input
              type="radio"
              id=${`f-${CATEGORY}-${i}`}
              name=${CATEGORY}
              .value=${category.id}
              .checked=${this.category === category.id}
              @change=${() => ((this.category = category.id), this.clearError(CATEGORY), this.saveDraft())}
            />
            <span lang=${label.lang}>${label.text}</span>
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderLocation(field: FormField, form: Form, invalid: boolean): TemplateResult {
    const t = this.ft;
    const place = (this.values[field.key] as Place | undefined) ?? {};
    const id = `f-${field.key}`;
    const geolocation = 'geolocation' in navigator;
    return html`<fieldset class=${`field group${invalid ? ' invalid' : ''}`} aria-describedby=${this.describedBy(field) || nothing}>
      <legend>${this.renderLabelText(field, form)}</legend>
      ${this.renderHelpAndError(field, form)}
      <label for=${`${id}-address`}>${t.address}</label>
      <input
        id=${`${id}-address`}
        part="input"
        autocomplete="street-address"
        .value=${place.address ?? ''}
        aria-invalid=${invalid ? 'true' : 'false'}
        @input=${(e: Event) => this.setValue(field.key, { ...place, address: (e.target as HTMLInputElement).value })}
      />
      ${place.lat !== undefined
        ? html`<p class="place">
            ${t.locationSet(place.lat.toFixed(5), (place.long ?? 0).toFixed(5))}
            <button part="button" type="button" class="secondary small" @click=${() => this.setValue(field.key, { address: place.address })}>${t.removeLocation}</button>
          </p>`
        : geolocation
          ? html`<div class="actions">
              <button part="button" type="button" class="secondary small" ?disabled=${this.locating === field.key} @click=${() => this.locate(field)}>
                ${this.locating === field.key ? t.locating : t.useMyLocation}
              </button>
            </div>`
          : nothing}
    </fieldset>`;
  }

  private renderPrivacy(form: Form) {
    const hasContact = form.fields.some((f) => f.type === 'email' || f.type === 'phone');
    const privacy = form.privacy ? this.text(form.privacy, form) : null;
    if (!privacy && !hasContact) return nothing;
    return html`<p class="privacy" lang=${privacy?.lang ?? this.language}>${privacy?.text ?? this.ft.privacyDefault}</p>`;
  }

  private renderSent(): TemplateResult {
    const t = this.ft;
    return html`<div class="sent">
      <p class="title" role="heading" aria-level=${this.headingLevel + 1} tabindex="-1">${t.sentTitle}</p>
      ${this.notice ? html`<p>${this.notice}</p>` : nothing}
      <p>${t.refIntro} <strong class="ref" part="ref">${this.ref}</strong></p>
      <p>${t.refHelp}</p>
      <div class="actions">
        ${'clipboard' in navigator ? html`<button part="button" class="secondary" @click=${this.copyRef}>${t.copy}</button>` : nothing}
        <button part="button" class="secondary" @click=${this.startOver}>${t.sendAnother}</button>
      </div>
    </div>
    ${this.renderFollow(this.ref)}`;
  }

  private renderFollow(ref = '') {
    return html`<details class="follow" ?open=${Boolean(ref)}>
      <summary>${this.ft.follow}</summary>
      <osallistu-feedback-status .site=${this.siteId} .api=${this.client.apiBase} lang=${this.language} ref=${ref} heading-level=${this.headingLevel + 1}></osallistu-feedback-status>
    </details>`;
  }

  // ---------------------------------------------------------------- editing

  private setValue(key: string, value: Value): void {
    this.values = { ...this.values, [key]: value };
    this.clearError(key);
    this.saveDraft();
  }

  private choose(field: FormField, option: string, checked: boolean): void {
    if (field.type === 'choice') return this.setValue(field.key, option);
    const current = Array.isArray(this.values[field.key]) ? (this.values[field.key] as string[]) : [];
    this.setValue(field.key, checked ? [...current, option] : current.filter((id) => id !== option));
  }

  /** An error goes away as soon as the resident changes the field; the summary keeps the rest. */
  private clearError(key: string): void {
    if (!this.errors[key]) return;
    const { [key]: _, ...rest } = this.errors;
    this.errors = rest;
  }

  private locate(field: FormField): void {
    this.locating = field.key;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.locating = '';
        const place = (this.values[field.key] as Place | undefined) ?? {};
        this.setValue(field.key, { ...place, lat: Number(position.coords.latitude.toFixed(6)), long: Number(position.coords.longitude.toFixed(6)) });
      },
      () => {
        this.locating = '';
        this.errors = { ...this.errors, [field.key]: this.ft.locationFailed };
      },
      { timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private clearForm(): void {
    this.values = {};
    this.category = '';
    this.errors = {};
    this.showSummary = false;
    this.draftRestored = false;
    this.draft.clear();
  }

  private async startOver(): Promise<void> {
    this.clearForm();
    this.phase = 'editing';
    this.ref = '';
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input:not(#website), textarea')?.focus();
  }

  private async copyRef(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.ref);
      this.announcement = this.ft.copied;
    } catch {
      // the code stays on screen to be copied by hand
    }
  }

  // ---------------------------------------------------------------- sending

  private validate(form: Form): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const field of form.fields) {
      const message = fieldError(field, this.values[field.key], this.text(field.label, form).text, this.ft);
      if (message) errors[field.key] = message;
    }
    return errors;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.load.status !== 'ready' || this.phase !== 'editing') return;
    const form = this.load.form;
    this.notice = '';
    this.errors = this.validate(form);
    if (Object.keys(this.errors).length) return this.showErrors();
    const body: PendingSubmission['body'] = { answers: answersOf(form.fields, this.values) };
    if (this.category) body.category = this.category;
    if (this.#honeypot) body.website = this.#honeypot;
    const pending: PendingSubmission = { body, idempotencyKey: newIdempotencyKey(), createdAt: new Date().toISOString() };
    // Kept before sending: if the tab closes mid-request, the next visit sends it again.
    this.pending.set(pending);
    await this.send(pending, false);
  }

  private async showErrors(): Promise<void> {
    this.showSummary = true;
    this.announcement = '';
    await this.updateComplete;
    this.summaryElement?.focus();
  }

  private async sendPending(): Promise<void> {
    const pending = this.pending.get();
    if (pending && this.phase !== 'sending' && this.phase !== 'sent') await this.send(pending, true);
  }

  private async send(pending: PendingSubmission, afterWait: boolean): Promise<void> {
    const t = this.ft;
    const waited = afterWait || this.phase === 'queued';
    this.phase = 'sending';
    try {
      const { ref } = await this.client.post<{ ref: string }>(`forms/${encodeURIComponent(this.form)}/submissions`, pending.body, {
        idempotencyKey: pending.idempotencyKey,
      });
      this.pending.clear();
      this.draft.clear();
      this.stopRetrying();
      this.ref = ref;
      this.phase = 'sent';
      this.values = {};
      this.category = '';
      this.showSummary = false;
      this.draftRestored = false;
      this.notice = waited ? t.sentAfterWait : '';
      this.announcement = `${t.sentTitle}. ${t.refIntro} ${ref}`;
      emit<FeedbackSentDetail>(this, 'osallistu-feedback-sent', { site: this.siteId, form: this.form, ref });
      await this.updateComplete;
      this.sentHeading?.focus();
    } catch (error) {
      if (this.isTransient(error)) {
        this.phase = 'queued';
        this.notice = navigator.onLine === false || !(error instanceof ApiRequestError) ? t.queuedOffline : t.queuedBusy;
        this.announcement = this.notice;
        this.#retryTimer ??= setInterval(() => void this.sendPending(), RETRY_EVERY_MS);
        if (!afterWait) {
          await this.updateComplete;
          this.noticeElement?.focus();
        }
        return;
      }
      this.pending.clear();
      this.stopRetrying();
      this.phase = 'editing';
      await this.refused(error);
    }
  }

  /** The server said no: show why, next to the fields it named. The draft stays. */
  private async refused(error: unknown): Promise<void> {
    if (error instanceof ApiRequestError && error.status === 400 && error.issues.length && this.load.status === 'ready') {
      const form = this.load.form;
      const errors: Record<string, string> = {};
      for (const issue of error.issues) {
        const [where, key] = issue.path;
        if (where === 'category') errors[CATEGORY] = this.ft.errors.check(this.ft.category);
        const field = form.fields.find((f) => f.key === key);
        if (where === 'answers' && field) {
          const label = this.text(field.label, form).text;
          errors[field.key] = fieldError(field, this.values[field.key], label, this.ft) || this.ft.errors.check(label);
        }
      }
      if (Object.keys(errors).length) {
        this.errors = errors;
        return this.showErrors();
      }
    }
    if (error instanceof ApiRequestError && (error.status === 404 || error.code === 'form_closed')) {
      await this.fetchForm();
      return;
    }
    this.notice = this.errorMessage(error, this.t.errors.server);
    this.announcement = this.notice;
    await this.updateComplete;
    this.noticeElement?.focus();
  }

  private async giveUp(): Promise<void> {
    this.pending.clear();
    this.stopRetrying();
    this.phase = 'editing';
    this.notice = this.ft.gaveUp;
    this.announcement = this.notice;
    await this.updateComplete;
    this.noticeElement?.focus();
  }

  private stopRetrying(): void {
    clearInterval(this.#retryTimer);
    this.#retryTimer = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-feedback': OsallistuFeedback;
  }
  interface HTMLElementEventMap {
    'osallistu-feedback-sent': CustomEvent<FeedbackSentDetail>;
  }
}
