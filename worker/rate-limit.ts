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

/**
 * Fair limits on ballots, per poll and minute, keyed on salted hashes, never an address or a
 * token: every ballot counts against its address (BALLOT_ADDRESS_RATE_LIMIT, 1,000 for all voters
 * together, so a class or an office behind one address votes at once while a script minting a
 * token per ballot is held to it), and a voter who already has a ballot also against themselves
 * from any address (BALLOT_RATE_LIMIT, 20 changes or repeats: a resident rarely meets it, a script
 * re-voting with one token does). A first ballot, the common case, costs one limiter call. A
 * repeat is counted against its address before it is known to be one, so a client looping on one
 * token uses up its address's share like any script would; the voter limit bounds the reads and
 * writes it causes. The poll's PollCounter knows whether the voter has a ballot, so it asks the
 * voter limit itself (worker/poll-counter/).
 */
export const ballotLimits = {
  address: (env: Pick<Env, 'BALLOT_ADDRESS_RATE_LIMIT'>, poll: string, address: string) =>
    enforceRateLimit(env.BALLOT_ADDRESS_RATE_LIMIT, `${poll}:${address}`, 'Too many ballots from your network in a short time. Wait a minute and try again.'),
  /** Counts a repeat or change by a voter who has a ballot; false when over the limit (PollCounter answers the 429). */
  voterAllowed: async (env: Pick<Env, 'BALLOT_RATE_LIMIT'>, poll: string, voter: string) => (await env.BALLOT_RATE_LIMIT.limit({ key: `${poll}:${voter}` })).success,
};

export const BALLOT_VOTER_LIMITED = 'Too many ballots from this browser in a short time. Wait a minute and try again.';

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
