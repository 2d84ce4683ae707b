import type { ListeningMessages } from './messages.ts';

const texts = (n: number) => (n === 1 ? '1 text' : `${n.toLocaleString('sv-FI')} texter`);
const themes = (n: number) => (n === 1 ? '1 tema' : `${n} teman`);

export const sv: ListeningMessages = {
  heading: 'Vad invånarna skriver',
  intro: 'Responsens fritextsvar (skräppost borträknad) och invånarnas påståenden i samtal, grupperade i teman efter orden de använder. Varje tema citeras med invånarnas egna ord.',
  noTone: 'Tonen (positiv eller negativ) analyseras inte, eftersom det inte finns något publicerat finskt och svenskt sentimentlexikon att grunda den på.',
  removedNote: 'Citaten är ordagranna, men personuppgifter (e-postadresser, telefonnummer, personbeteckningar, gatuadresser, namn) har tagits bort och markerats, till exempel ”[e-post borttagen]”.',

  filters: {
    label: 'Välj texter',
    form: 'Formulär',
    allForms: 'Alla formulär och samtal',
    formHelp: 'Väljer du ett formulär räknas påståendena i samtal inte med.',
    topic: 'Ämne',
    allTopics: 'Alla ämnen',
    from: 'Från',
    to: 'Till',
    language: 'Språk',
    allLanguages: 'Alla språk',
    show: 'Visa',
    fromAfterTo: 'Startdatumet får inte vara efter slutdatumet.',
  },
  languages: { fi: 'finska', sv: 'svenska', en: 'engelska' },

  loading: 'Läser vad invånarna skrivit…',
  summary: (n, m, from, to) => `${texts(n)} i ${themes(m)}, ${from}–${to}.`,
  unthemed: (n) => (n === 1 ? '1 text var för kort eller för ovanlig för att placeras i ett tema.' : `${texts(n)} var för korta eller för ovanliga för att placeras i ett tema.`),
  reportLanguages: (list) => `Språk: ${list}.`,
  empty: 'Inga texter under den här perioden.',
  emptyHelp: (tries) => `Försök med ${tries}.`,
  tryPeriod: 'en längre period',
  tryForm: 'alla formulär',
  tryTopic: 'alla ämnen',
  tryLanguage: 'alla språk',
  failed: 'Rapporten kunde inte läsas.',

  themesHeading: 'Teman, störst först',
  theme: (n) => `Tema ${n}:`,
  unnamed: 'inga utmärkande ord',
  size: (n, share) => `${texts(n)}, ${share}`,
  trend: (week, before) => `Senaste 7 dagarna ${week}; de 4 veckorna före ${before} i veckan.`,
  words: 'Ord',
  topics: 'Ämnen',
  places: 'Platser',
  themeLanguages: 'Språk',
  none: 'inga',
  counted: (value, count) => `${value} (${count})`,

  quotesHeading: 'Med invånarnas egna ord',
  feedback: (ref) => `Respons ${ref}`,
  statement: (poll, n) => `Påstående ${n} i samtalet ${poll}`,
  removed: { email: '[e-post borttagen]', phone: '[telefonnummer borttaget]', personalId: '[personbeteckning borttagen]', address: '[adress borttagen]', name: '[namn borttaget]' },

  rising: {
    heading: 'Ökar nu',
    intro: 'Det som ökat mest som andel av allt som skrivits. Ökningen är andelen nu delad med andelen före: 2 betyder en dubbelt så stor andel. Båda andelarna jämnas ut med en text, så att en handfull texter inte ser ut som en våg.',
    termsCaption: 'Ord som ökar: texter med ordet de senaste 7 dagarna jämfört med de 8 veckorna före',
    themesCaption: 'Teman som ökar: temats texter de senaste 7 dagarna jämfört med de 8 veckorna före',
    word: 'Ord',
    theme: 'Tema',
    recent: 'Senaste 7 dagarna',
    recentTotal: 'Alla texter, 7 dagar',
    before: '8 veckor före',
    beforeTotal: 'Alla texter, 8 veckor före',
    growth: 'Ökning (andel nu / före)',
    noTerms: 'Inget ord ökar: ett ord måste finnas i minst 3 texter de senaste 7 dagarna.',
    noThemes: 'Inget tema ökar.',
  },

  export: {
    heading: 'Ladda ner rapporten som visas',
    xlsx: 'Excel (XLSX)',
    csv: 'CSV',
    exporting: (kb) => `Laddar ner… ${kb} kB`,
    exported: (file) => `Filen ${file} har laddats ner.`,
  },
};
