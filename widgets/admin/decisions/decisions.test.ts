import { page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, inject, it } from 'vitest';
import sample from '../../../demo/decisions/ahjo-sample.json?raw';
import { ahjoRecords, ahjoToImport } from '../../../scripts/lib/ahjo.ts';
import type { Role } from '../../../worker/schema/roles.ts';
import { expectAccessible, labelledName } from '../../../test/support/a11y.ts';
import { SITE, decision, officialFetch, publishDecisions, testOrgan } from '../../../test/support/decisions.ts';
import { en } from '../locales/decisions/en.ts';
import { fi } from '../locales/decisions/fi.ts';
import { sv } from '../locales/decisions/sv.ts';
import { expectNoSidewaysScroll } from '../../../test/support/reflow.ts';
import './osallistu-admin-decisions.ts';

const OWNER = inject('devServer').token;

afterEach(() => {
  document.body.replaceChildren();
});

/** The view on its own, as the console will render it, signed in with the owner's token. */
async function mount(options: { lang?: string; limit?: number; role?: Role } = {}) {
  const main = document.createElement('main');
  main.lang = options.lang ?? 'fi';
  const el = document.createElement('osallistu-admin-decisions');
  el.setAttribute('site', SITE);
  el.setAttribute('api', location.origin);
  if (options.limit) el.setAttribute('limit', String(options.limit));
  el.token = OWNER;
  el.official = { tokenId: 'x', label: 'Testi', labelLang: 'fi', role: options.role ?? 'owner', site: SITE };
  main.append(el);
  document.body.append(main);
  await expect.poll(() => el.shadowRoot?.querySelector('.list tbody tr')).toBeTruthy();
  return { el, shadow: el.shadowRoot! };
}

const status = (shadow: ShadowRoot) => shadow.querySelector('[role="status"]')?.textContent ?? '';
/** The decisions listed (not the form or a question opened under one). */
const rows = (shadow: ShadowRoot) => [...shadow.querySelectorAll('.list tbody tr')].filter((tr) => tr.querySelector('th[scope="row"]'));
const titles = (shadow: ShadowRoot) => rows(shadow).map((tr) => tr.querySelector('th')!.textContent!.trim());
const button = (shadow: ShadowRoot, text: string) => [...shadow.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text);

/** Filters the list to one body (and words), as an editor would, and waits for the answer. */
async function show(shadow: ShadowRoot, organ: string, q = '') {
  await expect.poll(() => shadow.querySelector(`#organ option[value="${organ}"]`)).toBeTruthy();
  shadow.querySelector<HTMLSelectElement>('#organ')!.value = organ;
  shadow.querySelector<HTMLInputElement>('#q')!.value = q;
  const before = status(shadow);
  shadow.querySelector<HTMLButtonElement>('form[role="search"] button')!.click();
  await expect.poll(() => status(shadow) !== before || shadow.querySelector('.list tbody') !== null).toBe(true);
  await expect.poll(() => shadow.querySelector('.list .meta')).toBeNull(); // not loading
}

function setValue(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function openEditor(shadow: ShadowRoot, id: string) {
  shadow.querySelector<HTMLButtonElement>(`button[data-edit="${id}"]`)!.click();
  await expect.poll(() => shadow.activeElement?.id).toBe('edit-heading');
  await expect.poll(() => shadow.querySelector('#title-fi')).toBeTruthy();
}

/** Every request the page makes from now on, with its body when it is text. */
function recordFetches() {
  const real = window.fetch;
  const log: { method: string; url: string; body: string; type: string }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    log.push({ method: init?.method ?? 'GET', url: String(input), body: typeof init?.body === 'string' ? init.body : '', type: headers.get('Content-Type') ?? '' });
    return real(input, init);
  };
  return { log, restore: () => (window.fetch = real) };
}

/** How many decisions a body has, past the browser's cache (the facets are public and cached a minute). */
async function organCount(organ: string): Promise<number | undefined> {
  const facets = (await (await officialFetch('/decision-facets', { cache: 'no-store' })).json()) as { organs: { id: string; count: number }[] };
  return facets.organs.find((o) => o.id === organ)?.count;
}

const getDecision = async (id: string) => (await officialFetch(`/decisions/${id}`)).json() as Promise<Record<string, any>>;

function choose(shadow: ShadowRoot, file: File) {
  const input = shadow.querySelector<HTMLInputElement>('#import-file')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  button(shadow, fi.import)!.click();
}

