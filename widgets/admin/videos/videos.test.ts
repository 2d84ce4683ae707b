import { page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from '../../../test/support/a11y.ts';
import { CAPTIONS, SITE, addVideo, officialFetch } from '../../../test/support/videos.ts';
import './osallistu-admin-videos.ts';
import { expectNoSidewaysScroll } from '../../../test/support/reflow.ts';
import type { OsallistuAdminVideos } from './osallistu-admin-videos.ts';

const OWNER = inject('devServer').token;
/** 1×1 transparent PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

let counter = 0;
/** Each test its own channel, so lists and filters see only its videos. */
const newChannel = () => `av-${Date.now().toString(36)}-${counter++}`;

afterEach(() => document.body.replaceChildren());

interface Video {
  id: string;
  provider: string;
  ref: string;
  title: Record<string, string>;
  description: Record<string, string> | null;
  duration: number | null;
  status: string;
  poster: string | null;
  chapters: { start: number; title: Record<string, string> }[];
  captions: { lang: string }[];
}

/** Fresh from the API: a public read of the same address (the preview's) may sit in the browser's cache. */
const getVideo = async (id: string) => (await officialFetch(`/videos/${id}`, { cache: 'no-store' })).json() as Promise<Video>;
const videosOf = async (channel: string) => ((await (await officialFetch(`/videos?channel=${channel}`)).json()) as { items: Video[] }).items;

/** The view as the console will render it for an owner, in a page of language `lang`, optionally filtered to one channel. */
async function mount(options: { lang?: string; channel?: string; limit?: number } = {}) {
  const main = document.createElement('main');
  main.lang = options.lang ?? 'fi';
  const el = document.createElement('osallistu-admin-videos') as OsallistuAdminVideos;
  el.setAttribute('site', SITE);
  el.setAttribute('api', location.origin);
  if (options.limit) el.setAttribute('limit', String(options.limit));
  el.token = OWNER;
  el.official = { tokenId: 'x', label: 'Testi', labelLang: 'fi', role: 'owner', site: SITE };
  main.append(el);
  document.body.append(main);
  await expect.poll(() => el.shadowRoot?.querySelector('#filter-channel')).toBeTruthy();
  const shadow = el.shadowRoot!;
  if (options.channel) {
    await expect.poll(() => shadow.querySelector('table, .empty')).toBeTruthy();
    shadow.querySelector<HTMLInputElement>('#filter-channel')!.value = options.channel;
    shadow.querySelector<HTMLButtonElement>('form.filters button')!.click();
    await expect.poll(() => shadow.querySelector('tbody tr') ?? shadow.querySelector('.empty')).toBeTruthy();
  }
  return { el, shadow };
}

const $ = <T extends HTMLElement = HTMLElement>(shadow: ShadowRoot, selector: string) => shadow.querySelector<T>(selector)!;

/** Types into a field as the browser reports it (value, then an input event). */
function fill(shadow: ShadowRoot, selector: string, value: string): void {
  const field = $<HTMLInputElement>(shadow, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function choose(shadow: ShadowRoot, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(shadow, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function pick(shadow: ShadowRoot, selector: string, file: File): void {
  const input = $<HTMLInputElement>(shadow, selector);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (shadow: ShadowRoot) => [...shadow.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(0, 5).map(text));
const note = (shadow: ShadowRoot) => text(shadow.querySelector('#edit-note'));
const active = (shadow: ShadowRoot) => shadow.activeElement?.id;

async function open(shadow: ShadowRoot, id: string): Promise<void> {
  $(shadow, `button[data-video="${id}"]`).click();
  await expect.poll(() => active(shadow)).toBe('edit-heading');
}

describe('the video list', () => {
  it('shows a channel newest first with service, status and time, drafts and scheduled ones included; shows more; says when a channel is empty; axe-clean', async () => {
    const channel = newChannel();
    await addVideo({ channel, title: { fi: 'Vanha jakso' }, publishedAt: '2026-10-01T09:00:00Z' });
    await addVideo({ channel, title: { fi: 'Keskeneräinen' }, provider: 'youtube', ref: 'dQw4w9WgXcQ', chapters: [], status: 'draft', publishedAt: '2026-10-10T09:00:00Z' });
    await addVideo({ channel, title: { fi: 'Tuleva jakso' }, publishedAt: '2027-01-15T09:00:00Z' });
    const { el, shadow } = await mount({ channel, limit: 2 });
    expect(rows(shadow)).toEqual([
      ['Tuleva jakso', channel, 'Oma videotiedosto', 'Ajastettu', '15. tammikuuta 2027 klo 11.00'],
      ['Keskeneräinen', channel, 'YouTube', 'Luonnos', '10. lokakuuta 2026 klo 12.00'],
    ]);
    expect(text(shadow.querySelector('table caption'))).toBe('Sivuston videot, uusin ensin');
    expect(text(shadow.querySelector('thead th:last-child'))).toBe('Toiminnot');
    expect(text(shadow.querySelector('tbody tr .badge'))).toBe('Ajastettu');
    await expectAccessible(el);

    $(shadow, '#more').click();
    await expect.poll(() => rows(shadow).length).toBe(3);
    expect(rows(shadow)[2]!.slice(0, 4)).toEqual(['Vanha jakso', channel, 'Oma videotiedosto', 'Julkaistu']);
    expect(text(shadow.querySelector('[role="status"]'))).toBe('1 video lisää, yhteensä 3 näkyvissä.');
    expect(shadow.querySelector('#more')).toBeNull();

    // Only drafts
    choose(shadow, '#filter-status', 'draft');
    $(shadow, 'form.filters button').click();
    await expect.poll(() => rows(shadow).map((r) => r[0])).toEqual(['Keskeneräinen']);

    const empty = newChannel();
    $<HTMLInputElement>(shadow, '#filter-channel').value = empty;
    choose(shadow, '#filter-status', '');
    $(shadow, 'form.filters button').click();
    await expect.poll(() => text(shadow.querySelector('.empty'))).toBe(`Kanavalla ${empty} ei ole videoita näillä ehdoilla.`);
    await expectAccessible(el);
  });
});

describe('adding a video by its address', () => {
  it('recognises YouTube from the address, reads the length as minutes and seconds, and the API keeps only the canonical id', async () => {
    const channel = newChannel();
    const { shadow } = await mount();
    $(shadow, '#add-open').click();
    await expect.poll(() => active(shadow)).toBe('add-heading');
    fill(shadow, '#add-channel', channel);
    $(shadow, '#add-ref').focus();
    await userEvent.keyboard('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s');
    await expect.poll(() => $<HTMLSelectElement>(shadow, '#add-provider').value).toBe('youtube');
    expect(text(shadow.querySelector('#add-provider-hint'))).toBe('Päätelty osoitteesta: YouTube.');
    fill(shadow, '#add-title-fi', 'Pormestarin marraskuu');
    fill(shadow, '#add-title-sv', 'Borgmästarens november');
    fill(shadow, '#add-duration', '4:32');
    choose(shadow, '#add-status', 'published');
    $(shadow, 'section.adding form button:not([type])').click();

    await expect.poll(() => text(shadow.querySelector('[role="status"]'))).toBe('Video ”Pormestarin marraskuu” lisättiin.');
    // The new video opens in the editor, for its poster, captions and chapters.
    await expect.poll(() => active(shadow)).toBe('edit-heading');
    expect(text(shadow.querySelector('#edit-heading'))).toBe('Muokkaa: Pormestarin marraskuu');
    expect(shadow.querySelector('section.adding')).toBeNull();
    const [listed] = await videosOf(channel);
    const video = await getVideo(listed!.id);
    expect(video).toMatchObject({ provider: 'youtube', ref: 'dQw4w9WgXcQ', duration: 272, status: 'published', title: { fi: 'Pormestarin marraskuu', sv: 'Borgmästarens november' } });
    await expect.poll(() => rows(shadow).some((r) => r[0] === 'Pormestarin marraskuu')).toBe(true);
  });

  it('shows what is missing at its field, and refuses a look-alike address at the address field with focus there; nothing is added; axe-clean', async () => {
    const channel = newChannel();
    const { el, shadow } = await mount();
    $(shadow, '#add-open').click();
    await expect.poll(() => shadow.querySelector('#add-ref')).toBeTruthy();
    fill(shadow, '#add-channel', channel);
    fill(shadow, '#add-duration', 'neljä minuuttia');
    $(shadow, 'section.adding form button:not([type])').click();
    await expect.poll(() => active(shadow)).toBe('add-ref');
    expect($(shadow, '#add-ref').getAttribute('aria-invalid')).toBe('true');
    expect(text(shadow.querySelector('#add-title-fi-error'))).toBe('Anna otsikko ainakin yhdellä kielellä.');
    expect(text(shadow.querySelector('#add-duration-error'))).toBe('Anna kesto muodossa minuutit:sekunnit, esimerkiksi 4:32.');
    expect($(shadow, '#add-duration').getAttribute('aria-describedby')).toBe('add-duration-hint add-duration-error');

    fill(shadow, '#add-ref', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ');
    expect($<HTMLSelectElement>(shadow, '#add-provider').value).toBe('youtube');
    fill(shadow, '#add-title-fi', 'Huijausvideo');
    fill(shadow, '#add-duration', '');
    $(shadow, 'section.adding form button:not([type])').click();
    // The server refuses it on `ref`: the message is at the address, which gets focus.
    await expect.poll(() => text(shadow.querySelector('#add-ref-error'))).toBe(
      'Anna YouTube-osoite, esimerkiksi https://www.youtube.com/watch?v=…, tai videon 11-merkkinen tunnus.',
    );
    expect(active(shadow)).toBe('add-ref');
    expect($(shadow, '#add-ref').getAttribute('aria-describedby')).toBe('add-ref-hint add-ref-error');
    expect(text(shadow.querySelector('section.adding [role="alert"]'))).toBe('Videota ei lisätty. Korjaa merkityt kohdat.');
    expect(shadow.querySelector('#add-title-fi-error')).toBeNull();
    expect(await videosOf(channel)).toEqual([]);
    await expectAccessible(el);
  });
});

describe('editing a video', () => {
  it('changes the title and adds a chapter: a chapter out of order is shown at its row, the fix saves, and only the changed fields are sent; axe-clean', async () => {
    const channel = newChannel();
    const id = await addVideo({ channel });
    const { el, shadow } = await mount({ channel });
    await open(shadow, id);
    expect(text(shadow.querySelector('#edit-heading'))).toBe('Muokkaa: Marraskuun videoblogi');
    expect($<HTMLInputElement>(shadow, '#edit-chapters-1-start').value).toBe('0:04');
    expect($<HTMLInputElement>(shadow, '#edit-duration').value).toBe('0:12');
    await expectAccessible(el);

    fill(shadow, '#edit-title-fi', 'Joulukuun videoblogi');
    await expect.poll(() => text(shadow.querySelector('.unsaved'))).toBe('Muutoksia ei ole vielä tallennettu.');
    $(shadow, '#add-chapter').click();
    await expect.poll(() => active(shadow)).toBe('edit-chapters-2-start');
    await userEvent.keyboard('0:02');
    fill(shadow, '#edit-chapters-2-title-fi', 'Lopuksi');
    $(shadow, '#save').click();

    await expect.poll(() => text(shadow.querySelector('#edit-chapters-2-start-error'))).toBe('Luvun pitää alkaa myöhemmin kuin edellinen luku.');
    expect(active(shadow)).toBe('edit-chapters-2-start');
    expect($(shadow, '#edit-chapters-2-start').getAttribute('aria-invalid')).toBe('true');
    expect(text($(shadow, '#edit-chapters-2-start').closest('fieldset')!.querySelector('legend'))).toBe('Luku 3');
    expect(text(shadow.querySelector('section.editor [role="alert"]'))).toBe('Muutoksia ei tallennettu. Korjaa merkityt kohdat.');
    await expectAccessible(el);
    expect((await getVideo(id)).title.fi).toBe('Marraskuun videoblogi');

    fill(shadow, '#edit-chapters-2-start', '0:08');
    await expect.poll(() => shadow.querySelector('#edit-chapters-2-start-error')).toBeNull();
    expect($(shadow, '#edit-chapters-2-start').getAttribute('aria-invalid')).toBe('false');
    $(shadow, '#save').click();
    await expect.poll(() => note(shadow)).toBe('Muutokset videoon ”Joulukuun videoblogi” tallennettiin.');
    expect(shadow.querySelector('.unsaved')).toBeNull();
    expect(shadow.querySelector('section.editor [role="alert"]')?.textContent?.trim()).toBe('');
    const saved = await getVideo(id);
    expect(saved.title).toEqual({ fi: 'Joulukuun videoblogi', sv: 'Novemberbloggen', en: 'The November video blog' });
    expect(saved.chapters).toEqual([
      { start: 0, title: { fi: 'Alku', sv: 'Början', en: 'Start' } },
      { start: 4, title: { fi: 'Talousarvio', sv: 'Budgeten', en: 'The budget' } },
      { start: 8, title: { fi: 'Lopuksi' } },
    ]);
    expect(saved.description).toEqual({ fi: 'Talousarviosta.', sv: 'Om budgeten.', en: 'On the budget.' });
    // The audit log records the fields each PATCH carried: only these two, once (the refused one changed nothing).
    const audit = (await (await officialFetch('/audit?action=video.update&limit=100')).json()) as { items: { target: string; detail: { changed: string[] } }[] };
    expect(audit.items.filter((e) => e.target === id).map((e) => [...e.detail.changed].sort())).toEqual([['chapters', 'title']]);
    expect(rows(shadow)[0]![0]).toBe('Joulukuun videoblogi');

    // Saving again with nothing changed sends nothing.
    $(shadow, '#save').click();
    await expect.poll(() => note(shadow)).toBe('Ei tallennettavia muutoksia.');
  });

  it('removes a chapter and clears a description and the length (null), focus staying in the chapter list', async () => {
    const channel = newChannel();
    const id = await addVideo({ channel });
    const { shadow } = await mount({ channel });
    await open(shadow, id);
    [...shadow.querySelectorAll<HTMLButtonElement>('fieldset.chapter button')].find((b) => text(b) === 'Poista luku 2')!.click();
    await expect.poll(() => active(shadow)).toBe('add-chapter');
    fill(shadow, '#edit-description-fi', '');
    fill(shadow, '#edit-description-sv', '');
    fill(shadow, '#edit-description-en', '  ');
    fill(shadow, '#edit-duration', '');
    $(shadow, '#save').click();
    await expect.poll(() => note(shadow)).toBe('Muutokset videoon ”Marraskuun videoblogi” tallennettiin.');
    expect(await getVideo(id)).toMatchObject({ description: null, duration: null, chapters: [{ start: 0 }] });
  });

  it('guards unsaved changes: the page warns before it is left, and opening another video or closing asks first', async () => {
    const channel = newChannel();
    const first = await addVideo({ channel, title: { fi: 'Ensimmäinen' }, publishedAt: '2026-11-02T10:00:00Z' });
    const second = await addVideo({ channel, title: { fi: 'Toinen' }, publishedAt: '2026-11-01T10:00:00Z' });
    const { el, shadow } = await mount({ channel });
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    await open(shadow, first);
    expect(unload()).toBe(false);
    fill(shadow, '#edit-description-fi', 'Kesken jäänyt kuvaus.');
    await expect.poll(() => shadow.querySelector('.unsaved')).toBeTruthy();
    expect(el.hasUnsavedChanges).toBe(true);
    expect(unload()).toBe(true);

    // Another video: asked first, and "keep editing" keeps everything.
    $(shadow, `button[data-video="${second}"]`).click();
    await expect.poll(() => active(shadow)).toBe('discard-text');
    expect(text(shadow.querySelector('[role="alertdialog"]'))).toContain('Videossa on tallentamattomia muutoksia. Hylätäänkö ne?');
    await expectAccessible(el);
    $(shadow, '#keep-editing').click();
    await expect.poll(() => shadow.activeElement?.getAttribute('data-video')).toBe(second);
    expect(shadow.querySelector('[role="alertdialog"]')).toBeNull();
    expect(text(shadow.querySelector('#edit-heading'))).toBe('Muokkaa: Ensimmäinen');
    expect($<HTMLTextAreaElement>(shadow, '#edit-description-fi').value).toBe('Kesken jäänyt kuvaus.');

    // Closing: Escape keeps editing; "discard" closes, and focus returns to the video's row.
    $(shadow, '#edit-close').click();
    await expect.poll(() => active(shadow)).toBe('discard-text');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => active(shadow)).toBe('edit-close');
    $(shadow, '#edit-close').click();
    await expect.poll(() => active(shadow)).toBe('discard-text');
    $(shadow, '#discard').click();
    await expect.poll(() => shadow.activeElement?.getAttribute('data-video')).toBe(first);
    expect(shadow.querySelector('section.editor')).toBeNull();
    expect(unload()).toBe(false);
    expect((await getVideo(first)).description?.fi).toBe('Talousarviosta.');

    // Without changes, another video opens at once.
    await open(shadow, first);
    $(shadow, `button[data-video="${second}"]`).click();
    await expect.poll(() => text(shadow.querySelector('#edit-heading'))).toBe('Muokkaa: Toinen');
    expect(shadow.querySelector('[role="alertdialog"]')).toBeNull();
  });
});

describe('poster and captions', () => {
  it("uploads a PNG poster and shows it (a draft's, fetched with the token), refuses files that are not images, and removes it", async () => {
    const channel = newChannel();
    const id = await addVideo({ channel, status: 'draft' });
    const { el, shadow } = await mount({ channel });
    await open(shadow, id);
    expect(text(shadow.querySelector('div.poster'))).toContain('Kansikuvaa ei ole.');

    pick(shadow, '#poster-file', new File([PNG], 'kansi.png', { type: 'image/png' }));
    $(shadow, '#poster-upload').click();
    await expect.poll(() => note(shadow)).toBe('Kansikuva tallennettiin.');
    const img = $<HTMLImageElement>(shadow, 'img.poster');
    expect(img.src).toMatch(/^blob:/);
    expect(img.alt).toBe('Nykyinen kansikuva');
    await expect.poll(() => img.complete && img.naturalWidth).toBe(1);
    const { poster } = await getVideo(id);
    expect(poster).toMatch(/\/poster\?v=[0-9a-f]+$/);
    // A draft's poster is not public: only the token shows it.
    const url = new URL(poster!);
    expect((await fetch(`${url.pathname}${url.search}`)).status).toBe(404);
    await expectAccessible(el);

    // A text file calling itself a PNG: the server checks its bytes.
    pick(shadow, '#poster-file', new File(['Tämä ei ole kuva.'], 'kuva.png', { type: 'image/png' }));
    $(shadow, '#poster-upload').click();
    await expect.poll(() => text(shadow.querySelector('#poster-file-error'))).toBe('Tiedosto ei ole kuva, vaikka sen nimi tai tyyppi niin väittää. Valitse oikea kuvatiedosto.');
    expect(active(shadow)).toBe('poster-file');
    expect($(shadow, '#poster-file').getAttribute('aria-invalid')).toBe('true');
    expect((await getVideo(id)).poster).toBe(poster);
    // A plain text file is not sent at all.
    pick(shadow, '#poster-file', new File(['muistiinpanot'], 'muistio.txt', { type: 'text/plain' }));
    await expect.poll(() => shadow.querySelector('#poster-file-error')).toBeNull();
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => (sent.push(`${init?.method ?? 'GET'} ${String(input)}`), realFetch(input, init));
    try {
      $(shadow, '#poster-upload').click();
      await expect.poll(() => text(shadow.querySelector('#poster-file-error'))).toBe('Valitse JPEG-, PNG- tai WebP-kuva.');
      expect(active(shadow)).toBe('poster-file');
    } finally {
      window.fetch = realFetch;
    }
    expect(sent).toEqual([]);

    $(shadow, '#poster-remove').click();
    await expect.poll(() => note(shadow)).toBe('Kansikuva poistettiin.');
    expect(shadow.querySelector('img.poster')).toBeNull();
    expect(active(shadow)).toBe('poster-file');
    expect((await getVideo(id)).poster).toBeNull();
  });

  it("uploads captions (counted and listed), shows an invalid file's line errors, and removes them", async () => {
    const channel = newChannel();
    const id = await addVideo({ channel });
    const { el, shadow } = await mount({ channel });
    await open(shadow, id);
    expect(text(shadow.querySelector('div.captions'))).toContain('Videolla ei ole tekstityksiä.');

    choose(shadow, '#captions-lang', 'fi');
    pick(shadow, '#captions-file', new File([CAPTIONS.fi], 'vlogi.fi.vtt', { type: 'text/vtt' }));
    $(shadow, '#captions-upload').click();
    await expect.poll(() => note(shadow)).toBe('Tekstitys (suomi) tallennettiin: 2 tekstijaksoa.');
    await expect.poll(() => [...shadow.querySelectorAll('div.captions li')].map((li) => li.getAttribute('data-lang'))).toEqual(['fi']);
    expect((await getVideo(id)).captions.map((c) => c.lang)).toEqual(['fi']);

    // An .srt file (commas in its times) as Swedish: refused, each problem by its line.
    choose(shadow, '#captions-lang', 'sv');
    pick(shadow, '#captions-file', new File(['WEBVTT\n\n00:00:01,000 --> 00:00:04,000\nHej.\n'], 'vlogi.sv.srt', { type: '' }));
    $(shadow, '#captions-upload').click();
    await expect.poll(() => text(shadow.querySelector('#captions-error'))).toContain('Tiedosto ei ole kelvollinen WebVTT-tekstitys:');
    expect(text(shadow.querySelector('#captions-error li'))).toMatch(/^Rivi 3: expected a cue timing/);
    expect(active(shadow)).toBe('captions-file');
    expect($(shadow, '#captions-file').getAttribute('aria-describedby')).toBe('captions-hint captions-error');
    await expectAccessible(el);
    expect((await getVideo(id)).captions.map((c) => c.lang)).toEqual(['fi']);

    $(shadow, 'div.captions li[data-lang="fi"] button').click();
    await expect.poll(() => note(shadow)).toBe('Tekstitys (suomi) poistettiin.');
    expect(text(shadow.querySelector('div.captions'))).toContain('Videolla ei ole tekstityksiä.');
    expect((await getVideo(id)).captions).toEqual([]);
  });
});

describe('preview and deleting', () => {
  it('previews a published video as residents see it; a draft says the preview shows once published', async () => {
    const channel = newChannel();
    const id = await addVideo({ channel });
    const { el, shadow } = await mount({ channel });
    await open(shadow, id);
    const preview = () => shadow.querySelector('div.preview osallistu-video');
    await expect.poll(() => preview()?.shadowRoot?.querySelector('.play')).toBeTruthy();
    expect(preview()!.getAttribute('video')).toBe(id);
    expect(text(preview()!.shadowRoot!.querySelector('[role="heading"]'))).toBe('Marraskuun videoblogi');
    expect(preview()!.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level')).toBe('5');
    await expectAccessible(el);

    // A save shows in the preview at once, though residents' reads may be cached for a minute.
    fill(shadow, '#edit-title-fi', 'Marraskuun videoblogi (korjattu)');
    $(shadow, '#save').click();
    await expect.poll(() => text(preview()?.shadowRoot?.querySelector('[role="heading"]'))).toBe('Marraskuun videoblogi (korjattu)');

    choose(shadow, '#edit-status', 'draft');
    $(shadow, '#save').click();
    await expect.poll(() => text(shadow.querySelector('.preview-note'))).toBe('Video on luonnos. Esikatselu näkyy, kun video on julkaistu.');
    expect(preview()).toBeNull();
    expect((await getVideo(id)).status).toBe('draft');
    expect(rows(shadow)[0]![3]).toBe('Luonnos');
  });

  it('deletes a video only after an inline confirmation', async () => {
    const channel = newChannel();
    const id = await addVideo({ channel });
    const { el, shadow } = await mount({ channel });
    await open(shadow, id);
    $(shadow, '#delete-open').click();
    await expect.poll(() => active(shadow)).toBe('delete-text');
    expect(text(shadow.querySelector('#delete-text'))).toBe('Poistetaanko video ”Marraskuun videoblogi”? Myös sen kansikuva ja tekstitykset poistetaan. Tätä ei voi perua.');
    await expectAccessible(el);
    $(shadow, '#delete-cancel').click();
    await expect.poll(() => active(shadow)).toBe('delete-open');
    expect((await officialFetch(`/videos/${id}`, { cache: 'no-store' })).status).toBe(200);

    $(shadow, '#delete-open').click();
    await expect.poll(() => shadow.querySelector('#delete-confirm')).toBeTruthy();
    $(shadow, '#delete-confirm').click();
    await expect.poll(() => text(shadow.querySelector('[role="status"]'))).toBe('Video ”Marraskuun videoblogi” poistettiin.');
    await expect.poll(() => active(shadow)).toBe('videos-heading');
    expect(shadow.querySelector('section.editor')).toBeNull();
    expect((await officialFetch(`/videos/${id}`, { cache: 'no-store' })).status).toBe(404);
    expect(text(shadow.querySelector('.empty'))).toBe(`Kanavalla ${channel} ei ole videoita näillä ehdoilla.`);
  });
});

describe('in Finnish, Swedish and English', () => {
  const WORDS = {
    fi: { heading: 'Videot', add: 'Lisää video', columns: ['Otsikko', 'Kanava', 'Palvelu', 'Tila', 'Julkaisuaika', 'Toiminnot'], draft: 'Luonnos', address: 'Videon osoite', title: 'Otsikko (ruotsi)', edit: 'Muokkaa', poster: 'Kansikuva', captions: 'Tekstitykset' },
    sv: { heading: 'Videor', add: 'Lägg till video', columns: ['Rubrik', 'Kanal', 'Tjänst', 'Status', 'Publiceringstid', 'Åtgärder'], draft: 'Utkast', address: 'Videons adress', title: 'Rubrik (svenska)', edit: 'Redigera', poster: 'Omslagsbild', captions: 'Textning' },
    en: { heading: 'Videos', add: 'Add a video', columns: ['Title', 'Channel', 'Service', 'Status', 'Publication time', 'Actions'], draft: 'Draft', address: "The video's address", title: 'Title (Swedish)', edit: 'Edit', poster: 'Poster', captions: 'Captions' },
  } as const;

  it.each(['fi', 'sv', 'en'] as const)('speaks %s in the list, the add form and the editor; axe-clean', async (lang) => {
    const words = WORDS[lang];
    const channel = newChannel();
    const id = await addVideo({ channel, status: 'draft' });
    const { el, shadow } = await mount({ lang, channel });
    expect(text(shadow.querySelector('h2'))).toBe(words.heading);
    expect([...shadow.querySelectorAll('thead th')].map(text)).toEqual(words.columns);
    expect(rows(shadow)[0]![3]).toBe(words.draft);
    expect(text(shadow.querySelector(`button[data-video="${id}"]`))).toBe(words.edit);

    $(shadow, '#add-open').click();
    await expect.poll(() => text(shadow.querySelector('#add-heading'))).toBe(words.add);
    expect(text(shadow.querySelector('label[for="add-ref"]'))).toBe(words.address);
    expect(text(shadow.querySelector('label[for="add-title-sv"]'))).toBe(words.title);
    await expectAccessible(el);

    $(shadow, '#add-cancel').click();
    await open(shadow, id);
    expect(text(shadow.querySelector('#poster-heading'))).toBe(words.poster);
    expect(text(shadow.querySelector('#captions-heading'))).toBe(words.captions);
    await expectAccessible(el);
  });
});

describe('on a 320 px phone', () => {
  it.each(['fi', 'sv', 'en'] as const)('the list is cards, and adding and editing a video (%s) fit without sideways scrolling; IBM- and axe-clean', async (lang) => {
    const channel = newChannel();
    const id = await addVideo({
      channel,
      title: { fi: 'Kaupunginvaltuustonkokouksenjälkeinenkeskustelutilaisuus', sv: 'Diskussionsmöte efter stadsfullmäktiges sammanträde', en: 'Discussion after the city council meeting' },
      chapters: [{ start: 0, title: { fi: 'Alku', sv: 'Början', en: 'Start' } }],
      status: 'draft',
    });
    await page.viewport(320, 640);
    try {
      const { el, shadow } = await mount({ lang, channel });
      const row = shadow.querySelector<HTMLTableRowElement>(`tbody tr[data-video="${id}"]`)!;
      expect(getComputedStyle(row).display).toBe('block');
      expect(row.querySelector('.badge')).toBeTruthy();
      expect(getComputedStyle(row.querySelector('time')!).whiteSpace).toBe('nowrap');
      expectNoSidewaysScroll(el);
      await expectAccessible(el);

      $(shadow, '#add-open').click();
      await expect.poll(() => active(shadow)).toBe('add-heading');
      expectNoSidewaysScroll(el);
      await expectAccessible(el);
      $(shadow, '#add-cancel').click();

      await open(shadow, id);
      await expect.poll(() => shadow.querySelector('#captions-heading')).toBeTruthy();
      expectNoSidewaysScroll(el);
      await expectAccessible(el);
    } finally {
      await page.viewport(1024, 768);
    }
  });
});
