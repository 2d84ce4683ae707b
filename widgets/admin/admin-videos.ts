import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import type { z } from '@hono/zod-openapi';
import type { ErrorEnvelope, ErrorIssue } from '../../worker/errors.ts';
import { roleAllows } from '../../worker/schema/roles.ts';
import type { VideoSummaryView, VideoView } from '../../worker/schema/videos.ts';
import { ApiRequestError, NetworkError, newIdempotencyKey } from '../core/api-client.ts';
import { defineElement } from '../core/define.ts';
import { clock, formatDateTime } from '../core/format.ts';
import { Catalog, LANGS, localized } from '../core/i18n.ts';
import { loadSite } from '../core/site.ts';
import type { Lang } from '../locales/messages.ts';
// Also defines <osallistu-video>, the preview.
import { filled } from './admin-editor.ts';
import { AdminView } from './admin-view.ts';
import type { AdminVideoMessages } from './locales/videos/messages.ts';

type Summary = z.infer<typeof VideoSummaryView>;
type Video = z.infer<typeof VideoView>;
type Provider = Video['provider'];
type Texts = Partial<Record<Lang, string>>;

/** The video view's strings, one chunk per language, loaded only with the view. */
export const adminVideoMessages = new Catalog<AdminVideoMessages>({
  fi: () => import('./locales/videos/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/videos/sv.ts').then((m) => m.sv),
  en: () => import('./locales/videos/en.ts').then((m) => m.en),
});

const PROVIDERS: Provider[] = ['youtube', 'vimeo', 'peertube', 'file'];
const POSTER_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const POSTER_MAX_BYTES = 2 * 1024 * 1024;
const CAPTIONS_MAX_BYTES = 1024 * 1024;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** "4:32" → 272, "1:02:05" → 3725, "95" → 95; undefined for anything else. */
export function parseClock(text: string): number | undefined {
  const value = text.trim();
  if (/^\d{1,5}$/.test(value)) return Number(value);
  const m = /^(?:(\d{1,2}):([0-5]?\d)|(\d{1,4})):([0-5]\d)$/.exec(value);
  if (!m) return undefined;
  const [, hours, minutesOfHour, minutes, seconds] = m;
  return hours !== undefined ? Number(hours) * 3600 + Number(minutesOfHour) * 60 + Number(seconds) : Number(minutes) * 60 + Number(seconds);
}

/** A guess from a pasted address; the server checks it. Look-alike hosts count as the service they imitate, so its refusal names it. */
export function detectProvider(ref: string): Provider | undefined {
  const text = ref.trim();
  if (text.startsWith('/')) return 'file';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  const host = url.hostname.toLowerCase();
  if (host.includes('youtube') || host.includes('youtu.be')) return 'youtube';
  if (host.includes('vimeo')) return 'vimeo';
  if (/\.(mp4|webm|m3u8)$/i.test(url.pathname)) return 'file';
  return 'peertube';
}

/** An ISO time as a `datetime-local` value in the browser's time zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}


const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isPublic = (video: Pick<Video, 'status' | 'publishedAt'>) => video.status === 'published' && Date.parse(video.publishedAt) <= Date.now();

interface ChapterDraft {
  key: number;
  start: string;
  title: Texts;
}

/** A video as the edit form holds it: what the fields show, as typed. */
interface Draft {
  channel: string;
  status: 'draft' | 'published';
  publishedAt: string;
  duration: string;
  title: Texts;
  description: Texts;
  transcript: Texts;
  chapters: ChapterDraft[];
}

interface AddDraft {
  channel: string;
  provider: Provider;
  /** The editor picked the provider; the address no longer changes it. */
  chosen: boolean;
  ref: string;
  host: string;
  title: Texts;
  duration: string;
  status: 'draft' | 'published';
}

/** A message at a field: the console's own words, or the server's (in English). */
interface Message {
  text: string;
  lang?: Lang;
}
type Errors = Record<string, Message>;
type Scope = 'add' | 'edit';

let chapterKeys = 0;

/**
 * The site's videos for editors: the list (drafts and scheduled ones too), adding one by its
 * address, editing its texts, chapters and publication, its poster and captions, a preview as
 * residents see it, and deleting it. Unsaved edits are guarded: leaving asks first.
 *
 * @attr limit - videos per page (default 20).
 */
