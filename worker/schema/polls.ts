import { z } from '@hono/zod-openapi';
import { CaseId, Lang, LocalizedText, SiteParams, Slug, Timestamp } from './common.ts';
import { FundedArea, OptionId, PollBudget } from './poll-kinds.ts';

export const PollParams = SiteParams.extend({ poll: Slug.openapi({ param: { name: 'poll', in: 'path' }, example: 'talvikunnossapito' }) });

export const PollKind = z.enum(['single', 'multiple', 'scale', 'ranked', 'budget', 'statements']).openapi('PollKind', {
  description: 'single and multiple choice; scale (a rating); ranked (rank up to maxChoices options; counted by instant runoff and by Borda count); budget (participatory budgeting: pick projects whose costs fit the budget); statements (a conversation, Pol.is style: agree, disagree or pass on statements one at a time, add your own; its options are the opening statements, and it is voted on through …/statements).',
});
export const ResultsVisibility = z.enum(['always', 'after_vote', 'after_close', 'never']).openapi('ResultsVisibility', {
  description: 'Who sees results: everyone; those who voted (and everyone once closed); everyone once closed; officials only.',
});
export const VoterMode = z.enum(['anonymous', 'challenge', 'signed']).openapi('VoterMode', {
  description: 'anonymous: the widget\'s voter token and a rate limit · challenge: plus a Turnstile check · signed: the host site signs a short JWT per voter.',
});
export const PollStatus = z.enum(['draft', 'open', 'closed']).openapi('PollStatus');
/** What a resident sees now, from the status and the opening and closing times. */
export const PollState = z.enum(['draft', 'upcoming', 'open', 'closed']).openapi('PollState');

/** An image on the web, shown with a budget project: https only. */
const ImageUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(500);

export const PollOption = z
  .strictObject({
    id: OptionId,
    label: LocalizedText(200),
    description: LocalizedText(600).optional().openapi({ description: 'A budget project\'s short description.' }),
    cost: z.number().int().min(1).max(1_000_000_000_000).optional().openapi({ description: 'A budget project\'s cost in whole euros (budget polls only, and required there).' }),
    area: OptionId.optional().openapi({ description: 'The id of the budget area the project belongs to (budgets with areas).' }),
    image: ImageUrl.optional().openapi({
      description: 'An https image of a budget project. The widget shows it only when it is on the host page\'s own site or the API\'s, so no third party learns of the visit.',
    }),
    imageAlt: LocalizedText(200).optional().openapi({ description: 'What the image shows, for those who cannot see it.' }),
  })
  .openapi('PollOption');
export type PollOption = z.infer<typeof PollOption>;

export const PollScale = z
  .strictObject({
    min: z.number().int().min(0).max(1),
    max: z.number().int().min(2).max(10),
    minLabel: LocalizedText(60).optional(),
    maxLabel: LocalizedText(60).optional(),
  })
  .openapi('PollScale', { example: { min: 1, max: 5, minLabel: { fi: 'Ei lainkaan tärkeä' }, maxLabel: { fi: 'Erittäin tärkeä' } } });
export type PollScale = z.infer<typeof PollScale>;
export type { PollBudget } from './poll-kinds.ts';

const DateTime = z.iso.datetime({ offset: true }).openapi({ format: 'date-time', example: '2026-12-31T22:00:00Z' });

const pollFields = {
  kind: PollKind,
  question: LocalizedText(300),
  description: LocalizedText(2000).optional(),
  options: z.array(PollOption).max(200).optional().openapi({ description: 'Up to 30 options; a budget poll up to 200 projects.' }),
  minChoices: z.number().int().min(1).max(30).optional(),
  maxChoices: z.number().int().min(1).max(30).optional(),
  scale: PollScale.optional(),
  budget: PollBudget.optional(),
  resultsVisibility: ResultsVisibility.default('after_vote'),
  voterMode: VoterMode.default('anonymous'),
  allowChange: z.boolean().default(false),
  opensAt: DateTime.nullable().default(null),
  closesAt: DateTime.nullable().default(null),
  status: PollStatus.default('draft'),
  caseId: CaseId.nullable().default(null).openapi({ description: 'The case (diary) number the poll informs: once a decision with the same case id is published, the closed poll shows it (GET …/cases?id=).' }),
};

