import { z } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { auditStatement } from '../db/audit.ts';
import { findSubmission, insertReplyStatement, listReplies, listSubmissions, touchSubmissionStatement, updateSubmissionStatusStatement } from '../db/forms.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { submissionNotFound } from '../errors.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { RefParams, SubmissionQuery, SubmissionUpdate, SubmissionView } from '../schema/forms.ts';

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
    const { form, status, category, cursor, limit } = c.req.valid('query');
    const [createdAt, ref] = cursor ? decodeCursor('s', cursor, [/^[0-9T:.Z-]{20,30}$/, /^[0-9A-Z]{3}-[0-9A-Z]{3}$/]) : [];
    const before = createdAt && ref ? { createdAt, ref } : undefined;
    const items = await listSubmissions(c.env.DB, c.var.site.id, { form, status, category, before, limit });
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
    description: 'A public reply is shown to whoever has the reference code; a private one only to officials.',
    request: { params: RefParams, body: { required: true, content: { 'application/json': { schema: SubmissionUpdate } } } },
    responses: { 200: json(SubmissionView, 'The submission with every reply'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const { ref } = c.req.valid('param');
    const update = c.req.valid('json');
    const site = c.var.site.id;
    if (!(await findSubmission(c.env.DB, site, ref))) throw submissionNotFound(ref);
    const now = nowIso();
    await c.env.DB.batch([
      update.status ? updateSubmissionStatusStatement(c.env.DB, site, ref, update.status, now) : touchSubmissionStatement(c.env.DB, site, ref, now),
      ...(update.reply ? [insertReplyStatement(c.env.DB, site, ref, { ...update.reply, author: c.var.official.label }, now)] : []),
      auditStatement(
        c.env.DB,
        c.var.official,
        { action: 'submission.update', target: ref, detail: { ...(update.status ? { status: update.status } : {}), ...(update.reply ? { reply: update.reply.public ? 'public' : 'private' } : {}) } },
        now,
      ),
    ]);
    const submission = (await findSubmission(c.env.DB, site, ref))!;
    return c.json({ ...submission, replies: await listReplies(c.env.DB, site, ref) }, 200);
  },
);

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
