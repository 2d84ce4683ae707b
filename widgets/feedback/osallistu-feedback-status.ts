import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { z } from '@hono/zod-openapi';
import type { SubmissionStatusView } from '../../worker/schema/forms.ts';
import type { CaseView } from '../../worker/schema/cases.ts';
import { ApiRequestError } from '../core/api-client.ts';
import { OsallistuElement } from '../core/base-element.ts';
import { defineElement } from '../core/define.ts';
import { formatDateTime } from '../core/format.ts';
import { Catalog } from '../core/i18n.ts';
import { StoredValue } from '../core/storage.ts';
import type { Lang } from '../locales/messages.ts';
import { statusStyles } from './status-styles.ts';
import type { FeedbackStatusMessages } from './locales/status/messages.ts';

type StatusView = z.infer<typeof SubmissionStatusView>;
/** The feedback's case, with the view that shows what was decided on it (decisions/decided.ts, its own chunk). */
type CaseInfo = { ref: string; view: CaseView; decided: typeof import('../decisions/decided.ts'); lang: Lang };
type Lookup =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'found'; view: StatusView }
  | { status: 'not-found'; ref: string }
  | { status: 'failed'; message: string };

/** The lookup's own strings, one chunk per language, loaded only when it is shown. */
const statusMessages = new Catalog<FeedbackStatusMessages>({
  fi: () => import('./locales/status/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/status/sv.ts').then((m) => m.sv),
  en: () => import('./locales/status/en.ts').then((m) => m.en),
});

/** "k7m4qx", " K7M 4QX " → "K7M-4QX"; anything else → null. */
export function normalizeRef(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[0-9A-Z]{6}$/.test(compact) ? `${compact.slice(0, 3)}-${compact.slice(3)}` : null;
}

/** "7kq2 m9xd …", with O for 0 or l for 1 → "7KQ2-M9XD-…" (28 symbols in groups of four); anything else → null. */
export function normalizeRemovalKey(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{28}$/.test(compact) ? compact.replace(/(.{4})(?!$)/g, '$1-') : null;
}

/** Where this device keeps the removal key of one submission, so removing needs no typing here. */
export const removalKeyStore = (apiBase: string, site: string, ref: string) => new StoredValue<string>(`osallistu.feedback-removal-key:${apiBase}:${site}:${ref}`);

/**
 * Looks up a feedback's status and public replies by its reference code, and lets the resident
 * remove their contact details with the removal key: the one kept on this device, or typed in.
 *
 * @attr ref - a reference code to show at once (e.g. right after sending).
 * @attr heading-level - the level of the result's heading (default 2, as in every widget).
 * @prop removalKey - the key the server gave with `ref` just now: shown once, and kept on this device.
 * @csspart button - the buttons.
 * @csspart input - the text fields.
 * @csspart removal-key - the removal key shown after sending.
 */
export class OsallistuFeedbackStatus extends OsallistuElement {
  static override styles = [...OsallistuElement.styles, statusStyles];
  static override catalogs = [...OsallistuElement.catalogs, statusMessages];

  /** Lit's reactive properties (why not decorators, and why `attribute: false`: OsallistuElement.properties). */
  static override properties: PropertyDeclarations = {
    ref: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    removalKey: { attribute: false },
    input: { state: true, attribute: false },
    inputError: { state: true, attribute: false },
    lookup: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    removed: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    keyInput: { state: true, attribute: false },
    keyError: { state: true, attribute: false },
    caseInfo: { state: true, attribute: false },
  };

  ref = '';
  headingLevel = 2;
  /** Never an attribute: a secret does not belong in the page's markup. */
  removalKey?: string = '';

  private input = '';
  private inputError = '';
  private lookup: Lookup = { status: 'idle' };
  private confirming = false;
  private removed = false;
  private announcement = '';
  private keyInput = '';
  private keyError = '';
  /** What was decided on the feedback's case, once fetched. */
  private caseInfo?: CaseInfo;

