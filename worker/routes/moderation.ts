import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { sha256Hex } from '../crypto.ts';
import { auditStatement } from '../db/audit.ts';
import { isUniqueViolation } from '../db/constraints.ts';
import { findForm, findSubmission, insertReplyStatement, listReplies, listSubmissions, touchSubmissionStatement, updateSubmissionStatusStatement } from '../db/forms.ts';
import type { SubmissionRecord } from '../db/forms.ts';
import { recordReplyMailStatement, submissionLang } from '../db/reply-mail.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { replyRecipients, sendReplyMail } from '../email/send.ts';
import { submissionNotFound } from '../errors.ts';
import { idempotencyKey, rememberAnswer, replayFor } from '../idempotency.ts';
import { Lang, SiteParams, errorResponses } from '../schema/common.ts';
import { RefParams, SubmissionQuery, SubmissionUpdate, SubmissionView } from '../schema/forms.ts';
import type { AppEnv } from '../types.ts';
import { IDEMPOTENCY_KEY } from '../schema/headers.ts';

const app = createApp();

app.openapi(
  officialRoute('moderator', {
    method: 'get',
    path: '/sites/{site}/submissions',
    tags: ['Feedback'],
    summary: 'The moderation queue',
    request: { params: SiteParams, query: SubmissionQuery },
    responses: {
      200: json(z.object({ items: z.array(SubmissionView), nextCursor: z.string().nullable() }), 'Newest first'),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const { form, status, category, ref: only, cursor, limit } = c.req.valid('query');
    const [createdAt, ref] = cursor ? decodeCursor('s', cursor, [/^[0-9T:.Z-]{20,30}$/, /^[0-9A-Z]{3}-[0-9A-Z]{3}$/]) : [];
    const before = createdAt && ref ? { createdAt, ref } : undefined;
    const items = await listSubmissions(c.env.DB, c.var.site.id, { form, status, category, ref: only, before, limit });
    const last = items.at(-1);
    return c.json({ items, nextCursor: items.length === limit && last ? encodeCursor('s', last.createdAt, last.ref) : null }, 200);
  },
);

app.openapi(
  officialRoute('moderator', {
    method: 'patch',
    path: '/sites/{site}/submissions/{ref}',
    tags: ['Feedback'],
    summary: 'Change a submission\'s status, reply to it, or both',
    parameters: [IDEMPOTENCY_KEY],
    description:
      'A public reply is shown to whoever has the reference code; a private one only to officials. A public reply is also mailed to the email address the resident gave (if any, and not removed; never for spam), in the language the feedback was sent in, with a link to its status. The reply is stored whether or not the mail goes out: `replies[].email` says how it went (`sent`, or `failed` with the reason), and the audit log has `submission.reply_mailed` or `submission.reply_mail_failed`. Send `Idempotency-Key` to retry safely: a retry answers 200 with `Idempotent-Replay: true` and the submission as it is now, and stores and mails nothing more.',
    request: { params: RefParams, body: { required: true, content: { 'application/json': { schema: SubmissionUpdate } } } },
    responses: { 200: json(SubmissionView, 'The submission with every reply'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const { ref } = c.req.valid('param');
    const update = c.req.valid('json');
    const site = c.var.site.id;
    const key = idempotencyKey(c);
    const scope = `submission.update:${ref}`;
    const requestHash = key ? await sha256Hex(JSON.stringify(update)) : '';
    const current = async () => {
      const submission = await findSubmission(c.env.DB, site, ref);
      if (!submission) throw submissionNotFound(ref);
      return { ...submission, replies: await listReplies(c.env.DB, site, ref) };
    };
    if (await replayFor(c, key, scope, requestHash)) return c.json(await current(), 200, { 'Idempotent-Replay': 'true' });
    const submission = await findSubmission(c.env.DB, site, ref);
    if (!submission) throw submissionNotFound(ref);
    const to = await mailRecipients(c.env.DB, site, submission, update);
    const now = nowIso();
    let results: D1Result[];
    try {
      results = await c.env.DB.batch([
        update.status ? updateSubmissionStatusStatement(c.env.DB, site, ref, update.status, now) : touchSubmissionStatement(c.env.DB, site, ref, now),
        ...(update.reply ? [insertReplyStatement(c.env.DB, site, ref, { ...update.reply, author: c.var.official.label, ...(to.length ? { mailStatus: 'pending' as const } : {}) }, now)] : []),
        auditStatement(
          c.env.DB,
          c.var.official,
          { action: 'submission.update', target: ref, detail: { ...(update.status ? { status: update.status } : {}), ...(update.reply ? { reply: update.reply.public ? 'public' : 'private' } : {}) } },
          now,
        ),
        ...(key ? [rememberAnswer(c, key, scope, requestHash, 200, { ref }, now)] : []),
      ]);
    } catch (error) {
      // The same request twice at once: the second waits for nothing and answers like a replay.
      if (key && isUniqueViolation(error, 'idempotency_keys') && (await replayFor(c, key, scope, requestHash))) {
        return c.json(await current(), 200, { 'Idempotent-Replay': 'true' });
      }
      throw error;
    }
    if (to.length && update.reply) {
      const replyId = (results[1]!.results[0] as { id: number }).id;
      await mailReply(c, { replyId, ref, body: update.reply.body, to });
    }
    return c.json(await current(), 200);
  },
);

/** Who a public reply is mailed to: the addresses given in the form's email fields, unless removed or spam. */
async function mailRecipients(db: D1Database, site: string, submission: SubmissionRecord, update: z.infer<typeof SubmissionUpdate>): Promise<string[]> {
  if (!update.reply?.public || (update.status ?? submission.status) === 'spam' || !submission.contact) return [];
  const form = await findForm(db, site, submission.form);
  return form ? replyRecipients(form.fields, submission.contact) : [];
}

/**
 * Mails a stored public reply and records how it went, with its audit entry. Never throws: the
 * reply is already stored, and the official sees a failure in `replies[].email` and the audit log.
 */
async function mailReply(c: Context<AppEnv>, job: { replyId: number; ref: string; body: string; to: string[] }): Promise<void> {
  const site = c.var.site;
  const asked = Lang.safeParse(await submissionLang(c.env.DB, site.id, job.ref));
  const lang = asked.success ? asked.data : site.defaultLang;
  const outcome = await sendReplyMail(c.env, { site, ref: job.ref, lang, body: job.body, to: job.to, origin: new URL(c.req.url).origin });
  const event =
    outcome.status === 'sent'
      ? { action: 'submission.reply_mailed', target: job.ref, detail: { recipients: job.to.length, lang } }
      : { action: 'submission.reply_mail_failed', target: job.ref, detail: { recipients: job.to.length, lang, reason: outcome.reason } };
  try {
    await c.env.DB.batch([recordReplyMailStatement(c.env.DB, site.id, job.replyId, outcome), auditStatement(c.env.DB, c.var.official, event, nowIso())]);
  } catch (error) {
    // The reply stays "pending": officials see that the outcome was not recorded.
    console.error('Could not record how a reply was mailed', job.ref, error);
  }
}

app.openapi(
  officialRoute('moderator', {
    method: 'get',
    path: '/sites/{site}/submissions/{ref}/replies',
    tags: ['Feedback'],
    summary: 'Every reply to a submission, private ones included, oldest first',
    request: { params: RefParams },
    responses: { 200: json(z.object({ items: SubmissionView.shape.replies.unwrap() }), 'The replies'), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { ref } = c.req.valid('param');
    const site = c.var.site.id;
    if (!(await findSubmission(c.env.DB, site, ref))) throw submissionNotFound(ref);
    return c.json({ items: await listReplies(c.env.DB, site, ref) }, 200);
  },
);

export default app;
