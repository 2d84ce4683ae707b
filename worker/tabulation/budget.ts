/**
 * Participatory budgeting: what a ballot may pick, and which projects the votes fund.
 *
 * The funding rule is OmaStadi's (Helsinki's participatory budget): in each area, projects are
 * taken in order of votes, most first; a project that no longer fits what is left of the
 * area's budget is skipped, and the next one is tried, to the end of the list. A project that
 * fits exactly is funded. Projects with equal votes are taken in an order drawn by lot
 * (lot.ts); a project with no votes is never funded.
 */
import type { FundedArea, PollBudget } from '../schema/poll-kinds.ts';
import type { PollDefinition, PollOption, Results } from '../schema/polls.ts';
import { lotNumber } from './lot.ts';

type BudgetPoll = Pick<PollDefinition, 'budget' | 'options'> & { id: string };

export interface AreaRule {
  area: string | null;
  cap: number;
  minSpend?: number;
}

/** The areas of a budget (one with the id null when it has none). */
export function budgetAreas(budget: PollBudget): AreaRule[] {
  if (budget.areas) return budget.areas.map((a) => ({ area: a.id, cap: a.cap, ...(a.minSpend !== undefined ? { minSpend: a.minSpend } : {}) }));
  return [{ area: null, cap: budget.cap ?? 0, ...(budget.minSpend !== undefined ? { minSpend: budget.minSpend } : {}) }];
}

/** Whole euros as the API's messages and the exports write them: "500 000 €" (plain spaces, so a spreadsheet or a log shows them as typed). */
export const euros = (n: number) => `${n.toLocaleString('fi-FI').replace(/\u00a0/g, ' ')} €`;

/** Why `choices` (known, distinct project ids) is not a ballot this budget takes, or null when it is. */
export function budgetBallotProblem(poll: BudgetPoll, choices: string[]): string | null {
  const budget = poll.budget!;
  const projects = new Map((poll.options ?? []).map((o) => [o.id, o]));
  const picked = choices.map((id) => projects.get(id)!);
  const areas = new Set(picked.map((p) => p.area ?? null));
  if (areas.size > 1) return 'Choose projects from one area only: a ballot is cast in one area\'s budget.';
  const rule = budgetAreas(budget).find((a) => a.area === (picked[0]?.area ?? null))!;
  const spent = picked.reduce((sum, p) => sum + (p.cost ?? 0), 0);
  if (spent > rule.cap) return `The chosen projects cost ${euros(spent)}, more than the budget of ${euros(rule.cap)}.`;
  if (rule.minSpend !== undefined && spent < rule.minSpend) return `Choose projects worth at least ${euros(rule.minSpend)}; these cost ${euros(spent)}.`;
  if (budget.maxProjects !== undefined && picked.length > budget.maxProjects) return `Choose at most ${budget.maxProjects} projects.`;
  return null;
}

/** The funded projects of every area from the votes per project. */
export function fundedSet(poll: BudgetPoll, results: Results): FundedArea[] {
  const votes = new Map(results.options.map((o) => [o.id, o.count]));
  const projects = poll.options ?? [];
  return budgetAreas(poll.budget!).map((rule) => {
    const inArea = projects.filter((p) => (p.area ?? null) === rule.area);
    const order = fundingOrder(poll.id, inArea, votes);
    let left = rule.cap;
    const funded: string[] = [];
    for (const p of order) {
      if ((votes.get(p.id) ?? 0) === 0) break;
      if (p.cost! <= left) {
        funded.push(p.id);
        left -= p.cost!;
      }
    }
    return { area: rule.area, cap: rule.cap, spent: rule.cap - left, funded };
  });
}

/** Most votes first; equal votes in the order of the draw. */
export function fundingOrder(pollId: string, projects: PollOption[], votes: Map<string, number>): PollOption[] {
  return [...projects].sort((a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) || lotNumber(pollId, 'budget', a.id) - lotNumber(pollId, 'budget', b.id));
}

