import type { Lang } from '../../../locales/messages.ts';

/** The kinds of personal data a quote can have had removed (worker/schema/listening.ts RedactedKind). */
export type RemovedKind = 'email' | 'phone' | 'personalId' | 'address' | 'name';

/**
 * The console's listening view (issue 19): what residents write, grouped into themes, with their
 * own words as evidence. Its own strings, in their own chunk per language.
 */
export interface ListeningMessages {
  heading: string;
  intro: string;
  /** One sentence: tone is not judged, and why. */
  noTone: string;
  /** Quotes have personal data removed, and how a removal shows. */
  removedNote: string;

  filters: {
    /** The filter form's name. */
    label: string;
    form: string;
    allForms: string;
    /** Under the form: narrowing to a form leaves residents' statements out. */
    formHelp: string;
    topic: string;
    allTopics: string;
    from: string;
    to: string;
    language: string;
    allLanguages: string;
    show: string;
    /** At the "from" field when it is after "to". */
    fromAfterTo: string;
  };
  /** Language names as the console writes them in running text ("suomi", "Finnish"). */
  languages: Record<Lang, string>;

  /** Said while the report is computed. */
  loading: string;
  /** Said once it has arrived: "128 texts in 6 themes, 1.1.2026–31.12.2026." */
  summary: (texts: number, themes: number, from: string, to: string) => string;
  /** Texts too short or too unusual to place in a theme. */
  unthemed: (count: number) => string;
  /** The report's languages: "Languages: Finnish 30, Swedish 18". */
  reportLanguages: (list: string) => string;
  empty: string;
  /** What to try, as a sentence; `tries` is the things named below, joined with "or". */
  emptyHelp: (tries: string) => string;
  tryPeriod: string;
  tryForm: string;
  tryTopic: string;
  tryLanguage: string;
  /** The report could not be read (a network error says so itself). */
  failed: string;

  themesHeading: string;
  /** Before a theme's name words: "Theme 1:". */
  theme: (n: number) => string;
  /** A theme with no distinctive words. */
  unnamed: string;
  /** "48 texts, 12 %". */
  size: (texts: number, share: string) => string;
  /** "This week 9, before that 2.5 a week". */
  trend: (thisWeek: number, weeklyBefore: string) => string;
  words: string;
  topics: string;
  places: string;
  themeLanguages: string;
  /** A list with nothing in it. */
  none: string;
  /** "lumityöt (12)": a word or value and how many texts. */
  counted: (value: string, count: number) => string;

  quotesHeading: string;
  /** The link to a quoted feedback in the console. */
  feedback: (ref: string) => string;
  /** A quoted statement: its conversation and number. */
  statement: (poll: string, n: string) => string;
  /** "[email removed]": a removal, in the console's language. */
  removed: Record<RemovedKind, string>;

  rising: {
    heading: string;
    intro: string;
    termsCaption: string;
    themesCaption: string;
    word: string;
    theme: string;
    recent: string;
    recentTotal: string;
    before: string;
    beforeTotal: string;
    growth: string;
    noTerms: string;
    noThemes: string;
  };

  export: {
    heading: string;
    xlsx: string;
    csv: string;
    exporting: (kb: string) => string;
    exported: (file: string) => string;
  };
}
