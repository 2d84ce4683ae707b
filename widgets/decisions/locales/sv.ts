import type { DecisionMessages } from './messages.ts';

const n = (count: number) => count.toLocaleString('sv');

export const sv: DecisionMessages = {
  loading: 'Besluten laddas…',
  loadFailed: 'Besluten kunde inte laddas.',
  searchLabel: 'Sök bland besluten',
  search: 'Sök',
  filtersLabel: 'Ämnen',
  all: 'Alla',
  found: (count, more) => (more ? `De ${n(count)} senaste besluten visas.` : count === 1 ? '1 beslut.' : `${n(count)} beslut.`),
  foundFor: (count, more, q) => (more ? `Sökningen ”${q}” gav över ${n(count)} beslut.` : `Sökningen ”${q}” gav ${n(count)} beslut.`),
  empty: 'Inga beslut hittades.',
  emptyFor: (q) => `Sökningen ”${q}” gav inga beslut. Pröva ett kortare eller ett annat ord.`,
  loadMore: 'Visa fler beslut',
  loadingMore: 'Laddas…',
  loadedMore: (count, shown) => `${n(shown)} beslut visas, ${n(count)} till.`,
  section: (section) => `§ ${section}`,
  outcome: {
    passed: 'Godkänt',
    passed_amended: 'Godkänt med ändringar',
    rejected: 'Förkastat',
    tabled: 'Bordlagt',
    returned: 'Återremitterat',
    voted: 'Avgjort efter omröstning',
  },
  outcomeLabel: 'Beslut:',
  showMore: 'Visa hela beslutet',
  showLess: 'Dölj beslutet',
  plainLanguage: 'På lättläst svenska',
  attachments: 'Bilagor',
  source: 'Beslutet i stadens beslutstjänst',
  caseId: (id) => `Diarienummer ${id}`,
  giveFeedback: 'Ge respons på det här beslutet',
  subscribe: 'Prenumerera på besluten som flöde (Atom)',
};
