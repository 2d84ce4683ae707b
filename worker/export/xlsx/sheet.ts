/**
 * One worksheet's XML, written row by row as the rows arrive. Every value keeps its type (numbers
 * and dates are numbers with a format, text is text), and no cell is ever a formula: text is an
 * inline string (t="inlineStr"), which Excel shows as text and never evaluates, so "=HYPERLINK(…)"
 * or "+1+1" is what a resident typed. Text that looks like a formula also gets the Text format,
 * so editing the cell and pressing Enter keeps it text.
 *
 * Inline strings rather than a shared-string table: the table would have to be held until the
 * end, and grow with every distinct answer; inline, memory stays one page of rows at any size.
 */
import { ApiError } from '../../errors.ts';
import { STYLE } from './styles.ts';

export type Kind = 'text' | 'integer' | 'percent' | 'datetime';
export type Value = string | number | null | undefined;

export interface Column {
  heading: string;
  kind: Kind;
  /** In characters. */
  width?: number;
}

export interface SheetOptions {
  /** A data table: the heading row gets an AutoFilter over all rows. */
  table?: boolean;
  /** Text wraps in its cell (the methodology sheet's long explanations). */
  wrap?: boolean;
}

/** Excel's rows per sheet, the heading row included. */
export const EXCEL_ROWS = 1_048_576;

/**
 * Refuses, before anything is read or sent, an export whose `rows` would not fit on one sheet
 * under its heading row: a 422 `xlsx_too_large` that points to the formats without a limit.
 */
export function expectRows(what: string, rows: number): void {
  if (rows + 1 <= EXCEL_ROWS) return;
  throw new ApiError(
    422,
    'xlsx_too_large',
    `${what} has ${rows.toLocaleString('en')} rows, more than the ${(EXCEL_ROWS - 1).toLocaleString('en')} an Excel sheet holds under its heading. ` +
      'Use format=csv or format=ndjson: they stream any size (a database, Power Query or R reads them whole; Excel itself stops at the same row limit).',
  );
}

/** Excel's limit on the characters in one cell; longer text would make Excel "repair" the file. */
export const EXCEL_CELL_CHARS = 32_767;

