import { toSubmission } from './forms.ts';
import type { SubmissionRecord, SubmissionRow } from './forms.ts';

export interface ExportReply {
  body: string;
  public: boolean;
  author: string;
  createdAt: string;
}

export interface ExportSubmission extends SubmissionRecord {
  /** Oldest first; public ones only unless private replies were asked for. */
  replies: ExportReply[];
}

/** Where the previous page ended: its last submission's (`createdAt`, `ref`). */
export interface ExportCursor {
  createdAt: string;
  ref: string;
}

export interface ExportPageOptions {
  /** One status only; without it every status but spam. */
  status?: SubmissionRecord['status'];
  after?: ExportCursor;
  limit: number;
  /** Whether the `contact` column is read at all: false leaves every `contact` null. */
  withContact: boolean;
  withPrivateReplies: boolean;
}

// ?1 site, ?2 form, ?3 status or NULL, ?4 ?5 the cursor, ?6 the page size.
const PAGE_WHERE = `site_id = ?1 AND form_id = ?2
  AND ((?3 IS NULL AND status <> 'spam') OR status = ?3)
  AND (created_at > ?4 OR (created_at = ?4 AND ref > ?5))`;

// ?7: 1 to read the contact details, 0 to leave them in the database.
const PAGE_SQL = `SELECT ref, form_id, answers, CASE WHEN ?7 = 1 THEN contact END AS contact, category, context, status, created_at, updated_at
  FROM submissions WHERE ${PAGE_WHERE} ORDER BY created_at, ref LIMIT ?6`;

// The same page's replies; ?7: 1 for private replies too, 0 for public ones only.
const REPLIES_SQL = `SELECT ref, body, public, author, created_at FROM submission_replies
  WHERE site_id = ?1 AND (?7 = 1 OR public = 1)
    AND ref IN (SELECT ref FROM submissions WHERE ${PAGE_WHERE} ORDER BY created_at, ref LIMIT ?6)
  ORDER BY ref, id`;

/**
 * One page of a form's submissions for an export, oldest first (`createdAt`, then `ref`),
 * continuing after `after`, each with its replies: one D1 batch, so the page and its replies
 * are read in one transaction and one round trip.
 *
 * Rows read: `submissions_queue` narrows to the form, then SQLite sorts the rest of it for each
 * page. An index on `submissions (site_id, form_id, created_at, ref)` would make each page a
 * range read of its own rows (a migration; not added here).
 */
export async function submissionExportPage(db: D1Database, siteId: string, formId: string, options: ExportPageOptions): Promise<ExportSubmission[]> {
  const binds = [siteId, formId, options.status ?? null, options.after?.createdAt ?? '', options.after?.ref ?? '', options.limit] as const;
  const [page, replies] = await db.batch([
    db.prepare(PAGE_SQL).bind(...binds, options.withContact ? 1 : 0),
    db.prepare(REPLIES_SQL).bind(...binds, options.withPrivateReplies ? 1 : 0),
  ]);
  const byRef = new Map<string, ExportReply[]>();
  for (const r of (replies?.results ?? []) as { ref: string; body: string; public: number; author: string; created_at: string }[]) {
    const list = byRef.get(r.ref) ?? [];
    list.push({ body: r.body, public: r.public === 1, author: r.author, createdAt: r.created_at });
    byRef.set(r.ref, list);
  }
  return ((page?.results ?? []) as SubmissionRow[]).map((row) => ({ ...toSubmission(row), replies: byRef.get(row.ref) ?? [] }));
}

export interface ExportCounts {
  /** Submissions the export includes: every status but spam, or the one status asked for. */
  included: number;
  spam: number;
}

/**
 * How many submissions an export will hold, and how many are spam: one pass over the form's
 * rows through `submissions_queue`, for the XLSX size limit and its methodology sheet.
 */
export async function submissionExportCounts(db: D1Database, siteId: string, formId: string, status: SubmissionRecord['status'] | undefined): Promise<ExportCounts> {
  const row = await db
    .prepare(
      `SELECT COALESCE(SUM((?3 IS NULL AND status <> 'spam') OR status = ?3), 0) AS included, COALESCE(SUM(status = 'spam'), 0) AS spam
        FROM submissions WHERE site_id = ?1 AND form_id = ?2`,
    )
    .bind(siteId, formId, status ?? null)
    .first<ExportCounts>();
  return { included: row?.included ?? 0, spam: row?.spam ?? 0 };
}
