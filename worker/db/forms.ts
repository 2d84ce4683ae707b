import type { Lang } from '../schema/common.ts';
import type { Form, FormDefinition, SubmissionContext } from '../schema/forms.ts';
import { replyMailView } from './reply-mail.ts';
import type { ReplyMailView } from './reply-mail.ts';

interface FormRow {
  site_id: string;
  id: string;
  definition: string;
  status: Form['status'];
  created_at: string;
  updated_at: string;
}

const toForm = (row: FormRow): Form => ({
  caseId: null,
  ...(JSON.parse(row.definition) as Omit<FormDefinition, 'status'>),
  id: row.id,
  site: row.site_id,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const definitionJson = ({ title, intro, fields, categories, privacy, challenge, caseId }: FormDefinition) => JSON.stringify({ title, intro, fields, categories, privacy, challenge, caseId: caseId ?? null });

export async function findForm(db: D1Database, siteId: string, id: string): Promise<Form | null> {
  const row = await db.prepare('SELECT * FROM forms WHERE site_id = ?1 AND id = ?2').bind(siteId, id).first<FormRow>();
  return row ? toForm(row) : null;
}

/** Every form of the site (any status), by id. */
export async function listSiteForms(db: D1Database, siteId: string): Promise<Form[]> {
  const { results } = await db.prepare('SELECT * FROM forms WHERE site_id = ?1 ORDER BY id').bind(siteId).all<FormRow>();
  return results.map(toForm);
}

export function insertFormStatement(db: D1Database, form: Form): D1PreparedStatement {
  return db
    .prepare('INSERT INTO forms (site_id, id, definition, status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)')
    .bind(form.site, form.id, definitionJson(form), form.status, form.createdAt);
}

export function updateFormStatement(db: D1Database, form: Form): D1PreparedStatement {
  return db
    .prepare('UPDATE forms SET definition = ?3, status = ?4, updated_at = ?5 WHERE site_id = ?1 AND id = ?2')
    .bind(form.site, form.id, definitionJson(form), form.status, form.updatedAt);
}

export interface NewSubmission {
  site: string;
  ref: string;
  form: string;
  answers: Record<string, unknown>;
  contact: Record<string, string> | null;
  category: string | null;
  context?: SubmissionContext | null;
  status: 'received' | 'spam';
  createdAt: string;
  /** SHA-256 of the removal key the resident got (form-rules.ts `removalKeyHash`); none for Open311. */
  removalKeyHash?: string | null;
}

export function insertSubmissionStatement(db: D1Database, submission: NewSubmission): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO submissions (site_id, ref, form_id, answers, contact, category, status, created_at, updated_at, context, removal_key_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)',
    )
    .bind(
      submission.site,
      submission.ref,
      submission.form,
      JSON.stringify(submission.answers),
      submission.contact ? JSON.stringify(submission.contact) : null,
      submission.category,
      submission.status,
      submission.createdAt,
      submission.context ? JSON.stringify(submission.context) : null,
      submission.removalKeyHash ?? null,
    );
}

export interface SubmissionStatusRecord {
  ref: string;
  form: string;
  status: 'received' | 'in_progress' | 'answered' | 'closed' | 'spam';
  createdAt: string;
  updatedAt: string;
  replies: { body: string; createdAt: string }[];
  caseId: string | null;
}

/** What a resident with the reference code may see: the status and the public replies. */
export async function findSubmissionStatus(db: D1Database, siteId: string, ref: string): Promise<SubmissionStatusRecord | null> {
  const [submission, replies] = await db.batch([
    db.prepare("SELECT ref, form_id, status, created_at, updated_at, json_extract(context, '$.caseId') AS case_id FROM submissions WHERE site_id = ?1 AND ref = ?2").bind(siteId, ref),
    db.prepare('SELECT body, created_at FROM submission_replies WHERE site_id = ?1 AND ref = ?2 AND public = 1 ORDER BY id').bind(siteId, ref),
  ]);
  const row = submission?.results[0] as { ref: string; form_id: string; status: SubmissionStatusRecord['status']; created_at: string; updated_at: string; case_id: string | null } | undefined;
  if (!row) return null;
  return {
    ref: row.ref,
    form: row.form_id,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    replies: ((replies?.results ?? []) as { body: string; created_at: string }[]).map((r) => ({ body: r.body, createdAt: r.created_at })),
    caseId: row.case_id,
  };
}

export interface SubmissionRecord {
  ref: string;
  form: string;
  answers: Record<string, unknown>;
  /** Null once removed by retention or on the resident's request. */
  contact: Record<string, string> | null;
  category: string | null;
  context: SubmissionContext | null;
  status: SubmissionStatusRecord['status'];
  createdAt: string;
  updatedAt: string;
}

/** A submission as the moderation queue reads it: with the language it was sent in (the site's default when not known). */
export interface QueuedSubmission extends SubmissionRecord {
  lang: Lang;
}

export interface SubmissionRow {
  ref: string;
  form_id: string;
  answers: string;
  contact: string | null;
  category: string | null;
  context: string | null;
  status: SubmissionRecord['status'];
  created_at: string;
  updated_at: string;
  lang?: Lang;
}

