import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../types.ts';

export interface RequestBodyOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Media types a write may carry (parameters such as `charset` are ignored). */
  types?: string[];
  /**
   * Leave the body to the handler, to read as a stream: it is counted as it streams through,
   * and the read fails with 413 the moment it passes `maxBytes`. For large bodies a handler
   * takes in pieces (the decision import); everything else is read whole, up to `maxBytes`.
   */
  stream?: boolean;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Writes must say they carry JSON (415 otherwise) and stay under `maxBytes` (413 otherwise),
 * checked while the body streams in, so an oversize body is never buffered whole.
 */
export function requestBody(options: RequestBodyOptions): MiddlewareHandler<AppEnv> {
  const types = options.types ?? ['application/json'];
  const tooLarge = () => new ApiError(413, 'payload_too_large', `The body is larger than ${options.maxBytes} bytes.`);
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!types.includes(type)) {
      throw new ApiError(415, 'unsupported_media_type', `Send the body as ${types.join(' or ')} with a matching Content-Type header.`);
    }
    if (!options.stream) return limit(c, next);
    if (Number(c.req.header('Content-Length')) > options.maxBytes) throw tooLarge();
    const body = c.req.raw.body;
    if (body) {
      let size = 0;
      const counted = body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            size += chunk.byteLength;
            // Errors the stream: the handler's next read throws this, and onError answers 413.
            if (size > options.maxBytes) throw tooLarge();
            controller.enqueue(chunk);
          },
        }),
      );
      c.req.raw = new Request(c.req.raw, { body: counted });
    }
    return next();
  };
}
