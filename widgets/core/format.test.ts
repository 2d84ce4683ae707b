import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPercent } from './format.ts';

/** One instant, a minute before midnight on New Year's Eve in Finland (21:59 UTC). */
const INSTANT = '2026-12-31T21:59:00Z';

describe('dates and times as they are written in Finland', () => {
  it('Finnish: "31. joulukuuta 2026 klo 23.59"', () => {
    expect(formatDateTime(INSTANT, 'fi')).toBe('31. joulukuuta 2026 klo 23.59');
    expect(formatDate(INSTANT, 'fi', 'medium')).toBe('31.12.2026');
  });

  it('Swedish as in Finland: "kl. 23.59", not the Swedish "23:59"', () => {
    expect(formatDateTime(INSTANT, 'sv')).toBe('31 december 2026 kl. 23.59');
    expect(formatDate(INSTANT, 'sv', 'medium')).toBe('31 dec. 2026');
  });

  it('English, not American: day first and 24-hour time', () => {
    expect(formatDateTime(INSTANT, 'en')).toBe('31 December 2026 at 23:59');
    expect(formatDate(INSTANT, 'en', 'medium')).toBe('31 Dec 2026');
  });

  it('percentages keep each language\'s spacing', () => {
    expect([formatPercent(0.4, 'fi'), formatPercent(0.4, 'sv'), formatPercent(0.4, 'en')]).toEqual(['40\u00a0%', '40\u00a0%', '40%']);
  });
});
