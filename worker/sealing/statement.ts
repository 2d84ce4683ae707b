/**
 * A poll's result statement: what was counted when it closed, in a text whose bytes never vary
 * for the same result, signed with the site's Ed25519 key. The leaves it commits to are one per
 * ballot counted, `RECEIPT \n CHOICES \n HOUR` (choices comma-separated, the hour of casting in
 * UTC, "2026-11-22T08"), in receipt order.
 */
import { leafHash } from './merkle.ts';

export interface BallotLeaf {
  /** The ballot's receipt, "K7QF-3M9X-2D4A". */
  receipt: string;
  /** Option ids, or a scale value, as the ballot holds them. */
  choices: string[];
  /** When it was cast, to the hour (UTC): "2026-11-22T08". */
  hour: string;
}

export interface ResultStatement {
  version: 1;
  site: string;
  poll: string;
  /** SHA-256 (hex) of the poll's definition as it closed: question, options, rules. */
  definition: string;
  closedAt: string;
  ballots: number;
  /** Every option (or scale value) in the poll's order, with its count. */
  tallies: { option: string; count: number }[];
  /** The Merkle root (hex) over the leaves in receipt order (merkle.ts). */
  root: string;
  /** The id of the site key that signs it (`keyId`). */
  key: string;
}

/** Receipts: 12 characters of Crockford's base32 (no I, L, O or U), in three groups of four. */
export const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new receipt: 60 random bits, so a million ballots share one with odds of about one in two million. */
export function newReceipt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export const leafText = (leaf: BallotLeaf): string => `${leaf.receipt}\n${leaf.choices.join(',')}\n${leaf.hour}`;
export const hashLeaf = (leaf: BallotLeaf): Promise<Uint8Array> => leafHash(leafText(leaf));

/** The statement as its signed bytes: JSON with its keys always in this order, no spaces. */
export function statementText(s: ResultStatement): string {
  return JSON.stringify({
    version: s.version,
    site: s.site,
    poll: s.poll,
    definition: s.definition,
    closedAt: s.closedAt,
    ballots: s.ballots,
    tallies: s.tallies.map((t) => ({ option: t.option, count: t.count })),
    root: s.root,
    key: s.key,
  });
}

/** The statement a text holds, or an error saying what is wrong with it. */
export function parseStatement(text: string): ResultStatement {
  const s = JSON.parse(text) as ResultStatement;
  const valid =
    s?.version === 1 &&
    [s.site, s.poll, s.definition, s.closedAt, s.root, s.key].every((v) => typeof v === 'string') &&
    Number.isInteger(s.ballots) &&
    Array.isArray(s.tallies) &&
    s.tallies.every((t) => typeof t?.option === 'string' && Number.isInteger(t.count));
  if (!valid) throw new Error('This is no result statement (version 1).');
  return s;
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const fromBase64url = (text: string) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

export interface SigningKey {
  /** The first 16 hex digits of SHA-256 over the public key. */
  id: string;
  /** The raw 32-byte public key, base64url. */
  publicKey: string;
  privateJwk: JsonWebKey;
}

export async function newSigningKey(): Promise<SigningKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array((await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  const id = Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  return { id, publicKey: base64url(raw), privateJwk: (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey };
}

/** The Ed25519 signature of the statement's text, base64url. */
export async function signStatement(text: string, privateJwk: JsonWebKey): Promise<string> {
  const key = await crypto.subtle.importKey('jwk', privateJwk, { name: 'Ed25519' }, false, ['sign']);
  return base64url(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, new TextEncoder().encode(text))));
}

export async function verifySignature(text: string, signature: string, publicKey: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64url(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64url(signature), new TextEncoder().encode(text));
  } catch {
    return false; // not base64url, or not a 32-byte key
  }
}
