import type { Context } from 'hono';
import { findAnswer, storeAnswerStatement } from './db/idempotency.ts';
import { ApiError, ValidationError } from './errors.ts';
import { IDEMPOTENCY_KEY_PATTERN as KEY_PATTERN } from './schema/headers.ts';
import type { AppEnv } from './types.ts';

/** The request's Idempotency-Key, validated; undefined when none was sent. */
export function idempotencyKey(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError([{ path: ['Idempotency-Key'], code: 'invalid_header', message: 'Use 8–100 letters, digits, "_", "-", "." or ":", e.g. a UUID.' }]);
  }
  return key;
}

export interface Replay {
  status: number;
  response: unknown;
}

/**
 * The stored first answer for `key`, if this exact request was made before. The same key with
 * a different request is refused: a client must not reuse keys across writes.
 */
export async function replayFor(c: Context<AppEnv>, key: string | undefined, scope: string, requestHash: string): Promise<Replay | null> {
  if (!key) return null;
  const stored = await findAnswer(c.env.DB, c.var.site.id, key);
  if (!stored) return null;
  if (stored.scope !== scope || stored.requestHash !== requestHash) {
    throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for each new write.');
  }
  return { status: stored.status, response: stored.response };
}

/** The statement that records the first answer, for the write's own batch. */
export function rememberAnswer(c: Context<AppEnv>, key: string, scope: string, requestHash: string, status: number, response: unknown, now: string) {
  return storeAnswerStatement(c.env.DB, c.var.site.id, key, { scope, requestHash, status, response }, now);
}
