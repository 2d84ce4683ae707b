import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { z } from '@hono/zod-openapi';
import type { ChannelPage } from '../../worker/schema/videos.ts';
import { ApiRequestError } from '../core/api-client.ts';
import { OsallistuElement } from '../core/base-element.ts';
import { defineElement } from '../core/define.ts';
import { Catalog, localized } from '../core/i18n.ts';
import { clock } from '../core/format.ts';
import { day, videoMessages } from './osallistu-video.ts';
import type { BlogMessages } from './locales/messages.ts';
import { videoStyles } from './styles.ts';

type Episode = z.infer<typeof ChannelPage>['items'][number];
/** The list's own strings; the videos' strings come with the video element. */
const blogMessages = new Catalog<BlogMessages>({
  fi: () => import('./locales/blog/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/blog/sv.ts').then((m) => m.sv),
  en: () => import('./locales/blog/en.ts').then((m) => m.en),
});

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string };

/**
 * A channel's episodes (the mayor's video blog), newest first, with "show more". An episode
 * opens in place in an `<osallistu-video>`, with the same privacy rules.
 *
 * @attr channel - the channel's id (required).
 * @attr limit - episodes per page (default 6).
 * @attr feedback-form - a feedback form's id: each episode gets "ask a question".
 * @attr heading-level - the level of each episode's title (default 2, below the page's h1).
 * @csspart button - the buttons.
 * @csspart item - one episode.
 */
export class OsallistuVideoBlog extends OsallistuElement {
  static override styles = [...OsallistuElement.styles, videoStyles, css`
    :host {
      container-type: inline-size;
    }
    .episodes {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .episode {
      display: grid;
      grid-template-columns: minmax(8rem, 14rem) 1fr;
      gap: 0 1rem;
      padding-block: 1rem;
      border-block-end: 1px solid var(--_border);
      overflow-wrap: anywhere;
    }
    .episode .stage {
      margin: 0;
    }
    .thumb {
      cursor: pointer;
    }
    .episode p {
      margin: 0 0 0.5rem;
    }
    .player {
      grid-column: 1 / -1;
      margin-block-start: 1rem;
    }
    .actions {
      margin-block-start: 1rem;
    }
    @container (max-width: 30rem) {
      .episode {
        grid-template-columns: 1fr;
      }
      .episode .stage {
        margin-block-end: 0.75rem;
      }
    }
  `];
  static override catalogs = [...OsallistuElement.catalogs, videoMessages, blogMessages];
  /** Keeps nothing on the device itself (its videos and forms say so themselves). */
  static override remembers = false;

  /** Lit's reactive properties (why not decorators, and why `attribute: false`: OsallistuElement.properties). */
  static override properties: PropertyDeclarations = {
    channel: {},
    limit: { type: Number },
    feedbackForm: { attribute: 'feedback-form' },
    headingLevel: { attribute: 'heading-level', type: Number },
    load: { state: true, attribute: false },
    items: { state: true, attribute: false },
    next: { state: true, attribute: false },
    loadingMore: { state: true, attribute: false },
    status: { state: true, attribute: false },
    open: { state: true, attribute: false },
  };

  channel = '';
  limit = 6;
  feedbackForm = '';
  headingLevel = 2;

  private load: Load = { status: 'loading' };
  private items: Episode[] = [];
  private next: string | null = null;
  private loadingMore = false;
  private status = '';
  private open = '';

  /** Which fetch is the latest: an older answer that arrives late is dropped. */
  #seq = 0;

  private get vt() {
    return videoMessages.get(this.language);
  }

  private get bt() {
    return blogMessages.get(this.language);
  }

  protected override resourceId(): string {
    return this.channel && `${this.channel}|${this.limit}`;
  }

  protected override async fetchResource(): Promise<void> {
    await this.fetchPage(false);
  }

