import type { DecisionMessages } from './messages.ts';

const n = (count: number) => count.toLocaleString('en');

export const en: DecisionMessages = {
  loading: 'Loading decisions…',
  loadFailed: 'The decisions could not be loaded.',
  searchLabel: 'Search the decisions',
  search: 'Search',
  filtersLabel: 'Topics',
  all: 'All',
  found: (count, more) => (more ? `Showing the ${n(count)} newest decisions.` : count === 1 ? '1 decision.' : `${n(count)} decisions.`),
  foundFor: (count, more, q) => (more ? `More than ${n(count)} decisions match "${q}".` : `${count === 1 ? '1 decision matches' : `${n(count)} decisions match`} "${q}".`),
  empty: 'No decisions found.',
  emptyFor: (q) => `No decisions match "${q}". Try a shorter or a different word.`,
  loadMore: 'Show more decisions',
  loadingMore: 'Loading…',
  loadedMore: (count, shown) => `Showing ${n(shown)} decisions, ${n(count)} more.`,
  section: (section) => `§ ${section}`,
  outcome: {
    passed: 'Passed',
    passed_amended: 'Passed as amended',
    rejected: 'Rejected',
    tabled: 'Tabled',
    returned: 'Returned for preparation',
    voted: 'Decided by a vote',
  },
  outcomeLabel: 'Decision:',
  showMore: 'Show the whole decision',
  showLess: 'Hide the decision',
  plainLanguage: 'In plain language',
  attachments: 'Attachments',
  source: 'The decision in the city\'s decision service',
  caseId: (id) => `Case ${id}`,
  giveFeedback: 'Give feedback on this decision',
  subscribe: 'Subscribe to the decisions (Atom feed)',
};
