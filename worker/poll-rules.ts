/** The rules of a poll that the server enforces, whatever the widget does. */
import type { StoredPoll } from './db/polls.ts';
import { tallyKeys } from './db/polls.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { budgetBallotProblem, fundedSet } from './tabulation/budget.ts';
import type { BallotInput, MyBallot, PollDefinition, PollView, Results } from './schema/polls.ts';
import type { SiteRecord } from './schema/sites.ts';

export type PollState = PollView['state'];

export function pollState(poll: Pick<PollDefinition, 'status' | 'opensAt' | 'closesAt'>, now = Date.now()): PollState {
  if (poll.status === 'draft') return 'draft';
  if (poll.status === 'closed') return 'closed';
  if (poll.closesAt && Date.parse(poll.closesAt) <= now) return 'closed';
  if (poll.opensAt && Date.parse(poll.opensAt) > now) return 'upcoming';
  return 'open';
}

/** Whether results may be shown: officials always; residents as the poll says. */
export function resultsVisible(poll: StoredPoll, viewer: { official: boolean; voted: boolean }): boolean {
  if (viewer.official) return true;
  const closed = pollState(poll) === 'closed';
  switch (poll.resultsVisibility) {
    case 'always':
      return true;
    case 'after_vote':
      return viewer.voted || closed;
    case 'after_close':
      return closed;
    case 'never':
      return false;
  }
}

/** How many options a ballot chooses (ranks, for a ranked poll; projects, for a budget, whose real limit is its cost). */
export function choiceLimits(poll: Pick<PollDefinition, 'kind' | 'options' | 'minChoices' | 'maxChoices' | 'budget'>): { min: number; max: number } {
  if (poll.kind === 'budget') return { min: 1, max: Math.min(poll.budget?.maxProjects ?? Infinity, poll.options?.length ?? 1) };
  if (poll.kind !== 'multiple' && poll.kind !== 'ranked') return { min: 1, max: 1 };
  return { min: poll.minChoices ?? 1, max: poll.maxChoices ?? poll.options?.length ?? 1 };
}

/** A ballot as the tally keys it counts for, or a 400 that says what is wrong with it. */
export function ballotKeys(poll: StoredPoll, ballot: BallotInput): string[] {
  const fail = (path: string, message: string): never => {
    throw new ValidationError([{ path: [path], code: 'invalid_ballot', message }]);
  };
  if (poll.kind === 'scale') {
    if (ballot.value === undefined) return fail('value', 'This is a scale poll: send "value".');
    const { min, max } = poll.scale!;
    if (ballot.value < min || ballot.value > max) return fail('value', `Choose a value from ${min} to ${max}.`);
    return [String(ballot.value)];
  }
  if (poll.kind === 'statements') return fail('choices', 'This poll is a conversation: vote on its statements one at a time with PUT …/statements/{statement}/vote.');
  if (!ballot.choices) return fail('choices', 'Send "choices": the ids of the chosen options.');
  const known = new Set(tallyKeys(poll));
  const unknown = ballot.choices.filter((id) => !known.has(id));
  if (unknown.length) return fail('choices', `Unknown option: ${unknown.map((id) => `"${id}"`).join(', ')}.`);
  if (new Set(ballot.choices).size !== ballot.choices.length) return fail('choices', 'Each option can be chosen once.');
  if (poll.kind === 'budget') {
    const problem = budgetBallotProblem(poll, ballot.choices);
    if (problem) return fail('choices', problem);
  }
  const { min, max } = choiceLimits(poll);
  if (ballot.choices.length < min) return fail('choices', min === 1 ? 'Choose an option.' : poll.kind === 'ranked' ? `Rank at least ${min} options.` : `Choose at least ${min} options.`);
  if (ballot.choices.length > max) return fail('choices', max === 1 ? 'Choose only one option.' : poll.kind === 'ranked' ? `Rank at most ${max} options.` : `Choose at most ${max} options.`);
  // A ranking is its order: first choice first, as sent.
  if (poll.kind === 'ranked') return [...ballot.choices];
  const order = tallyKeys(poll);
  return [...ballot.choices].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function pollNotFound(id: string): NotFoundError {
  return new NotFoundError('poll_not_found', `There is no poll "${id}" on this site.`);
}

/** 409 unless the poll takes ballots right now. */
export function assertOpen(poll: StoredPoll): void {
  const state = pollState(poll);
  if (state === 'open') return;
  if (state === 'closed') throw new ConflictError('poll_closed', 'This poll has closed; it no longer takes ballots.');
  throw new ConflictError('poll_not_open', poll.opensAt ? `This poll opens at ${poll.opensAt}.` : 'This poll is not open yet.');
}

export function toPollView(poll: StoredPoll, site: SiteRecord, extra: { results?: Results; myBallot?: MyBallot | null }): PollView {
  const { min, max } = choiceLimits(poll);
  return {
    id: poll.id,
    site: poll.site,
    kind: poll.kind,
    question: poll.question,
    ...(poll.description ? { description: poll.description } : {}),
    options: poll.options ?? [],
    minChoices: min,
    maxChoices: max,
    ...(poll.scale ? { scale: poll.scale } : {}),
    ...(poll.budget ? { budget: poll.budget } : {}),
    resultsVisibility: poll.resultsVisibility,
    voterMode: poll.voterMode,
    allowChange: poll.allowChange,
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
    status: poll.status,
    state: pollState(poll),
    caseId: poll.caseId,
    languages: [site.defaultLang, ...site.languages.filter((l) => l !== site.defaultLang)],
    ...(extra.results ? { results: withOutcome(poll, extra.results) } : {}),
    ...(extra.myBallot !== undefined ? { myBallot: extra.myBallot } : {}),
  };
}

/** Results with what a kind of poll derives from the votes: a budget's funded projects. */
export function withOutcome(poll: StoredPoll, results: Results): Results {
  return poll.kind === 'budget' && poll.budget ? { ...results, funded: fundedSet(poll, results) } : results;
}
