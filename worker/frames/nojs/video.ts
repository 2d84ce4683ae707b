/**
 * Videos without JavaScript, read only: the title, the poster (from this host), the description,
 * the transcript and the captions, and a plain link to watch at the provider. No player, no
 * provider's iframe and no request to a third party: the resident decides by following the link.
 * A video blog lists its episodes, each opening on the same page (`video=ID`).
 */
import { html } from 'hono/html';
import type { Lang } from '../../schema/common.ts';
import { callApi, sitePath } from './api.ts';
import type { FallbackContext } from './context.ts';
import { dateOf, linkTo, notice, shown } from './parts.ts';
import { stringsFor } from './strings/index.ts';

type Text = Partial<Record<Lang, string>>;

interface Summary {
  id: string;
  provider: 'youtube' | 'vimeo' | 'peertube' | 'file';
  title: Text;
  description: Text | null;
  poster: string | null;
  publishedAt: string;
}

interface Full extends Summary {
  sourceUrl: string;
  transcript: Text | null;
  captions: { lang: Lang; url: string }[];
}

const PROVIDERS = { youtube: 'YouTube', vimeo: 'Vimeo', peertube: 'PeerTube' } as const;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const CURSOR = /^[A-Za-z0-9_.:=-]{1,200}$/;
const LANGUAGE_NAMES: Record<Lang, Record<Lang, string>> = {
  fi: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
  sv: { fi: 'finska', sv: 'svenska', en: 'engelska' },
  en: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
};

/** Only web addresses are linked (never `javascript:` or `data:`). */
const linkable = (url: string) => /^\/(?!\/)/.test(url) || /^https?:\/\//i.test(url);
/** A poster is shown only from this host: the page makes no request to anyone else. */
const ownImage = (ctx: FallbackContext, url: string | null): url is string => Boolean(url && (/^\/(?!\/)/.test(url) || url.startsWith(`${ctx.url.origin}/`)));

function oneVideo(ctx: FallbackContext, v: Full, headingLevel: 2 | 3 = 2) {
  const t = stringsFor(ctx.lang).reading;
  const title = shown(ctx, v.title);
  const description = v.description ? shown(ctx, v.description) : '';
  const transcript = v.transcript ? shown(ctx, v.transcript) : '';
  const watch = v.provider === 'file' ? t.watchFile : t.watchAt(PROVIDERS[v.provider]);
  const heading = headingLevel === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`;
  return html`<article class="nojs-video">${heading}${ownImage(ctx, v.poster) ? html`<img class="nojs-poster" src="${v.poster}" alt="">` : ''}<p class="nojs-meta">${t.published(dateOf(ctx, v.publishedAt))}</p>${
    description ? html`<p class="nojs-description">${description}</p>` : ''
  }${linkable(v.sourceUrl) ? html`<p><a class="nojs-watch" href="${v.sourceUrl}">${watch}</a></p>` : ''}${
    transcript ? html`<details class="nojs-transcript"><summary>${t.transcript}</summary><p>${transcript}</p></details>` : ''
  }${
    v.captions.length
      ? html`<p class="nojs-meta">${t.captions}: ${v.captions.map((c, i) => html`${i ? ', ' : ''}<a href="${linkable(c.url) ? c.url : ''}" hreflang="${c.lang}">${LANGUAGE_NAMES[ctx.lang][c.lang]}</a>`)}</p>`
      : ''
  }</article>`;
}

async function readVideo(ctx: FallbackContext, id: string) {
  return callApi<Full>(ctx.c, sitePath(ctx.site.id, `videos/${encodeURIComponent(id)}`));
}

export async function renderVideo(ctx: FallbackContext) {
  const t = stringsFor(ctx.lang);
  const answer = await readVideo(ctx, ctx.id);
  if (!answer.ok) return notice(answer.status === 429 ? t.rateLimited : t.notFound, 'warning');
  return html`<div class="nojs nojs-video-one">${oneVideo(ctx, answer.data)}</div>`;
}

export async function renderVideoBlog(ctx: FallbackContext) {
  const t = stringsFor(ctx.lang);
  const episode = ctx.url.searchParams.get('video');
  if (episode !== null) {
    const back = html`<p><a href="${linkTo(ctx)}">${t.reading.backToEpisodes}</a></p>`;
    const answer = SLUG.test(episode) ? await readVideo(ctx, episode) : null;
    // Only an episode of this channel is shown here.
    if (!answer?.ok || (answer.data as Full & { channel?: string }).channel !== ctx.id) {
      ctx.status = answer?.status === 429 ? 429 : 404;
      return html`<div class="nojs nojs-video-blog">${notice(answer?.status === 429 ? t.rateLimited : t.notFound, 'warning')}${back}</div>`;
    }
    return html`<div class="nojs nojs-video-blog">${back}${oneVideo(ctx, answer.data)}</div>`;
  }
  const cursor = ctx.url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: '12' });
  if (cursor && CURSOR.test(cursor)) query.set('cursor', cursor);
  const answer = await callApi<{ channel: { title: Text | null; description: Text | null }; items: Summary[]; nextCursor: string | null }>(
    ctx.c,
    sitePath(ctx.site.id, `channels/${encodeURIComponent(ctx.id)}/videos?${query}`),
  );
  if (!answer.ok) {
    ctx.status = answer.status === 429 ? 429 : 400;
    return notice(answer.status === 429 ? t.rateLimited : t.notFound, 'warning');
  }
  const { channel, items, nextCursor } = answer.data;
  const title = channel.title ? shown(ctx, channel.title) : '';
  const list = items.length
    ? html`<ul class="nojs-list nojs-episodes">${items.map(
        (v) =>
          html`<li>${ownImage(ctx, v.poster) ? html`<img class="nojs-poster" src="${v.poster}" alt="">` : ''}<h3><a href="${linkTo(ctx, { video: v.id })}">${shown(ctx, v.title)}</a></h3><p class="nojs-meta">${t.reading.published(dateOf(ctx, v.publishedAt))}</p>${
            v.description ? html`<p>${shown(ctx, v.description)}</p>` : ''
          }</li>`,
      )}</ul>`
    : html`<p>${t.reading.noEpisodes}</p>`;
  const more = nextCursor ? html`<p><a href="${linkTo(ctx, { cursor: nextCursor })}">${t.reading.moreEpisodes}</a></p>` : '';
  return html`<div class="nojs nojs-video-blog">${title ? html`<h2>${title}</h2>` : html`<h2>${t.reading.episodes}</h2>`}${
    channel.description ? html`<p class="nojs-description">${shown(ctx, channel.description)}</p>` : ''
  }${list}${more}</div>`;
}
