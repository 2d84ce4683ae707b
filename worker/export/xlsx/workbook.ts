/**
 * An .xlsx workbook streamed as it is written: the small parts first (they are known before any
 * row is read), then each sheet's XML as its rows arrive, deflated and sent on (./zip.ts). Memory
 * is one page of rows, whatever the size, up to Excel's 1,048,576 rows a sheet.
 *
 * Why not a library: hucre (used before) builds whole parts in memory, and its streaming writer
 * writes one sheet with no per-cell formats, while an export needs several sheets (results, data,
 * methodology) and the Text format on formula-like cells; write-excel-file's zip needs a Web
 * Worker, which workerd has not; exceljs needs Node's built-ins. What an export uses of OOXML is
 * small: inline strings, numbers, seven fixed formats, frozen headings, an AutoFilter.
 */
import { escapeXmlAttribute, escapeXml } from '../../xml.ts';
import type { SheetWriter } from './sheet.ts';
import { STYLES_XML } from './styles.ts';
import { zipChunks } from './zip.ts';
import type { ZipEntry } from './zip.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet of the workbook: its writer, and its rows' XML (made with the writer), asked for only when the sheet's turn comes. */
export interface SheetPart {
  sheet: SheetWriter;
  rows: () => AsyncIterable<string> | Iterable<string>;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const encoder = new TextEncoder();

function contentTypes(sheets: number): string {
  const type = (part: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${part}+xml`;
  const overrides = [
    ['/xl/workbook.xml', type('sheet.main')],
    ['/xl/styles.xml', type('styles')],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ...Array.from({ length: sheets }, (_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, type('worksheet')]),
  ];
  return (
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `${overrides.map(([part, t]) => `<Override PartName="${part}" ContentType="${t}"/>`).join('')}</Types>`
  );
}

const relationships = (items: [type: string, target: string][]) =>
  `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">${items.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

function core(title: string, now: Date): string {
  const stamp = `${now.toISOString().slice(0, 19)}Z`;
  return (
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Osallistu</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`
  );
}

function workbook(sheets: SheetPart[]): string {
  const entries = sheets.map((s, i) => `<sheet name="${escapeXmlAttribute(s.sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><bookViews><workbookView/></bookViews><sheets>${entries}</sheets></workbook>`;
}

async function* sheetBytes(part: SheetPart): AsyncGenerator<Uint8Array> {
  yield encoder.encode(part.sheet.open());
  for await (const xml of part.rows()) if (xml) yield encoder.encode(xml);
  yield encoder.encode(part.sheet.close());
}

function* entries(sheets: SheetPart[], title: string, now: Date): Generator<ZipEntry> {
  const text = (path: string, xml: string): ZipEntry => ({ path, data: [encoder.encode(xml)] });
  yield text('[Content_Types].xml', contentTypes(sheets.length));
  yield text('_rels/.rels', relationships([[`${RELS}/officeDocument`, 'xl/workbook.xml'], [`${PACKAGE_RELS}/metadata/core-properties`, 'docProps/core.xml']]));
  yield text('docProps/core.xml', core(title, now));
  yield text('xl/workbook.xml', workbook(sheets));
  yield text('xl/_rels/workbook.xml.rels', relationships([...sheets.map((_, i): [string, string] => [`${RELS}/worksheet`, `worksheets/sheet${i + 1}.xml`]), [`${RELS}/styles`, 'styles.xml']]));
  yield text('xl/styles.xml', STYLES_XML);
  for (const [i, part] of sheets.entries()) yield { path: `xl/worksheets/sheet${i + 1}.xml`, data: sheetBytes(part) };
}

/** The workbook's bytes, chunk by chunk, as they are read: sheets in the order given. */
export function workbookChunks(sheets: SheetPart[], title: string, now = new Date()): AsyncGenerator<Uint8Array> {
  return zipChunks(entries(sheets, title, now), now);
}
