import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { explainError, explainIssue, said, saidWithin } from './ui/errors.ts';
import type { Said } from './ui/errors.ts';
import { state } from 'lit/decorators.js';
import type { PublicJwk, Site, SiteUpdate } from '../../worker/schema/sites.ts';
import { ApiRequestError } from '../core/api-client.ts';
import { defineElement } from '../core/define.ts';
import { LANGS } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';

/** The parts of the view, each a form saved on its own (one PATCH, one audit entry). */
type Part = 'origins' | 'languages' | 'retention' | 'voterKeys' | 'challenge';
/** The inputs an error can stand next to. */
type Field = 'origin' | 'languages' | 'defaultLang' | 'retention' | 'voterKey' | 'challengeSiteKey' | 'challengeSecret';

/** The limits the API's schema sets (worker/schema/sites.ts); checked here too, so the words come in the console's language. */
const MAX_ORIGINS = 20;
const MAX_KEYS = 5;
const RETENTION = { min: 1, max: 3650 };
/** JWK members that only a private key has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Where the API's issue about `path` belongs. */
function fieldOf(path: (string | number)[]): Field | undefined {
  switch (path[0]) {
    case 'origins':
      return 'origin';
    case 'languages':
      return 'languages';
    case 'defaultLang':
      return 'defaultLang';
    case 'contactRetentionDays':
      return 'retention';
    case 'voterKeys':
      return 'voterKey';
    case 'challengeSiteKey':
      return 'challengeSiteKey';
    case 'challengeSecret':
      return 'challengeSecret';
    default:
      return undefined;
  }
}

/**
 * `value` as an origin (`https://www.espoo.fi`), or why it is not one: `onlyOrigin` when it is a
 * URL with a path or a trailing slash (the answer names the origin it has).
 */
export function checkOrigin(value: string): { origin: string } | { problem: 'invalid' } | { problem: 'onlyOrigin'; origin: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'invalid' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return { problem: 'invalid' };
  return url.origin === value ? { origin: value } : { problem: 'onlyOrigin', origin: url.origin };
}

/**
 * The site's settings, for its owners: the origins whose pages the API answers (added and removed
 * one at a time, working at once), the languages and the default one, how long contact details
 * are kept, the public keys for signed polls and the Turnstile keys. Each part is its own form
 * saved with `PATCH /sites/{site}/settings`, which the API writes in the audit log; the API's
 * refusals are shown next to the field they are about.
 */
