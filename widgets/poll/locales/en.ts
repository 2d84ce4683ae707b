import type { ReceiptMessages } from './messages.ts';

export const en: ReceiptMessages = {
  receipt: 'Your receipt:',
  receiptHelp: 'When the poll closes, its result is sealed, and with the receipt you can check that your answer was counted. The receipt tells no one who answered.',
  copyReceipt: 'Copy receipt',
  receiptCopied: 'Receipt copied.',
  receiptSelected: 'The receipt is selected: copy it with Ctrl+C.',
  receiptReplaced: (code) => `Your earlier receipt ${code} was replaced when you changed your answer.`,
  checkSealed: 'The result is sealed – check it',
  decided: 'What was decided',
  noDecision: (id) => `No decision yet on case ${id}.`,
  mailTitle: 'Email me once when this is decided',
  mailLabel: 'Your email address',
  mailNote: 'We send one email when the decision is published, then delete your address. It is used for nothing else.',
  mailSubmit: 'Email me',
  mailInvalid: 'Enter an email address, for example maija@example.fi.',
  mailUnknown: 'An email cannot be ordered for this case.',
  mailDone: (until) => `Thank you. We will email you once when this is decided, then delete your address, by ${until} at the latest.`,
};
