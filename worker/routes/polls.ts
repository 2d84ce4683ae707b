import { createRoute, z } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { TtlCache } from '../cache.ts';
import { randomId, sha256Hex } from '../crypto.ts';
import { auditStatement } from '../db/audit.ts';
import { databaseRule, isUniqueViolation } from '../db/constraints.ts';
import { deleteSealStatement } from '../db/seals.ts';
import { seedStatementsStatement } from '../db/statements.ts';
import { sealPoll } from '../sealing/seal.ts';
import { ballotsPerHour, findPoll, insertPollStatements, listPolls, readResults, tallyKeys, toMyBallot, updatePollStatements } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { ApiError, ConflictError, ValidationError } from '../errors.ts';
import { idempotencyKey } from '../idempotency.ts';
import { optionalOfficial } from '../middleware/auth.ts';
import { counterPoll, flushPoll, pollCounter } from '../poll-counter/index.ts';
import type { CastOutcome, CastRequest } from '../poll-counter/index.ts';
import { assertOpen, ballotKeys, pollNotFound, pollState, resultsVisible, toPollView, withOutcome } from '../poll-rules.ts';
import { clientHash } from '../rate-limit.ts';
import { Lang, SiteParams, errorResponses } from '../schema/common.ts';
import { BallotInput, BallotReceipt, PollCreate, PollParams, PollUpdate, PollView, checkPollDefinition } from '../schema/polls.ts';
import type { Poll, PollDefinition, Results } from '../schema/polls.ts';
import type { SiteRecord } from '../schema/sites.ts';
import { identifyReader, identifyVoter, passChallenge, voterHash } from '../voters.ts';
import { IDEMPOTENCY_KEY, VOTER_TOKEN } from '../schema/headers.ts';

const app = createApp();


async function pollOr404(db: D1Database, site: string, id: string, includeDrafts: boolean): Promise<StoredPoll> {
  const poll = await findPoll(db, site, id);
  if (!poll || (poll.status === 'draft' && !includeDrafts)) throw pollNotFound(id);
  return poll;
}

/** The results as the poll's counter has them, up to the last ballot. */
async function countedResults(env: Env, poll: StoredPoll): Promise<Results> {
  const counted = await pollCounter(env, poll).read({ ...counterPoll(poll), withResults: true });
  return counted?.results ?? { total: 0, options: [] };
}

/** Checks that need the site: text in its default language, a configured voter mode. */
function checkAgainstSite(poll: PollDefinition, site: SiteRecord): void {
  const issues = [];
  const missing = (path: (string | number)[]) => ({ path, code: 'missing_language', message: `Give this in the site's default language (${site.defaultLang}).` });
  if (!poll.question[site.defaultLang]) issues.push(missing(['question']));
  poll.options?.forEach((option, i) => option.label[site.defaultLang] || issues.push(missing(['options', i, 'label'])));
  if (poll.voterMode === 'challenge' && !(site.challengeSiteKey && site.challengeSecretSet)) {
    issues.push({ path: ['voterMode'], code: 'not_configured', message: 'Challenge polls need the site\'s Turnstile site key and secret in its settings first.' });
  }
  if (poll.voterMode === 'signed' && site.voterKeys.length === 0) {
    issues.push({ path: ['voterMode'], code: 'not_configured', message: 'Signed polls need the host site\'s public key in the site\'s settings ("voterKeys") first.' });
  }
  if (issues.length) throw new ValidationError(issues);
}

app.openapi(
  officialRoute('editor', {
    method: 'post',
    path: '/sites/{site}/polls',
    tags: ['Polls'],
    summary: 'Create a poll',
    request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: PollCreate } } } },
    responses: { 201: json(PollView, 'Created'), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  }),
  async (c) => {
    const { id: requestedId, ...definition } = c.req.valid('json');
    checkAgainstSite(definition, c.var.site);
    const now = nowIso();
    const id = requestedId ?? `poll-${randomId(6).toLowerCase().replace(/[^a-z0-9]/g, '0')}`;
    if (await findPoll(c.env.DB, c.var.site.id, id)) throw new ConflictError('poll_exists', `A poll "${id}" already exists on this site; choose another id.`);
    const poll: Poll = { ...definition, id, site: c.var.site.id, createdAt: now, updatedAt: now };
    const exists = () => new ConflictError('poll_exists', `A poll "${id}" already exists on this site; choose another id.`);
    try {
      await c.env.DB.batch([
        ...insertPollStatements(c.env.DB, poll, randomId(24)),
        // A conversation's options are its opening statements: they become its first statements, published.
        ...(poll.kind === 'statements' && poll.options?.length ? [seedStatementsStatement(c.env.DB, poll.site, id, poll.options.map((o) => o.label), c.var.site.defaultLang, now)] : []),
        auditStatement(c.env.DB, c.var.official, { action: 'poll.create', target: id, detail: { kind: poll.kind, status: poll.status } }, now),
      ]);
    } catch (error) {
      if (isUniqueViolation(error, 'polls')) throw exists(); // a double submit that passed the check above
      throw error;
    }
    const stored = (await findPoll(c.env.DB, c.var.site.id, id))!;
    return c.json(toPollView(stored, c.var.site, { results: await readResults(c.env.DB, stored) }), 201);
  },
);

