import type { ReceiptMessages } from './messages.ts';

export const fi: ReceiptMessages = {
  receipt: 'Kuittisi:',
  receiptHelp: 'Kun kysely päättyy, tulos sinetöidään ja kuitilla voit tarkistaa, että vastauksesi on laskettu. Kuitti ei kerro kenellekään, kuka vastasi.',
  copyReceipt: 'Kopioi kuitti',
  receiptCopied: 'Kuitti kopioitu.',
  receiptSelected: 'Kuitti on valittu: kopioi se näppäimillä Ctrl+C.',
  receiptReplaced: (code) => `Aiempi kuittisi ${code} korvattiin, kun muutit vastaustasi.`,
  checkSealed: 'Tulos on sinetöity – tarkista se',
};
