import type { Context } from 'hono';
import { verifyWithJwks } from 'hono/jwt';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import { sha256Hex } from './crypto.ts';
import { ApiError, ForbiddenError, ValidationError } from './errors.ts';
import type { StoredPoll } from './db/polls.ts';
import { VOTER_TOKEN_PATTERN as TOKEN_PATTERN } from './schema/headers.ts';
import type { AppEnv } from './types.ts';

export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
/** Longest life a host site may give a voter assertion: it is made for one vote, now. */
const MAX_ASSERTION_SECONDS = 15 * 60;

/** The widget's random voter token from `X-Voter-Token`, if it looks like one. */
export function voterTokenHeader(c: Context<AppEnv>): string | undefined {
  const token = c.req.header('X-Voter-Token');
  return token && TOKEN_PATTERN.test(token) ? token : undefined;
}

/** What the server stores for a voter: a hash salted per poll, so polls cannot be linked. */
export function voterHash(poll: StoredPoll, voterId: string): Promise<string> {
  return sha256Hex(`${poll.salt}:${voterId}`);
}

/**
 * Who is reading a poll, for showing their own ballot: like `identifyVoter` but without the
 * robot check, and null rather than an error when the request does not say.
 */
export async function identifyReader(c: Context<AppEnv>, poll: StoredPoll): Promise<string | null> {
  if (poll.voterMode === 'signed') {
    // A page left open past the assertion's expiry still reads the poll, just not as the voter.
    if (!c.req.header('X-Voter-Assertion')) return null;
    return verifiedSubject(c).then((sub) => `signed:${sub}`, () => null);
  }
  const token = voterTokenHeader(c);
  return token ? `token:${token}` : null;
}

/**
 * Who is voting, by the poll's mode: the widget's token (anonymous and challenge polls), or the
 * subject of a JWT the host site signed (signed polls). Challenge polls must also pass
 * `passChallenge`, after an idempotent replay has been ruled out (a Turnstile token works once).
 */
export async function identifyVoter(c: Context<AppEnv>, poll: StoredPoll): Promise<string> {
  if (poll.voterMode === 'signed') return `signed:${await verifiedSubject(c)}`;
  const token = voterTokenHeader(c);
  if (!token) {
    throw new ValidationError([
      { path: ['X-Voter-Token'], code: 'voter_token_required', message: 'Send the voter token the widget keeps (16–128 letters, digits, "-" or "_") in X-Voter-Token.' },
    ]);
  }
  return `token:${token}`;
}

async function verifiedSubject(c: Context<AppEnv>): Promise<string> {
  const assertion = c.req.header('X-Voter-Assertion');
  if (!assertion) throw new ApiError(401, 'voter_assertion_required', 'This poll is for signed-in residents: the host site must send its signed voter assertion in X-Voter-Assertion.');
  const keys = c.var.site.voterKeys as HonoJsonWebKey[];
  if (!keys.length) throw new ForbiddenError('signed_voting_not_configured', 'This site has no voter keys; an owner must add the host site\'s public key before signed polls take ballots.');
  let payload: { sub?: unknown; exp?: unknown };
  try {
    payload = await verifyWithJwks(assertion, { keys, allowedAlgorithms: ['ES256', 'RS256', 'EdDSA'], verification: { aud: `osallistu:${c.var.site.id}` } });
  } catch {
    throw new ApiError(401, 'voter_assertion_invalid', 'The voter assertion is not valid: check its signature, "aud" ("osallistu:SITE"), "exp" and "kid".');
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number' || payload.exp > now + MAX_ASSERTION_SECONDS) {
    throw new ApiError(401, 'voter_assertion_invalid', `The voter assertion must expire within ${MAX_ASSERTION_SECONDS / 60} minutes ("exp").`);
  }
  if (typeof payload.sub !== 'string' || !payload.sub || payload.sub.length > 200) {
    throw new ApiError(401, 'voter_assertion_invalid', 'The voter assertion needs a "sub" that identifies the resident at the host site.');
  }
  return payload.sub;
}

/** Checks a Turnstile response with Cloudflare, the one call that leaves the Worker. */
export async function passChallenge(c: Context<AppEnv>): Promise<void> {
  const secret = c.var.site.challengeSecret;
  if (!secret) throw new ForbiddenError('challenge_not_configured', 'This site has no Turnstile secret; an owner must add one before anything that asks for the check can be sent.');
  const response = c.req.header('X-Challenge-Token');
  if (!response || response.length > 4096) throw new ForbiddenError('challenge_required', 'Complete the check that you are not a robot, then send it in X-Challenge-Token.');
  const form = new FormData();
  form.set('secret', secret);
  form.set('response', response);
  const ip = c.req.header('CF-Connecting-IP');
  if (ip) form.set('remoteip', ip);
  let outcome: { success?: boolean };
  try {
    const verify = await fetch(TURNSTILE_VERIFY_URL, { method: 'POST', body: form, signal: AbortSignal.timeout(5000) });
    outcome = (await verify.json()) as { success?: boolean };
  } catch {
    throw new ApiError(503, 'challenge_unavailable', 'The robot check could not be verified just now. Please try again.', undefined, { 'Retry-After': '5' });
  }
  if (outcome.success !== true) throw new ForbiddenError('challenge_failed', 'The check that you are not a robot did not pass. Please try it again.');
}
