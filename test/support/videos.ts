/** Browser-side helpers for the video widgets' tests: real videos on the real API, via Vite's proxy. */
import { expect, inject } from 'vitest';
import '../../widgets/video/osallistu-video.ts';
import '../../widgets/video/osallistu-video-blog.ts';
import { SITE, officialFetch } from './polls.ts';

export { SITE, officialFetch };

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${counter++}`;

/** The demo's first episode's captions, as an editor uploads them. */
export const CAPTIONS = {
  fi: 'WEBVTT\n\n00:00.000 --> 00:03.500\n<v Aino>Hei, olen pormestari.\n\n00:04.000 --> 00:07.000\nTalousarvio hyväksyttiin.\n',
  sv: 'WEBVTT\n\n00:00.000 --> 00:03.500\n<v Aino>Hej, jag är borgmästare.\n\n00:04.000 --> 00:07.000\nBudgeten godkändes.\n',
};

export function videoInput(channel: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `v-${unique()}`,
    channel,
    provider: 'file',
    ref: '/media/vlogi-marraskuu.mp4',
    title: { fi: 'Marraskuun videoblogi', sv: 'Novemberbloggen', en: 'The November video blog' },
    description: { fi: 'Talousarviosta.', sv: 'Om budgeten.', en: 'On the budget.' },
    chapters: [
      { start: 0, title: { fi: 'Alku', sv: 'Början', en: 'Start' } },
      { start: 4, title: { fi: 'Talousarvio', sv: 'Budgeten', en: 'The budget' } },
    ],
    duration: 12,
    publishedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

/** Adds a video (and its captions) on a channel of its own unless `channel` is given; returns its id. */
export async function addVideo(overrides: Record<string, unknown> = {}, captions: Partial<Record<'fi' | 'sv' | 'en', string>> = {}): Promise<string> {
  const input = videoInput(`c-${unique()}`, overrides);
  const response = await officialFetch('/videos', { method: 'POST', body: JSON.stringify(input) });
  if (response.status !== 201) throw new Error(`addVideo ${response.status}: ${await response.text()}`);
  for (const [lang, vtt] of Object.entries(captions)) {
    const put = await officialFetch(`/videos/${input.id}/captions/${lang}`, { method: 'PUT', body: vtt, headers: { 'Content-Type': 'text/vtt' } });
    if (put.status !== 200) throw new Error(`captions ${put.status}: ${await put.text()}`);
  }
  return input.id;
}

/** A fresh channel with `count` episodes, episode 0 the newest; returns the channel's id. */
export async function addChannel(count: number, overrides: (i: number) => Record<string, unknown> = () => ({})): Promise<string> {
  const channel = `c-${unique()}`;
  const put = await officialFetch(`/channels/${channel}`, { method: 'PUT', body: JSON.stringify({ title: { fi: 'Testikanava', sv: 'Testkanal' } }) });
  if (put.status !== 200) throw new Error(`channel ${put.status}: ${await put.text()}`);
  for (let i = 0; i < count; i++) {
    const day = String(28 - i).padStart(2, '0');
    const title = { fi: `Jakso ${i}`, sv: `Avsnitt ${i}`, en: `Episode ${i}` };
    await addVideo({ channel, title, publishedAt: `2026-10-${day}T10:00:00Z`, ...overrides(i) });
  }
  return channel;
}

async function mount<K extends 'osallistu-video' | 'osallistu-video-blog'>(tag: K, attrs: Record<string, string>, lang: string) {
  const section = document.createElement('section');
  section.lang = lang;
  const el = document.createElement(tag);
  el.setAttribute('site', SITE);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  section.append(el);
  document.body.append(section);
  await el.updateComplete;
  return el;
}

export const mountVideo = (attrs: Record<string, string>, lang = 'fi') => mount('osallistu-video', attrs, lang);
export const mountBlog = (attrs: Record<string, string>, lang = 'fi') => mount('osallistu-video-blog', attrs, lang);

export const root = (el: Element) => el.shadowRoot!;
export const textIn = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits until a video has loaded (its play button, or an error). */
export async function videoReady(el: Element): Promise<void> {
  await expect.poll(() => root(el)?.querySelector('.play, [role="alert"]')).toBeTruthy();
}

/** Waits until a blog has left its loading state. */
export async function blogReady(el: Element): Promise<void> {
  await expect.poll(() => root(el)?.querySelector('[aria-busy="false"]')).toBeTruthy();
}

/**
 * Osallistu's own origin. Posters, captions and the demo's video files come from it directly (the
 * API's JSON comes through Vite's proxy), as on a CMS page where the widget's host is not the page's.
 */
export const API_ORIGIN = new URL(inject('devServer').url).origin;

/** Requests to any host but the page's own and Osallistu's. */
export const thirdParty = (urls: string[]) => urls.filter((url) => /^https?:/.test(url) && ![location.origin, API_ORIGIN].includes(new URL(url).origin));

/** Registers this page's origin with the site, as an owner does for the municipality's pages, so the API answers it with CORS. */
export async function registerThisOrigin(): Promise<void> {
  const settings = (await (await officialFetch('/settings')).json()) as { origins: string[] };
  if (settings.origins.includes(location.origin)) return;
  const patched = await officialFetch('/settings', { method: 'PATCH', body: JSON.stringify({ origins: [...settings.origins, location.origin] }) });
  if (patched.status !== 200) throw new Error(`settings ${patched.status}: ${await patched.text()}`);
}
