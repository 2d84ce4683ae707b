/**
 * Reads an .xlsx file back for the suites, as Excel would: unzipped with fflate, every part
 * checked for well-formed XML (./xml.ts), sheets in workbook order with their names, shared and
 * inline strings resolved (OOXML's "_xHHHH_" escapes decoded), each cell's type, value, formula
 * (if any) and number format, and whether that format makes it a date.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parseXml } from './xml.ts';
import type { XmlNode } from './xml.ts';

export interface XlsxCell {
  ref: string;
  /** The cell's `t`: "n" (number, the default), "s" (shared string), "inlineStr", "str", "b", "e". */
  type: string;
  value: string | number | boolean | null;
  /** The formula text when the cell holds one; an export's never should. */
  formula?: string;
  numFmt: string;
  /** A number shown as a date or time. */
  isDate: boolean;
}

export interface XlsxSheet {
  name: string;
  /** Rows from row 1, cells by column from A; empty cells undefined. */
  rows: (XlsxCell | undefined)[][];
  /** The worksheet part as written. */
  xml: string;
  /** Its frozen rows, from the pane's `ySplit`. */
  frozenRows: number;
  autoFilter?: string;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  sheet(name: string): XlsxSheet;
  parts: string[];
  title?: string;
}

const decode = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const children = (node: XmlNode | undefined, name: string) => (node?.children ?? []).filter((c) => c.name === name);
const child = (node: XmlNode | undefined, name: string) => children(node, name)[0];
/** A string item's text: its own <t>, or its rich-text runs' <t>s joined. */
const stringItem = (node: XmlNode) => decode([child(node, 't'), ...children(node, 'r').map((r) => child(r, 't'))].map((t) => t?.text ?? '').join(''));

const BUILT_IN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 9: '0%', 10: '0.00%', 14: 'm/d/yyyy', 22: 'm/d/yyyy h:mm', 49: '@' };
const isDateFormat = (code: string) => /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) && code !== 'General';

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function readXlsx(bytes: Uint8Array): XlsxWorkbook {
  const files = unzipSync(bytes);
  const xml = (path: string): XmlNode => {
    const part = files[path];
    if (!part) throw new Error(`The file has no ${path}; it has ${Object.keys(files).join(', ')}`);
    const text = strFromU8(part);
    // ./xml.ts takes the declaration without `standalone`, which changes nothing here.
    return parseXml(text.replace(/^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>/, '<?xml version="1.0" encoding="UTF-8"?>'));
  };
  for (const path of Object.keys(files)) if (/\.(xml|rels)$/.test(path)) xml(path); // every part well-formed

  const shared = files['xl/sharedStrings.xml'] ? children(xml('xl/sharedStrings.xml'), 'si').map(stringItem) : [];
  const styles = xml('xl/styles.xml');
  const custom = new Map(children(child(styles, 'numFmts'), 'numFmt').map((f) => [Number(f.attrs.numFmtId), f.attrs.formatCode!]));
  const formats = children(child(styles, 'cellXfs'), 'xf').map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    return custom.get(id) ?? BUILT_IN_FORMATS[id] ?? `builtin:${id}`;
  });

  const rels = new Map(children(xml('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => [r.attrs.Id!, r.attrs.Target!]));
  const sheets = children(child(xml('xl/workbook.xml'), 'sheets'), 'sheet').map((entry): XlsxSheet => {
    const target = rels.get(entry.attrs['r:id']!)!;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const root = xml(path);
    const rows: (XlsxCell | undefined)[][] = [];
    for (const row of children(child(root, 'sheetData'), 'row')) {
      const cells: (XlsxCell | undefined)[] = [];
      for (const c of children(row, 'c')) {
        const type = c.attrs.t ?? 'n';
        const numFmt = formats[Number(c.attrs.s ?? 0)] ?? 'General';
        const v = child(c, 'v')?.text;
        const f = child(c, 'f');
        let value: XlsxCell['value'] = null;
        if (type === 's') value = shared[Number(v)] ?? null;
        else if (type === 'inlineStr') value = stringItem(child(c, 'is')!);
        else if (type === 'b') value = v === '1';
        else if (type === 'n' && v !== undefined) value = Number(v);
        else if (v !== undefined) value = decode(v);
        cells[columnIndex(c.attrs.r!)] = { ref: c.attrs.r!, type, value, numFmt, isDate: type === 'n' && isDateFormat(numFmt), ...(f ? { formula: f.text } : {}) };
      }
      rows[Number(row.attrs.r) - 1] = cells;
    }
    const pane = child(child(child(root, 'sheetViews'), 'sheetView'), 'pane');
    return { name: entry.attrs.name!, rows: Array.from(rows, (r) => r ?? []), xml: strFromU8(files[path]!), frozenRows: Number(pane?.attrs.ySplit ?? 0), autoFilter: child(root, 'autoFilter')?.attrs.ref };
  });
  const core = files['docProps/core.xml'] ? xml('docProps/core.xml') : undefined;
  return {
    sheets,
    sheet: (name) => sheets.find((s) => s.name === name) ?? (() => { throw new Error(`No sheet "${name}": ${sheets.map((s) => s.name).join(', ')}`); })(),
    parts: Object.keys(files),
    title: core?.children.find((c) => c.name === 'dc:title')?.text,
  };
}

/** A row's values, empty cells as null. */
export const values = (row: (XlsxCell | undefined)[] | undefined) => Array.from(row ?? [], (c) => c?.value ?? null);

/** An Excel date-time serial as the "YYYY-MM-DD hh:mm:ss" it shows with that format. */
export function serialText(serial: number): string {
  const ms = Math.round((serial - 25_569) * 86_400) * 1000;
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** A workbook from an export response, with its headers checked to be an XLSX download. */
export async function workbookOf(response: Response): Promise<XlsxWorkbook> {
  if (response.status !== 200) throw new Error(`export: ${response.status} ${await response.text()}`);
  return readXlsx(new Uint8Array(await response.arrayBuffer()));
}
