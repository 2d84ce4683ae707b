import { html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { z } from '@hono/zod-openapi';
import type { FormField, FormView, SubmissionReceipt } from '../../worker/schema/forms.ts';
import { ApiRequestError, newIdempotencyKey } from '../core/api-client.ts';
import type { NetworkError } from '../core/api-client.ts';
import { OsallistuElement } from '../core/base-element.ts';
import { defineElement } from '../core/define.ts';
import { emit } from '../core/events.ts';
import { Catalog, localized } from '../core/i18n.ts';
import { feedbackDraft, pendingSubmission } from './draft.ts';
import type { FeedbackMessages } from './locales/messages.ts';
import type { PendingSubmission, Place, Value } from './draft.ts';
import { feedbackStyles } from './styles.ts';
import { maxLengthOf } from '../../worker/schema/form-limits.ts';
import { answersOf, fieldError } from './validate.ts';

export type Form = z.infer<typeof FormView>;
type Load = { status: 'loading' } | { status: 'ready'; form: Form } | { status: 'not-found' } | { status: 'failed'; message: string };
/** editing → sending → sent; or → queued (kept, tried again) → sent. */
type Phase = 'editing' | 'sending' | 'queued' | 'sent';

/** Detail of `osallistu-feedback-sent`. */
export interface FeedbackSentDetail {
  site: string;
  form: string;
  ref: string;
}

/** The form's own strings, one chunk per language, loaded only on pages with a form. */
const feedbackMessages = new Catalog<FeedbackMessages>({
  fi: () => import('./locales/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  en: () => import('./locales/en.ts').then((m) => m.en),
});

/** Radios of two forms on one page (the console's side-by-side previews) never share a name. */
let instances = 0;

/** Where the chosen category is kept among the answers: not a valid field key, so never a field's. */
const CATEGORY = '_category';
/** The input type of contact fields, which is also their autocomplete token; other short text is plain. */
const INPUT_TYPES: Partial<Record<FormField['type'], string>> = { email: 'email', phone: 'tel' };

/**
 * A feedback form, inline in the host page. What the resident types is kept on their device as
 * they type and cleared only once the server has confirmed it; sending is retried with the same
 * idempotency key until it gets through, so it arrives exactly once.
 *
 * @attr form - the form's id (required).
 * @attr heading-level - the level of the form's title (default 2); sub-headings go one below.
 * @attr case-id - what the feedback is about, when another widget opens the form: a decision's case id, shown and sent with it.
 * @attr subject - the title of what the feedback is about (a decision, a video), shown above the form and sent with it.
 * @attr subject-lang - the language of `subject` when it is not the page's (a title shown in a fallback language).
 * @attr decision - the id of the decision the feedback is about, sent with it.
 * @attr video - the id of the video the feedback is about, sent with it.
 * @fires osallistu-feedback-sent - the server confirmed a submission (`detail`: site, form, ref).
 * @slot - shown until the widget starts, and where scripts do not run: e.g. the municipality's email address.
 * @csspart form - the box around the form.
 * @csspart input - text inputs and text areas.
 * @csspart button - the buttons.
 * @csspart error-summary - the list of problems shown on a failed submit.
 * @csspart ref - the reference code after sending.
 *
 * `load`, `pending`, `saveDraft` and `send` are protected for the officials' console, whose
 * preview (widgets/admin/feedback-preview.ts) shows a form being edited and sends nothing.
 */
export class OsallistuFeedback extends OsallistuElement {
  static override styles = [...OsallistuElement.styles, feedbackStyles];
  static override catalogs = [...OsallistuElement.catalogs, feedbackMessages];

  /** Lit's reactive properties (why not decorators, and why `attribute: false`: OsallistuElement.properties). */
  static override properties: PropertyDeclarations = {
    form: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    caseId: { attribute: 'case-id' },
    subject: {},
    decision: {},
    video: {},
    load: { state: true, attribute: false },
    values: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    showSummary: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    ref: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    draftRestored: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  form = '';
  headingLevel = 2;
  /** What the feedback is about, when another widget opens the form: shown above it and sent with it. */
  caseId = '';
  subject = '';
  decision = '';
  video = '';

  protected load: Load = { status: 'loading' };
  private values: Record<string, Value> = {};
  private errors: Record<string, string> = {};
  private showSummary = false;
  private phase: Phase = 'editing';
  private ref = '';
  private notice = '';
  private draftRestored = false;
  private announcement = '';

  private get summaryElement(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.error-summary') ?? null;
  }
  private get noticeElement(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.notice') ?? null;
  }
  private get sentHeading(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.sent [role="heading"]') ?? null;
  }

  #honeypot = '';
  readonly #n = ++instances;
  /** The removal key sent with the reference code: the status element below shows it once and keeps it. */
  #key?: string;
  /** The submission the resident stopped sending, whose key a resend of the same feedback reuses. */
  #spare?: PendingSubmission | null;

  private get ft() {
    return feedbackMessages.get(this.language);
  }

  /** Feedback about one decision or video is kept apart from the same form's other feedback. */
  private get scope() {
    return [this.form, this.decision, this.video].join(':');
  }

  private get draft() {
    return feedbackDraft(this.client.apiBase, this.siteId, this.scope);
  }

  protected get pending() {
    return pendingSubmission(this.client.apiBase, this.siteId, this.scope);
  }

  protected override resourceId(): string {
    return this.form;
  }

  protected override fetchResource(): Promise<void> {
    return this.fetchForm();
  }

  protected override resend(): Promise<void> {
    return this.sendPending();
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
      else {
        await this.stringsReady();
        this.load = { status: 'failed', message: this.errorMessage(error, this.ft.loadFailed) };
      }
    }
  }

  private restoreDraft(): void {
    const draft = this.draft.get();
    if (!draft || this.phase === 'sent') return;
    // On a shared computer the next person must not find it: a draft is kept for a day.
    if (Date.now() - Date.parse(draft.savedAt) > 864e5) return this.draft.clear();
    this.values = draft.values;
    this.draftRestored = Object.keys(draft.values).length > 0;
  }

  protected saveDraft(): void {
    this.draft.set({ values: this.values, savedAt: new Date().toISOString() });
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
    const heading = html`<p class="title" id="title" role="heading" aria-level=${this.headingLevel} lang=${title.lang}>${title.text}</p>`;
    if (this.phase === 'sent') return html`${heading}${this.renderSent()}`;
    if (form.status === 'closed' || form.challenge) return html`${heading}<p class="notice">${form.challenge ? this.t.errors.challenge : t.closed}</p>${this.renderFollow()}`;
    const locked = this.phase === 'sending' || this.phase === 'queued';
    return html`${heading}
      ${intro ? html`<p class="intro" lang=${intro.lang}>${intro.text}</p>` : nothing}
      ${this.subject || this.caseId ? html`<p>${t.about} <strong lang=${this.getAttribute('subject-lang') || nothing}>${[this.subject, this.caseId].filter(Boolean).join(' — ')}</strong></p>` : nothing}
      ${this.renderNotice()}
      ${this.showSummary ? this.renderSummary(form) : nothing}
      <form novalidate @submit=${this.submit}>
        <fieldset class="fields" aria-labelledby="title" ?disabled=${locked}>
          ${form.fields.map((field) => this.renderField(field, form))}
          ${form.categories?.length ? this.renderChoices(this.categoryField(form), form, Boolean(this.errors[CATEGORY])) : nothing}
          <input name="website" hidden tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.#honeypot = (e.target as HTMLInputElement).value)} />
        </fieldset>
        ${this.renderPrivacy(form)}
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${locked}>${locked ? t.submitting : t.submit}</button>
        </div>
        <p class="hint">${t.draftNote}</p>
      </form>
      ${this.renderFollow()}`;
  }

  private renderNotice() {
    const t = this.ft;
    if (this.phase === 'queued') {
      return html`<div class="queued"><p class="notice" tabindex="-1">${this.notice}</p>
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
      <ul>${problems.map((key) => html`<li><a href=${`#f-${key}`} @click=${(e: Event) => this.focusField(e, key)}>${this.errors[key]}</a></li>`)}</ul>
    </div>`;
  }

  /** Every field's first control has the id `f-KEY`, so the summary's links and focus find it. */
  private focusField(event: Event, key: string): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#f-${key}`)?.focus();
  }

  /** Help, character count and error, tied to the control the way GOV.UK does it. */
  private describedBy(field: FormField, extra: string[] = []): string {
    const ids = [field.help ? `f-${field.key}-help` : '', ...extra, this.errors[field.key] ? `f-${field.key}-error` : ''];
    return ids.filter(Boolean).join(' ');
  }

  private renderLabelText(field: FormField, form: Form) {
    const label = this.text(field.label, form);
    // As GOV.UK does: the optional ones are marked, the rest are required (and say so to assistive technology).
    return html`<span lang=${label.lang}>${label.text}</span>${field.required ? nothing : html` <span class="mark">${this.ft.optionalMark}</span>`}`;
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
            <input type="checkbox" id=${`f-${field.key}`} .checked=${this.values[field.key] === true} aria-invalid=${invalid} aria-describedby=${this.describedBy(field) || nothing} @change=${(e: Event) => this.setValue(field.key, (e.target as HTMLInputElement).checked)} />
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
    const max = maxLengthOf(field)!;
    // The count is read out with the field (aria-describedby) and updates as the resident types.
    const counted = field.type === 'longText' || (field.type === 'shortText' && field.maxLength !== undefined);
    const left = max - value.trim().length;
    const describedBy = this.describedBy(field, counted ? [`${id}-count`] : []) || nothing;
    const onInput = (e: Event) => this.setValue(field.key, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    const type = INPUT_TYPES[field.type];
    const control =
      field.type === 'longText'
        ? html`<textarea id=${id} part="input" rows="6" .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} ?required=${field.required} @input=${onInput}></textarea>`
        : html`<input id=${id} part="input" type=${type ?? 'text'} autocomplete=${type ?? 'off'} .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} ?required=${field.required} @input=${onInput} />`;
    return html`<div class=${`field${invalid ? ' invalid' : ''}`}>
      <label for=${id}>${this.renderLabelText(field, form)}</label>
      ${this.renderHelpAndError(field, form)} ${control}
      ${counted ? html`<p class=${`count${left < 0 ? ' over' : ''}`} id=${`${id}-count`}>${left >= 0 ? this.ft.charsLeft(left) : this.ft.charsOver(-left)}</p>` : nothing}
    </div>`;
  }

  /** The form's categories, asked like any optional single-choice question. */
  private categoryField(form: Form): FormField {
    return { key: CATEGORY, type: 'choice', label: { [this.language]: this.ft.category }, required: false, options: form.categories };
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
            <input type=${multiple ? 'checkbox' : 'radio'} id=${i ? `f-${field.key}-${i}` : `f-${field.key}`} name=${field.key + this.#n} ?required=${field.required && !multiple} .value=${option.id} .checked=${checked} aria-invalid=${invalid} @change=${(e: Event) => this.choose(field, option.id, (e.target as HTMLInputElement).checked)} />
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
    return html`<fieldset class=${`field group${invalid ? ' invalid' : ''}`} aria-describedby=${this.describedBy(field) || nothing}>
      <legend>${this.renderLabelText(field, form)}</legend>
      ${this.renderHelpAndError(field, form)}
      <label for=${id}>${t.address}</label>
      <input id=${id} part="input" .value=${place.address ?? ''} aria-invalid=${invalid} @input=${(e: Event) => this.setValue(field.key, { ...place, address: (e.target as HTMLInputElement).value })} />
      ${place.lat !== undefined ? html`<p>${t.locationSet(place.lat.toFixed(5), (place.long ?? 0).toFixed(5))}</p>` : nothing}
      <div class="actions">
        <button part="button" type="button" class="secondary small" @click=${() => (place.lat !== undefined ? this.setValue(field.key, { address: place.address }) : this.locate(field))}>${place.lat !== undefined ? t.removeLocation : t.useMyLocation}</button>
      </div>
    </fieldset>`;
  }

  private renderPrivacy(form: Form) {
    const hasContact = form.fields.some((f) => INPUT_TYPES[f.type]);
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
        <button part="button" class="secondary" @click=${this.clearForm}>${t.sendAnother}</button>
      </div>
    </div>
    ${this.renderFollow(this.ref)}`;
  }

  /** The status lookup is its own chunk, fetched when the resident opens it or has just sent. */
  private renderFollow(ref = '') {
    if (ref) void import('./osallistu-feedback-status.ts');
    const onToggle = (e: Event) => (e.target as HTMLDetailsElement).open && void import('./osallistu-feedback-status.ts');
    return html`<details class="follow" ?open=${Boolean(ref)} @toggle=${onToggle}><summary>${this.ft.follow}</summary>
      <osallistu-feedback-status site=${this.siteId} api=${this.client.apiBase} lang=${this.language} ref=${ref} .removalKey=${this.#key} heading-level=${this.headingLevel + 1}></osallistu-feedback-status>
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
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const place = (this.values[field.key] as Place | undefined) ?? {};
        this.setValue(field.key, { ...place, lat: Number(coords.latitude.toFixed(6)), long: Number(coords.longitude.toFixed(6)) });
      },
      () => {
        this.errors = { ...this.errors, [field.key]: (this.announcement = this.ft.locationFailed) };
      },
      { timeout: 15_000, maximumAge: 60_000 },
    );
  }

  /** Empties the form and puts focus in its first field (the button pressed is gone). */
  private async clearForm(): Promise<void> {
    this.values = {};
    this.errors = {};
    this.showSummary = false;
    this.draftRestored = false;
    this.draft.clear();
    this.phase = 'editing';
    this.ref = this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input:not([hidden]), textarea')?.focus();
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
    const body: PendingSubmission['body'] = { answers: answersOf(form.fields, this.values), lang: this.language };
    const category = this.values[CATEGORY];
    if (typeof category === 'string') body.category = category;
    if (this.#honeypot) body.website = this.#honeypot;
    const context = Object.fromEntries(Object.entries({ caseId: this.caseId, subject: this.subject, decision: this.decision, video: this.video }).filter(([, v]) => v));
    if (Object.keys(context).length) body.context = context;
    // The same feedback sent again after "stop sending" keeps its key: if the first try did arrive, it is not stored twice.
    const spare = JSON.stringify(this.#spare?.body) === JSON.stringify(body) ? this.#spare!.idempotencyKey : newIdempotencyKey();
    const pending: PendingSubmission = { body, idempotencyKey: spare, createdAt: new Date().toISOString() };
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

  protected async send(pending: PendingSubmission, afterWait: boolean): Promise<void> {
    await this.stringsReady();
    const t = this.ft;
    const waited = afterWait || this.phase === 'queued';
    this.phase = 'sending';
    try {
      const { ref, removalKey } = await this.client.post<z.infer<typeof SubmissionReceipt>>(`forms/${encodeURIComponent(this.form)}/submissions`, pending.body, {
        idempotencyKey: pending.idempotencyKey,
      });
      this.#key = removalKey;
      this.pending.clear();
      this.draft.clear();
      this.stopRetrying();
      this.ref = ref;
      this.phase = 'sent';
      this.values = {};
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
        this.retryLater();
        // Only a connection that failed is "offline"; a server that is slow (timed out) or busy is not.
        return this.say((error as NetworkError).timedOut === false ? t.queuedOffline : t.queuedBusy, !afterWait);
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
    await this.say(this.errorMessage(error, this.t.errors.server));
  }

  /** Shows `notice` above the form, reads it out, and moves focus to it. */
  private async say(notice: string, focus = true): Promise<void> {
    this.notice = this.announcement = notice;
    await this.updateComplete;
    if (focus) this.noticeElement?.focus();
  }

  private async giveUp(): Promise<void> {
    this.#spare = this.pending.get();
    this.pending.clear();
    this.stopRetrying();
    this.phase = 'editing';
    await this.say(this.ft.gaveUp);
  }
}

defineElement('osallistu-feedback', OsallistuFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-feedback': OsallistuFeedback;
  }
  interface HTMLElementEventMap {
    'osallistu-feedback-sent': CustomEvent<FeedbackSentDetail>;
  }
}
