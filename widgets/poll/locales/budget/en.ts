import type { BudgetMessages } from './messages.ts';

const projects = (n: number) => (n === 1 ? '1 project' : `${n} projects`);

export const en: BudgetMessages = {
  chooseArea: 'Choose your area',
  chooseAreaFirst: 'Choose an area first to see its projects.',
  areaCap: (cap) => `budget ${cap}`,
  areaChosen: (area, cleared) => `Area: ${area}.${cleared ? ' The projects you picked in the other area were cleared.' : ''}`,
  hint: (cap) => `Choose projects that cost ${cap} or less in all.`,
  hintAreas: 'Choose one area, then projects within its budget.',
  hintMin: (min) => `Spend at least ${min}.`,
  hintMax: (max) => `Choose at most ${projects(max)}.`,
  cost: (cost) => `Cost ${cost}`,
  doesNotFit: 'Does not fit what is left.',
  pickOverCap: (over) => `This project does not fit: your picks cost ${over} more than the budget. Remove a project.`,
  pickTooMany: (max) => `You can choose at most ${projects(max)}. Remove another one to make room for this.`,
  picked: (count, spent) => (count ? `${projects(count)} chosen, ${spent} in all.` : 'No projects chosen yet.'),
  left: (left, cap) => `${left} of ${cap} left`,
  over: (over, cap) => `${over} over the budget of ${cap}.`,
  errorNoArea: 'Choose an area before you vote.',
  errorNone: 'Choose at least one project before you vote.',
  errorOverCap: (spent, cap) => `The projects you chose cost ${spent}, more than the budget of ${cap}. Remove a project.`,
  errorUnderMin: (min, spent) => `Choose projects worth at least ${min}. Your picks now cost ${spent}.`,
  errorTooMany: (max) => `Choose at most ${projects(max)}.`,
  rule: 'Projects are funded in order of votes; one that no longer fits what is left is skipped.',
  funded: 'Funded',
  spentOf: (spent, cap) => `${spent} of ${cap} spent.`,
  projectResult: (votes, cost) => `${votes} · ${cost}`,
  yourPicks: (list, total) => `Your projects: ${list} (${total} in all)`,
  summary: (list) => `Funded: ${list}.`,
  noneFunded: 'No project is funded yet.',
};
