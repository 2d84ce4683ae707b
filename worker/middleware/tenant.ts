import type { MiddlewareHandler } from 'hono';
import { TtlCache } from '../cache.ts';
import { findSite } from '../db/sites.ts';
import { NotFoundError } from '../errors.ts';
import { Slug } from '../schema/common.ts';
import type { AppEnv } from '../types.ts';

import type { SiteRecord } from '../schema/sites.ts';

/** Sites change rarely and are read on every request: kept for a few seconds per isolate. */
export const siteCache = new TtlCache<SiteRecord>(10_000);

/** Resolves `:site` to the municipality's settings, or answers 404 `site_not_found`. */
export function tenant(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param('site') ?? '';
    const site = Slug.safeParse(slug).success ? await siteCache.getOrLoad(slug, () => findSite(c.env.DB, slug)) : null;
    if (!site) throw new NotFoundError('site_not_found', `There is no site "${slug.slice(0, 64)}" on this server.`);
    c.set('site', site);
    await next();
  };
}
