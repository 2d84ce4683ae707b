/**
 * The console's words for the poll kinds beyond single, multiple and scale: a ranking's limits
 * and count, a participatory budget's projects, areas and funded set. Part of `AdminMessages` as
 * `pollKinds`.
 */
export interface PollKindMessages {
  /** The ranked poll's limits in the editor. */
  ranked: {
    help: string;
    /** "Rank at most N": the ballot's `maxChoices`. */
    atMost: string;
    atLeast: string;
  };
  /** The budget poll in the editor. */
  budget: {
    legend: string;
    help: string;
    cap: string;
    capHelp: string;
    minSpend: string;
    maxProjects: string;
    hasAreas: string;
    hasAreasHelp: string;
    areas: string;
    areaId: (n: number) => string;
    areaIdHelp: string;
    areaLabel: (n: number, language: string) => string;
    areaCap: (n: number) => string;
    areaMinSpend: (n: number) => string;
    addArea: string;
    removeArea: (n: number) => string;
    projects: string;
    project: (n: number, language: string) => string;
    addProject: string;
    removeProject: (n: number) => string;
    cost: (n: number) => string;
    description: (n: number, language: string) => string;
    area: (n: number) => string;
    chooseArea: string;
    image: (n: number) => string;
    /** Why an image from elsewhere is not shown: a third party would learn of the visit. */
    imageHelp: string;
    imageAlt: (n: number, language: string) => string;
    missingProject: (n: number, language: string) => string;
    missingDescription: (n: number, language: string) => string;
    missingImageAlt: (n: number, language: string) => string;
    missingArea: (n: number, language: string) => string;
  };
  /** A ranked poll's count in the results. */
  ranking: {
    loading: string;
    failed: string;
    retry: string;
    /** "Voittaja vaihtoehtojen karsinnalla: ⟨option⟩". */
    winner: (option: string) => string;
    noWinner: string;
    rounds: string;
    roundsHelp: string;
    round: (n: number) => string;
    /** A cell of an option no longer counted (shown as a dash; this is read out). */
    out: string;
    exhausted: string;
    eliminated: string;
    tieBreak: Record<'earlier_rounds' | 'lot', string>;
    borda: string;
    bordaHelp: string;
    firstChoices: string;
    points: string;
  };
  /** A budget poll's results. */
  funded: {
    heading: string;
    rule: string;
    /** A budget without areas: its one table's name. */
    whole: string;
    /** "Käytetty 450 000 € / 500 000 €". */
    spent: (spent: string, cap: string) => string;
    project: string;
    cost: string;
    state: string;
    yes: string;
    no: string;
  };
}
