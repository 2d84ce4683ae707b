/**
 * The workbook's one style sheet: a fixed handful of cell formats, so no style table grows with
 * the rows. `STYLE` names their indices in cellXfs, as cells refer to them (s="3").
 */

export const STYLE = {
  plain: 0,
  heading: 1,
  percent: 2,
  datetime: 3,
  /** The Text format ("@"): what looks like a formula stays text when edited. */
  text: 4,
  wrapped: 5,
  wrappedText: 6,
} as const;

const PERCENT = 164;
const DATETIME = 165;
const TEXT = 49; // built in: "@"

const xf = (numFmtId: number, options: { bold?: boolean; wrap?: boolean } = {}) =>
  `<xf numFmtId="${numFmtId}" fontId="${options.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
  `${numFmtId ? ' applyNumberFormat="1"' : ''}${options.bold ? ' applyFont="1"' : ''}` +
  (options.wrap ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : '/>');

// In STYLE's order.
const CELL_FORMATS = [xf(0), xf(0, { bold: true, wrap: true }), xf(PERCENT), xf(DATETIME), xf(TEXT), xf(0, { wrap: true }), xf(TEXT, { wrap: true })];

const font = (bold: boolean) => `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;

export const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<numFmts count="2"><numFmt numFmtId="${PERCENT}" formatCode="0.0%"/><numFmt numFmtId="${DATETIME}" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>` +
  `<fonts count="2">${font(false)}${font(true)}</fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${CELL_FORMATS.length}">${CELL_FORMATS.join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
