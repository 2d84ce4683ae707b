import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { z } from '@hono/zod-openapi';
import type { VideoView } from '../../worker/schema/videos.ts';
import { ApiRequestError } from '../core/api-client.ts';
import { OsallistuElement } from '../core/base-element.ts';
import { defineElement } from '../core/define.ts';
import { clock, formatDate } from '../core/format.ts';
import { Catalog, localized } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import { StoredValue } from '../core/storage.ts';
import type { Lang } from '../locales/messages.ts';
import type { VideoMessages } from './locales/messages.ts';
import { videoStyles } from './styles.ts';

type Video = z.infer<typeof VideoView>;

/** The video widgets' strings, one chunk per language, loaded only on pages with a video. */
export const videoMessages = new Catalog<VideoMessages>({
  fi: () => import('./locales/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  en: () => import('./locales/en.ts').then((m) => m.en),
});

const PROVIDERS: Record<string, string> = { youtube: 'YouTube', vimeo: 'Vimeo' };
/** A caption track's label is in its own language, as players list them. */
const LANGUAGE_NAMES: Record<Lang, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };


/** "22. marraskuuta 2026": a publication day as residents read it. */
export const day = (iso: string, lang: Lang): string => formatDate(iso, lang);

/**
 * One video, privacy first: until the resident presses play, the page asks nothing of the
 * provider (no player, no poster from it, no preconnect). A provider's player loads only after
 * the resident has read, once, where it comes from; the choice can be remembered per provider.
 * Files the municipality hosts play in the browser's own player with their captions.
 *
 * @attr video - the video's id (required).
 * @attr feedback-form - a feedback form's id: adds "ask a question" with the video named in it.
 * @attr heading-level - the level of the title (default 2, below the page's h1); with `compact`, of the headings inside (the form's title).
 * @attr compact - no title, date or description (when the page around shows them).
 * @attr autoplay - press play as soon as the video has loaded (the blog uses it).
 * @csspart button - the buttons.
 */
export class OsallistuVideo extends OsallistuElement {
  static override styles = [...OsallistuElement.styles, videoStyles];
  static override catalogs = [...OsallistuElement.catalogs, videoMessages];

  /** Lit's reactive properties (why not decorators, and why `attribute: false`: OsallistuElement.properties). */
  static override properties: PropertyDeclarations = {
    video: {},
    feedbackForm: { attribute: 'feedback-form' },
    headingLevel: { attribute: 'heading-level', type: Number },
    compact: { type: Boolean },
    autoplay: { type: Boolean },
    data: { state: true, attribute: false },
    failed: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    at: { state: true, attribute: false },
    remembered: { state: true, attribute: false },
    note: { state: true, attribute: false },
    asking: { state: true, attribute: false },
    chapter: { state: true, attribute: false },
    tracks: { state: true, attribute: false },
  };

  video = '';
  feedbackForm = '';
  headingLevel = 2;
  compact = false;
  autoplay = false;

  private data?: Video;
  private failed = '';
  private phase: 'poster' | 'consent' | 'playing' = 'poster';
  /** Seconds to start the player at (a chapter). */
  private at = 0;
  private remembered = false;
  private note = '';
  private asking = false;
  private chapter = -1;
  /** Caption addresses the player may load: the API's own when it is this page's origin, else a copy in memory. */
  private tracks: Partial<Record<Lang, string>> = {};

  private get vt() {
    return videoMessages.get(this.language);
  }

  protected override resourceId(): string {
    return this.video;
  }

  protected override async fetchResource(): Promise<void> {
    const id = this.video;
    Object.assign(this, { data: undefined, failed: '', phase: 'poster', at: 0, chapter: -1, tracks: {}, remembered: false, note: '', asking: false });
    try {
      const video = await this.client.get<Video>(`videos/${encodeURIComponent(id)}`);
      if (id !== this.video) return;
      this.data = video;
      if (this.autoplay) this.play(0);
    } catch (error) {
      await this.stringsReady();
      if (id === this.video) this.failed = error instanceof ApiRequestError && error.status === 404 ? this.vt.notFound : this.errorMessage(error, this.vt.loadFailed);
    }
  }

  /** The choice to load this provider's player, kept per player host (YouTube, Vimeo, each PeerTube). */
  private consent(video: Video) {
    return new StoredValue<boolean>(`osallistu:consent:${video.player.host}`);
  }

