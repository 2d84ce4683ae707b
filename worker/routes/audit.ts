import { z } from '@hono/zod-openapi';
import { createApp, officialRoute } from '../app.ts';
import { listAudit } from '../db/audit.ts';
import { ValidationError } from '../errors.ts';
import { PageQuery, SiteParams, errorResponses } from '../schema/common.ts';
import { AuditEntry } from '../schema/sites.ts';

const app = createApp();

/** Audit pages continue below the last id seen; the cursor is that id, opaque to clients. */
const encodeCursor = (id: number) => btoa(`a:${id}`);
function decodeCursor(cursor: string): number {
  try {
    const match = /^a:(\d{1,15})$/.exec(atob(cursor));
    if (match) return Number(match[1]);
  } catch {
    // fall through to the error below
  }
  throw new ValidationError([{ path: ['cursor'], code: 'invalid_cursor', message: 'This cursor did not come from this list; start again without it.' }]);
}

app.openapi(
  officialRoute('owner', {
    method: 'get',
    path: '/sites/{site}/audit',
    tags: ['Audit'],
    summary: 'Who did what and when',
    request: {
      params: SiteParams,
      query: PageQuery.extend({
        action: z.string().regex(/^[a-z_.]{1,60}$/).optional().openapi({ description: 'An action ("token.create") or a family ("token").' }),
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
    const items = await listAudit(c.env.DB, c.var.site.id, { beforeId: cursor ? decodeCursor(cursor) : undefined, limit, action });
    const last = items.at(-1);
    return c.json({ items, nextCursor: items.length === limit && last ? encodeCursor(last.id) : null }, 200);
  },
);

export default app;