app.openapi(
  officialRoute('viewer', {
    method: 'get',
    path: '/sites/{site}/polls',
    tags: ['Polls'],
    summary: 'Every poll of the site, drafts included',
    request: { params: SiteParams },
    responses: { 200: json(z.object({ items: z.array(PollView) }), 'Newest first'), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const polls = await listPolls(c.env.DB, c.var.site.id);
    return c.json({ items: polls.map((poll) => toPollView(poll, c.var.site, {})) }, 200);
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/polls/{poll}',
    tags: ['Polls'],
    summary: 'A poll, with results when they may be shown',
    parameters: [VOTER_TOKEN(false)],
    description:
      'Send `X-Voter-Token` (or, for signed polls, `X-Voter-Assertion`) to get `myBallot`. Results appear only as the poll\'s `resultsVisibility` allows; an official\'s token always sees them, and drafts.',
    request: { params: PollParams, query: z.object({ lang: Lang.optional() }) },
    responses: { 200: json(PollView, 'The poll'), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const official = await optionalOfficial(c);
    const poll = await pollOr404(c.env.DB, c.var.site.id, id, official !== null);
    const reader = official ? null : await identifyReader(c, poll);
    const personal = official !== null || reader !== null;
    // The poll's counter holds the newest ballots and tallies; D1 receives them a moment later.
    // It is asked only when there is something to ask: a reader's ballot, or results this reader
    // may see (a reader may have voted; anyone else has not), so a first visit to an after-vote
    // poll is one D1 read.
    const mayShow = resultsVisible(poll, { official: official !== null, voted: reader !== null });
    const counted = reader || mayShow ? await pollCounter(c.env, poll).read({ ...counterPoll(poll), voter: reader ? await voterHash(poll, reader) : undefined, withResults: mayShow }) : null;
    const stored = counted?.ballot;
    const myBallot = reader ? (stored ? toMyBallot(poll, stored) : null) : undefined;
    const visible = resultsVisible(poll, { official: official !== null, voted: Boolean(myBallot) });
    const view = toPollView(poll, c.var.site, { results: visible ? (counted?.results ?? (await readResults(c.env.DB, poll))) : undefined, myBallot });
    c.header('Vary', 'X-Voter-Token, X-Voter-Assertion, Authorization', { append: true });
    c.header('Cache-Control', personal ? 'private, no-store' : 'public, max-age=5, stale-while-revalidate=30');
    return c.json(view, 200);
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'patch',
    path: '/sites/{site}/polls/{poll}',
    tags: ['Polls'],
    summary: 'Edit, open or close a poll',
    description: 'The kind, options and scale can change only while the poll has no ballots.',
    request: { params: PollParams, body: { required: true, content: { 'application/json': { schema: PollUpdate } } } },
    responses: { 200: json(PollView, 'The poll as it is now'), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const update = c.req.valid('json');
    const current = await pollOr404(c.env.DB, c.var.site.id, id, true);
    if ((current.kind === 'statements' && (update.options || (update.kind && update.kind !== 'statements'))) || (current.kind !== 'statements' && update.kind === 'statements')) {
      throw new ValidationError([{ path: ['options'], code: 'conversation_started', message: 'A conversation\'s statements are added with POST …/statements and moderated there, and a poll cannot become or stop being a conversation: create a new poll instead.' }]);
    }
    const next: Poll = { ...current, ...update, updatedAt: nowIso() };
    const check = z.custom<PollDefinition>().superRefine((poll, ctx) => checkPollDefinition(poll, ctx)).safeParse(next);
    if (!check.success) throw ValidationError.fromZod(check.error.issues);
    checkAgainstSite(next, c.var.site);
    const optionsChanged = JSON.stringify(tallyKeys(current)) !== JSON.stringify(tallyKeys(next)) || current.kind !== next.kind;
    const hasBallots = () =>
      new ConflictError('poll_has_ballots', 'This poll already has ballots, so its kind, options, scale and voter mode can no longer change. Labels can.');
    // A new voter mode would give every voter a new identity, and so a second ballot. The
    // poll's counter decides, as it holds ballots D1 has not yet received; from then on it
    // takes ballots only for the new options.
    if (optionsChanged || current.voterMode !== next.voterMode) {
      if (current.ballotCount > 0 || !(await pollCounter(c.env, current).reshape({ ...counterPoll(current), keys: tallyKeys(next) }))) throw hasBallots();
    }
    try {
      await c.env.DB.batch([
        ...updatePollStatements(c.env.DB, next, optionsChanged),
        // A poll opened again is no longer what its seal says: it is sealed anew when it closes.
        ...(pollState(current) === 'closed' && pollState(next) !== 'closed' ? [deleteSealStatement(c.env.DB, c.var.site.id, id)] : []),
        auditStatement(c.env.DB, c.var.official, { action: 'poll.update', target: id, detail: update }, next.updatedAt),
      ]);
    } catch (error) {
      if (databaseRule(error) === 'poll_has_ballots') throw hasBallots(); // a ballot arrived meanwhile
      throw error;
    }
    pollCache.delete(`${c.var.site.id}/${id}`);
    const stored = (await findPoll(c.env.DB, c.var.site.id, id))!;
    // Closed now: its result is sealed at once (worker/sealing/). The close stands if sealing
    // fails; the hourly upkeep seals it then.
    if (pollState(current) !== 'closed' && pollState(stored) === 'closed' && stored.resultsVisibility !== 'never' && stored.kind !== 'statements') {
      await sealPoll(c.env, stored).catch((error: unknown) => console.error(`Sealing ${c.var.site.id}/${id} failed; the upkeep tries again`, error));
    }
    return c.json(toPollView(stored, c.var.site, { results: await countedResults(c.env, stored) }), 200);
  },
);

/**
 * Poll definitions for the ballot path, kept briefly per isolate: a ballot then costs one D1
 * round trip for the poll (often none) and one batch. An edit evicts the entry in its own
 * isolate at once; elsewhere a close takes effect within `POLL_CACHE_MS`, and `closesAt` is
 * checked against the clock on every ballot regardless.
 */
const POLL_CACHE_MS = 5_000;

const pollCache = new TtlCache<StoredPoll>(POLL_CACHE_MS, 2_000);

app.openapi(
  createRoute({
    method: 'post',
    path: '/sites/{site}/polls/{poll}/ballots',
    tags: ['Polls'],
    summary: 'Cast or change a ballot',
    parameters: [IDEMPOTENCY_KEY, VOTER_TOKEN(true)],
    description:
      'Single and multiple choice: `{"choices": ["a"]}`; scale: `{"value": 4}`. One ballot per voter: a second one is 409 `already_voted`, or replaces the first when the poll allows changes. Send `Idempotency-Key` so a retry returns the first answer (200, `Idempotent-Replay: true`) and changes nothing; a key is remembered for a day. Rate limits per poll and minute (429 `rate_limited`, `Retry-After: 60`): 1,000 ballots per client address for every voter together (repeats included), and 20 changes or repeats per voter who already has a ballot, from any address; both keyed on salted hashes, never the address or the token; replays count against neither. ' +
      'Each poll\'s ballots are counted by one Durable Object (PollCounter): a 2xx means the ballot is on disk there, and the results in the answer include it. Exports and the timeline, which read D1, receive it within about a second, and always include it once asked for.',
    request: { params: PollParams, body: { required: true, content: { 'application/json': { schema: BallotInput } } } },
    responses: {
      201: json(BallotReceipt, 'Counted'),
      200: json(BallotReceipt, 'Changed, unchanged, or a replay of the first answer'),
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
    },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const input = c.req.valid('json');
    const key = idempotencyKey(c);
    const db = c.env.DB;
    const cached = await pollCache.getOrLoad(`${c.var.site.id}/${id}`, () => findPoll(db, c.var.site.id, id));
    if (!cached || cached.status === 'draft') throw pollNotFound(id);
    const poll = cached;
    const voter = await voterHash(poll, await identifyVoter(c, poll));
    // Only a keyed request can be replayed, so only then is its fingerprint needed.
    const requestHash = key ? await sha256Hex(`${voter}:${JSON.stringify(input)}`) : '';
    const counter = pollCounter(c.env, poll);
    const ref = counterPoll(poll);
    const withResults = resultsVisible(poll, { official: false, voted: true });
    const keys = ballotKeys(poll, input);
    const request: CastRequest = {
      ...ref,
      kind: poll.kind,
      voter,
      keys,
      key,
      requestHash,
      address: await clientHash(c, poll.salt),
      open: pollState(poll) === 'open',
      allowChange: poll.allowChange,
      withResults,
      now: nowIso(),
    };
    let outcome: CastOutcome | null = null;
    if (poll.voterMode === 'challenge') {
      // A Turnstile token works once, so a replay is answered before it is checked.
      if (key) outcome = await counter.cast({ ...request, replayOnly: true });
      if (!outcome || (!outcome.ok && outcome.error === 'not_replay')) {
        outcome = null;
        await passChallenge(c);
      }
    }
    outcome ??= await counter.cast(request);
    const { receipt, status, replay } = castAnswer(poll, outcome);
    if (replay) return c.json(receipt, 200, { 'Idempotent-Replay': 'true' });
    return status === 201 ? c.json(receipt, 201) : c.json(receipt, 200);
  },
);

/** The receipt for what the poll's counter did with a ballot, or the error that says why it did nothing. */
function castAnswer(poll: StoredPoll, outcome: CastOutcome): { receipt: BallotReceipt; status: 200 | 201; replay: boolean } {
  if (outcome.ok) {
    const receipt = { ...(JSON.parse(outcome.receipt) as Omit<BallotReceipt, 'results'>), ...(outcome.results ? { results: withOutcome(poll, outcome.results) } : {}) };
    return { receipt, status: outcome.replay ? 200 : outcome.status, replay: outcome.replay };
  }
  switch (outcome.error) {
    case 'already_voted':
      throw new ConflictError('already_voted', 'You have already voted in this poll, and it does not allow changing a ballot.');
    case 'poll_closed':
      assertOpen(poll);
      throw new ConflictError('poll_closed', 'This poll has closed; it no longer takes ballots.');
    case 'poll_changed':
      pollCache.delete(`${poll.site}/${poll.id}`);
      throw new ConflictError('poll_changed', 'This poll was changed a moment ago. Reload it and answer again.');
    case 'key_reused':
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for each new write.');
    case 'address_limited':
      throw new ApiError(429, 'rate_limited', 'Too many ballots from your network in a short time. Wait a minute and try again.', undefined, { 'Retry-After': '60' });
    case 'voter_limited':
      throw new ApiError(429, 'rate_limited', 'Too many ballots from this browser in a short time. Wait a minute and try again.', undefined, { 'Retry-After': '60' });
    case 'not_replay':
      throw new Error('unreachable: a replay-only question is answered before the challenge');
  }
}

/** The day of an hour ("2026-11-22T22" UTC) in Finnish time, as officials count days. */
const helsinkiDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

app.openapi(
  officialRoute('viewer', {
    method: 'get',
    path: '/sites/{site}/polls/{poll}/timeline',
    tags: ['Polls'],
    summary: 'Ballots over time: how many were first cast each day (Finnish time)',
    description: 'Days without ballots are left out. A changed ballot counts on the day it was first cast.',
    request: { params: PollParams },
    responses: {
      200: json(z.object({ days: z.array(z.object({ day: z.iso.date(), ballots: z.number().int() })), total: z.number().int() }), 'Oldest day first'),
      ...errorResponses(401, 403, 404),
    },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const poll = await pollOr404(c.env.DB, c.var.site.id, id, true);
    await flushPoll(c.env, poll);
    const days = new Map<string, number>();
    for (const { hour, ballots } of await ballotsPerHour(c.env.DB, poll)) {
      const day = helsinkiDay.format(new Date(`${hour}:00:00Z`));
      days.set(day, (days.get(day) ?? 0) + ballots);
    }
    const list = [...days].map(([day, ballots]) => ({ day, ballots }));
    return c.json({ days: list, total: list.reduce((sum, d) => sum + d.ballots, 0) }, 200);
  },
);

export default app;
