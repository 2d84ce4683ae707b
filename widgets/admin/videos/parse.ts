import type { Provider } from './base.ts';

/** "4:32" → 272, "1:02:05" → 3725, "95" → 95; undefined for anything else. */
export function parseClock(text: string): number | undefined {
  const value = text.trim();
  if (/^\d{1,5}$/.test(value)) return Number(value);
  const m = /^(?:(\d{1,2}):([0-5]?\d)|(\d{1,4})):([0-5]\d)$/.exec(value);
  if (!m) return undefined;
  const [, hours, minutesOfHour, minutes, seconds] = m;
  return hours !== undefined ? Number(hours) * 3600 + Number(minutesOfHour) * 60 + Number(seconds) : Number(minutes) * 60 + Number(seconds);
}

/** A guess from a pasted address; the server checks it. Look-alike hosts count as the service they imitate, so its refusal names it. */
export function detectProvider(ref: string): Provider | undefined {
  const text = ref.trim();
  if (text.startsWith('/')) return 'file';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  const host = url.hostname.toLowerCase();
  if (host.includes('youtube') || host.includes('youtu.be')) return 'youtube';
  if (host.includes('vimeo')) return 'vimeo';
  if (/\.(mp4|webm|m3u8)$/i.test(url.pathname)) return 'file';
  return 'peertube';
}

/** An ISO time as a `datetime-local` value in the browser's time zone. */
export function localInput(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}
