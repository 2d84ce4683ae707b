import { commands, userEvent } from 'vitest/browser';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ListeningReport, Theme } from '../../worker/schema/listening.ts';
import type { Role } from '../../worker/schema/roles.ts';
import { expectAccessible } from '../../test/support/a11y.ts';
import { resetConsole, signedInView } from '../../test/support/console.ts';
import { SITE, createForm, officialFetch } from '../../test/support/forms.ts';
import { createPoll } from '../../test/support/polls.ts';
import { formatDate, formatPercent } from '../core/format.ts';
import { filterQuery, lastYear } from './admin-listening.ts';
import type { ListeningFilters } from './admin-listening.ts';
import './osallistu-admin.ts';

const OWNER = inject('devServer').token;
type Lang = 'fi' | 'sv' | 'en';

afterEach(async () => {
  await commands.setApiReachable(true);
  resetConsole();
});

const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const textOf = (node: Element | null | undefined) => squeeze(node?.textContent);
const rowsOf = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(textOf));

/** An address of its own for each text: feedback is limited per address and form. */
const address = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** Ten residents' feedback: snow clearing and street lights, one in Swedish, three with personal data. */
const FEEDBACK: [text: string, category: 'lights' | 'other', place: string | null][] = [
  ['Lumityöt on tehty huonosti Koivutiellä, jalkakäytävä on auraamatta ja liukas.', 'other', 'Koivutie 5'],
  ['Aurauskone kävi Koivutiellä vasta iltapäivällä, lumityöt myöhässä koko viikon.', 'other', null],
  ['Jalkakäytävän lumityöt ja hiekoitus puuttuvat Koivutiellä, kävely on vaarallista.', 'other', 'Rantakatu 3'],
  ['Lunta on kasoittain pyörätiellä, auraus unohtui taas. Terveisin Pekka Meikäläinen', 'other', null],
  ['Snöröjningen på trottoaren är dålig och det är halt.', 'other', null],
  ['Lumityöt Rantakadulla jäivät kesken ja jalkakäytävä on liukas.', 'other', 'Rantakatu 8'],
  ['Auraus jätti lumivallin bussipysäkille Koivutiellä, lumityöt pitää tehdä paremmin.', 'other', null],
  ['Katuvalo on rikki Koivutiellä ja ilta on pimeä. Vastatkaa osoitteeseen liisa.virtanen@example.fi', 'lights', 'Koivutie 12'],
  ['Puiston katuvalot eivät pala, pimeä polku pelottaa Koivutiellä. Soittakaa 040 123 4567', 'lights', 'Koivutie 2'],
  ['Katuvalo vilkkuu ja sammuu, pimeä risteys Koivutiellä on vaarallinen.', 'lights', null],
];
/** What must never reach the page: the personal data in FEEDBACK. */
const PERSONAL = ['liisa.virtanen', 'example.fi', '040 123 4567', 'Meikäläinen'];

const REMOVED: Record<Lang, Record<string, string>> = {
  fi: { email: '[sähköposti poistettu]', phone: '[puhelinnumero poistettu]', personalId: '[henkilötunnus poistettu]', address: '[osoite poistettu]', name: '[nimi poistettu]' },
  sv: { email: '[e-post borttagen]', phone: '[telefonnummer borttaget]', personalId: '[personbeteckning borttagen]', address: '[adress borttagen]', name: '[namn borttaget]' },
  en: { email: '[email removed]', phone: '[phone number removed]', personalId: '[identity code removed]', address: '[address removed]', name: '[name removed]' },
};
const TOPICS: Record<Lang, Record<string, string>> = { fi: { lights: 'Katuvalot', other: 'Muu' }, sv: { lights: 'Gatubelysning', other: 'Annat' }, en: { lights: 'Street lights', other: 'Other' } };