/** Rules that span fields; shared by create and by an edit merged onto the stored poll. */
export function checkPollDefinition(poll: PollDefinition, ctx: z.RefinementCtx): void {
  const issue = (path: string | (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: typeof path === 'string' ? [path] : path, message });
  if (poll.opensAt && poll.closesAt && Date.parse(poll.opensAt) >= Date.parse(poll.closesAt)) issue('closesAt', 'The poll must close after it opens.');
  if (poll.kind !== 'budget' && poll.budget) issue('budget', 'Only a budget poll has "budget".');
  if (poll.kind === 'scale') {
    if (!poll.scale) issue('scale', 'A scale poll needs "scale": {"min", "max"}.');
    if (poll.options?.length) issue('options', 'A scale poll has no options; its values come from "scale".');
    return;
  }
  if (poll.scale) issue('scale', 'Only a scale poll has "scale".');
  if (poll.kind === 'statements') return checkConversation(poll, issue);
  const options = poll.options ?? [];
  if (options.length < 2) issue('options', poll.kind === 'budget' ? 'Give at least two projects.' : 'Give at least two options.');
  if (poll.kind !== 'budget' && options.length > 30) issue('options', 'Give at most 30 options (a budget poll may have up to 200 projects).');
  const ids = options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) issue('options', 'Option ids must be unique.');
  if (poll.kind === 'budget') return checkBudget(poll, issue);
  options.forEach((o, i) => {
    for (const field of ['cost', 'area', 'image', 'imageAlt'] as const) if (o[field] !== undefined) issue(['options', i, field], `Only a budget poll's projects have "${field}".`);
  });
  if (poll.kind === 'single' && ((poll.minChoices ?? 1) !== 1 || (poll.maxChoices ?? 1) !== 1)) issue('maxChoices', 'A single-choice poll takes exactly one choice; use "multiple" for more.');
  if (poll.kind === 'multiple' || poll.kind === 'ranked') {
    const min = poll.minChoices ?? 1;
    const max = poll.maxChoices ?? options.length;
    if (min > max) issue('minChoices', '"minChoices" cannot be more than "maxChoices".');
    if (max > options.length) issue('maxChoices', '"maxChoices" cannot be more than the number of options.');
  }
}

/** A conversation: its options are its opening statements (any number up to 200, none too), one short thought each. */
function checkConversation(poll: PollDefinition, issue: (path: string | (string | number)[], message: string) => void): void {
  if (poll.minChoices !== undefined || poll.maxChoices !== undefined) issue('maxChoices', 'A statements poll has no choices to limit: each statement is voted on by itself.');
  (poll.options ?? []).forEach((o, i) => {
    for (const field of ['cost', 'area', 'image', 'imageAlt', 'description'] as const) if (o[field] !== undefined) issue(['options', i, field], `A statement has no "${field}".`);
  });
  const ids = (poll.options ?? []).map((o) => o.id);
  if (new Set(ids).size !== ids.length) issue('options', 'Option ids must be unique.');
}

/** A budget: a cap or areas with caps, every project with a cost that fits its area. */
function checkBudget(poll: PollDefinition, issue: (path: string | (string | number)[], message: string) => void): void {
  const budget = poll.budget;
  if (!budget) return issue('budget', 'A budget poll needs "budget": {"cap"} or {"areas"}.');
  if (poll.minChoices !== undefined || poll.maxChoices !== undefined) issue('maxChoices', 'A budget poll limits ballots with "budget.maxProjects", not minChoices or maxChoices.');
  const areas = budget.areas;
  if (areas && (budget.cap !== undefined || budget.minSpend !== undefined)) issue(['budget', 'cap'], 'With areas, each area has its own "cap" and "minSpend"; leave them out of "budget".');
  if (!areas && budget.cap === undefined) issue(['budget', 'cap'], 'Give the budget\'s "cap" in whole euros, or "areas" with caps of their own.');
  if (areas && new Set(areas.map((a) => a.id)).size !== areas.length) issue(['budget', 'areas'], 'Area ids must be unique.');
  areas?.forEach((a, i) => a.minSpend !== undefined && a.minSpend > a.cap && issue(['budget', 'areas', i, 'minSpend'], 'The minimum spend cannot be more than the area\'s cap.'));
  if (budget.minSpend !== undefined && budget.cap !== undefined && budget.minSpend > budget.cap) issue(['budget', 'minSpend'], 'The minimum spend cannot be more than the cap.');
  (poll.options ?? []).forEach((o, i) => {
    if (o.cost === undefined) return issue(['options', i, 'cost'], 'Give every project its cost in whole euros.');
    const area = areas ? areas.find((a) => a.id === o.area) : undefined;
    if (areas && !area) return issue(['options', i, 'area'], o.area ? `There is no area "${o.area}" in "budget.areas".` : 'Say which area the project belongs to ("area").');
    if (!areas && o.area !== undefined) return issue(['options', i, 'area'], 'This budget has no areas; leave "area" out or add "budget.areas".');
    const cap = area ? area.cap : budget.cap;
    if (cap !== undefined && o.cost > cap) issue(['options', i, 'cost'], `The project costs more than the ${area ? 'area\'s' : 'whole'} budget (${cap} €).`);
  });
}

export const PollCreate = z
  .strictObject({ id: Slug.optional().openapi({ description: 'A readable slug; made up when left out.', example: 'talvikunnossapito' }), ...pollFields })
  .superRefine((poll, ctx) => checkPollDefinition(poll, ctx))
  .openapi('PollCreate');
