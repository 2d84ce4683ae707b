import { describe, expect, it } from 'vitest';
import { MinuteCounts } from './limits.ts';

describe('MinuteCounts', () => {
  const minute = 60_000;
  const start = 1_796_000_000_000 - (1_796_000_000_000 % minute); // the start of a wall-clock minute

  it('lets `limit` through per key in a wall-clock minute, then refuses until the next minute', () => {
    const counts = new MinuteCounts(3);
    const a = 'a'.repeat(64);
    expect([1, 2, 3, 4].map((i) => counts.take(a, start + i))).toEqual([true, true, true, false]);
    expect(counts.take('b'.repeat(64), start + 5)).toBe(true); // another key has its own count
    expect(counts.take(a, start + minute - 1)).toBe(false);
    expect(counts.take(a, start + minute)).toBe(true); // a new window
  });

  it('counts keys by their first 16 characters, so memory stays small', () => {
    const counts = new MinuteCounts(1);
    expect(counts.take(`${'c'.repeat(16)}one`, start)).toBe(true);
    expect(counts.take(`${'c'.repeat(16)}two`, start)).toBe(false);
  });

  it('lets new keys through uncounted past 100,000 keys in a minute rather than growing without end', () => {
    const counts = new MinuteCounts(1);
    for (let i = 0; i < 100_000; i++) counts.take(i.toString(16).padStart(16, '0'), start);
    const newcomer = 'f'.repeat(16);
    expect([counts.take(newcomer, start), counts.take(newcomer, start)]).toEqual([true, true]);
    expect(counts.take('0'.repeat(16), start)).toBe(false); // keys already counted still are
  });
});
