import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { readXlsx, serialText, values } from '../../test/workers/xlsx.ts';
import { helsinkiTime } from './stream.ts';
import { EXCEL_CELL_CHARS, SheetBuilder, XlsxBudget, helsinkiSerial, workbookBytes } from './xlsx.ts';

describe('helsinkiSerial', () => {
  it('shows the same Finnish time as the CSV for any moment, across both clock changes', () => {
    for (const [iso, shown] of [
      ['2026-03-29T00:59:59.999Z', '2026-03-29 02:59:59'],
      ['2026-03-29T01:00:00.000Z', '2026-03-29 04:00:00'],
      ['2026-10-25T00:59:59.000Z', '2026-10-25 03:59:59'],
      ['2026-10-25T01:00:00.000Z', '2026-10-25 03:00:00'],
    ] as const) {
      expect(serialText(helsinkiSerial(iso)!)).toBe(shown);
      expect(helsinkiTime(iso)).toBe(shown);
    }
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        expect(serialText(helsinkiSerial(iso)!)).toBe(helsinkiTime(iso));
      }),
      { numRuns: 2000 },
    );
    expect([helsinkiSerial(null), helsinkiSerial(''), helsinkiSerial('not a date')]).toEqual([null, null, null]);
  });
});

describe('XlsxBudget', () => {
  const limits = { memoryBytes: 10_000 };

  it('refuses a known row count that cannot fit before anything is read, with a 422 that points to CSV and NDJSON', () => {
    const budget = new XlsxBudget('Poll "p"', 4, limits);
    expect(() => budget.expect(10)).not.toThrow(); // 10 × 4 cells × 250 bytes = 10,000
    let error: unknown;
    try {
      budget.expect(11);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).code).toBe('xlsx_too_large');
    expect((error as ApiError).message).toBe(
      'Poll "p" is too large for an XLSX file, which is built in memory: 11 rows are over its limit of about 10 rows of 4 columns (fewer when they hold a lot of text). Use format=csv (Excel opens it too) or format=ndjson: they stream any size.',
    );
  });

  it('counts the cells and text as rows are added, and stops at the limit', () => {
    const budget = new XlsxBudget('Form "f"', 2, limits);
    const sheet = new SheetBuilder('Data', [{ heading: 'A', kind: 'text' }, { heading: 'B', kind: 'integer' }], budget, { table: true });
    expect(budget.textChars).toBe(2); // the headings
    for (let i = 0; i < 10; i++) sheet.add([`x${i}`, i]);
    expect([budget.cells, budget.textChars, sheet.length]).toEqual([20, 22, 10]);
    // 20 cells × 250 + 22 × 3 = 5,066 bytes; 1,700 characters more (5,100 bytes) is over 10,000.
    expect(() => sheet.add(['y'.repeat(1_700), 1])).toThrow(/^Form "f" is too large for an XLSX file, which is built in memory: its rows and text are over/);
  });
});

describe('SheetBuilder', () => {
  it('cuts text at Excel\'s limit without splitting a character, and counts the cut cells', async () => {
    const budget = new XlsxBudget('Test', 1);
    const sheet = new SheetBuilder('S', [{ heading: 'T', kind: 'text' }], budget, { table: true });
    const emoji = `${'a'.repeat(EXCEL_CELL_CHARS - 2)}😀tail`; // the emoji's two halves straddle the cut
    sheet.add([emoji]);
    sheet.add(['b'.repeat(EXCEL_CELL_CHARS)]); // exactly the limit: kept whole
    const book = readXlsx(await workbookBytes([sheet], 'T'));
    const [cut, whole] = book.sheet('S').rows.slice(1).map((row) => row[0]!.value as string);
    expect(cut).toBe(`${'a'.repeat(EXCEL_CELL_CHARS - 2)}…`);
    expect(whole).toBe('b'.repeat(EXCEL_CELL_CHARS));
    expect(budget.truncated).toBe(1);
  });

  it('writes numbers, dates, text, per-cell kinds and empty cells as their types, and no formula ever', async () => {
    const budget = new XlsxBudget('Test', 3);
    const sheet = new SheetBuilder('S', [{ heading: 'N', kind: 'integer' }, { heading: 'D', kind: 'datetime' }, { heading: 'T', kind: 'text' }], budget, { table: true });
    sheet.add([42, helsinkiSerial('2026-11-22T07:15:03.900Z'), '=1+1']);
    sheet.add([null, undefined, '']);
    sheet.add([Number.NaN, null, '@SUM(A1)'], [undefined, undefined, 'datetime']);
    const about = new SheetBuilder('M', [{ heading: 'K', kind: 'text' }, { heading: 'V', kind: 'text' }], budget, { wrap: true });
    about.add(['when', helsinkiSerial('2026-01-01T00:00:00Z')], [undefined, 'datetime']);
    const book = readXlsx(await workbookBytes([sheet, about], 'T'));
    const [first, empty, third] = book.sheet('S').rows.slice(1);
    expect([first![0]!.type, first![0]!.value]).toEqual(['n', 42]);
    expect([first![1]!.isDate, serialText(first![1]!.value as number)]).toEqual([true, '2026-11-22 09:15:03']);
    expect([first![2]!.type, first![2]!.value, first![2]!.numFmt]).toEqual(['s', '=1+1', '@']);
    expect(values(empty)).toEqual([null, null]); // a dated column's empty cell keeps its format, nothing else
    expect(values(third)[0]).toBeNull();
    expect([third![2]!.type, third![2]!.value, third![2]!.numFmt]).toEqual(['s', '@SUM(A1)', '@']); // text stays text whatever kind is asked
    const when = book.sheet('M').rows[1]![1]!;
    expect([when.isDate, serialText(when.value as number)]).toEqual([true, '2026-01-01 02:00:00']);
    for (const s of book.sheets) expect(s.xml).not.toMatch(/<f[ >]/);
  });
});
