import type { Lang } from '../../../locales/messages.ts';

type Outcome = 'passed' | 'passed_amended' | 'rejected' | 'tabled' | 'returned' | 'voted';

/** The console's decisions view: its own strings, in their own chunk per language. */
export interface DecisionAdminMessages {
  heading: string;
  editorsOnly: string;

  listHeading: string;
  search: string;
  searchHelp: string;
  organ: string;
  allOrgans: string;
  apply: string;
  found: (count: number, more: boolean) => string;
  empty: string;
  emptyFor: (q: string) => string;
  /** After "show more": how many came and how many are shown now, so the sentence changes on every press. */
  loadedMore: (count: number, total: number) => string;
  date: string;
  section: string;
  title: string;
  outcome: string;
  actions: string;
  outcomes: Record<Outcome, string>;

  edit: string;
  editHeading: (title: string) => string;
  inLang: Record<Lang, string>;
  summary: string;
  plainSummary: string;
  topics: string;
  topicsHelp: string;
  save: string;
  saving: string;
  saved: (title: string) => string;
  noChanges: string;
  unsaved: string;
  fixErrors: string;
  discardQuestion: string;
  discard: string;
  keepEditing: string;
  saveFailed: string;
  issues: {
    cannotRemove: string;
    tooLong: string;
    tag: string;
    tooManyTags: string;
  };

  delete: string;
  confirmDelete: (title: string) => string;
  deleted: (title: string) => string;

  importHeading: string;
  importHelp: string;
  /** Before the required fields' names: "Jokaisella päätöksellä on oltava ainakin kentät". */
  importFormat: string;
  file: string;
  import: string;
  chooseFile: string;
  reading: string;
  converting: string;
  converted: (records: number, decisions: number) => string;
  progress: (sent: number, total: number) => string;
  importing: string;
  imported: (created: number, updated: number, rejected: number) => string;
  reportHeading: string;
  created: string;
  updated: string;
  rejected: string;
  rejectedCaption: string;
  line: string;
  sourceId: string;
  reasons: string;
  omitted: (count: number) => string;
  ahjoLines: string;
  notReadable: string;
  notJson: (detail: string) => string;
  unknownShape: string;
  ahjoFailed: (detail: string) => string;
  emptyFile: string;
  batchFailed: (from: number, to: number, reason: string) => string;

  /** The list's column of topics and districts, by their names in the official's language. */
  termsColumn: string;
  termsHeading: string;
  termsHelp: string;
  termsEmpty: string;
  termKinds: Record<'topic' | 'district', string>;
  term: string;
  termCount: string;
  saveTerm: string;
  /** The start of a save button's name, before the term's row header: "Tallenna nimet: Aihe koulut". */
  saveTermNamed: string;
  termSaved: (value: string) => string;
  termNotSaved: string;
  labelTooLong: string;
}
