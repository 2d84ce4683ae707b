import { env } from 'cloudflare:workers';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { insertReplyStatement, insertSubmissionStatement } from '../db/forms.ts';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';
import { serialText, values, workbookOf } from '../../test/workers/xlsx.ts';
import type { XlsxCell, XlsxSheet } from '../../test/workers/xlsx.ts';

const FORM = {
  id: 'palaute',
  title: { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' },
  fields: [
    { key: 'name', type: 'shortText', label: { fi: 'Nimimerkki', sv: 'Signatur', en: 'Nickname' } },
    { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande', en: 'Message' }, required: true },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti', sv: 'E-post', en: 'Email' } },
    { key: 'topic', type: 'choice', label: { fi: 'Kohde', sv: 'Objekt' }, options: [{ id: 'streets', label: { fi: 'Kadut', sv: 'Gator' } }, { id: 'parks', label: { fi: 'Puistot', sv: 'Parker' } }] },
    { key: 'phone', type: 'phone', label: { fi: 'Puhelin', sv: 'Telefon' } },
    { key: 'place', type: 'location', label: { fi: 'Paikka', sv: 'Plats' } },
    { key: 'publish', type: 'consent', label: { fi: 'Saa julkaista', sv: 'Får publiceras' } },
  ],
  categories: [{ id: 'street-lights', label: { fi: 'Katuvalot', sv: 'Gatubelysning' } }],
  status: 'open',
};

const HEADINGS_FI = ['Viitetunnus', 'Vastaanotettu (Suomen aikaa)', 'Päivitetty (Suomen aikaa)', 'Tila', 'Aihe', 'Koskee', 'Nimimerkki', 'Viesti', 'Kohde', 'Paikka', 'Saa julkaista'];
const HEADINGS_SV = ['Referenskod', 'Mottagen (finsk tid)', 'Uppdaterad (finsk tid)', 'Status', 'Ämne', 'Gäller', 'Signatur', 'Meddelande', 'Objekt', 'Plats', 'Får publiceras'];
const HYPERLINK = '=HYPERLINK("http://evil.example","klikkaa")';

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}`;

async function submit(site: string, body: Record<string, unknown>, form = 'palaute'): Promise<string> {
  const response = await call(`/api/v1/sites/${site}/forms/${form}/submissions`, { method: 'POST', json: body, headers: { 'CF-Connecting-IP': ip() } });
  if (response.status !== 201) throw new Error(`submit: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { ref: string }).ref;
}

async function moderate(site: string, token: string, ref: string, change: Record<string, unknown>) {
  const response = await call(`/api/v1/sites/${site}/submissions/${ref}`, { method: 'PATCH', token, json: change });
  if (response.status !== 200) throw new Error(`moderate: ${response.status} ${await response.text()}`);
}

const exportOf = (site: string, token: string | undefined, query = '', form = 'palaute') => call(`/api/v1/sites/${site}/forms/${form}/export${query}`, token ? { token } : {});

/** RFC 4180 as Excel reads it, ";" between cells (the CSV export, for comparison). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ';') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/**
 * One form with a submission of each kind: every field type, formula-like and "#N/A" answers, a
 * literal "_x0041_", a control character, a spam one, one with its contact details removed, and
 * two fixed-time ones (winter and summer time).
 */
async function feedbackSite() {
  const { site, owner } = await createSite();
  const created = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: FORM });
  if (created.status !== 201) throw new Error(`form: ${created.status} ${await created.text()}`);
  const moderator = await createToken(site.id, 'moderator', 'Kaupunkiympäristö / Aino');
  const viewer = await createToken(site.id, 'viewer');
  const refs = {
    full: await submit(site.id, {
      answers: {
        name: HYPERLINK,
        message: 'Lamppu; "rikki"\nKoivutien päässä',
        email: 'asukas@example.fi',
        topic: 'streets',
        phone: '+358 40 123 4567',
        place: { lat: 60.2, long: 24.9, address: 'Koivutie 3' },
        publish: true,
      },
      category: 'street-lights',
    }),
    plus: await submit(site.id, { answers: { name: '+1+1', message: '-2', place: { lat: 60.17, long: 24.94 } } }),
    odd: await submit(site.id, { answers: { name: '#N/A', message: 'Koodi _x0041_ ja kello \u0007 soi', place: { address: 'Torikatu 1' }, topic: 'parks' } }),
    forgotten: await submit(site.id, { answers: { message: 'Poistakaa yhteystietoni', email: 'poista@example.fi', phone: '040 765 4321' } }),
    spam: await submit(site.id, { answers: { message: 'Osta halvalla' }, website: 'http://spam.example' }),
  };
  await moderate(site.id, moderator, refs.full, { status: 'in_progress', reply: { body: 'Välitetty urakoitsijalle.', public: false } });
  await moderate(site.id, moderator, refs.full, { status: 'answered', reply: { body: 'Lamppu vaihdettu.', public: true } });
  const removed = await call(`/api/v1/sites/${site.id}/submissions/${refs.forgotten}/contact`, { method: 'DELETE', token: moderator });
  if (removed.status !== 200) throw new Error(`forget: ${removed.status}`);
  const fixed = (ref: string, createdAt: string) =>
    insertSubmissionStatement(env.DB, { site: site.id, ref, form: 'palaute', answers: { message: 'Vanha palaute' }, contact: null, category: null, status: 'received', createdAt });
  await env.DB.batch([fixed('WIN-222', '2026-01-15T10:00:00.000Z'), fixed('SUM-333', '2026-07-15T10:00:00.000Z')]);
  return { site: site.id, owner, moderator, viewer, refs };
}

