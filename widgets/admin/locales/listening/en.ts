import type { ListeningMessages } from './messages.ts';

const texts = (n: number) => (n === 1 ? '1 text' : `${n.toLocaleString('en-GB')} texts`);
const themes = (n: number) => (n === 1 ? '1 theme' : `${n} themes`);

export const en: ListeningMessages = {
  heading: 'What residents write',
  intro: 'The free-text answers of feedback (spam left out) and residents’ statements in conversations, grouped into themes by the words they use, each theme with residents’ own words as evidence.',
  noTone: 'Tone (positive or negative) is not analysed, because there is no published Finnish and Swedish sentiment lexicon at hand to base it on.',
  removedNote: 'Quotes are word for word, except that personal data (email addresses, phone numbers, identity codes, street addresses, names) has been removed and marked, e.g. “[email removed]”.',

  filters: {
    label: 'Choose the texts',
    form: 'Form',
    allForms: 'All forms and conversations',
    formHelp: 'Choosing a form leaves residents’ statements in conversations out.',
    topic: 'Topic',
    allTopics: 'All topics',
    from: 'From',
    to: 'To',
    language: 'Language',
    allLanguages: 'All languages',
    show: 'Show',
    fromAfterTo: 'The start date must not be after the end date.',
  },
  languages: { fi: 'Finnish', sv: 'Swedish', en: 'English' },

  loading: 'Reading what residents wrote…',
  summary: (n, m, from, to) => `${texts(n)} in ${themes(m)}, ${from}–${to}.`,
  unthemed: (n) => (n === 1 ? '1 text was too short or too unusual to place in a theme.' : `${texts(n)} were too short or too unusual to place in a theme.`),
  reportLanguages: (list) => `Languages: ${list}.`,
  empty: 'No texts in this period.',
  emptyHelp: (tries) => `Try ${tries}.`,
  tryPeriod: 'a longer period',
  tryForm: 'all forms',
  tryTopic: 'all topics',
  tryLanguage: 'all languages',
  failed: 'The report could not be read.',

  themesHeading: 'Themes, largest first',
  theme: (n) => `Theme ${n}:`,
  unnamed: 'no distinctive words',
  size: (n, share) => `${texts(n)}, ${share}`,
  trend: (week, before) => `Last 7 days ${week}; the 4 weeks before, ${before} a week.`,
  words: 'Words',
  topics: 'Topics',
  places: 'Places',
  themeLanguages: 'Languages',
  none: 'none',
  counted: (value, count) => `${value} (${count})`,

  quotesHeading: 'In residents’ own words',
  feedback: (ref) => `Feedback ${ref}`,
  statement: (poll, n) => `Statement ${n} in conversation ${poll}`,
  removed: { email: '[email removed]', phone: '[phone number removed]', personalId: '[identity code removed]', address: '[address removed]', name: '[name removed]' },

  rising: {
    heading: 'Rising now',
    intro: 'What grew most as a share of everything written. Growth is the share now divided by the share before: 2 means twice as large a share. Each share is smoothed by one text, so that a handful of texts does not look like a surge.',
    termsCaption: 'Words rising: texts with the word in the last 7 days against the 8 weeks before',
    themesCaption: 'Themes rising: the theme’s texts in the last 7 days against the 8 weeks before',
    word: 'Word',
    theme: 'Theme',
    recent: 'Last 7 days',
    recentTotal: 'All texts, last 7 days',
    before: '8 weeks before',
    beforeTotal: 'All texts, 8 weeks before',
    growth: 'Growth (share now / before)',
    noTerms: 'No word is rising: a word needs to be in at least 3 texts of the last 7 days.',
    noThemes: 'No theme is rising.',
  },

  export: {
    heading: 'Download the report shown',
    xlsx: 'Excel (XLSX)',
    csv: 'CSV',
    exporting: (kb) => `Downloading… ${kb} kB`,
    exported: (file) => `${file} was downloaded.`,
  },
};
