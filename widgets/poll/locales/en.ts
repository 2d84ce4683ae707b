import type { ReceiptMessages } from './messages.ts';

export const en: ReceiptMessages = {
  receipt: 'Your receipt:',
  receiptHelp: 'When the poll closes, its result is sealed, and with the receipt you can check that your answer was counted. The receipt tells no one who answered.',
  copyReceipt: 'Copy receipt',
  receiptCopied: 'Receipt copied.',
  receiptSelected: 'The receipt is selected: copy it with Ctrl+C.',
  receiptReplaced: (code) => `Your earlier receipt ${code} was replaced when you changed your answer.`,
  checkSealed: 'The result is sealed – check it',
};
