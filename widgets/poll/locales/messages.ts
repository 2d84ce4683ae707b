/** The strings of a poll's results view that only it shows (results.ts): the ballot's receipt, the sealed result, and the poll's case. */
export interface ReceiptMessages {
  /** Before the ballot's receipt code: "Kuittisi:". */
  receipt: string;
  /** What the receipt is for, and that it tells no one who answered. */
  receiptHelp: string;
  copyReceipt: string;
  receiptCopied: string;
  /** Where the clipboard is refused: the code is selected for the resident to copy. */
  receiptSelected: string;
  /** A receipt this device held before the ballot changed. */
  receiptReplaced: (code: string) => string;
  /** The link from a closed poll to the page that checks its sealed result. */
  checkSealed: string;
  /** The heading over what was decided on the poll's case (as the decision feed says it, decisions/locales). */
  decided: string;
  /** Nothing is decided on the case yet. */
  noDecision: (caseId: string) => string;
  /** The offer of one email when the case is decided: its legend, the field's label, and what is done with the address. */
  mailTitle: string;
  mailLabel: string;
  mailNote: string;
  mailSubmit: string;
  /** The server refused the address. */
  mailInvalid: string;
  /** The server knows of no poll or form asking about the case (the poll was just unlinked from it). */
  mailUnknown: string;
  /** The address is kept until the decision's email, and deleted by `until` (a date) at the latest. */
  mailDone: (until: string) => string;
}
