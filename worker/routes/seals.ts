import { createRoute } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { auditStatement } from '../db/audit.ts';
import { findPoll } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { findSeal, insertKeyStatement, receiptIndex, replacedAt, retireKeyStatement, siteKeys } from '../db/seals.ts';
import { newSigningKey } from '../sealing/statement.ts';
import type { StoredSeal } from '../db/seals.ts';
import { ApiError, ConflictError } from '../errors.ts';
import { pollNotFound, pollState } from '../poll-rules.ts';
import { closedAt, pollLeaves, streamTree } from '../sealing/seal.ts';
import { streamText } from '../export/stream.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { BallotLeafView, KeyRotation, LeavesQuery, ReceiptCheck, ReceiptParams, SealView, SiteKeys } from '../schema/seals.ts';
import { PollParams } from '../schema/polls.ts';

const app = createApp();

/** Open data under CC BY 4.0, as JHS 189 recommends for public sector data. */
const LICENSE = { Link: '<https://creativecommons.org/licenses/by/4.0/>; rel="license"' };

/** The site's keys as published: never the private half. */
const publishedKeys = async (db: D1Database, site: string) =>
  (await siteKeys(db, site)).map((k) => ({ id: k.id, algorithm: 'Ed25519' as const, publicKey: k.publicKey, createdAt: k.createdAt, retiredAt: k.retiredAt }));

