import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiRequestError } from '../../core/api-client.ts';
import { clock } from '../../core/format.ts';
import { LANGS } from '../../core/i18n.ts';
import type { Lang } from '../../locales/messages.ts';
import { filled } from '../admin-editor.ts';
import { SLUG, same } from './base.ts';
import type { Errors, Texts, Video } from './base.ts';
import { VideoMedia } from './media.ts';
import { localInput, parseClock } from './parse.ts';
import { withContent } from '../ui/content-lang.ts';
import { explainError, said } from '../ui/errors.ts';

interface ChapterDraft {
  key: number;
  start: string;
  title: Texts;
}

/** A video as the edit form holds it: what the fields show, as typed. */
export interface Draft {
  channel: string;
  status: 'draft' | 'published';
  publishedAt: string;
  duration: string;
  title: Texts;
  description: Texts;
  transcript: Texts;
  chapters: ChapterDraft[];
}

let chapterKeys = 0;

/** Editing a video: its channel, publication, length, texts per language and chapters; deleting it. */
export abstract class VideoEditor extends VideoMedia {
  @state() protected draft?: Draft;
  @state() protected original?: Draft;
  @state() protected editLangs: Lang[] = [];
  @state() protected deleting = false;

  protected comparable(draft: Draft) {
    return { ...draft, chapters: draft.chapters.map(({ start, title }) => ({ start, title })) };
  }

  protected renderEditor(video: Video, d: Draft) {
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
      <form novalidate aria-labelledby="edit-heading" @submit=${(e: SubmitEvent) => void this.save(e)}>
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
        <p class="meta" role="status" id="edit-note">${said(this.note)}</p>
      </form>
      ${this.renderPoster(video)} ${this.renderCaptions(video)} ${this.renderPreview(video)}
      <div class="part delete">
        <h4 id="delete-heading">${t.delete}</h4>
        ${this.deleting
          ? html`<div class="confirm" role="alertdialog" aria-labelledby="delete-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.cancelDelete()}>
              <p id="delete-text" tabindex="-1">${withContent(t.confirmDelete, title, this.language)}</p>
              <div class="actions">
                <button part="button" class="danger" id="delete-confirm" @click=${() => void this.deleteVideo(video)}>${t.delete}</button>
                <button part="button" class="secondary" id="delete-cancel" @click=${() => void this.cancelDelete()}>${this.at.cancel}</button>
              </div>
            </div>`
          : html`<button part="button" class="danger" id="delete-open" @click=${() => void this.askDelete()}>${t.delete}</button>`}
      </div>
    </section>`;
  }

  // ---- Editing --------------------------------------------------------------------------------

  protected draftOf(video: Video): Draft {
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
  protected setVideo(video: Video): void {
    const inside = (m: Texts | null) => Object.keys(m ?? {}) as Lang[];
    const used = [video.title, video.description, video.transcript, ...video.chapters.map((c) => c.title)].flatMap(inside);
    this.editLangs = LANGS.filter((lang) => this.langs.includes(lang) || used.includes(lang));
    this.video = video;
    this.draft = this.draftOf(video);
    this.original = this.draft;
  }

  protected async openVideo(id: string): Promise<void> {
    try {
      const video = await this.call<Video>('GET', `videos/${encodeURIComponent(id)}`);
      await this.showVideo(video);
    } catch (error) {
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  protected async showVideo(video: Video): Promise<void> {
    this.adding = false;
    this.closeEditorNow();
    this.setVideo(video);
    void this.loadPoster();
    await this.focusOn('#edit-heading');
  }

  /** Closes the editor without asking (the caller has). */
  protected closeEditorNow(): void {
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

  protected async closeEditor(): Promise<void> {
    const id = this.video?.id;
    this.closeEditorNow();
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(`button[data-video="${id}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#add-open'))?.focus();
  }

  protected chapterByKey(key: number): ChapterDraft | undefined {
    return this.draft?.chapters.find((c) => c.key === key);
  }

  protected setChapter(key: number, patch: Partial<ChapterDraft>): void {
    this.draft = { ...this.draft!, chapters: this.draft!.chapters.map((c) => (c.key === key ? { ...c, ...patch } : c)) };
  }

  /** Chapter errors are by position: a row added or removed makes them stale. */
  protected clearChapterErrors(): void {
    this.errors = { ...this.errors, edit: Object.fromEntries(Object.entries(this.errors.edit).filter(([key]) => !key.startsWith('chapters.'))) };
  }

  protected async addChapter(): Promise<void> {
    const chapters = this.draft!.chapters;
    this.draft = { ...this.draft!, chapters: [...chapters, { key: ++chapterKeys, start: '', title: Object.fromEntries(this.editLangs.map((lang) => [lang, ''])) }] };
    this.clearChapterErrors();
    await this.focusOn(`#edit-chapters-${chapters.length}-start`);
  }

  protected async removeChapter(key: number): Promise<void> {
    const index = this.draft!.chapters.findIndex((c) => c.key === key);
    this.draft = { ...this.draft!, chapters: this.draft!.chapters.filter((c) => c.key !== key) };
    this.clearChapterErrors();
    await this.focusOn(this.draft.chapters[index] ? `#edit-chapters-${index}-start` : '#add-chapter');
  }

  /** What the edit changed, as a PATCH body with only those fields; or the fields that need fixing first. */
  protected changes(): { body: Record<string, unknown>; errors: Errors } {
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

  protected async save(event: SubmitEvent): Promise<void> {
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

  // ---- Deleting -------------------------------------------------------------------------------

  protected async askDelete(): Promise<void> {
    this.deleting = true;
    await this.focusOn('#delete-text');
  }

  protected async cancelDelete(): Promise<void> {
    this.deleting = false;
    await this.focusOn('#delete-open');
  }

  protected async deleteVideo(video: Video): Promise<void> {
    const title = this.titleOf(video);
    try {
      await this.call('DELETE', `videos/${encodeURIComponent(video.id)}`);
      this.closeEditorNow();
      this.status = withContent(this.vt.deleted, title, this.language);
      await this.fetchPage(false);
      await this.focusOn('#videos-heading');
    } catch (error) {
      this.deleting = false;
      this.note = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
      await this.focusOn('#delete-open');
    }
  }
}