@defineElement('osallistu-admin-videos')
export class OsallistuAdminVideos extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      fieldset.group {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem 1rem 0.25rem;
        margin: 0 0 1rem;
        min-inline-size: 0;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 1rem;
      }
      .part {
        border-block-start: 1px solid var(--_border);
        padding-block-start: 1rem;
        margin-block-start: 1.5rem;
      }
      .list {
        margin-block-start: 1.5rem;
      }
      h2:focus,
      h3:focus {
        outline-offset: 4px;
      }
      img.poster {
        display: block;
        max-inline-size: min(100%, 24rem);
        block-size: auto;
        border: 1px solid var(--_border);
        margin: 0 0 0.75rem;
      }
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      ul.plain li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding-block: 0.25rem;
      }
      .error ul {
        margin: 0.25rem 0 0;
        font-weight: 400;
      }
      .preview {
        max-inline-size: 40rem;
      }
    `,
  ];
  static override catalogs = [...AdminView.catalogs, adminVideoMessages];

  @property({ type: Number }) limit = 20;

  @state() private langs: Lang[] = [...LANGS];
  @state() private items?: Summary[];
  @state() private next: string | null = null;
  @state() private filter = { channel: '', status: '' };
  @state() private failed = '';
  @state() private status = '';
  @state() private busy = false;

  @state() private adding = false;
  @state() private add: AddDraft = this.emptyAdd();
  @state() private detected?: Provider;

  @state() private video?: Video;
  @state() private draft?: Draft;
  @state() private original?: Draft;
  @state() private editLangs: Lang[] = [];
  /** Saves and uploads in the editor are said here, next to them. */
  @state() private note = '';
  @state() private posterSrc = '';
  @state() private posterError = '';
  @state() private captionsError?: { text: string; lines: { line: number; text: string }[] };
  @state() private previewKey = 0;
  @state() private deleting = false;

  @state() private errors: Record<Scope, Errors> = { add: {}, edit: {} };
  @state() private general: Record<Scope, Message | undefined> = { add: undefined, edit: undefined };
  /** Asking before unsaved changes are dropped: what to do then, and where focus goes back otherwise. */
  @state() private leaving?: { run: () => unknown; back: string };


  private get vt(): AdminVideoMessages {
    return adminVideoMessages.get(this.language);
  }

  private get canEdit(): boolean {
    return !this.official || roleAllows(this.official.role, 'editor');
  }

  /** Whether leaving now would lose something typed: the shell may ask this before it switches views. */
  override get hasUnsavedChanges(): boolean {
    const editing = !!this.draft && !!this.original && !same(this.comparable(this.draft), this.comparable(this.original));
    const a = this.add;
    const adding = this.adding && !!(a.ref.trim() || a.host.trim() || a.duration.trim() || Object.values(a.title).some((t) => t?.trim()));
    return editing || adding;
  }

  private comparable(draft: Draft) {
    return { ...draft, chapters: draft.chapters.map(({ start, title }) => ({ start, title })) };
  }

  protected override resourceId(): string {
    return this.token && 'videos';
  }

  protected override async fetchResource(): Promise<void> {
    void loadSite(this.client).then(
      (site) => (this.langs = site.languages.length ? site.languages : [...LANGS]),
      () => undefined, // every language is offered then
    );
    await this.fetchPage(false);
  }

  private async fetchPage(more: boolean): Promise<void> {
    const query = new URLSearchParams({ limit: String(this.limit) });
    if (this.filter.channel) query.set('channel', this.filter.channel);
    if (this.filter.status) query.set('status', this.filter.status);
    if (more && this.next) query.set('cursor', this.next);
    try {
      const page = await this.call<{ items: Summary[]; nextCursor: string | null }>('GET', `videos?${query}`);
      await this.stringsReady();
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.next = page.nextCursor;
      this.failed = '';
      if (more) this.status = this.vt.loadedMore(page.items.length);
    } catch (error) {
      await this.stringsReady();
      if (more) this.status = this.errorMessage(error, this.at.loadFailed);
      else this.failed = this.errorMessage(error, this.at.loadFailed);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The preview's element, imported on demand like every public widget (never statically, which would change the public chunks).
    void import('../video/osallistu-video.ts');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.posterSrc) URL.revokeObjectURL(this.posterSrc);
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private titleOf(item: Pick<Summary, 'title' | 'languages'>) {
    return localized(item.title, this.language, item.languages);
  }

  private statusOf(item: Pick<Summary, 'status' | 'publishedAt'>): 'draft' | 'published' | 'scheduled' {
    if (item.status === 'draft') return 'draft';
    return Date.parse(item.publishedAt) > Date.now() ? 'scheduled' : 'published';
  }

  // ---- Rendering ------------------------------------------------------------------------------

  override render() {
    const t = this.vt;
    return html`<h2 id="videos-heading" tabindex="-1">${t.heading}</h2>
      <p>${t.intro}</p>
      <p class="meta" role="status">${this.status}</p>
      ${this.leaving ? this.renderLeaving() : nothing}
      ${this.canEdit && !this.adding ? html`<div class="actions"><button part="button" id="add-open" @click=${() => this.leave(() => this.openAdd(), '#add-open')}>${t.add}</button></div>` : nothing}
      ${this.adding ? this.renderAdd() : nothing} ${this.video && this.draft ? this.renderEditor(this.video, this.draft) : nothing}
      <div class="list">
        <h3 class="visually-hidden">${t.list}</h3>
        ${this.renderFilters()} ${this.renderList()}
      </div>`;
  }

  private renderLeaving() {
    const t = this.vt;
    return html`<div class="confirm" role="alertdialog" aria-labelledby="discard-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.stay()}>
      <p id="discard-text" tabindex="-1">${t.confirmDiscard}</p>
      <div class="actions">
        <button part="button" class="danger" id="discard" @click=${() => void this.discard()}>${t.discard}</button>
        <button part="button" class="secondary" id="keep-editing" @click=${() => void this.stay()}>${t.keepEditing}</button>
      </div>
    </div>`;
  }

  private renderFilters() {
    const t = this.vt;
    const channels = [...new Set([...(this.items ?? []).map((i) => i.channel), this.filter.channel].filter(Boolean))].sort();
    return html`<form class="filters actions" novalidate @submit=${this.applyFilter}>
      <datalist id="channels">${channels.map((c) => html`<option value=${c}></option>`)}</datalist>
      <div class="field">
        <label for="filter-channel">${t.channel}</label>
        <input id="filter-channel" name="channel" list="channels" autocomplete="off" .value=${this.filter.channel} />
      </div>
      <div class="field">
        <label for="filter-status">${t.status}</label>
        <select id="filter-status" name="status">
          <option value="" ?selected=${!this.filter.status}>${t.all}</option>
          <option value="draft" ?selected=${this.filter.status === 'draft'}>${t.statuses.draft}</option>
          <option value="published" ?selected=${this.filter.status === 'published'}>${t.statuses.published} / ${t.statuses.scheduled}</option>
        </select>
      </div>
      <button part="button" class="secondary">${t.apply}</button>
    </form>`;
  }

  private renderList() {
    const t = this.vt;
    if (this.failed) return html`<p class="notice" role="alert">${this.failed}</p><button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`;
    if (!this.items) return html`<p class="meta">${this.at.loading}</p>`;
    if (this.items.length === 0) return html`<p class="empty">${this.filter.channel ? t.emptyChannel(this.filter.channel) : t.empty}</p>`;
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t.list}>
        <table>
          <caption class="visually-hidden">${t.list}</caption>
          <thead>
            <tr>
              <th scope="col">${t.title}</th>
              <th scope="col">${t.channel}</th>
              <th scope="col">${t.provider}</th>
              <th scope="col">${t.status}</th>
              <th scope="col">${t.published}</th>
              ${this.canEdit ? html`<td></td>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${this.items.map((item) => {
              const title = this.titleOf(item);
              return html`<tr data-video=${item.id} aria-current=${this.video?.id === item.id ? 'true' : nothing}>
                <th scope="row" lang=${title.lang}>${title.text}</th>
                <td>${item.channel}</td>
                <td>${t.providers[item.provider]}</td>
                <td>${t.statuses[this.statusOf(item)]}</td>
                <td>${formatDateTime(item.publishedAt, this.language)}</td>
                ${this.canEdit
                  ? html`<td>
                      <button part="button" class="secondary" data-video=${item.id} aria-label=${`${t.edit}: ${title.text}`} @click=${() => this.leave(() => this.openVideo(item.id), `button[data-video="${item.id}"]`)}>
                        ${t.edit}
                      </button>
                    </td>`
                  : nothing}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${this.next ? html`<div class="actions"><button part="button" class="secondary" id="more" @click=${() => void this.fetchPage(true)}>${this.at.loadMore}</button></div>` : nothing}`;
  }

  /** A labelled text field with its hint and its error, both read with it. */
  private field(
    scope: Scope,
    key: string,
    label: string,
    value: string,
    set: (value: string) => void,
    options: { hint?: string; lang?: Lang; rows?: number; type?: string; required?: boolean; list?: string; maxlength?: number; inputmode?: string } = {},
  ) {
    const id = `${scope}-${key.replaceAll('.', '-')}`;
    const error = this.errors[scope][key];
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const onInput = (event: Event) => {
      set((event.target as HTMLInputElement).value);
      if (error) this.clearError(scope, key);
    };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
      ${options.rows
        ? html`<textarea
            id=${id}
            rows=${options.rows}
            lang=${options.lang ?? nothing}
            maxlength=${options.maxlength ?? nothing}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .value=${value}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${id}
            type=${options.type ?? 'text'}
            lang=${options.lang ?? nothing}
            list=${options.list ?? nothing}
            inputmode=${options.inputmode ?? nothing}
            maxlength=${options.maxlength ?? nothing}
            autocomplete="off"
            ?required=${options.required}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .value=${value}
            @input=${onInput}
          />`}
      ${error ? html`<p class="error" id=${`${id}-error`}><span lang=${error.lang ?? nothing}>${error.text}</span></p>` : nothing}
    </div>`;
  }

  private generalError(scope: Scope) {
    const message = this.general[scope];
    return html`<div role="alert">${message ? html`<p class="error" id=${`${scope}-error`} tabindex="-1" lang=${message.lang ?? nothing}>${message.text}</p>` : nothing}</div>`;
  }

  private renderAdd() {
    const t = this.vt;
    const a = this.add;
    const set = (patch: Partial<AddDraft>) => (this.add = { ...this.add, ...patch });
    const providerError = this.errors.add.provider;
    return html`<section class="panel adding" aria-labelledby="add-heading">
      <h3 id="add-heading" tabindex="-1">${t.addHeading}</h3>
      <form novalidate @submit=${(e: SubmitEvent) => void this.create(e)}>
        ${this.field('add', 'channel', t.channel, a.channel, (channel) => set({ channel }), { hint: t.channelHelp, required: true, list: 'channels', maxlength: 64 })}
        ${this.field('add', 'ref', t.address, a.ref, (ref) => this.typeAddress(ref), { hint: t.addressHelp, required: true, type: 'url', maxlength: 2000 })}
        <div class="field">
          <label for="add-provider">${t.provider}</label>
          ${this.detected ? html`<p class="hint" id="add-provider-hint">${t.detected(t.providers[this.detected])}</p>` : nothing}
          <select
            id="add-provider"
            aria-describedby=${[this.detected ? 'add-provider-hint' : '', providerError ? 'add-provider-error' : ''].filter(Boolean).join(' ') || nothing}
            aria-invalid=${providerError ? 'true' : 'false'}
            @change=${(e: Event) => set({ provider: (e.target as HTMLSelectElement).value as Provider, chosen: true })}
          >
            ${PROVIDERS.map((p) => html`<option value=${p} ?selected=${p === a.provider}>${t.providers[p]}</option>`)}
          </select>
          ${providerError ? html`<p class="error" id="add-provider-error"><span lang=${providerError.lang ?? nothing}>${providerError.text}</span></p>` : nothing}
        </div>
        ${a.provider === 'peertube' ? this.field('add', 'host', t.host, a.host, (host) => set({ host }), { hint: t.hostHelp, maxlength: 253 }) : nothing}
        ${this.langs.map((lang) =>
          this.field('add', `title.${lang}`, t.titleIn(t.languages[lang]), a.title[lang] ?? '', (text) => set({ title: { ...this.add.title, [lang]: text } }), { lang, maxlength: 300 }),
        )}
        <div class="grid">
          ${this.field('add', 'duration', t.duration, a.duration, (duration) => set({ duration }), { hint: t.durationHelp })}
          <div class="field">
            <label for="add-status">${t.status}</label>
            <select id="add-status" @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value as AddDraft['status'] })}>
              <option value="draft" ?selected=${a.status === 'draft'}>${t.statuses.draft}</option>
              <option value="published" ?selected=${a.status === 'published'}>${t.statuses.published}</option>
            </select>
          </div>
        </div>
        ${this.generalError('add')}
        <div class="actions">
          <button part="button" aria-disabled=${this.busy ? 'true' : 'false'}>${t.create}</button>
          <button part="button" type="button" class="secondary" id="add-cancel" @click=${() => this.leave(() => this.closeAdd(), '#add-cancel')}>${this.at.cancel}</button>
        </div>
      </form>
    </section>`;
  }

  private renderEditor(video: Video, d: Draft) {
    const t = this.vt;
    const title = this.titleOf(video);
    const dirty = this.hasUnsavedChanges;
    const set = (patch: Partial<Draft>) => (this.draft = { ...this.draft!, ...patch });
    const setText = (field: 'title' | 'description' | 'transcript', lang: Lang) => (text: string) => set({ [field]: { ...this.draft![field], [lang]: text } });
    return html`<section class="panel editor" aria-labelledby="edit-heading">
      <h3 id="edit-heading" tabindex="-1" lang=${title.lang}>${t.editHeading(title.text)}</h3>
      <dl>
        <dt>${t.id}</dt>
        <dd><code>${video.id}</code></dd>
        <dt>${t.provider}</dt>
        <dd>${t.providers[video.provider]}</dd>
        <dt>${t.source}</dt>
        <dd><a href=${video.sourceUrl} rel="noopener noreferrer" target="_blank">${video.sourceUrl}</a></dd>
      </dl>
      <form novalidate @submit=${(e: SubmitEvent) => void this.save(e)}>
        <div class="grid">
          ${this.field('edit', 'channel', t.channel, d.channel, (channel) => set({ channel }), { required: true, list: 'channels', maxlength: 64 })}
          <div class="field">
            <label for="edit-status">${t.status}</label>
            <select id="edit-status" @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value as Draft['status'] })}>
              <option value="draft" ?selected=${d.status === 'draft'}>${t.statuses.draft}</option>
              <option value="published" ?selected=${d.status === 'published'}>${t.statuses.published}</option>
            </select>
          </div>
          ${this.field('edit', 'publishedAt', t.publishedAt, d.publishedAt, (publishedAt) => set({ publishedAt }), { type: 'datetime-local', hint: t.publishedAtHelp })}
          ${this.field('edit', 'duration', t.duration, d.duration, (duration) => set({ duration }), { hint: t.durationHelp })}
        </div>
        ${this.editLangs.map(
          (lang) => html`<fieldset class="group">
            <legend>${t.texts(t.languages[lang])}</legend>
            ${this.field('edit', `title.${lang}`, t.title, d.title[lang] ?? '', setText('title', lang), { lang, maxlength: 300 })}
            ${this.field('edit', `description.${lang}`, t.description, d.description[lang] ?? '', setText('description', lang), { lang, rows: 3, maxlength: 5000 })}
            ${this.field('edit', `transcript.${lang}`, t.transcript, d.transcript[lang] ?? '', setText('transcript', lang), { lang, rows: 6, hint: t.transcriptHelp, maxlength: 200_000 })}
          </fieldset>`,
        )}
        <fieldset class="group chapters">
          <legend>${t.chapters}</legend>
          <p class="hint">${t.chaptersHelp}</p>
          ${d.chapters.length === 0 ? html`<p>${t.noChapters}</p>` : nothing}
          ${repeat(
            d.chapters,
            (c) => c.key,
            (c, i) => html`<fieldset class="group chapter" data-index=${i}>
              <legend>${t.chapter(i + 1)}</legend>
              <div class="grid">
                ${this.field('edit', `chapters.${i}.start`, t.chapterStart, c.start, (start) => this.setChapter(c.key, { start }))}
                ${this.editLangs.map((lang) =>
                  this.field('edit', `chapters.${i}.title.${lang}`, t.chapterTitle(t.languages[lang]), c.title[lang] ?? '', (text) => this.setChapter(c.key, { title: { ...this.chapterByKey(c.key)!.title, [lang]: text } }), {
                    lang,
                    maxlength: 200,
                  }),
                )}
              </div>
              <div class="actions">
                <button part="button" type="button" class="secondary" @click=${() => void this.removeChapter(c.key)}>${t.removeChapter(i + 1)}</button>
              </div>
            </fieldset>`,
          )}
          <div class="field actions">
            <button part="button" type="button" class="secondary" id="add-chapter" @click=${() => void this.addChapter()}>${t.addChapter}</button>
          </div>
        </fieldset>
        ${dirty ? html`<p class="hint unsaved">${t.unsaved}</p>` : nothing} ${this.generalError('edit')}
        <div class="actions">
          <button part="button" id="save" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.saving : t.save}</button>
          <button part="button" type="button" class="secondary" id="edit-close" @click=${() => this.leave(() => this.closeEditor(), '#edit-close')}>${t.close}</button>
        </div>
        <p class="meta" role="status" id="edit-note">${this.note}</p>
      </form>
      ${this.renderPoster(video)} ${this.renderCaptions(video)} ${this.renderPreview(video)}
      <div class="part delete">
        <h4 id="delete-heading">${t.delete}</h4>
        ${this.deleting
          ? html`<div class="confirm" role="alertdialog" aria-labelledby="delete-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.cancelDelete()}>
              <p id="delete-text" tabindex="-1" lang=${title.lang}>${t.confirmDelete(title.text)}</p>
              <div class="actions">
                <button part="button" class="danger" id="delete-confirm" @click=${() => void this.deleteVideo(video)}>${t.delete}</button>
                <button part="button" class="secondary" id="delete-cancel" @click=${() => void this.cancelDelete()}>${this.at.cancel}</button>
              </div>
            </div>`
          : html`<button part="button" class="danger" id="delete-open" @click=${() => void this.askDelete()}>${t.delete}</button>`}
      </div>
    </section>`;
  }

  private renderPoster(video: Video) {
    const t = this.vt;
    return html`<div class="part poster">
      <h4 id="poster-heading">${t.poster}</h4>
      ${video.poster
        ? this.posterSrc
          ? html`<img class="poster" src=${this.posterSrc} alt=${t.posterCurrent} />`
          : html`<p class="meta">${this.at.loading}</p>`
        : html`<p>${t.posterNone}</p>`}
      <form novalidate @submit=${(e: SubmitEvent) => void this.uploadPoster(e)}>
        <div class="field">
          <label for="poster-file">${t.posterFile}</label>
          <p class="hint" id="poster-file-hint">${t.posterHelp}</p>
          <input
            id="poster-file"
            type="file"
            accept=${POSTER_TYPES.join(',')}
            aria-invalid=${this.posterError ? 'true' : 'false'}
            aria-describedby=${this.posterError ? 'poster-file-hint poster-file-error' : 'poster-file-hint'}
            @change=${() => (this.posterError = '')}
          />
          ${this.posterError ? html`<p class="error" id="poster-file-error">${this.posterError}</p>` : nothing}
        </div>
        <div class="actions">
          <button part="button" class="secondary" id="poster-upload">${t.upload}</button>
          ${video.poster ? html`<button part="button" type="button" class="secondary" id="poster-remove" @click=${() => void this.removePoster(video)}>${t.posterRemove}</button>` : nothing}
        </div>
      </form>
    </div>`;
  }

  private renderCaptions(video: Video) {
    const t = this.vt;
    const error = this.captionsError;
    const langs = [...new Set([...this.langs, ...video.captions.map((c) => c.lang)])];
    return html`<div class="part captions">
      <h4 id="captions-heading">${t.captions}</h4>
      ${video.captions.length
        ? html`<p id="captions-have">${t.captionsHave}</p>
            <ul class="plain" aria-labelledby="captions-have">
              ${video.captions.map(
                ({ lang }) => html`<li data-lang=${lang}>
                  <span>${t.languages[lang]}</span>
                  <button part="button" type="button" class="secondary" @click=${() => void this.removeCaptions(video, lang)}>${t.captionsRemove(t.languages[lang])}</button>
                </li>`,
              )}
            </ul>`
        : html`<p>${t.captionsNone}</p>`}
      <form novalidate @submit=${(e: SubmitEvent) => void this.uploadCaptions(e)}>
        <p class="hint" id="captions-hint">${t.captionsHelp}</p>
        <div class="grid">
          <div class="field">
            <label for="captions-lang">${t.captionsLang}</label>
            <select id="captions-lang">
              ${langs.map((lang) => html`<option value=${lang} ?selected=${lang === this.language}>${t.languages[lang]}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="captions-file">${t.captionsFile}</label>
            <input
              id="captions-file"
              type="file"
              accept=".vtt,text/vtt"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? 'captions-hint captions-error' : 'captions-hint'}
              @change=${() => (this.captionsError = undefined)}
            />
          </div>
        </div>
        ${error
          ? html`<div class="error" id="captions-error">
              ${error.text}
              ${error.lines.length
                ? html`<ul>
                    ${error.lines.map((l) => html`<li>${t.line(l.line)}: <span lang="en">${l.text}</span></li>`)}
                  </ul>`
                : nothing}
            </div>`
          : nothing}
        <div class="actions"><button part="button" class="secondary" id="captions-upload">${t.upload}</button></div>
      </form>
    </div>`;
  }

  private renderPreview(video: Video) {
    const t = this.vt;
    return html`<div class="part">
      <h4 id="preview-heading">${t.preview}</h4>
      ${isPublic(video)
        ? html`<p class="hint">${t.previewHelp}</p>
            <div class="preview">
              ${keyed(this.previewKey, html`<osallistu-video site=${this.siteId} api=${this.client.apiBase} video=${video.id} heading-level="5"></osallistu-video>`)}
            </div>`
        : html`<p class="preview-note">${video.status === 'draft' ? t.previewDraft : t.previewScheduled(formatDateTime(video.publishedAt, this.language))}</p>`}
    </div>`;
  }

  // ---- Leaving with unsaved changes -----------------------------------------------------------

  /** Runs `run` at once, or, with unsaved changes, after the editor has agreed to drop them. */
  private leave(run: () => unknown, back: string): void {
    if (!this.hasUnsavedChanges) {
      void run();
      return;
    }
    this.leaving = { run, back };
    void this.focusOn('#discard-text');
  }

  private async discard(): Promise<void> {
    const leaving = this.leaving;
    this.leaving = undefined;
    if (this.original) this.draft = this.original;
    this.add = this.emptyAdd();
    await leaving?.run();
  }

  private async stay(): Promise<void> {
    const back = this.leaving?.back;
    this.leaving = undefined;
    if (back) await this.focusOn(back);
  }

  // ---- Adding ---------------------------------------------------------------------------------

  private emptyAdd(): AddDraft {
    return { channel: this.filter?.channel ?? '', provider: 'youtube', chosen: false, ref: '', host: '', title: {}, duration: '', status: 'draft' };
  }

  private typeAddress(ref: string): void {
    const guess = detectProvider(ref);
    this.detected = guess;
    this.add = { ...this.add, ref, ...(guess && !this.add.chosen ? { provider: guess } : {}) };
  }

  private async openAdd(): Promise<void> {
    this.closeEditorNow();
    this.add = this.emptyAdd();
    this.detected = undefined;
    this.errors = { ...this.errors, add: {} };
    this.general = { ...this.general, add: undefined };
    this.adding = true;
    await this.focusOn('#add-heading');
  }

  private async closeAdd(): Promise<void> {
    this.adding = false;
    this.add = this.emptyAdd();
    await this.focusOn('#add-open');
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = this.vt;
    const a = this.add;
    const errors: Errors = {};
    const channel = a.channel.trim();
    if (!SLUG.test(channel)) errors.channel = { text: t.channelInvalid };
    if (!a.ref.trim()) errors.ref = { text: t.refHelp[a.provider] };
    const title = filled(a.title);
    if (!Object.keys(title).length) errors[`title.${this.langs[0]}`] = { text: t.titleRequired };
    const duration = a.duration.trim() ? parseClock(a.duration) : null;
    if (duration === undefined || duration === 0) errors.duration = { text: t.durationInvalid };
    if (Object.keys(errors).length) return this.showErrors('add', errors, { text: t.notCreated });
    const body = {
      channel,
      provider: a.provider,
      ref: a.ref.trim(),
      ...(a.provider === 'peertube' && a.host.trim() ? { host: a.host.trim() } : {}),
      title,
      ...(duration ? { duration } : {}),
      status: a.status,
    };
    this.busy = true;
    try {
      const video = await this.client.request<Video>('POST', 'videos', body, { headers: { Authorization: `Bearer ${this.token}` }, idempotencyKey: newIdempotencyKey() });
      this.adding = false;
      this.add = this.emptyAdd();
      this.status = t.created(this.titleOf(video).text);
      void this.fetchPage(false);
      await this.showVideo(video);
    } catch (error) {
      await this.showRequestError('add', error, a.provider, t.notCreated);
    } finally {
      this.busy = false;
    }
  }

  // ---- Errors ---------------------------------------------------------------------------------

  private clearError(scope: Scope, key: string): void {
    const { [key]: _gone, ...rest } = this.errors[scope];
    this.errors = { ...this.errors, [scope]: rest };
  }

  /** Shows the errors at their fields and moves focus to the first one (or to the message above the buttons). */
  private async showErrors(scope: Scope, errors: Errors, general?: Message): Promise<void> {
    this.errors = { ...this.errors, [scope]: errors };
    this.general = { ...this.general, [scope]: general };
    await this.updateComplete;
    const form = this.renderRoot.querySelector(scope === 'add' ? 'section.adding form' : 'section.editor form');
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>(`#${scope}-error`))?.focus();
  }

  /** A field's key for an issue's path: the field itself, the nearest one holding it, or the first inside it. */
  private keyFor(scope: Scope, path: (string | number)[]): string | undefined {
    // Only fields that can show an error count; an issue elsewhere is said above the buttons.
    const ids = [...this.renderRoot.querySelectorAll<HTMLElement>(`[id^="${scope}-"][aria-invalid]`)].map((el) => el.id.slice(scope.length + 1));
    for (let n = path.length; n > 0; n--) {
      const key = path.slice(0, n).join('.');
      if (ids.includes(key.replaceAll('.', '-'))) return key;
    }
    const prefix = `${path.join('-')}-`;
    const inside = ids.find((id) => id.startsWith(prefix));
    return inside && path.length ? [...path.map(String), ...inside.slice(prefix.length).split('-')].join('.') : undefined;
  }

  private issueMessage(issue: ErrorIssue, provider: Provider): Message {
    const t = this.vt;
    switch (issue.code) {
      case 'invalid_video_ref':
        return { text: t.refHelp[provider] };
      case 'invalid_host':
        return { text: t.hostHelp };
      case 'chapters_out_of_order':
        return { text: t.chapterOrder };
      case 'chapter_after_end':
        return { text: t.chapterAfterEnd };
      default:
        return { text: issue.message, lang: 'en' };
    }
  }

  private async showRequestError(scope: Scope, error: unknown, provider: Provider, fallback: string): Promise<void> {
    const errors: Errors = {};
    let general: Message | undefined;
    if (error instanceof ApiRequestError && error.issues.length) {
      const loose: string[] = [];
      for (const issue of error.issues) {
        const key = this.keyFor(scope, issue.path);
        if (key && !errors[key]) errors[key] = this.issueMessage(issue, provider);
        else if (!key) loose.push(issue.message);
      }
      general = loose.length ? { text: `${fallback} ${loose.join(' ')}` } : { text: fallback };
    } else if (error instanceof ApiRequestError && error.code === 'video_exists') {
      general = { text: this.vt.exists };
    } else if (error instanceof ApiRequestError && error.status !== 429) {
      general = { text: error.message, lang: 'en' };
    } else {
      general = { text: this.errorMessage(error, this.at.loadFailed) };
    }
    await this.showErrors(scope, errors, general);
  }

  // ---- Editing --------------------------------------------------------------------------------

  private draftOf(video: Video): Draft {
    const langs = this.editLangs;
    const map = (m: Texts | null | undefined): Texts => Object.fromEntries(langs.map((lang) => [lang, m?.[lang] ?? '']));
    return {
      channel: video.channel,
      status: video.status,
      publishedAt: localInput(video.publishedAt),
      duration: video.duration ? clock(video.duration) : '',
      title: map(video.title),
      description: map(video.description),
      transcript: map(video.transcript),
      chapters: video.chapters.map((c) => ({ key: ++chapterKeys, start: clock(c.start), title: map(c.title) })),
    };
  }

  /** Puts a video into the editor as the server has it now. */
  private setVideo(video: Video): void {
    const inside = (m: Texts | null) => Object.keys(m ?? {}) as Lang[];
    const used = [video.title, video.description, video.transcript, ...video.chapters.map((c) => c.title)].flatMap(inside);
    this.editLangs = LANGS.filter((lang) => this.langs.includes(lang) || used.includes(lang));
    this.video = video;
    this.draft = this.draftOf(video);
    this.original = this.draft;
  }

  private async openVideo(id: string): Promise<void> {
    try {
      const video = await this.call<Video>('GET', `videos/${encodeURIComponent(id)}`);
      await this.showVideo(video);
    } catch (error) {
      this.status = error instanceof ApiRequestError && error.status === 404 ? error.message : this.errorMessage(error, this.at.loadFailed);
    }
  }

  private async showVideo(video: Video): Promise<void> {
    this.adding = false;
    this.closeEditorNow();
    this.setVideo(video);
    void this.loadPoster();
    await this.focusOn('#edit-heading');
  }

  /** Closes the editor without asking (the caller has). */
  private closeEditorNow(): void {
    if (this.posterSrc) URL.revokeObjectURL(this.posterSrc);
    Object.assign(this, {
      video: undefined,
      draft: undefined,
      original: undefined,
      note: '',
      posterSrc: '',
      posterError: '',
      captionsError: undefined,
      deleting: false,
      errors: { ...this.errors, edit: {} },
      general: { ...this.general, edit: undefined },
    });
  }

  private async closeEditor(): Promise<void> {
    const id = this.video?.id;
    this.closeEditorNow();
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(`button[data-video="${id}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#add-open'))?.focus();
  }

  private chapterByKey(key: number): ChapterDraft | undefined {
    return this.draft?.chapters.find((c) => c.key === key);
  }

  private setChapter(key: number, patch: Partial<ChapterDraft>): void {
    this.draft = { ...this.draft!, chapters: this.draft!.chapters.map((c) => (c.key === key ? { ...c, ...patch } : c)) };
  }

  /** Chapter errors are by position: a row added or removed makes them stale. */
  private clearChapterErrors(): void {
    this.errors = { ...this.errors, edit: Object.fromEntries(Object.entries(this.errors.edit).filter(([key]) => !key.startsWith('chapters.'))) };
  }

  private async addChapter(): Promise<void> {
    const chapters = this.draft!.chapters;
    this.draft = { ...this.draft!, chapters: [...chapters, { key: ++chapterKeys, start: '', title: Object.fromEntries(this.editLangs.map((lang) => [lang, ''])) }] };
    this.clearChapterErrors();
    await this.focusOn(`#edit-chapters-${chapters.length}-start`);
  }

  private async removeChapter(key: number): Promise<void> {
    const index = this.draft!.chapters.findIndex((c) => c.key === key);
    this.draft = { ...this.draft!, chapters: this.draft!.chapters.filter((c) => c.key !== key) };
    this.clearChapterErrors();
    await this.focusOn(this.draft.chapters[index] ? `#edit-chapters-${index}-start` : '#add-chapter');
  }

  /** What the edit changed, as a PATCH body with only those fields; or the fields that need fixing first. */
  private changes(): { body: Record<string, unknown>; errors: Errors } {
    const t = this.vt;
    const d = this.draft!;
    const o = this.original!;
    const first = this.editLangs[0] ?? 'fi';
    const body: Record<string, unknown> = {};
    const errors: Errors = {};
    if (d.channel !== o.channel) {
      if (SLUG.test(d.channel.trim())) body.channel = d.channel.trim();
      else errors.channel = { text: t.channelInvalid };
    }
    if (d.status !== o.status) body.status = d.status;
    if (d.publishedAt !== o.publishedAt) {
      const time = Date.parse(d.publishedAt);
      if (d.publishedAt && !Number.isNaN(time)) body.publishedAt = new Date(time).toISOString();
      else errors.publishedAt = { text: t.publishedAtInvalid };
    }
    if (d.duration !== o.duration) {
      const seconds = d.duration.trim() ? parseClock(d.duration) : null;
      if (seconds === undefined || seconds === 0) errors.duration = { text: t.durationInvalid };
      else body.duration = seconds;
    }
    if (!same(d.title, o.title)) {
      const title = filled(d.title);
      if (Object.keys(title).length) body.title = title;
      else errors[`title.${first}`] = { text: t.titleRequired };
    }
    for (const field of ['description', 'transcript'] as const) {
      if (same(d[field], o[field])) continue;
      const value = filled(d[field]);
      body[field] = Object.keys(value).length ? value : null;
    }
    if (!same(this.comparable(d).chapters, this.comparable(o).chapters)) {
      body.chapters = d.chapters.map((c, i) => {
        const start = parseClock(c.start);
        if (start === undefined) errors[`chapters.${i}.start`] = { text: t.timeInvalid };
        const title = filled(c.title);
        if (!Object.keys(title).length) errors[`chapters.${i}.title.${first}`] = { text: t.chapterTitleRequired };
        return { start, title };
      });
    }
    return { body, errors };
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.video) return;
    const t = this.vt;
    const video = this.video;
    const { body, errors } = this.changes();
    this.note = '';
    if (Object.keys(errors).length) return this.showErrors('edit', errors, { text: t.notSaved });
    this.errors = { ...this.errors, edit: {} };
    this.general = { ...this.general, edit: undefined };
    if (!Object.keys(body).length) {
      this.note = t.noChanges;
      return;
    }
    this.busy = true;
    try {
      const saved = await this.call<Video>('PATCH', `videos/${encodeURIComponent(video.id)}`, body);
      if (this.video?.id !== video.id) return;
      this.setVideo(saved);
      void this.renewPreview(saved);
      this.items = this.items?.map((item) => (item.id === saved.id ? saved : item));
      this.note = t.saved(this.titleOf(saved).text);
    } catch (error) {
      await this.showRequestError('edit', error, video.provider, t.notSaved);
    } finally {
      this.busy = false;
    }
  }

  // ---- Poster and captions --------------------------------------------------------------------

  /**
   * The preview reads the video as residents do, and the browser may answer that from its cache
   * for a minute (the API allows it): the saved version is fetched into the cache first, then the
   * preview is made anew.
   */
  private async renewPreview(video: Pick<Video, 'id' | 'status' | 'publishedAt'>): Promise<void> {
    if (isPublic(video)) await fetch(this.client.url(`videos/${encodeURIComponent(video.id)}`), { cache: 'reload', headers: { Accept: 'application/json' } }).catch(() => undefined);
    if (this.video?.id === video.id) this.previewKey++;
  }

  /** A body that is not JSON (an image, captions), with the token; the same errors as the client's. */
  private async put<T>(path: string, body: Blob, type: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.client.url(path), { method: 'PUT', headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': type }, body, cache: 'no-store' });
    } catch {
      throw new NetworkError('The server could not be reached.');
    }
    if (response.ok) return (await response.json()) as T;
    const envelope = (await response.json().catch(() => undefined)) as ErrorEnvelope | undefined;
    throw new ApiRequestError(response.status, envelope?.error.code ?? 'unexpected_response', envelope?.error.message ?? `The server answered ${response.status}.`, envelope?.error.issues ?? []);
  }

  /** The poster with the token (a draft's is not public), shown from memory. */
  private async loadPoster(): Promise<void> {
    const video = this.video;
    if (this.posterSrc) URL.revokeObjectURL(this.posterSrc);
    this.posterSrc = '';
    if (!video?.poster) return;
    const version = new URL(video.poster, location.href).searchParams.get('v');
    try {
      const response = await fetch(this.client.url(`videos/${encodeURIComponent(video.id)}/poster${version ? `?v=${encodeURIComponent(version)}` : ''}`), {
        headers: { Authorization: `Bearer ${this.token}` },
        cache: 'no-store',
      });
      if (!response.ok) return;
      const blob = await response.blob();
      if (this.video?.id !== video.id || this.video.poster !== video.poster) return;
      this.posterSrc = URL.createObjectURL(blob);
    } catch {
      // the poster is still there; only its preview is missing
    }
  }

  private async posterFailed(message: string): Promise<void> {
    this.posterError = message;
    await this.focusOn('#poster-file');
  }

  private async uploadPoster(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.vt;
    const video = this.video;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#poster-file');
    const file = input?.files?.[0];
    if (!video || this.busy) return;
    if (!file) return this.posterFailed(t.chooseFile);
    if (!POSTER_TYPES.includes(file.type)) return this.posterFailed(t.posterType);
    if (file.size > POSTER_MAX_BYTES) return this.posterFailed(t.posterTooBig);
    this.busy = true;
    this.note = t.uploading;
    try {
      const stored = await this.put<{ poster: string }>(`videos/${encodeURIComponent(video.id)}/poster`, file, file.type);
      if (this.video?.id !== video.id) return;
      this.video = { ...this.video, poster: stored.poster };
      input!.value = '';
      this.posterError = '';
      void this.renewPreview(this.video);
      await this.loadPoster();
      this.note = t.posterUploaded;
    } catch (error) {
      this.note = '';
      const message =
        error instanceof ApiRequestError && error.code === 'poster_not_an_image'
          ? t.posterNotImage
          : error instanceof ApiRequestError && error.status === 415
            ? t.posterType
            : error instanceof ApiRequestError && error.status === 413
              ? t.posterTooBig
              : error instanceof ApiRequestError
                ? error.message
                : this.errorMessage(error, this.at.loadFailed);
      await this.posterFailed(message);
    } finally {
      this.busy = false;
    }
  }

  private async removePoster(video: Video): Promise<void> {
    try {
      await this.call('DELETE', `videos/${encodeURIComponent(video.id)}/poster`);
      if (this.video?.id !== video.id) return;
      this.video = { ...this.video, poster: null };
      await this.loadPoster();
      void this.renewPreview(this.video);
      this.note = this.vt.posterRemoved;
      await this.focusOn('#poster-file');
    } catch (error) {
      this.note = error instanceof ApiRequestError ? error.message : this.errorMessage(error, this.at.loadFailed);
    }
  }

  /** After captions change: their list, and (when nothing is being edited) the transcript they give. */
  private async refreshVideo(id: string): Promise<void> {
    try {
      const fresh = await this.call<Video>('GET', `videos/${encodeURIComponent(id)}`);
      if (this.video?.id !== id) return;
      if (this.hasUnsavedChanges) this.video = { ...this.video, captions: fresh.captions };
      else this.setVideo(fresh);
      void this.renewPreview(fresh);
    } catch {
      // the list shows what it showed; the next opening is fresh
    }
  }

  private async uploadCaptions(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.vt;
    const video = this.video;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#captions-file');
    const lang = this.renderRoot.querySelector<HTMLSelectElement>('#captions-lang')!.value as Lang;
    const file = input?.files?.[0];
    if (!video || this.busy) return;
    const failed = async (text: string, lines: { line: number; text: string }[] = []) => {
      this.captionsError = { text, lines };
      await this.focusOn('#captions-file');
    };
    if (!file) return failed(t.chooseFile);
    if (file.size > CAPTIONS_MAX_BYTES) return failed(t.captionsTooBig);
    this.busy = true;
    this.note = t.uploading;
    try {
      const stored = await this.put<{ lang: Lang; cues: number }>(`videos/${encodeURIComponent(video.id)}/captions/${lang}`, file, 'text/vtt');
      input!.value = '';
      this.captionsError = undefined;
      await this.refreshVideo(video.id);
      this.note = t.captionsUploaded(t.languages[lang], stored.cues);
    } catch (error) {
      this.note = '';
      if (error instanceof ApiRequestError && error.code === 'invalid_webvtt') {
        const lines = error.issues.map((issue) => ({ line: Number(issue.path[1]), text: issue.message.replace(/^Line \d+:\s*/, '') }));
        await failed(t.captionsInvalid, lines.length ? lines : [{ line: 1, text: error.message }]);
      } else if (error instanceof ApiRequestError && error.status === 413) await failed(t.captionsTooBig);
      else await failed(error instanceof ApiRequestError ? error.message : this.errorMessage(error, this.at.loadFailed));
    } finally {
      this.busy = false;
    }
  }

  private async removeCaptions(video: Video, lang: Lang): Promise<void> {
    try {
      await this.call('DELETE', `videos/${encodeURIComponent(video.id)}/captions/${lang}`);
      await this.refreshVideo(video.id);
      this.note = this.vt.captionsRemoved(this.vt.languages[lang]);
      await this.focusOn('#captions-lang');
    } catch (error) {
      this.note = error instanceof ApiRequestError ? error.message : this.errorMessage(error, this.at.loadFailed);
    }
  }

  // ---- Deleting -------------------------------------------------------------------------------

  private async askDelete(): Promise<void> {
    this.deleting = true;
    await this.focusOn('#delete-text');
  }

  private async cancelDelete(): Promise<void> {
    this.deleting = false;
    await this.focusOn('#delete-open');
  }

  private async deleteVideo(video: Video): Promise<void> {
    const title = this.titleOf(video).text;
    try {
      await this.call('DELETE', `videos/${encodeURIComponent(video.id)}`);
      this.closeEditorNow();
      this.status = this.vt.deleted(title);
      await this.fetchPage(false);
      await this.focusOn('#videos-heading');
    } catch (error) {
      this.deleting = false;
      this.note = error instanceof ApiRequestError ? error.message : this.errorMessage(error, this.at.loadFailed);
      await this.focusOn('#delete-open');
    }
  }

  // ---- The list -------------------------------------------------------------------------------

  private applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const channel = form.querySelector<HTMLInputElement>('#filter-channel')!.value.trim().toLowerCase();
    const status = form.querySelector<HTMLSelectElement>('#filter-status')!.value;
    this.filter = { channel, status };
    this.items = undefined;
    this.status = '';
    void this.fetchPage(false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-videos': OsallistuAdminVideos;
  }
}
