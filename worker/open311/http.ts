import type { MiddlewareHandler } from 'hono';
import { openCors } from '../middleware/cors.ts';
import type { AppEnv } from '../types.ts';

const READS = new Set(['GET', 'HEAD']);

/**
 * Headers for every /open311 answer: reads are open data, so any origin may read them (as
 * `openCors()` allows for health), and a preflight for a read (an official's list with
 * `Authorization`) is answered; writes get no CORS headers. Not sniffed, not cached unless a
 * route says so.
 */
export function open311Headers(): MiddlewareHandler<AppEnv> {
  const cors = openCors();
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'Authorization',
        'Access-Control-Max-Age': '600',
      });
    }
    await (READS.has(c.req.method) ? cors(c, next) : next());
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}
