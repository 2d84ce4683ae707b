/**
 * A case (diary number) joins what residents were asked — polls and feedback carrying its case id —
 * to what was decided on it: the decisions with that case id.
 */
import { z } from '@hono/zod-openapi';
import { CaseId, Lang, Timestamp } from './common.ts';
import { DecisionSummaryView } from './decisions.ts';
import { PollState, PollStatus } from './polls.ts';

export const CaseQuery = z.object({
  id: CaseId.openapi({ param: { name: 'id', in: 'query' } }),
  lang: Lang.optional().openapi({ description: 'The language of the links (results pages, decision pages); the site\'s default otherwise.' }),
});

/** One decision on the case, as a closed poll and a feedback status show it under "What was decided". */
export const CaseDecision = DecisionSummaryView.pick({ id: true, organ: true, meeting: true, section: true, title: true, summary: true, plainSummary: true, outcome: true, publishedAt: true })
  .extend({ url: z.string().openapi({ description: 'The decision\'s page: the source system\'s when it has one, else the decision\'s own page here.' }) })
  .openapi('CaseDecision');
export type CaseDecision = z.infer<typeof CaseDecision>;

export const CasePoll = z
  .object({
    id: z.string(),
    question: z.partialRecord(Lang, z.string()),
    status: PollStatus,
    state: PollState,
    ballots: z.number().int().nullable().openapi({ description: 'Answers counted; null while the poll\'s results are not public.' }),
    resultsUrl: z.string().openapi({ description: 'The poll\'s own page, with its results once they are public.' }),
  })
  .openapi('CasePoll');

/** "Residents were asked": the polls on the case and how much feedback was sent about it. */
export const CaseParticipation = z
  .object({
    polls: z.array(CasePoll).openapi({ description: 'Published polls (open or closed) with this case id.' }),
    feedback: z.number().int().openapi({ description: 'Feedback sent about the case (spam not counted).' }),
  })
  .openapi('CaseParticipation');
export type CaseParticipation = z.infer<typeof CaseParticipation>;

export const CaseView = z
  .object({
    site: z.string(),
    caseId: z.string(),
    decisions: z.array(CaseDecision).openapi({ description: 'Newest meeting first; empty while nothing has been decided.' }),
    participation: CaseParticipation,
    feed: z.string().openapi({ description: 'An Atom feed of the decisions on this case.' }),
  })
  .openapi('Case');
export type CaseView = z.infer<typeof CaseView>;

export const CaseSubscriptionInput = z
  .strictObject({
    caseId: CaseId,
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('Give an email address, e.g. maija@example.fi.').max(254))
      .openapi({ description: 'Kept as written in lowercase, so two spellings of one address get one email.', example: 'maija@example.fi' }),
    lang: Lang.openapi({ description: 'The language the email is written in.' }),
  })
  .openapi('CaseSubscriptionInput');

export const CaseSubscription = z
  .object({
    caseId: z.string(),
    status: z.literal('waiting').openapi({ description: 'One email will be sent when a decision on the case is published; the address is then deleted.' }),
    keptUntil: Timestamp.openapi({ description: 'The address is deleted by then at the latest, decision or not (the site\'s retention period for contact details).' }),
  })
  .openapi('CaseSubscription');

/** For officials: a case that residents were asked about and nothing has been decided on yet. */
export const AwaitingCase = z
  .object({
    caseId: z.string(),
    polls: z.array(z.object({ id: z.string(), question: z.partialRecord(Lang, z.string()), status: PollStatus, ballots: z.number().int() })),
    forms: z.array(z.object({ id: z.string(), title: z.partialRecord(Lang, z.string()), status: z.enum(['draft', 'open', 'closed']) })),
    feedback: z.number().int(),
    waiting: z.number().int().openapi({ description: 'Residents waiting for the email.' }),
  })
  .openapi('AwaitingCase');

export const AwaitingCases = z.object({ items: z.array(AwaitingCase) }).openapi('AwaitingCases');

