import type { Lang } from '../schema/common.ts';

/** Column and row headings of exports, in the site's language. */
export const EXPORT_LABELS = {
  fi: {
    question: 'Kysymys', poll: 'Kysely', status: 'Tila', caseId: 'Diaarinumero', ballots: 'Vastauksia', exportedAt: 'Viety',
    option: 'Vaihtoehto', optionId: 'Tunnus', votes: 'Ääniä', share: 'Osuus (%)',
    number: 'Nro', castAt: 'Annettu (Suomen aikaa)', changedAt: 'Muutettu (Suomen aikaa)', choices: 'Valinnat',
  },
  sv: {
    question: 'Fråga', poll: 'Enkät', status: 'Status', caseId: 'Diarienummer', ballots: 'Svar', exportedAt: 'Exporterad',
    option: 'Alternativ', optionId: 'Kod', votes: 'Röster', share: 'Andel (%)',
    number: 'Nr', castAt: 'Given (finsk tid)', changedAt: 'Ändrad (finsk tid)', choices: 'Val',
  },
  en: {
    question: 'Question', poll: 'Poll', status: 'Status', caseId: 'Case id', ballots: 'Ballots', exportedAt: 'Exported',
    option: 'Option', optionId: 'Id', votes: 'Votes', share: 'Share (%)',
    number: 'No.', castAt: 'Cast (Finnish time)', changedAt: 'Changed (Finnish time)', choices: 'Choices',
  },
} satisfies Record<Lang, Record<string, string>>;
