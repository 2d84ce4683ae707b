/**
 * Public reads served from the edge: Cloudflare's Cache API in the data centre that answers.
 *
 * - What is cached: a GET to a site's API that a route marked `Cache-Control: public`, asked by
 *   no one in particular (no official's token, no voter token or assertion). A resident who has
 *   voted, and every official, always reaches the Worker and D1.
 * - For how long: the response's `s-maxage`, else its `max-age` (a poll and its results 5 s; the
 *   decision feed, its facets and terms 5 minutes; a form, the catalogue, the site 60 s).
 * - Purge on change: keys carry the site's content version, which every change an official makes
 *   raises (one UPDATE after the change). The isolate that made it reads the new version at once;
 *   others within the 10 s they keep a site (middleware/tenant.ts). Old copies are simply never
 *   asked for again and expire. Ballots and feedback do not raise it: results are at most their
 *   5 s old.
 * - CORS: the copy is stored without `Vary` and origin headers; siteCors adds the asker's own
 *   to every answer, hit or miss. `X-Osallistu-Cache: hit | miss` says which it was. A request
 *   with `Cache-Control: no-cache` is answered by the Worker (and its answer stored).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bumpContentVersion } from '../db/sites.ts';
import { PERSONAL_HEADERS } from '../middleware/d1-session.ts';
import { siteCache } from '../middleware/tenant.ts';
import type { AppEnv } from '../types.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PERSONAL = [...PERSONAL_HEADERS, 'Cookie'];
const CORS = ['Vary', 'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers'];
/** The route's own Cache-Control, kept beside the copy's (which tells the Cache API how long to keep it). */
const ROUTE_CACHE_CONTROL = 'X-Osallistu-Route-Cache-Control';
/**
 * The route's own Vary but Origin (a poll's names X-Voter-Token), kept beside the copy and put
 * back on a hit: without it a browser would keep an anonymous answer for the same URL and hand it
 * to the same page's next read with a voter token (a resident who had just voted saw the form again).
 */
const ROUTE_VARY = 'X-Osallistu-Route-Vary';

/** Seconds a public answer may be kept at the edge: its s-maxage, else its max-age; 0 if it is not public. */
export function edgeSeconds(cacheControl: string | null): number {
  if (!cacheControl || !/(^|,)\s*public\s*(,|$)/i.test(cacheControl) || /no-store|private|no-cache/i.test(cacheControl)) return 0;
  const seconds = /s-maxage=(\d+)/i.exec(cacheControl) ?? /(?:^|[\s,])max-age=(\d+)/i.exec(cacheControl);
  return seconds ? Number(seconds[1]) : 0;
}

/** The key of a request's copy: its URL, query sorted, and the site's content version. */
export function edgeKey(url: string, version: number): string {
  const key = new URL(url);
  key.searchParams.sort();
  key.searchParams.set('__content', String(version));
  return key.toString();
}

/** Whether an If-None-Match list names `etag` (weakly: `W/` aside, as for a GET). */
const matches = (header: string | undefined, etag: string) => !!header && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));

const personal = (c: Context<AppEnv>) => PERSONAL.some((name) => c.req.header(name) !== undefined);

export function edgeCache(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const site = c.var.site;
    if (c.req.method !== 'GET') {
      await next();
      // An official changed something: every cached public read of the site is left behind.
      if (WRITES.has(c.req.method) && c.req.header('Authorization') !== undefined && c.res.status < 300) {
        await bumpContentVersion(c.env.DB, site.id);
        siteCache.delete(site.id);
      }
      return;
    }
    // Personal reads never touch the cache; a request's own `Cache-Control: no-cache` skips the
    // copy (the answer is stored afresh).
    if (personal(c)) return next();
    const fresh = /no-cache/i.test(c.req.header('Cache-Control') ?? '');
    const cache = caches.default;
    const key = edgeKey(c.req.url, site.contentVersion ?? 0);
    const hit = fresh ? undefined : await cache.match(key);
    if (hit) {
      const etag = hit.headers.get('ETag');
      if (etag && matches(c.req.header('If-None-Match'), etag)) {
        c.res = new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': hit.headers.get(ROUTE_CACHE_CONTROL) ?? '' } });
      } else {
        c.res = new Response(hit.body, hit);
        c.res.headers.set('Cache-Control', hit.headers.get(ROUTE_CACHE_CONTROL) ?? '');
        c.res.headers.delete(ROUTE_CACHE_CONTROL);
      }
      const vary = hit.headers.get(ROUTE_VARY);
      if (vary) c.res.headers.set('Vary', vary);
      c.res.headers.delete(ROUTE_VARY);
      c.res.headers.set('X-Osallistu-Cache', 'hit');
      return;
    }
    await next();
    const seconds = c.res.status === 200 ? edgeSeconds(c.res.headers.get('Cache-Control')) : 0;
    if (seconds > 0) {
      const copy = new Response(c.res.clone().body, c.res);
      const vary = (c.res.headers.get('Vary') ?? '').split(',').map((v) => v.trim()).filter((v) => v && v.toLowerCase() !== 'origin').join(', ');
      for (const name of CORS) copy.headers.delete(name);
      if (vary) copy.headers.set(ROUTE_VARY, vary);
      // The Cache API keeps a copy as long as its own Cache-Control says; the asker gets the route's.
      copy.headers.set('Cache-Control', `public, max-age=${seconds}`);
      copy.headers.set(ROUTE_CACHE_CONTROL, c.res.headers.get('Cache-Control') ?? '');
      c.executionCtx.waitUntil(cache.put(key, copy));
      c.res.headers.set('X-Osallistu-Cache', 'miss');
    }
  };
}
