import { z } from '@hono/zod-openapi';
import { createApp, officialRoute } from '../app.ts';
import { listAudit } from '../db/audit.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { PageQuery, SiteParams, errorResponses } from '../schema/common.ts';
import { AuditEntry } from '../schema/sites.ts';

const app = createApp();

app.openapi(
  officialRoute('owner', {
    method: 'get',
    path: '/sites/{site}/audit',
    tags: ['Audit'],
    summary: 'Who did what and when',
    request: {
      params: SiteParams,
      query: PageQuery.extend({
        action: z.string().regex(/^[a-z_.]{1,60}$/).optional().openapi({ description: 'An action ("token.create") or a family ("token"; "decision" includes its topics\' and districts\' names, `decision_term.*`).' }),
      }),
    },
    responses: {
      200: {
        description: 'Newest first',
        content: { 'application/json': { schema: z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }) } },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const { cursor, limit, action } = c.req.valid('query');
    const beforeId = cursor ? Number(decodeCursor('a', cursor, [/^\d{1,15}$/])[0]) : undefined;
    const items = await listAudit(c.env.DB, c.var.site.id, { beforeId, limit, action });
    const last = items.at(-1);
    return c.json({ items, nextCursor: items.length === limit && last ? encodeCursor('a', last.id) : null }, 200);
  },
);

export default app;
