/**
 * The one email a resident asked for: a decision on the case was published. The decision's words
 * are data (escaped); the outcome reads as in the decisions widget.
 */
import type { Lang } from '../schema/common.ts';
import type { Outcome } from '../schema/decisions.ts';
import { en as enDecisions } from '../../widgets/decisions/locales/en.ts';
import { fi as fiDecisions } from '../../widgets/decisions/locales/fi.ts';
import { sv as svDecisions } from '../../widgets/decisions/locales/sv.ts';
import { escapeHtml, htmlMail, linkParagraph } from './compose.ts';
import type { ComposedMail } from './compose.ts';
import { buildMime, encodeHeaderText } from './mime.ts';

export interface DecisionMailInput {
  lang: Lang;
  siteName: string;
  caseId: string;
  /** Each in `lang` where the decision has it (else in another of its languages). */
  title: string;
  organ: string;
  /** The meeting's day, YYYY-MM-DD. */
  meetingDate: string;
  section: string | null;
  outcome: Outcome;
  /** The plain-language summary, else the summary; null when it has neither. */
  summary: string | null;
  url: string;
}

const finnishDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};

const STRINGS: Record<Lang, { subject: (title: string) => string; greeting: string; intro: (site: string, caseId: string) => string; date: (iso: string) => string; outcomes: Record<Outcome, string>; outcomeLabel: string; read: string; why: string; noReply: string }> = {
  fi: {
    subject: (title) => `Päätös tehty: ${title}`,
    greeting: 'Hei,',
    intro: (site, caseId) => `${site} on tehnyt päätöksen asiassa, josta pyysit ilmoitusta (diaarinumero ${caseId}):`,
    date: finnishDate,
    outcomes: fiDecisions.outcome,
    outcomeLabel: 'Päätös',
    read: 'Lue päätös:',
    why: 'Sait tämän yhden viestin, koska pyysit sitä. Sähköpostiosoitteesi on nyt poistettu, eikä sinulle lähetetä muita viestejä.',
    noReply: 'Tämä viesti on lähetetty automaattisesti, eikä siihen voi vastata.',
  },
  sv: {
    subject: (title) => `Beslut fattat: ${title}`,
    greeting: 'Hej,',
    intro: (site, caseId) => `${site} har fattat beslut i ärendet som du bad om ett meddelande om (diarienummer ${caseId}):`,
    date: finnishDate,
    outcomes: svDecisions.outcome,
    outcomeLabel: 'Beslut',
    read: 'Läs beslutet:',
    why: 'Du fick det här enda meddelandet eftersom du bad om det. Din e-postadress har nu raderats och du får inga fler meddelanden.',
    noReply: 'Det här meddelandet har skickats automatiskt och går inte att svara på.',
  },
  en: {
    subject: (title) => `Decided: ${title}`,
    greeting: 'Hello,',
    intro: (site, caseId) => `${site} has made a decision on the case you asked to hear about (case ${caseId}):`,
    date: (iso) => iso,
    outcomes: enDecisions.outcome,
    outcomeLabel: 'Outcome',
    read: 'Read the decision:',
    why: 'You got this one message because you asked for it. Your email address has now been deleted, and you will get no other messages.',
    noReply: 'This message was sent automatically; please do not reply to it.',
  },
};

export function composeDecisionMail(input: DecisionMailInput): ComposedMail {
  const t = STRINGS[input.lang];
  const subject = t.subject(input.title);
  const meta = [input.organ, t.date(input.meetingDate), input.section ? `§ ${input.section}` : ''].filter(Boolean).join(' ');
  const outcome = `${t.outcomeLabel}: ${t.outcomes[input.outcome]}`;
  const summary = input.summary?.replace(/\r\n?/g, '\n').trim() || null;
  const text = [t.greeting, '', t.intro(input.siteName, input.caseId), '', input.title, meta, outcome, ...(summary ? ['', summary] : []), '', t.read, input.url, '', '-- ', t.why, t.noReply, ''].join('\n');
  const e = escapeHtml;
  const html = htmlMail(
    input.lang,
    subject,
    `<p style="margin:0 0 1em">${e(t.greeting)}</p>
<p style="margin:0 0 1em">${e(t.intro(input.siteName, input.caseId))}</p>
<div style="margin:0 0 1em;padding:0 0 0 1em;border-left:4px solid #6b6b6b">
<p style="margin:0;font-weight:bold">${e(input.title)}</p>
<p style="margin:0">${e(meta)}</p>
<p style="margin:0 0 1em">${e(outcome)}</p>
${summary ? `<p style="margin:0 0 1em">${e(summary).replaceAll('\n', '<br>')}</p>` : ''}
</div>
${linkParagraph(t.read, input.url, input.title)}`,
    `${t.why} ${t.noReply}`,
  );
  return { subject, text, html };
}

/** The whole MIME message to one address. */
export function decisionMime(input: DecisionMailInput & { from: { address: string; name?: string }; to: string; date: Date }): string {
  const { subject, text, html } = composeDecisionMail(input);
  return buildMime({
    from: input.from,
    to: input.to,
    subject,
    lang: input.lang,
    text: text.replaceAll('\n', '\r\n'),
    html: html.replaceAll('\n', '\r\n'),
    date: input.date,
    // Automatic (RFC 3834): no out-of-office answer; the case it is about, for the site's own filters.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Osallistu-Case': encodeHeaderText(input.caseId) },
  });
}
