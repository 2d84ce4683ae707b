import type { ReceiptMessages } from './messages.ts';

export const fi: ReceiptMessages = {
  receipt: 'Kuittisi:',
  receiptHelp: 'Kun kysely päättyy, tulos sinetöidään ja kuitilla voit tarkistaa, että vastauksesi on laskettu. Kuitti ei kerro kenellekään, kuka vastasi.',
  copyReceipt: 'Kopioi kuitti',
  receiptCopied: 'Kuitti kopioitu.',
  receiptSelected: 'Kuitti on valittu: kopioi se näppäimillä Ctrl+C.',
  receiptReplaced: (code) => `Aiempi kuittisi ${code} korvattiin, kun muutit vastaustasi.`,
  checkSealed: 'Tulos on sinetöity – tarkista se',
  decided: 'Mitä päätettiin',
  noDecision: (id) => `Asiassa ${id} ei ole vielä tehty päätöstä.`,
  mailTitle: 'Lähetä minulle kerran sähköposti, kun asiasta on päätetty',
  mailLabel: 'Sähköpostiosoitteesi',
  mailNote: 'Lähetämme yhden viestin, kun päätös on julkaistu, ja poistamme sitten osoitteesi. Emme käytä sitä mihinkään muuhun.',
  mailSubmit: 'Tilaa viesti',
  mailInvalid: 'Kirjoita sähköpostiosoite, esimerkiksi maija@example.fi.',
  mailUnknown: 'Tästä asiasta ei voi tilata viestiä.',
  mailDone: (until) => `Kiitos! Lähetämme sinulle yhden viestin, kun asiasta on päätetty, ja poistamme sitten osoitteesi, viimeistään ${until}.`,
};
