/**
 * POST /embed/v1/frame/{poll|feedback}/{id}: the plain form posts of the server-rendered widgets.
 * A post is answered with a 303 redirect to the page that shows its result (a reload or the back
 * button never sends it again), or with the page again, its errors summarized and the values kept,
 * under a 4xx. Nothing here decides what is stored: the API does (./api.ts).
 *
 * Posts come from the frame page itself: its own origin, or `Origin: null` when a host page frames
 * it in a sandbox (the page is still ours) or the browser hides it. A post from any other page on
 * the web, other than one of the site's registered origins, is refused with a 403 page before
 * anything is read or stored.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../types.ts';
import type { FallbackContext, RenderState } from './context.ts';
import { postFeedback } from './feedback.ts';
import type { PostOutcome } from './outcome.ts';
import { postPoll } from './poll.ts';
import { stringsFor } from './strings/index.ts';

/** Largest form post taken: the API's own limit for a JSON write. */
export const MAX_POST_BYTES = 64 * 1024;

const HANDLERS: Record<string, (ctx: FallbackContext, form: URLSearchParams) => Promise<PostOutcome>> = { poll: postPoll, feedback: postFeedback };

export const nojsPosts = new Hono<AppEnv>();

nojsPosts.post('/:widget/:id', async (c) => {
  // Imported when called: the frame page's module imports this one.
  const { findFrame, showFrame } = await import('../index.ts');
  const found = await findFrame(c);
  if (found instanceof Response) return found;
  const t = stringsFor(found.lang);
  const refuse = (status: RefusedStatus, message: string, headers: Record<string, string> = {}) =>
    showFrame(c, found, { status, state: { errors: [{ message }] } }, headers);

  const handler = Object.hasOwn(HANDLERS, found.target.widget) ? HANDLERS[found.target.widget] : undefined;
  if (!handler) return refuse(405, t.wrongType, { Allow: 'GET' });
  const origin = c.req.header('Origin');
  const own = new URL(c.req.url).origin;
  if (origin !== undefined && origin !== 'null' && origin !== own && !found.site.origins.includes(origin)) {
    return refuse(403, t.foreignOrigin(origin.slice(0, 200)));
  }
  if (c.req.query('preview') === '1') return refuse(403, t.previewOff);
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return refuse(415, t.wrongType);
  if (Number(c.req.header('Content-Length')) > MAX_POST_BYTES) return refuse(413, t.tooLarge);
  const text = await readAtMost(c.req.raw.body, MAX_POST_BYTES);
  if (text === null) return refuse(413, t.tooLarge);
  const form = new URLSearchParams(text);

  const ctx: FallbackContext = { c, widget: found.target.widget, id: found.target.id, site: found.site, lang: found.lang, preview: false, url: new URL(c.req.url) };
  const outcome = await handler(ctx, form);
  if ('redirect' in outcome) {
    const headers = new Headers({ Location: outcome.redirect, 'Cache-Control': 'no-store' });
    if (outcome.cookie) headers.set('Set-Cookie', outcome.cookie);
    return new Response(null, { status: 303, headers });
  }
  return showFrame(c, found, outcome);
});

type RefusedStatus = NonNullable<FallbackContext['status']> | 405;
export type Refused = { status: RefusedStatus; state: RenderState };

/** The body as text, or null when it is longer than `max` bytes (the rest is left unread). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, max: number): Promise<string | null> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