const itemsOf = (sheet: XlsxSheet) => sheet.rows.slice(1).map((row) => [row[0]!.value as string, row[1]] as const);
const item = (sheet: XlsxSheet, name: string) => itemsOf(sheet).find(([key]) => key === name)?.[1];
const headingIndex = (sheet: XlsxSheet, heading: string) => sheet.rows[0]!.findIndex((cell) => cell?.value === heading);
const all = (sheet: XlsxSheet, name: string) => itemsOf(sheet).filter(([key]) => key === name).map(([, cell]) => cell?.value);

describe('form export: XLSX', () => {
  it('has the CSV\'s columns and content for a moderator, with real dates, text that stays text, and a methodology sheet', async () => {
    const { site, moderator, refs } = await feedbackSite();
    const response = await exportOf(site, moderator, '?format=xlsx');
    expect(response.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="${site}-palaute-\\d{4}-\\d{2}-\\d{2}\\.xlsx"$`));
    const book = await workbookOf(response);
    expect(book.sheets.map((s) => s.name)).toEqual(['Aineisto', 'Menetelmä']);
    const data = book.sheet('Aineisto');
    const headings = values(data.rows[0]);
    expect(headings).toEqual([...HEADINGS_FI, 'Sähköposti', 'Puhelin', 'Julkiset vastaukset', 'Sisäiset vastaukset']);
    expect([data.frozenRows, data.autoFilter]).toEqual([1, 'A1:O7']);
    for (const sheet of book.sheets) expect(sheet.xml).not.toMatch(/<f[ >]/);

    // Cell for cell what the CSV says: its times are text, its formula-like text gets a "'".
    const csv = parseCsv((await (await exportOf(site, moderator)).text()).replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(headings);
    const rows = data.rows.slice(1);
    expect(rows.map((row) => row[0]!.value)).toEqual(csv.slice(1).map((row) => row[0]));
    expect(rows.map((row) => row[0]!.value)).toEqual(['WIN-222', 'SUM-333', refs.full, refs.plus, refs.odd, refs.forgotten]); // oldest first, no spam
    for (const [r, row] of rows.entries()) {
      for (const [c, heading] of headings.entries()) {
        const cell: XlsxCell | undefined = row[c];
        const expected = csv[r + 1]![c]!;
        if (/Suomen aikaa/.test(String(heading))) {
          expect(cell!.isDate, `${heading} of ${row[0]!.value}`).toBe(true);
          expect(serialText(cell!.value as number)).toBe(expected);
        } else {
          expect(cell?.formula).toBeUndefined();
          if (cell) expect(cell.type, `${heading} of ${row[0]!.value}`).toBe('inlineStr');
          expect(cell?.value ?? '', `${heading} of ${row[0]!.value}`).toBe(expected.replace(/^'(?=[=+\-@\t\r])/, ''));
        }
      }
    }
    const cell = (ref: string, heading: string) => rows.find((row) => row[0]!.value === ref)![headings.indexOf(heading)];
    expect(serialText(cell('WIN-222', 'Vastaanotettu (Suomen aikaa)')!.value as number)).toBe('2026-01-15 12:00:00');
    expect(serialText(cell('SUM-333', 'Vastaanotettu (Suomen aikaa)')!.value as number)).toBe('2026-07-15 13:00:00');
    // Formula-like text is text (an inline string in the Text format), exactly as typed.
    for (const [ref, heading, text] of [[refs.full, 'Nimimerkki', HYPERLINK], [refs.plus, 'Nimimerkki', '+1+1'], [refs.plus, 'Viesti', '-2'], [refs.full, 'Puhelin', '+358 40 123 4567']] as const) {
      expect([cell(ref, heading)!.type, cell(ref, heading)!.value, cell(ref, heading)!.numFmt]).toEqual(['inlineStr', text, '@']);
    }
    expect([cell(refs.odd, 'Nimimerkki')!.type, cell(refs.odd, 'Nimimerkki')!.value]).toEqual(['inlineStr', '#N/A']);
    expect(cell(refs.odd, 'Viesti')!.value).toBe('Koodi _x0041_ ja kello \u0007 soi');
    expect(cell(refs.full, 'Viesti')!.value).toBe('Lamppu; "rikki"\nKoivutien päässä');
    expect(cell(refs.full, 'Sisäiset vastaukset')!.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: Välitetty urakoitsijalle\.$/);
    expect([cell(refs.forgotten, 'Sähköposti'), cell(refs.forgotten, 'Puhelin')]).toEqual([undefined, undefined]);

    // Methodology: the form and its fields, the period, how many, what was left out and why.
    const about = book.sheet('Menetelmä');
    expect(values(about.rows[0])).toEqual(['Kohta', 'Selitys']);
    expect(item(about, 'Lomake')!.value).toBe('palaute');
    expect(item(about, 'Otsikko')!.value).toBe('Anna palautetta');
    expect(item(about, 'Kenttä: Kohde')!.value).toBe('yksi valinta: Kadut | Puistot');
    expect(item(about, 'Kenttä: Sähköposti')!.value).toBe('sähköposti (yhteystieto)');
    expect(item(about, 'Kenttä: Paikka')!.value).toBe('sijainti (osoite ja/tai koordinaatit)');
    expect(item(about, 'Luokat')!.value).toBe('Katuvalot');
    expect(item(about, 'Mukana')!.value).toBe('Kaikki tilat paitsi roskaposti');
    expect([item(about, 'Palautteita')!.type, item(about, 'Palautteita')!.value]).toEqual(['n', 6]);
    const first = item(about, 'Ensimmäinen (Suomen aikaa)')!;
    expect([first.isDate, serialText(first.value as number)]).toEqual([true, '2026-01-15 12:00:00']);
    expect(item(about, 'Viimeisin (Suomen aikaa)')!.value).toBe(cell(refs.forgotten, 'Vastaanotettu (Suomen aikaa)')!.value);
    expect(item(about, 'Viety (Suomen aikaa)')!.isDate).toBe(true);
    expect(all(about, 'Jätetty pois')).toEqual([
      'Roskapostiksi merkityt palautteet (1): mukana vain pyydettäessä (status=spam).',
      'Yhteystiedot poistetaan 365 päivän kuluttua tai asukkaan pyynnöstä; poistetut ovat tyhjiä.',
    ]);
  });

  it('gives a viewer neither contact columns nor private replies, in Swedish on request, and spam only on request', async () => {
    const { site, viewer, refs } = await feedbackSite();
    const response = await exportOf(site, viewer, '?format=xlsx&lang=sv');
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    const book = await workbookOf(response);
    expect(book.sheets.map((s) => s.name)).toEqual(['Data', 'Metod']);
    const data = book.sheet('Data');
    expect(values(data.rows[0])).toEqual([...HEADINGS_SV, 'Offentliga svar']);
    expect(data.rows.slice(1).map((row) => row[3]!.value)).toEqual(['mottagen', 'mottagen', 'besvarad', 'mottagen', 'mottagen', 'mottagen']);
    const full = data.rows.find((row) => row[0]!.value === refs.full)!;
    expect(full.map((c) => c?.value ?? null).slice(8)).toEqual(['Gator', 'Koivutie 3 (60.2, 24.9)', 'ja', expect.stringMatching(/: Lamppu vaihdettu\.$/)]);
    // Nothing private anywhere in the file: every part, unzipped.
    const text = Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join('\n');
    for (const secret of ['asukas@example.fi', '123 4567', 'poista@example.fi', 'urakoitsijalle', 'Aino', 'Osta halvalla', refs.spam]) expect(text).not.toContain(secret);
    const about = book.sheet('Metod');
    expect(item(about, 'Med i filen')!.value).toBe('Alla statusar utom skräppost');
    expect(all(about, 'Utelämnat')).toEqual([
      'Svar markerade som skräppost (1): med bara på begäran (status=spam).',
      'Kontaktuppgifter (E-post, Telefon) och interna svar: de visas bara för moderatorer och högre roller, och den här exporten gjordes med en läsares nyckel.',
    ]);
    // The fields are described, contact ones too, though their columns are left out.
    expect(item(about, 'Fält: E-post')!.value).toBe('e-post (kontaktuppgift)');

    const spam = await workbookOf(await exportOf(site, viewer, '?format=xlsx&status=spam'));
    expect(spam.sheet('Aineisto').rows.slice(1).map((row) => [row[0]!.value, row[3]!.value])).toEqual([[refs.spam, 'roskaposti']]);
    expect(item(spam.sheet('Menetelmä'), 'Mukana')!.value).toBe('Vain tila: roskaposti');
    expect(all(spam.sheet('Menetelmä'), 'Jätetty pois')[0]).toBe('Muissa tiloissa olevat palautteet: vienti rajattiin yhteen tilaan.');
  });

  it('writes an empty form as its headings and a methodology that says none', async () => {
    const { site, owner } = await createSite();
    expect((await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { ...FORM, status: 'draft' } })).status).toBe(201);
    const book = await workbookOf(await exportOf(site.id, owner, '?format=xlsx'));
    expect(book.sheet('Aineisto').rows).toHaveLength(1);
    expect(values(book.sheet('Aineisto').rows[0])).toHaveLength(15);
    const about = book.sheet('Menetelmä');
    expect(item(about, 'Palautteita')!.value).toBe(0);
    expect(item(about, 'Ensimmäinen (Suomen aikaa)')?.value ?? null).toBeNull();
    expect(all(about, 'Jätetty pois')[0]).toBe('Roskapostiksi merkityt palautteet (0): mukana vain pyydettäessä (status=spam).');
  });

  it('streams any amount of text in bounded memory, and cuts a cell at Excel\'s limit', async () => {
    const { site, owner } = await createSite();
    const form = { id: 'iso', title: { fi: 'Iso' }, fields: [{ key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true }], status: 'open' };
    expect((await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: form })).status).toBe(201);
    // One submission whose replies together pass Excel's 32,767 characters in a cell.
    const long = 'Vastaus, joka on pitkä. '.repeat(400); // 9,600 characters a reply
    await env.DB.batch([
      insertSubmissionStatement(env.DB, { site: site.id, ref: 'LONG-001', form: 'iso', answers: { message: 'Pitkä ketju' }, contact: null, category: null, status: 'received', createdAt: '2026-03-01T08:00:00.000Z' }),
      ...[1, 2, 3, 4].map((i) => insertReplyStatement(env.DB, site.id, 'LONG-001', { body: long, public: true, author: 'test' }, `2026-03-0${i}T09:00:00.000Z`)),
    ]);
    const book = await workbookOf(await exportOf(site.id, owner, '?format=xlsx', 'iso'));
    const replies = book.sheet('Aineisto').rows[1]![7]!;
    expect((replies.value as string).length).toBe(32_767);
    expect((replies.value as string).endsWith('…')).toBe(true);
    expect(all(book.sheet('Menetelmä'), 'Jätetty pois')).toContain('1 solun teksti lyhennettiin Excelin 32 767 merkin rajaan (lopussa …); koko teksti on CSV-, JSON- ja NDJSON-viennissä.');

    // 180 submissions of 100,000 characters: 18 million characters, which the workbook built in
    // memory (before) refused. Streamed, the file is whole: every row, every cell cut at the limit.
    const text = 'Hyvin pitkä palaute. '.repeat(4762).slice(0, 100_000);
    await env.DB.batch(
      Array.from({ length: 180 }, (_, i) =>
        insertSubmissionStatement(env.DB, { site: site.id, ref: `BIG-${String(i).padStart(3, '0')}`, form: 'iso', answers: { message: text }, contact: null, category: null, status: 'received', createdAt: '2026-04-01T08:00:00.000Z' }),
      ),
    );
    const big = await workbookOf(await exportOf(site.id, owner, '?format=xlsx', 'iso'));
    const rows = big.sheet('Aineisto').rows.slice(1);
    expect(rows).toHaveLength(181);
    const message = headingIndex(big.sheet('Aineisto'), 'Viesti');
    expect(rows.slice(1).every((row) => (row[message]!.value as string).length === 32_767)).toBe(true);
    expect(all(big.sheet('Menetelmä'), 'Jätetty pois')).toContain('181 solun teksti lyhennettiin Excelin 32 767 merkin rajaan (lopussa …); koko teksti on CSV-, JSON- ja NDJSON-viennissä.');
    expect(item(big.sheet('Menetelmä'), 'Palautteita')!.value).toBe(181);
  }, 60_000);
});