describe('the decisions view of the console', () => {
  it('lists a body\'s decisions newest first, shows more, and searches', async () => {
    const word = `uimahalli${Date.now().toString(36).replace(/\d/g, 'x')}`;
    const organ = await publishDecisions(3, (i) => (i === 2 ? { title: { fi: `Uimahallin aukioloajat ${word}`, sv: `Simhallens öppettider ${word}` } } : {}));
    const { el, shadow } = await mount({ limit: 2 });
    await show(shadow, organ.id);
    expect(status(shadow)).toBe('Näytetään 2 uusinta päätöstä.');
    expect(titles(shadow)).toEqual(['Koulukuljetusten periaatteet 0', 'Koulukuljetusten periaatteet 1']);
    const first = rows(shadow)[0]!;
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-10-28');
    expect([...first.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent!.trim())).toEqual(['28.10.2026', organ.name.fi, '10', 'Hyväksytty']);
    expect([...shadow.querySelectorAll('.list thead th')].map((th) => th.textContent!.trim())).toEqual(['Otsikko', 'Kokous', 'Toimielin', '§', 'Päätös', 'Aiheet ja alueet', 'Toiminnot']);
    expect(labelledName(shadow.querySelector(`button[data-edit="${organ.id}-0"]`)!)).toBe('Muokkaa: Koulukuljetusten periaatteet 0');
    await expectAccessible(el);

    button(shadow, 'Näytä lisää')!.click();
    await expect.poll(() => titles(shadow)).toEqual(['Koulukuljetusten periaatteet 0', 'Koulukuljetusten periaatteet 1', `Uimahallin aukioloajat ${word}`]);
    expect(status(shadow)).toBe('1 päätös lisää, yhteensä 3 näkyvissä.');
    expect(button(shadow, 'Näytä lisää')).toBeUndefined();
    await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.edit).toBe(`${organ.id}-2`);

    await show(shadow, organ.id, word);
    await expect.poll(() => titles(shadow)).toEqual([`Uimahallin aukioloajat ${word}`]);
    expect(status(shadow)).toBe('1 päätös.');

    await show(shadow, organ.id, `${word}zz`);
    await expect.poll(() => status(shadow)).toBe(`Haulla ”${word}zz” ei löytynyt päätöksiä.`);
    expect(rows(shadow)).toEqual([]);
    expect(shadow.querySelector('.list')!.textContent).toContain(`Haulla ”${word}zz” ei löytynyt päätöksiä.`);
  });

  it.each(['fi', 'sv', 'en'] as const)('"show more" says something new on every press (%s), so the live region is read each time', async (lang) => {
    const organ = await publishDecisions(5);
    const { shadow } = await mount({ limit: 2, lang });
    await show(shadow, organ.id);
    const more = { fi: 'Näytä lisää', sv: 'Visa fler', en: 'Show more' }[lang];
    const said: string[] = [];
    for (const shown of [4, 5]) {
      button(shadow, more)!.click();
      await expect.poll(() => rows(shadow).length).toBe(shown);
      said.push(status(shadow));
    }
    expect(said).toEqual({
      fi: ['2 päätöstä lisää, yhteensä 4 näkyvissä.', '1 päätös lisää, yhteensä 5 näkyvissä.'],
      sv: ['2 beslut till visas, totalt 4.', '1 beslut till visas, totalt 5.'],
      en: ['2 more decisions shown, 4 in all.', '1 more decision shown, 5 in all.'],
    }[lang]);
  });

  it('edits in place and sends only what changed: another editor\'s change meanwhile survives', async () => {
    const organ = await publishDecisions(1);
    const id = `${organ.id}-0`;
    const { el, shadow } = await mount();
    await show(shadow, organ.id);
    await openEditor(shadow, id);
    expect(shadow.querySelector('#edit-heading')!.textContent).toBe('Muokataan: Koulukuljetusten periaatteet 0');
    expect([...shadow.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Suomeksi', 'Ruotsiksi', 'Englanniksi']);
    expect(shadow.querySelector<HTMLInputElement>('#title-fi')!.value).toBe('Koulukuljetusten periaatteet 0');
    expect(shadow.querySelector<HTMLInputElement>('#title-sv')!.value).toBe('Principer för skolskjutsar 0');
    expect(shadow.querySelector<HTMLInputElement>('#title-sv')!.lang).toBe('sv');
    expect(shadow.querySelector<HTMLTextAreaElement>('#summary-fi')!.value).toBe('Lautakunta hyväksyi periaatteet 0.');
    expect(shadow.querySelector<HTMLSelectElement>('#outcome')!.value).toBe('passed');
    expect(shadow.querySelector<HTMLInputElement>('#topics')!.value).toBe('koulut');
    expect(shadow.querySelector(`button[data-edit="${id}"]`)!.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(el);

    // Another editor tables the decision while this form is open.
    expect((await officialFetch(`/decisions/${id}`, { method: 'PATCH', body: JSON.stringify({ outcome: 'tabled' }) })).status).toBe(200);

    const summary = shadow.querySelector<HTMLTextAreaElement>('#summary-fi')!;
    summary.focus();
    summary.select();
    await userEvent.keyboard('Lautakunta hyväksyi uudet periaatteet.');
    await expect.poll(() => shadow.querySelector('.unsaved')?.textContent).toBe('Muutoksia ei ole vielä tallennettu.');
    const requests = recordFetches();
    try {
      button(shadow, 'Tallenna muutokset')!.click();
      await expect.poll(() => status(shadow)).toBe('Päätös ”Koulukuljetusten periaatteet 0” tallennettiin.');
    } finally {
      requests.restore();
    }
    const patches = requests.log.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => JSON.parse(r.body))).toEqual([{ summary: { fi: 'Lautakunta hyväksyi uudet periaatteet.', sv: 'Nämnden godkände principerna 0.' } }]);
    expect(shadow.querySelector('#edit-heading')).toBeNull();
    await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.edit).toBe(id);
    // The row shows the decision as saved, with the other editor's outcome.
    expect(rows(shadow)[0]!.querySelectorAll('td')[3]!.textContent).toBe('Pantu pöydälle');

    const saved = await getDecision(id);
    expect(saved.summary).toEqual({ fi: 'Lautakunta hyväksyi uudet periaatteet.', sv: 'Nämnden godkände principerna 0.' });
    expect(saved.outcome).toBe('tabled');
    expect(saved.title.fi).toBe('Koulukuljetusten periaatteet 0');
    const audit = (await (await officialFetch('/audit?action=decision.update&limit=50')).json()) as { items: { target: string; detail: { changed: string[] } }[] };
    expect(audit.items.filter((a) => a.target === id).map((a) => a.detail.changed)).toEqual([['summary'], ['outcome']]);

    // A form with nothing changed closes on Escape without asking, focus back on its button.
    await openEditor(shadow, id);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => shadow.querySelector('#edit-heading')).toBeNull();
    expect(shadow.querySelector('#ask-text')).toBeNull();
    expect((shadow.activeElement as HTMLElement | null)?.dataset.edit).toBe(id);
  });

  it('shows the API\'s validation errors at their fields (in Swedish), then saves the corrected form', async () => {
    const organ = await publishDecisions(1);
    const id = `${organ.id}-0`;
    const { shadow } = await mount({ lang: 'sv' });
    await show(shadow, organ.id);
    await openEditor(shadow, id);
    for (const lang of ['fi', 'sv', 'en']) setValue(shadow.querySelector<HTMLInputElement>(`#title-${lang}`)!, '');
    setValue(shadow.querySelector<HTMLInputElement>('#topics')!, 'koulut, Inte okej!');
    button(shadow, 'Spara ändringarna')!.click();

    await expect.poll(() => shadow.querySelector('#error-topics')?.textContent).toBe('”Inte okej!”: Ett ämne får bara innehålla små bokstäver, siffror, mellanslag och bindestreck (1–60 tecken).');
    const topics = shadow.querySelector<HTMLInputElement>('#topics')!;
    expect(topics.getAttribute('aria-invalid')).toBe('true');
    expect(topics.getAttribute('aria-describedby')!.split(' ')).toContain('error-topics');
    expect(shadow.querySelector('#error-title-fi')!.textContent).toBe('Texten kan inte tas bort på alla språk. Låt den stå kvar på minst ett språk.');
    expect(shadow.querySelector('#title-fi')!.getAttribute('aria-describedby')).toBe('error-title-fi');
    expect(shadow.querySelector('#error-title-sv')).toBeNull();
    expect(shadow.querySelector('form [role="alert"]')!.textContent).toBe('Det gick inte att spara. Rätta de markerade fälten.');
    expect(shadow.activeElement?.id).toBe('title-fi'); // the first field to correct
    const unchanged = await getDecision(id);
    expect(unchanged.title.fi).toBe('Koulukuljetusten periaatteet 0');
    expect(unchanged.topics).toEqual(['koulut']);

    setValue(shadow.querySelector<HTMLInputElement>('#title-fi')!, 'Koulukuljetusten periaatteet 0');
    setValue(shadow.querySelector<HTMLInputElement>('#title-sv')!, 'Principer för skolskjutsar 0');
    setValue(shadow.querySelector<HTMLInputElement>('#title-en')!, 'School transport principles 0');
    setValue(topics, 'koulut, liikenne');
    const requests = recordFetches();
    try {
      button(shadow, 'Spara ändringarna')!.click();
      await expect.poll(() => status(shadow)).toBe('Beslutet ”Principer för skolskjutsar 0” sparades.');
    } finally {
      requests.restore();
    }
    expect(requests.log.filter((r) => r.method === 'PATCH').map((r) => JSON.parse(r.body))).toEqual([{ topics: ['koulut', 'liikenne'] }]);
    expect((await getDecision(id)).topics).toEqual(['koulut', 'liikenne']);
  });

  it('does not lose unsaved changes: a reload warns, another decision or Cancel asks first', async () => {
    const organ = await publishDecisions(2);
    const [a, b] = [`${organ.id}-0`, `${organ.id}-1`];
    const { el, shadow } = await mount();
    await show(shadow, organ.id);
    await openEditor(shadow, a);
    const title = shadow.querySelector<HTMLInputElement>('#title-fi')!;
    title.focus();
    await userEvent.keyboard('{End} (luonnos)');
    await expect.poll(() => title.value).toBe('Koulukuljetusten periaatteet 0 (luonnos)');
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(true);
    expect(el.hasUnsavedChanges).toBe(true);

    // Opening another decision asks, in place; "keep editing" keeps the draft.
    shadow.querySelector<HTMLButtonElement>(`button[data-edit="${b}"]`)!.click();
    await expect.poll(() => shadow.activeElement?.id).toBe('ask-text');
    expect(shadow.querySelector('[role="alertdialog"]')!.textContent).toContain('Muutoksia ei ole tallennettu. Hylätäänkö ne?');
    expect(shadow.querySelector('#edit-heading')!.textContent).toBe('Muokataan: Koulukuljetusten periaatteet 0');
    await expectAccessible(el);
    button(shadow, 'Jatka muokkausta')!.click();
    await expect.poll(() => shadow.activeElement?.id).toBe('edit-heading');
    expect(shadow.querySelector('#ask-text')).toBeNull();
    expect(shadow.querySelector<HTMLInputElement>('#title-fi')!.value).toBe('Koulukuljetusten periaatteet 0 (luonnos)');

    // Escape asks too; Escape on the question goes back to the form.
    shadow.querySelector<HTMLInputElement>('#title-fi')!.focus();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => shadow.activeElement?.id).toBe('ask-text');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => shadow.querySelector('#ask-text')).toBeNull();
    expect(shadow.querySelector<HTMLInputElement>('#title-fi')!.value).toBe('Koulukuljetusten periaatteet 0 (luonnos)');

    // Cancel, then discard: the form closes, focus goes back to the row's button, nothing saved.
    shadow.querySelector<HTMLButtonElement>('button.cancel')!.click();
    await expect.poll(() => shadow.activeElement?.id).toBe('ask-text');
    button(shadow, 'Hylkää muutokset')!.click();
    await expect.poll(() => shadow.querySelector('#edit-heading')).toBeNull();
    await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.edit).toBe(a);
    expect(unload()).toBe(false);
    expect((await getDecision(a)).title.fi).toBe('Koulukuljetusten periaatteet 0');

    // Discarding to open another decision opens that one.
    await openEditor(shadow, a);
    setValue(shadow.querySelector<HTMLInputElement>('#topics')!, 'koulut, liikenne');
    shadow.querySelector<HTMLButtonElement>(`button[data-edit="${b}"]`)!.click();
    await expect.poll(() => shadow.activeElement?.id).toBe('ask-text');
    button(shadow, 'Hylkää muutokset')!.click();
    await expect.poll(() => shadow.querySelector('#edit-heading')?.textContent).toBe('Muokataan: Koulukuljetusten periaatteet 1');
    await expect.poll(() => shadow.querySelector<HTMLInputElement>('#title-fi')?.value).toBe('Koulukuljetusten periaatteet 1');
    expect(shadow.querySelector<HTMLInputElement>('#topics')!.value).toBe('koulut');
    expect((await getDecision(a)).topics).toEqual(['koulut']);
  });

  it('deletes a decision only after a confirmation', async () => {
    const organ = await publishDecisions(2);
    const [a, b] = [`${organ.id}-0`, `${organ.id}-1`];
    const { el, shadow } = await mount();
    await show(shadow, organ.id);
    // Delete is not beside Edit but in the row's menu, named for its row.
    const more = shadow.querySelector<HTMLButtonElement>(`button[data-menu="${a}"]`)!;
    expect(labelledName(more)).toBe('Lisää: Koulukuljetusten periaatteet 0');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.action).toBe('delete');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(shadow.activeElement!.textContent!.trim()).toBe('Poista');
    await expectAccessible(el);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shadow.activeElement?.id).toBe('delete-text');
    expect(shadow.querySelector('#delete-text')!.textContent).toBe('Poistetaanko päätös ”Koulukuljetusten periaatteet 0”? Poistoa ei voi perua.');
    await expectAccessible(el);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.menu).toBe(a);
    expect(shadow.querySelector('#delete-text')).toBeNull();
    expect((await officialFetch(`/decisions/${a}`)).status).toBe(200);

    shadow.querySelector<HTMLButtonElement>(`button[data-menu="${a}"]`)!.click();
    await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.action).toBe('delete');
    (shadow.activeElement as HTMLButtonElement).click();
    await expect.poll(() => shadow.activeElement?.id).toBe('delete-text');
    shadow.querySelector<HTMLButtonElement>('[role="alertdialog"] button.danger')!.click();
    await expect.poll(() => status(shadow)).toBe('Päätös ”Koulukuljetusten periaatteet 0” poistettiin.');
    expect(titles(shadow)).toEqual(['Koulukuljetusten periaatteet 1']);
    await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.edit).toBe(b);
    expect((await officialFetch(`/decisions/${a}`)).status).toBe(404);
    expect((await officialFetch(`/decisions/${b}`)).status).toBe(200);
  });

  it('imports 2,500 decisions of an NDJSON file in batches, with a progress bar and the rejected line by its number in the file', async () => {
    const organ = testOrgan();
    const lines: string[] = [];
    let badLine = 0;
    for (let i = 0; i < 2500; i++) {
      if (i === 1200) lines.push(''); // a blank line still counts
      const date = new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const record = { sourceId: `${organ.id}-s${i}`, organ, meeting: { date }, section: String(i + 1), title: { fi: `Tuotu päätös ${i}`, sv: `Importerat beslut ${i}` }, outcome: i === 1733 ? 'maybe' : 'passed' };
      lines.push(JSON.stringify(record));
      if (i === 1733) badLine = lines.length;
    }
    expect(badLine).toBe(1735);
    const { el, shadow } = await mount();
    const progress: string[] = [];
    const observer = new MutationObserver(() => {
      const value = shadow.querySelector('progress')?.getAttribute('value');
      if (value && progress.at(-1) !== value) progress.push(value);
    });
    observer.observe(shadow, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    // The page stays responsive: the longest pause between timer ticks while the file is read and sent.
    let last = performance.now();
    let longestPause = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 20);
    const requests = recordFetches();
    try {
      choose(shadow, new File([`${lines.join('\n')}\n`], 'paatokset.ndjson', { type: NDJSON_TYPE }));
      await expect.poll(() => el.hasUnsavedChanges).toBe(true); // a reload would warn while it runs
      await expect.poll(() => status(shadow), { timeout: 90_000 }).toBe(fi.imported(2499, 0, 1));
    } finally {
      requests.restore();
      observer.disconnect();
      clearInterval(ticker);
    }
    expect(longestPause).toBeLessThan(1000);
    expect(el.hasUnsavedChanges).toBe(false);
    const imports = requests.log.filter((r) => r.url.endsWith('/decisions/import'));
    expect(imports.map((r) => r.type)).toEqual([NDJSON_TYPE, NDJSON_TYPE, NDJSON_TYPE]);
    expect(imports.map((r) => r.body.trim().split('\n').length)).toEqual([1000, 1000, 500]);
    expect(progress).toEqual(['0', '1000', '2000', '2500']);
    const bar = shadow.querySelector('progress')!;
    expect([bar.getAttribute('max'), bar.getAttribute('value')]).toEqual(['2500', '2500']);
    expect(shadow.querySelector('label[for="import-progress"]')!.textContent).toBe(fi.progress(2500, 2500));
    expect(bar.closest('[role="status"], [aria-live]')).toBeNull(); // shown, not read out at every step

    const report = shadow.querySelector('.report')!;
    expect(report.querySelector('.created')!.textContent).toBe((2499).toLocaleString('fi'));
    expect(report.querySelector('.updated')!.textContent).toBe('0');
    expect(report.querySelector('.rejected')!.textContent).toBe('1');
    const rejected = [...report.querySelectorAll('.rejections tbody tr')];
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.querySelector('th')!.textContent).toBe(String(badLine)); // as an editor's "go to line" takes it
    expect(rejected[0]!.querySelector('code')!.textContent).toBe(`${organ.id}-s1733`);
    expect(rejected[0]!.querySelectorAll('td')[1]!.textContent).toMatch(/^outcome: /);
    expect(rejected[0]!.querySelectorAll('td')[1]!.lang).toBe('en'); // the server's words, marked as English
    await expectAccessible(el);

    expect(await organCount(organ.id)).toBe(2499);
    expect((await officialFetch(`/decisions/${organ.id}-s1733`)).status).toBe(404); // the id is made from the source id
    expect((await getDecision(`${organ.id}-s1734`)).title).toEqual({ fi: 'Tuotu päätös 1734', sv: 'Importerat beslut 1734' });
    // The list was refreshed: the new body is one to filter by.
    await expect.poll(() => shadow.querySelector(`#organ option[value="${organ.id}"]`)).toBeTruthy();
  }, 120_000);

  it('an import cut off midway says from which line, and sending the same file again completes it without copies', async () => {
    const organ = testOrgan();
    const records = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify({ sourceId: `${organ.id}-s${i}`, organ, meeting: { date: '2002-02-02' }, title: { fi: `Katkennut tuonti ${i}` }, outcome: 'passed' }),
    );
    const file = new File([records.join('\n')], 'paatokset.ndjson', { type: NDJSON_TYPE });
    const { shadow } = await mount();
    // The connection drops at the second batch.
    const real = window.fetch;
    let imports = 0;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/decisions/import') && ++imports === 2 ? Promise.reject(new TypeError('Failed to fetch')) : real(input, init);
    try {
      choose(shadow, file);
      await expect.poll(() => shadow.querySelector('.import [role="alert"]')?.textContent ?? '', { timeout: 60_000 }).toMatch(/^Tuonti keskeytyi rivien 1001–1500 kohdalla: /);
    } finally {
      window.fetch = real;
    }
    expect(shadow.querySelector('.import [role="alert"]')!.textContent).toContain('Voit tuoda saman tiedoston uudelleen');
    expect(shadow.querySelector('.report .created')!.textContent).toBe((1000).toLocaleString('fi'));
    expect(shadow.querySelector('progress')!.getAttribute('value')).toBe('1000');

    choose(shadow, file);
    await expect.poll(() => status(shadow), { timeout: 60_000 }).toBe(fi.imported(500, 1000, 0));
    expect(shadow.querySelector('.import [role="alert"]')).toBeNull();
    expect(await organCount(organ.id)).toBe(1500);
  }, 120_000);

  it('converts the demo\'s Ahjo export in the browser and imports it; a file of another shape is refused, the help naming the fields a record needs', async () => {
    const { el, shadow } = await mount();
    const requests = recordFetches();
    choose(shadow, new File(['id;otsikko\n1;Testi\n'], 'paatokset.csv', { type: 'text/csv' }));
    await expect.poll(() => shadow.querySelector('#import-error')?.textContent).toBe(fi.unknownShape);
    requests.restore();
    expect(requests.log.filter((r) => r.url.endsWith('/decisions/import'))).toEqual([]);
    expect(shadow.querySelector('#import-file')!.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => shadow.activeElement?.id).toBe('import-file');
    // The help names the fields a record needs, not a file in the repository.
    expect(shadow.querySelector('#import-format')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(`${fi.importFormat} sourceId, organ, meeting.date, title, outcome.`);

    const expected = ahjoToImport(ahjoRecords(JSON.parse(sample)));
    expect(expected).toHaveLength(7);
    try {
      choose(shadow, new File([sample], 'ahjo-sample.json', { type: 'application/json' }));
      await expect.poll(() => shadow.querySelector('.report')).toBeTruthy();
      const [created, updated, rejected] = ['.created', '.updated', '.rejected'].map((c) => Number(shadow.querySelector(`.report ${c}`)!.textContent));
      expect(created! + updated!).toBe(7);
      expect(rejected).toBe(0);
      expect(status(shadow)).toBe(fi.imported(created!, updated!, 0));
      expect(shadow.querySelector('.import')!.textContent).toContain('Ahjon vienti muunnettiin: 10 tietuetta, 7 päätöstä.');
      for (const record of expected) {
        const stored = await getDecision(record.id!);
        expect(stored.sourceId).toBe(record.sourceId);
        expect(stored.title).toEqual(record.title);
        expect(stored.outcome).toBe(record.outcome);
      }
      // The Finnish and Swedish records of one decision became one decision in both languages.
      expect(Object.keys((await getDecision('kaupunginvaltuusto-2026-03-16-23')).title)).toEqual(['fi', 'sv']);
      await expectAccessible(el);
    } finally {
      for (const record of expected) await officialFetch(`/decisions/${record.id}`, { method: 'DELETE' });
    }
  });

  it('speaks Finnish, Swedish and English, and offers editing only to editors and owners', async () => {
    const keys = (value: unknown): string[] =>
      value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v).map((sub) => `${k}.${sub}`)]) : [];
    expect(keys(sv)).toEqual(keys(fi));
    expect(keys(en)).toEqual(keys(fi));
    for (const catalog of [fi, sv, en]) {
      const texts = (value: unknown): string[] =>
        typeof value === 'string' ? [value] : typeof value === 'function' ? [String((value as (...a: unknown[]) => unknown)(3, 7, 1))] : Object.values(value as object).flatMap(texts);
      for (const text of texts(catalog)) expect(text.trim()).not.toBe('');
    }

    const { shadow: swedish } = await mount({ lang: 'sv' });
    expect(swedish.querySelector('h2')!.textContent).toBe('Beslut');
    expect(swedish.querySelector('#import-heading')!.textContent).toBe('Importera beslut från en fil');
    expect([...swedish.querySelectorAll('.list thead th')].map((th) => th.textContent!.trim())).toEqual(['Rubrik', 'Sammanträde', 'Organ', '§', 'Beslut', 'Ämnen och områden', 'Åtgärder']);
    document.body.replaceChildren();

    const { el, shadow } = await mount({ lang: 'en', role: 'moderator' });
    expect(shadow.querySelector('h2')!.textContent).toBe('Decisions');
    expect(shadow.querySelector('#list-heading')!.textContent).toBe('Published decisions');
    expect(shadow.textContent).toContain('Only editors and owners can edit, delete and import decisions.');
    expect(shadow.querySelector('button[data-edit]')).toBeNull();
    expect(shadow.querySelector('#import-file')).toBeNull();
    expect([...shadow.querySelectorAll('.list thead th')].map((th) => th.textContent!.trim())).toEqual(['Title', 'Meeting', 'Body', '§', 'Outcome', 'Topics and districts']);
    await expectAccessible(el);
  });
});

