/**
 * Sealing a closed poll: every ballot counted (the poll's counter hands its last ones to D1
 * first) becomes a leaf, its receipt, choices and hour; the leaves in receipt order give the
 * Merkle root; the statement says the poll's definition hash, when it closed, the tallies the
 * leaves give, their number and the root, and the site's key signs it. Done once, the first time
 * the seal is asked for after the poll has closed, and kept.
 */
import { sha256Hex } from '../crypto.ts';
import { assignReceipts, ballotsWithoutReceipt, clearReceipts, findSeal, insertKeyStatement, insertSeal, leafPages, repeatedReceipts, siteKeys } from '../db/seals.ts';
import type { StoredKey, StoredSeal } from '../db/seals.ts';
import { definitionJson, tallyKeys } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { flushPoll } from '../poll-counter/index.ts';
import { merkleRoot, toHex } from './merkle.ts';
import { hashLeaf, newReceipt, newSigningKey, signStatement, statementText } from './statement.ts';
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
export const toLeaf = ([receipt, choices, castAt]: [string, string, string]): BallotLeaf => ({ receipt, choices: JSON.parse(choices) as string[], hour: castAt.slice(0, 13) });

/** Every ballot of the poll as a leaf, in receipt order. */
export async function pollLeaves(db: D1Database, poll: StoredPoll): Promise<BallotLeaf[]> {
  const leaves: BallotLeaf[] = [];
  for await (const page of leafPages(db, poll.site, poll.id)) for (const row of page) leaves.push(toLeaf(row));
  return leaves;
}

/** Ballots without a receipt (from before receipts) get one now: no voter holds it, but the leaf needs one. */
async function completeReceipts(db: D1Database, poll: StoredPoll): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const missing = await ballotsWithoutReceipt(db, poll.site, poll.id);
    if (!missing.length) return;
    const statements: D1PreparedStatement[] = [];
    for (let i = 0; i < missing.length; i += 5_000) statements.push(assignReceipts(db, poll.site, poll.id, missing.slice(i, i + 5_000).map((id) => [id, newReceipt()])));
    await db.batch(statements);
    const repeated = await repeatedReceipts(db, poll.site, poll.id);
    if (!repeated.length) return;
    // Only those drawn now can be cleared: a voter's receipt never changes.
    const drawn = new Set(missing);
    await clearReceipts(db, poll.site, poll.id, repeated.filter((id) => drawn.has(id))).run();
  }
  throw new Error('Could not give every ballot a receipt of its own');
}

/** The poll's seal, made now if it has none. The poll must have closed. */
export async function sealPoll(env: Env, poll: StoredPoll): Promise<StoredSeal> {
  const existing = await findSeal(env.DB, poll.site, poll.id);
  if (existing) return existing;
  await flushPoll(env, poll);
  await completeReceipts(env.DB, poll);
  const leaves = await pollLeaves(env.DB, poll);
  const counts = new Map(tallyKeys(poll).map((k) => [k, 0]));
  for (const leaf of leaves) for (const choice of leaf.choices) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  const key = await signingKey(env.DB, poll.site);
  const statement: ResultStatement = {
    version: 1,
    site: poll.site,
    poll: poll.id,
    definition: await sha256Hex(definitionJson(poll)),
    closedAt: closedAt(poll),
    ballots: leaves.length,
    tallies: [...counts].map(([option, count]) => ({ option, count })),
    root: toHex(await merkleRoot(await Promise.all(leaves.map(hashLeaf)))),
    key: key.id,
  };
  const text = statementText(statement);
  await insertSeal(env.DB, poll.site, poll.id, { statement: text, signature: await signStatement(text, key.privateJwk), keyId: key.id, sealedAt: new Date().toISOString() });
  return (await findSeal(env.DB, poll.site, poll.id))!;
}
