/**
 * XLSX exports: real cell types (numbers, dates, text), built with hucre.
 *
 * Why hucre: it is the one writer found that runs in workerd as it is. write-excel-file's
 * `./universal` (and `./browser`) zip through fflate's async `zip()`, which hands any part of
 * 160 kB or more (a sheet of ~2,000 ballots) to a Web Worker, and workerd has none: "Worker is not
 * defined" (write-excel-file issue #18, open). Its `./node` needs node:fs and node:stream.
 * xlsx-kaku overflows the stack at 200,000 rows (`Math.min(...rows)`); exceljs needs Node's
 * built-ins; SheetJS is no longer published to npm.
 *
 * Memory: unlike CSV and NDJSON, which stream one page of rows at a time, an XLSX file is a zip
 * of whole XML parts. The rows are held, then hucre's model of every cell, then the sheet's XML,
 * its UTF-8 bytes and the compressed file (what goes out, with a Content-Length). Measured with
 * this code in V8 (Node 22, --max-old-space-size), the working memory is about 250 bytes per cell
 * plus 3 bytes per character of text: a ballot (4 cells) about 1 kB. Under a 100 MB old space,
 * about what a 128 MB Workers isolate leaves for it, 90,000 ballots fit and 100,000 do not;
 * 25,000 feedback rows of 14 columns fit and 40,000 do not. Hence `XLSX_LIMITS`: about half of
 * that, since the isolate also serves other requests (another export among them); a workbook at
 * the limit builds within an 80 MB old space, and through `wrangler dev` 49,000 ballots take about
 * a second and 0.8 MB (test/bench/export.ts). Above the limit the
 * export answers 422 `xlsx_too_large`, pointing to CSV and NDJSON, and never builds a workbook
 * that would run the isolate out of memory (a 5xx, and a dropped isolate for everyone on it).
 * A known row count is checked before anything is read; text is counted as it is read.
 */
import { ApiError } from '../errors.ts';
import { xmlChars } from '../xml.ts';
import { colToLetter, writeXlsx } from 'hucre/xlsx';
import type { Cell, CellStyle, CellValue, ColumnDef, WriteSheet } from 'hucre/xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Estimated working memory per cell, and per character of text (see above). */
export const XLSX_CELL_BYTES = 250;
export const XLSX_CHAR_BYTES = 3;

/**
 * The most working memory one XLSX export may need, as estimated: about 50,000 ballots, or
 * 13,000 feedback rows of 14 columns with a short text each (fewer the more text they hold).
 */
export const XLSX_LIMITS = { memoryBytes: 50_000_000 };

/** Excel's limit on the characters in one cell; longer text would make Excel "repair" the file. */
export const EXCEL_CELL_CHARS = 32_767;

/**
 * Counts what goes into one workbook against `XLSX_LIMITS` (cells of the data sheet, text of all
 * sheets), and the cells cut to Excel's limit.
 */
export class XlsxBudget {
  cells = 0;
  textChars = 0;
  truncated = 0;

  /** `what`: the export, for the error ('Poll "x"'); `columns`: the width of its data sheet. */
  constructor(
    readonly what: string,
    readonly columns: number,
    readonly limits = XLSX_LIMITS,
  ) {}

  /** Fails before anything is read when `rows` data rows alone would not fit. */
  expect(rows: number): void {
    if (rows * this.columns * XLSX_CELL_BYTES > this.limits.memoryBytes) throw this.tooLarge(`${rows.toLocaleString('en')} rows`);
  }

  row(cells: number): void {
    this.cells += cells;
    this.check();
  }

  text(length: number): void {
    this.textChars += length;
    this.check();
  }

  private check(): void {
    if (this.cells * XLSX_CELL_BYTES + this.textChars * XLSX_CHAR_BYTES > this.limits.memoryBytes) this.tooLarge('its rows and text');
  }

  private tooLarge(size: string): never {
    const rows = Math.floor(this.limits.memoryBytes / (this.columns * XLSX_CELL_BYTES));
    throw new ApiError(
      422,
      'xlsx_too_large',
      `${this.what} is too large for an XLSX file, which is built in memory: ${size} are over its limit of about ${rows.toLocaleString('en')} rows of ${this.columns} columns ` +
        '(fewer when they hold a lot of text). Use format=csv (Excel opens it too) or format=ndjson: they stream any size.',
    );
  }
}

export type Kind = 'text' | 'integer' | 'percent' | 'datetime';
export type Value = string | number | null | undefined;

export interface Column {
  heading: string;
  kind: Kind;
  /** In characters. */
  width?: number;
}

// One style object per kind, shared by every cell of its columns (hucre keys styles by content).
const STYLES: Record<Kind, CellStyle | undefined> = {
  text: undefined,
  integer: undefined,
  percent: { numFmt: '0.0%' },
  datetime: { numFmt: 'yyyy-mm-dd hh:mm:ss' },
};
const HEADING: CellStyle = { font: { bold: true }, alignment: { vertical: 'top', wrapText: true } };
/** Text format: a cell keeps being text even when someone edits it and presses Enter. */
const AS_TEXT: CellStyle = { numFmt: '@' };
const WRAPPED: CellStyle = { alignment: { vertical: 'top', wrapText: true } };

