import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { PollView } from '../../worker/schema/polls.ts';
import { roleAllows } from '../../worker/schema/roles.ts';
import { ApiRequestError } from '../core/api-client.ts';
import { defineElement } from '../core/define.ts';
import { formatDateTime } from '../core/format.ts';
import { localized } from '../core/i18n.ts';
import { AdminView } from './admin-view.ts';

const FORMATS = [
  ['csv', 'CSV'],
  ['xlsx', 'Excel'],
  ['json', 'JSON'],
] as const;

/** The site's polls: their state, opening and closing them, and their exports in one click. */
@defineElement('osallistu-admin-polls')
export class OsallistuAdminPolls extends AdminView {
  @state() private items?: PollView[];
  @state() private failed = '';
  @state() private closing?: PollView;
  @state() private status = '';
  /** Bytes received of a running export: shown, not read out at every step (the result is). */
  @state() private progress = '';

  protected override resourceId(): string {
    return this.token && 'polls';
  }

  protected override async fetchResource(): Promise<void> {
    try {
      this.items = (await this.call<{ items: PollView[] }>('GET', 'polls')).items;
      this.failed = '';
    } catch (error) {
      await this.stringsReady();
      this.failed = this.errorMessage(error, this.at.loadFailed);
    }
  }

  private question(poll: PollView) {
    return localized(poll.question, this.language, poll.languages);
  }

  override render() {
    const t = this.at.polls;
    return html`<h2>${t.heading}</h2>
      <p class="meta" role="status">${this.status}</p>
      ${this.progress ? html`<p class="meta">${this.progress}</p>` : nothing}
      ${this.closing ? this.renderConfirm(this.closing) : nothing}
      ${this.failed
        ? html`<p class="notice" role="alert">${this.failed}</p><button part="button" @click=${() => void this.fetchResource()}>${this.t.retry}</button>`
        : !this.items
          ? html`<p class="meta">${this.at.loading}</p>`
          : this.items.length === 0
            ? html`<p>${t.empty}</p>`
            : html`<div class="scroll" tabindex="0" role="region" aria-label=${t.heading}>
                <table>
                  <caption class="visually-hidden">${t.heading}</caption>
                  <thead>
                    <tr><th scope="col">${t.question}</th><th scope="col">${t.status}</th><th scope="col">${t.closes}</th><th scope="col">${t.export}</th></tr>
                  </thead>
                  <tbody>
                    ${this.items.map((poll) => this.renderRow(poll))}
                  </tbody>
                </table>
              </div>`}`;
  }

  private renderRow(poll: PollView) {
    const t = this.at.polls;
    const question = this.question(poll);
    const editor = this.official && roleAllows(this.official.role, 'editor');
    return html`<tr>
      <th scope="row" lang=${question.lang}>${question.text}<br /><code class="meta">${poll.id}</code></th>
      <td>
        ${t.statuses[poll.status]}
        ${editor
          ? html`<div class="row-actions">
              ${poll.status === 'open'
                ? html`<button part="button" class="secondary" data-poll=${poll.id} aria-label=${`${t.close}: ${question.text}`} @click=${() => void this.askClose(poll)}>${t.close}</button>`
                : html`<button part="button" class="secondary" data-poll=${poll.id} aria-label=${`${t.open}: ${question.text}`} @click=${() => void this.setStatus(poll, 'open')}>${t.open}</button>`}
            </div>`
          : nothing}
      </td>
      <td>${poll.closesAt ? formatDateTime(poll.closesAt, this.language) : '–'}</td>
      <td>
        <div class="row-actions">
          ${FORMATS.map(
            ([format, name]) => html`<button part="button" class="secondary" aria-label=${`${t.export} ${name}: ${question.text}`} @click=${() => void this.export(poll, format)}>${name}</button>`,
          )}
        </div>
      </td>
    </tr>`;
  }

  private renderConfirm(poll: PollView) {
    return html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.cancelClose()}>
      <p id="confirm-text" tabindex="-1">${this.at.polls.confirmClose(this.question(poll).text)}</p>
      <div class="actions">
        <button part="button" class="danger" @click=${() => void this.setStatus(poll, 'closed')}>${this.at.polls.close}</button>
        <button part="button" class="secondary" @click=${() => void this.cancelClose()}>${this.at.cancel}</button>
      </div>
    </div>`;
  }

  private async askClose(poll: PollView): Promise<void> {
    this.closing = poll;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus();
  }

  private async cancelClose(): Promise<void> {
    const id = this.closing?.id;
    this.closing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-poll="${id}"]`)?.focus();
  }

  private async setStatus(poll: PollView, status: 'open' | 'closed'): Promise<void> {
    const question = this.question(poll).text;
    try {
      await this.call('PATCH', `polls/${encodeURIComponent(poll.id)}`, { status });
      this.closing = undefined;
      this.status = status === 'open' ? this.at.polls.opened(question) : this.at.polls.closed(question);
      await this.fetchResource();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`button[data-poll="${poll.id}"]`)?.focus();
    } catch (error) {
      this.closing = undefined;
      this.status = error instanceof ApiRequestError ? error.message : this.errorMessage(error, this.at.loadFailed);
    }
  }

  private async export(poll: PollView, format: string): Promise<void> {
    try {
      this.progress = this.at.polls.exporting('0');
      const file = await this.download(`polls/${encodeURIComponent(poll.id)}/export?format=${format}`, (bytes) => {
        this.progress = this.at.polls.exporting((bytes / 1024).toFixed(0));
      });
      this.status = this.at.polls.exported(file);
    } catch (error) {
      this.status = this.errorMessage(error, this.at.loadFailed);
    } finally {
      this.progress = '';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-polls': OsallistuAdminPolls;
  }
}
