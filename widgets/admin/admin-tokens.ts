import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { CreatedToken, TokenInfo } from '../../worker/schema/sites.ts';
import { ROLES } from '../../worker/schema/roles.ts';
import type { z } from '@hono/zod-openapi';
import { defineElement } from '../core/define.ts';
import { formatDate } from '../core/format.ts';
import { AdminView } from './admin-view.ts';
import { explainError, said } from './ui/errors.ts';
import type { Said, StatusMessage } from './ui/errors.ts';
import { actionVerb, inLang, withContent } from './ui/content-lang.ts';
import { statusBadge } from './ui/status-badge.ts';

/** An owner creates, labels and revokes the tokens of the site's other officials. */
export class OsallistuAdminTokens extends AdminView {
  @state() private items?: TokenInfo[];
  @state() private failed: Said | string = '';
  @state() private created?: z.infer<typeof CreatedToken>;
  @state() private revoking?: TokenInfo;
  /** What the last revoke did; it names the token's label in the label's own language. */
  @state() private status: StatusMessage = '';
  @state() private error: Said | string = '';

  protected override resourceId(): string {
    return this.token && 'tokens';
  }

  protected override async fetchResource(): Promise<void> {
    try {
      this.items = (await this.call<{ items: TokenInfo[] }>('GET', 'tokens')).items;
      this.failed = '';
    } catch (error) {
      await this.stringsReady();
      this.failed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  override render() {
    const t = this.at.tokens;
    return html`<h2>${t.heading}</h2>
      <p>${t.intro}</p>
      <form @submit=${this.create} aria-labelledby="new-token-heading">
        <h3 id="new-token-heading">${t.create}</h3>
        <div class="field">
          <label for="label">${t.label}</label>
          <p class="hint" id="label-help">${t.labelHelp}</p>
          <input id="label" name="label" required maxlength="80" autocomplete="off" aria-describedby="label-help" />
        </div>
        <div class="field">
          <label for="role">${t.role}</label>
          <select id="role" name="role">
            ${ROLES.map((role) => html`<option value=${role} ?selected=${role === 'editor'}>${this.at.roles[role]}</option>`)}
          </select>
        </div>
        ${this.error ? html`<p class="error" role="alert">${said(this.error)}</p>` : nothing}
        <button part="button">${t.create}</button>
      </form>
      ${this.created
        ? html`<section class="panel" aria-labelledby="created-heading">
            <h3 id="created-heading" tabindex="-1">${withContent(t.created, this.named(this.created), this.language)}</h3>
            <p>${t.secretHelp}</p>
            <code class="secret">${this.created.token}</code>
            <button part="button" class="secondary" @click=${this.copy}>${t.copy}</button>
          </section>`
        : nothing}
      <p class="meta" role="status">${said(this.status)}</p>
      ${this.revoking ? this.renderConfirm(this.revoking) : nothing} ${this.renderList()}`;
  }

  private renderList() {
    const t = this.at.tokens;
    if (this.failed) return html`<p class="notice" role="alert">${said(this.failed)}</p><button part="button" @click=${() => void this.fetchResource()}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    const when = (iso: string) => formatDate(iso, this.language, 'medium', true);
    return html`<div class="table-wrap">
      <table class="responsive">
        <caption>${t.list}</caption>
        <thead>
          <tr>
            <th scope="col">${t.label}</th><th scope="col">${t.role}</th><th scope="col">${t.created_at}</th><th scope="col">${t.state}</th>
            <th scope="col"><span class="visually-hidden">${this.at.ui.actions}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map(
            (token) => html`<tr>
              <th scope="row"><span id=${`token-name-${token.id}`}>${inLang(this.named(token), this.language)}</span> ${token.id === this.official?.tokenId ? t.you : nothing}</th>
              <td data-label=${t.role}>${this.at.roles[token.role]}</td>
              <td data-label=${t.created_at}><time class="nowrap" datetime=${token.createdAt}>${when(token.createdAt)}</time></td>
              <td data-label=${t.state}>
                ${token.revokedAt
                  ? html`${statusBadge(t.revoked_, 'closed')} <time datetime=${token.revokedAt}>${when(token.revokedAt)}</time>`
                  : statusBadge(t.active, 'open')}
              </td>
              <td>
                ${token.revokedAt || token.id === this.official?.tokenId
                  ? nothing
                  : html`${actionVerb(`revoke-${token.id}`, `${t.revoke}:`)}<button
                        part="button"
                        class="secondary"
                        data-token=${token.id}
                        aria-labelledby=${`revoke-${token.id} token-name-${token.id}`}
                        @click=${() => void this.askRevoke(token)}
                      >
                        ${t.revoke}
                      </button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderConfirm(token: TokenInfo) {
    return html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancelRevoke()}>
      <p id="confirm-text" tabindex="-1">${withContent(this.at.tokens.confirmRevoke, this.named(token), this.language)}</p>
      <div class="actions">
        <button part="button" class="danger" @click=${() => void this.revoke(token)}>${this.at.tokens.revoke}</button>
        <button part="button" class="secondary" @click=${this.cancelRevoke}>${this.at.cancel}</button>
      </div>
    </div>`;
  }

  /** A token's label with the language it was written in. */
  private named(token: TokenInfo): { text: string; lang: TokenInfo['labelLang'] } {
    return { text: token.label, lang: token.labelLang };
  }

  private async askRevoke(token: TokenInfo): Promise<void> {
    this.revoking = token;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus();
  }

  private async cancelRevoke(): Promise<void> {
    const id = this.revoking?.id;
    this.revoking = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-token="${id}"]`)?.focus();
  }

  private async revoke(token: TokenInfo): Promise<void> {
    try {
      await this.call('DELETE', `tokens/${encodeURIComponent(token.id)}`);
      this.revoking = undefined;
      this.status = withContent(this.at.tokens.revoked, this.named(token), this.language);
      await this.fetchResource();
    } catch (error) {
      this.revoking = undefined;
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.error = '';
    try {
      this.created = await this.call<z.infer<typeof CreatedToken>>('POST', 'tokens', { label: String(data.get('label') ?? '').trim(), labelLang: this.language, role: data.get('role') });
      form.reset();
      await this.fetchResource();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#created-heading')?.focus();
    } catch (error) {
      this.error = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  private async copy(): Promise<void> {
    await navigator.clipboard?.writeText(this.created?.token ?? '').catch(() => undefined);
    this.status = this.at.tokens.copied;
  }
}

defineElement('osallistu-admin-tokens', OsallistuAdminTokens);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-tokens': OsallistuAdminTokens;
  }
}
