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
}