/** What neither XML 1.0 nor OOXML's "_xHHHH_" escape can carry: U+FFFE, U+FFFF, lone surrogates. */
const NOT_IN_XLSX = /[\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text that Excel would take for a formula if it were typed in (see csv.ts `neutralise`). */
const FORMULA_LIKE = /^[ "]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// hucre writes these exact strings as error cells (t="e"); a resident may well type "#N/A".
const ERROR_LITERALS = new Set(['#VALUE!', '#REF!', '#N/A', '#NAME?', '#NULL!', '#DIV/0!', '#NUM!', '#GETTING_DATA', '#SPILL!', '#CALC!']);

/**
 * A sheet filled row by row. Every string is written as a shared string (t="s"), which Excel
 * shows as text and never evaluates: "=HYPERLINK(…)" or "+1+1" is the text a resident typed,
 * not a formula, and no cell of an export is ever a formula. Text that looks like one also gets
 * the Text format, so editing the cell keeps it text.
 */
export class SheetBuilder {
  private readonly rows: CellValue[][];
  private readonly cells = new Map<string, Partial<Cell>>();

  constructor(
    readonly name: string,
    private readonly columns: Column[],
    private readonly budget: XlsxBudget,
    private readonly options: { table?: boolean; wrap?: boolean } = {},
  ) {
    this.rows = [columns.map((c, i) => this.text(c.heading, 0, i))];
    columns.forEach((_, i) => this.cells.set(`0,${i}`, { ...this.cells.get(`0,${i}`), style: HEADING }));
  }

  /** Data rows so far (the heading row not counted). */
  get length(): number {
    return this.rows.length - 1;
  }

  /**
   * A row of values in the columns' order; `kinds` overrides a column's kind for a number (a date
   * in a column of text, say).
   * `countText: false` when the caller counts its text itself (text repeated row after row is one
   * shared string in the file, and one string in memory when the caller reuses it).
   */
  add(values: Value[], kinds: (Kind | undefined)[] = [], countText = true): void {
    if (this.options.table) this.budget.row(values.length);
    const r = this.rows.length;
    // Sized up front: an array grown by push() reserves room for 17 values, and there is one per row.
    const row = new Array<CellValue>(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'string') row[i] = this.text(value, r, i, countText);
      else row[i] = value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value;
      const kind = kinds[i];
      if (typeof value === 'number' && kind && kind !== this.columns[i]?.kind && STYLES[kind]) this.cells.set(`${r},${i}`, { style: STYLES[kind] });
    }
    this.rows.push(row);
  }

  private text(raw: string, r: number, c: number, count = true): string | null {
    if (raw === '') return null;
    if (count) this.budget.text(raw.length);
    // U+FFFE, U+FFFF or a lone surrogate would leave the part not well-formed, and Excel would
    // "repair" the file by dropping content: one resident could spoil the official's export.
    // (Other control characters are fine: hucre writes them as OOXML's "_x0007_".)
    let text = raw.replace(NOT_IN_XLSX, '');
    if (text === '') return null;
    if (text.length > EXCEL_CELL_CHARS) {
      let end = EXCEL_CELL_CHARS - 1;
      if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--; // never split a surrogate pair
      text = `${text.slice(0, end)}…`;
      this.budget.truncated++;
    }
    // "_x0041_" in a cell means "A" to Excel (OOXML's escape, which hucre uses for control
    // characters), so a literal one gets its underscore escaped.
    text = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
    if (ERROR_LITERALS.has(text)) this.cells.set(`${r},${c}`, { richText: [{ text }], style: AS_TEXT });
    else if (FORMULA_LIKE.test(text)) this.cells.set(`${r},${c}`, { style: this.options.wrap ? { ...WRAPPED, ...AS_TEXT } : AS_TEXT });
    return text;
  }

  toSheet(): WriteSheet {
    const last = colToLetter(this.columns.length - 1);
    const columns: ColumnDef[] = this.columns.map((c) => ({ width: c.width, style: c.kind === 'text' && this.options.wrap ? WRAPPED : STYLES[c.kind] }));
    return {
      name: this.name,
      columns,
      rows: this.rows,
      cells: this.cells,
      freezePane: { rows: 1 },
      ...(this.options.table ? { autoFilter: { range: `A1:${last}${this.rows.length}` } } : {}),
    };
  }
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBytes(sheets: SheetBuilder[], title: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await writeXlsx({ sheets: sheets.map((s) => s.toSheet()), properties: { title: xmlChars(title), creator: 'Osallistu' } });
  // hucre types its output as over any ArrayBufferLike; it is a plain ArrayBuffer, as a body needs.
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

const helsinkiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});
const HOUR = 3_600_000;
/** Helsinki's offset from UTC per UTC hour (it changes only on whole hours). */
const offsets = new Map<number, number>();

function helsinkiOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(helsinkiParts.formatToParts(new Date(hour * HOUR)).map((part) => [part.type, Number(part.value)]));
    offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - hour * HOUR;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/**
 * A moment as an Excel date-time in Finnish time, whole seconds like the CSV's "2026-11-22
 * 09:15:03". Excel's dates have no time zone, so the wall-clock time is what is stored, and the
 * headings say "Finnish time" as the CSV's do.
 */
export function helsinkiSerial(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const seconds = Math.floor(ms / 1000) * 1000;
  return (seconds + helsinkiOffset(seconds)) / 86_400_000 + 25_569; // 25569: 1970-01-01 in Excel's 1900 system
}
