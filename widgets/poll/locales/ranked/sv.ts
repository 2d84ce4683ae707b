import type { RankedMessages } from './messages.ts';

const alternativ = (n: number) => (n === 1 ? '1 alternativ' : `${n} alternativ`);

export const sv: RankedMessages = {
  hint: (min, max) =>
    `${min <= 1 ? `Rangordna högst ${alternativ(max)}` : min === max ? `Rangordna ${alternativ(max)}` : `Rangordna minst ${min} och högst ${max} alternativ`}: 1 är ditt förstahandsval.`,
  unranked: 'Inte rangordnat',
  yourRanking: 'Din rangordning',
  noneRanked: 'Du har inte rangordnat några alternativ ännu. Välj en plats vid ett alternativ.',
  up: 'Upp',
  down: 'Ned',
  remove: 'Ta bort',
  moveUpName: (option) => `Flytta ${option} upp`,
  moveDownName: (option) => `Flytta ${option} ned`,
  removeName: (option) => `Ta bort ${option} ur rangordningen`,
  nowAt: (option, position, of) => `${option} är nu på plats ${position} av ${of}.`,
  removed: (option) => `${option} togs bort ur rangordningen.`,
  pushedOut: (option, max) => `${option} föll bort, eftersom det finns ${max} platser.`,
  errorNone: 'Rangordna minst ett alternativ innan du svarar.',
  errorTooFew: (min) => `Rangordna minst ${alternativ(min)}.`,
  errorTooMany: (max) => `Rangordna högst ${alternativ(max)}.`,
  yourBallot: (ranking) => `Din rangordning: ${ranking}`,
  winner: (option) => `Vinnare efter utslagsomgångarna: ${option}`,
  noWinner: 'Inga svar har lämnats ännu.',
  irvRule:
    'I varje omgång räknas ett svar för det alternativ som svararen har rangordnat högst av dem som ännu är kvar. Det alternativ som får mer än hälften av svaren vinner; annars slås det med minst antal ut.',
  roundsCaption: 'Utslagning omgång för omgång',
  optionHeader: 'Alternativ',
  round: (n) => `Omgång ${n}`,
  eliminated: 'utslaget',
  tieEarlier: 'oavgjort avgjordes av tidigare omgångar',
  tieLot: 'oavgjort avgjordes genom lottning',
  out: 'inte kvar',
  wins: 'vinnare',
  exhausted: 'Svar där inget rangordnat alternativ är kvar',
  borda: 'Bordapoäng',
  bordaRule: (n) => `Med ${n} alternativ får förstaplatsen ${n - 1} poäng, andraplatsen ${n - 2} och så vidare; alternativ som inte rangordnats får inga poäng.`,
  points: (points) => `${points} poäng`,
  firstChoices: 'Förstahandsval',
  loadingCount: 'Räkningen laddas…',
  countFailed: 'Räkningen kunde inte laddas.',
  rankedBy: 'Hur många som rangordnade varje alternativ',
};
