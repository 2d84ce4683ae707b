import type { Lang } from '../locales/messages.ts';

/** The locale each language is written in here: Swedish as in Finland ("kl. 23.59"), English as in Britain (day first, 24-hour). */
export const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** "31.12.2026"-style dates and times in Finnish time; `style` picks the date's length. */
export function formatDate(iso: string, lang: Lang, style: 'long' | 'medium' = 'long', time = false): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: style, timeStyle: time ? 'short' : undefined, timeZone: 'Europe/Helsinki' }).format(new Date(iso));
}

/** "22. marraskuuta 2026 klo 10.00", "22 november 2026 kl. 10.00", "22 November 2026 at 10:00": dates as residents read them, in Finnish time. */
export const formatDateTime = (iso: string, lang: Lang): string => formatDate(iso, lang, 'long', true);

/** 272 → "4:32", 3725 → "1:02:05": a length or a point in a video. */
export const clock = (seconds: number): string => {
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  return h ? `${h}:${two(m)}:${two(seconds % 60)}` : `${m}:${two(seconds % 60)}`;
};

/** "40 %" in Finnish and Swedish, "40%" in English, one decimal where it matters. */
export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0 }).format(share);
}
