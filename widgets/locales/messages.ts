import type { Lang } from '../../worker/schema/common.ts';

export type { Lang };

/**
 * Every string a widget shows a person, per language. A missing key is a type error in the
 * locale file, so a language can never fall behind silently. Counts are functions, so each
 * language writes its own plural forms.
 */
export interface Messages {
  lang: Lang;
  /** Name of the language in itself, for language pickers. */
  languageName: string;
  loading: string;
  retry: string;
  offline: string;
  errors: {
    network: string;
    timeout: string;
    notFound: string;
    server: string;
    rateLimited: string;
    /** A Turnstile check is asked for, which the widgets do not render yet. */
    challenge: string;
  };
  /** For the web editor: the API refused this page's origin (`origin`) for site `site`; who registers it, and where. */
  originRefused: (origin: string, site: string) => string;
  /** Where the browser refuses storage (a sandboxed frame): this view cannot remember the answer here. */
  storageRefused: string;
  /** "3 votes", "1 vote". */
  votes: (count: number) => string;
  poll: PollMessages;
}

export interface PollMessages {
  loading: string;
  submit: string;
  submitting: string;
  change: string;
  saveChange: string;
  cancel: string;
  thanks: string;
  changed: string;
  yourBallot: (choices: string) => string;
  results: string;
  total: (ballots: number) => string;
  optionResult: (votes: string, percent: string) => string;
  resultsLater: { after_vote: string; after_close: string; never: string };
  closed: string;
  closesAt: (when: string) => string;
  opensAt: (when: string) => string;
  notFound: string;
  loadFailed: string;
  chooseOne: string;
  chooseExactly: (n: number) => string;
  chooseBetween: (min: number, max: number) => string;
  chooseAtMost: (max: number) => string;
  chooseValue: (min: number, max: number) => string;
  errorNoChoice: string;
  errorTooFew: (min: number) => string;
  errorTooMany: (max: number) => string;
  errorNoValue: string;
  alreadyVoted: string;
  queued: string;
  sentAfterOffline: string;
  signInToVote: string;
  /** Read out after a vote: "Your answer was saved." plus the results, if shown. */
  saved: string;
  /** Before an error, visually hidden: "Virhe:". */
  errorPrefix: string;
  /** The server is slow (not offline): the ballot is still being sent, with the same key. */
  stillSending: string;
  /** Next to a multiple-choice poll's results: the percentages are shares of respondents, each of whom chose up to `max`. */
  sharesNote: (max: number) => string;
}