/** What neither XML 1.0 nor OOXML's "_xHHHH_" escape can carry: U+FFFE, U+FFFF, lone surrogates. */
const NOT_IN_XLSX = /[\uFFFE\uFFFF]|\p{Cs}/gu;
/** Control characters XML 1.0 does not allow, and CR (which XML would read as LF): OOXML writes them "_x0007_". */
const CONTROL = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F]/g;
/** Text that Excel would take for a formula if it were typed in (see csv.ts `neutralise`). */
const FORMULA_LIKE = /^[ "]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Excel's error values: a resident may well type "#N/A", and Excel would read it back as the error when the cell is edited. */
const ERROR_LITERALS = new Set(['#VALUE!', '#REF!', '#N/A', '#NAME?', '#NULL!', '#DIV/0!', '#NUM!', '#GETTING_DATA', '#SPILL!', '#CALC!']);
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const KIND_STYLE: Record<Kind, number> = { text: STYLE.plain, integer: STYLE.plain, percent: STYLE.percent, datetime: STYLE.datetime };

/** "A", "B", … "Z", "AA": a column's letters from its index (0 = A). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** What a piece of text becomes in a cell: cut to Excel's limit, made XML-safe, escaped. */
export interface CellText {
  /** Escaped element content, or null when nothing is left of it. */
  xml: string | null;
  /** It looks like a formula or an error value: it gets the Text format, so editing it keeps it text. */
  textFormat: boolean;
  /** It was cut to Excel's limit. */
  truncated: boolean;
}

/** `raw` as cell text (see CellText). Callers that repeat one text row after row may keep the result. */
export function cellText(raw: string): CellText {
  // U+FFFE, U+FFFF or a lone surrogate would leave the part not well-formed, and Excel would
  // "repair" the file by dropping content: one resident could spoil the official's export.
  let text = raw.replace(NOT_IN_XLSX, '');
  let truncated = false;
  if (text.length > EXCEL_CELL_CHARS) {
    let end = EXCEL_CELL_CHARS - 1;
    if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--; // never split a surrogate pair
    text = `${text.slice(0, end)}…`;
    truncated = true;
  }
  if (text === '') return { xml: null, textFormat: false, truncated };
  const textFormat = FORMULA_LIKE.test(text) || ERROR_LITERALS.has(text);
  // "_x0041_" in a cell means "A" to Excel (OOXML's escape), so a literal one gets its underscore
  // escaped first; then control characters are written that way.
  const xml = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(CONTROL, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[&<>]/g, (ch) => ESCAPES[ch]!);
  return { xml, textFormat, truncated };
}

/**
 * Writes one sheet: `row()` returns a row's XML, `open()` and `close()` what goes around them.
 * Rows are numbered from 2 (the heading is row 1).
 */
export class SheetWriter {
  /** Data rows written so far (the heading row not counted). */
  length = 0;
  /** Text cells cut to Excel's limit. */
  truncated = 0;
  private readonly letters: string[];
  private readonly textStyle: number;
  private readonly textFormatStyle: number;

  constructor(
    readonly name: string,
    readonly columns: Column[],
    readonly options: SheetOptions = {},
  ) {
    this.letters = columns.map((_, i) => columnLetters(i));
    this.textStyle = options.wrap ? STYLE.wrapped : STYLE.plain;
    this.textFormatStyle = options.wrap ? STYLE.wrappedText : STYLE.text;
  }

  /** The part up to the heading row, inclusive. */
  open(): string {
    const cols = this.columns
      .map((c, i) => {
        const style = c.kind === 'text' ? this.textStyle : KIND_STYLE[c.kind];
        return `<col min="${i + 1}" max="${i + 1}"${c.width ? ` width="${c.width}" customWidth="1"` : ' width="12"'}${style ? ` style="${style}"` : ''}/>`;
      })
      .join('');
    const heading = this.columns.map((c, i) => {
      const text = cellText(c.heading);
      return text.xml === null ? '' : `<c r="${this.letters[i]}1" s="${STYLE.heading}" t="inlineStr"><is><t xml:space="preserve">${text.xml}</t></is></c>`;
    });
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${heading.join('')}</row>`
    );
  }

  /**
   * A row of values in the columns' order; `kinds` overrides a column's kind for a number (a date
   * in a column of text, say). Text may come as a `CellText` made once and reused.
   */
  row(values: (Value | CellText)[], kinds: (Kind | undefined)[] = []): string {
    const r = this.length + 2;
    // Only when rows arrived after the count was checked (expectRows): better a failed download than a file Excel cuts.
    if (r > EXCEL_ROWS) throw new Error(`Sheet "${this.name}" is past Excel's ${EXCEL_ROWS} rows`);
    this.length++;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === null || value === undefined || value === '') continue;
      const ref = `${this.letters[i]}${r}`;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) continue;
        const kind = kinds[i] ?? this.columns[i]?.kind ?? 'integer';
        const style = kind === 'text' ? 0 : KIND_STYLE[kind];
        xml += style ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : `<c r="${ref}"><v>${value}</v></c>`;
        continue;
      }
      const text = typeof value === 'string' ? cellText(value) : value;
      if (text.truncated) this.truncated++;
      if (text.xml === null) continue;
      const style = text.textFormat ? this.textFormatStyle : this.textStyle;
      xml += `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${text.xml}</t></is></c>`;
    }
    return `${xml}</row>`;
  }

  /** The end of the part, with the AutoFilter over every row written. */
  close(): string {
    const filter = this.options.table ? `<autoFilter ref="A1:${this.letters.at(-1)}${this.length + 1}"/>` : '';
    return `</sheetData>${filter}</worksheet>`;
  }
}
