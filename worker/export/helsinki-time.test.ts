import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialText } from '../../test/workers/xlsx.ts';
import { helsinkiSerial, helsinkiTime } from './helsinki-time.ts';

const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

describe('Finnish time in exports', () => {
  it('shows the same Finnish time in text and as an Excel serial for any moment, across both clock changes', () => {
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
        // The per-hour offset agrees with Intl's own formatting of the very moment.
        expect(helsinkiTime(iso)).toBe(intl.format(date));
        expect(serialText(helsinkiSerial(iso)!)).toBe(helsinkiTime(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the seconds of Helsinki\'s old mean time, before its offsets were whole hours', () => {
    for (const iso of ['1900-01-01T00:00:00.000Z', '1921-04-30T21:59:59.000Z', '1921-05-02T12:00:00.000Z']) expect(helsinkiTime(iso)).toBe(intl.format(new Date(iso)));
    expect(helsinkiTime('1900-01-01T00:00:00.000Z')).toBe('1900-01-01 01:39:49');
  });

  it('leaves no time empty', () => {
    expect([helsinkiSerial(null), helsinkiSerial(''), helsinkiSerial('not a date')]).toEqual([null, null, null]);
    expect([helsinkiTime(null), helsinkiTime(''), helsinkiTime('not a date')]).toEqual(['', '', '']);
  });
});
