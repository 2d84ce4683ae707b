import { describe, expect, it } from 'vitest';
import { MerkleStream, leafHash, nodeHash, toHex, verifyInclusion } from './merkle.ts';
import { checkProof, proveReceipt, recount } from './recount.ts';
import { RECEIPT, hashLeaf, newReceipt, newSigningKey, signStatement, statementText, verifySignature } from './statement.ts';
import type { BallotLeaf, ResultStatement } from './statement.ts';

/** The tree built whole, level by level (an odd node carried up), as a second reference for the streamed one and its proofs. */
/** Every level of the tree, leaves first, root last (one node); an empty tree has the hash of nothing. */
async function treeLevels(leaves: Uint8Array[]): Promise<Uint8Array[][]> {
  if (!leaves.length) return [[new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array()))]];
  const levels = [leaves];
  for (let level = leaves; level.length > 1; ) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(await nodeHash(level[i]!, level[i + 1]!));
    if (level.length % 2) next.push(level[level.length - 1]!);
    levels.push(next);
    level = next;
  }
  return levels;
}

async function merkleRoot(leaves: Uint8Array[]): Promise<Uint8Array> {
  const levels = await treeLevels(leaves);
  return levels[levels.length - 1]![0]!;
}

/** The inclusion proof (audit path) of leaf `index`, lowest sibling first, from `treeLevels`. */
function inclusionProof(levels: Uint8Array[][], index: number): Uint8Array[] {
  if (index < 0 || index >= levels[0]!.length || !Number.isInteger(index)) throw new RangeError(`no leaf ${index}`);
  const path: Uint8Array[] = [];
  for (let level = 0, i = index; level < levels.length - 1; level++, i >>= 1) {
    const nodes = levels[level]!;
    const sibling = i % 2 ? i - 1 : i + 1;
    if (sibling < nodes.length) path.push(nodes[sibling]!);
  }
  return path;
}

/** RFC 9162's definition, word for word: MTH(D[n]) splits at the largest power of two below n. */
async function mth(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 0) return new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array()));
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(await mth(leaves.slice(0, k)), await mth(leaves.slice(k)));
}

