/**
 * The listening report's period: whole days in Finnish time, the last 365 by default. No imports
 * at run time, so the console's filters default to the very period the API reads.
 */
const DAY = 86_400_000;
const helsinkiDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });
const helsinkiHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', hourCycle: 'h23' });

/** The calendar day `days` after (or before) `day`, both YYYY-MM-DD. */
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The moment day `day` (YYYY-MM-DD) begins in Finnish time (UTC+2, or +3 in summer). */
export function helsinkiMidnight(day: string): Date {
  const winter = Date.parse(`${day}T00:00:00Z`) - 2 * 3_600_000;
  return new Date(helsinkiHour.format(winter) === '00' ? winter : winter - 3_600_000);
}

/** The moment the day after `day` begins in Finnish time: where a period ending on `day` ends. */
export const helsinkiNextMidnight = (day: string) => helsinkiMidnight(addDays(day, 1));

/** The period asked for, or the 365 days up to today in Finnish time. */
export function period(query: { from?: string; to?: string }, now = new Date()): { from: string; to: string } {
  const to = query.to ?? helsinkiDay.format(now);
  return { from: query.from ?? addDays(to, -364), to };
}
