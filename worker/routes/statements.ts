import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { sha256Hex } from '../crypto.ts';
import { auditStatement } from '../db/audit.ts';
import { findPoll } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { findStatement, insertStatementStatement, listStatements, moderateStatement, pendingByAuthor, statementQueue, voteStatement, voterCount, votesOfVoter } from '../db/statements.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { idempotencyKey, rememberAnswer, replayFor } from '../idempotency.ts';
import { optionalOfficial } from '../middleware/auth.ts';
import { assertOpen, pollNotFound, resultsVisible } from '../poll-rules.ts';
import { clientHash, enforceRateLimit } from '../rate-limit.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { IDEMPOTENCY_KEY, VOTER_TOKEN } from '../schema/headers.ts';
import { PollParams } from '../schema/polls.ts';
import { OpinionsView, QueueItem, StatementInput, StatementList, StatementModeration, StatementParams, StatementQuery, StatementView, StatementVoteInput } from '../schema/statements.ts';
import type { VoteValue } from '../schema/statements.ts';
import { computeOpinions, forgetOpinions, placeVoter } from '../statements/opinions.ts';
import { nextStatement } from '../statements/order.ts';
import type { AppEnv } from '../types.ts';
import { identifyReader, identifyVoter, voterHash } from '../voters.ts';

const app = createApp();

const VOTES: Record<VoteValue, -1 | 0 | 1> = { agree: 1, disagree: -1, pass: 0 };
const VALUES = { 1: 'agree', [-1]: 'disagree', 0: 'pass' } as Record<number, VoteValue>;
/** Statements one resident may have waiting for a moderator in one conversation. */
const PENDING_PER_RESIDENT = 3;

/** The conversation, or 404 (a draft is found only by officials); 409 for a poll of another kind. */
async function conversation(c: Context<AppEnv>, id: string, official: boolean): Promise<StoredPoll> {
  const poll = await findPoll(c.env.DB, c.var.site.id, id);
  if (!poll || (poll.status === 'draft' && !official)) throw pollNotFound(id);
  if (poll.kind !== 'statements') throw new ConflictError('not_statements', `Poll "${id}" is not a conversation of statements; it takes ballots at POST …/polls/${id}/ballots.`);
  return poll;
}

const statementNotFound = (id: number) => new NotFoundError('statement_not_found', `This conversation has no published statement ${id}.`);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/polls/{poll}/statements',
    tags: ['Statements'],
    summary: 'A conversation\'s statements, with this voter\'s votes and the next statement for them',
    parameters: [VOTER_TOKEN(false)],
    description:
      'Published statements, oldest first. With `X-Voter-Token`, `mine` holds the voter\'s votes and `next` the statement to show them next: one they have not voted on, in an order of their own (so the first statements are not the only ones answered). Vote counts appear as the poll\'s `resultsVisibility` allows (after a first vote, for `after_vote`). Officials (moderator and up) may ask for `status=pending` or `rejected`.',
    request: { params: PollParams, query: StatementQuery },
    responses: { 200: json(StatementList, 'The statements'), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const { status } = c.req.valid('query');
    const official = await optionalOfficial(c);
    const poll = await conversation(c, id, official !== null);
    if (status && status !== 'published' && !(official && ['moderator', 'editor', 'owner'].includes(official.role))) {
      throw new ForbiddenError('insufficient_role', 'Only moderators (and editors and owners) see statements that are waiting or were rejected.');
    }
    const reader = official ? null : await identifyReader(c, poll);
    const voter = reader ? await voterHash(poll, reader) : null;
    const mine = voter ? await votesOfVoter(c.env.DB, poll.site, poll.id, voter) : null;
    const visible = resultsVisible(poll, { official: official !== null, voted: Boolean(mine?.length) });
    const items = await listStatements(c.env.DB, poll.site, poll.id, status ?? 'published', visible);
    const body: z.infer<typeof StatementList> = { poll: poll.id, items };
    if (mine && voter) {
      body.mine = Object.fromEntries(mine.map((v) => [String(v.statement), VALUES[v.vote]!]));
      body.next = nextStatement(voter, items.map((s) => s.id), new Set(mine.map((v) => v.statement)));
    }
    if (visible) body.voters = await voterCount(c.env.DB, poll.site, poll.id);
    c.header('Vary', 'X-Voter-Token, X-Voter-Assertion, Authorization', { append: true });
    c.header('Cache-Control', official || reader ? 'private, no-store' : 'public, max-age=5, stale-while-revalidate=30');
    return c.json(body, 200);
  },
);

