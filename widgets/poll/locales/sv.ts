import type { ReceiptMessages } from './messages.ts';

export const sv: ReceiptMessages = {
  receipt: 'Ditt kvitto:',
  receiptHelp: 'När enkäten stängs förseglas resultatet, och med kvittot kan du kontrollera att ditt svar har räknats. Kvittot avslöjar inte för någon vem som svarade.',
  copyReceipt: 'Kopiera kvittot',
  receiptCopied: 'Kvittot har kopierats.',
  receiptSelected: 'Kvittot är markerat: kopiera det med Ctrl+C.',
  receiptReplaced: (code) => `Ditt tidigare kvitto ${code} ersattes när du ändrade ditt svar.`,
  checkSealed: 'Resultatet är förseglat – kontrollera det',
  decided: 'Vad beslutades',
  noDecision: (id) => `Inget beslut har ännu fattats i ärende ${id}.`,
  mailTitle: 'Skicka mig ett e-postmeddelande när ärendet har avgjorts',
  mailLabel: 'Din e-postadress',
  mailNote: 'Vi skickar ett meddelande när beslutet har publicerats och raderar sedan din adress. Den används inte till något annat.',
  mailSubmit: 'Beställ meddelandet',
  mailInvalid: 'Skriv en e-postadress, till exempel maija@example.fi.',
  mailUnknown: 'Det går inte att beställa ett meddelande om det här ärendet.',
  mailDone: (until) => `Tack! Vi skickar dig ett meddelande när ärendet har avgjorts och raderar sedan din adress, senast ${until}.`,
};
