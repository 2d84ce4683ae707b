/**
 * The Merkle tree over a poll's ballot leaves, as Certificate Transparency builds its logs
 * (RFC 9162, section 2.1): a leaf is hashed as SHA-256(0x00 ‖ leaf), an inner node as
 * SHA-256(0x01 ‖ left ‖ right), so no leaf can pose as a node; a level with an odd number of
 * nodes carries its last one up unchanged (MerkleStream, below, builds it). Anyone can rebuild the root from the published
 * leaves, and prove one leaf is in it with log₂(n) hashes. Web Crypto only, so the same code
 * runs in the Worker, in Node (`npm run verify`) and in the browser (the verify page).
 */

const encoder = new TextEncoder();

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

export const leafHash = (leaf: string): Promise<Uint8Array> => sha256(LEAF, encoder.encode(leaf));
export const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Uint8Array> => sha256(NODE, left, right);

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error('not lowercase hex');
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
}

/** Whether `leaf` at `index` of a tree of `size` leaves, with this `path`, gives `root` (RFC 9162, 2.1.3.2). */
export async function verifyInclusion(leaf: Uint8Array, index: number, size: number, path: Uint8Array[], root: Uint8Array): Promise<boolean> {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && toHex(r) === toHex(root);
}

interface Subtree {
  hash: Uint8Array;
  size: number;
  /** It holds the leaf whose proof is wanted. */
  target: boolean;
}

/**
 * The same tree built from leaves as they stream past, in memory for log₂(n) hashes: a million
 * leaves read page by page from D1 never sit in memory together. It keeps the perfect subtrees
 * the leaves so far make (as a binary counter does) and, given a leaf's index, the siblings on
 * its way up, which are its inclusion proof.
 */
export class MerkleStream {
  readonly #stack: Subtree[] = [];
  readonly #path: Uint8Array[] = [];
  #size = 0;

  /** The index of the leaf to prove, if any. */
  private readonly target: number;

  /** (A plain field, not a parameter property: `npm run verify` runs this file in Node, which only strips types.) */
  constructor(target = -1) {
    this.target = target;
  }

  get size(): number {
    return this.#size;
  }

  async push(leaf: Uint8Array): Promise<void> {
    this.#stack.push({ hash: leaf, size: 1, target: this.#size++ === this.target });
    for (let n = this.#stack.length; n > 1 && this.#stack[n - 1]!.size === this.#stack[n - 2]!.size; n--) {
      const right = this.#stack.pop()!;
      const left = this.#stack.pop()!;
      this.#stack.push(await this.#join(left, right));
    }
  }

  async #join(left: Subtree, right: Subtree): Promise<Subtree> {
    if (left.target) this.#path.push(right.hash);
    if (right.target) this.#path.push(left.hash);
    return { hash: await nodeHash(left.hash, right.hash), size: left.size + right.size, target: left.target || right.target };
  }

  /** The root and the target's proof (lowest sibling first); the stream is spent after. */
  async finish(): Promise<{ root: Uint8Array; path: Uint8Array[] }> {
    if (!this.#stack.length) return { root: new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array())), path: [] };
    let right = this.#stack.pop()!;
    while (this.#stack.length) right = await this.#join(this.#stack.pop()!, right);
    return { root: right.hash, path: this.#path };
  }
}
