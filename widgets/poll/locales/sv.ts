import type { ReceiptMessages } from './messages.ts';

export const sv: ReceiptMessages = {
  receipt: 'Ditt kvitto:',
  receiptHelp: 'När enkäten stängs förseglas resultatet, och med kvittot kan du kontrollera att ditt svar har räknats. Kvittot avslöjar inte för någon vem som svarade.',
  copyReceipt: 'Kopiera kvittot',
  receiptCopied: 'Kvittot har kopierats.',
  receiptSelected: 'Kvittot är markerat: kopiera det med Ctrl+C.',
  receiptReplaced: (code) => `Ditt tidigare kvitto ${code} ersattes när du ändrade ditt svar.`,
  checkSealed: 'Resultatet är förseglat – kontrollera det',
};
