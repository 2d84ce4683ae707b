import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../types.ts';

export interface RequestBodyOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Media types a write may carry (parameters such as `charset` are ignored). */
  types?: string[];
}

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Writes must say they carry JSON (415 otherwise) and stay under `maxBytes` (413 otherwise),
 * checked while the body streams in, so an oversize body is never buffered whole.
 */
export function requestBody(options: RequestBodyOptions): MiddlewareHandler<AppEnv> {
  const types = options.types ?? ['application/json'];
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The body is larger than ${options.maxBytes} bytes.`);
    },
  });
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!types.includes(type)) {
      throw new ApiError(415, 'unsupported_media_type', `Send the body as ${types.join(' or ')} with a matching Content-Type header.`);
    }
    return limit(c, next);
  };
}
