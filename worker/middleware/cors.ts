import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../types.ts';

export interface SiteCorsOptions {
  allowMethods?: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  maxAgeSeconds?: number;
}

/**
 * CORS for one municipality's API.
 *
 * - The site's registered origins and the API's own origin (the demo page, the frame pages) get
 *   `Access-Control-Allow-Origin` for every call.
 * - `Origin: null` is what a sandboxed frame sends (WordPress wraps oEmbed frames in
 *   `sandbox="allow-scripts"`). The frame pages are ours and `frame-ancestors` lets only the
 *   site's registered origins show them, so residents' calls (no `Authorization`) are answered to
 *   `null`. An official's token never is: a sandboxed page has no business holding one.
 * - Any other origin gets a 403 `origin_not_allowed` before anything is read or stored, and it is
 *   readable (the origin is echoed), so the widget can tell the web editor which origin to register
 *   and where instead of blaming the network. Preflights are answered for any origin for the same
 *   reason: the refusal comes with the real request, where the browser lets the page read it.
 * - A request without `Origin` (a server, curl, a same-origin GET) is not a browser's cross-origin
 *   call: CORS does not apply.
 */
export function siteCors(options: SiteCorsOptions = {}): MiddlewareHandler<AppEnv> {
  const allowMethods = (options.allowMethods ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).join(', ');
  const allowHeaders = (options.allowHeaders ?? ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Voter-Token', 'X-Voter-Assertion', 'X-Challenge-Token', 'X-D1-Bookmark']).join(', ');
  const exposeHeaders = (options.exposeHeaders ?? ['Retry-After', 'Idempotent-Replay', 'X-D1-Bookmark', 'X-Osallistu-Cache']).join(', ');
  const maxAge = String(options.maxAgeSeconds ?? 600);

  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin === undefined) {
      await next();
      c.header('Vary', 'Origin', { append: true }); // a shared cache must not hand this answer to a cross-origin call
      return;
    }

    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': allowMethods,
        'Access-Control-Allow-Headers': allowHeaders,
        'Access-Control-Max-Age': maxAge,
        Vary: 'Origin',
      });
    }

    const site = c.var.site;
    const registered = site.origins.includes(origin) || origin === new URL(c.req.url).origin;
    const sandboxed = origin === 'null';
    const readable = { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': exposeHeaders, Vary: 'Origin' };
    if (sandboxed && c.req.header('Authorization') !== undefined) {
      throw new ApiError(
        403,
        'origin_not_allowed',
        'An official\'s token is not taken from a sandboxed page (Origin: null). Use the Osallistu console, or call the API from a server without an Origin header.',
        undefined,
        readable,
      );
    }
    if (!registered && !sandboxed) {
      throw new ApiError(
        403,
        'origin_not_allowed',
        `The page at ${origin.slice(0, 200)} is not registered for the site "${site.id}", so the API does not answer it. ` +
          `An owner registers it in the Osallistu console's Settings view (Origins), or with \`npm run site:create -- --id ${site.id} --origin ${origin.slice(0, 200)}\`; it works at once, with no restart.`,
        undefined,
        readable,
      );
    }

    await next();
    c.header('Vary', 'Origin', { append: true });
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', exposeHeaders);
  };
}

/** Public, credential-free documents (health, OpenAPI) may be read from anywhere. */
export function openCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
  };
}