export type PollCreate = z.infer<typeof PollCreate>;

export const PollUpdate = z
  .strictObject(Object.fromEntries(Object.entries(pollFields).map(([key, schema]) => [key, unwrapDefault(schema).optional()])) as {
    [K in keyof typeof pollFields]: z.ZodOptional<z.ZodType<z.output<(typeof pollFields)[K]>>>;
  })
  .refine((update) => Object.keys(update).length > 0, 'Send at least one field to change.')
  .openapi('PollUpdate');
export type PollUpdate = z.infer<typeof PollUpdate>;

function unwrapDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

/** A poll as stored: every field resolved. */
export interface PollDefinition {
  kind: z.infer<typeof PollKind>;
  question: LocalizedText;
  description?: LocalizedText;
  options?: PollOption[];
  minChoices?: number;
  maxChoices?: number;
  scale?: PollScale;
  budget?: PollBudget;
  resultsVisibility: z.infer<typeof ResultsVisibility>;
  voterMode: z.infer<typeof VoterMode>;
  allowChange: boolean;
  opensAt: string | null;
  closesAt: string | null;
  status: z.infer<typeof PollStatus>;
  caseId: string | null;
}

export interface Poll extends PollDefinition {
  id: string;
  site: string;
  createdAt: string;
  updatedAt: string;
}

export const BallotInput = z
  .strictObject({
    choices: z
      .array(OptionId)
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Option ids: the chosen one (single), the chosen ones (multiple), the chosen projects (budget), or the ranking, first choice first (ranked).', example: ['a'] }),
    value: z.number().int().min(0).max(10).optional().openapi({ description: 'The chosen value (scale polls).', example: 4 }),
  })
  .refine((b) => (b.choices === undefined) !== (b.value === undefined), 'Send either "choices" (option ids) or "value" (scale polls), not both.')
  .openapi('BallotInput');
export type BallotInput = z.infer<typeof BallotInput>;

export const Results = z
  .object({
    total: z.number().int().openapi({ description: 'Ballots cast.' }),
    options: z.array(z.object({ id: z.string(), count: z.number().int() })).openapi({ description: 'Ballots that chose each option (for a ranked poll: that ranked it at all; its count is GET …/ranking).' }),
    funded: z.array(FundedArea).optional().openapi({ description: 'Budget polls: the projects funded, per area, under the rule "most votes first; a project that no longer fits is skipped" (ties drawn by lot).' }),
  })
  .openapi('Results');
export type Results = z.infer<typeof Results>;

export const MyBallot = z
  .object({
    choices: z.array(z.string()).optional(),
    value: z.number().int().optional(),
    castAt: Timestamp,
    changedAt: Timestamp.nullable(),
    receipt: z
      .string()
      .nullable()
      .openapi({
        description:
          'The ballot\'s receipt, "K7QF-3M9X-2D4A": a code only its voter holds, which the poll\'s sealed result lists with the ballot\'s choice and hour, so the voter can check it was counted. A changed ballot gets a new one. Null for a ballot from before receipts.',
        example: 'K7QF-3M9X-2D4A',
      }),
  })
  .openapi('MyBallot');
export type MyBallot = z.infer<typeof MyBallot>;

const Texts = z.partialRecord(Lang, z.string());
const PollOptionView = z.object({
  id: z.string(),
  label: Texts,
  description: Texts.optional(),
  cost: z.number().int().optional(),
  area: z.string().optional(),
  image: z.string().optional(),
  imageAlt: Texts.optional(),
});

export const PollView = z
  .object({
    id: z.string(),
    site: z.string(),
    kind: PollKind,
    question: z.partialRecord(Lang, z.string()),
    description: z.partialRecord(Lang, z.string()).optional(),
    options: z.array(PollOptionView),
    minChoices: z.number().int(),
    maxChoices: z.number().int(),
    scale: PollScale.optional(),
    budget: PollBudget.optional(),
    resultsVisibility: ResultsVisibility,
    voterMode: VoterMode,
    allowChange: z.boolean(),
    opensAt: Timestamp.nullable(),
    closesAt: Timestamp.nullable(),
    status: PollStatus,
    state: PollState,
    caseId: z.string().nullable(),
    languages: z.array(Lang).openapi({ description: 'The site\'s languages, in fallback order.' }),
    results: Results.optional().openapi({ description: 'Only when the poll\'s results visibility allows it.' }),
    myBallot: MyBallot.nullable().optional().openapi({ description: 'With X-Voter-Token: this voter\'s ballot, or null.' }),
  })
  .openapi('Poll');
export type PollView = z.infer<typeof PollView>;

export const BallotReceipt = z
  .object({
    poll: z.string(),
    ballot: MyBallot,
    results: Results.optional(),
  })
  .openapi('BallotReceipt');
export type BallotReceipt = z.infer<typeof BallotReceipt>;