  /** "YouTube", "Vimeo"; a PeerTube instance or a file's host by its name. */
  private provider(video: Video): string {
    return PROVIDERS[video.provider] ?? (video.provider === 'peertube' ? `${video.player.host} (PeerTube)` : video.player.host);
  }

  /** A file on Osallistu's host or the page's own plays at once; anything else is another party, asked about first. */
  private ownFile(video: Video): boolean {
    return !video.player.ask || new URL(video.player.src).origin === location.origin;
  }

  /** Play from `at` seconds: a file at once, a provider's player once the resident has agreed. */
  play(at: number): void {
    const video = this.data;
    if (!video) return;
    this.at = at;
    if (this.ownFile(video) || this.consent(video).get()) {
      this.remembered = !this.ownFile(video);
      this.start();
    } else {
      this.phase = 'consent';
      void this.focusOn('#consent-title');
    }
  }

  private start(): void {
    this.phase = 'playing';
    void this.loadTracks();
    void this.focusOn('iframe, video, .cannot a');
  }

  private accept(): void {
    const video = this.data!;
    if (this.renderRoot.querySelector<HTMLInputElement>('#remember')?.checked) {
      this.consent(video).set(true);
      this.remembered = true;
    }
    this.start();
  }

  private cancel(): void {
    this.phase = 'poster';
    void this.focusOn('.play');
  }

  private forget(): void {
    const video = this.data!;
    this.consent(video).clear();
    this.remembered = false;
    this.note = this.vt.forgotten(this.provider(video));
    void this.focusOn('.links a, video');
  }

  private async seek(index: number, seconds: number): Promise<void> {
    const player = this.renderRoot.querySelector('video');
    this.chapter = index;
    if (player) {
      player.currentTime = seconds;
      void player.play().catch(() => undefined);
    } else if (this.phase === 'playing') {
      // The provider's player is made anew at that point: a changed #t alone would not reload it.
      this.at = seconds;
      this.phase = 'poster';
      await this.updateComplete;
      this.phase = 'playing';
    } else this.play(seconds);
  }

