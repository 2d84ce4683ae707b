import { commands, userEvent } from 'vitest/browser';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { expectAccessible } from '../../test/support/a11y.ts';
import { API_ORIGIN, CAPTIONS, addVideo, mountVideo, officialFetch, registerThisOrigin, root, textIn, thirdParty, videoReady } from '../../test/support/videos.ts';

const LANGS = ['fi', 'sv', 'en'] as const;

beforeAll(registerThisOrigin);
beforeEach(() => localStorage.clear());
afterEach(() => document.body.replaceChildren());

const play = (el: Element) => root(el).querySelector<HTMLButtonElement>('button.play')!;
const iframe = (el: Element) => root(el).querySelector('iframe');
const consentButton = (el: Element) => root(el).querySelector<HTMLButtonElement>('.consent .actions button:not(.secondary)')!;
const YOUTUBE = { provider: 'youtube', ref: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', duration: 634, chapters: [{ start: 0, title: { fi: 'Alku' } }, { start: 65, title: { fi: 'Koulu' } }] };
const VIMEO = { provider: 'vimeo', ref: 'https://vimeo.com/1084537', chapters: [] };
const PEERTUBE = { provider: 'peertube', ref: 'https://video.koivulahti.example/w/9c9de5e8-0a1b-484a-b099-e80766180a6d', chapters: [] };

describe('<osallistu-video> in every state, fi/sv/en, axe-clean', () => {
  it.each(LANGS)('before play (%s): poster from this host, title, date, length, chapters and a play button naming the video', async (lang) => {
    const id = await addVideo({}, CAPTIONS);
    const el = await mountVideo({ video: id }, lang);
    await videoReady(el);
    const title = { fi: 'Marraskuun videoblogi', sv: 'Novemberbloggen', en: 'The November video blog' }[lang];
    expect(root(el).querySelector('[role="heading"]')?.textContent).toBe(title);
    expect(root(el).querySelector('[role="heading"]')?.getAttribute('aria-level')).toBe('2');
    // Named by its content: the UI's words in the page's language, the title in its own.
    expect(play(el).querySelector('.visually-hidden')!.textContent).toBe(`${{ fi: 'Toista video', sv: 'Spela upp video', en: 'Play video' }[lang]}: ${title}, 0:12`);
    expect(play(el).querySelector('.visually-hidden [lang]')!.getAttribute('lang')).toBe(lang);
    expect(root(el).querySelector('time[datetime="PT12S"]')?.textContent).toBe('0:12');
    expect([...root(el).querySelectorAll('.chapters button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      `0:00 ${{ fi: 'Alku', sv: 'Början', en: 'Start' }[lang]}`,
      `0:04 ${{ fi: 'Talousarvio', sv: 'Budgeten', en: 'The budget' }[lang]}`,
    ]);
    // No poster was uploaded: the neutral one is drawn with CSS, so nothing at all is fetched for it.
    expect(play(el).querySelector('img')).toBeNull();
    expect(root(el).querySelector('video, iframe')).toBeNull();
    await expectAccessible(el);
  });

  it.each(LANGS)('loading (%s): says so', async (lang) => {
    const el = await mountVideo({ api: location.origin, site: '__flaky', video: 'hang' }, lang);
    await expect.poll(() => root(el).querySelector('[role="status"]')?.textContent).toBe({ fi: 'Ladataan videota…', sv: 'Videon laddas…', en: 'Loading the video…' }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('not found (%s): a clear message', async (lang) => {
    const el = await mountVideo({ video: 'no-such-video' }, lang);
    await videoReady(el);
    expect(root(el).querySelector('[role="alert"]')?.textContent).toMatch({ fi: /Videota ei löytynyt/, sv: /Videon hittades inte/, en: /video was not found/ }[lang]);
    await expectAccessible(el);
  });

  it('network failure: says so, and a retry loads it', async () => {
    const id = await addVideo();
    const el = await mountVideo({ video: id, api: 'http://127.0.0.1:9' });
    await videoReady(el);
    expect(root(el).querySelector('[role="alert"]')?.textContent).toMatch(/yhteyttä/);
    await expectAccessible(el);
    el.setAttribute('api', location.origin);
    await expect.poll(() => root(el).querySelector('.play')).toBeTruthy();
  }, 20_000);

  it('an uploaded poster comes from this host, never from the provider', async () => {
    const id = await addVideo(YOUTUBE);
    // The smallest PNG: an editor's upload, kept in the media bucket.
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    expect((await officialFetch(`/videos/${id}/poster`, { method: 'PUT', body: png, headers: { 'Content-Type': 'image/png' } })).status).toBe(200);
    await commands.recordRequests();
    const el = await mountVideo({ video: id });
    await videoReady(el);
    const img = play(el).querySelector('img')!;
    expect(new URL(img.src).origin).toBe(API_ORIGIN);
    expect(new URL(img.src).pathname).toBe(`/api/v1/sites/koivulahti/videos/${id}/poster`);
    expect(img.alt).toBe('');
    await expect.poll(() => img.complete && img.naturalWidth).toBe(1);
    expect(thirdParty(await commands.recordedRequests())).toEqual([]);
  });
});

describe('<osallistu-video>: nothing leaves for a provider before the resident agrees', () => {
  it.each([
    ['YouTube', YOUTUBE, /^https:\/\/www\.youtube-nocookie\.com\/embed\/aqz-KE-bpKQ\?/, ['hl=fi', 'cc_lang_pref=fi', 'start=0']],
    ['Vimeo', VIMEO, /^https:\/\/player\.vimeo\.com\/video\/1084537\?/, ['dnt=1', 'texttrack=fi']],
    ['video.koivulahti.example (PeerTube)', PEERTUBE, /^https:\/\/video\.koivulahti\.example\/videos\/embed\/9c9de5e8-0a1b-484a-b099-e80766180a6d\?/, ['p2p=0', 'subtitle=fi']],
  ] as const)('%s: no third-party request on load, hover, focus or the first click; the privacy-enhanced player after consent', async (provider, input, src, params) => {
    const id = await addVideo(input);
    await commands.recordRequests();
    const el = await mountVideo({ video: id });
    await videoReady(el);
    await userEvent.hover(play(el));
    play(el).focus();
    // Nothing prepared a connection either (lite-youtube-embed adds preconnect links on hover).
    expect(document.querySelector('link[rel="preconnect"], link[rel="dns-prefetch"]')).toBeNull();
    expect(root(el).querySelector('link')).toBeNull();
    play(el).click();
    await expect.poll(() => root(el).querySelector('.consent')).toBeTruthy();
    expect(textIn(el)).toContain(`Video toistetaan palvelusta ${provider}`);
    expect(root(el).activeElement?.id).toBe('consent-title');
    await expectAccessible(el);
    expect(thirdParty(await commands.recordedRequests())).toEqual([]);
    expect(iframe(el)).toBeNull();

    consentButton(el).click();
    await expect.poll(() => iframe(el)).toBeTruthy();
    const frame = iframe(el)!;
    expect(frame.src).toMatch(src);
    for (const param of params) expect(frame.src).toContain(param);
    expect(frame.title).toBe(`Marraskuun videoblogi (${provider})`);
    expect(frame.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    expect(root(el).activeElement).toBe(frame);
    // The only host reached is the player's own.
    await expect.poll(async () => thirdParty(await commands.recordedRequests()).length).toBeGreaterThan(0);
    expect(new Set(thirdParty(await commands.recordedRequests()).map((url) => new URL(url).host))).toEqual(new Set([new URL(frame.src).host]));
    await expectAccessible(el);
  });

  it('a file the municipality hosts plays at once in the native player, with a caption track per language and no third-party request', async () => {
    const id = await addVideo({}, CAPTIONS);
    await commands.recordRequests();
    const el = await mountVideo({ video: id }, 'sv');
    await videoReady(el);
    play(el).click();
    await expect.poll(() => root(el).querySelectorAll('video track').length).toBe(2);
    const video = root(el).querySelector('video')!;
    expect(video.src).toBe(`${API_ORIGIN}/media/vlogi-marraskuu.mp4`);
    expect(video.controls).toBe(true);
    expect(root(el).querySelector('.consent')).toBeNull();
    const tracks = [...video.querySelectorAll('track')];
    expect(tracks.map((t) => [t.srclang, t.label, t.kind, t.default])).toEqual([
      ['fi', 'suomi', 'captions', false],
      ['sv', 'svenska', 'captions', true],
    ]);
    // The captions come from Osallistu; on a page of another origin the track plays a copy in memory.
    expect(tracks[1]!.src).toMatch(/^blob:/);
    expect(await commands.recordedRequests()).toContain(`${API_ORIGIN}/api/v1/sites/koivulahti/videos/${id}/captions/sv`);
    // The browser really reads the file and the captions.
    await expect.poll(() => video.readyState).toBeGreaterThanOrEqual(1);
    expect(video.duration).toBeCloseTo(12, 0);
    await expect.poll(() => video.textTracks[1]?.cues?.length ?? 0).toBe(2);
    expect((video.textTracks[1]!.cues![0] as VTTCue).text).toContain('Hej, jag är borgmästare.');
    expect(thirdParty(await commands.recordedRequests())).toEqual([]);
    await expectAccessible(el);
  });

  it('a file on another host is another party: it asks first, names the host, and nothing is fetched before', async () => {
    const id = await addVideo({ ref: 'https://media.example.org/vlogi/marraskuu.mp4' });
    await commands.recordRequests();
    const el = await mountVideo({ video: id });
    await videoReady(el);
    play(el).click();
    await expect.poll(() => root(el).querySelector('.consent')).toBeTruthy();
    expect(textIn(el)).toContain('Video toistetaan palvelusta media.example.org');
    expect(root(el).querySelector('video')).toBeNull();
    expect(thirdParty(await commands.recordedRequests())).toEqual([]);
    consentButton(el).click();
    await expect.poll(() => root(el).querySelector('video')?.src).toBe('https://media.example.org/vlogi/marraskuu.mp4');
    await expectAccessible(el);
  });

  it('an HLS stream plays natively where the browser can, and otherwise offers the file', async () => {
    const id = await addVideo({ ref: 'https://video.koivulahti.example/vlogi/master.m3u8' });
    const el = await mountVideo({ video: id });
    await videoReady(el);
    play(el).click();
    await expect.poll(() => root(el).querySelector('.consent')).toBeTruthy();
    consentButton(el).click();
    await expect.poll(() => root(el).querySelector('video, .cannot')).toBeTruthy();
    if (document.createElement('video').canPlayType('application/vnd.apple.mpegurl')) {
      expect(root(el).querySelector('video')!.src).toBe('https://video.koivulahti.example/vlogi/master.m3u8');
    } else {
      expect(root(el).querySelector('.cannot')?.textContent).toContain('Selaimesi ei pysty toistamaan');
      expect(root(el).querySelector<HTMLAnchorElement>('.cannot a')!.href).toBe('https://video.koivulahti.example/vlogi/master.m3u8');
    }
  });
});

describe('<osallistu-video>: the choice, per provider', () => {
  it('asked once when remembered: the next YouTube video plays without asking, Vimeo still asks, and "forget" asks again', async () => {
    const [first, second, vimeo] = await Promise.all([addVideo(YOUTUBE), addVideo(YOUTUBE), addVideo(VIMEO)]);
    const a = await mountVideo({ video: first! });
    await videoReady(a);
    play(a).click();
    await expect.poll(() => root(a).querySelector<HTMLInputElement>('#remember')).toBeTruthy();
    root(a).querySelector<HTMLInputElement>('#remember')!.click();
    consentButton(a).click();
    await expect.poll(() => iframe(a)).toBeTruthy();

    const b = await mountVideo({ video: second! });
    await videoReady(b);
    play(b).click();
    await expect.poll(() => iframe(b)).toBeTruthy();
    expect(root(b).querySelector('.consent')).toBeNull();

    const c = await mountVideo({ video: vimeo! });
    await videoReady(c);
    play(c).click();
    await expect.poll(() => root(c).querySelector('.consent')).toBeTruthy();

    const forget = root(b).querySelector<HTMLButtonElement>('button.link')!;
    expect(forget.textContent).toBe('Unohda valintani: YouTube');
    forget.click();
    await expect.poll(() => root(b).querySelector('[role="status"]:not(:empty)')?.textContent).toContain('Kysymme taas');
    // The button goes; focus goes to the link beside it, not to the top of the page.
    expect(root(b).activeElement).toBe(root(b).querySelector('.links a'));
    const d = await mountVideo({ video: second! });
    await videoReady(d);
    play(d).click();
    await expect.poll(() => root(d).querySelector('.consent')).toBeTruthy();
    expect(iframe(d)).toBeNull();
  });

  it('not remembered unless asked: the same video asks again on the next page view', async () => {
    const id = await addVideo(YOUTUBE);
    const a = await mountVideo({ video: id });
    await videoReady(a);
    play(a).click();
    await expect.poll(() => root(a).querySelector('.consent')).toBeTruthy();
    consentButton(a).click();
    await expect.poll(() => iframe(a)).toBeTruthy();
    expect(root(a).querySelector('button.link')).toBeNull();
    document.body.replaceChildren();
    const b = await mountVideo({ video: id });
    await videoReady(b);
    play(b).click();
    await expect.poll(() => root(b).querySelector('.consent')).toBeTruthy();
  });

  it('Cancel and Escape go back to the poster, focus on its play button, nothing loaded', async () => {
    const id = await addVideo(YOUTUBE);
    const el = await mountVideo({ video: id });
    await videoReady(el);
    play(el).click();
    await expect.poll(() => root(el).querySelector('.consent')).toBeTruthy();
    root(el).querySelector<HTMLButtonElement>('.consent button.secondary')!.click();
    await expect.poll(() => root(el).activeElement?.classList.contains('play')).toBe(true);
    play(el).click();
    await expect.poll(() => root(el).querySelector('.consent')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => root(el).activeElement?.classList.contains('play')).toBe(true);
    expect(iframe(el)).toBeNull();
  });
});

describe('<osallistu-video> by keyboard alone', () => {
  it('Tab to play, Enter, Tab to "remember", Space, Tab to play the video, Enter: the player loads and has focus', async () => {
    const id = await addVideo(YOUTUBE);
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    const el = await mountVideo({ video: id });
    await videoReady(el);
    before.focus();
    await userEvent.tab();
    expect(root(el).activeElement).toBe(play(el));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => root(el).activeElement?.id).toBe('consent-title');
    await userEvent.tab();
    expect(root(el).activeElement?.id).toBe('remember');
    await userEvent.keyboard(' ');
    expect(root(el).querySelector<HTMLInputElement>('#remember')!.checked).toBe(true);
    await userEvent.tab();
    expect(root(el).activeElement).toBe(consentButton(el));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => iframe(el)).toBeTruthy();
    expect(root(el).activeElement).toBe(iframe(el));
    expect(localStorage.getItem('osallistu:consent:www.youtube-nocookie.com')).toBe('true');
  });
});

/**
 * The rings drawn for the focused element (on it or on an ancestor that shows focus within), each
 * with whether an ancestor's `overflow` cuts it off: the stage clips what lies outside it.
 */
function focusRings(focused: Element) {
  const rings: { on: string; clipped: boolean }[] = [];
  for (let el: Element | null = focused; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) continue;
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const r = el.getBoundingClientRect();
    const clipped = (function cut(a: Element | null): boolean {
      if (!a) return false;
      const box = a.getBoundingClientRect();
      const clips = getComputedStyle(a).overflow !== 'visible';
      return (clips && (r.left - reach < box.left || r.top - reach < box.top || r.right + reach > box.right || r.bottom + reach > box.bottom)) || cut(a.parentElement);
    })(el.parentElement);
    rings.push({ on: el.localName + (el.className ? `.${String(el.className).split(' ')[0]}` : ''), clipped });
  }
  return rings;
}

describe('<osallistu-video>: headings and names', () => {
  it('on a page whose only heading is its h1, the title is an h2 (axe heading-order); heading-level overrides', async () => {
    const id = await addVideo();
    const h1 = document.createElement('h1');
    h1.textContent = 'Pormestarin videoblogi';
    document.body.append(h1);
    const el = await mountVideo({ video: id });
    await videoReady(el);
    expect(root(el).querySelector('[role="heading"]')?.getAttribute('aria-level')).toBe('2');
    expect((await axe.run(document, { runOnly: ['heading-order'] })).violations).toEqual([]);
    const deeper = await mountVideo({ video: id, 'heading-level': '4' });
    await videoReady(deeper);
    expect(root(deeper).querySelector('[role="heading"]')?.getAttribute('aria-level')).toBe('4');
  });

  it('a Finnish-only title on a Swedish page: the play button\'s words in Swedish, the title in Finnish, the player marked Finnish', async () => {
    const el = await mountVideo({ video: await addVideo({ title: { fi: 'Syyskuun videoblogi' } }) }, 'sv');
    await videoReady(el);
    expect(play(el).hasAttribute('aria-label')).toBe(false);
    expect(play(el).textContent!.replace(/\s+/g, ' ').trim()).toMatch(/^Spela upp video: Syyskuun videoblogi, 0:12/);
    expect(play(el).closest('[lang]')!.getAttribute('lang')).toBe('sv');
    expect(play(el).querySelector('.visually-hidden [lang]')!.getAttribute('lang')).toBe('fi');
    play(el).click();
    await expect.poll(() => root(el).querySelector('video')).toBeTruthy();
    expect(root(el).querySelector('video')!.getAttribute('lang')).toBe('fi');
    await expectAccessible(el);
  });
});

describe('<osallistu-video>: focus stays visible (WCAG 2.4.7)', () => {
  it('on the play button: the ring lies inside the stage', async () => {
    const el = await mountVideo({ video: await addVideo() });
    await videoReady(el);
    play(el).focus();
    const rings = focusRings(play(el));
    expect(rings.length).toBeGreaterThan(0);
    expect(rings.filter((r) => r.clipped)).toEqual([]);
  });

  it('on a playing video: a ring the stage does not clip', async () => {
    const el = await mountVideo({ video: await addVideo() });
    await videoReady(el);
    play(el).click();
    await expect.poll(() => root(el).activeElement?.localName).toBe('video');
    const rings = focusRings(root(el).activeElement!);
    expect(rings.length).toBeGreaterThan(0);
    expect(rings.filter((r) => r.clipped)).toEqual([]);
    await expectAccessible(el);
  });

  it('on a provider\'s player: a ring around the stage, not clipped', async () => {
    const el = await mountVideo({ video: await addVideo(YOUTUBE) });
    await videoReady(el);
    play(el).click();
    await expect.poll(() => root(el).querySelector('.consent')).toBeTruthy();
    consentButton(el).click();
    await expect.poll(() => root(el).activeElement?.localName).toBe('iframe');
    const rings = focusRings(iframe(el)!);
    expect(rings.length).toBeGreaterThan(0);
    expect(rings.filter((r) => r.clipped)).toEqual([]);
  });
});

describe('<osallistu-video>: chapters, transcript and questions', () => {
  it('a chapter moves the native player to its time and is marked current', async () => {
    const id = await addVideo();
    const el = await mountVideo({ video: id });
    await videoReady(el);
    play(el).click();
    await expect.poll(() => root(el).querySelector('video')).toBeTruthy();
    const video = root(el).querySelector('video')!;
    await expect.poll(() => video.readyState).toBeGreaterThanOrEqual(1);
    const chapter = root(el).querySelectorAll<HTMLButtonElement>('.chapters button')[1]!;
    chapter.click();
    await expect.poll(() => video.currentTime).toBeGreaterThanOrEqual(4);
    await expect.poll(() => chapter.getAttribute('aria-current')).toBe('true');
    await expectAccessible(el);
  });

  it('a chapter before playing starts the provider\'s player there (after consent); while playing it reloads the player there', async () => {
    const id = await addVideo(YOUTUBE);
    const el = await mountVideo({ video: id });
    await videoReady(el);
    root(el).querySelectorAll<HTMLButtonElement>('.chapters button')[1]!.click();
    await expect.poll(() => root(el).querySelector('.consent')).toBeTruthy();
    consentButton(el).click();
    await expect.poll(() => iframe(el)?.src).toContain('start=65');
    root(el).querySelectorAll<HTMLButtonElement>('.chapters button')[0]!.click();
    await expect.poll(() => iframe(el)?.src).toContain('start=0');
  });

  it('Vimeo: a chapter while playing makes the player anew at that time (a changed #t alone would not reload it)', async () => {
    const id = await addVideo({ ...VIMEO, duration: 600, chapters: [{ start: 0, title: { fi: 'Alku' } }, { start: 95, title: { fi: 'Koulut' } }] });
    const el = await mountVideo({ video: id });
    await videoReady(el);
    play(el).click();
    await expect.poll(() => root(el).querySelector('.consent')).toBeTruthy();
    consentButton(el).click();
    await expect.poll(() => iframe(el)).toBeTruthy();
    const first = iframe(el)!;
    expect(first.src).toMatch(/#t=0s$/);
    root(el).querySelectorAll<HTMLButtonElement>('.chapters button')[1]!.click();
    await expect.poll(() => iframe(el)?.src).toMatch(/#t=95s$/);
    expect(iframe(el)).not.toBe(first);
    // The same chapter again starts it there again.
    const second = iframe(el)!;
    root(el).querySelectorAll<HTMLButtonElement>('.chapters button')[1]!.click();
    await expect.poll(() => iframe(el)).not.toBe(second);
    expect(iframe(el)!.src).toMatch(/#t=95s$/);
  });

  it.each([
    ['fi', /Hei, olen pormestari\.\s*Talousarvio hyväksyttiin\./],
    ['sv', /Hej, jag är borgmästare\.\s*Budgeten godkändes\./],
    ['en', /Hei, olen pormestari\./],
  ] as const)('the transcript (%s) comes from the captions of the language, is in the page and can be opened by keyboard', async (lang, text) => {
    const id = await addVideo({}, CAPTIONS);
    const el = await mountVideo({ video: id }, lang);
    await videoReady(el);
    const details = root(el).querySelector<HTMLDetailsElement>('details.transcript')!;
    expect(details.open).toBe(false);
    // In the document (and so in the page's search) even while closed.
    expect(details.textContent).toMatch(text);
    expect(details.querySelector('div')!.lang).toBe(lang === 'en' ? 'fi' : lang);
    details.querySelector('summary')!.focus();
    await userEvent.keyboard('{Enter}');
    expect(details.open).toBe(true);
    await expectAccessible(el);
  });

  it('an explicit transcript wins over the captions', async () => {
    const id = await addVideo({ transcript: { fi: 'Kirjoitettu tekstivastine.\n\nToinen kappale.' } }, CAPTIONS);
    const el = await mountVideo({ video: id });
    await videoReady(el);
    expect([...root(el).querySelectorAll('details.transcript p')].map((p) => p.textContent)).toEqual(['Kirjoitettu tekstivastine.', 'Toinen kappale.']);
  });

  it('"ask a question" opens the site\'s feedback form in place with the video named', async () => {
    const id = await addVideo();
    const el = await mountVideo({ video: id, 'feedback-form': 'palaute' });
    await videoReady(el);
    const ask = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Kysy tai anna palautetta videosta')!;
    ask.click();
    await expect.poll(() => root(el).querySelector('osallistu-feedback')).toBeTruthy();
    const form = root(el).querySelector('osallistu-feedback')!;
    expect(form.getAttribute('video')).toBe(id);
    expect(form.getAttribute('subject')).toBe('Marraskuun videoblogi');
    expect(form.getAttribute('form')).toBe('palaute');
    await expect.poll(() => form.shadowRoot?.querySelector('textarea')).toBeTruthy();
    expect(root(el).activeElement).toBe(form);
  });
});
