import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { BOM, csvRow } from '../../worker/export/csv.ts';
import type { AuditEntry } from '../../worker/schema/sites.ts';
import { defineElement } from '../core/define.ts';
import { formatDate } from '../core/format.ts';
import { loadSite } from '../core/site.ts';
import { localized, normalizeLang } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';
import { fill, inLang } from './ui/content-lang.ts';
import { explainError, said } from './ui/errors.ts';
import type { Said } from './ui/errors.ts';

type Page = { items: AuditEntry[]; nextCursor: string | null };
/** The filter's choices: the actions' prefixes, which the API filters by. */
const GROUPS = ['', 'poll', 'statement', 'form', 'submission', 'decision', 'video', 'token', 'site'] as const;
type Named = { id: string; languages?: Lang[] } & Record<string, unknown>;
/** Where the time, a poll's or form's name, the actor and a token's label go in a sentence, cut out again by `fill`. */
const TIME = '\u0000';
const NAME = '\u0002';
const ACTOR = '\u0003';
const LABEL = '\u0004';

/** Excel-ready CSV (BOM, semicolons, formulas neutralised), as the API's own exports are. */
export function auditCsv(entries: AuditEntry[], headers: string[]): string {
  const rows = entries.map((e) => [e.createdAt, e.actor, e.action, e.target ?? '', JSON.stringify(e.detail)]);
  return BOM + [headers, ...rows].map((row) => csvRow(row, ';')).join('');
}

/**
 * Who did what and when on the site, newest first, as sentences in the console's language
 * ("Maija M. sulki kyselyn ”Puistot” 4.12.2026 klo 10.02"), filtered by area (polls, forms, …),
 * downloadable as CSV with the raw codes and details.
 */
export class OsallistuAdminAudit extends AdminView {
  @state() private items?: AuditEntry[];
  @state() private next: string | null = null;
  @state() private action = '';
  @state() private failed: Said | string = '';
  /** Names of the polls, forms and videos the log names, by "poll:ID", "form:ID" and "video:ID". */
  @state() private names = new Map<string, LocalizedValue>();
  @state() private loadingMore = false;
  /** The site's default language: a topic's or district's value is a word in it. */
  @state() private siteLang?: Lang;

  protected override resourceId(): string {
    return this.token && 'audit';
  }

  protected override async fetchResource(): Promise<void> {
    void this.fetchNames();
    await this.fetchPage(false);
  }

  /** Polls, forms and the newest videos by name rather than id (the log keeps ids); the log reads without them too. */
  private async fetchNames(): Promise<void> {
    const names = new Map<string, LocalizedValue>();
    const text = (map: unknown, languages?: Lang[]) => localized(map as Partial<Record<Lang, string>>, this.language, languages);
    const none = { items: [] as Named[] };
    const [polls, forms, videos, site] = await Promise.all([
      this.call<{ items: Named[] }>('GET', 'polls').catch(() => none),
      this.call<{ items: Named[] }>('GET', 'forms').catch(() => none),
      this.call<{ items: Named[] }>('GET', 'videos?limit=100').catch(() => none),
      loadSite(this.client).catch(() => undefined),
    ]);
    for (const p of polls.items) names.set(`poll:${p.id}`, text(p.question, p.languages));
    for (const f of forms.items) names.set(`form:${f.id}`, text(f.title, f.languages));
    // The newest hundred by publishing date; an older video's entries name it by its id.
    for (const v of videos.items) names.set(`video:${v.id}`, text(v.title, v.languages));
    this.names = names;
    this.siteLang = site?.defaultLang;
  }

  private async fetchPage(more: boolean): Promise<void> {
    const query = new URLSearchParams({ limit: '50' });
    if (this.action) query.set('action', this.action);
    if (more && this.next) query.set('cursor', this.next);
    this.loadingMore = more;
    try {
      const page = await this.call<Page>('GET', `audit?${query}`);
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.next = page.nextCursor;
      this.failed = '';
    } catch (error) {
      await this.stringsReady();
      this.failed = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    } finally {
      this.loadingMore = false;
    }
  }

  override render() {
    const t = this.at.audit;
    return html`<h2>${t.heading}</h2>
      <form class="filters actions" role="search" aria-label=${t.heading} @submit=${this.filter}>
        <div class="field">
          <label for="action">${t.filter}</label>
          <p class="hint" id="action-help">${t.filterHelp}</p>
          <select id="action" name="action" aria-describedby="action-help">
            ${GROUPS.map((group) => html`<option value=${group} ?selected=${group === this.action}>${t.log.groups[group]}</option>`)}
          </select>
        </div>
        <button part="button">${t.apply}</button>
      </form>
      ${this.failed
        ? html`<p class="notice" role="alert">${said(this.failed)}</p><button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`
        : !this.items
          ? html`<p class="meta" role="status">${this.at.loading}</p>`
          : this.items.length === 0
            ? html`<p role="status">${t.empty}</p>`
            : html`<ol class="audit" aria-label=${t.heading}>
                  ${this.items.map((e) => html`<li>${this.sentence(e)}</li>`)}
                </ol>
                <div class="actions">
                  ${this.next ? html`<button part="button" class="secondary" aria-disabled=${this.loadingMore} @click=${() => this.loadingMore || void this.fetchPage(true)}>${this.at.loadMore}</button>` : nothing}
                  <button part="button" class="secondary" @click=${this.downloadCsv}>${t.download}</button>
                </div>`}`;
  }

