/**
 * The listening report on demand: read, grouped and kept per isolate for as long as nothing
 * residents wrote has changed (db/listening.ts writingMark) and at most an hour, so an official
 * who opens it again, exports it or narrows it back gets it at once.
 */
import { writingMark } from '../db/listening.ts';
import { TtlCache } from '../cache.ts';
import type { Lang } from '../schema/common.ts';
import type { ListeningQuery, ListeningReport } from '../schema/listening.ts';
import { listen } from './report.ts';
import { helsinkiNextMidnight, period } from './period.ts';
import { readTexts } from './sources.ts';

const reports = new TtlCache<{ mark: string; report: ListeningReport }>(3_600_000, 50);

export async function listeningReport(db: D1Database, siteId: string, query: ListeningQuery, fallbackLang: Lang, now = new Date()): Promise<ListeningReport> {
  const days = period(query, now);
  const key = JSON.stringify([siteId, query.form, query.topic, query.language, query.themes, days.from, days.to]);
  const mark = await writingMark(db, siteId);
  const cached = reports.get(key);
  if (cached?.mark === mark) return cached.report;
  const texts = await readTexts(db, siteId, query, days);
  // "This week" ends now for a period up to today, else where the period ends.
  const end = Math.min(now.getTime(), helsinkiNextMidnight(days.to).getTime());
  const report: ListeningReport = {
    period: days,
    generatedAt: now.toISOString(),
    ...listen(texts, { now: new Date(end), themes: query.themes, lang: query.language, fallbackLang }),
  };
  reports.set(key, { mark, report });
  return report;
}
