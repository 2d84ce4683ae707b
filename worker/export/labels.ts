import type { Lang } from '../schema/common.ts';

/**
 * Column and row headings of exports, and the words of their values, in the export's language.
 * `category` is what the feedback form calls a submission's topic (widgets/feedback/locales).
 */
export const EXPORT_LABELS = {
  fi: {
    question: 'Kysymys', poll: 'Kysely', status: 'Tila', caseId: 'Diaarinumero', ballots: 'Vastauksia', exportedAt: 'Viety',
    option: 'Vaihtoehto', optionId: 'Tunnus', votes: 'Ääniä', share: 'Osuus (%)',
    number: 'Nro', castAt: 'Annettu (Suomen aikaa)', changedAt: 'Muutettu (Suomen aikaa)', choices: 'Valinnat',
    ref: 'Viitetunnus', receivedAt: 'Vastaanotettu (Suomen aikaa)', updatedAt: 'Päivitetty (Suomen aikaa)', category: 'Aihe', about: 'Koskee',
    publicReplies: 'Julkiset vastaukset', privateReplies: 'Sisäiset vastaukset', yes: 'kyllä', no: 'ei',
    received: 'vastaanotettu', in_progress: 'työn alla', answered: 'vastattu', closed: 'suljettu', spam: 'roskaposti',
  },
  sv: {
    question: 'Fråga', poll: 'Enkät', status: 'Status', caseId: 'Diarienummer', ballots: 'Svar', exportedAt: 'Exporterad',
    option: 'Alternativ', optionId: 'Kod', votes: 'Röster', share: 'Andel (%)',
    number: 'Nr', castAt: 'Given (finsk tid)', changedAt: 'Ändrad (finsk tid)', choices: 'Val',
    ref: 'Referenskod', receivedAt: 'Mottagen (finsk tid)', updatedAt: 'Uppdaterad (finsk tid)', category: 'Ämne', about: 'Gäller',
    publicReplies: 'Offentliga svar', privateReplies: 'Interna svar', yes: 'ja', no: 'nej',
    received: 'mottagen', in_progress: 'under arbete', answered: 'besvarad', closed: 'stängd', spam: 'skräppost',
  },
  en: {
    question: 'Question', poll: 'Poll', status: 'Status', caseId: 'Case id', ballots: 'Ballots', exportedAt: 'Exported',
    option: 'Option', optionId: 'Id', votes: 'Votes', share: 'Share (%)',
    number: 'No.', castAt: 'Cast (Finnish time)', changedAt: 'Changed (Finnish time)', choices: 'Choices',
    ref: 'Reference', receivedAt: 'Received (Finnish time)', updatedAt: 'Updated (Finnish time)', category: 'Topic', about: 'About',
    publicReplies: 'Public replies', privateReplies: 'Private replies', yes: 'yes', no: 'no',
    received: 'received', in_progress: 'in progress', answered: 'answered', closed: 'closed', spam: 'spam',
  },
} satisfies Record<Lang, Record<string, string>>;