  /** "Maija M. sulki kyselyn ”Puistot” 4.12.2026 klo 10.02", with the time as a `<time>`. */
  private sentence(e: AuditEntry) {
    const log = this.at.audit.log;
    // A decision term's target is "topic:päiväkodit": its kind for the sentence, its value as the name.
    const [kind, value] = e.action === 'decision_term.update' && e.target?.includes(':') ? e.target.split(/:(.*)/) : [];
    // A statement's entries name its conversation ("poll/4" when published or rejected, "poll" when added): the poll's name, and the number apart.
    const [conversation, number] = e.action.startsWith('statement.') && e.target ? e.target.split('/') : [];
    // A poll's or form's name is content in its own language: a marker now, a span with its lang below.
    // A `video.channel` entry's target is a channel, not a video: it keeps its id.
    const named = conversation ? this.names.get(`poll:${conversation}`) : e.target && e.action !== 'video.channel' ? this.names.get(`${e.action.split('.')[0]}:${e.target}`) : undefined;
    // Else a term's value is a word in the site's language, and any other target an id, in no language.
    const id = conversation ?? e.target;
    const target = value !== undefined ? inLang({ text: value, lang: this.siteLang ?? this.language }, this.language) : id ? html`<code>${id}</code>` : undefined;
    const name = named?.text || target ? NAME : '';
    // A token's label (token.create, token.revoke) is in the language it was written in.
    const labelLang = typeof e.detail.labelLang === 'string' ? normalizeLang(e.detail.labelLang) : undefined;
    const label = typeof e.detail.label === 'string' && labelLang ? { text: e.detail.label, lang: labelLang } : undefined;
    const detail = { ...e.detail, ...(kind ? { kind } : {}), ...(number ? { statement: number } : {}), ...(label ? { label: LABEL } : {}) };
    const did = log.did(
      { action: e.action, name, detail },
      {
        status: (s) => (this.at.feedback.statuses as Record<string, string>)[s] ?? s,
        role: (r) => (this.at.roles as Record<string, string>)[r] ?? r,
        settings: (detail) => this.settingsNamed(detail),
      },
    );
    const when = formatDate(e.createdAt, this.language, 'medium', true);
    const actor = e.actor === 'command line' ? log.commandLine : e.actorLang ? ACTOR : e.actor;
    return html`${fill(log.sentence(actor, did, TIME), {
      [TIME]: html`<time class="nowrap" datetime=${e.createdAt}>${when}</time>`,
      ...(named?.text ? { [NAME]: inLang(named, this.language) } : target ? { [NAME]: target } : {}),
      ...(e.actorLang ? { [ACTOR]: inLang({ text: e.actor, lang: e.actorLang }, this.language) } : {}),
      ...(label ? { [LABEL]: inLang(label, this.language) } : {}),
    })}`;
  }

  /** The parts of the settings a `site.update` changed, by their headings in the Settings view. */
  private settingsNamed(detail: Record<string, unknown>): string {
    const t = this.at.settings;
    const parts: Record<string, string> = {
      origins: t.origins.heading,
      languages: t.languages.heading,
      defaultLang: t.languages.heading,
      contactRetentionDays: t.retention.heading,
      voterKeys: t.voterKeys.heading,
      challengeSiteKey: t.challenge.heading,
      challengeSecret: t.challenge.heading,
    };
    // The origins themselves, so that the log says which page addresses were registered.
    const origins = Array.isArray(detail.origins) ? ` (${detail.origins.join(', ')})` : '';
    return [...new Set(Object.keys(detail).map((key) => (key === 'origins' ? parts[key] + origins : parts[key])).filter(Boolean))].join(', ');
  }

  private filter(event: SubmitEvent): void {
    event.preventDefault();
    this.action = String(new FormData(event.target as HTMLFormElement).get('action') ?? '');
    this.items = undefined;
    void this.fetchPage(false);
  }

  private downloadCsv(): void {
    const t = this.at.audit;
    const csv = auditCsv(this.items ?? [], [t.when, t.who, t.action, t.target, t.detail]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    Object.assign(document.createElement('a'), { href: url, download: `${this.siteId}-audit.csv` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

defineElement('osallistu-admin-audit', OsallistuAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-audit': OsallistuAdminAudit;
  }
}