export class OsallistuAdminSettings extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      ul.origins {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      ul.origins li {
        align-items: center;
        justify-content: space-between;
        padding-block: 0.35rem;
        border-block-end: 1px solid var(--_border);
      }
      ul.origins code {
        overflow-wrap: anywhere;
      }
    `,
  ];
  @state() private settings?: Site;
  @state() private failed: Said | string = '';
  @state() private saving?: Part;
  @state() private status: Partial<Record<Part, string>> = {};
  /** A refusal about the part as a whole (no one field), shown at its button. */
  @state() private partError: Partial<Record<Part, string | TemplateResult>> = {};
  @state() private errors: Partial<Record<Field, string | TemplateResult>> = {};
  @state() private removing?: { kind: 'origin' | 'key'; value: string };
  /** The parts with edits not saved yet. */
  @state() private dirty = new Set<Part>();
  // What the forms hold until saved.
  @state() private languages: Lang[] = [];
  @state() private defaultLang: Lang = 'fi';
  @state() private retention = '';
  @state() private siteKey = '';
  @state() private clearSecret = false;

  override get hasUnsavedChanges(): boolean {
    return this.dirty.size > 0;
  }

  protected override resourceId(): string {
    return this.token && 'settings';
  }

  protected override async fetchResource(): Promise<void> {
    try {
      this.take(await this.call<Site>('GET', 'settings'));
      this.failed = '';
    } catch (error) {
      await this.stringsReady();
      this.failed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  /** The site as the API answered it; the forms of the parts not being edited follow it. */
  private take(site: Site, saved?: Part): void {
    this.settings = site;
    const keep = (part: Part) => part !== saved && this.dirty.has(part);
    if (!keep('languages')) {
      this.languages = LANGS.filter((lang) => site.languages.includes(lang));
      this.defaultLang = site.defaultLang;
    }
    if (!keep('retention')) this.retention = String(site.contactRetentionDays);
    if (!keep('challenge')) {
      this.siteKey = site.challengeSiteKey ?? '';
      this.clearSecret = false;
    }
    if (saved) this.markClean(saved);
  }

  private markDirty(part: Part): void {
    if (!this.dirty.has(part)) this.dirty = new Set([...this.dirty, part]);
    if (this.status[part]) this.status = { ...this.status, [part]: '' };
  }

  private markClean(part: Part): void {
    const next = new Set(this.dirty);
    next.delete(part);
    this.dirty = next;
  }

  private languageName(lang: Lang): string {
    return new Intl.DisplayNames([this.language], { type: 'language' }).of(lang) ?? lang;
  }

  private input(selector: string): HTMLInputElement | HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  override render() {
    const t = this.at.settings;
    const head = html`<h2>${t.heading}</h2>
      <p>${t.intro}</p>`;
    if (this.failed) return html`${head}<p class="notice" role="alert">${said(this.failed)}</p><button part="button" @click=${() => void this.fetchResource()}>${this.t.retry}</button>`;
    if (!this.settings) return html`${head}<p class="meta" role="status">${this.at.loading}</p>`;
    return html`${head} ${this.renderOrigins(this.settings)} ${this.renderLanguages()} ${this.renderRetention()} ${this.renderVoterKeys(this.settings)}
    ${this.renderChallenge(this.settings)}`;
  }

  /** The field's error (its id is `${field}-error`), or nothing. */
  private errorFor(field: Field) {
    const message = this.errors[field];
    return message ? html`<p class="error" id=${`${field}-error`}>${message}</p>` : nothing;
  }

  private invalid(field: Field) {
    return this.errors[field] ? 'true' : nothing;
  }

  /** `aria-describedby`: the hint, then the error when there is one. */
  private describedBy(hint: string, field: Field): string {
    return [hint, this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  /** The save button with its progress, the part's own refusal and its saved state (a live region that is always there). */
  private renderFooter(part: Part, label = this.at.settings.save): TemplateResult {
    const busy = this.saving === part;
    return html`${this.partError[part] ? html`<p class="error" role="alert" id=${`${part}-alert`} tabindex="-1">${this.partError[part]}</p>` : nothing}
      <div class="actions">
        <button part="button" aria-disabled=${this.saving ? 'true' : 'false'}>${label}</button>
        <p class="meta" role="status" id=${`${part}-status`}>${busy ? this.at.settings.saving : (this.status[part] ?? '')}</p>
      </div>`;
  }

  private renderConfirm(text: string, confirm: () => void) {
    return html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.cancelRemove()}>
      <p id="confirm-text" tabindex="-1">${text}</p>
      <div class="actions">
        <button part="button" type="button" class="danger" @click=${confirm}>${this.at.settings.origins.remove}</button>
        <button part="button" type="button" class="secondary" @click=${() => void this.cancelRemove()}>${this.at.cancel}</button>
      </div>
    </div>`;
  }

  private renderOrigins(site: Site) {
    const t = this.at.settings.origins;
    const removing = this.removing?.kind === 'origin' ? this.removing.value : undefined;
    return html`<section class="panel" aria-labelledby="origins-heading">
      <h3 id="origins-heading">${t.heading}</h3>
      <p>${t.intro}</p>
      ${site.origins.length === 0
        ? html`<p id="origins-none">${t.none}</p>`
        : html`<ul class="origins" aria-label=${t.list}>
            ${site.origins.map(
              (origin) => html`<li class="row-actions">
                <code>${origin}</code>
                <button part="button" type="button" class="secondary" data-origin=${origin} aria-label=${`${t.remove}: ${origin}`} @click=${() => void this.askRemove('origin', origin)}>${t.remove}</button>
              </li>`,
            )}
          </ul>`}
      ${removing ? this.renderConfirm(t.confirmRemove(removing), () => void this.removeOrigin(removing)) : nothing}
      <form novalidate @submit=${this.addOrigin}>
        <div class="field">
          <label for="origin">${t.add}</label>
          <p class="hint" id="origin-help">${t.addHelp}</p>
          <input
            id="origin"
            name="origin"
            type="url"
            inputmode="url"
            autocomplete="off"
            spellcheck="false"
            maxlength="200"
            placeholder="https://www.espoo.fi"
            aria-invalid=${this.invalid('origin')}
            aria-describedby=${this.describedBy('origin-help', 'origin')}
            @input=${() => this.markDirty('origins')}
          />
          ${this.errorFor('origin')}
        </div>
        ${this.renderFooter('origins', t.addButton)}
      </form>
    </section>`;
  }

  private renderLanguages() {
    const t = this.at.settings.languages;
    const toggle = (lang: Lang, on: boolean) => {
      this.languages = LANGS.filter((l) => (l === lang ? on : this.languages.includes(l)));
      if (!this.languages.includes(this.defaultLang) && this.languages[0]) this.defaultLang = this.languages[0];
      this.markDirty('languages');
    };
    return html`<section class="panel" aria-labelledby="languages-heading">
      <h3 id="languages-heading">${t.heading}</h3>
      <p>${t.intro}</p>
      <form novalidate @submit=${this.saveLanguages}>
        <fieldset class="field" aria-describedby=${this.errors.languages ? 'languages-error' : nothing}>
          <legend>${t.languages}</legend>
          <div class="options">
            ${LANGS.map(
              (lang) => html`<label class="option">
                <input type="checkbox" name="languages" value=${lang} .checked=${this.languages.includes(lang)} @change=${(e: Event) => toggle(lang, (e.target as HTMLInputElement).checked)} />
                <span>${this.languageName(lang)}</span>
              </label>`,
            )}
          </div>
          ${this.errorFor('languages')}
        </fieldset>
        <div class="field">
          <label for="defaultLang">${t.defaultLang}</label>
          <p class="hint" id="defaultLang-help">${t.defaultHelp}</p>
          <select
            id="defaultLang"
            aria-invalid=${this.invalid('defaultLang')}
            aria-describedby=${this.describedBy('defaultLang-help', 'defaultLang')}
            @change=${(e: Event) => {
              this.defaultLang = (e.target as HTMLSelectElement).value as Lang;
              this.markDirty('languages');
            }}
          >
            ${(this.languages.length ? this.languages : LANGS).map((lang) => html`<option value=${lang} ?selected=${lang === this.defaultLang}>${this.languageName(lang)}</option>`)}
          </select>
          ${this.errorFor('defaultLang')}
        </div>
        ${this.renderFooter('languages')}
      </form>
    </section>`;
  }

  private renderRetention() {
    const t = this.at.settings.retention;
    return html`<section class="panel" aria-labelledby="retention-heading">
      <h3 id="retention-heading">${t.heading}</h3>
      <form novalidate @submit=${this.saveRetention}>
        <div class="field">
          <label for="retention">${t.days}</label>
          <p class="hint" id="retention-help">${t.daysHelp}</p>
          <input
            id="retention"
            type="number"
            inputmode="numeric"
            min=${RETENTION.min}
            max=${RETENTION.max}
            step="1"
            .value=${this.retention}
            aria-invalid=${this.invalid('retention')}
            aria-describedby=${this.describedBy('retention-help', 'retention')}
            @input=${(e: Event) => {
              this.retention = (e.target as HTMLInputElement).value;
              this.markDirty('retention');
            }}
          />
          ${this.errorFor('retention')}
        </div>
        ${this.renderFooter('retention')}
      </form>
    </section>`;
  }

  private renderVoterKeys(site: Site) {
    const t = this.at.settings.voterKeys;
    const removing = this.removing?.kind === 'key' ? this.removing.value : undefined;
    return html`<section class="panel" aria-labelledby="voterKeys-heading">
      <h3 id="voterKeys-heading">${t.heading}</h3>
      <p>${t.intro}</p>
      ${site.voterKeys.length === 0
        ? html`<p>${t.none}</p>`
        : html`<div class="table-wrap">
            <table class="responsive">
              <caption class="visually-hidden">${t.list}</caption>
              <thead>
                <tr><th scope="col">${t.kid}</th><th scope="col">${t.type}</th><th scope="col"><span class="visually-hidden">${this.at.ui.actions}</span></th></tr>
              </thead>
              <tbody>
                ${site.voterKeys.map(
                  (key) => html`<tr>
                    <th scope="row"><code class="nowrap">${key.kid}</code></th>
                    <td data-label=${t.type}>${[key.kty, key.crv, key.alg].filter(Boolean).join(' · ')}</td>
                    <td>
                      <button part="button" type="button" class="secondary" data-kid=${key.kid} aria-label=${`${t.remove}: ${key.kid}`} @click=${() => void this.askRemove('key', key.kid)}>${t.remove}</button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      ${removing ? this.renderConfirm(t.confirmRemove(removing), () => void this.removeKey(removing)) : nothing}
      <form novalidate @submit=${this.addKey}>
        <div class="field">
          <label for="voterKey">${t.add}</label>
          <p class="hint" id="voterKey-help">${t.addHelp}</p>
          <textarea
            id="voterKey"
            rows="4"
            spellcheck="false"
            autocomplete="off"
            aria-invalid=${this.invalid('voterKey')}
            aria-describedby=${this.describedBy('voterKey-help', 'voterKey')}
            @input=${() => this.markDirty('voterKeys')}
          ></textarea>
          ${this.errorFor('voterKey')}
        </div>
        ${this.renderFooter('voterKeys', t.addButton)}
      </form>
    </section>`;
  }

  private renderChallenge(site: Site) {
    const t = this.at.settings.challenge;
    return html`<section class="panel" aria-labelledby="challenge-heading">
      <h3 id="challenge-heading">${t.heading}</h3>
      <p>${t.intro}</p>
      <form novalidate @submit=${this.saveChallenge}>
        <div class="field">
          <label for="challengeSiteKey">${t.siteKey}</label>
          <p class="hint" id="challengeSiteKey-help">${t.siteKeyHelp}</p>
          <input
            id="challengeSiteKey"
            autocomplete="off"
            spellcheck="false"
            maxlength="100"
            .value=${this.siteKey}
            aria-invalid=${this.invalid('challengeSiteKey')}
            aria-describedby=${this.describedBy('challengeSiteKey-help', 'challengeSiteKey')}
            @input=${(e: Event) => {
              this.siteKey = (e.target as HTMLInputElement).value;
              this.markDirty('challenge');
            }}
          />
          ${this.errorFor('challengeSiteKey')}
        </div>
        <div class="field">
          <label for="challengeSecret">${t.secret}</label>
          <p class="hint" id="challengeSecret-help">${site.challengeSecretSet ? t.secretStored : t.secretNone} ${t.secretHelp}</p>
          <input
            id="challengeSecret"
            type="password"
            autocomplete="new-password"
            spellcheck="false"
            maxlength="200"
            ?disabled=${this.clearSecret}
            aria-invalid=${this.invalid('challengeSecret')}
            aria-describedby=${this.describedBy('challengeSecret-help', 'challengeSecret')}
            @input=${() => this.markDirty('challenge')}
          />
          ${this.errorFor('challengeSecret')}
        </div>
        ${site.challengeSecretSet
          ? html`<div class="field">
              <label class="option">
                <input
                  type="checkbox"
                  id="clearSecret"
                  .checked=${this.clearSecret}
                  @change=${(e: Event) => {
                    this.clearSecret = (e.target as HTMLInputElement).checked;
                    this.markDirty('challenge');
                  }}
                />
                <span>${t.clearSecret}</span>
              </label>
            </div>`
          : nothing}
        ${this.renderFooter('challenge')}
      </form>
    </section>`;
  }

  private async askRemove(kind: 'origin' | 'key', value: string): Promise<void> {
    this.removing = { kind, value };
    await this.focusOn('#confirm-text');
  }

  private async cancelRemove(): Promise<void> {
    const removing = this.removing;
    this.removing = undefined;
    if (removing) await this.focusOn(removing.kind === 'origin' ? `button[data-origin="${CSS.escape(removing.value)}"]` : `button[data-kid="${CSS.escape(removing.value)}"]`);
  }

  /**
   * Sends `update` for `part`. Answers whether it was saved; when not, the API's refusal stands
   * next to the field it is about (or at the part's button) and focus goes there.
   */
  private async save(part: Part, update: SiteUpdate, describe: (issue: { field: Field; message: string }) => string): Promise<boolean> {
    const texts = this.at.ui.errors;
    if (this.saving) return false;
    this.saving = part;
    this.clearErrors(part);
    try {
      const site = await this.call<Site>('PATCH', 'settings', update);
      this.take(site, part);
      return true;
    } catch (error) {
      if (error instanceof ApiRequestError && error.issues.length) {
        const errors: Partial<Record<Field, string | TemplateResult>> = {};
        const rest: Said[] = [];
        for (const issue of error.issues) {
          const field = fieldOf(issue.path);
          const message = explainIssue(issue, texts, undefined, false);
          if (field) errors[field] = saidWithin((text) => describe({ field, message: text }), message);
          else rest.push(explainIssue(issue, texts, (lang) => new Intl.DisplayNames([this.language], { type: 'language' }).of(lang) ?? lang));
        }
        this.errors = { ...this.errors, ...errors };
        if (rest.length) this.partError = { ...this.partError, [part]: html`${rest.map((r, n) => html`${n ? ' ' : ''}${saidWithin(this.at.settings.refused, r)}`)}` };
        const first = Object.keys(errors)[0];
        await this.focusOn(first === 'languages' ? 'input[name="languages"]' : first ? `#${first}` : `#${part}-alert`);
      } else {
        const message = explainError(error, texts, this.errorMessage(error, this.at.loadFailed));
        this.partError = { ...this.partError, [part]: error instanceof ApiRequestError && error.status < 500 && error.status !== 429 ? saidWithin(this.at.settings.refused, message) : said(message) };
        await this.focusOn(`#${part}-alert`);
      }
      return false;
    } finally {
      this.saving = undefined;
    }
  }

  private readonly fieldsOf: Record<Part, Field[]> = {
    origins: ['origin'],
    languages: ['languages', 'defaultLang'],
    retention: ['retention'],
    voterKeys: ['voterKey'],
    challenge: ['challengeSiteKey', 'challengeSecret'],
  };

  private clearErrors(part: Part): void {
    const errors = { ...this.errors };
    for (const field of this.fieldsOf[part]) delete errors[field];
    this.errors = errors;
    this.partError = { ...this.partError, [part]: '' };
    this.status = { ...this.status, [part]: '' };
  }

  /** A check of ours failed: the message next to the field, focus on it. */
  private async refuse(part: Part, field: Field, message: string, selector = `#${field}`): Promise<void> {
    this.clearErrors(part);
    this.errors = { ...this.errors, [field]: message };
    await this.focusOn(selector);
  }

  private async addOrigin(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.at.settings.origins;
    const input = this.input('#origin')!;
    const value = input.value.trim();
    const origins = this.settings!.origins;
    if (!value) return this.refuse('origins', 'origin', t.empty);
    const checked = checkOrigin(value);
    if ('problem' in checked) return this.refuse('origins', 'origin', checked.problem === 'invalid' ? t.invalid : t.onlyOrigin(checked.origin));
    if (origins.includes(checked.origin)) return this.refuse('origins', 'origin', t.duplicate(checked.origin));
    if (origins.length >= MAX_ORIGINS) return this.refuse('origins', 'origin', t.tooMany(MAX_ORIGINS));
    const saved = await this.save('origins', { origins: [...origins, checked.origin] }, () => t.invalid);
    if (!saved) return;
    input.value = '';
    this.status = { ...this.status, origins: t.added(checked.origin) };
    await this.focusOn('#origin');
  }

  private async removeOrigin(origin: string): Promise<void> {
    const t = this.at.settings.origins;
    this.removing = undefined;
    const saved = await this.save('origins', { origins: this.settings!.origins.filter((o) => o !== origin) }, ({ message }) => message);
    if (saved) {
      // What is typed in the add field stays, and so does its being unsaved.
      if (this.input('#origin')?.value.trim()) this.markDirty('origins');
      this.status = { ...this.status, origins: t.removed(origin) };
    }
    await this.focusOn('#origin');
  }

  private async saveLanguages(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.at.settings.languages;
    if (this.languages.length === 0) return this.refuse('languages', 'languages', t.noneChosen, 'input[name="languages"]');
    if (!this.languages.includes(this.defaultLang)) return this.refuse('languages', 'defaultLang', t.defaultNotChosen);
    const saved = await this.save('languages', { languages: this.languages, defaultLang: this.defaultLang }, ({ field, message }) =>
      field === 'languages' && /default/i.test(message) ? t.defaultNotChosen : field === 'languages' ? t.noneChosen : message,
    );
    if (saved) this.status = { ...this.status, languages: this.at.settings.saved };
  }

  private async saveRetention(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.at.settings.retention;
    const days = Number(this.retention.trim());
    if (!this.retention.trim() || !Number.isInteger(days) || days < RETENTION.min || days > RETENTION.max) return this.refuse('retention', 'retention', t.invalid(RETENTION.min, RETENTION.max));
    const saved = await this.save('retention', { contactRetentionDays: days }, () => t.invalid(RETENTION.min, RETENTION.max));
    if (saved) this.status = { ...this.status, retention: this.at.settings.saved };
  }

  private async addKey(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.at.settings.voterKeys;
    const input = this.input('#voterKey')!;
    let key: unknown;
    try {
      key = JSON.parse(input.value);
    } catch {
      return this.refuse('voterKeys', 'voterKey', t.notJson);
    }
    if (typeof key !== 'object' || key === null || Array.isArray(key)) return this.refuse('voterKeys', 'voterKey', t.notJson);
    // A private key is never sent anywhere, not even to be refused.
    if (PRIVATE_MEMBERS.some((member) => member in key)) return this.refuse('voterKeys', 'voterKey', t.privateKey);
    const kid = String((key as { kid?: unknown }).kid ?? '');
    const keys = this.settings!.voterKeys;
    if (kid && keys.some((k) => k.kid === kid)) return this.refuse('voterKeys', 'voterKey', t.duplicate(kid));
    if (keys.length >= MAX_KEYS) return this.refuse('voterKeys', 'voterKey', t.tooMany(MAX_KEYS));
    const saved = await this.save('voterKeys', { voterKeys: [...keys, key as PublicJwk] }, ({ message }) => t.refused(message));
    if (!saved) return;
    input.value = '';
    this.status = { ...this.status, voterKeys: t.added(kid) };
    await this.focusOn('#voterKey');
  }

  private async removeKey(kid: string): Promise<void> {
    const t = this.at.settings.voterKeys;
    this.removing = undefined;
    const saved = await this.save('voterKeys', { voterKeys: this.settings!.voterKeys.filter((k) => k.kid !== kid) }, ({ message }) => t.refused(message));
    if (saved) {
      if (this.input('#voterKey')?.value.trim()) this.markDirty('voterKeys');
      this.status = { ...this.status, voterKeys: t.removed(kid) };
    }
    await this.focusOn('#voterKey');
  }

  private async saveChallenge(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.at.settings.challenge;
    const secretInput = this.input('#challengeSecret')!;
    const secret = secretInput.value.trim();
    const update: SiteUpdate = { challengeSiteKey: this.siteKey.trim() || null };
    if (this.clearSecret) update.challengeSecret = null;
    else if (secret) update.challengeSecret = secret;
    const saved = await this.save('challenge', update, ({ message }) => t.refused(message));
    if (!saved) return;
    secretInput.value = '';
    this.status = { ...this.status, challenge: this.at.settings.saved };
  }
}

defineElement('osallistu-admin-settings', OsallistuAdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-settings': OsallistuAdminSettings;
  }
}
