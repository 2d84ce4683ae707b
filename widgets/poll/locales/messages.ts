/** The strings of a poll's results view that only it shows (results.ts): the ballot's receipt and the sealed result. */
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
}
