import type { MailOutcome } from '../email/send.ts';

/** A reply's mail status as officials see it (undefined: it was not mailed). */
export interface ReplyMailView {
  status: 'pending' | 'sent' | 'failed';
  messageIds?: string[];
  reason?: string;
}

/** From the reply row's `mail_status` and `mail_detail` columns (migrations/0013_reply_mail.sql). */
export function replyMailView(status: string | null, detail: string | null): ReplyMailView | undefined {
  if (status === 'sent') return { status, messageIds: detail ? detail.split(' ') : [] };
  if (status === 'failed') return { status, reason: detail ?? '' };
  if (status === 'pending') return { status };
  return undefined;
}

/** Records how mailing reply `id` went (audited by the caller in the same batch). */
export function recordReplyMailStatement(db: D1Database, siteId: string, id: number, outcome: MailOutcome): D1PreparedStatement {
  const detail = outcome.status === 'sent' ? outcome.messageIds.join(' ') : outcome.reason;
  return db.prepare('UPDATE submission_replies SET mail_status = ?3, mail_detail = ?4 WHERE site_id = ?1 AND id = ?2').bind(siteId, id, outcome.status, detail);
}

/** The language a submission was sent in, if it said. */
export async function submissionLang(db: D1Database, siteId: string, ref: string): Promise<string | null> {
  const row = await db.prepare('SELECT lang FROM submissions WHERE site_id = ?1 AND ref = ?2').bind(siteId, ref).first<{ lang: string | null }>();
  return row?.lang ?? null;
}

/** Stores the language a submission was sent in (right after it is stored, in the same batch). */
export function setSubmissionLangStatement(db: D1Database, siteId: string, ref: string, lang: string): D1PreparedStatement {
  return db.prepare('UPDATE submissions SET lang = ?3 WHERE site_id = ?1 AND ref = ?2').bind(siteId, ref, lang);
}
