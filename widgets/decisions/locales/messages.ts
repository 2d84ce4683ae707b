import type { Outcome } from '../../../worker/schema/decisions.ts';

/** The decision feed's own strings, in their own chunk per language. */
export interface DecisionMessages {
  loading: string;
  loadFailed: string;
  searchLabel: string;
  search: string;
  filtersLabel: string;
  all: string;
  found: (count: number, more: boolean) => string;
  foundFor: (count: number, more: boolean, q: string) => string;
  empty: string;
  emptyFor: (q: string) => string;
  loadMore: string;
  loadingMore: string;
  /** After "show more": how many came and how many are shown now, so that every press is announced anew. */
  loadedMore: (count: number, shown: number) => string;
  section: (section: string) => string;
  outcome: Record<Outcome, string>;
  outcomeLabel: string;
  showMore: string;
  showLess: string;
  plainLanguage: string;
  attachments: string;
  source: string;
  caseId: (id: string) => string;
  giveFeedback: string;
  subscribe: string;
  /** The heading over what was decided on a case (decided.ts: under a closed poll, and with a feedback's status). */
  decided: string;
  /** A case on which nothing has been decided yet. */
  noDecisionOn: (caseId: string) => string;
  /** In a decision's full view: the heading over the polls and feedback that asked residents about its case. */
  residentsAsked: string;
  /** A poll's answers: "1 234 answers". */
  answers: (count: number) => string;
  /** After a poll that still takes answers. */
  pollOpen: string;
  /** "12 pieces of feedback on this case." */
  feedbackOnCase: (count: number) => string;
}
