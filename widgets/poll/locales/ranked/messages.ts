/** The strings of a ranked poll (kinds/ranked.ts), its own chunk per language. */
export interface RankedMessages {
  /** The hint: rank up to `max` (at least `min`); 1 is the first choice. */
  hint: (min: number, max: number) => string;
  /** The name of the "—" in each option's rank picker. */
  unranked: string;
  /** The heading over the resident's ranking. */
  yourRanking: string;
  /** In place of the ranking while it is empty. */
  noneRanked: string;
  /** The buttons' visible words; their names add the option's ("Move Cycle paths up"). */
  up: string;
  down: string;
  remove: string;
  moveUpName: (option: string) => string;
  moveDownName: (option: string) => string;
  removeName: (option: string) => string;
  /** Read out after a change: "Cycle paths is now 2nd of 3." */
  nowAt: (option: string, position: number, of: number) => string;
  removed: (option: string) => string;
  /** Ranking one more than `max` lets the last one go. */
  pushedOut: (option: string, max: number) => string;
  errorNone: string;
  errorTooFew: (min: number) => string;
  errorTooMany: (max: number) => string;
  /** The resident's own ballot: "1. Cycle paths, 2. Bus stops". */
  yourBallot: (ranking: string) => string;
  /** The instant runoff's winner. */
  winner: (option: string) => string;
  noWinner: string;
  /** How instant runoff counts, in a sentence or two. */
  irvRule: string;
  roundsCaption: string;
  optionHeader: string;
  round: (n: number) => string;
  /** In a round's cell: the option taken out after it. */
  eliminated: string;
  tieEarlier: string;
  tieLot: string;
  /** In the cells of an option already out (read out; a dash is shown). */
  out: string;
  /** In the last round's cell of the winner. */
  wins: string;
  exhausted: string;
  borda: string;
  bordaRule: (options: number) => string;
  points: (points: number) => string;
  firstChoices: string;
  loadingCount: string;
  countFailed: string;
  /** The console's preview: how many ballots ranked each option (the real count needs the API). */
  rankedBy: string;
}
