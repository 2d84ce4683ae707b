import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRow, looksLikeFormula, neutralise } from './csv.ts';

/** What a spreadsheet may split a line at, whichever separator its locale or user picked. */
const SEPARATORS = [',', ';', '\t', '|', '\n', '\r'];
const TRIGGER = /^[ "]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Every cell any of those separators could make of `line`: a cell a formula could start. */
function cellStarts(line: string): string[] {
  return SEPARATORS.flatMap((separator) => line.split(separator));
}

describe('CSV cells', () => {
  it('neutralise a formula at the start of the cell and after each place a spreadsheet may split it', () => {
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('Puisto;=1+1')).toBe("Puisto;'=1+1");
    expect(neutralise('Katuvalo rikki,=HYPERLINK("http://x","Lisätietoja")')).toBe('Katuvalo rikki,\'=HYPERLINK("http://x","Lisätietoja")');
    expect(neutralise('\n=1+1')).toBe("\n'=1+1");
    expect(neutralise('a, "=1+1"')).toBe('a, "\'=1+1"');
    expect(neutralise('\t=1')).toBe("'\t'=1");
    expect(neutralise('＝1+1 and ＠SUM')).toBe("'＝1+1 and ＠SUM");
    expect(neutralise('a|@SUM(A1)')).toBe("a|'@SUM(A1)");
    // Text with nothing a spreadsheet could run stays exactly as typed.
    for (const text of ['Hyvä - ok', 'a=b', '2026-11-22 09:15:03', 'sähköposti@example.fi', 'Katu 5, 00100 Helsinki']) {
      expect(neutralise(text)).toBe(text);
      expect(looksLikeFormula(text)).toBe(false);
    }
  });

  it('leave no cell that starts like a formula, whichever separator splits the line (property)', () => {
    const piece = fc.oneof(fc.constantFrom(...SEPARATORS, '=', '+', '-', '@', '＝', '＋', '－', '＠', ' ', '"', "'", 'a', '1'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 4 }), fc.constantFrom(';' as const, ',' as const), (cells, delimiter) => {
        const line = csvRow(cells, delimiter);
        for (const cell of cellStarts(line.slice(0, -2))) {
          // A cell that starts with our own quote is the quoted cell itself or a fragment ending one; strip quotes as a lenient reader would.
          expect(TRIGGER.test(cell) && !/^[ "]*'/.test(cell), JSON.stringify({ cells, cell })).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('write numbers as numbers, a negative count too, in the delimiter\'s convention', () => {
    expect(csvRow([-5, 2.5, 'x'], ';')).toBe('-5;2,5;x\r\n');
    expect(csvRow([-5, 2.5, 'x'], ',')).toBe('-5,2.5,x\r\n');
  });
});