  private get field(): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>('#ref') ?? null;
  }
  private get keyField(): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>('#key') ?? null;
  }
  private get resultHeading(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.result [role="heading"]') ?? null;
  }

  private get ft() {
    return statusMessages.get(this.language);
  }

  protected override resourceId(): string {
    return this.ref;
  }

  private keyStore(ref: string) {
    return removalKeyStore(this.client.apiBase, this.siteId, ref);
  }

  /** The form's key is kept before the first render: it may be set before this element is defined. */
  protected override willUpdate(): void {
    super.willUpdate();
    const kept = `${this.ref} ${this.removalKey}`;
    if (this.removalKey && this.ref && kept !== this.#kept) this.keyStore(this.ref).set(this.removalKey);
    this.#kept = kept;
  }
  #kept = '';

  /** A `ref` given by the page (or by the form right after sending) is looked up at once. */
  protected override fetchResource(): Promise<void> {
    this.input = this.ref;
    return this.find(this.ref, false);
  }

  override render() {
    const t = this.ft;
    const error = this.inputError;
    return html`<div class="status-lookup">
      ${this.removalKey && this.ref && !this.removed
        ? html`<div class="removal-key" role="group" aria-labelledby="key-title">
            <p class="subtitle" id="key-title">${t.keyTitle}</p>
            <p><strong class="key" part="removal-key">${this.removalKey}</strong></p>
            <p>${t.keyHelp}</p>
          </div>`
        : nothing}
      <form novalidate @submit=${this.submit}>
        ${this.codeLabel('ref', t.refLabel, t.refHint, error)}
        <div class="inline">
          ${this.codeInput('ref', error, this.input, 9, (value) => ((this.input = value), (this.inputError = '')))}
          <button part="button" type="submit" aria-disabled=${this.lookup.status === 'loading' ? 'true' : 'false'}>
            ${this.lookup.status === 'loading' ? t.lookingUp : t.lookup}
          </button>
        </div>
      </form>
      ${this.renderResult()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  private renderResult() {
    const t = this.ft;
    switch (this.lookup.status) {
      case 'idle':
      case 'loading':
        return nothing;
      case 'not-found':
        return html`<p class="notice">${t.refNotFound(this.lookup.ref)}</p>`;
      case 'failed':
        return html`<p class="notice" role="alert">${this.lookup.message}</p>`;
      case 'found': {
        const view = this.lookup.view;
        const when = (iso: string) => formatDateTime(iso, this.language);
        return html`<section class="result" aria-labelledby="result-heading">
          <p class="title" role="heading" aria-level=${this.headingLevel} id="result-heading" tabindex="-1">${t.statusHeading(view.ref)}</p>
          <p class="state"><strong>${t.statusLine(t.status[view.status])}</strong></p>
          <p class="meta">${t.receivedAt(when(view.createdAt))}${view.updatedAt !== view.createdAt ? html`<br />${t.updatedAt(when(view.updatedAt))}` : nothing}</p>
          <p class="subtitle" role="heading" aria-level=${this.headingLevel + 1}>${t.replies}</p>
          ${view.replies.length
            ? html`<ol class="replies">
                ${view.replies.map((reply) => html`<li><p class="meta">${when(reply.createdAt)}</p><p class="reply">${reply.body}</p></li>`)}
              </ol>`
            : html`<p class="meta">${t.noReplies}</p>`}
          ${this.caseInfo?.ref === view.ref
            ? this.caseInfo.decided.renderDecided(this.caseInfo.view, { language: this.caseInfo.lang, headingLevel: this.headingLevel + 1, headingClass: 'subtitle' })
            : nothing}
          ${this.renderRemoval()}
        </section>`;
      }
    }
  }

  private renderRemoval() {
    const t = this.ft;
    if (this.removed) return html`<p class="notice removed" tabindex="-1">${t.contactRemoved}</p>`;
    if (!this.confirming) {
      return html`<div class="actions"><button part="button" class="secondary" @click=${this.askToRemove}>${t.removeContact}</button></div>`;
    }
    const keyError = this.keyError;
    return html`<div class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text">${t.confirmRemove}</p>
      ${this.knownKey()
        ? nothing
        : html`<div class="field">
            ${this.codeLabel('key', t.keyLabel, t.keyHint, keyError)}
            ${this.codeInput('key', keyError, this.keyInput, undefined, (value) => ((this.keyInput = value), (this.keyError = '')), 'key')}
          </div>`}
      <div class="actions">
        <button part="button" class="danger" @click=${this.removeContact}>${t.confirm}</button>
        <button part="button" class="secondary" @click=${this.cancelRemoval}>${t.cancel}</button>
      </div>
    </div>`;
  }

  /**
   * A code field's label, hint and error (ids `${id}-hint`, `${id}-error`), as codeInput names them.
   * The error is written into a live region that is always there, so it is read out when it appears.
   */
  private codeLabel(id: string, label: string, hint: string, error: string) {
    return html`<label for=${id} id="${id}-label">${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      <div role="alert">${error ? html`<p class="error" id="${id}-error"><span class="visually-hidden">${this.ft.errorPrefix}</span> ${error}</p>` : nothing}</div>`;
  }

  /**
   * An input for a code typed from paper: no autocorrect, capitals, tied to its label, hint and error.
   * Named by aria-labelledby as well as by its label's `for`: inside the feedback form's closed
   * <details> the label is not rendered, its innerText is empty, and a checker that reads the label
   * that way (IBM Equal Access) found no name; aria-labelledby is read from the text itself.
   */
  private codeInput(id: string, error: string, value: string, maxLength: number | undefined, onInput: (value: string) => void, className = '') {
    return html`<input
      id=${id}
      aria-labelledby="${id}-label"
      part="input"
      class=${className || nothing}
      autocomplete="off"
      autocapitalize="characters"
      spellcheck="false"
      maxlength=${maxLength ?? nothing}
      aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
      aria-invalid=${error ? 'true' : 'false'}
      .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />`;
  }

  /** The button is never disabled while looking up (that would drop the focus to the page): a press then does nothing. */
  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.lookup.status === 'loading') return;
    const ref = normalizeRef(this.input);
    if (!ref) {
      // One current message: an earlier "not found" or result does not stay beside the error.
      this.lookup = { status: 'idle' };
      this.announcement = '';
      this.inputError = this.ft.refInvalid;
      this.field?.focus();
      return;
    }
    this.input = ref;
    void this.find(ref, true);
  }

  private async find(raw: string, moveFocus: boolean): Promise<void> {
    const ref = normalizeRef(raw);
    if (!ref) return;
    this.lookup = { status: 'loading' };
    this.confirming = false;
    this.removed = false;
    this.keyInput = this.keyError = '';
    this.caseInfo = undefined;
    try {
      const view = await this.client.get<StatusView>(`submissions/${encodeURIComponent(ref)}`);
      if (view.caseId) void this.findCase(ref, view.caseId);
      await this.stringsReady();
      this.lookup = { status: 'found', view };
      this.announcement = `${this.ft.statusHeading(ref)}. ${this.ft.statusLine(this.ft.status[view.status])}`;
      if (moveFocus) {
        await this.updateComplete;
        this.resultHeading?.focus();
      }
    } catch (error) {
      await this.stringsReady();
      this.lookup = error instanceof ApiRequestError && error.status === 404 ? { status: 'not-found', ref } : { status: 'failed', message: this.errorMessage(error, this.t.errors.server) };
      this.announcement = error instanceof ApiRequestError && error.status === 404 ? this.ft.refNotFound(ref) : '';
    }
  }

  /**
   * What was decided on the feedback's case, shown under the replies once it has arrived (or
   * that nothing is yet). The status does not wait for it, and stands alone if it fails.
   */
  private async findCase(ref: string, caseId: string): Promise<void> {
    const lang = this.language;
    try {
      const [view, decided] = await Promise.all([
        this.client.get<CaseView>(`cases?${new URLSearchParams({ id: caseId, lang })}`),
        import('../decisions/decided.ts').then(async (decided) => (await decided.decidedMessages.load(lang), decided)),
      ]);
      if (this.lookup.status === 'found' && this.lookup.view.ref !== ref) return;
      decided.adoptDecidedStyles(this.renderRoot as ShadowRoot);
      this.caseInfo = { ref, view, decided, lang };
    } catch {
      // The status stands without it.
    }
  }

  /** The removal key of the feedback shown, if this device has it. */
  private knownKey(): string | null {
    return this.lookup.status === 'found' ? this.keyStore(this.lookup.view.ref).get() : null;
  }

  private async askToRemove(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    // Without a key on this device, the field to type it in comes first.
    (this.keyField ?? this.renderRoot.querySelector<HTMLButtonElement>('.confirm .secondary'))?.focus();
  }

  private async cancelRemoval(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.result .actions .secondary')?.focus();
  }

  private async removeContact(): Promise<void> {
    if (this.lookup.status !== 'found') return;
    const { ref } = this.lookup.view;
    const removalKey = this.knownKey() ?? normalizeRemovalKey(this.keyInput);
    if (!removalKey) return this.refuseKey(this.ft.keyInvalid);
    try {
      await this.client.request('DELETE', `submissions/${encodeURIComponent(ref)}/contact`, { removalKey }, { idempotencyKey: `remove-contact-${ref}` });
      // The key has done its work: it is not left lying on the device.
      this.keyStore(ref).clear();
      this.removed = true;
      this.confirming = false;
      this.announcement = this.ft.contactRemoved;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.removed')?.focus();
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'removal_refused') {
        // A kept key that no longer fits (never expected) is dropped, so the field is offered instead.
        this.keyStore(ref).clear();
        return this.refuseKey(this.ft.keyRefused);
      }
      this.lookup = { status: 'failed', message: this.errorMessage(error, this.t.errors.server) };
    }
  }

  /** Shows `message` at the key field (its live region reads it out) and puts focus there. */
  private async refuseKey(message: string): Promise<void> {
    this.keyError = message;
    await this.updateComplete;
    this.keyField?.focus();
  }
}

defineElement('osallistu-feedback-status', OsallistuFeedbackStatus);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-feedback-status': OsallistuFeedbackStatus;
  }
}
