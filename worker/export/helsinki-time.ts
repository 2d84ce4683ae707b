/**
 * Times in Finnish time, as officials read them in every export: "2026-11-22 09:15:03" in CSV,
 * JSON and NDJSON, and the same wall-clock time as an Excel serial in XLSX.
 *
 * Helsinki's offset from UTC changes only on whole hours, so it is worked out once per UTC hour
 * (Intl) and kept: a million ballots cost a few Intl calls, not two million.
 */

const helsinkiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});
const HOUR = 3_600_000;
const offsets = new Map<number, number>();

/** Helsinki's offset from UTC in milliseconds at the UTC hour that holds `ms`. */
function helsinkiOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(helsinkiParts.formatToParts(new Date(hour * HOUR)).map((part) => [part.type, Number(part.value)]));
    offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - hour * HOUR;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** The moment as whole seconds of Helsinki wall-clock time, in ms since 1970 "as if UTC"; null when it is no time. */
function wallClock(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const seconds = Math.floor(ms / 1000) * 1000;
  return seconds + helsinkiOffset(seconds);
}

/** "2026-11-22 09:15:03" in Finnish time, as officials read it (and Excel parses it); '' for none. */
export function helsinkiTime(iso: string | null | undefined): string {
  const wall = wallClock(iso);
  if (wall === null) return '';
  const text = new Date(wall).toISOString(); // "2026-11-22T09:15:03.000Z"
  return `${text.slice(0, 10)} ${text.slice(11, 19)}`;
}

/**
 * A moment as an Excel date-time in Finnish time, whole seconds like the CSV's "2026-11-22
 * 09:15:03". Excel's dates have no time zone, so the wall-clock time is what is stored, and the
 * headings say "Finnish time" as the CSV's do.
 */
export function helsinkiSerial(iso: string | null | undefined): number | null {
  const wall = wallClock(iso);
  return wall === null ? null : wall / 86_400_000 + 25_569; // 25569: 1970-01-01 in Excel's 1900 system
}