const NDJSON_TYPE = 'application/x-ndjson';
const CATALOGS = { fi, sv, en };

describe('the decisions view on a phone and the names of topics and districts', () => {
  it.each(['fi', 'sv', 'en'] as const)('fits 320 px in %s: the list as cards, its menu, the editor and an import report, nothing sideways; IBM- and axe-clean', async (lang) => {
    const t = CATALOGS[lang];
    const long = 'Liikenneturvallisuussuunnitelmanvalmisteluryhmänkokoonpano';
    const organ = await publishDecisions(2, (i) => (i === 0 ? { title: { fi: `${long} ja ${long}`, sv: `Trafiksäkerhetsplan ${long}`, en: `Road safety plan ${long}` } } : {}));
    const id = `${organ.id}-0`;
    await page.viewport(320, 640);
    try {
      const { el, shadow } = await mount({ lang });
      await show(shadow, organ.id);
      // A card per decision: the column's name above each value, shown and not read twice.
      const first = rows(shadow)[0]!;
      expect(getComputedStyle(first).display).toBe('block');
      expect(first.querySelector('td')!.dataset.label).toBe(t.date);
      expect(first.querySelector('.badge')!.textContent).toBe(t.outcomes.passed);
      expect(getComputedStyle(first.querySelector('time')!).whiteSpace).toBe('nowrap');
      expectNoSidewaysScroll(el);
      await expectAccessible(el);

      shadow.querySelector<HTMLButtonElement>(`button[data-menu="${id}"]`)!.click();
      await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.action).toBe('delete');
      expectNoSidewaysScroll(el);
      await userEvent.keyboard('{Escape}');
      await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.dataset.menu).toBe(id);

      await openEditor(shadow, id);
      expectNoSidewaysScroll(el);
      await expectAccessible(el);
      shadow.querySelector<HTMLButtonElement>('button.cancel')!.click();
      await expect.poll(() => shadow.querySelector('#edit-heading')).toBeNull();

      const bad = { ...decision(organ, 5), id: `${organ.id}-5`, outcome: 'maybe' };
      const input = shadow.querySelector<HTMLInputElement>('#import-file')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([`${JSON.stringify(bad)}\n`], 'paatos.ndjson', { type: NDJSON_TYPE }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      button(shadow, t.import)!.click();
      await expect.poll(() => shadow.activeElement?.id, { timeout: 30_000 }).toBe('report-heading');
      expect(shadow.querySelector('.rejections tbody th')!.getAttribute('data-label')).toBe(t.line);
      expectNoSidewaysScroll(el);
      await expectAccessible(el);
    } finally {
      await page.viewport(1024, 768);
    }
  });

  it.each(['fi', 'sv', 'en'] as const)('names a topic and a district in three languages, each term saved by itself (%s); the list shows the names in the official\'s language', async (lang) => {
    const t = CATALOGS[lang];
    const stamp = Date.now().toString(36);
    const topic = `aihe ${stamp} ${lang}`;
    const district = `alue-${stamp}-${lang}`;
    const organ = await publishDecisions(1, () => ({ topics: [topic], districts: [district] }));
    const { el, shadow } = await mount({ lang });
    await show(shadow, organ.id);
    // Before any name: the slug, marked as the site's language.
    const names = () => [...rows(shadow)[0]!.querySelectorAll('.terms-inline li')].map((li) => `${li.textContent}|${li.getAttribute('lang') ?? ''}`);
    expect(names()).toEqual([`${topic}|fi`, `${district}|fi`]);

    const row = () => shadow.querySelector<HTMLTableRowElement>(`tr[data-term="topic:${topic}"]`);
    await expect.poll(row).toBeTruthy();
    expect(shadow.querySelector('#terms-heading')!.textContent).toBe(t.termsHeading);
    const field = (l: 'fi' | 'sv' | 'en') => row()!.querySelector<HTMLInputElement>(`input[lang="${l}"]`)!;
    // Named by its row and column headers, in the console's language, not by an aria-label that the field's lang="sv" would read as Swedish.
    expect(labelledName(field('sv'))).toBe(`${t.termKinds.topic} ${topic} ${t.inLang.sv}`);
    expect(field('sv').getAttribute('aria-labelledby')!.split(' ').map((id) => shadow.getElementById(id)!.localName)).toEqual(['th', 'th']);
    expect(row()!.querySelector('td')!.dataset.label).toBe(t.inLang.fi);
    expect([...row()!.querySelectorAll('td')].at(-2)!.textContent!.trim()).toBe('1');
    await expectAccessible(el);

    setValue(field('fi'), 'Liikenne');
    setValue(field('sv'), 'Trafik');
    setValue(field('en'), 'Transport');
    expect(el.hasUnsavedChanges).toBe(true);
    const save = row()!.querySelector<HTMLButtonElement>('button[data-save-term]')!;
    expect(labelledName(save)).toBe(`${t.saveTermNamed}: ${t.termKinds.topic} ${topic}`);
    save.click();
    await expect.poll(() => row()!.querySelector('[aria-live]')!.textContent).toBe(t.termSaved(topic));
    expect(el.hasUnsavedChanges).toBe(false);
    const stored = ((await (await officialFetch('/decision-terms', { cache: 'no-store' })).json()) as { items: { kind: string; value: string; label: object }[] }).items;
    expect(stored.find((term) => term.kind === 'topic' && term.value === topic)!.label).toEqual({ fi: 'Liikenne', sv: 'Trafik', en: 'Transport' });
    const own = { fi: 'Liikenne', sv: 'Trafik', en: 'Transport' }[lang];
    await expect.poll(names).toEqual([`${own}|`, `${district}|fi`]);
    await expectAccessible(el);

    // The district: a name too long for the API is refused at its field, in the console's language, and nothing is stored.
    const districtRow = shadow.querySelector<HTMLTableRowElement>(`tr[data-term="district:${district}"]`)!;
    const swedish = districtRow.querySelector<HTMLInputElement>('input[lang="sv"]')!;
    setValue(swedish, 'x'.repeat(101));
    swedish.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await expect.poll(() => swedish.getAttribute('aria-invalid')).toBe('true');
    expect(shadow.querySelector(`#${swedish.getAttribute('aria-describedby')}`)!.textContent).toBe(t.labelTooLong);
    expect(districtRow.querySelector('[aria-live]')!.textContent).toContain(t.termNotSaved);
    expect(shadow.activeElement).toBe(swedish);
    await expectAccessible(el);
    const after = ((await (await officialFetch('/decision-terms', { cache: 'no-store' })).json()) as { items: { kind: string; value: string; label: object }[] }).items;
    expect(after.find((term) => term.kind === 'district' && term.value === district)!.label).toEqual({});
  });
});
