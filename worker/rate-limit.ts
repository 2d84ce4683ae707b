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
export async function enforceRateLimit(limiter: RateLimit, key: string, message = 'Too many requests from your connection in a short time. Wait a minute and try again.'): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) throw new ApiError(429, 'rate_limited', message, undefined, { 'Retry-After': '60' });
}

// Ballots are limited per poll by the poll's PollCounter itself: worker/poll-counter/limits.ts.

/** What a lookup that finds nothing (a wrong code, or a wrong removal key) costs; one that finds something costs 1. */
export const LOOKUP_MISS_COST = 3;

export interface LookupMeter {
  /** Counts `count` of the admitted lookups as misses: LOOKUP_MISS_COST each in all. */
  missed(count?: number): Promise<void>;
}

const lookupsRefused = (whose: string) =>
  new ApiError(429, 'rate_limited', `Too many lookups by reference code ${whose} in a short time. Wait a minute and try again.`, undefined, { 'Retry-After': '60' });

/** `limiter` counted `times` for `key`; true when every count was within the limit. */
async function charge(limiter: RateLimit, key: string, times: number): Promise<boolean> {
  const answers = await Promise.all(Array.from({ length: times }, () => limiter.limit({ key })));
  return answers.every((answer) => answer.success);
}

/**
 * Admits `count` lookups by reference code (each code in a request is one), or answers 429: per
 * hashed client address on this site (LOOKUP_RATE_LIMIT), then per site from every address
 * together (LOOKUP_SITE_RATE_LIMIT). Call `missed()` for the codes that found nothing.
 *
 * Why a miss costs more of the one budget instead of counting against a second, stricter
 * limiter: the binding can only count, never peek. With misses apart, a guesser over the misses
 * limit would still be answered 200 for a live code and 429 for a dead one, and go on guessing
 * at the lookups limit. Here the budget that admits the next lookup, hit or miss, is the one
 * misses use up: at 60 a minute, 60 lookups of codes that exist, or 20 guesses.
 */
export async function meterLookup(c: Context<AppEnv>, count = 1): Promise<LookupMeter> {
  const site = c.var.site.id;
  const address = `${site}:${await clientHash(c, `${site}:lookups`)}`;
  if (!(await charge(c.env.LOOKUP_RATE_LIMIT, address, count))) throw lookupsRefused('from your connection');
  if (!(await charge(c.env.LOOKUP_SITE_RATE_LIMIT, site, count))) throw lookupsRefused('on this site');
  return {
    // An admitted lookup is answered truthfully; its cost only bears on the next ones.
    missed: async (misses = 1) => {
      if (misses <= 0) return;
      await Promise.all([charge(c.env.LOOKUP_RATE_LIMIT, address, misses * (LOOKUP_MISS_COST - 1)), charge(c.env.LOOKUP_SITE_RATE_LIMIT, site, misses * (LOOKUP_MISS_COST - 1))]);
    },
  };
}
