/** Hashing and randomness shared by tokens, voters and rate limits (Web Crypto, works in Node too). */

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `bytes` random bytes as base64url, without padding. */
export function randomId(bytes = 16): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...buffer)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** An official's secret: recognisable prefix, 256 random bits. */
export function newTokenSecret(): string {
  return `osl_${randomId(32)}`;
}
