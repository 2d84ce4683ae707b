import type { DecisionMessages } from './messages.ts';

const n = (count: number) => count.toLocaleString('fi');

export const fi: DecisionMessages = {
  loading: 'Ladataan päätöksiä…',
  loadFailed: 'Päätöksiä ei saatu ladattua.',
  searchLabel: 'Hae päätöksistä',
  search: 'Hae',
  filtersLabel: 'Aiheet',
  all: 'Kaikki',
  found: (count, more) => (more ? `Näytetään ${n(count)} uusinta päätöstä.` : count === 1 ? '1 päätös.' : `${n(count)} päätöstä.`),
  foundFor: (count, more, q) => (more ? `Haulla ”${q}” löytyi yli ${n(count)} päätöstä.` : `Haulla ”${q}” löytyi ${count === 1 ? '1 päätös' : `${n(count)} päätöstä`}.`),
  empty: 'Päätöksiä ei löytynyt.',
  emptyFor: (q) => `Haulla ”${q}” ei löytynyt päätöksiä. Kokeile lyhyempää tai toista sanaa.`,
  loadMore: 'Näytä lisää päätöksiä',
  loadingMore: 'Ladataan…',
  loadedMore: (count, shown) => `Näytetään ${n(shown)} päätöstä, ${n(count)} lisää.`,
  section: (section) => `§ ${section}`,
  outcome: {
    passed: 'Hyväksytty',
    passed_amended: 'Hyväksytty muutettuna',
    rejected: 'Hylätty',
    tabled: 'Pantu pöydälle',
    returned: 'Palautettu valmisteluun',
    voted: 'Päätetty äänestyksen jälkeen',
  },
  outcomeLabel: 'Päätös:',
  showMore: 'Näytä koko päätös',
  showLess: 'Piilota päätös',
  plainLanguage: 'Selkokielellä',
  attachments: 'Liitteet',
  source: 'Päätös kaupungin päätöspalvelussa',
  caseId: (id) => `Diaarinumero ${id}`,
  giveFeedback: 'Anna palautetta tästä päätöksestä',
  subscribe: 'Tilaa päätökset syötteenä (Atom)',
};