  private async loadTracks(): Promise<void> {
    const video = this.data!;
    if (video.player.kind !== 'file') return;
    for (const { lang, url } of video.captions) {
      let src = url;
      if (new URL(url).origin !== location.origin) {
        // A <track> from another origin would need CORS on the video file too; a copy in memory does not.
        try {
          const answer = await fetch(url);
          if (!answer.ok) continue;
          src = URL.createObjectURL(await answer.blob());
        } catch {
          continue;
        }
      }
      this.tracks = { ...this.tracks, [lang]: src };
    }
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private onTime(event: Event): void {
    const time = (event.target as HTMLVideoElement).currentTime;
    this.chapter = this.data!.chapters.findLastIndex((c) => c.start <= time);
  }

  override render() {
    const t = this.vt;
    if (this.failed) {
      return html`<p class="notice" role="alert">${this.failed}</p>
        <button part="button" @click=${() => void this.fetchResource()}>${this.t.retry}</button>`;
    }
    const video = this.data;
    if (!video) return html`<p class="meta" role="status">${t.loading}</p><div class="stage" aria-hidden="true"></div>`;
    const lang = this.language;
    const text = (map: Partial<Record<Lang, string>> | null) => (map ? localized(map, lang, video.languages) : null);
    const title = text(video.title)!;
    const description = this.compact ? null : text(video.description);
    const transcript = text(video.transcript);
    const provider = this.provider(video);
    return html`<div class="stage" data-phase=${this.phase}>${this.renderStage(video, title, provider)}</div>
      ${this.compact
        ? nothing
        : html`<p class="title" role="heading" aria-level=${this.headingLevel} lang=${title.lang}>${title.text}</p>
            <p class="meta">
              ${t.published} <time datetime=${video.publishedAt}>${day(video.publishedAt, lang)}</time>${video.duration
                ? html` · ${t.duration} <time datetime=${`PT${video.duration}S`}>${clock(video.duration)}</time>`
                : nothing}
            </p>`}
      ${description?.text ? html`<p lang=${description.lang}>${description.text}</p>` : nothing}
      ${video.chapters.length
        ? html`<p class="subtitle" id="chapters">${t.chapters}</p>
            <ol class="chapters" aria-labelledby="chapters">
              ${video.chapters.map((c, i) => {
                const name = text(c.title)!;
                return html`<li>
                  <button part="button" class="secondary" aria-current=${i === this.chapter ? 'true' : 'false'} @click=${() => void this.seek(i, c.start)}>
                    <time datetime=${`PT${c.start}S`}>${clock(c.start)}</time> <span lang=${name.lang}>${name.text}</span>
                  </button>
                </li>`;
              })}
            </ol>`
        : nothing}
      ${transcript?.text
        ? html`<details class="transcript">
            <summary>${t.transcript}</summary>
            <div lang=${transcript.lang}>${transcript.text.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>
          </details>`
        : nothing}
      <p class="meta links">
        ${video.provider === 'file' ? nothing : html`<a href=${video.sourceUrl} rel="noopener noreferrer">${t.openAtProvider(provider)}</a>`}
        ${this.remembered ? html`<button part="button" class="link" @click=${this.forget}>${t.forget(provider)}</button>` : nothing}
      </p>
      <p class="meta" role="status">${this.note}</p>
      ${this.feedbackForm ? this.renderAsk(video, title) : nothing}`;
  }

  private renderStage(video: Video, title: LocalizedValue, provider: string) {
    const t = this.vt;
    if (this.phase === 'consent') {
      return html`<div class="consent" role="group" aria-labelledby="consent-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}>
        <p class="subtitle" id="consent-title" tabindex="-1">${t.consentTitle(provider)}</p>
        <p>${t.consentText(provider, video.player.host)}</p>
        <label class="option"><input type="checkbox" id="remember" /> ${t.remember(provider)}</label>
        <div class="actions">
          <button part="button" @click=${this.accept}>${t.accept}</button>
          <button part="button" class="secondary" @click=${this.cancel}>${t.cancel}</button>
        </div>
      </div>`;
    }
    if (this.phase === 'playing') {
      const { kind, src, type } = video.player;
      if (kind === 'iframe') {
        return html`<iframe
          src=${src.replaceAll('{lang}', this.language).replaceAll('{t}', String(this.at))}
          title=${`${title.text} (${provider})`}
          lang=${title.lang}
          allow="autoplay; fullscreen; picture-in-picture; encrypted-media"
          allowfullscreen
          referrerpolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox"
        ></iframe>`;
      }
      if (type && !document.createElement('video').canPlayType(type)) {
        return html`<div class="cannot"><p>${t.cannotPlay}</p><a href=${src}>${t.download}</a></div>`;
      }
      return html`<video
        src=${this.at ? `${src}#t=${this.at}` : src}
        controls
        autoplay
        playsinline
        preload="metadata"
        aria-label=${title.text}
        lang=${title.lang}
        @timeupdate=${this.onTime}
        @error=${() => (this.note = t.cannotPlay)}
      >
        ${video.captions.map(({ lang }) =>
          this.tracks[lang] ? html`<track kind="captions" srclang=${lang} label=${LANGUAGE_NAMES[lang]} src=${this.tracks[lang]!} ?default=${lang === this.language} />` : nothing,
        )}
      </video>`;
    }
    // Named by its content: the UI's words and the title each in their own language.
    return html`<button part="button" class="play" @click=${() => this.play(0)}>
      <span class="visually-hidden">${t.play}: <span lang=${title.lang}>${title.text}</span>${video.duration ? `, ${clock(video.duration)}` : nothing}</span>
      ${video.poster ? html`<img src=${video.poster} alt="" loading="lazy" decoding="async" />` : nothing}
      <span class="icon" aria-hidden="true"></span>
      ${video.duration ? html`<span class="badge" aria-hidden="true">${clock(video.duration)}</span>` : nothing}
    </button>`;
  }

  private renderAsk(video: Video, title: LocalizedValue) {
    if (!this.asking) {
      return html`<button part="button" class="secondary" @click=${() => void this.ask()}>${this.vt.ask}</button>`;
    }
    // Attributes, not properties: the element may not be defined yet (see the decision feed).
    return html`<osallistu-feedback
      tabindex="-1"
      site=${this.siteId}
      api=${this.client.apiBase}
      form=${this.feedbackForm}
      subject=${title.text}
      subject-lang=${title.lang}
      video=${video.id}
      heading-level=${this.compact ? this.headingLevel : this.headingLevel + 1}
    ></osallistu-feedback>`;
  }

  private async ask(): Promise<void> {
    void import('../feedback/osallistu-feedback.ts');
    this.asking = true;
    await this.focusOn('osallistu-feedback');
  }
}

defineElement('osallistu-video', OsallistuVideo);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-video': OsallistuVideo;
  }
}
