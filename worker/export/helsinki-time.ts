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

/**
 * A time as this API stores it, "2026-11-22T07:15:03.123Z" (Date#toISOString), takes a fast
 * path: its hour's Finnish "2026-11-22 09" is worked out once per UTC hour, and the minutes and
 * seconds are the same in both (Helsinki's offsets have been whole hours since 1921). Ballots
 * come oldest first, so the hour of the one before is nearly always the hour again: it is
 * checked first, then a map of hours. Any other text takes the general path.
 */
const STORED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A time as this API stores it: nothing in it needs escaping in JSON, CSV or XML. */
export const isStoredTime = (iso: string | null | undefined): iso is string => !!iso && iso.length === 24 && STORED.test(iso);

/** Stored by us, and after 1921 (until then Helsinki's offset was 1:39:49). */
const fast = (iso: string | null | undefined): iso is string => isStoredTime(iso) && iso >= '1922';

class HourMemo<T> {
  private key = '';
  private value!: T;
  private readonly hours = new Map<string, T>();

  constructor(private readonly make: (wall: number) => T) {}

  /** The value for the UTC hour of `iso` (a fast-path time). */
  of(iso: string): T {
    if (this.key && iso.startsWith(this.key)) return this.value;
    const key = iso.slice(0, 13);
    let value = this.hours.get(key);
    if (value === undefined) {
      value = this.make(wallClock(`${key}:00:00.000Z`)!);
      if (this.hours.size > 50_000) this.hours.clear();
      this.hours.set(key, value);
    }
    this.key = key;
    this.value = value;
    return value;
  }
}

const hourTexts = new HourMemo((wall) => new Date(wall).toISOString().slice(0, 13).replace('T', ' '));
const hourSeconds = new HourMemo((wall) => wall / 1000);

/** "2026-11-22 09:15:03" in Finnish time, as officials read it (and Excel parses it); '' for none. */
export function helsinkiTime(iso: string | null | undefined): string {
  if (fast(iso)) return hourTexts.of(iso) + iso.slice(13, 19);
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
  if (fast(iso)) {
    const seconds = hourSeconds.of(iso) + Number(iso.slice(14, 16)) * 60 + Number(iso.slice(17, 19));
    return seconds / 86_400 + 25_569;
  }
  const wall = wallClock(iso);
  return wall === null ? null : wall / 86_400_000 + 25_569; // 25569: 1970-01-01 in Excel's 1900 system
}