app.openapi(
  createRoute({
    method: 'put',
    path: '/sites/{site}/polls/{poll}/statements/{statement}/vote',
    tags: ['Statements'],
    summary: 'Agree, disagree or pass on a statement',
    parameters: [VOTER_TOKEN(true)],
    description:
      'One vote per voter and statement; sending another changes it, sending the same again changes nothing (so a retry is safe without an Idempotency-Key). Only published statements of an open conversation take votes. The answer says what to show next.',
    request: { params: StatementParams, body: { required: true, content: { 'application/json': { schema: StatementVoteInput } } } },
    responses: {
      200: json(z.object({ statement: z.number().int(), vote: StatementVoteInput.shape.vote, next: z.number().int().nullable() }).openapi('StatementVoteReceipt'), 'Counted'),
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
    },
  }),
  async (c) => {
    const { poll: id, statement } = c.req.valid('param');
    const { vote } = c.req.valid('json');
    const poll = await conversation(c, id, false);
    assertOpen(poll);
    const voter = await voterHash(poll, await identifyVoter(c, poll));
    await enforceRateLimit(c.env.STATEMENT_VOTE_RATE_LIMIT, `${poll.site}:${poll.id}:${await clientHash(c, poll.salt)}`, 'Too many votes from your network in a short time. Wait a minute and try again.');
    const found = await findStatement(c.env.DB, poll.site, poll.id, statement);
    if (!found || found.status !== 'published') throw statementNotFound(statement);
    try {
      await c.env.DB.batch([voteStatement(c.env.DB, poll.site, poll.id, statement, voter, VOTES[vote], nowIso())]);
    } catch (error) {
      // Rejected a moment ago, between the read and the write.
      if (error instanceof Error && error.message.includes('statement_not_published')) throw statementNotFound(statement);
      throw error;
    }
    const mine = await votesOfVoter(c.env.DB, poll.site, poll.id, voter);
    const published = await listStatements(c.env.DB, poll.site, poll.id, 'published', false);
    const next = nextStatement(voter, published.map((s) => s.id), new Set(mine.map((v) => v.statement)));
    return c.json({ statement, vote, next }, 200);
  },
);