const leavesOf = (n: number) => Promise.all(Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`)));

describe('the Merkle tree', () => {
  it('has RFC 9162\'s root for every size from 0 to 33 leaves', async () => {
    for (let n = 0; n <= 33; n++) {
      const leaves = await leavesOf(n);
      expect(toHex(await merkleRoot(leaves)), `${n} leaves`).toBe(toHex(await mth(leaves)));
    }
  });

  it('proves every leaf of every size, and no proof moves to another leaf, index or root (the size is bound by the signed ballot count)', async () => {
    for (const n of [1, 2, 3, 5, 8, 13, 21]) {
      const leaves = await leavesOf(n);
      const levels = await treeLevels(leaves);
      const root = levels.at(-1)![0]!;
      for (let i = 0; i < n; i++) {
        const path = inclusionProof(levels, i);
        expect(await verifyInclusion(leaves[i]!, i, n, path, root), `leaf ${i} of ${n}`).toBe(true);
        expect(await verifyInclusion(leaves[i]!, n, n, path, root)).toBe(false);
        if (n > 1) {
          expect(await verifyInclusion(leaves[(i + 1) % n]!, i, n, path, root)).toBe(false);
          expect(await verifyInclusion(leaves[i]!, (i + 1) % n, n, path, root)).toBe(false);
          expect(await verifyInclusion(leaves[i]!, i, n, path, leaves[i]!)).toBe(false);
        }
      }
    }
  });

  it('gives, streamed a leaf at a time, the same root and the same proofs as built whole', async () => {
    for (let n = 0; n <= 33; n++) {
      const leaves = await leavesOf(n);
      const levels = await treeLevels(leaves);
      for (const target of n ? [0, Math.floor(n / 2), n - 1] : [-1]) {
        const stream = new MerkleStream(target);
        for (const leaf of leaves) await stream.push(leaf);
        const { root, path } = await stream.finish();
        expect(toHex(root), `${n} leaves`).toBe(toHex(levels.at(-1)![0]!));
        if (target >= 0) expect(path.map(toHex), `leaf ${target} of ${n}`).toEqual(inclusionProof(levels, target).map(toHex));
      }
    }
  });

  it('keeps a leaf from posing as an inner node (the 0x00 and 0x01 prefixes)', async () => {
    const [a, b] = await leavesOf(2);
    const inner = await nodeHash(a!, b!);
    expect(toHex(await leafHash(String.fromCharCode(...a!, ...b!)))).not.toBe(toHex(inner));
  });
});

const POLL: Omit<ResultStatement, 'ballots' | 'tallies' | 'root' | 'key'> = {
  version: 1,
  site: 'koivulahti',
  poll: 'talvikunnossapito',
  definition: 'ab'.repeat(32),
  closedAt: '2026-12-01T12:00:00.000Z',
};

const leaf = (receipt: string, choices: string[], hour = '2026-11-30T08'): BallotLeaf => ({ receipt, choices, hour });

/** A sealed poll of three options: the statement's text, its signature, the key and the leaves in receipt order. */
async function sealed() {
  const key = await newSigningKey();
  const leaves = [leaf('0AAA-AAAA-AAAA', ['a']), leaf('1BBB-BBBB-BBBB', ['b']), leaf('2CCC-CCCC-CCCC', ['a']), leaf('3DDD-DDDD-DDDD', ['c']), leaf('4EEE-EEEE-EEEE', ['a'])];
  const root = toHex(await merkleRoot(await Promise.all(leaves.map(hashLeaf))));
  const statement: ResultStatement = { ...POLL, ballots: 5, tallies: [{ option: 'a', count: 3 }, { option: 'b', count: 1 }, { option: 'c', count: 1 }], root, key: key.id };
  const text = statementText(statement);
  return { key, leaves, statement, text, signature: await signStatement(text, key.privateJwk) };
}

const failed = async (text: string, signature: string, publicKey: string, leaves: BallotLeaf[]) =>
  (await recount(text, signature, publicKey, leaves)).checks.filter((c) => !c.ok).map((c) => c.name);

describe('a sealed result', () => {
  it('recounts, rebuilds its root and carries the site\'s signature', async () => {
    const { key, leaves, text, signature } = await sealed();
    const result = await recount(text, signature, key.publicKey, leaves);
    expect(result.ok).toBe(true);
    expect(result.recounted).toEqual([{ option: 'a', count: 3 }, { option: 'b', count: 1 }, { option: 'c', count: 1 }]);
  });

  it('is the same bytes, and the same signature, however its parts were put together', async () => {
    const { key, statement, text, signature } = await sealed();
    const shuffled = { key: statement.key, root: statement.root, tallies: statement.tallies.map((t) => ({ count: t.count, option: t.option })), ballots: 5, closedAt: POLL.closedAt, definition: POLL.definition, poll: POLL.poll, site: POLL.site, version: 1 } as const;
    expect(statementText(shuffled)).toBe(text);
    expect(text).toBe(
      `{"version":1,"site":"koivulahti","poll":"talvikunnossapito","definition":"${'ab'.repeat(32)}","closedAt":"2026-12-01T12:00:00.000Z","ballots":5,"tallies":[{"option":"a","count":3},{"option":"b","count":1},{"option":"c","count":1}],"root":"${statement.root}","key":"${key.id}"}`,
    );
    expect(await signStatement(text, key.privateJwk)).toBe(signature); // Ed25519 is deterministic
  });

  it('fails on a tampered leaf, a dropped leaf, a reordered leaf and a wrong key, each for its own reason', async () => {
    const { key, leaves, text, signature } = await sealed();
    const tampered = leaves.map((l, i) => (i === 1 ? { ...l, choices: ['a'] } : l));
    expect(await failed(text, signature, key.publicKey, tampered)).toEqual(['tallies', 'root']);
    const retimed = leaves.map((l, i) => (i === 1 ? { ...l, hour: '2026-11-30T09' } : l));
    expect(await failed(text, signature, key.publicKey, retimed)).toEqual(['root']);
    expect(await failed(text, signature, key.publicKey, leaves.slice(1))).toEqual(['count', 'tallies', 'root']);
    const reordered = [leaves[1]!, leaves[0]!, ...leaves.slice(2)];
    expect(await failed(text, signature, key.publicKey, reordered)).toEqual(['order', 'root']);
    const twice = [leaves[0]!, ...leaves.slice(0, 4)];
    expect(await failed(text, signature, key.publicKey, twice)).toContain('order');
    const other = await newSigningKey();
    expect(await failed(text, signature, other.publicKey, leaves)).toEqual(['signature']);
    expect(await failed(text, await signStatement(text, other.privateJwk), key.publicKey, leaves)).toEqual(['signature']);
  });

  it('fails on a doctored statement whose numbers match doctored leaves: the signature is then the one that breaks', async () => {
    const { key, leaves, statement, signature } = await sealed();
    const doctoredLeaves = leaves.map((l, i) => (i === 0 ? { ...l, choices: ['b'] } : l));
    const root = toHex(await merkleRoot(await Promise.all(doctoredLeaves.map(hashLeaf))));
    const doctored = statementText({ ...statement, tallies: [{ option: 'a', count: 2 }, { option: 'b', count: 2 }, { option: 'c', count: 1 }], root });
    expect(await failed(doctored, signature, key.publicKey, doctoredLeaves)).toEqual(['signature']);
    expect(await verifySignature(doctored, signature, key.publicKey)).toBe(false);
    expect(await verifySignature('not json', signature, 'not a key')).toBe(false);
  });

  it('proves a receipt is counted, with log₂(n) hashes; a changed ballot\'s old receipt has no proof under the final root', async () => {
    const { leaves, statement } = await sealed();
    const proof = (await proveReceipt(leaves, '3DDD-DDDD-DDDD'))!;
    expect(proof.path).toHaveLength(3);
    expect(await checkProof(proof, statement.root)).toBe(true);
    expect(await checkProof({ ...proof, leaf: { ...proof.leaf, choices: ['a'] } }, statement.root)).toBe(false);

    // The resident changed ballot 3DDD… to a new one, 5FFF…: the seal covers the ballots as they stand.
    const before = leaves;
    const after = [...leaves.filter((l) => l.receipt !== '3DDD-DDDD-DDDD'), leaf('5FFF-FFFF-FFFF', ['b'])];
    const finalRoot = toHex(await merkleRoot(await Promise.all(after.map(hashLeaf))));
    expect(await proveReceipt(after, '3DDD-DDDD-DDDD')).toBeNull();
    expect(await checkProof((await proveReceipt(before, '3DDD-DDDD-DDDD'))!, finalRoot)).toBe(false);
    expect(await checkProof((await proveReceipt(after, '5FFF-FFFF-FFFF'))!, finalRoot)).toBe(true);
  });

  it('makes receipts of 60 random bits in Crockford\'s base32, none alike in 10,000', () => {
    const receipts = new Set(Array.from({ length: 10_000 }, newReceipt));
    expect(receipts.size).toBe(10_000);
    expect([...receipts].every((r) => RECEIPT.test(r))).toBe(true);
  });
});