  private async fetchPage(more: boolean): Promise<void> {
    if (more) this.loadingMore = true;
    else this.load = { status: 'loading' };
    const mine = ++this.#seq;
    const cursor = more && this.next ? `&cursor=${encodeURIComponent(this.next)}` : '';
    try {
      const page = await this.client.get<z.infer<typeof ChannelPage>>(`channels/${encodeURIComponent(this.channel)}/videos?limit=${this.limit}${cursor}`);
      await this.stringsReady();
      if (mine !== this.#seq) return;
      const before = this.items.length;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.next = page.nextCursor;
      this.load = { status: 'ready' };
      this.status = more ? this.bt.loadedMore(page.items.length, this.items.length) : this.items.length ? '' : this.bt.empty;
      // "Show more" keeps focus while it stays; when it goes (the last page), focus moves to the first new episode.
      if (more && !this.next) {
        await this.updateComplete;
        this.renderRoot.querySelectorAll<HTMLElement>('.episode .title')[before]?.focus();
      }
    } catch (error) {
      await this.stringsReady();
      if (mine !== this.#seq) return;
      const message = error instanceof ApiRequestError && error.status === 404 ? this.bt.notFound : this.errorMessage(error, this.vt.loadFailed);
      if (more) this.status = message;
      else this.load = { status: 'failed', message };
    } finally {
      if (mine === this.#seq) this.loadingMore = false;
    }
  }

  override render() {
    const t = this.vt;
    const b = this.bt;
    return html`<p class="meta" role="status">${this.load.status === 'loading' ? t.loading : this.status}</p>
      <div aria-busy=${this.load.status === 'loading' ? 'true' : 'false'}>
      ${this.load.status === 'loading'
        ? html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`
        : this.load.status === 'failed'
          ? html`<p class="notice" role="alert">${this.load.message}</p>
              <button part="button" @click=${() => void this.fetchPage(false)}>${this.t.retry}</button>`
          : html`<ul class="episodes" aria-label=${b.episodes}>
                ${this.items.map((item) => this.renderEpisode(item))}
              </ul>
              ${this.next
                ? html`<div class="actions">
                    <button part="button" class="secondary" aria-disabled=${this.loadingMore} @click=${() => this.loadingMore || void this.fetchPage(true)}>
                      ${this.loadingMore ? b.loadingMore : b.loadMore}
                    </button>
                  </div>`
                : nothing}`}
    </div>`;
  }

  private renderEpisode(item: Episode) {
    const t = this.vt;
    const b = this.bt;
    const lang = this.language;
    const title = localized(item.title, lang, item.languages);
    const description = item.description ? localized(item.description, lang, item.languages) : null;
    const open = this.open === item.id;
    return html`<li class="episode" part="item">
      <div class="stage thumb" aria-hidden="true" @click=${() => this.toggle(item.id)}>
        ${item.poster ? html`<img src=${item.poster} alt="" loading="lazy" decoding="async" />` : nothing}
        ${item.duration ? html`<span class="badge">${clock(item.duration)}</span>` : nothing}
      </div>
      <div>
        <p class="title" role="heading" aria-level=${this.headingLevel} lang=${title.lang} tabindex="-1" id=${`title-${item.id}`}>${title.text}</p>
        <p class="meta">
          <time datetime=${item.publishedAt}>${day(item.publishedAt, lang)}</time>${item.duration
            ? html` · ${t.duration} <time datetime=${`PT${item.duration}S`}>${clock(item.duration)}</time>`
            : nothing}
        </p>
        ${description ? html`<p lang=${description.lang}>${description.text}</p>` : nothing}
        <button
          part="button"
          class="secondary"
          id=${`watch-${item.id}`}
          aria-labelledby=${`watch-${item.id} title-${item.id}`}
          aria-expanded=${open}
          aria-controls=${`player-${item.id}`}
          @click=${() => this.toggle(item.id)}
        >
          ${open ? b.close : b.watch}<span class="visually-hidden">:</span>
        </button>
      </div>
      <div class="player" id=${`player-${item.id}`} ?hidden=${!open}>
        ${open
          ? html`<osallistu-video
              site=${this.siteId}
              api=${this.client.apiBase}
              video=${item.id}
              compact
              autoplay
              feedback-form=${this.feedbackForm || nothing}
              heading-level=${this.headingLevel + 1}
            ></osallistu-video>`
          : nothing}
      </div>
    </li>`;
  }

  /** One episode open at a time: opening another stops the one playing. */
  private toggle(id: string): void {
    this.open = this.open === id ? '' : id;
  }
}

defineElement('osallistu-video-blog', OsallistuVideoBlog);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-video-blog': OsallistuVideoBlog;
  }
}
