/** The poll pasted into the demo article (fi and sv pages). */
export const demoPolls = [
  {
    id: 'pyorateiden-talvikunnossapito',
    kind: 'multiple',
    question: {
      fi: 'Mikä talvikunnossapidossa on sinulle tärkeintä?',
      sv: 'Vad är viktigast för dig i vinterunderhållet?',
      en: 'What matters most to you in winter maintenance?',
    },
    description: {
      fi: 'Voit muuttaa vastaustasi niin kauan kuin kysely on auki.',
      sv: 'Du kan ändra ditt svar så länge enkäten är öppen.',
      en: 'You can change your answer for as long as the poll is open.',
    },
    options: [
      { id: 'paareitit', label: { fi: 'Pyöräilyn pääreitit aurataan ensin', sv: 'Huvudcykelstråken plogas först', en: 'Main cycle routes are cleared first' } },
      { id: 'koulureitit', label: { fi: 'Koulureitit ja koulujen ympäristöt', sv: 'Skolvägar och skolornas omgivning', en: 'School routes and school surroundings' } },
      { id: 'liukkaus', label: { fi: 'Jalkakäytävien liukkaudentorjunta', sv: 'Halkbekämpning på trottoarerna', en: 'Gritting the pavements' } },
      { id: 'pysakit', label: { fi: 'Bussipysäkit ja vaihtopaikat', sv: 'Busshållplatser och bytespunkter', en: 'Bus stops and interchanges' } },
      { id: 'asuinkadut', label: { fi: 'Asuinkatujen auraus', sv: 'Plogning av bostadsgator', en: 'Clearing residential streets' } },
    ],
    minChoices: 1,
    maxChoices: 2,
    resultsVisibility: 'after_vote',
    allowChange: true,
    closesAt: '2026-12-31T21:59:00Z',
    status: 'open',
    caseId: 'KOI/1234/10.03.00/2026',
  },
];
