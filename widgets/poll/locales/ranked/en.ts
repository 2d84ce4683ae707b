import type { RankedMessages } from './messages.ts';

const options = (n: number) => (n === 1 ? '1 option' : `${n} options`);
/** 1st, 2nd, 3rd, 4th, 11th, 21st. */
const ordinal = (n: number) => `${n}${{ one: 'st', two: 'nd', few: 'rd', other: 'th' }[new Intl.PluralRules('en-GB', { type: 'ordinal' }).select(n) as 'one' | 'two' | 'few' | 'other']}`;

export const en: RankedMessages = {
  hint: (min, max) => `${min <= 1 ? `Rank up to ${options(max)}` : min === max ? `Rank ${options(max)}` : `Rank at least ${min} and up to ${max} options`}: 1 is your first choice.`,
  unranked: 'Not ranked',
  yourRanking: 'Your ranking',
  noneRanked: 'You have not ranked any options yet. Pick a rank beside an option.',
  up: 'Up',
  down: 'Down',
  remove: 'Remove',
  moveUpName: (option) => `Move ${option} up`,
  moveDownName: (option) => `Move ${option} down`,
  removeName: (option) => `Remove ${option} from your ranking`,
  nowAt: (option, position, of) => `${option} is now ${ordinal(position)} of ${of}.`,
  removed: (option) => `${option} was removed from your ranking.`,
  pushedOut: (option, max) => `${option} dropped out, as there are ${max} places.`,
  errorNone: 'Rank at least one option before you vote.',
  errorTooFew: (min) => `Rank at least ${options(min)}.`,
  errorTooMany: (max) => `Rank at most ${options(max)}.`,
  yourBallot: (ranking) => `Your ranking: ${ranking}`,
  winner: (option) => `Winner by instant runoff: ${option}`,
  noWinner: 'No answers yet.',
  irvRule:
    'In each round every answer counts for the option it ranks highest among those still in the count. An option with more than half of the answers wins; otherwise the one with the fewest is taken out.',
  roundsCaption: 'Instant runoff, round by round',
  optionHeader: 'Option',
  round: (n) => `Round ${n}`,
  eliminated: 'out',
  tieEarlier: 'tie broken by the earlier rounds',
  tieLot: 'tie broken by lot',
  out: 'not in the count',
  wins: 'wins',
  exhausted: 'Answers with no ranked option left',
  borda: 'Borda count',
  bordaRule: (n) => `With ${n} options a first place gets ${n - 1} points, a second ${n - 2}, and so on; unranked options get none.`,
  points: (points) => (points === 1 ? '1 point' : `${points} points`),
  firstChoices: 'First choices',
  loadingCount: 'Loading the count…',
  countFailed: 'The count could not be loaded.',
  rankedBy: 'How many ranked each option',
};
