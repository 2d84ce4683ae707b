import { createRoute } from '@hono/zod-openapi';
import { createApp, jsonResponse as json } from '../app.ts';
import { findPoll } from '../db/polls.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { optionalOfficial } from '../middleware/auth.ts';
import { counterPoll, flushPoll, pollCounter } from '../poll-counter/index.ts';
import { pollNotFound, resultsVisible } from '../poll-rules.ts';
import { errorResponses } from '../schema/common.ts';
import { VOTER_TOKEN } from '../schema/headers.ts';
import { RankedCount } from '../schema/poll-kinds.ts';
import { PollParams } from '../schema/polls.ts';
import { cachedRankedCount } from '../tabulation/count.ts';
import { identifyReader, voterHash } from '../voters.ts';

const app = createApp();

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/polls/{poll}/ranking',
    tags: ['Polls'],
    summary: 'A ranked poll\'s count: instant runoff round by round, and the Borda count',
    parameters: [VOTER_TOKEN(false)],
    description:
      'Only for `ranked` polls (409 `not_ranked` otherwise), and only when the poll\'s results may be shown to the asker, as for GET …/polls/{poll} (403 `results_hidden` otherwise). ' +
      'Instant runoff: each round every ballot counts for its highest-ranked option still in the count; more than half of the ballots still counting wins, otherwise the option with the fewest is taken out. Ties for the fewest are broken by the earlier rounds (fewer there goes out), then by lot: the lowest FNV-1a hash of "poll:round:option". ' +
      'Borda: with n options a first choice gets n − 1 points, a second n − 2, and so on; unranked options none.',
    request: { params: PollParams },
    responses: { 200: json(RankedCount, 'The count'), ...errorResponses(401, 403, 404, 409) },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const official = await optionalOfficial(c);
    const poll = await findPoll(c.env.DB, c.var.site.id, id);
    if (!poll || (poll.status === 'draft' && !official)) throw pollNotFound(id);
    if (poll.kind !== 'ranked') throw new ConflictError('not_ranked', `Poll "${id}" is not a ranked poll; its results are in GET …/polls/${id}.`);
    const reader = official ? null : await identifyReader(c, poll);
    const counted = await pollCounter(c.env, poll).read({ ...counterPoll(poll), voter: reader ? await voterHash(poll, reader) : undefined, withResults: true });
    if (!resultsVisible(poll, { official: official !== null, voted: Boolean(counted?.ballot) })) {
      throw new ForbiddenError('results_hidden', 'This poll\'s results are not shown yet: they appear as the poll says (after voting, once it closes, or to officials only).');
    }
    const count = await cachedRankedCount(c.env.DB, poll, counted?.results?.total ?? poll.ballotCount, () => flushPoll(c.env, poll));
    c.header('Vary', 'X-Voter-Token, X-Voter-Assertion, Authorization', { append: true });
    c.header('Cache-Control', official || reader ? 'private, no-store' : 'public, max-age=5, stale-while-revalidate=30');
    return c.json(count, 200);
  },
);

export default app;
