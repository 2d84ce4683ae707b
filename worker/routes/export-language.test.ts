/**
 * An export speaks one language: its headings and its values (statuses, options, topics, yes/no)
 * are all in the language asked for, with no internal code and no word of another language.
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_LABELS } from '../export/labels.ts';
import { XLSX_LABELS } from '../export/xlsx-labels.ts';
import type { Lang } from '../schema/common.ts';
import { call, castBallot, createPoll, createSite, newVoter } from '../../test/workers/helpers.ts';
import { workbookOf } from '../../test/workers/xlsx.ts';

const LANGS: Lang[] = ['fi', 'sv', 'en'];

const FORM = {
  id: 'palaute',
  title: { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' },
  fields: [
    { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande', en: 'Message' }, required: true },
    { key: 'where', type: 'choice', label: { fi: 'Kohde', sv: 'Objekt', en: 'Target' }, options: [{ id: 'streets', label: { fi: 'Kadut', sv: 'Gator', en: 'Streets' } }, { id: 'parks', label: { fi: 'Puistot', sv: 'Parker', en: 'Parks' } }] },
    { key: 'days', type: 'multiChoice', label: { fi: 'Päivät', sv: 'Dagar', en: 'Days' }, options: [{ id: 'mon', label: { fi: 'maanantai', sv: 'måndag', en: 'Monday' } }, { id: 'tue', label: { fi: 'tiistai', sv: 'tisdag', en: 'Tuesday' } }] },
    { key: 'publish', type: 'consent', label: { fi: 'Saa julkaista', sv: 'Får publiceras', en: 'May be published' } },
  ],
  categories: [{ id: 'street-lights', label: { fi: 'Katuvalot', sv: 'Gatubelysning', en: 'Street lights' } }],
  status: 'open',
};
const POLL_OPTIONS = [
  { id: 'bikes', label: { fi: 'Pyörätiet', sv: 'Cykelvägar', en: 'Cycle paths' } },
  { id: 'walks', label: { fi: 'Jalkakäytävät', sv: 'Trottoarer', en: 'Pavements' } },
];
/** What the API stores and exports must never show as a value in a table. */
const CODES = ['received', 'in_progress', 'answered', 'closed', 'spam', 'open', 'draft', 'upcoming', 'streets', 'parks', 'mon', 'tue', 'street-lights', 'true', 'false', 'walks', 'bikes'];

type Texts = Partial<Record<Lang, string>>;
const textsOf = (value: unknown): Texts[] => {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length && keys.every((k) => (LANGS as string[]).includes(k))) return [value as Texts];
    return Object.values(value).flatMap(textsOf);
  }
  return [];
};
/** Every word the exports and the content have in `lang`. */
function wordsIn(lang: Lang): Set<string> {
  const labels = [...Object.values(EXPORT_LABELS[lang]), ...Object.values(XLSX_LABELS[lang].states), ...Object.values(XLSX_LABELS[lang].sheets)];
  const content = textsOf([FORM, POLL_OPTIONS]).map((t) => t[lang]);
  return new Set([...labels, ...content].filter((w): w is string => typeof w === 'string'));
}
/** Words of the other languages that are not also words of this one ("Status" is Swedish and English). */
const foreignWords = (lang: Lang) => {
  const own = wordsIn(lang);
  return new Set(LANGS.filter((l) => l !== lang).flatMap((l) => [...wordsIn(l)]).filter((w) => !own.has(w)));
};
const codesIn = (lang: Lang) => {
  const own = wordsIn(lang);
  return new Set(CODES.filter((c) => !own.has(c)));
};

/** A cell's parts: a multiple choice is "a | b". */
const partsOf = (cell: unknown) => (typeof cell === 'string' ? cell.split(' | ') : []);

function expectOneLanguage(lang: Lang, cells: unknown[], where: string) {
  const foreign = foreignWords(lang);
  const codes = codesIn(lang);
  const parts = cells.flatMap(partsOf);
  expect(parts.filter((p) => foreign.has(p)), `${where}: words of another language`).toEqual([]);
  expect(parts.filter((p) => codes.has(p)), `${where}: internal codes`).toEqual([]);
}

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
const csvOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return parseCsv((await response.text()).replace(/^\uFEFF/, ''));
};

