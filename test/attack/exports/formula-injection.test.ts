import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx } from 'hucre/xlsx';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXPORT_LABELS } from '../../../worker/export/labels.ts';
import { readXlsx } from '../../workers/xlsx.ts';
import type { XlsxWorkbook } from '../../workers/xlsx.ts';
import { formulaPayloads } from '../corpus/formulas.ts';
import type { FormulaPayload } from '../corpus/formulas.ts';
import { convertToFods, csvImportFilter, readFods } from '../support/libreoffice.ts';
import type { Spreadsheet } from '../support/libreoffice.ts';

/**
 * Formula injection, kept out: the formula corpus typed into a feedback form's text, long text
 * and location fields (and, as an official whose account was taken over would, into field and
 * topic labels and poll options, questions and case numbers), then every export downloaded as
 * CSV with ";" and with "," and as XLSX, and each CSV opened in LibreOffice Calc split at ";" (a
 * Finnish user), at "," (an English one), and at every separator at once with spaces trimmed,
 * formulas evaluated as when opened by hand.
 * A spreadsheet picks its separator from the locale or the user, not from the file, so each
 * export is read with its own separator, the other one, and all of them. Not one cell may
 * become a formula, and what was typed must still read as typed. First, the same corpus written
 * by a writer that only quotes shows that this reading does find formulas.
 * On the shared server, in a form and polls of its own.
 */
const server = inject('devServer');
const SITE = 'koivulahti';
const api = `${server.url}/api/v1/sites/${SITE}`;
const auth = { Authorization: `Bearer ${server.token}` };
const json = { ...auth, 'Content-Type': 'application/json' };
const run = Date.now().toString(36);
const work = mkdtempSync(join(tmpdir(), 'osallistu-attack-formulas-'));
const payloads = formulaPayloads;

const DELIMITERS = { semicolon: ';', comma: ',' } as const;
type DelimiterName = keyof typeof DELIMITERS;
/**
 * How a person opens a CSV: the separator their locale gives, with its number convention; and
 * someone who ticks every separator box and "Trim spaces". `native`: the export it is made for.
 */
const OPENINGS: { name: string; separators: string; language: number; trimSpaces?: boolean; native?: DelimiterName }[] = [
  { name: 'split at ";" (fi-FI)', separators: ';', language: 1035, native: 'semicolon' },
  { name: 'split at "," (en-US)', separators: ',', language: 1033, native: 'comma' },
  { name: 'split at ";" "," tab and "|", spaces trimmed', separators: ';,\t|', language: 1035, trimSpaces: true },
];

interface Export {
  name: string;
  /** Texts as the API stored them, each of which must show in the export as typed. */
  texts: string[];
  csv: Record<DelimiterName, string>;
  xlsx: Uint8Array;
}
interface PollSeed {
  id: string;
  options: { id: string; label: string }[];
  total: number;
}

const FIELD_TYPES = ['shortText', 'longText', 'location'] as const;
const SLOTS = 13;
let form: Export;
const polls: (Export & PollSeed)[] = [];
/** File name → what LibreOffice made of it, per opening (CSV) or as opened (XLSX). */
const opened = new Map<string, Map<string, Spreadsheet>>();
const controlFormulas: Record<string, number> = {};
let controlXlsxFormulas = 0;

async function must(method: string, path: string, body?: unknown, headers: Record<string, string> = json): Promise<Record<string, unknown>> {
  const response = await fetch(`${api}/${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 600)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function download(path: string, format: 'csv' | 'xlsx', delimiter?: string): Promise<Uint8Array> {
  const query = new URLSearchParams({ format, ...(delimiter ? { delimiter } : {}) });
  const response = await fetch(`${api}/${path}/export?${query}`, { headers: auth });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${path} ${query}: ${response.status} ${new TextDecoder().decode(bytes).slice(0, 400)}`);
  expect(response.headers.get('Content-Type')).toMatch(format === 'csv' ? /^text\/csv/ : /spreadsheetml/);
  return bytes;
}

async function downloads(path: string): Promise<Pick<Export, 'csv' | 'xlsx'>> {
  const text = async (delimiter: string) => {
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await download(path, 'csv', delimiter));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    return csv;
  };
  return { csv: { semicolon: await text(';'), comma: await text(',') }, xlsx: await download(path, 'xlsx') };
}

