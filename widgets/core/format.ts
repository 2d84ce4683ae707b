import type { Lang } from '../locales/messages.ts';

/** "22. marraskuuta 2026 klo 10.00" — dates as residents read them, in Finnish time. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(new Date(iso));
}

/** 272 → "4:32", 3725 → "1:02:05": a length or a point in a video. */
export const clock = (seconds: number): string => {
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  return h ? `${h}:${two(m)}:${two(seconds % 60)}` : `${m}:${two(seconds % 60)}`;
};

/** "40 %" in Finnish and Swedish, "40%" in English, one decimal where it matters. */
export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0 }).format(share);
}