async function site() {
  const { site, owner } = await createSite({ name: { fi: 'Kunta', sv: 'Kommun', en: 'Town' }, languages: ['fi', 'sv', 'en'] });
  const created = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: FORM });
  expect(created.status).toBe(201);
  const submit = async (body: unknown) => {
    const response = await call(`/api/v1/sites/${site.id}/forms/palaute/submissions`, { method: 'POST', json: body, headers: { 'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 250)}` } });
    expect(response.status).toBe(201);
    return ((await response.json()) as { ref: string }).ref;
  };
  const answered = await submit({ answers: { message: 'Lamppu rikki', where: 'streets', days: ['mon', 'tue'], publish: true }, category: 'street-lights' });
  const working = await submit({ answers: { message: 'Penkki', where: 'parks', publish: false } });
  await submit({ answers: { message: 'Tavallinen' } });
  for (const [ref, status] of [[answered, 'answered'], [working, 'in_progress']] as const) {
    expect((await call(`/api/v1/sites/${site.id}/submissions/${ref}`, { method: 'PATCH', token: owner, json: { status } })).status).toBe(200);
  }
  const poll = await createPoll(site.id, owner, { question: { fi: 'Mitä korjataan?', sv: 'Vad ska lagas?', en: 'What should be fixed?' }, kind: 'multiple', maxChoices: 2, options: POLL_OPTIONS });
  for (const choices of [['bikes'], ['bikes', 'walks']]) expect((await castBallot(site.id, poll, { choices }, { voter: newVoter() })).status).toBe(201);
  return { site: site.id, owner, poll };
}

describe('exports in one language', () => {
  it.each(LANGS)('%s: the feedback CSV and XLSX have headings and values in that language only, the topic column named as the form names it', async (lang) => {
    const { site: id, owner } = await site();
    const t = EXPORT_LABELS[lang];
    const [headings, ...rows] = await csvOf(await call(`/api/v1/sites/${id}/forms/palaute/export?lang=${lang}`, { token: owner }));
    expect(headings).toContain({ fi: 'Aihe', sv: 'Ämne', en: 'Topic' }[lang]);
    expect(headings).not.toContain({ fi: 'Luokka', sv: 'Kategori', en: 'Category' }[lang]);
    const column = (heading: string) => rows.map((r) => r[headings!.indexOf(heading)]);
    expect(new Set(column(t.status))).toEqual(new Set([t.answered, t.in_progress, t.received]));
    expect(column(t.category)).toContain(FORM.categories[0]!.label[lang]);
    expect(column(FORM.fields[1]!.label[lang])).toContain(FORM.fields[1]!.options![0]!.label[lang]);
    expect(column(FORM.fields[2]!.label[lang])).toContain(`${FORM.fields[2]!.options![0]!.label[lang]} | ${FORM.fields[2]!.options![1]!.label[lang]}`);
    expect(new Set(column(FORM.fields[3]!.label[lang]))).toEqual(new Set([t.yes, t.no]));
    // Residents' own words (the message column) are theirs: only the columns we write are checked.
    const ours = headings!.filter((h) => h !== FORM.fields[0]!.label[lang]);
    expectOneLanguage(lang, [...headings!, ...rows.flatMap((r) => ours.map((h) => r[headings!.indexOf(h)]))], `CSV ${lang}`);

    const book = await workbookOf(await call(`/api/v1/sites/${id}/forms/palaute/export?format=xlsx&lang=${lang}`, { token: owner }));
    const data = book.sheet(XLSX_LABELS[lang].sheets.data);
    const xlsxHeadings = data.rows[0]!.map((c) => c?.value);
    expect(xlsxHeadings).toEqual(headings);
    const messageAt = xlsxHeadings.indexOf(FORM.fields[0]!.label[lang]);
    const cells = book.sheets.flatMap((sheet) => sheet.rows.flatMap((row) => row.filter((_, i) => sheet !== data || i !== messageAt).map((c) => c?.value)));
    expectOneLanguage(lang, [...book.sheets.map((s) => s.name), ...cells], `XLSX ${lang}`);
  });

  it.each(LANGS)('%s: the poll CSV and XLSX give the state, options and choices in that language only', async (lang) => {
    const { site: id, owner, poll } = await site();
    const t = EXPORT_LABELS[lang];
    const rows = await csvOf(await call(`/api/v1/sites/${id}/polls/${poll}/export?lang=${lang}`, { token: owner }));
    expect(rows).toContainEqual([t.status, XLSX_LABELS[lang].states.open]);
    expect(rows).toContainEqual([t.question, { fi: 'Mitä korjataan?', sv: 'Vad ska lagas?', en: 'What should be fixed?' }[lang]]);
    const choices = rows.map((r) => r[3]).filter((c) => c?.includes(POLL_OPTIONS[0]!.label[lang]));
    expect(choices).toEqual([POLL_OPTIONS[0]!.label[lang], `${POLL_OPTIONS[0]!.label[lang]} | ${POLL_OPTIONS[1]!.label[lang]}`]);
    // The option id column ("Tunnus") and the poll's own id are identifiers, shown as such.
    const idColumn = rows.findIndex((r) => r[1] === t.optionId);
    const cells = rows.flatMap((r, i) => r.filter((_, j) => !(i > idColumn && j === 1 && POLL_OPTIONS.some((o) => o.id === r[1])) && !(r[0] === t.poll && j === 1)));
    expectOneLanguage(lang, cells, `poll CSV ${lang}`);

    const book = await workbookOf(await call(`/api/v1/sites/${id}/polls/${poll}/export?format=xlsx&lang=${lang}`, { token: owner }));
    const results = book.sheet(XLSX_LABELS[lang].sheets.results);
    const cellsX = book.sheets.flatMap((sheet) => sheet.rows.flatMap((row) => row.map((c) => c?.value).filter((v, i) => !(sheet === results && i === 1) && v !== poll)));
    expectOneLanguage(lang, [...book.sheets.map((s) => s.name), ...cellsX], `poll XLSX ${lang}`);
  });
});