/** A feedback form whose field and topic labels carry the corpus, and residents' answers that carry it three times over. */
async function seedForm(): Promise<Export> {
  const id = `kaava-lomake-${run}`;
  const fields = FIELD_TYPES.flatMap((type, t) =>
    Array.from({ length: SLOTS }, (_, j) => ({ key: `${type.toLowerCase()}_${j}`, type, label: { fi: payloads[(t * SLOTS + j) % payloads.length]!.text } })),
  );
  const topics = payloads.slice(fields.length, fields.length + 30).map((p, n) => ({ id: `t${n}`, label: { fi: p.text } }));
  await must('POST', 'forms', { id, title: { fi: 'Kaavainjektio' }, fields, categories: topics, status: 'open' });
  // Each submission fills one slot of every type with the same payload: every payload lands in
  // each kind of field, and the submissions stay under the per-form rate limit (10 a minute).
  for (let s = 0; s * SLOTS < payloads.length; s++) {
    const answers: Record<string, unknown> = {};
    fields.forEach((field, n) => {
      const text = payloads[(s * SLOTS + (n % SLOTS)) % payloads.length]!.text;
      answers[field.key] = field.type === 'location' ? { address: text } : text;
    });
    const subject = payloads[(s * 7 + 3) % payloads.length]!.text;
    const response = await fetch(`${api}/forms/${id}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers, category: topics[s % topics.length]!.id, context: { subject } }),
    });
    if (response.status !== 201) throw new Error(`submission ${s}: ${response.status} ${await response.text()}`);
  }
  // What the API stored (trimmed), read back: the texts the export must show.
  const stored = (await must('GET', `forms/${id}`, undefined, auth)) as { fields: { label: { fi: string } }[]; categories: { label: { fi: string } }[] };
  const queue = (await must('GET', `submissions?form=${id}&limit=100`, undefined, auth)) as { items: { answers: Record<string, unknown>; context?: { subject?: string } }[] };
  expect(queue.items).toHaveLength(Math.ceil(payloads.length / SLOTS));
  const texts = [
    ...stored.fields.map((f) => f.label.fi),
    ...stored.categories.map((c) => c.label.fi),
    ...queue.items.flatMap((item) => [
      ...Object.values(item.answers).map((a) => (typeof a === 'string' ? a : (a as { address: string }).address)),
      ...(item.context?.subject ? [item.context.subject] : []),
    ]),
  ];
  return { name: 'form', texts, ...(await downloads(`forms/${id}`)) };
}

/** A multiple-choice poll whose options carry part of the corpus; a ballot for each option alone, and one for all. */
async function seedPoll(group: readonly FormulaPayload[], n: number): Promise<Export & PollSeed> {
  const id = `kaava-kysely-${run}-${n}`;
  const caseId = group.find((p) => p.text.trim().length <= 60 && p.kind !== 'legitimate')!.text;
  await must('POST', 'polls', {
    id,
    kind: 'multiple',
    question: { fi: group[0]!.text },
    options: group.map((p, i) => ({ id: `o${i}`, label: { fi: p.text } })),
    minChoices: 1,
    maxChoices: group.length,
    resultsVisibility: 'always',
    status: 'open',
    caseId,
  });
  const ballots = [...group.map((_, i) => [`o${i}`]), group.map((_, i) => `o${i}`)];
  for (const choices of ballots) {
    await must('POST', `polls/${id}/ballots`, { choices }, { 'Content-Type': 'application/json', 'X-Voter-Token': `kaava-${crypto.randomUUID()}` });
  }
  const stored = (await must('GET', `polls/${id}`, undefined, auth)) as { question: { fi: string }; caseId: string; options: { id: string; label: { fi: string } }[] };
  const options = stored.options.map((o) => ({ id: o.id, label: o.label.fi }));
  return { name: `poll${n}`, id, options, total: ballots.length, texts: [stored.question.fi, stored.caseId, ...options.map((o) => o.label)], ...(await downloads(`polls/${id}`)) };
}

/** CSV as a writer that only quotes (RFC 4180) would write the corpus: what the detector must catch. */
function unneutralisedCsv(delimiter: string): string {
  const cell = (text: string) => (/["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text);
  return `\uFEFF${payloads.map((p) => `${p.id}${delimiter}${cell(p.text.trim())}\r\n`).join('')}`;
}

const lineEnds = (text: string) => text.replace(/\r\n?/g, '\n');
/** The text a reader sees, whatever the export put in front of a would-be formula to keep it text. */
const unneutralised = (text: string) => lineEnds(text).replaceAll("'", '');
const cellsOf = (sheet: Spreadsheet) => sheet.sheets.flatMap((s) => s.rows.flat());
const formulaCells = (book: XlsxWorkbook) => book.sheets.flatMap((s) => s.rows.flat()).filter((c) => c?.formula !== undefined).length;
const nativeOpening = (delimiter: DelimiterName) => OPENINGS.find((o) => o.native === delimiter)!;

beforeAll(async () => {
  form = await seedForm();
  const size = Math.ceil(payloads.length / Math.ceil(payloads.length / 30));
  for (let i = 0; i * size < payloads.length; i++) polls.push(await seedPoll(payloads.slice(i * size, (i + 1) * size), i + 1));

  const inputs = join(work, 'in');
  mkdirSync(inputs);
  const csvFiles: string[] = [];
  const xlsxFiles: string[] = [];
  for (const exp of [form, ...polls]) {
    for (const [delimiter, text] of Object.entries(exp.csv)) {
      csvFiles.push(join(inputs, `${exp.name}-${delimiter}.csv`));
      writeFileSync(csvFiles.at(-1)!, text);
    }
    xlsxFiles.push(join(inputs, `${exp.name}.xlsx`));
    writeFileSync(xlsxFiles.at(-1)!, exp.xlsx);
  }
  for (const [delimiter, char] of Object.entries(DELIMITERS)) {
    csvFiles.push(join(inputs, `control-${delimiter}.csv`));
    writeFileSync(csvFiles.at(-1)!, unneutralisedCsv(char));
  }
  const control = await writeXlsx({ sheets: [{ name: 'Kontrolli', rows: [['=1+1', null]], cells: new Map([['0,1', { formula: '1+1' }]]) }] });
  controlXlsxFormulas = formulaCells(readXlsx(control));
  xlsxFiles.push(join(inputs, 'control.xlsx'));
  writeFileSync(xlsxFiles.at(-1)!, control);

  // One soffice run per way of opening, all files at once, on one profile, one run after another.
  const profile = join(work, 'profile');
  const record = (file: string, how: string, sheet: Spreadsheet) => {
    const name = file.slice(inputs.length + 1);
    opened.set(name, (opened.get(name) ?? new Map()).set(how, sheet));
  };
  for (const [i, opening] of OPENINGS.entries()) {
    const made = await convertToFods(csvFiles, join(work, `out-${i}`), { profile, infilter: csvImportFilter(opening.separators, opening.language, opening.trimSpaces) });
    made.forEach((path, i) => record(csvFiles[i]!, opening.name, readFods(path)));
  }
  const made = await convertToFods(xlsxFiles, join(work, 'out-xlsx'), { profile });
  made.forEach((path, i) => record(xlsxFiles[i]!, 'as XLSX', readFods(path)));
  for (const delimiter of Object.keys(DELIMITERS)) {
    for (const [how, sheet] of opened.get(`control-${delimiter}.csv`)!) controlFormulas[`${delimiter} file ${how}`] = sheet.formulas;
  }
}, 240_000);

afterAll(() => {
  const files = [...opened.values()].reduce((sum, hows) => sum + hows.size, 0);
  const live = [...opened.entries()].filter(([name]) => !name.startsWith('control')).reduce((sum, [, hows]) => sum + [...hows.values()].reduce((s, sheet) => s + sheet.formulas, 0), 0);
  const csvOpenings = [...opened.entries()].filter(([name]) => name.endsWith('.csv') && !name.startsWith('control')).reduce((sum, [, hows]) => sum + hows.size, 0);
  console.log(
    [
      `formula injection: ${payloads.length} payloads; exports: form + ${polls.length} polls, each as CSV ";" and "," and XLSX`,
      `opened in LibreOffice Calc (the one spreadsheet program here; no Excel): ${csvOpenings} CSV openings (${csvOpenings / OPENINGS.length} files × ${OPENINGS.length} ways of splitting) + ${1 + polls.length} XLSX = ${files} incl. controls`,
      `payload × way of splitting × program readings: ${payloads.length} × ${OPENINGS.length} × 1 (LibreOffice) per CSV export = ${payloads.length * OPENINGS.length}`,
      `live formulas in the exports: ${live}; in the unneutralised controls: ${JSON.stringify(controlFormulas)}, control XLSX <f> cells: ${controlXlsxFormulas}`,
    ].join('\n'),
  );
  rmSync(work, { recursive: true, force: true });
});

describe('the export-injection corpus opened in LibreOffice', () => {
  it('is seen as formulas when written without neutralising (the detector works)', () => {
    for (const delimiter of Object.keys(DELIMITERS)) {
      for (const [how, sheet] of opened.get(`control-${delimiter}.csv`)!) {
        expect(sheet.formulas, `control-${delimiter}.csv ${how}`).toBeGreaterThan(0);
        expect(cellsOf(sheet).filter((c) => c.formula).length).toBe(sheet.formulas);
      }
    }
    expect(controlXlsxFormulas).toBe(1);
    expect(opened.get('control.xlsx')!.get('as XLSX')!.formulas).toBe(1);
  });

  it('has no live formula in any export, whichever separator the CSV is split at', () => {
    const found: string[] = [];
    let readings = 0;
    for (const [name, hows] of opened) {
      if (name.startsWith('control')) continue;
      for (const [how, sheet] of hows) {
        readings++;
        if (sheet.formulas) found.push(`${name} ${how}: ${sheet.formulas} (${cellsOf(sheet).filter((c) => c.formula).map((c) => c.formula).slice(0, 5).join(' · ')})`);
      }
    }
    expect(readings).toBe((1 + polls.length) * (2 * OPENINGS.length + 1));
    expect(found).toEqual([]);
  });

  it('has no formula in the XLSX files themselves (what Excel would evaluate)', () => {
    for (const exp of [form, ...polls]) expect(formulaCells(readXlsx(exp.xlsx)), exp.name).toBe(0);
  });

  it('shows every payload as the text that was typed, read with the export\'s own separator', () => {
    const intact = new Set(payloads.filter((p) => p.intact).map((p) => p.text));
    for (const exp of [form, ...polls]) {
      expect(exp.texts.length).toBeGreaterThan(0);
      for (const delimiter of Object.keys(DELIMITERS) as DelimiterName[]) {
        const cells = cellsOf(opened.get(`${exp.name}-${delimiter}.csv`)!.get(nativeOpening(delimiter).name)!);
        const missing = exp.texts.filter((text) => !cells.some((c) => unneutralised(c.text) === unneutralised(text)));
        expect(missing, `${exp.name} ${delimiter}`).toEqual([]);
        // Legitimate text is not touched at all, and whatever looked like a formula stays text.
        for (const text of exp.texts.filter((t) => intact.has(t))) expect(cells.some((c) => c.text === text), `${exp.name} ${delimiter}: ${text}`).toBe(true);
        const notText = exp.texts.filter((t) => !intact.has(t)).flatMap((t) => cells.filter((c) => unneutralised(c.text) === unneutralised(t) && c.type !== 'string'));
        expect(notText, `${exp.name} ${delimiter}`).toEqual([]);
      }
      const xlsxCells = cellsOf(opened.get(`${exp.name}.xlsx`)!.get('as XLSX')!);
      const raw = readXlsx(exp.xlsx).sheets.flatMap((s) => s.rows.flat());
      for (const text of exp.texts) {
        expect(xlsxCells.some((c) => lineEnds(c.text) === lineEnds(text)), `${exp.name}.xlsx in LibreOffice: ${JSON.stringify(text)}`).toBe(true);
        expect(raw.some((c) => c?.value === text), `${exp.name}.xlsx: ${JSON.stringify(text)}`).toBe(true);
      }
    }
    // A resident's "-5" is the text they typed, not the number −5.
    const minusFive = cellsOf(opened.get('form-semicolon.csv')!.get(nativeOpening('semicolon').name)!).filter((c) => unneutralised(c.text) === '-5');
    expect(minusFive.length).toBeGreaterThan(0);
    expect(minusFive.every((c) => c.type === 'string')).toBe(true);
  });

  it('keeps the numbers the poll export writes (ballots, votes, shares, ballot numbers) numbers', () => {
    const t = EXPORT_LABELS.fi;
    for (const poll of polls) {
      const share = Math.round((2 / poll.total) * 1000) / 10;
      for (const delimiter of Object.keys(DELIMITERS) as DelimiterName[]) {
        const rows = opened.get(`${poll.name}-${delimiter}.csv`)!.get(nativeOpening(delimiter).name)!.sheets[0]!.rows;
        const where = `${poll.name} ${delimiter}`;
        const total = rows.find((r) => r[0]?.text === t.ballots)?.[1];
        expect(total, where).toMatchObject({ type: 'float', value: String(poll.total) });
        for (const option of poll.options) {
          const row = rows.find((r) => r[1]?.text === option.id);
          expect(row?.[2], `${where} ${option.id}`).toMatchObject({ type: 'float', value: '2' });
          expect(Number(row?.[3]?.value), `${where} ${option.id}`).toBeCloseTo(share, 5);
          expect(row?.[3]?.type).toBe('float');
        }
        const heading = rows.findIndex((r) => r[0]?.text === t.number);
        const numbers = rows.slice(heading + 1).filter((r) => r[0]?.text).map((r) => r[0]!);
        expect(numbers.map((c) => [c.type, c.value]), where).toEqual(Array.from({ length: poll.total }, (_, i) => ['float', String(i + 1)]));
      }
      const book = readXlsx(poll.xlsx);
      const counts = book.sheets[0]!.rows.flatMap((r) => (poll.options.some((o) => o.id === r[1]?.value) ? [r[2]?.value] : []));
      expect(counts, `${poll.name}.xlsx`).toEqual(poll.options.map(() => 2));
    }
  });
});
