/** CSV that opens right in Excel, Finnish Excel included, and cannot smuggle in formulas. */

export type Delimiter = ';' | ',';
export type Cell = string | number | null | undefined;

/** UTF-8 byte order mark: without it Excel reads UTF-8 as the local code page and breaks "ä". */
export const BOM = '\uFEFF';

/**
 * Where a spreadsheet may start a cell: the start of ours, and after any character that some
 * program may take for a separator or a line end (",", ";", tab, "|", CR, LF), with spaces and
 * quote marks it may strip. Excel and LibreOffice pick the separator from the locale or the
 * user, not from the file: a ";" export opened with "," splits `Puisto,=1+1` into two cells, and
 * our quoting does not help, since a quote mark counts only at the start of a cell as they split
 * it.
 */
const CELL_START = /(?<=^|[,;\t|\r\n])([ "]*)(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * Text with an apostrophe before every part that a spreadsheet could read as a formula (one that
 * starts with =, +, -, @, their fullwidth forms, tab or carriage return), whichever separator it
 * splits the line at: at the start (`=1+1` → `'=1+1`) and after a separator
 * (`Puisto;=1+1` → `Puisto;'=1+1`), so it shows as text, never runs (CSV/formula injection).
 * Numbers are written as numbers and never pass through here.
 */
export function neutralise(text: string): string {
  return text.replace(CELL_START, "$1'");
}

/** Whether `neutralise` would change `text`: it holds something a spreadsheet could read as a formula. */
export function looksLikeFormula(text: string): boolean {
  CELL_START.lastIndex = 0;
  return CELL_START.test(text);
}

/** One cell as it goes into a row: formula-safe, quoted when it must be. */
export function csvCell(value: Cell, delimiter: Delimiter): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(value, delimiter) : neutralise(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Numbers in the convention the delimiter implies: ";" goes with the decimal comma. */
export function formatNumber(value: number, delimiter: Delimiter): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return delimiter === ';' ? text.replace('.', ',') : text;
}

export function csvRow(cells: Cell[], delimiter: Delimiter): string {
  return `${cells.map((value) => csvCell(value, delimiter)).join(delimiter)}\r\n`;
}
