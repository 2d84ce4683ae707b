import type { Lang } from '../schema/common.ts';

/** The reply email's words, in the language the feedback was sent in. */
export interface ReplyMailStrings {
  subject: (ref: string) => string;
  greeting: string;
  intro: (site: string, ref: string) => string;
  follow: string;
  linkText: string;
  noReply: string;
  why: string;
}

export const REPLY_MAIL: Record<Lang, ReplyMailStrings> = {
  fi: {
    subject: (ref) => `Vastaus palautteeseesi ${ref}`,
    greeting: 'Hei,',
    intro: (site, ref) => `${site} vastasi palautteeseesi (viitetunnus ${ref}):`,
    follow: 'Palautteesi tilan ja kaikki julkiset vastaukset näet täältä:',
    linkText: 'Katso palautteesi tila',
    noReply: 'Tämä viesti on lähetetty automaattisesti, eikä siihen voi vastata.',
    why: 'Sait viestin, koska annoit sähköpostiosoitteesi palautteen yhteydessä. Osoitetta käytetään vain vastaamiseen. Voit poistaa yhteystietosi tilasivulla poistoavaimella, jonka sait palautetta lähettäessäsi.',
  },
  sv: {
    subject: (ref) => `Svar på din respons ${ref}`,
    greeting: 'Hej,',
    intro: (site, ref) => `${site} har svarat på din respons (referenskod ${ref}):`,
    follow: 'Responsens status och alla offentliga svar ser du här:',
    linkText: 'Se responsens status',
    noReply: 'Det här meddelandet har skickats automatiskt och går inte att svara på.',
    why: 'Du får meddelandet eftersom du angav din e-postadress med responsen. Adressen används bara för att svara dig. Du kan ta bort dina kontaktuppgifter på statussidan med borttagningsnyckeln som du fick när du skickade responsen.',
  },
  en: {
    subject: (ref) => `A reply to your feedback ${ref}`,
    greeting: 'Hello,',
    intro: (site, ref) => `${site} has replied to your feedback (reference code ${ref}):`,
    follow: 'See the status of your feedback and every public reply here:',
    linkText: 'See the status of your feedback',
    noReply: 'This message was sent automatically; please do not reply to it.',
    why: 'You get this message because you gave your email address with your feedback. It is used only to reply to you. You can remove your contact details on the status page with the removal key you got when you sent the feedback.',
  },
};