app.openapi(
  createRoute({
    method: 'post',
    path: '/sites/{site}/polls/{poll}/statements',
    tags: ['Statements'],
    summary: 'Add a statement to a conversation',
    parameters: [IDEMPOTENCY_KEY, VOTER_TOKEN(false)],
    description:
      'A resident\'s statement (with `X-Voter-Token`) waits for a moderator (202, `status: pending`) and appears once published; a resident may have 3 waiting in a conversation (409 `too_many_pending`). An editor\'s or owner\'s (with their token) is published at once (201); with a lower role\'s token it waits like a resident\'s. Send `Idempotency-Key` so a retry adds nothing: it answers the first answer again with `Idempotent-Replay: true`. At most 10 a minute from one network.',
    request: { params: PollParams, body: { required: true, content: { 'application/json': { schema: StatementInput } } } },
    responses: {
      201: json(StatementView, 'Published (an official\'s)'),
      202: json(StatementView, 'Waiting for a moderator'),
      200: json(StatementView, 'A replay of the first answer'),
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
    },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const input = c.req.valid('json');
    const official = await optionalOfficial(c);
    const poll = await conversation(c, id, official !== null);
    // An editor's or owner's statement is published at once; anyone else's, a lower role's too, waits like a resident's.
    const byOfficial = official !== null && ['editor', 'owner'].includes(official.role);
    if (!byOfficial) assertOpen(poll);
    const author = byOfficial ? null : await voterHash(poll, await identifyVoter(c, poll));
    const key = idempotencyKey(c);
    const scope = `statement.add:${poll.id}`;
    const requestHash = key ? await sha256Hex(`${author ?? 'official'}:${JSON.stringify(input)}`) : '';
    const replay = await replayFor(c, key, scope, requestHash);
    if (replay) return c.json(replay.response as StatementView, 200, { 'Idempotent-Replay': 'true' });
    if (!byOfficial) await enforceRateLimit(c.env.SUBMISSION_RATE_LIMIT, `${poll.site}:statements:${await clientHash(c, `${poll.site}:statements`)}`);
    if (author && (await pendingByAuthor(c.env.DB, poll.site, poll.id, author)) >= PENDING_PER_RESIDENT) {
      throw new ConflictError('too_many_pending', `You have ${PENDING_PER_RESIDENT} statements waiting for a moderator in this conversation. You can add more once they have been read.`);
    }
    const lang = input.lang ?? c.var.site.defaultLang;
    const status = byOfficial ? 'published' : 'pending';
    const now = nowIso();
    const insert = insertStatementStatement(c.env.DB, poll.site, poll.id, { text: { [lang]: input.text }, lang, status, author: byOfficial ? 'official' : 'resident', authorHash: author }, now);
    // The number is the statement's own, so the answer remembered for a retry is made after it is known: two writes, the second only the answer.
    const [inserted] = await c.env.DB.batch<{ id: number }>([insert, ...(byOfficial ? [auditStatement(c.env.DB, official, { action: 'statement.add', target: poll.id, detail: { lang } }, now)] : [])]);
    const view: StatementView = { id: inserted!.results[0]!.id, text: { [lang]: input.text }, lang, author: byOfficial ? 'official' : 'resident', status, createdAt: now };
    if (key) await c.env.DB.batch([rememberAnswer(c, key, scope, requestHash, byOfficial ? 201 : 202, view, now)]);
    if (byOfficial) forgetOpinions(poll);
    return byOfficial ? c.json(view, 201) : c.json(view, 202);
  },
);

app.openapi(
  officialRoute('moderator', {
    method: 'patch',
    path: '/sites/{site}/polls/{poll}/statements/{statement}',
    tags: ['Statements'],
    summary: 'Publish or reject a statement',
    description: 'A rejected statement is no longer shown or voted on; its votes stay out of the counts and the opinion groups. Publishing it again brings them back.',
    request: { params: StatementParams, body: { required: true, content: { 'application/json': { schema: StatementModeration } } } },
    responses: { 200: json(StatementView, 'The statement as it is now'), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  }),
  async (c) => {
    const { poll: id, statement } = c.req.valid('param');
    const { status } = c.req.valid('json');
    const poll = await conversation(c, id, true);
    const found = await findStatement(c.env.DB, poll.site, poll.id, statement);
    if (!found) throw new NotFoundError('statement_not_found', `This conversation has no statement ${statement}.`);
    const now = nowIso();
    await c.env.DB.batch([
      moderateStatement(c.env.DB, poll.site, poll.id, statement, status, now),
      auditStatement(c.env.DB, c.var.official, { action: `statement.${status === 'published' ? 'publish' : 'reject'}`, target: `${poll.id}/${statement}` }, now),
    ]);
    forgetOpinions(poll);
    return c.json({ ...found, status }, 200);
  },
);

app.openapi(
  officialRoute('moderator', {
    method: 'get',
    path: '/sites/{site}/statements',
    tags: ['Statements'],
    summary: 'Statements waiting for a moderator, from every conversation of the site',
    request: { params: SiteParams, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
    responses: { 200: json(z.object({ items: z.array(QueueItem) }), 'Oldest first'), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { limit } = c.req.valid('query');
    return c.json({ items: await statementQueue(c.env.DB, c.var.site.id, limit) }, 200);
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/polls/{poll}/opinions',
    tags: ['Statements'],
    summary: 'Opinion groups: what each group thinks, where all agree, where they part, and the group closest to this voter',
    parameters: [VOTER_TOKEN(false)],
    description:
      'As Pol.is computes them: the votes (agree 1, disagree −1, pass 0; a missing vote filled with the statement\'s mean) reduced to two dimensions by PCA, residents with at least 7 votes grouped by k-means with k from 2 to 5 by silhouette; a group is described by the statements it agrees or disagrees with significantly more than the rest (two-proportion z-test, 95 %). Computed when asked and kept for a minute. Visible as the poll\'s results are (403 `results_hidden` otherwise).',
    request: { params: PollParams },
    responses: { 200: json(OpinionsView, 'The groups'), ...errorResponses(401, 403, 404, 409) },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const official = await optionalOfficial(c);
    const poll = await conversation(c, id, official !== null);
    const reader = official ? null : await identifyReader(c, poll);
    const voter = reader ? await voterHash(poll, reader) : null;
    const mine = voter ? await votesOfVoter(c.env.DB, poll.site, poll.id, voter) : [];
    if (!resultsVisible(poll, { official: official !== null, voted: mine.length > 0 })) {
      throw new ForbiddenError('results_hidden', 'This conversation\'s results are not shown yet: they appear as the poll says (after voting, once it closes, or to officials only).');
    }
    const published = await listStatements(c.env.DB, poll.site, poll.id, 'published', false);
    const computed = await computeOpinions(c.env.DB, poll, published.map((s) => s.id));
    const body: OpinionsView = { ...computed.view, ...(voter ? { mine: await placeVoter(c.env.DB, poll, computed, voter) } : {}) };
    c.header('Vary', 'X-Voter-Token, X-Voter-Assertion, Authorization', { append: true });
    c.header('Cache-Control', official || reader ? 'private, no-store' : 'public, max-age=30');
    return c.json(body, 200);
  },
);

export default app;
