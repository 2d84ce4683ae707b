import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { ErrorEnvelope } from '../../../worker/errors.ts';
import { ApiRequestError, NetworkError } from '../../core/api-client.ts';
import { formatDateTime } from '../../core/format.ts';
import type { Lang } from '../../locales/messages.ts';
import { VideoAdd } from './add.ts';
import type { Video } from './base.ts';
import { explainError, said } from '../ui/errors.ts';
import type { Said } from '../ui/errors.ts';

const POSTER_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const POSTER_MAX_BYTES = 2 * 1024 * 1024;
const CAPTIONS_MAX_BYTES = 1024 * 1024;
export const isPublic = (video: Pick<Video, 'status' | 'publishedAt'>) => video.status === 'published' && Date.parse(video.publishedAt) <= Date.now();

/** A video's poster and captions, uploaded and removed, and its preview as residents see it. */
export abstract class VideoMedia extends VideoAdd {
  @state() protected posterSrc = '';
  @state() protected posterError: Said | string = '';
  @state() protected captionsError?: { text: Said | string; lines: { line: number; text: string }[] };
  @state() protected previewKey = 0;

  /** Puts a video into the editor as the server has it now. */
  protected abstract setVideo(video: Video): void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.posterSrc) URL.revokeObjectURL(this.posterSrc);
  }

  protected renderPoster(video: Video) {
    const t = this.vt;
    return html`<div class="part poster">
      <h4 id="poster-heading">${t.poster}</h4>
      ${video.poster
        ? this.posterSrc
          ? html`<img class="poster" src=${this.posterSrc} alt=${t.posterCurrent} />`
          : html`<p class="meta">${this.at.loading}</p>`
        : html`<p>${t.posterNone}</p>`}
      <form novalidate aria-labelledby="poster-heading" @submit=${(e: SubmitEvent) => void this.uploadPoster(e)}>
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
          ${this.posterError ? html`<p class="error" id="poster-file-error">${said(this.posterError)}</p>` : nothing}
        </div>
        <div class="actions">
          <button part="button" class="secondary" id="poster-upload">${t.upload}</button>
          ${video.poster ? html`<button part="button" type="button" class="secondary" id="poster-remove" @click=${() => void this.removePoster(video)}>${t.posterRemove}</button>` : nothing}
        </div>
      </form>
    </div>`;
  }

  protected renderCaptions(video: Video) {
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
      <form novalidate aria-labelledby="captions-heading" @submit=${(e: SubmitEvent) => void this.uploadCaptions(e)}>
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
              ${said(error.text)}
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

  protected renderPreview(video: Video) {
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

  // ---- Poster and captions --------------------------------------------------------------------

  /**
   * The preview reads the video as residents do, and the browser may answer that from its cache
   * for a minute (the API allows it): the saved version is fetched into the cache first, then the
   * preview is made anew.
   */
  protected async renewPreview(video: Pick<Video, 'id' | 'status' | 'publishedAt'>): Promise<void> {
    if (isPublic(video)) await fetch(this.client.url(`videos/${encodeURIComponent(video.id)}`), { cache: 'reload', headers: { Accept: 'application/json' } }).catch(() => undefined);
    if (this.video?.id === video.id) this.previewKey++;
  }

  /** A body that is not JSON (an image, captions), with the token; the same errors as the client's. */
  protected async put<T>(path: string, body: Blob, type: string): Promise<T> {
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
  protected async loadPoster(): Promise<void> {
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

  protected async posterFailed(message: Said | string): Promise<void> {
    this.posterError = message;
    await this.focusOn('#poster-file');
  }

  protected async uploadPoster(event: SubmitEvent): Promise<void> {
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
              : explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
      await this.posterFailed(message);
    } finally {
      this.busy = false;
    }
  }

  protected async removePoster(video: Video): Promise<void> {
    try {
      await this.call('DELETE', `videos/${encodeURIComponent(video.id)}/poster`);
      if (this.video?.id !== video.id) return;
      this.video = { ...this.video, poster: null };
      await this.loadPoster();
      void this.renewPreview(this.video);
      this.note = this.vt.posterRemoved;
      await this.focusOn('#poster-file');
    } catch (error) {
      this.note = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  /** After captions change: their list, and (when nothing is being edited) the transcript they give. */
  protected async refreshVideo(id: string): Promise<void> {
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

  protected async uploadCaptions(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.vt;
    const video = this.video;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#captions-file');
    const lang = this.renderRoot.querySelector<HTMLSelectElement>('#captions-lang')!.value as Lang;
    const file = input?.files?.[0];
    if (!video || this.busy) return;
    const failed = async (text: Said | string, lines: { line: number; text: string }[] = []) => {
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
      else await failed(explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed)));
    } finally {
      this.busy = false;
    }
  }

  protected async removeCaptions(video: Video, lang: Lang): Promise<void> {
    try {
      await this.call('DELETE', `videos/${encodeURIComponent(video.id)}/captions/${lang}`);
      await this.refreshVideo(video.id);
      this.note = this.vt.captionsRemoved(this.vt.languages[lang]);
      await this.focusOn('#captions-lang');
    } catch (error) {
      this.note = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }
}
