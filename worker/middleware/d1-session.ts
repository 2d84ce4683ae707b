/**
 * D1's Sessions API, so reads can be served by read replicas near the reader where a deployment
 * has them turned on (D1 read replication), and never older than what the asker already saw.
 *
 * - An anonymous GET (no official's token, no voter token or assertion) may read any replica
 *   ("first-unconstrained"): the public poll, feed and forms.
 * - Everything else starts at the primary ("first-primary"): every write, an official's reads,
 *   and a resident's who has voted (their own ballot must be there on the next page).
 * - A client that sends `X-D1-Bookmark` (from an earlier answer) reads at least that far; every
 *   answer carries the session's bookmark in the same header for the next request.
 *
 * Without replication (and locally) every session is the primary, so nothing changes but the header.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../types.ts';

export const BOOKMARK_HEADER = 'X-D1-Bookmark';
const BOOKMARK = /^[0-9a-f-]{8,200}$/i;
/** Headers that make a request someone's own: an official's token, a resident's voter token or assertion. */
export const PERSONAL_HEADERS = ['Authorization', 'X-Voter-Token', 'X-Voter-Assertion'];

export function d1Session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A page the Worker renders from its own API (the frames) asks within the session it has.
    if (typeof c.env.DB.withSession !== 'function') return next();
    const sent = c.req.header(BOOKMARK_HEADER);
    const anonymousRead = c.req.method === 'GET' && !PERSONAL_HEADERS.some((name) => c.req.header(name) !== undefined);
    const session = c.env.DB.withSession(sent && BOOKMARK.test(sent) ? sent : anonymousRead ? 'first-unconstrained' : 'first-primary');
    // A session reads and writes as the database does (prepare, batch); the code reads `DB` as ever.
    c.env = { ...c.env, DB: session as unknown as D1Database };
    await next();
    const bookmark = session.getBookmark();
    if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
  };
}
