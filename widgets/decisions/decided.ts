/**
 * "What was decided" on a case (issue 17, closing the loop): the newest decision with the case's
 * id, as a closed poll (poll/results.ts) and a feedback's status (feedback/osallistu-feedback-status.ts)
 * show it. Its own chunk, which both import only once a case has something to show: neither
 * widget's first chunk, nor the chunk every widget shares, carries it. Its strings are the
 * decision feed's (the outcome wording and all), the same chunk per language.
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CaseView } from '../../worker/schema/cases.ts';
import { formatDate } from '../core/format.ts';
import { Catalog, localized } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import type { DecisionMessages } from './locales/messages.ts';

/** The decision feed's strings (the same chunks as its own catalog loads). */
export const decidedMessages = new Catalog<DecisionMessages>({
  fi: () => import('./locales/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  en: () => import('./locales/en.ts').then((m) => m.en),
});

const styles = css`
  .decided {
    margin-block-start: 1rem;
    overflow-wrap: anywhere;
  }
  .decided p {
    margin: 0 0 0.5rem;
  }
  .decided [role='heading']:focus {
    outline: none;
  }
  .decided .decided-title {
    font-weight: 700;
  }
  .decided a {
    color: inherit;
  }
`;

/**
 * Adds this block's styles to a widget's shadow root (once), as an adopted style sheet, which a
 * host page's strict Content-Security-Policy does not block (a `<style>` it would).
 */
export function adoptDecidedStyles(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

export interface DecidedOptions {
  /** The language to speak; its strings must be loaded (`decidedMessages.load`). */
  language: Lang;
  headingLevel: number;
  /** The widget's own class for a heading of that level, so the block's heading looks like its neighbours. */
  headingClass: string;
  /** An id for the heading, which a widget moves the focus to when the block replaces what had it. */
  headingId?: string;
}

/** Only http(s) addresses become links (the server sends nothing else; this keeps it so). */
const webAddress = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

/**
 * The case's newest decision: organ, meeting date and §, its title as the link to it, outcome,
 * and the plain-language summary (else the summary); or, when nothing is decided yet,
 * "No decision yet on case X". Each text carries the language it is really in.
 */
export function renderDecided(view: CaseView, options: DecidedOptions): TemplateResult {
  const { language } = options;
  const t = decidedMessages.get(language);
  const heading = html`<p class=${`${options.headingClass} decided-heading`} role="heading" aria-level=${options.headingLevel} id=${options.headingId ?? nothing} tabindex="-1">${t.decided}</p>`;
  const decision = view.decisions[0];
  if (!decision) return html`<div class="decided" lang=${language}>${heading}<p class="meta">${t.noDecisionOn(view.caseId)}</p></div>`;
  const text = (map: Partial<Record<Lang, string>> | null) => localized(map ?? undefined, language);
  const organ = text(decision.organ.name);
  const title = text(decision.title);
  const summary = decision.plainSummary ? text(decision.plainSummary) : decision.summary ? text(decision.summary) : null;
  const date = formatDate(`${decision.meeting.date}T12:00:00Z`, language, 'medium');
  const url = webAddress(decision.url);
  return html`<div class="decided" lang=${language}>
    ${heading}
    <p class="meta"><span lang=${organ.lang}>${organ.text}</span> · <time datetime=${decision.meeting.date}>${date}</time>${decision.section ? ` · ${t.section(decision.section)}` : nothing}</p>
    <p class="decided-title" lang=${title.lang}>${url ? html`<a href=${url} rel="noopener noreferrer">${title.text}</a>` : title.text}</p>
    <p class="decided-outcome">${t.outcomeLabel} <strong>${t.outcome[decision.outcome]}</strong></p>
    ${summary?.text ? html`<p class="decided-summary" lang=${summary.lang}>${summary.text}</p>` : nothing}
  </div>`;
}
