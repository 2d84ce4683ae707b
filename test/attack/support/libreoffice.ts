/**
 * LibreOffice Calc for the export attack suite: opens files the way a person's spreadsheet would
 * (headless `soffice --convert-to`), and reads what it made of them back from flat ODS (FODS).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** LibreOffice: `SOFFICE_PATH`, else Debian's `/usr/bin/soffice`. */
export function sofficePath(): string {
  const path = process.env.SOFFICE_PATH || '/usr/bin/soffice';
  if (!existsSync(path)) {
    throw new Error(
      [
        `No LibreOffice at ${path}. The export attack suite opens every export in a real spreadsheet program and never skips.`,
        'Install it with:   sudo apt-get install -y libreoffice-calc-nogui',
        'or point SOFFICE_PATH at a soffice binary:   SOFFICE_PATH=/path/to/soffice npm test',
      ].join('\n'),
    );
  }
  return path;
}

/**
 * The CSV import filter as a person opening the file gets it: split at each of `separators`,
 * `"` as the text delimiter, UTF-8, from line 1, numbers read in `language`'s convention (1035
 * Finnish: decimal comma; 1033 US English: decimal point), quoted fields not forced to text,
 * special numbers (dates) detected, spaces kept unless `trimSpaces`, and formulas evaluated: a
 * cell starting with "=" becomes a live formula, as it does when the file is opened by hand.
 * Tokens by position (LibreOffice's "CSV Filter Options"): 1 separators, 2 text delimiter,
 * 3 charset, 4 first line, 5 column formats, 6 language, 7 quoted field as text, 8 detect
 * special numbers, 9–10 export only, 11 trim spaces, 12 export only, 13 evaluate formulas.
 */
export function csvImportFilter(separators: string, language: number, trimSpaces = false): string {
  const codes = [...separators].map((c) => c.charCodeAt(0)).join('/');
  const tokens = [codes, 34, 76, 1, '', language, false, true, false, false, trimSpaces, -1, true];
  return `Text - txt - csv (StarCalc):${tokens.join(',')}`;
}

/**
 * Converts `files` to FODS in `outDir` with one soffice run (one start-up for all of them),
 * through `infilter` if given. `profile` is a directory of its own: two soffice processes on
 * one profile get in each other's way. Fails with soffice's output when it fails or leaves a
 * file out. Answers the FODS paths, in the order of `files`.
 */
export async function convertToFods(files: string[], outDir: string, options: { profile: string; infilter?: string; timeoutMs?: number }): Promise<string[]> {
  const args = [
    '--headless',
    '--norestore',
    '--nologo',
    `-env:UserInstallation=file://${options.profile}`,
    ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
    '--convert-to',
    'fods',
    '--outdir',
    outDir,
    ...files,
  ];
  const { code, signal, output } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    const child = spawn(sofficePath(), args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 100_000, killSignal: 'SIGKILL' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
  const made = files.map((file) => join(outDir, `${basename(file, extname(file))}.fods`));
  const missing = made.filter((path) => !existsSync(path));
  if (code !== 0 || missing.length) {
    throw new Error(`soffice ${args.join(' ')}\nexited with ${signal ?? code}${missing.length ? `, without ${missing.join(', ')}` : ''}:\n${output}`);
  }
  return made;
}

export interface SheetCell {
  /** `table:formula`, when LibreOffice made the cell a formula. */
  formula?: string;
  /** `office:value-type`: "string", "float", "date", "percentage"…; absent for an empty cell. */
  type?: string;
  /** `office:value` (numbers) or `office:date-value`. */
  value?: string;
  /** The text shown, paragraphs joined with "\n". */
  text: string;
}

export interface Spreadsheet {
  sheets: { name: string; rows: SheetCell[][] }[];
  /** Every `table:formula` in the file, counted on the raw XML (so no reading slip can hide one). */
  formulas: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) =>
    ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : ENTITIES[ref]!,
  );
const attributes = (source: string) => Object.fromEntries([...source.matchAll(/([\w:.-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, decode(value!)]));
/** More repeats than this are empty space LibreOffice fills to the sheet's edge; they add nothing. */
const MAX_REPEAT = 1000;

/** The sheets of a FODS file LibreOffice wrote: each cell's formula, type, value and text. */
export function readFods(path: string): Spreadsheet {
  const xml = readFileSync(path, 'utf8');
  const body = xml.slice(xml.indexOf('<office:body>'));
  const sheets: Spreadsheet['sheets'] = [];
  let rows: SheetCell[][] = [];
  let row: SheetCell[] | null = null;
  let rowRepeat = 1;
  let cell: SheetCell | null = null;
  let cellRepeat = 1;
  /** The cell's paragraphs so far, and whether text now goes into the last one. */
  let paragraphs: string[] = [];
  let inParagraph = false;
  const tokens = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const [, closing, name, attrs = '', selfClosing, text] of body.matchAll(tokens)) {
    if (text !== undefined) {
      if (inParagraph) paragraphs[paragraphs.length - 1] += decode(text);
      continue;
    }
    const a = attributes(attrs);
    const open = !closing;
    const ends = !!closing || !!selfClosing;
    const add = (more: string) => inParagraph && open && (paragraphs[paragraphs.length - 1] += more);
    if (name === 'table:table' && open) sheets.push({ name: a['table:name'] ?? '', rows: (rows = []) });
    else if (name === 'table:table-row') {
      if (open) {
        row = [];
        rowRepeat = Math.min(Number(a['table:number-rows-repeated'] ?? 1), MAX_REPEAT);
      }
      if (ends && row) {
        const filled = row.some((c) => c.text || c.formula || c.type);
        for (let i = 0; i < (filled ? rowRepeat : 1); i++) rows.push(row);
        row = null;
      }
    } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
      if (open) {
        cell = { text: '', ...(a['table:formula'] ? { formula: a['table:formula'] } : {}), ...(a['office:value-type'] ? { type: a['office:value-type'] } : {}) };
        const value = a['office:value'] ?? a['office:date-value'];
        if (value !== undefined) cell.value = value;
        cellRepeat = Math.min(Number(a['table:number-columns-repeated'] ?? 1), MAX_REPEAT);
        paragraphs = [];
        inParagraph = false;
      }
      if (ends && cell && row) {
        cell.text = paragraphs.join('\n');
        for (let i = 0; i < cellRepeat; i++) row.push(cell);
        cell = null;
      }
    } else if (name === 'text:p' && cell) {
      if (open) paragraphs.push('');
      inParagraph = open && !selfClosing;
    } else if (name === 'text:s') add(' '.repeat(Number(a['text:c'] ?? 1)));
    else if (name === 'text:tab') add('\t');
    else if (name === 'text:line-break') add('\n');
  }
  return { sheets, formulas: (xml.match(/\stable:formula="/g) ?? []).length };
}
