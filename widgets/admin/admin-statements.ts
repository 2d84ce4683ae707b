import { css, html } from 'lit';
import { state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { QueueItem } from '../../worker/schema/statements.ts';
import { defineElement } from '../core/define.ts';
import { formatDate } from '../core/format.ts';
import { localized } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';
import { actionVerb, fill, withContent } from './ui/content-lang.ts';
import { explainError, said } from './ui/errors.ts';
import type { Said, StatusMessage } from './ui/errors.ts';

type Waiting = z.infer<typeof QueueItem>;
type Verdict = 'published' | 'rejected';

/** The most the queue reads at once (the API's most); the rest are read once these are handled. */
const LIMIT = 200;
/** Where the time goes in "Lähetetty ⟨time⟩". */
const TIME = '\u0000';

/** "poll/4": a waiting statement's key, unique across conversations. */
const keyOf = (item: Waiting) => `${item.poll}/${item.id}`;
/** The statement in the language it was written in. */
const textOf = (item: Waiting) => ({ text: item.text[item.lang] ?? Object.values(item.text)[0] ?? '', lang: item.lang });

/** The start of a statement, for a button's name: "Kirjaston pitäisi olla…" (whole words, at most about 30 characters). */
export function startOf(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : flat.slice(0, max)).replace(/[\s,.;:!?–-]+$/, '')}…`;
}

/**
 * Residents' statements waiting for a moderator, from every conversation of the site, oldest
 * first: each with its conversation's question, its text in its own language and when it was
 * sent, published or rejected with one button. The item handled leaves the list, the status line
 * says what was done, and focus moves to the next item's first button (or the heading once none wait).
 */
export class OsallistuAdminStatements extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      ol.statement-queue {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
      }
      ol.statement-queue > li {
        border-block-end: 1px solid var(--_border);
        padding-block: 0.75rem;
      }
      ol.statement-queue p {
        margin: 0 0 0.5rem;
      }
      .statement {
        font-size: 1.1em;
        white-space: pre-wrap;
        overflow-wrap: break-word;
      }
    `,
  ];

  @state() private items?: Waiting[];
  @state() private failed: Said | string = '';
  @state() private loading = false;
  @state() private status: StatusMessage = '';
  /** The items whose publish or reject is on its way. */
  @state() private saving = new Set<string>();
  /** The site's languages: a question falls back through them. */
  @state() private languages?: Lang[];
  /** Whether the last read was a full page: more may wait than are shown. */
  @state() private full = false;

  protected override resourceId(): string {
    return this.token && 'statements';
  }

  protected override async fetchResource(): Promise<void> {
    void this.client.get<{ languages: Lang[]; defaultLang: Lang }>('').then(
      (site) => (this.languages = [site.defaultLang, ...site.languages.filter((l) => l !== site.defaultLang)]),
      () => undefined, // questions then fall back through every language
    );
    await this.load(false);
  }

  /** Reads the queue; `announce` says in the status line how many wait now. */
  private async load(announce: boolean): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    // Emptied first, so the same sentence again is still read out.
    if (announce) this.status = '';
    try {
      const items = (await this.call<{ items: Waiting[] }>('GET', `statements?limit=${LIMIT}`)).items;
      this.items = items;
      this.full = items.length >= LIMIT;
      this.failed = '';
      if (announce) {
        await this.stringsReady();
        this.status = this.at.statements.queue.refreshed(items.length);
      }
    } catch (error) {
      await this.stringsReady();
      this.items = undefined;
      this.failed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    } finally {
      this.loading = false;
    }
  }

  override render() {
    const t = this.at.statements.queue;
    return html`<h2 id="statements-heading" tabindex="-1">${t.heading}</h2>
      <p>${t.intro}</p>
      <p><button part="button" class="secondary" id="refresh" aria-disabled=${this.loading ? 'true' : 'false'} @click=${() => void this.load(true)}>${t.refresh}</button></p>
      <p class="meta" role="status">${said(this.status)}</p>
      <div class="queue" aria-busy=${this.loading ? 'true' : 'false'}>${this.renderList()}</div>`;
  }

  private renderList() {
    const t = this.at.statements.queue;
    if (this.failed) return html`<p class="notice" role="alert">${said(this.failed)}</p><button part="button" id="retry" @click=${() => void this.retry()}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p class="empty">${t.empty}</p><p class="hint">${t.emptyHelp}</p>`;
    return html`${actionVerb('publish-verb', `${t.publish}:`)}${actionVerb('reject-verb', `${t.reject}:`)}
      <ol class="statement-queue" aria-labelledby="statements-heading">
        ${this.items.map((item) => this.renderItem(item))}
      </ol>
      ${this.full ? html`<p class="hint">${t.more}</p>` : ''}`;
  }

  private renderItem(item: Waiting) {
    const t = this.at.statements.queue;
    const key = keyOf(item);
    const id = key.replace('/', '-');
    const text = textOf(item);
    const question = localized(item.question, this.language, this.languages);
    const busy = this.saving.has(key) ? 'true' : 'false';
    return html`<li data-statement=${key}>
      <p class="meta">${withContent(t.conversation, { text: question.text || item.poll, lang: question.text ? question.lang : this.language }, this.language)}</p>
      <p class="statement" lang=${text.lang}>${text.text}</p>
      <p class="meta">${fill(t.sent(TIME), { [TIME]: html`<time datetime=${item.createdAt}>${formatDate(item.createdAt, this.language, 'medium', true)}</time>` })}</p>
      <span hidden id=${`start-${id}`} lang=${text.lang}>${startOf(text.text)}</span>
      <div class="actions">
        <button part="button" data-action="publish" aria-labelledby=${`publish-verb start-${id}`} aria-disabled=${busy} @click=${() => void this.moderate(item, 'published')}>${t.publish}</button>
        <button part="button" class="secondary" data-action="reject" aria-labelledby=${`reject-verb start-${id}`} aria-disabled=${busy} @click=${() => void this.moderate(item, 'rejected')}>${t.reject}</button>
      </div>
    </li>`;
  }

  /** A failed read tried again: focus goes from the retry button, which goes, to the heading. */
  private async retry(): Promise<void> {
    this.renderRoot.querySelector<HTMLElement>('#statements-heading')?.focus();
    await this.load(false);
  }

  /** Publishes or rejects one statement; it leaves the list and focus goes to the next one's first button. */
  private async moderate(item: Waiting, verdict: Verdict): Promise<void> {
    const key = keyOf(item);
    if (this.saving.has(key)) return;
    this.saving = new Set(this.saving).add(key);
    const t = this.at.statements.queue;
    try {
      await this.call('PATCH', `polls/${encodeURIComponent(item.poll)}/statements/${item.id}`, { status: verdict });
      const items = this.items ?? [];
      const index = items.findIndex((i) => keyOf(i) === key);
      this.items = items.filter((i) => keyOf(i) !== key);
      const text = textOf(item);
      this.status = withContent(verdict === 'published' ? t.published : t.rejected, { text: startOf(text.text), lang: text.lang }, this.language);
      // The last one shown handled while more wait: the next page is read.
      if (!this.items.length && this.full) await this.load(false);
      await this.updateComplete;
      const rest = this.items ?? [];
      const next = rest[Math.min(index, rest.length - 1)];
      const target = next ? this.renderRoot.querySelector<HTMLElement>(`li[data-statement="${CSS.escape(keyOf(next))}"] button`) : this.renderRoot.querySelector<HTMLElement>('#statements-heading');
      target?.focus();
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    } finally {
      const saving = new Set(this.saving);
      saving.delete(key);
      this.saving = saving;
    }
  }
}

defineElement('osallistu-admin-statements', OsallistuAdminStatements);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-statements': OsallistuAdminStatements;
  }
}
