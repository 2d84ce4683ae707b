/**
 * Sealing a closed poll: every ballot counted (the poll's counter hands its last ones to D1
 * first) becomes a leaf, its receipt, choices and hour; the leaves in receipt order give the
 * Merkle root; the statement says the poll's definition hash, when it closed, the tallies the
 * leaves give, their number and the root, and the site's key signs it. Done once, the first time
 * the seal is asked for after the poll has closed, and kept.
 */
import { sha256Hex } from '../crypto.ts';
import { drawReceipts, findSeal, insertKeyStatement, insertSeal, leafPages, redrawReceipts, repeatedDrawnReceipts, settleReceipts, siteKeys } from '../db/seals.ts';
import type { StoredKey, StoredSeal } from '../db/seals.ts';
import { definitionJson, tallyKeys } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { flushPoll } from '../poll-counter/index.ts';
import { MerkleStream, toHex } from './merkle.ts';
import { hashLeaf, newSigningKey, signStatement, statementText } from './statement.ts';
import type { BallotLeaf, ResultStatement } from './statement.ts';

/** The key that signs for `site` now, made the first time one is needed. */
export async function signingKey(db: D1Database, site: string): Promise<StoredKey> {
  const active = (await siteKeys(db, site)).find((k) => !k.retiredAt);
  if (active) return active;
  const key = await newSigningKey();
  const now = new Date().toISOString();
  await insertKeyStatement(db, site, key, now).run();
  return { id: key.id, publicKey: key.publicKey, privateJwk: key.privateJwk, createdAt: now, retiredAt: null };
}

/** When the poll closed: its closing time if that has passed, else when it was last changed (closed by hand). */
export function closedAt(poll: StoredPoll, now = Date.now()): string {
  return poll.status !== 'closed' && poll.closesAt && Date.parse(poll.closesAt) <= now ? poll.closesAt : poll.updatedAt;
}

/** A leaf from a ballot row: receipt, choices (JSON), cast time. */
const toLeaf = ([receipt, choices, castAt]: [string, string, string]): BallotLeaf => ({ receipt, choices: JSON.parse(choices) as string[], hour: castAt.slice(0, 13) });

/** Every ballot of the poll as a leaf, in receipt order, a page at a time. */
export async function* pollLeaves(db: D1Database, poll: StoredPoll): AsyncGenerator<BallotLeaf[]> {
  for await (const page of leafPages(db, poll.site, poll.id)) yield page.map(toLeaf);
}

/**
 * The Merkle root over the poll's leaves, streamed page by page (memory for one page and log₂(n)
 * hashes, whatever the number of ballots), with the tallies they give, and the proof of the leaf
 * at `target` if one is asked for.
 */
export async function streamTree(db: D1Database, poll: StoredPoll, target = -1) {
  const stream = new MerkleStream(target);
  const counts = new Map(tallyKeys(poll).map((k) => [k, 0]));
  let leaf: BallotLeaf | undefined;
  for await (const page of pollLeaves(db, poll)) {
    const hashes = await Promise.all(page.map(hashLeaf));
    for (let i = 0; i < page.length; i++) {
      if (stream.size === target) leaf = page[i];
      for (const choice of page[i]!.choices) counts.set(choice, (counts.get(choice) ?? 0) + 1);
      await stream.push(hashes[i]!);
    }
  }
  const size = stream.size;
  const { root, path } = await stream.finish();
  return { root: toHex(root), size, path: path.map(toHex), leaf, tallies: [...counts].map(([option, count]) => ({ option, count })) };
}

/** Ballots without a receipt (from before receipts) get one now: no voter holds it, but the leaf needs one. */
async function completeReceipts(db: D1Database, poll: StoredPoll): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await db.batch(drawReceipts(db, poll.site, poll.id));
    const repeated = await repeatedDrawnReceipts(db, poll.site, poll.id);
    if (!repeated.length) {
      await settleReceipts(db, poll.site, poll.id).run();
      return;
    }
    await redrawReceipts(db, poll.site, poll.id, repeated).run();
  }
  throw new Error('Could not give every ballot a receipt of its own');
}

/** The poll's seal, made now if it has none. The poll must have closed. */
export async function sealPoll(env: Env, poll: StoredPoll): Promise<StoredSeal> {
  const existing = await findSeal(env.DB, poll.site, poll.id);
  if (existing) return existing;
  await flushPoll(env, poll);
  await completeReceipts(env.DB, poll);
  const tree = await streamTree(env.DB, poll);
  const key = await signingKey(env.DB, poll.site);
  const statement: ResultStatement = {
    version: 1,
    site: poll.site,
    poll: poll.id,
    definition: await sha256Hex(definitionJson(poll)),
    closedAt: closedAt(poll),
    ballots: tree.size,
    tallies: tree.tallies,
    root: tree.root,
    key: key.id,
  };
  const text = statementText(statement);
  await insertSeal(env.DB, poll.site, poll.id, { statement: text, signature: await signStatement(text, key.privateJwk), keyId: key.id, sealedAt: new Date().toISOString() });
  return (await findSeal(env.DB, poll.site, poll.id))!;
}
