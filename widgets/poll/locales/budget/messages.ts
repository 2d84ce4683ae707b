/**
 * The strings of a participatory budget poll (kinds/budget.ts), its own chunk per language.
 * Sums of money come formatted in the language's own way ("340 000 €", "€340,000").
 */
export interface BudgetMessages {
  /** The legend of the area radio group. */
  chooseArea: string;
  /** In place of the projects until an area is chosen. */
  chooseAreaFirst: string;
  /** Beside an area's name: its budget. */
  areaCap: (cap: string) => string;
  /** Read out when the area changes; `cleared`: the projects picked in the other area were let go. */
  areaChosen: (area: string, cleared: boolean) => string;
  /** The hint without areas: the cap. */
  hint: (cap: string) => string;
  /** The hint with areas. */
  hintAreas: string;
  /** The least a ballot spends. */
  hintMin: (min: string) => string;
  /** The most projects a ballot picks. */
  hintMax: (max: number) => string;
  /** A project's cost. */
  cost: (cost: string) => string;
  /** On a project not picked that costs more than is left. */
  doesNotFit: string;
  /** At a project just picked that takes the picks over the cap by `over`. */
  pickOverCap: (over: string) => string;
  /** At a project just picked that is one more than `max`. */
  pickTooMany: (max: number) => string;
  /** The running total: how many picked, for how much. */
  picked: (count: number, spent: string) => string;
  /** What is left of the cap: "340 000 € jäljellä / 500 000 €". */
  left: (left: string, cap: string) => string;
  /** The picks cost `over` more than the cap. */
  over: (over: string, cap: string) => string;
  errorNoArea: string;
  errorNone: string;
  errorOverCap: (spent: string, cap: string) => string;
  errorUnderMin: (min: string, spent: string) => string;
  errorTooMany: (max: number) => string;
  /** Under the results: how the votes fund projects. */
  rule: string;
  /** The badge on a funded project. */
  funded: string;
  /** Spent of the cap, per area. */
  spentOf: (spent: string, cap: string) => string;
  /** A project's votes and cost in the results. */
  projectResult: (votes: string, cost: string) => string;
  /** The resident's own ballot. */
  yourPicks: (projects: string, total: string) => string;
  /** For the live region after a vote: what is funded. */
  summary: (projects: string) => string;
  noneFunded: string;
}
