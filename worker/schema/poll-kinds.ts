/**
 * The shapes that only some kinds of poll have: a participatory budget's projects, areas and
 * cap, and what a budget or a ranked-choice poll's count adds to plain votes per option.
 */
import { z } from '@hono/zod-openapi';
import { LocalizedText } from './common.ts';

export const OptionId = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Use 1–40 lowercase letters, digits, "-" or "_".');

/** Whole euros: a municipal budget is not counted in cents. */
const Euros = z.number().int().min(1).max(1_000_000_000_000);

export const BudgetArea = z
  .strictObject({
    id: OptionId,
    label: LocalizedText(100),
    cap: Euros.openapi({ description: 'The money this area\'s projects share, in whole euros.' }),
    minSpend: Euros.optional().openapi({ description: 'A ballot in this area must spend at least this much.' }),
  })
  .openapi('BudgetArea', { example: { id: 'keskusta', label: { fi: 'Keskusta', sv: 'Centrum' }, cap: 500000 } });

export const PollBudget = z
  .strictObject({
    cap: Euros.optional().openapi({ description: 'The money every project shares, in whole euros; leave out when the budget has areas (each has its own cap).' }),
    minSpend: Euros.optional().openapi({ description: 'A ballot must spend at least this much (without areas).' }),
    maxProjects: z.number().int().min(1).max(200).optional().openapi({ description: 'A ballot may pick at most this many projects.' }),
    areas: z
      .array(BudgetArea)
      .min(1)
      .max(30)
      .optional()
      .openapi({ description: 'Areas (districts) with budgets of their own: every project belongs to one, and a resident votes in one area\'s budget.' }),
  })
  .openapi('PollBudget', { example: { cap: 500000, maxProjects: 5 } });
export type PollBudget = z.infer<typeof PollBudget>;

/** Funded projects in one area (or the whole budget) under the rule in `fundedSet` (worker/tabulation/budget.ts). */
export const FundedArea = z
  .object({
    area: z.string().nullable().openapi({ description: 'The area\'s id; null for a budget without areas.' }),
    cap: z.number().int(),
    spent: z.number().int(),
    funded: z.array(z.string()).openapi({ description: 'Funded project ids, in the order the rule took them (most votes first).' }),
  })
  .openapi('FundedArea');
export type FundedArea = z.infer<typeof FundedArea>;

export const IrvRound = z
  .object({
    round: z.number().int(),
    counts: z.array(z.object({ id: z.string(), votes: z.number().int() })).openapi({ description: 'Votes of every option still in the count, each ballot counting for its highest-ranked such option.' }),
    exhausted: z.number().int().openapi({ description: 'Ballots that rank none of the options still in the count.' }),
    eliminated: z.string().nullable().openapi({ description: 'The option taken out after this round; null in the last round.' }),
    tieBreak: z.enum(['earlier_rounds', 'lot']).nullable().openapi({ description: 'How a tie for the fewest votes was broken: by the earlier rounds\' counts, or by lot.' }),
  })
  .openapi('IrvRound');
export type IrvRound = z.infer<typeof IrvRound>;

export const RankedCount = z
  .object({
    poll: z.string(),
    total: z.number().int().openapi({ description: 'Ballots counted.' }),
    irv: z.object({
      rounds: z.array(IrvRound),
      winner: z.string().nullable().openapi({ description: 'The option with more than half of the continuing ballots, or the last one left; null without ballots.' }),
    }),
    borda: z
      .array(z.object({ id: z.string(), points: z.number().int() }))
      .openapi({ description: 'Borda count, most points first: with n options, a ballot gives its first choice n − 1 points, its second n − 2, and so on; options it leaves unranked get none.' }),
    firstChoices: z.array(z.object({ id: z.string(), votes: z.number().int() })).openapi({ description: 'How many ballots ranked each option first.' }),
  })
  .openapi('RankedCount');
export type RankedCount = z.infer<typeof RankedCount>;
