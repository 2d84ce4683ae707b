/**
 * What a case looks like to a resident: what was decided on it, and what residents were asked
 * (worker/db/cases.ts reads it; routes/cases.ts serves it).
 */
import type { CaseRecord } from '../db/cases.ts';
import { decisionPageUrl, frameUrl, httpHref } from '../frames/url.ts';
import { pollState, resultsVisible } from '../poll-rules.ts';
import type { CaseDecision, CaseParticipation, CaseView } from '../schema/cases.ts';
import type { Lang } from '../schema/common.ts';
import type { Decision } from '../schema/decisions.ts';

/** One decision under "What was decided": its page is the source system's when it has one, else ours. */
export function caseDecision(d: Decision, origin: string, site: string, lang: Lang | null): CaseDecision {
  return {
    id: d.id,
    organ: d.organ,
    meeting: d.meeting,
    section: d.section,
    title: d.title,
    summary: d.summary,
    plainSummary: d.plainSummary,
    outcome: d.outcome,
    publishedAt: d.publishedAt,
    url: httpHref(d.sourceUrl) ?? decisionPageUrl(origin, site, d.id, lang),
  };
}

/** "Residents were asked": each poll with its answers once its results are public, and the feedback count. */
export function participation(record: Pick<CaseRecord, 'polls' | 'feedback'>, origin: string, site: string, lang: Lang | null): CaseParticipation {
  return {
    polls: record.polls.map((poll) => ({
      id: poll.id,
      question: poll.question,
      status: poll.status,
      state: pollState(poll),
      ballots: resultsVisible(poll, { official: false, voted: false }) ? poll.ballotCount : null,
      resultsUrl: frameUrl(origin, { widget: 'poll', id: poll.id, site }, lang),
    })),
    feedback: record.feedback,
  };
}

/** The Atom feed of the decisions on one case. */
export function caseFeedUrl(origin: string, site: string, caseId: string, lang: Lang | null): string {
  const query = new URLSearchParams({ case: caseId });
  if (lang) query.set('lang', lang);
  return `${origin}/api/v1/sites/${site}/decisions.atom?${query}`;
}

export function caseView(record: CaseRecord, caseId: string, origin: string, site: string, lang: Lang | null): CaseView {
  return {
    site,
    caseId,
    decisions: record.decisions.map((d) => caseDecision(d, origin, site, lang)),
    participation: participation(record, origin, site, lang),
    feed: caseFeedUrl(origin, site, caseId, lang),
  };
}
