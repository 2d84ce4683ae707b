/**
 * The words of the server-rendered (no-JavaScript) frame widgets, one catalogue per language
 * (./fi.ts, ./sv.ts, ./en.ts). Where a widget already says the same thing, the wording is the
 * widget's (widgets/locales/, widgets/feedback/locales/), so a resident reads one voice with or
 * without JavaScript.
 */
import type { Lang } from '../../../schema/common.ts';

export interface NojsStrings {
  errorSummary: string;
  errorPrefix: string;
  optional: string;
  required: string;
  rateLimited: string;
  notFound: string;
  tooLarge: string;
  wrongType: string;
  foreignOrigin: (origin: string) => string;
  tryAgain: string;
  backToForm: string;
  previewOff: string;
  serverError: string;
  poll: {
    submit: string;
    change: string;
    thanks: string;
    changed: string;
    yourBallot: (choices: string) => string;
    results: string;
    total: (n: number) => string;
    votes: (n: number, percent: string) => string;
    resultsLater: { after_vote: string; after_close: string; never: string };
    closed: string;
    upcoming: string;
    chooseOne: string;
    chooseBetween: (min: number, max: number) => string;
    chooseExactly: (n: number) => string;
    chooseAtMost: (max: number) => string;
    chooseValue: (min: number, max: number) => string;
    errorNoChoice: string;
    errorTooFew: (min: number) => string;
    errorTooMany: (max: number) => string;
    errorNoValue: string;
    alreadyVoted: string;
    invalid: string;
    needsScript: string;
    notRemembered: string;
    closedResults: string;
    /** Participatory budgets and ranked polls (issue 18). */
    budgetHint: (cap: string) => string;
    cost: (euros: string) => string;
    budgetOver: (spent: string, cap: string) => string;
    budgetUnder: (min: string) => string;
    budgetOneArea: string;
    funded: string;
    rankHint: (max: number) => string;
    rankOf: (label: string) => string;
    notRanked: string;
    rankTwice: string;
    rankGap: string;
    /** Conversations (statements). */
    agree: string;
    disagree: string;
    pass: string;
    progress: (done: number, all: number) => string;
    allAnswered: string;
    statementLabel: string;
    voteSaved: string;
    addNeedsScript: string;
    countsOf: (agree: number, disagree: number, pass: number) => string;
  };
  feedback: {
    submit: string;
    closed: string;
    category: string;
    address: string;
    privacyDefault: string;
    required: (label: string) => string;
    requiredChoice: (label: string) => string;
    requiredConsent: string;
    tooLong: (label: string, max: number, now: number) => string;
    email: string;
    phone: string;
    check: (label: string) => string;
    needsScript: string;
    sentTitle: string;
    refIntro: string;
    refHelp: string;
    keyTitle: string;
    keyHelp: string;
    follow: string;
    sendAnother: string;
  };
  status: {
    refLabel: string;
    refHint: string;
    lookup: string;
    refInvalid: string;
    refNotFound: (ref: string) => string;
    heading: (ref: string) => string;
    status: Record<'received' | 'in_progress' | 'answered' | 'closed' | 'spam', string>;
    statusLine: (status: string) => string;
    receivedAt: (when: string) => string;
    updatedAt: (when: string) => string;
    replies: string;
    noReplies: string;
  };
  reading: {
    search: string;
    searchButton: string;
    noDecisions: string;
    newest: string;
    watchAt: (provider: string) => string;
    watchFile: string;
    noEpisodes: string;
    captions: string;
    loadMore: string;
    moreEpisodes: string;
    episodes: string;
    back: string;
    backToEpisodes: string;
    section: (section: string) => string;
    caseId: (id: string) => string;
    outcomeLabel: string;
    outcome: Record<'passed' | 'passed_amended' | 'rejected' | 'tabled' | 'returned' | 'voted', string>;
    /** Headings of a decision's topics and districts. */
    topics: string;
    districts: string;
    attachments: string;
    source: string;
    transcript: string;
    published: (when: string) => string;
    foundFor: (q: string) => string;
    emptyFor: (q: string) => string;
  };
}

export type Catalogue = Record<Lang, NojsStrings>;
