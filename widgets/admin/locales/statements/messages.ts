/**
 * The console's words for conversations (polls of kind `statements`, Pol.is style): the opening
 * statements and adding one in the editor, the statements waiting for a moderator, and the
 * opinion groups in the results. Part of `AdminMessages` as `statements`.
 */
export interface StatementMessages {
  /** The poll editor. */
  editor: {
    /** The opening statements' list, for a new conversation. */
    opening: string;
    openingHelp: string;
    /** "Väite 1 (suomi)". */
    statement: (n: number, language: string) => string;
    addOpening: string;
    removeOpening: (n: number) => string;
    missingStatement: (n: number, language: string) => string;
    /** A saved conversation's statements, read only. */
    list: string;
    listHelp: string;
    none: string;
    /** "Lisää väite (suomi)": the site's default language. */
    add: (language: string) => string;
    addHelp: string;
    /** The live count under the field: "12 / 280 merkkiä". */
    count: (used: number, max: number) => string;
    addButton: string;
    adding: string;
    /** Said once it is published: "Väite 7 lisättiin ja julkaistiin." */
    added: (n: number) => string;
    tooShort: string;
    /** An error adding, with the reason after it. */
    notAdded: (reason: string) => string;
  };
  /** The statements waiting for a moderator, from every conversation. */
  queue: {
    heading: string;
    intro: string;
    refresh: string;
    /** After a refresh: how many wait now. */
    refreshed: (count: number) => string;
    empty: string;
    emptyHelp: string;
    /** "Keskustelu: ⟨question⟩". */
    conversation: (question: string) => string;
    /** "Lähetetty 4.12.2026 klo 10.02". */
    sent: (when: string) => string;
    publish: string;
    reject: string;
    /** "Julkaistu: ⟨the statement's start⟩". */
    published: (start: string) => string;
    rejected: (start: string) => string;
    /** More than the list holds: the rest appear as these are handled. */
    more: string;
  };
  /** A conversation's results. */
  results: {
    loading: string;
    failed: string;
    retry: string;
    participants: string;
    /** "Ryhmiin sijoitetut (äänestäneet vähintään 7 väitettä)". */
    clustered: (minVotes: number) => string;
    /** When the groups were computed (they are kept a minute): "klo 18.31". */
    computedAt: (time: string) => string;
    noVotes: string;
    /** "Ryhmiä ei vielä ole: liian harva on äänestänyt 7 väitettä." */
    noGroups: (minVotes: number) => string;
    groups: string;
    groupsHelp: string;
    /** "Ryhmä 1 · 34 asukasta". */
    group: (n: number, size: number) => string;
    /** The caption of a group's table. */
    distinctive: (n: number) => string;
    noDistinctive: string;
    statement: string;
    stance: string;
    agrees: string;
    disagrees: string;
    /** The share of the group who vote the statement's way. */
    groupShare: string;
    othersShare: string;
    consensus: string;
    consensusHelp: string;
    divisive: string;
    divisiveHelp: string;
    none: string;
    all: string;
    number: string;
    author: string;
    official: string;
    resident: string;
    agree: string;
    disagree: string;
    pass: string;
    /** A statement whose text is not at hand. */
    statementN: (n: number) => string;
  };
}
