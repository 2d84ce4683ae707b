import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';
import { values, workbookOf } from '../../test/workers/xlsx.ts';
import evalFi from '../../test/listening/eval-fi-1.json';
import evalSv from '../../test/listening/eval-sv.json';
import personalData from '../../test/listening/personal-data.json';
import type { ListeningReport } from '../schema/listening.ts';
import type { Labelled } from '../../test/listening/labelled.ts';
import { detectLanguage } from './language.ts';
import { compoundParts, words } from './terms.ts';
import { conceptsOf } from './concepts.ts';


const FORM = {
  id: 'palaute',
  title: { fi: 'Anna palautetta', sv: 'Ge respons' },
  fields: [
    { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande' }, required: true, maxLength: 2000 },
    { key: 'place', type: 'location', label: { fi: 'Paikka' } },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti' } },
  ],
  categories: ['kadut', 'valaistus', 'puistot', 'muu'].map((id) => ({ id, label: { fi: id } })),
  status: 'open',
};

const DAY = 86_400_000;
/** Three themes, Finnish and Swedish mixed: what the report must pull apart. */
const THEMES = ['winter', 'library', 'bus'];
const picked = [...(evalFi as Labelled[]), ...(evalSv as Labelled[])].filter((t) => THEMES.includes(t.theme));
const sample = THEMES.flatMap((theme) => [...picked.filter((t) => t.theme === theme && t.lang === 'fi').slice(0, 10), ...picked.filter((t) => t.theme === theme && t.lang === 'sv').slice(0, 5)]);
const PERSONAL = 'Kirjaston aukioloajat ovat liian lyhyet, kirjasto on kiinni juuri kun pääsen töistä. Soittakaa 040 123 4567 tai matti.virtanen@example.fi. Terveisin Matti Virtanen';

async function siteWithFeedback() {
  const { site, owner } = await createSite();
  const made = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: FORM });
  if (made.status !== 201) throw new Error(`${made.status} ${await made.text()}`);
  const refs = new Map<string, string>();
  const all = [...sample, { id: 'personal', lang: 'fi', theme: 'library', category: 'valaistus', text: PERSONAL } as Labelled];
  for (const [i, t] of all.entries()) {
    const response = await call(`/api/v1/sites/${site.id}/forms/palaute/submissions`, {
      method: 'POST',
      json: { answers: { message: t.text, ...(t.place ? { place: { address: `${t.place} ${i + 1}` } } : {}) }, category: t.category },
      headers: { 'CF-Connecting-IP': `203.0.113.${i + 1}` },
    });
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
    refs.set(t.id, ((await response.json()) as { ref: string }).ref);
  }
  return { site: site.id, owner, refs };
}

/** Moves a submission back in time (test set-up: the API stamps every submission now). */
const age = (site: string, ref: string, days: number) =>
  env.DB.prepare('UPDATE submissions SET created_at = ?3, updated_at = ?3 WHERE site_id = ?1 AND ref = ?2').bind(site, ref, new Date(Date.now() - days * DAY).toISOString()).run();

const report = async (site: string, token: string, query = '') => {
  const response = await call(`/api/v1/sites/${site}/listening${query}`, { token });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ListeningReport;
};

