import { commands, userEvent } from 'vitest/browser';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { expectAccessible } from '../../test/support/a11y.ts';
import { API_ORIGIN, addChannel, blogReady, mountBlog, officialFetch, registerThisOrigin, root, textIn, thirdParty } from '../../test/support/videos.ts';

const LANGS = ['fi', 'sv', 'en'] as const;

beforeAll(registerThisOrigin);
beforeEach(() => localStorage.clear());
afterEach(() => document.body.replaceChildren());

const episodes = (el: Element) => [...root(el).querySelectorAll('.episode')];
const titles = (el: Element) => episodes(el).map((e) => e.querySelector('[role="heading"]')!.textContent);
const buttonNamed = (el: Element, text: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text);

describe('<osallistu-video-blog> in every state, fi/sv/en, axe-clean', () => {
  it.each(LANGS)('episodes newest first (%s), with dates and lengths, in a list with headings', async (lang) => {
    const channel = await addChannel(3);
    const el = await mountBlog({ channel }, lang);
    await blogReady(el);
    expect(titles(el)).toEqual([0, 1, 2].map((i) => `${{ fi: 'Jakso', sv: 'Avsnitt', en: 'Episode' }[lang]} ${i}`));
    expect(root(el).querySelector('ul.episodes')?.getAttribute('aria-label')).toBe({ fi: 'Jaksot', sv: 'Avsnitt', en: 'Episodes' }[lang]);
    const first = episodes(el)[0]!;
    expect(first.querySelector('[role="heading"]')!.getAttribute('aria-level')).toBe('2');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-10-28T10:00:00.000Z');
    expect(first.textContent).toContain('0:12');
    expect(first.querySelector('button')!.getAttribute('aria-expanded')).toBe('false');
    await expectAccessible(el);
  });

  it.each(LANGS)('loading (%s)', async (lang) => {
    const el = await mountBlog({ api: location.origin, site: '__flaky', channel: 'hang' }, lang);
    await expect.poll(() => root(el).querySelector('.skeleton')).toBeTruthy();
    expect(root(el).querySelector('[aria-busy]')!.getAttribute('aria-busy')).toBe('true');
    await expectAccessible(el);
  });

  it.each(LANGS)('empty (%s): a channel with no episodes yet says so', async (lang) => {
    const channel = await addChannel(0);
    const el = await mountBlog({ channel }, lang);
    await blogReady(el);
    expect(root(el).querySelector('[role="status"]')?.textContent).toBe({ fi: 'Jaksoja ei ole vielä julkaistu.', sv: 'Inga avsnitt har publicerats ännu.', en: 'No episodes have been published yet.' }[lang]);
    expect(episodes(el)).toHaveLength(0);
    await expectAccessible(el);
  });

  it.each(LANGS)('a channel that is not there (%s): says so, so a typo in the snippet shows', async (lang) => {
    const el = await mountBlog({ channel: 'no-such-channel' }, lang);
    await blogReady(el);
    expect(root(el).querySelector('[role="alert"]')?.textContent).toBe({ fi: 'Videoblogia ei löytynyt. Tarkista kanavan tunnus.', sv: 'Videobloggen hittades inte. Kontrollera kanalens id.', en: 'The video blog was not found. Check the channel\'s id.' }[lang]);
    await expectAccessible(el);
  });

  it('network failure: says so, and a retry loads it', async () => {
    const channel = await addChannel(1);
    const el = await mountBlog({ channel, api: 'http://127.0.0.1:9' });
    await blogReady(el);
    expect(root(el).querySelector('[role="alert"]')?.textContent).toMatch(/yhteyttä/);
    await expectAccessible(el);
    el.setAttribute('api', location.origin);
    await expect.poll(() => episodes(el).length).toBe(1);
  }, 20_000);

  it('drafts and future episodes are not listed', async () => {
    const channel = await addChannel(3, (i) => (i === 0 ? { status: 'draft' } : i === 1 ? { publishedAt: '2099-01-01T00:00:00Z' } : {}));
    const el = await mountBlog({ channel });
    await blogReady(el);
    expect(titles(el)).toEqual(['Jakso 2']);
  });
});

describe('<osallistu-video-blog>: more episodes', () => {
  it('"show more" keeps focus and is announced; on the last page focus moves to the first new episode', async () => {
    const channel = await addChannel(5);
    const el = await mountBlog({ channel, limit: '2' });
    await blogReady(el);
    const more = buttonNamed(el, 'Näytä lisää jaksoja')!;
    more.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => episodes(el).length).toBe(4);
    expect(root(el).activeElement).toBe(more);
    expect(root(el).querySelector('[role="status"]')?.textContent).toBe('Näytetään 4 jaksoa, 2 lisää.');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => episodes(el).length).toBe(5);
    // The live region changes on the second press too: the same sentence again would go unannounced.
    expect(root(el).querySelector('[role="status"]')?.textContent).toBe('Näytetään 5 jaksoa, 1 lisää.');
    expect(titles(el)).toEqual(['Jakso 0', 'Jakso 1', 'Jakso 2', 'Jakso 3', 'Jakso 4']);
    await expect.poll(() => root(el).activeElement?.textContent).toBe('Jakso 4');
    expect(buttonNamed(el, 'Näytä lisää jaksoja')).toBeUndefined();
    await expectAccessible(el);
  });
});

