import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { readXlsx, serialText, values } from '../../../test/workers/xlsx.ts';
import { helsinkiSerial } from '../helsinki-time.ts';
import { EXCEL_CELL_CHARS, EXCEL_ROWS, SheetWriter, cellText, columnLetters, expectRows } from './sheet.ts';
import type { SheetPart } from './workbook.ts';
import { workbookChunks } from './workbook.ts';
import { crc32, zipChunks } from './zip.ts';

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

const book = async (sheets: SheetPart[], title = 'T') => readXlsx(await bytesOf(workbookChunks(sheets, title)));
const rowsOf = (sheet: SheetWriter, rows: Parameters<SheetWriter['row']>[]) => () => rows.map((args) => sheet.row(...args));

describe('the zip writer', () => {
  it('computes zip\'s CRC-32, also across chunks', () => {
    const text = new TextEncoder().encode('123456789');
    expect(crc32(text)).toBe(0xcbf4_3926); // the check value of CRC-32/ISO-HDLC
    expect(crc32(text.subarray(4), crc32(text.subarray(0, 4)))).toBe(0xcbf4_3926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes an archive that unzips to what went in, with entries of many chunks, sizes and CRCs in data descriptors', async () => {
    const big = Array.from({ length: 200 }, (_, i) => new TextEncoder().encode(`<row r="${i}">${'x'.repeat(5000 + i)}</row>`));
    async function* slowly() {
      for (const chunk of big) yield chunk;
    }
    const zip = await bytesOf(zipChunks([{ path: 'a/ä.xml', data: slowly() }, { path: 'b.txt', data: [new TextEncoder().encode('hei')] }, { path: 'empty', data: [] }]));
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['a/ä.xml', 'b.txt', 'empty']);
    expect(new TextDecoder().decode(files['a/ä.xml'])).toBe(big.map((b) => new TextDecoder().decode(b)).join(''));
    expect(new TextDecoder().decode(files['b.txt'])).toBe('hei');
    expect(files.empty!.length).toBe(0);
    // The central directory's CRC is the content's, as a strict reader (Excel) checks it.
    const view = new DataView(zip.buffer, zip.byteOffset);
    const directory = view.getUint32(zip.length - 6, true);
    expect(view.getUint32(directory, true)).toBe(0x0201_4b50);
    expect(view.getUint32(directory + 16, true)).toBe(crc32(files['a/ä.xml']!));
    expect(view.getUint32(directory + 24, true)).toBe(files['a/ä.xml']!.length);
  });
});

