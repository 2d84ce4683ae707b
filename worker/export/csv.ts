/** CSV that opens right in Excel, Finnish Excel included, and cannot smuggle in formulas. */

export type Delimiter = ';' | ',';
export type Cell = string | number | null | undefined;

/** UTF-8 byte order mark: without it Excel reads UTF-8 as the local code page and breaks "ä". */
export const BOM = '\uFEFF';

/**
 * A text cell that a spreadsheet would take for a formula (=, +, -, @, tab, carriage return
 * first) gets a leading apostrophe, so it shows as the text it is (CSV/formula injection).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: Cell, delimiter: Delimiter): string {
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
  return `${cells.map((value) => cell(value, delimiter)).join(delimiter)}\r\n`;
}
