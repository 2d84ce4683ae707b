/**
 * What anyone can check with a poll's open data and the site's public key, trusting nothing
 * else: the signature is the site's, the leaves are in receipt order with no receipt twice,
 * there is one leaf per ballot counted, the leaves recount to the published tallies, and they
 * rebuild the published Merkle root. And whether a receipt is among them, with its proof.
 */
import { MerkleStream, fromHex, toHex, verifyInclusion } from './merkle.ts';
import { RECEIPT, hashLeaf, parseStatement, verifySignature } from './statement.ts';
import type { BallotLeaf, ResultStatement } from './statement.ts';

export type CheckName = 'signature' | 'order' | 'count' | 'tallies' | 'root';

export interface Recount {
  /** Every check passed. */
  ok: boolean;
  checks: { name: CheckName; ok: boolean; detail: string }[];
  statement: ResultStatement;
  /** The tallies the leaves give, in the statement's option order (and any other option after). */
  recounted: { option: string; count: number }[];
  /** The Merkle root the leaves give, hex. */
  root: string;
}

export async function recount(statementText: string, signature: string, publicKey: string, leaves: BallotLeaf[]): Promise<Recount> {
  const statement = parseStatement(statementText);
  const checks: Recount['checks'] = [];
  const check = (name: CheckName, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  check('signature', await verifySignature(statementText, signature, publicKey), `key ${statement.key}`);

  const badOrder = leaves.findIndex((leaf, i) => !RECEIPT.test(leaf.receipt) || (i > 0 && leaves[i - 1]!.receipt >= leaf.receipt));
  check('order', badOrder === -1, badOrder === -1 ? `${leaves.length} receipts, each once, in order` : `leaf ${badOrder + 1} (${leaves[badOrder]!.receipt}) is out of order, repeated or malformed`);

  check('count', leaves.length === statement.ballots, `${leaves.length} leaves, ${statement.ballots} ballots stated`);

  const counts = new Map(statement.tallies.map((t) => [t.option, 0]));
  for (const leaf of leaves) for (const choice of leaf.choices) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  const recounted = [...counts].map(([option, count]) => ({ option, count }));
  const differing = recounted.filter((t) => statement.tallies.find((s) => s.option === t.option)?.count !== t.count);
  check('tallies', differing.length === 0, differing.length ? `differ for ${differing.map((t) => t.option).join(', ')}` : 'the same');

  const stream = new MerkleStream();
  for (const leaf of leaves) await stream.push(await hashLeaf(leaf));
  const root = toHex((await stream.finish()).root);
  check('root', root === statement.root, root === statement.root ? root : `the leaves give ${root}, the statement says ${statement.root}`);

  return { ok: checks.every((c) => c.ok), checks, statement, recounted, root };
}

export interface ReceiptProof {
  receipt: string;
  leaf: BallotLeaf;
  index: number;
  size: number;
  /** Sibling hashes, lowest first, hex. */
  path: string[];
}

/** The proof that `receipt` is among `leaves` (in receipt order), or null when it is not. */
export async function proveReceipt(leaves: BallotLeaf[], receipt: string): Promise<ReceiptProof | null> {
  const index = leaves.findIndex((leaf) => leaf.receipt === receipt);
  if (index === -1) return null;
  const stream = new MerkleStream(index);
  for (const leaf of leaves) await stream.push(await hashLeaf(leaf));
  return { receipt, leaf: leaves[index]!, index, size: leaves.length, path: (await stream.finish()).path.map(toHex) };
}

/** Whether a proof puts its leaf under `root` (hex): checkable without the other leaves. */
export async function checkProof(proof: ReceiptProof, root: string): Promise<boolean> {
  if (proof.leaf.receipt !== proof.receipt) return false;
  return verifyInclusion(await hashLeaf(proof.leaf), proof.index, proof.size, proof.path.map(fromHex), fromHex(root));
}
