import type { FeedbackStatusMessages } from './messages.ts';

export const fi: FeedbackStatusMessages = {
  errorPrefix: 'Virhe:',
  refLabel: 'Viitetunnus',
  refHint: 'Kuusi merkkiä, esimerkiksi K7M-4QX.',
  lookup: 'Hae tila',
  lookingUp: 'Haetaan…',
  refInvalid: 'Kirjoita viitetunnus muodossa K7M-4QX: kuusi kirjainta tai numeroa.',
  refNotFound: (ref) => `Viitetunnuksella ${ref} ei löytynyt palautetta. Tarkista tunnus.`,
  statusHeading: (ref) => `Palaute ${ref}`,
  status: { received: 'Vastaanotettu', in_progress: 'Käsittelyssä', answered: 'Vastattu', closed: 'Suljettu', spam: 'Suljettu' },
  statusLine: (status) => `Tila: ${status}`,
  receivedAt: (when) => `Lähetetty ${when}`,
  updatedAt: (when) => `Päivitetty ${when}`,
  replies: 'Vastaukset',
  noReplies: 'Palautteeseen ei ole vielä vastattu julkisesti.',
  removeContact: 'Poista yhteystietoni',
  confirmRemove: 'Poistetaanko yhteystietosi? Palaute säilyy, mutta emme voi enää vastata sinulle suoraan.',
  confirm: 'Poista',
  cancel: 'Peruuta',
  contactRemoved: 'Yhteystietosi on poistettu. Palaute säilyy.',
};