/** A form of its own (its title unique, so a keyboard can find it) with FEEDBACK sent to it, one after another. */
async function formWithFeedback(): Promise<{ form: string; title: string; refs: string[] }> {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  const title = `Kuuntelu ${stamp}`;
  const form = await createForm({ title: { fi: title, sv: `Lyssnande ${stamp}`, en: `Listening ${stamp}` } });
  const refs: string[] = [];
  for (const [message, category, place] of FEEDBACK) {
    const response = await fetch(`/api/v1/sites/${SITE}/forms/${form}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': address() },
      body: JSON.stringify({ answers: { message, topic: 'streets', ...(place ? { place: { address: place } } : {}) }, category }),
    });
    expect(response.status).toBe(201);
    refs.push(((await response.json()) as { ref: string }).ref);
  }
  return { form, title, refs };
}

/** The report as the API gives it for the same filters: what the view must show. */
async function reportFor(filters: Partial<ListeningFilters>): Promise<ListeningReport> {
  const response = await officialFetch(`/listening?${filterQuery({ form: '', topic: '', language: '', ...lastYear(), ...filters })}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ListeningReport;
}

/** The view by itself, as the console puts it. */
async function mountView(options: { lang?: Lang; token?: string; role?: Role } = {}) {
  const main = document.createElement('main');
  main.lang = options.lang ?? 'fi';
  const el = document.createElement('osallistu-admin-listening');
  el.setAttribute('site', SITE);
  el.setAttribute('api', location.origin);
  el.token = options.token ?? OWNER;
  el.official = { tokenId: 'x', label: 'Testi', labelLang: 'fi', role: options.role ?? 'moderator', site: SITE };
  main.append(el);
  document.body.append(main);
  await expect.poll(() => el.shadowRoot?.querySelector('h2')).toBeTruthy();
  return { el, shadow: el.shadowRoot! };
}

const statusOf = (shadow: ShadowRoot) => textOf(shadow.querySelector('.report-status'));
const busy = (shadow: ShadowRoot) => shadow.querySelector('.report')!.getAttribute('aria-busy');

/** Waits until the report asked for last has arrived (or failed): no longer busy, the status saying what came. */
async function settled(el: HTMLElement & { updateComplete: Promise<boolean> }, shadow: ShadowRoot) {
  await el.updateComplete;
  await expect.poll(() => busy(shadow), { timeout: 20_000 }).toBe('false');
  await expect.poll(() => statusOf(shadow)).not.toBe('');
}

/** Picks `form` (and `topic`, `language`) in the filters and presses Show. */
async function show(el: HTMLElement & { updateComplete: Promise<boolean> }, shadow: ShadowRoot, filters: { form?: string; topic?: string; language?: string }) {
  await expect.poll(() => shadow.querySelector(`#listening-form option[value="${filters.form ?? ''}"]`)).toBeTruthy();
  const pick = (selector: string, value: string) => {
    const select = shadow.querySelector<HTMLSelectElement>(selector)!;
    select.value = value;
    select.dispatchEvent(new Event('change'));
  };
  pick('#listening-form', filters.form ?? '');
  if (filters.topic) {
    await expect.poll(() => shadow.querySelector(`#listening-topic option[value="${filters.topic}"]`)).toBeTruthy();
    pick('#listening-topic', filters.topic);
  }
  pick('#listening-language', filters.language ?? '');
  shadow.querySelector<HTMLButtonElement>('#listening-show')!.click();
  await settled(el, shadow);
}

const themeItems = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLElement>('ol.themes > li.theme')];
const themeItem = (shadow: ShadowRoot, id: number) => shadow.querySelector<HTMLElement>(`li.theme[data-theme="${id}"]`)!;
const day = (d: string, lang: Lang) => formatDate(`${d}T12:00:00Z`, lang, 'medium');
const number = (n: number, lang: Lang, digits = 2) => new Intl.NumberFormat({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[lang], { maximumFractionDigits: digits }).format(n);

/** A quote as the page must show it: the words, each removal as its marker in the console's language. */
const quoteText = (q: Theme['quotes'][number], lang: Lang) => squeeze(q.parts.map((p) => (typeof p === 'string' ? p : REMOVED[lang][p.redacted])).join(''));

describe('<osallistu-admin-listening>', () => {
  let fixture: { form: string; title: string; refs: string[] };
  beforeAll(async () => {
    fixture = await formWithFeedback();
  }, 60_000);

  it('shows one form\'s themes largest first: name, size and share, trend, words, topics, places and languages as text; what rises as tables; the filters sent to the API', async () => {
    const { form } = fixture;
    const { el, shadow } = await mountView();
    await settled(el, shadow);
    await commands.recordRequests();
    await show(el, shadow, { form });
    const period = lastYear();
    const asked = (await commands.recordedRequests()).filter((url) => url.includes('/listening'));
    expect(asked.map((url) => new URL(url).search)).toEqual([`?${new URLSearchParams({ form, ...period })}`]);
    const report = await reportFor({ form });
    expect(report.texts).toBe(10);

    // Said in the status line: how many texts, themes and which days.
    expect(statusOf(shadow)).toBe(`10 tekstiä, ${report.themes.length} teemaa, ${day(period.from, 'fi')}–${day(period.to, 'fi')}.`);
    expect(textOf(shadow.querySelector('.report-languages'))).toBe('Kielet: suomi (9), ruotsi (1).');
    expect(textOf(shadow.querySelector('.tone'))).toBe('Sävyä (myönteinen tai kielteinen) ei arvioida, koska suomen ja ruotsin kielelle ei ole käytettävissä julkaistua sävysanastoa, johon arvio voisi perustua.');
    expect(textOf(shadow.querySelector('.removed-note'))).toMatch(/^Lainaukset ovat sanasta sanaan, mutta henkilötiedot .* on poistettu ja poisto merkitty/);

    // The themes, largest first, as the API grouped them; every text placed is in one.
    expect(textOf(shadow.querySelector('#themes-heading'))).toBe('Teemat suurimmasta alkaen');
    const items = themeItems(shadow);
    expect(items.map((li) => Number(li.dataset.theme))).toEqual(report.themes.map((t) => t.id));
    expect(report.themes.length).toBeGreaterThanOrEqual(2);
    const sizes = report.themes.map((t) => t.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10 - report.unthemed);
    for (const theme of report.themes) {
      const li = themeItem(shadow, theme.id);
      expect(textOf(li.querySelector('h4'))).toBe(`Teema ${theme.id}: ${theme.name.join(', ')}`);
      // Size and share in words and figures; the bar beside them is hidden from screen readers.
      expect(textOf(li.querySelector('.size'))).toBe(squeeze(`${theme.size} tekstiä, ${formatPercent(theme.share, 'fi')}`));
      expect(li.querySelector('svg.share-bar')!.getAttribute('aria-hidden')).toBe('true');
      // Every text was sent just now: all of this week, none in the weeks before.
      expect(theme.trend).toEqual({ thisWeek: theme.size, weeklyBefore: 0 });
      expect(textOf(li.querySelector('.trend'))).toBe(`Viimeiset 7 päivää ${theme.size}; sitä edeltävät 4 viikkoa 0 viikossa.`);
      const facts = [...li.querySelectorAll('dl.facts > *')].map(textOf);
      expect(facts).toEqual([
        'Sanat',
        theme.terms.map((t) => `${t.word} (${t.texts})`).join(', ') || 'ei yhtään',
        'Aiheet',
        theme.topics.map((t) => `${TOPICS.fi[t.value]} (${t.count})`).join(', ') || 'ei yhtään',
        'Paikat',
        theme.places.map((p) => `${p.value} (${p.count})`).join(', ') || 'ei yhtään',
        'Kielet',
        Object.entries(theme.languages).map(([l, n]) => `${{ fi: 'suomi', sv: 'ruotsi', en: 'englanti' }[l]} (${n})`).join(', '),
      ]);
    }
    // Places are streets, never a house: the numbers sent are not shown.
    const places = report.themes.flatMap((t) => t.places.map((p) => p.value));
    expect(new Set(places)).toEqual(new Set(['Koivutie', 'Rantakatu']));
    // All topics are named by the form's own words.
    expect(report.themes.flatMap((t) => t.topics.map((p) => p.count)).reduce((a, b) => a + b, 0)).toBe(10 - report.unthemed);

    // Rising now: "koivutiellä" is in 7 of the 10 texts of the last 7 days, none before (smoothed: (7+1)/(10+2) over 1/2).
    const rising = shadow.querySelector('section.rising')!;
    expect(textOf(rising.querySelector('h3'))).toBe('Nousussa nyt');
    const terms = rising.querySelector('table.rising-terms')!;
    expect(textOf(terms.querySelector('caption'))).toBe('Nousevat sanat: sanan sisältävät tekstit viimeisten 7 päivän aikana verrattuna 8 viikkoon sitä ennen');
    expect([...terms.querySelectorAll('thead th')].map(textOf)).toEqual(['Sana', 'Viimeiset 7 päivää', 'Kaikki tekstit, 7 päivää', '8 viikkoa ennen', 'Kaikki tekstit, 8 viikkoa ennen', 'Kasvu (osuus nyt / ennen)']);
    expect(rowsOf(terms)).toEqual(report.rising.terms.map((t) => [t.word, String(t.recent), String(t.recentTotal), String(t.before), String(t.beforeTotal), number(t.growth, 'fi', 1)]));
    expect(rowsOf(terms)).toContainEqual(['koivutiellä', '7', '10', '0', '0', '1,3']);
    expect(terms.querySelector('tbody th')!.getAttribute('scope')).toBe('row');
    const themes = rising.querySelector('table.rising-themes');
    if (report.rising.themes.length) {
      expect(textOf(themes!.querySelector('caption'))).toBe('Nousevat teemat: teeman tekstit viimeisten 7 päivän aikana verrattuna 8 viikkoon sitä ennen');
      expect(rowsOf(themes!)).toEqual(
        report.rising.themes.map((r) => {
          const theme = report.themes.find((t) => t.id === r.theme)!;
          return [`Teema ${r.theme}: ${theme.name.join(', ')}`, String(r.recent), String(r.recentTotal), String(r.before), String(r.beforeTotal), number(r.growth, 'fi', 1)];
        }),
      );
    } else {
      expect(textOf(rising.querySelector('.no-themes'))).toBe('Mikään teema ei ole nousussa.');
    }
    await expectAccessible(el);
  }, 60_000);

  it('quotes residents word for word in their language, each removal a marker in words, each feedback linked to it in the console and followed by keyboard', async () => {
    const { form, refs } = fixture;
    const { el: console_, view: el, shadow } = await signedInView('osallistu-admin-listening', 'listening');
    await settled(el, shadow);
    await show(el, shadow, { form });
    const report = await reportFor({ form });
    const quotes = report.themes.flatMap((t) => t.quotes);
    // The text itself is never on the page, only what kind it was.
    for (const secret of PERSONAL) expect(shadow.textContent).not.toContain(secret);
    const removed = quotes.flatMap((q) => q.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.redacted])));
    expect(removed.length).toBeGreaterThan(0);
    expect([...shadow.querySelectorAll('.removed')].map((m) => [m.getAttribute('data-removed'), textOf(m), m.getAttribute('lang')])).toEqual(removed.map((kind) => [kind, REMOVED.fi[kind], 'fi']));
    // Set apart by a frame and brackets as well as by colour.
    const marker = shadow.querySelector('.removed')!;
    expect(getComputedStyle(marker).borderTopStyle).toBe('dashed');

    for (const theme of report.themes) {
      const figures = [...themeItem(shadow, theme.id).querySelectorAll('ul.quotes figure.quote')];
      expect(textOf(themeItem(shadow, theme.id).querySelector('h5'))).toBe('Asukkaiden omin sanoin');
      expect(figures.map((f) => [f.querySelector('blockquote')!.getAttribute('lang'), textOf(f.querySelector('blockquote'))])).toEqual(theme.quotes.map((q) => [q.lang, quoteText(q, 'fi')]));
      theme.quotes.forEach((q, i) => {
        expect(refs).toContain(q.ref);
        const link = figures[i]!.querySelector('figcaption a')!;
        expect(link.getAttribute('href')).toBe(`#feedback/${q.ref}`);
        expect(textOf(link)).toBe(`Palaute ${q.ref}`);
        expect(figures[i]!.querySelector('figcaption time')!.getAttribute('datetime')).toBe(q.createdAt);
      });
    }
    // The Swedish one is marked Swedish wherever it is quoted.
    const swedish = quotes.find((q) => q.parts.some((p) => typeof p === 'string' && p.includes('Snöröjningen')));
    if (swedish) expect(shadow.querySelector(`a[data-ref="${swedish.ref}"]`)!.closest('figure')!.querySelector('blockquote')!.getAttribute('lang')).toBe('sv');
    await expectAccessible(console_);

    // Followed by keyboard: the console opens the feedback view at that submission's address.
    const first = quotes[0]!;
    shadow.querySelector<HTMLAnchorElement>(`a[data-ref="${first.ref}"]`)!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => location.hash).toBe(`#feedback/${first.ref}`);
    await expect.poll(() => textOf(console_.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe('Palautteet');
    // …and that view opens the submission itself, whatever its queue's filters show.
    const feedback = console_.shadowRoot!.querySelector('osallistu-admin-feedback')!;
    await expect.poll(() => textOf(feedback.shadowRoot?.querySelector('#open-heading') ?? null)).toContain(first.ref);
    await expectAccessible(console_);
  }, 60_000);

  it('is narrowed by keyboard alone: a form, its topic, a language and a period; a period ending before it starts is said at its field and nothing is read; nothing found says what to try', async () => {
    const { form, title } = fixture;
    const { el, shadow } = await mountView({ lang: 'en' });
    await settled(el, shadow);
    await expect.poll(() => shadow.querySelector(`#listening-form option[value="${form}"]`)).toBeTruthy();
    const select = shadow.querySelector<HTMLSelectElement>('#listening-form')!;
    expect(textOf(select.querySelector(`option[value="${form}"]`))).toBe(title.replace('Kuuntelu', 'Listening'));
    // The form by arrow keys, as a keyboard user picks it; its topics are then offered.
    select.focus();
    for (let i = 0; i < select.options.length && select.value !== form; i++) await userEvent.keyboard('{ArrowDown}');
    expect(select.value).toBe(form);
    await expect.poll(() => shadow.querySelector('#listening-topic')).toBeTruthy();
    expect([...shadow.querySelectorAll('#listening-topic option')].map(textOf)).toEqual(['All topics', 'Street lights', 'Other']);
    // Tab goes through the fields in order (a date field's day, month and year each take a Tab) to Show.
    const visited: string[] = [];
    for (let i = 0; i < 12 && shadow.activeElement?.id !== 'listening-show'; i++) {
      await userEvent.keyboard('{Tab}');
      const id = shadow.activeElement?.id ?? '';
      if (visited.at(-1) !== id) visited.push(id);
    }
    expect(visited).toEqual(['listening-topic', 'listening-from', 'listening-to', 'listening-language', 'listening-show']);

    // The topic by keyboard, then Show by Enter.
    shadow.querySelector<HTMLSelectElement>('#listening-topic')!.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(shadow.querySelector<HTMLSelectElement>('#listening-topic')!.value).toBe('lights');
    await commands.recordRequests();
    shadow.querySelector<HTMLButtonElement>('#listening-show')!.focus();
    await userEvent.keyboard('{Enter}');
    await settled(el, shadow);
    const period = lastYear();
    expect(statusOf(shadow)).toMatch(/^3 texts in \d themes?, /);
    expect((await commands.recordedRequests()).filter((url) => url.includes('/listening')).map((url) => new URL(url).search)).toEqual([`?${new URLSearchParams({ form, topic: 'lights', ...period })}`]);
    expect(shadow.activeElement?.id).toBe('listening-show');

    // A language with nothing in it: said politely, with what to try.
    const language = shadow.querySelector<HTMLSelectElement>('#listening-language')!;
    expect([...language.options].map(textOf)).toEqual(['All languages', 'Finnish', 'Swedish', 'English']);
    language.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(language.value).toBe('en');
    await commands.recordRequests();
    await userEvent.keyboard('{Tab}{Enter}');
    await settled(el, shadow);
    expect(shadow.querySelector('.report-status')!.getAttribute('role')).toBe('status');
    expect(statusOf(shadow)).toBe('No texts in this period. Try a longer period, all forms, all topics or all languages.');
    expect(shadow.querySelector('ol.themes')).toBeNull();
    expect(shadow.querySelector('.export')).toBeNull();
    expect((await commands.recordedRequests()).filter((url) => url.includes('/listening')).map((url) => new URL(url).search)).toEqual([`?${new URLSearchParams({ form, topic: 'lights', ...period, language: 'en' })}`]);
    await expectAccessible(el);

    // A period that ends before it starts: said at "From", focus there, nothing asked.
    const from = shadow.querySelector<HTMLInputElement>('#listening-from')!;
    const to = shadow.querySelector<HTMLInputElement>('#listening-to')!;
    await userEvent.fill(from, '2020-03-10');
    await userEvent.fill(to, '2020-03-01');
    await commands.recordRequests();
    to.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textOf(shadow.querySelector('#listening-from-error'))).toBe('The start date must not be after the end date.');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(from.getAttribute('aria-describedby')).toBe('listening-from-error');
    await expect.poll(() => shadow.activeElement?.id).toBe('listening-from');
    expect((await commands.recordedRequests()).filter((url) => url.includes('/listening'))).toEqual([]);
    await expectAccessible(el);

    // Put right, all languages again: a week years ago has none of these texts (all sent today).
    await userEvent.fill(from, '2020-02-22');
    language.focus();
    await userEvent.keyboard('{Home}');
    expect(language.value).toBe('');
    await userEvent.keyboard('{Tab}{Enter}');
    await settled(el, shadow);
    expect(shadow.querySelector('#listening-from-error')).toBeNull();
    expect(from.getAttribute('aria-invalid')).toBe('false');
    expect(statusOf(shadow)).toBe('No texts in this period. Try a longer period, all forms or all topics.');
    expect((await commands.recordedRequests()).filter((url) => url.includes('/listening')).map((url) => new URL(url).search)).toEqual([`?${new URLSearchParams({ form, topic: 'lights', from: '2020-02-22', to: '2020-03-01' })}`]);
  }, 60_000);

  it('downloads the report shown as Excel and CSV, with its filters and the console\'s language, by keyboard', async () => {
    const { form } = fixture;
    const { el, shadow } = await mountView({ lang: 'en' });
    await settled(el, shadow);
    await show(el, shadow, { form, language: 'fi' });
    const group = shadow.querySelector('[role="group"].export')!;
    expect(textOf(shadow.getElementById(group.getAttribute('aria-labelledby')!))).toBe('Download the report shown');
    expect([...group.querySelectorAll('button')].map(textOf)).toEqual(['Excel (XLSX)', 'CSV']);
    await expectAccessible(el);
    const period = lastYear();
    for (const format of ['xlsx', 'csv'] as const) {
      await commands.recordRequests();
      group.querySelector<HTMLButtonElement>(`button[data-format="${format}"]`)!.focus();
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => textOf(shadow.querySelector('#export-status'))).toMatch(new RegExp(`^${SITE}-listening-\\d{4}-\\d{2}-\\d{2}\\.${format} was downloaded\\.$`));
      const asked = (await commands.recordedRequests()).filter((url) => url.includes('/listening/export'));
      expect(asked.map((url) => new URL(url).search)).toEqual([`?${new URLSearchParams({ form, ...period, language: 'fi', format, lang: 'en' })}`]);
    }
  }, 60_000);

  it('quotes a resident\'s statement with its conversation and number, unlinked, in the language it was written in', async () => {
    const poll = await createPoll({ kind: 'statements', question: { fi: `Skeittipuisto ${Date.now()}`, en: 'The skatepark' }, options: [], status: 'open', resultsVisibility: 'always' });
    const texts = [
      'The skatepark ramps are cracked and the skatepark should be repaired before summer.',
      'The skatepark needs new ramps and better lighting in the evening.',
      'Please fix the skatepark ramps, my children use the skatepark every day. Write to tom.smith@example.com',
    ];
    const ids: number[] = [];
    for (const text of texts) {
      const response = await fetch(`/api/v1/sites/${SITE}/polls/${poll}/statements`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Voter-Token': `voter-${crypto.randomUUID()}`, 'CF-Connecting-IP': address() },
        body: JSON.stringify({ text, lang: 'en' }),
      });
      expect(response.status).toBe(202);
      ids.push(((await response.json()) as { id: number }).id);
    }
    try {
      const { el, shadow } = await mountView({ lang: 'sv' });
      await settled(el, shadow);
      await show(el, shadow, { language: 'en' });
      const report = await reportFor({ language: 'en' });
      const mine = report.themes.flatMap((t) => t.quotes).filter((q) => q.source === 'statement' && q.ref.startsWith(`${poll}#`));
      expect(mine.length).toBeGreaterThan(0);
      for (const q of mine) {
        const caption = shadow.querySelector(`.statement-ref[data-ref="${q.ref}"]`)!;
        expect(textOf(caption)).toBe(`Påstående ${q.ref.split('#')[1]} i samtalet ${poll}`);
        expect(caption.closest('figcaption')!.querySelector('a')).toBeNull();
        const quote = caption.closest('figure')!.querySelector('blockquote')!;
        expect(quote.getAttribute('lang')).toBe('en');
        expect(textOf(quote)).toBe(quoteText(q, 'sv'));
      }
      expect(shadow.textContent).not.toContain('tom.smith');
      await expectAccessible(el);
    } finally {
      // Left as they were found: no other test's queue meets them.
      for (const id of ids) expect((await officialFetch(`/polls/${poll}/statements/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'rejected' }) })).status).toBe(200);
    }
  }, 60_000);

  it('says it is reading, then an error with a retry that works once the API is back, all in the polite status line', async () => {
    await commands.setApiReachable(false);
    const { el, shadow } = await mountView({ lang: 'en' });
    expect(statusOf(shadow)).toBe('Reading what residents wrote…');
    expect(shadow.querySelector('.report-status')!.getAttribute('role')).toBe('status');
    expect(busy(shadow)).toBe('true');
    await expectAccessible(el);
    await expect.poll(() => statusOf(shadow), { timeout: 20_000 }).toBe('Could not reach the server. Check your connection and try again.');
    expect(busy(shadow)).toBe('false');
    expect(shadow.querySelector('[role="alert"]')).toBeNull();
    await expectAccessible(el);
    await commands.setApiReachable(true);
    shadow.querySelector<HTMLButtonElement>('#listening-retry')!.focus();
    await userEvent.keyboard('{Enter}');
    await settled(el, shadow);
    expect(statusOf(shadow)).toMatch(/^\d+ texts? in \d+ themes?, /);
    expect(shadow.querySelector('#listening-retry')).toBeNull();
    expect(shadow.activeElement?.id).toBe('listening-heading');
    await expectAccessible(el);
  }, 60_000);

  it.each([
    ['fi', 'Kuuntelu', 'Mitä asukkaat kirjoittavat', 'Lomake', 'Näytä', 'tekstiä', 'Teemat suurimmasta alkaen', 'Nousussa nyt', 'Lataa näytetty raportti'],
    ['sv', 'Lyssnande', 'Vad invånarna skriver', 'Formulär', 'Visa', 'texter', 'Teman, störst först', 'Ökar nu', 'Ladda ner rapporten som visas'],
    ['en', 'Listening', 'What residents write', 'Form', 'Show', 'texts', 'Themes, largest first', 'Rising now', 'Download the report shown'],
  ] as const)('speaks the console\'s language (%s): the nav, the filters, the report and its removals', async (lang, nav, heading, formLabel, button, texts, themes, rising, download) => {
    const { form } = fixture;
    const { el: console_, view: el, shadow } = await signedInView('osallistu-admin-listening', 'listening', { lang });
    expect(textOf(console_.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe(nav);
    expect(console_.shadowRoot!.querySelector('nav a[aria-current="page"]')!.getAttribute('href')).toBe('#listening');
    await settled(el, shadow);
    await show(el, shadow, { form });
    expect(textOf(shadow.querySelector('h2'))).toBe(heading);
    expect(textOf(shadow.querySelector('label[for="listening-form"]'))).toBe(formLabel);
    expect(textOf(shadow.querySelector('#listening-show'))).toBe(button);
    expect(statusOf(shadow)).toMatch(new RegExp(`^10 ${texts}`));
    expect(textOf(shadow.querySelector('#themes-heading'))).toBe(themes);
    expect(textOf(shadow.querySelector('#rising-heading'))).toBe(rising);
    expect(textOf(shadow.querySelector('#export-heading'))).toBe(download);
    const markers = [...shadow.querySelectorAll('.removed')];
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) {
      expect(textOf(m)).toBe(REMOVED[lang][m.getAttribute('data-removed')!]);
      expect(m.getAttribute('lang')).toBe(lang);
    }
    // Topics by the form's words in the console's language.
    const report = await reportFor({ form });
    const topics = report.themes.flatMap((t) => t.topics.map((p) => `${TOPICS[lang][p.value]} (${p.count})`));
    expect([...shadow.querySelectorAll('dd.topics')].map(textOf).join(', ')).toBe(topics.join(', '));
    await expectAccessible(console_);
  }, 60_000);

  it('is for moderators and up: a moderator has it in the nav, a viewer neither sees it nor may read the report', async () => {
    const token = async (role: Role) => ((await (await officialFetch('/tokens', { method: 'POST', body: JSON.stringify({ label: `Kuuntelutesti ${Date.now()}`, role }) })).json()) as { token: string }).token;
    const moderator = await token('moderator');
    const viewer = await token('viewer');

    const { el: m, view, shadow } = await signedInView('osallistu-admin-listening', 'listening', { token: moderator });
    expect([...m.shadowRoot!.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(['#polls', '#feedback', '#statements', '#listening', '#cases', '#snippets']);
    await settled(view, shadow);
    expect(statusOf(shadow)).toMatch(/^\d+ tekstiä|^\d+ teksti|^Tällä aikavälillä ei ole tekstejä\./);
    resetConsole();

    // The nav reached by keyboard from another view: Enter on its link opens it.
    const { el: o } = await signedInView('osallistu-admin-polls', 'polls');
    const link = o.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="#listening"]')!;
    expect(textOf(link)).toBe('Kuuntelu');
    link.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => o.shadowRoot!.querySelector('osallistu-admin-listening')).toBeTruthy();
    expect(textOf(o.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe('Kuuntelu');
    resetConsole();

    // Asked for the listening view, a viewer gets the polls; the API refuses the report too.
    const { el: v } = await signedInView('osallistu-admin-polls', 'listening', { token: viewer });
    expect([...v.shadowRoot!.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).not.toContain('#listening');
    expect(v.shadowRoot!.querySelector('osallistu-admin-listening')).toBeNull();
    const refused = await fetch(`/api/v1/sites/${SITE}/listening`, { headers: { Authorization: `Bearer ${viewer}` } });
    expect(refused.status).toBe(403);
  }, 60_000);
});
