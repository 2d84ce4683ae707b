/** The feedback form's own strings, in their own chunk per language. */
export interface FeedbackMessages {
  loading: string;
  notFound: string;
  loadFailed: string;
  /** Before what the feedback is about, e.g. a decision's title and case id. */
  about: string;
  closed: string;
  optionalMark: string;
  category: string;
  charsLeft: (n: number) => string;
  charsOver: (n: number) => string;
  address: string;
  useMyLocation: string;
  locationSet: (lat: string, long: string) => string;
  removeLocation: string;
  locationFailed: string;
  submit: string;
  submitting: string;
  errorSummary: string;
  errorPrefix: string;
  errors: {
    required: (label: string) => string;
    requiredChoice: (label: string) => string;
    requiredConsent: string;
    requiredLocation: (label: string) => string;
    tooLong: (label: string, max: number, now: number) => string;
    email: string;
    phone: string;
    check: (label: string) => string;
  };
  draftNote: string;
  draftRestored: string;
  clearDraft: string;
  queuedOffline: string;
  queuedBusy: string;
  retryNow: string;
  giveUp: string;
  gaveUp: string;
  sentAfterWait: string;
  sentTitle: string;
  refIntro: string;
  refHelp: string;
  sendAnother: string;
  privacyDefault: string;
  follow: string;
}