describe('listening: themes in what residents write', () => {
  it('finds the themes across Finnish and Swedish, names them in residents\' words, and quotes their texts with personal data shown as removed', async () => {
    const { site, owner, refs } = await siteWithFeedback();
    // Snow was written about a month ago, the bus this week.
    for (const t of sample) await age(site, refs.get(t.id)!, t.theme === 'bus' ? 2 : t.theme === 'winter' ? 30 : 20);
    const body = await report(site, await createToken(site, 'moderator'), '?themes=3');
    expect(body.texts).toBe(sample.length + 1);
    expect(body.languages).toEqual({ fi: 31, sv: 15 });
    expect(body.themes).toHaveLength(3);

    // Each theme is mostly one planted theme, and holds both languages.
    const themeOfRef = new Map([...refs].map(([id, ref]) => [ref, sample.find((t) => t.id === id)?.theme ?? 'library']));
    const found = new Set<string>();
    for (const theme of body.themes) {
      expect(theme.size).toBeGreaterThanOrEqual(5);
      expect(theme.quotes.length).toBeGreaterThanOrEqual(3);
      expect(theme.quotes.length).toBeLessThanOrEqual(5);
      const planted = theme.quotes.map((q) => themeOfRef.get(q.ref));
      const majority = THEMES.find((th) => planted.filter((p) => p === th).length > planted.length / 2);
      expect(majority, JSON.stringify(theme.name)).toBeDefined();
      found.add(majority!);
      expect(Object.keys(theme.languages).sort()).toEqual(['fi', 'sv']);
      // Named by words as written (real words, not stems), each used in at least two of its texts.
      expect(theme.name.length).toBeGreaterThanOrEqual(2);
      for (const term of theme.terms) expect(term.texts).toBeGreaterThanOrEqual(2);
      // Quoted exactly: the parts put together are the text sent.
      for (const q of theme.quotes) {
        const sent = [...refs].find(([, ref]) => ref === q.ref)![0];
        const original = sent === 'personal' ? PERSONAL : sample.find((t) => t.id === sent)!.text;
        if (q.parts.every((p) => typeof p === 'string')) expect(q.parts.join('')).toBe(original);
        expect(q.source).toBe('feedback');
        expect(q.form).toBe('palaute');
      }
    }
    expect([...found].sort()).toEqual([...THEMES].sort());
    const library = body.themes.find((t) => t.quotes.some((q) => themeOfRef.get(q.ref) === 'library'))!;
    expect(library.name.join(' ')).toMatch(/kirjasto|bibliotek/i);

    // Places without house numbers; topics as filed.
    const places = body.themes.flatMap((t) => t.places.map((p) => p.value));
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(place).not.toMatch(/\d/);
    expect(body.themes.flatMap((t) => t.topics.map((p) => p.value)).every((v) => FORM.categories.some((c) => c.id === v))).toBe(true);

    // This week: the bus texts; rising: the bus theme, with the counts behind it.
    const bus = body.themes.find((t) => t.quotes.every((q) => themeOfRef.get(q.ref) === 'bus'))!;
    expect(bus.trend.thisWeek).toBeGreaterThanOrEqual(10);
    const busRising = body.rising.themes.find((r) => r.theme === bus.id)!;
    expect(busRising).toMatchObject({ recent: bus.trend.thisWeek, recentTotal: 15 + 1, beforeTotal: 30 });
    expect(busRising.growth).toBeGreaterThan(1);
    expect(body.rising.terms.length).toBeGreaterThan(0);
    for (const r of body.rising.terms) expect(r.recent).toBeGreaterThanOrEqual(3);
  });

  it('never lets personal data out: not in the report, not in any export', async () => {
    const { site, owner, refs } = await siteWithFeedback();
    const secrets = ['040 123 4567', '0401234567', 'matti.virtanen@example.fi', 'Matti Virtanen', 'Virtanen'];
    for (const secret of secrets) expect(JSON.stringify(await report(site, owner, '?themes=3'))).not.toContain(secret);
    // The one text filed under street lights: its theme quotes it.
    const body = await report(site, owner, '?topic=valaistus');
    expect(body.texts).toBe(1);
    const quote = body.themes[0]!.quotes[0]!;
    expect(quote.ref).toBe(refs.get('personal'));
    expect(quote.parts).toEqual([
      'Kirjaston aukioloajat ovat liian lyhyet, kirjasto on kiinni juuri kun pääsen töistä. Soittakaa ',
      { redacted: 'phone' },
      ' tai ',
      { redacted: 'email' },
      '. Terveisin ',
      { redacted: 'name' },
    ]);
    for (const format of ['csv', 'xlsx', 'json', 'ndjson'] as const) {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const response = await call(`/api/v1/sites/${site}/listening/export?topic=valaistus&format=${format}&lang=${lang}`, { token: owner });
        expect(response.status).toBe(200);
        const content = format === 'xlsx' ? (await workbookOf(response)).sheets.flatMap((sheet) => sheet.rows.flatMap(values)).join('\n') : new TextDecoder().decode(await response.arrayBuffer());
        for (const secret of secrets) expect(content, `${format} ${lang}`).not.toContain(secret);
        expect(content, `${format} ${lang}`).toContain('Kirjaston aukioloajat ovat liian lyhyet');
        if (format === 'csv' || format === 'xlsx') expect(content).toContain({ fi: '[sähköposti poistettu]', sv: '[e-post borttagen]', en: '[email removed]' }[lang]);
      }
    }
    // The quote's reference opens the submission in the console: the queue gives that one alone, whatever its status.
    const one = await call(`/api/v1/sites/${site}/submissions?ref=${quote.ref}`, { token: owner });
    expect(((await one.json()) as { items: { ref: string }[] }).items.map((s) => s.ref)).toEqual([quote.ref]);
    const malformed = await call(`/api/v1/sites/${site}/submissions?ref=K7M4QX`, { token: owner });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).issues?.[0]).toMatchObject({ path: ['ref'], message: 'A reference code looks like K7M-4QX.' });
    const xlsx = await workbookOf(await call(`/api/v1/sites/${site}/listening/export?topic=valaistus&format=xlsx&lang=en`, { token: owner }));
    expect(xlsx.sheets.map((sheet) => sheet.name)).toEqual(['Themes', 'Quotes', 'Rising', 'Method']);
    expect(xlsx.sheet('Method').rows.flatMap(values).join(' ')).toContain('Tone (positive/negative) is not judged');
    expect(xlsx.sheet('Quotes').rows.flatMap(values).join(' ')).toContain('[phone number removed]');
  });

  it('quotes the whole personal-data corpus without one leak, in the report and in every export', async () => {
    const { site, owner } = await createSite();
    expect((await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: FORM })).status).toBe(201);
    const corpus = personalData as { text: string; secrets: string[] }[];
    for (const [i, c] of corpus.entries()) {
      const sent = await call(`/api/v1/sites/${site.id}/forms/palaute/submissions`, { method: 'POST', json: { answers: { message: c.text } }, headers: { 'CF-Connecting-IP': `198.18.${Math.floor(i / 200)}.${(i % 200) + 1}` } });
      expect(sent.status, c.text).toBe(201);
    }
    // A secret of one case may be ordinary words in another ("Koivutiellä 5 minuutin päästä"): such are not looked for.
    const secrets = corpus.flatMap((c) => c.secrets).filter((secret) => !corpus.some((c) => !c.secrets.includes(secret) && c.text.includes(secret)));
    expect(secrets.length).toBeGreaterThan(100);
    // As many themes as asked for, so that most texts are quoted (5 a theme).
    const body = await report(site.id, owner, '?themes=30');
    const quotes = body.themes.flatMap((t) => t.quotes);
    expect(quotes.length).toBeGreaterThanOrEqual(80);
    expect(quotes.filter((q) => q.parts.some((p) => typeof p !== 'string')).length).toBeGreaterThanOrEqual(50);
    const files = [JSON.stringify(body)];
    for (const format of ['csv', 'xlsx', 'json', 'ndjson'] as const) {
      const response = await call(`/api/v1/sites/${site.id}/listening/export?themes=30&format=${format}`, { token: owner });
      files.push(format === 'xlsx' ? (await workbookOf(response)).sheets.flatMap((sheet) => sheet.rows.flatMap(values)).join('\n') : new TextDecoder().decode(await response.arrayBuffer()));
    }
    for (const file of files) for (const secret of secrets) expect(file).not.toContain(secret);
    // Nor as a theme's or a rising word, in any case: the words are read after personal data is out.
    const asWord = (secret: string) => new RegExp(`(?<![\\p{L}\\p{N}])${secret.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    const wordsShown = [...body.themes.flatMap((t) => [...t.name, ...t.terms.map((w) => w.word)]), ...body.rising.terms.map((r) => r.word)].join(' ');
    // The capitalised words of secrets (names, streets of addresses) that the corpus never uses as ordinary words.
    const outside = corpus.map((c) => c.secrets.reduce((text, secret) => text.replaceAll(secret, ' '), c.text).toLowerCase());
    const names = corpus
      .flatMap((c) => c.secrets)
      .flatMap((secret) => secret.split(/\s+/))
      .filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w) && !outside.some((text) => asWord(w).test(text)));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(wordsShown, name).not.toMatch(asWord(name));
  });

  it('names places by street or place alone: never a house number, nor what a resident wrote after personal data in the field', async () => {
    const { site, owner } = await createSite();
    expect((await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: FORM })).status).toBe(201);
    const addresses = ['Rantakatu 12 B 4', 'asukas@example.fi', 'Soita 040 123 4567', 'Kirjaston edusta', 'Strandgatan 3'];
    for (const [i, address] of addresses.entries()) {
      const text = i === 4 ? 'Gatubelysningen på Strandgatan är trasig igen.' : ['Katuvalo ei pala taas, katu on pimeänä illalla.', 'Katuvalot sammuivat koko kadulta eilen.', 'Pimeä katu, valot eivät toimi.', 'Katuvalo vilkkuu ja sammuu illalla.'][i];
      const sent = await call(`/api/v1/sites/${site.id}/forms/palaute/submissions`, { method: 'POST', json: { answers: { message: text, place: { address } } }, headers: { 'CF-Connecting-IP': `198.19.0.${i + 1}` } });
      expect(sent.status).toBe(201);
    }
    const body = await report(site.id, owner, '?themes=2');
    expect(body.texts, JSON.stringify(body)).toBe(5);
    const places = body.themes.flatMap((t) => t.places).sort((a, b) => a.value.localeCompare(b.value));
    expect(places).toEqual([
      { value: 'Kirjaston edusta', count: 1, lang: 'fi' },
      { value: 'Rantakatu', count: 1, lang: 'fi' },
      { value: 'Strandgatan', count: 1, lang: 'sv' },
    ]);
  });

  it('filters by topic, language and period, and keeps the report until something is written', async () => {
    const { site, owner } = await siteWithFeedback();
    const all = await report(site, owner);
    expect((await report(site, owner, '?language=sv')).texts).toBe(15);
    expect((await report(site, owner, '?topic=puistot')).texts).toBe(sample.filter((t) => t.category === 'puistot').length);
    expect((await report(site, owner, '?from=2020-01-01&to=2020-12-31')).texts).toBe(0);
    expect((await report(site, owner, '?from=2020-01-01&to=2020-12-31')).themes).toEqual([]);
    // The same report again, until a resident writes more.
    expect((await report(site, owner)).generatedAt).toBe(all.generatedAt);
    await call(`/api/v1/sites/${site}/forms/palaute/submissions`, { method: 'POST', json: { answers: { message: 'Bussi 21 oli taas myöhässä.' } }, headers: { 'CF-Connecting-IP': '203.0.113.200' } });
    const again = await report(site, owner);
    expect(again.texts).toBe(all.texts + 1);
  });

  it('is for moderators and up, and refuses a bad question with a 400 that says what is wrong', async () => {
    const { site } = await siteWithFeedback();
    expect((await call(`/api/v1/sites/${site}/listening`)).status).toBe(401);
    const viewer = await createToken(site, 'viewer');
    const refused = await call(`/api/v1/sites/${site}/listening`, { token: viewer });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('insufficient_role');
    const moderator = await createToken(site, 'moderator');
    for (const [query, path] of [['?from=2026-12-01&to=2026-11-01', 'from'], ['?from=1.12.2026', 'from'], ['?themes=1', 'themes'], ['?language=de', 'language'], ['?topic=Not a topic', 'topic']] as const) {
      const response = await call(`/api/v1/sites/${site}/listening${query}`, { token: moderator });
      expect(response.status, query).toBe(400);
      const error = await errorOf(response);
      expect(error.issues?.[0]?.path, query).toEqual([path]);
    }
  });
});

describe('listening: the words', () => {
  it('recognises Finnish, Swedish and English', () => {
    expect(detectLanguage('Lumityöt on tehty huonosti tällä viikolla, ja jalkakäytävä on liukas.')).toBe('fi');
    expect(detectLanguage('Snöröjningen på vår gata har inte skötts alls den här veckan.')).toBe('sv');
    expect(detectLanguage('The snow on the cycle path was not ploughed this week.')).toBe('en');
    expect(detectLanguage('Koivutie', 'sv')).toBe('sv');
  });

  it('stems inflections and keyboard spellings together, and splits compounds on words of the same texts', () => {
    const stems = (text: string, lang: 'fi' | 'sv') => words(text, lang).map((w) => w.stem);
    expect(stems('kirjastoon kirjaston', 'fi')).toEqual(['kirjasto', 'kirjasto']);
    expect(stems('lumitöitä lumitoita', 'fi')).toEqual(['lumito', 'lumito']);
    expect(stems('cykelvägen cykelvägarna', 'sv')).toEqual(['cykelvag', 'cykelvag']);
    expect(stems('hei mä en oo', 'fi')).toEqual([]);
    const known = new Set(['gat', 'belysning', 'katu', 'valo']);
    expect(compoundParts('gatubelysning', (s) => known.has(s))).toEqual(['gat', 'belysning']);
    expect(compoundParts('katuvalo', (s) => known.has(s))).toEqual(['katu', 'valo']);
    expect(compoundParts('kirjasto', (s) => known.has(s))).toEqual([]);
  });

  it('joins the languages by municipal concepts, and keeps look-alikes apart', () => {
    for (const word of ['pyoratie', 'pyorateiden', 'cykelvagarna', 'cycle', 'bike']) expect(conceptsOf(word)).toContain('bicycle');
    expect(conceptsOf('parkeringen')).toEqual(['parking']);
    expect(conceptsOf('parken')).toEqual(['park']);
    expect(conceptsOf('talviauraus')).toContain('snow');
  });
});
