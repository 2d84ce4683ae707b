import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../errors.ts';
import type { AppEnv } from '../types.ts';

export interface SiteCorsOptions {
  allowMethods?: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  maxAgeSeconds?: number;
}

/**
 * CORS for one municipality's API: only the site's registered origins (and the API's own origin,
 * which serves the demo page and the iframe pages) get `Access-Control-Allow-Origin`. A preflight
 * from any other origin is refused with a 403 that says which origin to register.
 */
export function siteCors(options: SiteCorsOptions = {}): MiddlewareHandler<AppEnv> {
  const allowMethods = (options.allowMethods ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).join(', ');
  const allowHeaders = (options.allowHeaders ?? ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Voter-Token', 'X-Voter-Assertion', 'X-Challenge-Token']).join(', ');
  const exposeHeaders = (options.exposeHeaders ?? ['Retry-After', 'Idempotent-Replay']).join(', ');
  const maxAge = String(options.maxAgeSeconds ?? 600);

  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && (c.var.site.origins.includes(origin) || origin === new URL(c.req.url).origin);

    if (c.req.method === 'OPTIONS') {
      if (!allowed) {
        throw new ForbiddenError(
          'origin_not_allowed',
          `The origin ${origin ?? '(none)'} is not registered for site "${c.var.site.id}". An owner can add it to the site's origins.`,
        );
      }
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': allowMethods,
        'Access-Control-Allow-Headers': allowHeaders,
        'Access-Control-Max-Age': maxAge,
        Vary: 'Origin',
      });
    }

    await next();
    c.header('Vary', 'Origin', { append: true });
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', exposeHeaders);
    }
  };
}

/** Public, credential-free documents (health, OpenAPI) may be read from anywhere. */
export function openCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
  };
}
