/** The decisions the Workers suites publish: a council decision in Finnish and Swedish, and two organs. */
export const COUNCIL = { id: 'kaupunginvaltuusto', name: { fi: 'Kaupunginvaltuusto', sv: 'Stadsfullmäktige' } };
export const SCHOOLS = { id: 'kasvatus-ja-koulutuslautakunta', name: { fi: 'Kasvatus- ja koulutuslautakunta', sv: 'Nämnden för fostran och utbildning' } };

export const DECISION = {
  organ: COUNCIL,
  meeting: { id: 'kv-2026-11', date: '2026-11-17' },
  section: '45',
  caseId: 'KOI/1234/12.00.01/2026',
  title: { fi: 'Kouluverkon uudistaminen', sv: 'Förnyelse av skolnätet' },
  summary: { fi: 'Valtuusto hyväksyi kouluverkkoselvityksen.', sv: 'Fullmäktige godkände skolnätsutredningen.' },
  body: { fi: '## Päätös\n\nValtuusto **hyväksyi** [selvityksen](https://koivulahti.example/selvitys).', sv: 'Fullmäktige **godkände** utredningen.' },
  outcome: 'passed',
  topics: ['koulut'],
  districts: ['keskusta'],
  attachments: [
    { title: { fi: 'Selvitys' }, url: 'https://koivulahti.example/selvitys.pdf' },
    { title: { fi: 'Salainen liite' }, url: 'https://koivulahti.example/salainen.pdf', public: false },
  ],
  sourceUrl: 'https://paatokset.koivulahti.example/kv/2026-11-17/45',
};
