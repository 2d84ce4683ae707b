/**
 * The strings of a conversation (kinds/statements.ts), its own chunk per language. Shares come
 * formatted in the language's own way ("82 %", "82%").
 */
export interface StatementsMessages {
  /** The three answers to a statement, on its buttons. */
  agree: string;
  disagree: string;
  pass: string;
  /** The name of the group of the three buttons. */
  yourView: string;
  /** The progress line: "3 of 12 answered". */
  progress: (answered: number, all: number) => string;
  /** Read out after a vote: saved, and the statement that comes next (`next`), or '' when every one is answered. */
  savedNext: (next: string) => string;
  allAnswered: string;
  noStatements: string;
  /** Read out after a previous answer was changed to `vote` (the button's words). */
  changed: (vote: string) => string;
  /** The disclosure of the resident's earlier answers, with how many there are. */
  previous: (count: number) => string;
  /** Under an earlier answer's statement: the answer in words. */
  yourAnswer: (vote: string) => string;
  loadingStatements: string;
  statementsFailed: string;
  /** The statement was removed (a moderator rejected it) while it was on screen. */
  statementGone: string;
  /** The disclosure and form for a statement of the resident's own. */
  add: string;
  addLabel: string;
  addHint: (min: number, max: number) => string;
  /** The character count: `count` of `max`, and how many too many when over. */
  count: (count: number, max: number) => string;
  /** Read out once when the text goes over the limit. */
  over: (by: number) => string;
  send: string;
  /** After a statement was sent: it waits for a moderator. */
  added: string;
  tooShort: (min: number) => string;
  tooLong: (max: number) => string;
  /** The resident has `max` statements waiting for a moderator already. */
  tooManyPending: (max: number) => string;
  /** Results: how many have taken part. */
  participants: (count: number) => string;
  consensus: string;
  consensusHelp: string;
  divisive: string;
  divisiveHelp: string;
  /** In place of an empty list. */
  noneYet: string;
  /** A consensus statement's agreement: share, and how many of how many who answered it. */
  agreeShare: (share: string, agree: number, answered: number) => string;
  /** One group's agreement with a divisive statement: "Group 1: 90 % agree". */
  groupAgrees: (group: number, share: string) => string;
  groups: string;
  groupsHelp: string;
  /** A group's heading: "Group 1 · 34 people". */
  group: (group: number, size: number) => string;
  /** Before a group's distinctive statement: the group agrees with it, or disagrees. */
  groupDirection: (direction: 'agree' | 'disagree') => string;
  /** The group's share vs everyone else's: "82 % of this group agree, 20 % of others". */
  groupVsOthers: (direction: 'agree' | 'disagree', group: string, others: string) => string;
  /** The group this resident is closest to. */
  closest: (group: number) => string;
  /** Until the resident has answered `min` statements. */
  answerMore: (min: number) => string;
  /** No groups have formed: too few have answered `min` statements. */
  noGroups: (min: number) => string;
  loadingResults: string;
  resultsFailed: string;
}
