import type { MiddlewareHandler } from 'hono';
import { ApiError, ValidationError } from '../errors.ts';
import type { AppEnv } from '../types.ts';
import { strictJsonIssue } from './strict-json.ts';

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

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes must say what they carry (415 otherwise) and stay under `maxBytes` (413 otherwise): a
 * declared length over the limit is refused before a byte is read, and any other body is counted
 * while it streams in, so an oversize body is never buffered whole. A JSON body is then checked
 * for what JSON.parse lets through and the API refuses (./strict-json.ts).
 * What is left of a body refused part-way is read and dropped after the answer (`holdBody`).
 */
export function requestBody(options: RequestBodyOptions): MiddlewareHandler<AppEnv> {
  const types = options.types ?? ['application/json'];
  const tooLarge = () => new ApiError(413, 'payload_too_large', `The body is larger than ${options.maxBytes.toLocaleString('en')} bytes, the most this address takes.`);
  return async (c, next) => {
    const body = c.req.raw.body;
    // A DELETE usually has no body (browsers may still pass an empty stream); one that says it
    // has one is held to the same rules as any other write.
    const declaresBody = Number(c.req.header('Content-Length')) > 0 || c.req.header('Transfer-Encoding') !== undefined;
    if (!WRITES.has(c.req.method) || (c.req.method === 'DELETE' && !declaresBody)) return next();
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!types.includes(type)) {
      throw new ApiError(415, 'unsupported_media_type', `Send the body as ${types.join(' or ')} with a matching Content-Type header.`);
    }
    if (Number(c.req.header('Content-Length')) > options.maxBytes) throw tooLarge();
    if (!body) return next();
    if (options.stream) {
      c.req.raw = new Request(c.req.raw, { body: countedBody(body, options.maxBytes, tooLarge) });
      return next();
    }
    const bytes = await readAtMost(body, options.maxBytes, tooLarge);
    c.req.raw = new Request(c.req.raw, { body: bytes });
    if (type === 'application/json') {
      const issue = strictJsonIssue(new TextDecoder().decode(bytes));
      if (issue) throw new ValidationError([issue]);
    }
    return next();
  };
}

/** `body` as the handler reads it, counted: a read past `maxBytes` fails with `tooLarge()` (onError answers 413). */
function countedBody(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => ApiError): ReadableStream<Uint8Array> {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) throw tooLarge();
        controller.enqueue(chunk);
      },
    }),
  );
}

/** The whole body, or `tooLarge()` thrown the moment it passes `maxBytes`. */
async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => ApiError): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The most of an unread body that is read and dropped after the answer; past it, the upload is cut off. */
export const DRAIN_MAX_BYTES = 256 * 1024 * 1024;

/**
 * `request` with its body held back from the app: whatever the app does with it (reads it all,
 * stops part-way with a 413, or answers 401 without a look), `finish()` then reads and drops the
 * rest once the answer is ready. Cut off mid-upload instead, the body's sender may get a 5xx
 * from the runtime in place of our answer (wrangler dev answers 500 "Network connection lost").
 * Cloudflare's edge caps bodies at 100–500 MB by plan; this reads at most `DRAIN_MAX_BYTES`.
 */
export function holdBody(request: Request): { request: Request; finish: () => Promise<void> } {
  if (!request.body) return { request, finish: async () => {} };
  const reader = request.body.getReader();
  let done = false;
  // One read at a time: the app's last read may still be waiting when finish() starts.
  let reading: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const read = () =>
    (reading ??= reader.read().then((next) => {
      reading = null;
      if (next.done) done = true;
      return next;
    }));
  const held = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      // The app has stopped reading: the rest is dropped by finish(), not cut off.
      cancel() {},
    },
    { highWaterMark: 0 },
  );
  const finish = async () => {
    let size = 0;
    try {
      while (!done) {
        const next = await read();
        if (next.done) return;
        size += next.value.byteLength;
        if (size > DRAIN_MAX_BYTES) {
          await reader.cancel();
          return;
        }
      }
    } catch {
      // The sender went away: nothing left to drop.
    }
  };
  return { request: new Request(request, { body: held }), finish };
}