/** A closed poll whose results are public, with its seal. */
async function sealedPoll(env: Env, site: string, id: string): Promise<{ poll: StoredPoll; seal: StoredSeal }> {
  const poll = await findPoll(env.DB, site, id);
  if (!poll || poll.status === 'draft') throw pollNotFound(id);
  if (pollState(poll) !== 'closed') throw new ConflictError('poll_not_closed', 'The poll is still open: its result is sealed when it closes.');
  if (poll.resultsVisibility === 'never') throw new ApiError(403, 'results_not_public', 'This poll\'s results are not published, so neither is its sealed result.');
  if (poll.kind === 'statements') throw new ConflictError('not_sealed', 'A conversation has no ballots to seal: its votes stay open to change, and its statements and counts are in its export.');
  const seal = await findSeal(env.DB, site, id);
  // Closed by its closing time: the hourly upkeep seals it (worker/sealing/upkeep.ts).
  if (!seal) throw new ApiError(409, 'seal_pending', `The poll closed at ${closedAt(poll)}; its result is sealed within the hour.`, undefined, { 'Retry-After': '600' });
  return { poll, seal };
}

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/polls/{poll}/seal',
    tags: ['Sealed results'],
    summary: 'The poll\'s signed result statement',
    description:
      'Made once, when an official closes the poll (or within the hour after its closing time: until then 409 `seal_pending`), and never changed: the tallies, the number of ballots and the Merkle root over every ballot\'s receipt, choice and hour, signed with the site\'s Ed25519 key. Recount it from `leaves` with `npm run verify` or the verify page. Open data under CC BY 4.0.',
    request: { params: PollParams },
    responses: { 200: json(SealView, 'The sealed result'), ...errorResponses(403, 404, 409) },
  }),
  async (c) => {
    const { site, poll: id } = c.req.valid('param');
    const { seal } = await sealedPoll(c.env, site, id);
    const key = (await siteKeys(c.env.DB, site)).find((k) => k.id === seal.keyId)!;
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Link', LICENSE.Link);
    return c.json(
      {
        site,
        poll: id,
        statement: seal.statement,
        signature: seal.signature,
        key: { id: key.id, publicKey: key.publicKey },
        sealedAt: seal.sealedAt,
        leaves: `/api/v1/sites/${site}/polls/${id}/seal/leaves`,
        license: 'CC-BY-4.0' as const,
      },
      200,
    );
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/polls/{poll}/seal/leaves',
    tags: ['Sealed results'],
    summary: 'Every ballot counted, as the leaves of the sealed result',
    description: 'One per ballot, in receipt order: the receipt, the choices and the hour it was cast (UTC), never anything about the voter. JSON, or CSV with the columns `receipt,choices,hour` (choices separated by spaces). CC BY 4.0.',
    request: { params: PollParams, query: LeavesQuery },
    responses: { 200: { description: 'The leaves', content: { 'application/json': { schema: BallotLeafView.array() }, 'text/csv': { schema: { type: 'string' } } } }, ...errorResponses(400, 403, 404, 409) },
  }),
  async (c) => {
    const { site, poll: id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const { poll } = await sealedPoll(c.env, site, id);
    const headers = { ...LICENSE, 'Cache-Control': 'public, max-age=300' };
    const pages = pollLeaves(c.env.DB, poll);
    if (format === 'csv') {
      const csv = async function* () {
        yield 'receipt,choices,hour\r\n';
        for await (const page of pages) yield page.map((l) => `${l.receipt},${l.choices.join(' ')},${l.hour}\r\n`).join('');
      };
      return c.body(streamText(csv()), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${site}-${id}-leaves.csv"` });
    }
    const json = async function* () {
      let before = '[';
      for await (const page of pages) {
        yield before + page.map((l) => JSON.stringify(l)).join(',');
        before = ',';
      }
      yield before === '[' ? '[]' : ']';
    };
    return c.body(streamText(json()), 200, { ...headers, 'Content-Type': 'application/json' });
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/polls/{poll}/seal/receipts/{receipt}',
    tags: ['Sealed results'],
    summary: 'Was this ballot counted?',
    description: 'For a receipt: `counted`, with the proof that its leaf is under the sealed root; `replaced`, when its voter changed the ballot later (the new ballot has its own receipt); or `not_found`.',
    request: { params: ReceiptParams },
    responses: { 200: json(ReceiptCheck, 'What became of the receipt'), ...errorResponses(400, 403, 404, 409) },
  }),
  async (c) => {
    const { site, poll: id, receipt } = c.req.valid('param');
    const { poll } = await sealedPoll(c.env, site, id);
    const index = await receiptIndex(c.env.DB, site, id, receipt);
    if (index !== null) {
      const tree = await streamTree(c.env.DB, poll, index);
      return c.json({ receipt, status: 'counted' as const, proof: { leaf: tree.leaf!, index, size: tree.size, path: tree.path } }, 200);
    }
    const replaced = await replacedAt(c.env.DB, site, id, receipt);
    return c.json(replaced ? { receipt, status: 'replaced' as const, replacedAt: replaced } : { receipt, status: 'not_found' as const }, 200);
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/keys',
    tags: ['Sealed results'],
    summary: 'The site\'s public signing keys',
    description: 'Every Ed25519 key that has signed this site\'s results, newest first; a retired key no longer signs, and what it signed can still be checked.',
    request: { params: SiteParams },
    responses: { 200: json(SiteKeys, 'The keys'), ...errorResponses(404) },
  }),
  async (c) => {
    const { site } = c.req.valid('param');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ site, keys: await publishedKeys(c.env.DB, site) }, 200);
  },
);

app.openapi(
  officialRoute('owner', {
    method: 'post',
    path: '/sites/{site}/keys/rotate',
    tags: ['Sealed results'],
    summary: 'Make a new signing key and retire the current one',
    description: 'For a key that may have leaked, or on a schedule. Results sealed from now on are signed with the new key; the retired one stays published, so what it signed can still be checked.',
    request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: KeyRotation } } } },
    responses: { 200: json(SiteKeys, 'The keys, the new one first'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const site = c.var.site.id;
    const { reason } = c.req.valid('json');
    const now = nowIso();
    const retiring = (await siteKeys(c.env.DB, site)).filter((k) => !k.retiredAt);
    const key = await newSigningKey();
    await c.env.DB.batch([
      ...retiring.map((k) => retireKeyStatement(c.env.DB, site, k.id, now)),
      insertKeyStatement(c.env.DB, site, key, now),
      auditStatement(c.env.DB, c.var.official, { action: 'keys.rotate', target: key.id, detail: { retired: retiring.map((k) => k.id), ...(reason ? { reason } : {}) } }, now),
    ]);
    return c.json({ site, keys: await publishedKeys(c.env.DB, site) }, 200);
  },
);

export default app;
