import type { Context } from 'hono';
import { sha256Hex } from '../crypto.ts';
import { findLiveTokenByHash } from '../db/tokens.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import { roleAllows } from '../middleware/auth.ts';
import type { Role } from '../schema/sites.ts';
import type { AppEnv } from '../types.ts';

/**
 * Open311 clients pass their key as the `api_key` query parameter; officials' tools send
 * `Authorization: Bearer`. Either way it is an official's token of this site with `role` or
 * higher, checked as `requireRole` checks it (401 unknown, 403 wrong site or role).
 */
export async function requireOpen311Official(c: Context<AppEnv>, role: Role): Promise<void> {
  const header = c.req.header('Authorization');
  const secret = header !== undefined ? /^Bearer +(\S{1,200})\s*$/i.exec(header)?.[1] : c.req.query('api_key');
  const needs = `Listing requests without service_request_id needs an official's token (${role} role or higher) as api_key or "Authorization: Bearer TOKEN".`;
  if (!secret || secret.length > 200) throw new UnauthorizedError(needs);
  const token = await findLiveTokenByHash(c.env.DB, await sha256Hex(secret));
  if (!token) throw new UnauthorizedError(`api_key: The token is not valid or has been revoked. ${needs}`);
  if (token.siteId !== c.var.site.id) throw new ForbiddenError('wrong_site', `api_key: This token belongs to another site and cannot read "${c.var.site.id}".`);
  if (!roleAllows(token.role, role)) throw new ForbiddenError('insufficient_role', `api_key: This needs the ${role} role or higher; the token has the ${token.role} role.`);
}
