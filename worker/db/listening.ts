/**
 * What residents wrote on a site, for the listening report (worker/listening/): the free-text
 * answers of feedback (every status but spam) and residents' statements in conversations (all
 * but rejected ones). Contact details are never read.
 */
import type { Lang } from '../schema/common.ts';

export interface ListeningFilter {
  form?: string;
  topic?: string;
  /** ISO timestamps, from inclusive, to exclusive. */
  from: string;
  to: string;
}

export interface FeedbackRow {
  ref: string;
  form_id: string;
  answers: string;
  category: string | null;
  lang: Lang | null;
  created_at: string;
}

export interface StatementRow {
  poll_id: string;
  id: number;
  text: string;
  lang: Lang;
  created_at: string;
}

/** Rows a page: a year of a large city's feedback is a dozen pages. */
const PAGE = 5000;

// ?1 site, ?2 form or NULL, ?3 topic or NULL, ?4 from, ?5 to, ?6 ?7 the cursor (created_at, ref), ?8 the page size.
const FEEDBACK_SQL = `SELECT ref, form_id, answers, category, lang, created_at FROM submissions
  WHERE site_id = ?1 AND status <> 'spam' AND (?2 IS NULL OR form_id = ?2) AND (?3 IS NULL OR category = ?3)
    AND created_at >= ?4 AND created_at < ?5 AND (created_at > ?6 OR (created_at = ?6 AND ref > ?7))
  ORDER BY created_at, ref LIMIT ?8`;

/** The feedback in the period, oldest first, a page at a time. */
export async function* feedbackTexts(db: D1Database, siteId: string, filter: ListeningFilter): AsyncGenerator<FeedbackRow[]> {
  let after = { createdAt: '', ref: '' };
  for (;;) {
    const { results } = await db
      .prepare(FEEDBACK_SQL)
      .bind(siteId, filter.form ?? null, filter.topic ?? null, filter.from, filter.to, after.createdAt, after.ref, PAGE)
      .all<FeedbackRow>();
    if (results.length) yield results;
    if (results.length < PAGE) return;
    const last = results[results.length - 1]!;
    after = { createdAt: last.created_at, ref: last.ref };
  }
}

/** Residents' statements in the period (officials' opening statements are not what residents said). */
export async function statementTexts(db: D1Database, siteId: string, filter: ListeningFilter): Promise<StatementRow[]> {
  const { results } = await db
    .prepare(`SELECT poll_id, id, text, lang, created_at FROM poll_statements
      WHERE site_id = ?1 AND author = 'resident' AND status <> 'rejected' AND created_at >= ?2 AND created_at < ?3 ORDER BY created_at, poll_id, id`)
    .bind(siteId, filter.from, filter.to)
    .all<StatementRow>();
  return results;
}

/**
 * What changes when anything residents wrote changes: feedback and statements counted, and the
 * latest change to either. A report computed at the same mark is still true.
 */
export async function writingMark(db: D1Database, siteId: string): Promise<string> {
  const row = await db
    .prepare(`SELECT (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM submissions WHERE site_id = ?1) AS feedback,
      (SELECT count(*) || '/' || coalesce(max(coalesce(moderated_at, created_at)), '') FROM poll_statements WHERE site_id = ?1 AND author = 'resident') AS statements`)
    .bind(siteId)
    .first<{ feedback: string; statements: string }>();
  return `${row?.feedback}|${row?.statements}`;
}