describe('<osallistu-video-blog>: headings and names', () => {
  it('on a page whose only heading is its h1, the episodes\' titles are h2 (axe heading-order); heading-level overrides', async () => {
    const channel = await addChannel(1);
    const h1 = document.createElement('h1');
    h1.textContent = 'Pormestarin videoblogi';
    document.body.append(h1);
    const el = await mountBlog({ channel });
    await blogReady(el);
    expect(episodes(el)[0]!.querySelector('[role="heading"]')!.getAttribute('aria-level')).toBe('2');
    expect((await axe.run(document, { runOnly: ['heading-order'] })).violations).toEqual([]);
    const deeper = await mountBlog({ channel, 'heading-level': '4' });
    await blogReady(deeper);
    expect(episodes(deeper)[0]!.querySelector('[role="heading"]')!.getAttribute('aria-level')).toBe('4');
  });

  it('a Finnish-only title on an English page: "Watch" in English and the title in Finnish, each marked, never one mixed string', async () => {
    const channel = await addChannel(1, () => ({ title: { fi: 'Syyskuun videoblogi' }, description: { fi: 'Syksyn asioita.' } }));
    const el = await mountBlog({ channel }, 'en');
    await blogReady(el);
    const watch = episodes(el)[0]!.querySelector('button')!;
    expect(watch.hasAttribute('aria-label')).toBe(false);
    expect(watch.getAttribute('aria-labelledby')!.split(' ').map((id) => [root(el).getElementById(id)!.textContent!.trim(), root(el).getElementById(id)!.closest('[lang]')!.getAttribute('lang')])).toEqual([
      ['Watch:', 'en'],
      ['Syyskuun videoblogi', 'fi'],
    ]);
    await expectAccessible(el);
  });
});

describe('<osallistu-video-blog>: an episode opens in place', () => {
  it('a hosted file plays at once in place; "close" stops it', async () => {
    const channel = await addChannel(2);
    await commands.recordRequests();
    const el = await mountBlog({ channel, 'feedback-form': 'palaute' });
    await blogReady(el);
    const watch = episodes(el)[1]!.querySelector('button')!;
    // Named by its own word and the episode's title, each element carrying its language.
    expect(watch.getAttribute('aria-labelledby')!.split(' ').map((id) => [root(el).getElementById(id)!.textContent!.trim(), root(el).getElementById(id)!.closest('[lang]')!.getAttribute('lang')])).toEqual([
      ['Katso:', 'fi'],
      ['Jakso 1', 'fi'],
    ]);
    watch.click();
    await expect.poll(() => episodes(el)[1]!.querySelector('osallistu-video')?.shadowRoot?.querySelector('video')).toBeTruthy();
    const video = episodes(el)[1]!.querySelector('osallistu-video')!;
    expect(watch.getAttribute('aria-expanded')).toBe('true');
    expect(video.closest(`#${watch.getAttribute('aria-controls')}`)).toBeTruthy();
    expect(video.hasAttribute('compact')).toBe(true);
    expect(video.getAttribute('feedback-form')).toBe('palaute');
    expect(video.shadowRoot!.activeElement).toBe(video.shadowRoot!.querySelector('video'));
    expect(thirdParty(await commands.recordedRequests())).toEqual([]);
    await expectAccessible(el);
    watch.click();
    await expect.poll(() => episodes(el)[1]!.querySelector('osallistu-video')).toBeNull();
    expect(watch.getAttribute('aria-expanded')).toBe('false');
  });

  it('a YouTube episode asks first, in place, and nothing reaches YouTube before that', async () => {
    const channel = await addChannel(1, () => ({ provider: 'youtube', ref: 'aqz-KE-bpKQ', chapters: [] }));
    await commands.recordRequests();
    const el = await mountBlog({ channel }, 'sv');
    await blogReady(el);
    episodes(el)[0]!.querySelector('button')!.click();
    await expect.poll(() => episodes(el)[0]!.querySelector('osallistu-video')?.shadowRoot?.querySelector('.consent')).toBeTruthy();
    const video = episodes(el)[0]!.querySelector('osallistu-video')!;
    expect(textIn(video)).toContain('Videon spelas upp från YouTube');
    expect(video.shadowRoot!.activeElement?.id).toBe('consent-title');
    expect(thirdParty(await commands.recordedRequests())).toEqual([]);
    await expectAccessible(el);
  });

  it('one episode open at a time', async () => {
    const channel = await addChannel(2);
    const el = await mountBlog({ channel });
    await blogReady(el);
    episodes(el)[0]!.querySelector('button')!.click();
    await expect.poll(() => episodes(el)[0]!.querySelector('osallistu-video')).toBeTruthy();
    episodes(el)[1]!.querySelector('button')!.click();
    await expect.poll(() => episodes(el)[1]!.querySelector('osallistu-video')).toBeTruthy();
    expect(episodes(el)[0]!.querySelector('osallistu-video')).toBeNull();
  });

  it('the channel\'s uploaded posters are shown from this host', async () => {
    const channel = await addChannel(1);
    const id = (await (await officialFetch(`/channels/${channel}/videos`)).json()).items[0].id as string;
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    expect((await officialFetch(`/videos/${id}/poster`, { method: 'PUT', body: png, headers: { 'Content-Type': 'image/png' } })).status).toBe(200);
    const el = await mountBlog({ channel });
    await blogReady(el);
    const img = episodes(el)[0]!.querySelector('img')!;
    expect(new URL(img.src).origin).toBe(API_ORIGIN);
    expect(img.alt).toBe('');
  });
});
