/** Statement voting (issue 18): the shapes of a conversation's statements, votes and opinion groups. */
import { z } from '@hono/zod-openapi';
import { Lang } from './common.ts';
import { PollParams } from './polls.ts';

export const StatementParams = PollParams.extend({
  statement: z.coerce.number().int().min(1).max(1_000_000).openapi({ param: { name: 'statement', in: 'path' }, example: 3 }),
});

export const StatementStatus = z.enum(['pending', 'published', 'rejected']).openapi('StatementStatus');
export const VoteValue = z.enum(['agree', 'disagree', 'pass']).openapi('StatementVoteValue');
export type VoteValue = z.infer<typeof VoteValue>;

export const StatementInput = z
  .strictObject({
    text: z.string().trim().min(5, 'Write at least 5 characters.').max(280, 'Keep a statement to 280 characters: one thought a statement.'),
    lang: Lang.optional().openapi({ description: 'The language it is written in; the site\'s default language when left out.' }),
  })
  .openapi('StatementInput', { example: { text: 'Kirjaston aukioloa pitäisi pidentää iltaisin.', lang: 'fi' } });

export const StatementModeration = z.strictObject({ status: z.enum(['published', 'rejected']) }).openapi('StatementModeration');

export const StatementVoteInput = z.strictObject({ vote: VoteValue }).openapi('StatementVoteInput', { example: { vote: 'agree' } });

const Counts = z.object({ agree: z.number().int(), disagree: z.number().int(), pass: z.number().int() });

export const StatementView = z
  .object({
    id: z.number().int(),
    text: z.partialRecord(Lang, z.string()).openapi({ description: 'The statement per language: an official\'s may have several, a resident\'s has the one it was written in.' }),
    lang: Lang.openapi({ description: 'The language it was first written in.' }),
    author: z.enum(['official', 'resident']),
    status: StatementStatus,
    createdAt: z.string(),
    votes: Counts.optional().openapi({ description: 'Only when the poll\'s results may be shown to the asker.' }),
  })
  .openapi('Statement');
export type StatementView = z.infer<typeof StatementView>;

export const StatementList = z
  .object({
    poll: z.string(),
    items: z.array(StatementView).openapi({ description: 'Published statements, oldest first (officials: every status, or the one asked for).' }),
    mine: z.record(z.string(), VoteValue).optional().openapi({ description: 'With X-Voter-Token: this voter\'s votes by statement id.' }),
    next: z.number().int().nullable().optional().openapi({ description: 'With X-Voter-Token: the statement to show this voter next (one they have not voted on), or null when they have voted on all.' }),
    voters: z.number().int().optional().openapi({ description: 'Residents who have voted on at least one statement (when results may be shown).' }),
  })
  .openapi('StatementList');

export const StatementQuery = z.object({
  status: StatementStatus.optional().openapi({ description: 'Officials only (moderators and up): statements in this state.' }),
});

export const QueueItem = StatementView.extend({ poll: z.string(), question: z.partialRecord(Lang, z.string()) }).openapi('StatementQueueItem');

const GroupStatement = z.object({
  id: z.number().int(),
  direction: z.enum(['agree', 'disagree']),
  group: Counts,
  groupRate: z.number().openapi({ description: 'Share of the group who voted the statement\'s way (agree or disagree), with a +1/+2 prior.' }),
  othersRate: z.number().openapi({ description: 'The same share among everyone else in a group.' }),
});

export const OpinionsView = z
  .object({
    poll: z.string(),
    participants: z.number().int().openapi({ description: 'Residents who have voted.' }),
    clustered: z.number().int().openapi({ description: 'Residents with enough votes (at least 7, or every statement when there are fewer) to be placed in a group.' }),
    minVotes: z.number().int(),
    groups: z.array(z.object({ id: z.number().int(), size: z.number().int(), statements: z.array(GroupStatement).openapi({ description: 'What sets the group apart: up to 5 statements it agrees or disagrees with clearly more than the others.' }) })),
    consensus: z.array(z.object({ id: z.number().int(), votes: Counts })).openapi({ description: 'Broadest agreement: statements that most of every group agrees with, most first.' }),
    divisive: z.array(z.object({ id: z.number().int(), votes: Counts, byGroup: z.array(Counts) })).openapi({ description: 'Statements the groups disagree on most.' }),
    mine: z.object({ group: z.number().int().nullable(), votes: z.number().int() }).optional().openapi({ description: 'With X-Voter-Token: the group this voter is closest to (null until they have enough votes).' }),
    computedAt: z.string(),
  })
  .openapi('Opinions');
export type OpinionsView = z.infer<typeof OpinionsView>;