export const toSubmission = (row: SubmissionRow): SubmissionRecord => ({
  ref: row.ref,
  form: row.form_id,
  answers: JSON.parse(row.answers) as Record<string, unknown>,
  contact: row.contact ? (JSON.parse(row.contact) as Record<string, string>) : null,
  category: row.category,
  context: row.context ? (JSON.parse(row.context) as SubmissionContext) : null,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toQueued = (row: SubmissionRow): QueuedSubmission => ({ ...toSubmission(row), lang: row.lang! });

/** A submission's columns for the moderation queue, its language resolved as a reply by email resolves it. */
const QUEUE_COLUMNS = `ref, form_id, answers, contact, category, context, status, created_at, updated_at,
  COALESCE(lang, (SELECT default_lang FROM sites WHERE sites.id = submissions.site_id)) AS lang`;

/** The moderation queue, newest first, continuing below (`createdAt`, `ref`) of the last row seen. */
export async function listSubmissions(
  db: D1Database,
  siteId: string,
  filter: { form?: string; status?: string; category?: string; ref?: string; before?: { createdAt: string; ref: string }; limit: number },
): Promise<QueuedSubmission[]> {
  const { results } = await db
    .prepare(
      `SELECT ${QUEUE_COLUMNS} FROM submissions
        WHERE site_id = ?1 AND (?2 IS NULL OR form_id = ?2) AND (?3 IS NULL OR status = ?3) AND (?7 IS NULL OR category = ?7) AND (?8 IS NULL OR ref = ?8)
          AND (?4 IS NULL OR created_at < ?4 OR (created_at = ?4 AND ref < ?5))
        ORDER BY created_at DESC, ref DESC LIMIT ?6`,
    )
    .bind(siteId, filter.form ?? null, filter.status ?? null, filter.before?.createdAt ?? null, filter.before?.ref ?? '', filter.limit, filter.category ?? null, filter.ref ?? null)
    .all<SubmissionRow>();
  return results.map(toQueued);
}

export async function findSubmission(db: D1Database, siteId: string, ref: string): Promise<QueuedSubmission | null> {
  const row = await db
    .prepare(`SELECT ${QUEUE_COLUMNS} FROM submissions WHERE site_id = ?1 AND ref = ?2`)
    .bind(siteId, ref)
    .first<SubmissionRow>();
  return row ? toQueued(row) : null;
}

export async function listReplies(db: D1Database, siteId: string, ref: string): Promise<{ body: string; public: boolean; author: string; createdAt: string; email?: ReplyMailView }[]> {
  const { results } = await db
    .prepare('SELECT body, public, author, created_at, mail_status, mail_detail FROM submission_replies WHERE site_id = ?1 AND ref = ?2 ORDER BY id')
    .bind(siteId, ref)
    .all<{ body: string; public: number; author: string; created_at: string; mail_status: string | null; mail_detail: string | null }>();
  return results.map((r) => {
    const email = replyMailView(r.mail_status, r.mail_detail);
    return { body: r.body, public: r.public === 1, author: r.author, createdAt: r.created_at, ...(email ? { email } : {}) };
  });
}

export function updateSubmissionStatusStatement(db: D1Database, siteId: string, ref: string, status: string, now: string): D1PreparedStatement {
  return db.prepare('UPDATE submissions SET status = ?3, updated_at = ?4 WHERE site_id = ?1 AND ref = ?2').bind(siteId, ref, status, now);
}

/** Returns the new reply's `id`; `mailStatus` 'pending' when it is about to be mailed (worker/email/). */
export function insertReplyStatement(
  db: D1Database,
  siteId: string,
  ref: string,
  reply: { body: string; public: boolean; author: string; mailStatus?: 'pending' },
  now: string,
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO submission_replies (site_id, ref, body, public, author, created_at, mail_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id')
    .bind(siteId, ref, reply.body, reply.public ? 1 : 0, reply.author, now, reply.mailStatus ?? null);
}

export function touchSubmissionStatement(db: D1Database, siteId: string, ref: string, now: string): D1PreparedStatement {
  return db.prepare('UPDATE submissions SET updated_at = ?3 WHERE site_id = ?1 AND ref = ?2').bind(siteId, ref, now);
}

/**
 * Removes a submission's contact details when the resident's removal key matches; false when the
 * code or the key does not (one answer for both). A submission without a key never matches.
 */
export async function forgetContactWithKey(db: D1Database, siteId: string, ref: string, keyHash: string, now: string): Promise<boolean> {
  const result = await db
    .prepare('UPDATE submissions SET contact = NULL, updated_at = ?3 WHERE site_id = ?1 AND ref = ?2 AND removal_key_hash = ?4')
    .bind(siteId, ref, now, keyHash)
    .run();
  return result.meta.changes === 1;
}

/** Removes a submission's contact details on an official's word (audited in the same batch). */
export function forgetContactStatement(db: D1Database, siteId: string, ref: string, now: string): D1PreparedStatement {
  return db.prepare('UPDATE submissions SET contact = NULL, updated_at = ?3 WHERE site_id = ?1 AND ref = ?2').bind(siteId, ref, now);
}

/** Blanks contact details older than each site's retention period; returns how many. */
export async function purgeExpiredContacts(db: D1Database, now: string): Promise<number> {
  const result = await db
    .prepare(
      `UPDATE submissions SET contact = NULL, updated_at = ?1
        WHERE contact IS NOT NULL
          AND created_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?1, '-' || (SELECT contact_retention_days FROM sites WHERE sites.id = submissions.site_id) || ' days')`,
    )
    .bind(now)
    .run();
  return result.meta.changes;
}
