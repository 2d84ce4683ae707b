import type { FeedbackStatusMessages } from './messages.ts';

export const sv: FeedbackStatusMessages = {
  errorPrefix: 'Fel:',
  refLabel: 'Referensnummer',
  refHint: 'Sex tecken, till exempel K7M-4QX.',
  lookup: 'Visa status',
  lookingUp: 'Hämtas…',
  refInvalid: 'Skriv referensnumret i formen K7M-4QX: sex bokstäver eller siffror.',
  refNotFound: (ref) => `Ingen respons med referensnumret ${ref} hittades. Kontrollera koden.`,
  statusHeading: (ref) => `Respons ${ref}`,
  status: { received: 'Mottagen', in_progress: 'Under behandling', answered: 'Besvarad', closed: 'Stängd', spam: 'Stängd' },
  statusLine: (status) => `Status: ${status}`,
  receivedAt: (when) => `Skickad ${when}`,
  updatedAt: (when) => `Uppdaterad ${when}`,
  replies: 'Svar',
  noReplies: 'Responsen har ännu inte besvarats offentligt.',
  removeContact: 'Ta bort mina kontaktuppgifter',
  confirmRemove: 'Ska dina kontaktuppgifter tas bort? Responsen finns kvar, men vi kan inte längre svara dig direkt.',
  confirm: 'Ta bort',
  cancel: 'Avbryt',
  contactRemoved: 'Dina kontaktuppgifter har tagits bort. Responsen finns kvar.',
};
