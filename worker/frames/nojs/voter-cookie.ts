/**
 * The voter token of a poll answered without JavaScript, and the one cookie the frames set.
 *
 * What is stored, and why. The JavaScript widget keeps a random voter token in the browser's
 * storage and sends it as `X-Voter-Token`; the API stores only a hash of it salted per poll, and
 * uses it to allow one ballot per voter and to show the voter their own ballot. A browser without
 * JavaScript has one place to keep such a token: a cookie. So, on a poll's frame page:
 *
 * - Nothing is set by looking at the page. The cookie is set only in the answer to a resident's
 *   first counted ballot (the POST), and never for feedback, lookups or any other widget.
 * - Name `osallistu_voter`; value: a 64-character random-looking token (the SHA-256, in hex, of
 *   the form's one-off idempotency key, which is itself random and drawn when the page was
 *   rendered); `HttpOnly; SameSite=Lax; Path=/embed/v1/frame/poll/<poll id>` (so it goes only
 *   to that poll's frame page, and no script can read it), `Max-Age` 180 days, `Secure` on https.
 *   It identifies nothing but "the browser that cast this ballot" and is useless to other polls
 *   (the API hashes it with the poll's own salt).
 * - With it, the same browser later sees its ballot (and may change it when the poll allows), and
 *   a second ballot from it is refused as already cast.
 * - Without it (a browser or a third-party frame that refuses cookies) every post still counts
 *   once: the token then comes from the form's idempotency key, so a double click, a reloaded
 *   POST or the back button replays the first answer instead of counting again; the page says
 *   that this browser cannot be remembered. The page the post redirects to (`answered=KEY`)
 *   derives the same token from the key to show the answer once, cookie or not.
 *
 * The token is derived from the key, rather than drawn at post time, precisely so that the very
 * same form sent twice before the cookie arrives is the same voter with the same key: the API
 * then answers the second with the first answer.
 */
import { sha256Hex } from '../../crypto.ts';

export const VOTER_COOKIE = 'osallistu_voter';
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const MAX_AGE = 180 * 24 * 60 * 60;

export const cookiePath = (poll: string) => `/embed/v1/frame/poll/${poll}`;

/** The voter token in the request's Cookie header, if it holds a well-formed one. */
export function voterFromCookie(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === VOTER_COOKIE) {
      const token = value.join('=');
      return TOKEN.test(token) ? token : null;
    }
  }
  return null;
}

export const voterFromKey = (site: string, poll: string, key: string) => sha256Hex(`nojs-voter:${site}:${poll}:${key}`);

export function voterCookie(poll: string, token: string, secure: boolean): string {
  return `${VOTER_COOKIE}=${token}; Path=${cookiePath(poll)}; Max-Age=${MAX_AGE}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
