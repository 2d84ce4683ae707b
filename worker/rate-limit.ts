import type { Context } from 'hono';
import { sha256Hex } from './crypto.ts';
import { ApiError } from './errors.ts';
import type { AppEnv } from './types.ts';

/**
 * A client's address as a hash salted with a secret and the day, so limits work without ever
 * storing or sending on the raw address, and yesterday's hashes cannot be linked to today's.
 */
export async function clientHash(c: Context<AppEnv>, secretSalt: string): Promise<string> {
  const address = c.req.header('CF-Connecting-IP') ?? 'unknown';
  const day = new Date().toISOString().slice(0, 10);
  return sha256Hex(`${secretSalt}:${day}:${address}`);
}

/** Counts one request against `limiter` for `key`; 429 with Retry-After when over the limit. */
export async function enforceRateLimit(limiter: RateLimit, key: string): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) {
    throw new ApiError(429, 'rate_limited', 'Too many requests from your connection in a short time. Wait a minute and try again.', undefined, { 'Retry-After': '60' });
  }
}
