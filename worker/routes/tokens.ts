import { z } from '@hono/zod-openapi';
import { createApp, nowIso, officialRoute } from '../app.ts';
import { newTokenSecret, randomId, sha256Hex } from '../crypto.ts';
import { auditStatement } from '../db/audit.ts';
import { findToken, insertTokenStatement, listTokens, revokeTokenStatement } from '../db/tokens.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { CreatedToken, TokenCreate, TokenInfo } from '../schema/sites.ts';

const app = createApp();

app.openapi(
  officialRoute('owner', {
    method: 'get',
    path: '/sites/{site}/tokens',
    tags: ['Tokens'],
    summary: 'The site\'s officials\' tokens (never their secrets)',
    request: { params: SiteParams },
    responses: {
      200: { description: 'Newest first', content: { 'application/json': { schema: z.object({ items: z.array(TokenInfo) }) } } },
      ...errorResponses(401, 403, 404),
    },
  }),
  async (c) => c.json({ items: await listTokens(c.env.DB, c.var.site.id) }, 200),
);

app.openapi(
  officialRoute('owner', {
    method: 'post',
    path: '/sites/{site}/tokens',
    tags: ['Tokens'],
    summary: 'Create a token for an official',
    description: 'The answer carries the secret once; only its hash is stored.',
    request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: TokenCreate } } } },
    responses: {
      201: { description: 'Created', content: { 'application/json': { schema: CreatedToken } } },
      ...errorResponses(400, 401, 403, 404, 413, 415),
    },
  }),
  async (c) => {
    const { label, role, labelLang = c.var.site.defaultLang } = c.req.valid('json');
    const secret = newTokenSecret();
    const now = nowIso();
    const token = { id: randomId(9), siteId: c.var.site.id, tokenHash: await sha256Hex(secret), role, label, labelLang, createdBy: c.var.official.tokenId, createdAt: now };
    await c.env.DB.batch([
      insertTokenStatement(c.env.DB, token),
      auditStatement(c.env.DB, c.var.official, { action: 'token.create', target: token.id, detail: { label, labelLang, role } }, now),
    ]);
    return c.json({ id: token.id, label, labelLang, role, createdAt: now, revokedAt: null, token: secret }, 201);
  },
);

app.openapi(
  officialRoute('owner', {
    method: 'delete',
    path: '/sites/{site}/tokens/{token}',
    tags: ['Tokens'],
    summary: 'Revoke a token',
    request: { params: SiteParams.extend({ token: z.string().min(1).max(40) }) },
    responses: {
      200: { description: 'Revoked', content: { 'application/json': { schema: TokenInfo } } },
      ...errorResponses(401, 403, 404, 409),
    },
  }),
  async (c) => {
    const { token: id } = c.req.valid('param');
    const site = c.var.site.id;
    const token = await findToken(c.env.DB, site, id);
    if (!token) throw new NotFoundError('token_not_found', `There is no token "${id}" on this site.`);
    if (token.revokedAt) return c.json(token, 200);
    if (token.role === 'owner') {
      const liveOwners = (await listTokens(c.env.DB, site)).filter((t) => t.role === 'owner' && !t.revokedAt);
      if (liveOwners.length <= 1) {
        throw new ConflictError('last_owner', 'This is the site\'s last owner token; create another owner token before revoking it.');
      }
    }
    const now = nowIso();
    await c.env.DB.batch([
      revokeTokenStatement(c.env.DB, site, id, now),
      auditStatement(c.env.DB, c.var.official, { action: 'token.revoke', target: id, detail: { label: token.label, labelLang: token.labelLang, role: token.role } }, now),
    ]);
    return c.json({ ...token, revokedAt: now }, 200);
  },
);

export default app;