describe('SheetWriter', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('cuts text at Excel\'s limit without splitting a character, and counts the cut cells', async () => {
    const sheet = new SheetWriter('S', [{ heading: 'T', kind: 'text' }], { table: true });
    const emoji = `${'a'.repeat(EXCEL_CELL_CHARS - 2)}😀tail`; // the emoji's two halves straddle the cut
    const read = await book([{ sheet, rows: rowsOf(sheet, [[[emoji]], [['b'.repeat(EXCEL_CELL_CHARS)]]]) }]);
    const [cut, whole] = read.sheet('S').rows.slice(1).map((row) => row[0]!.value as string);
    expect(cut).toBe(`${'a'.repeat(EXCEL_CELL_CHARS - 2)}…`);
    expect(whole).toBe('b'.repeat(EXCEL_CELL_CHARS)); // exactly the limit: kept whole
    expect(sheet.truncated).toBe(1);
  });

  it('writes numbers, dates, text, per-cell kinds and empty cells as their types, and no formula ever', async () => {
    const sheet = new SheetWriter('S', [{ heading: 'N', kind: 'integer' }, { heading: 'D', kind: 'datetime' }, { heading: 'T', kind: 'text' }], { table: true });
    const about = new SheetWriter('M', [{ heading: 'K', kind: 'text' }, { heading: 'V', kind: 'text' }], { wrap: true });
    const read = await book([
      { sheet, rows: rowsOf(sheet, [[[42, helsinkiSerial('2026-11-22T07:15:03.900Z'), '=1+1']], [[null, undefined, '']], [[Number.NaN, null, '@SUM(A1)'], [undefined, undefined, 'datetime']], [[1, null, '#N/A']]]) },
      { sheet: about, rows: rowsOf(about, [[['when', helsinkiSerial('2026-01-01T00:00:00Z')], [undefined, 'datetime']], [['=cmd', 'plain']]]) },
    ]);
    const [first, empty, third, fourth] = read.sheet('S').rows.slice(1);
    expect([first![0]!.type, first![0]!.value]).toEqual(['n', 42]);
    expect([first![1]!.isDate, serialText(first![1]!.value as number)]).toEqual([true, '2026-11-22 09:15:03']);
    expect([first![2]!.type, first![2]!.value, first![2]!.numFmt]).toEqual(['inlineStr', '=1+1', '@']);
    expect(values(empty)).toEqual([]); // nothing written for empty values
    expect(values(third)[0]).toBeNull();
    expect([third![2]!.type, third![2]!.value, third![2]!.numFmt]).toEqual(['inlineStr', '@SUM(A1)', '@']); // text stays text whatever kind is asked
    expect([fourth![2]!.type, fourth![2]!.value, fourth![2]!.numFmt]).toEqual(['inlineStr', '#N/A', '@']); // text, not an error cell, and stays so when edited
    const [when, cmd] = read.sheet('M').rows.slice(1);
    expect([when![1]!.isDate, serialText(when![1]!.value as number)]).toEqual([true, '2026-01-01 02:00:00']);
    expect([cmd![0]!.value, cmd![0]!.numFmt, cmd![1]!.numFmt]).toEqual(['=cmd', '@', 'General']);
    expect(read.sheet('S').autoFilter).toBe('A1:C5');
    expect(read.sheet('M').autoFilter).toBeUndefined();
    expect(read.sheets.map((s) => s.frozenRows)).toEqual([1, 1]);
    expect(read.title).toBe('T');
    for (const s of read.sheets) expect(s.xml).not.toMatch(/<f[ >]/);
  });

  it('keeps control characters, literal "_x0041_" and markup as the text they were, and drops what no XML part may hold', async () => {
    const sheet = new SheetWriter('S', [{ heading: 'T & <b>', kind: 'text' }]);
    const typed = ['bell\u0007 tab\t cr\r\nlf', 'literally _x0041_', '<script>&amp;', 'lone \uD800 and \uFFFF'];
    const read = await book([{ sheet, rows: rowsOf(sheet, typed.map((t) => [[t]])) }], 'Title <&> "q"');
    expect(values(read.sheet('S').rows[0])).toEqual(['T & <b>']);
    expect(read.sheet('S').rows.slice(1).map((row) => row[0]!.value)).toEqual(['bell\u0007 tab\t cr\r\nlf', 'literally _x0041_', '<script>&amp;', 'lone  and ']);
    expect(read.title).toBe('Title <&> "q"');
  });

  it('reuses a prepared cell text row after row, counting a cut one in every cell', async () => {
    const sheet = new SheetWriter('S', [{ heading: 'T', kind: 'text' }]);
    const long = cellText('c'.repeat(EXCEL_CELL_CHARS + 5));
    const read = await book([{ sheet, rows: rowsOf(sheet, [[[long]], [[long]]]) }]);
    expect(read.sheet('S').rows.slice(1).map((r) => (r[0]!.value as string).length)).toEqual([EXCEL_CELL_CHARS, EXCEL_CELL_CHARS]);
    expect(sheet.truncated).toBe(2);
  });
});

describe('expectRows', () => {
  it('lets what a sheet holds through and refuses one row more with a 422 that points to CSV and NDJSON', () => {
    expect(() => expectRows('Poll "p"', EXCEL_ROWS - 1)).not.toThrow();
    let error: unknown;
    try {
      expectRows('Poll "p"', EXCEL_ROWS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).code]).toEqual([422, 'xlsx_too_large']);
    expect((error as ApiError).message).toBe(
      'Poll "p" has 1,048,576 rows, more than the 1,048,575 an Excel sheet holds under its heading. Use format=csv or format=ndjson: they stream any size (a database, Power Query or R reads them whole; Excel itself stops at the same row limit).',
    );
  });
});
