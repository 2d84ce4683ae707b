import type { Context, MiddlewareHandler } from 'hono';
import { sha256Hex } from '../crypto.ts';
import { findLiveTokenByHash } from '../db/tokens.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import { roleAllows } from '../schema/roles.ts';
import type { Official, Role } from '../schema/sites.ts';
import type { AppEnv } from '../types.ts';

export { roleAllows };

/**
 * The official behind the request's token, checked like `requireRole`, or null when no token
 * was sent: for public reads that show officials more (drafts, hidden results).
 */
export async function optionalOfficial(c: Context<AppEnv>, role: Role = 'viewer'): Promise<Official | null> {
  return c.req.header('Authorization') ? resolveOfficial(c, role) : null;
}

/**
 * The official behind the bearer token: it must be live, belong to the site in the URL (else
 * 403 `wrong_site`) and hold `role` or a higher one (else 403 `insufficient_role`).
 */
async function resolveOfficial(c: Context<AppEnv>, role: Role): Promise<Official> {
  const secret = /^Bearer +(\S{1,200})\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  if (!secret) throw new UnauthorizedError();
  const token = await findLiveTokenByHash(c.env.DB, await sha256Hex(secret));
  if (!token) throw new UnauthorizedError('The token is not valid or has been revoked.');
  if (token.siteId !== c.var.site.id) {
    throw new ForbiddenError('wrong_site', `This token belongs to another site and cannot act on "${c.var.site.id}".`);
  }
  if (!roleAllows(token.role, role)) {
    throw new ForbiddenError('insufficient_role', `This needs the ${role} role or higher; the token has the ${token.role} role.`);
  }
  return { tokenId: token.id, label: token.label, labelLang: token.labelLang, role: token.role, site: token.siteId };
}

/** Bearer auth for officials' routes, as an options factory; sets `c.var.official`. */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('official', await resolveOfficial(c, role));
    await next();
  };
}
