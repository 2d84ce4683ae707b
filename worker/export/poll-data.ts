/** What every format of a poll export is made of, so CSV, JSON and XLSX say the same. */
import { ballotPage } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { localizedText } from '../localize.ts';
import type { Lang } from '../schema/common.ts';
import type { Results } from '../schema/polls.ts';
import type { SiteRecord } from '../schema/sites.ts';

/** Ballots read per D1 query: one page is all a streamed export holds. */
const PAGE = 2000;

export interface PollExportContext {
  poll: StoredPoll;
  site: SiteRecord;
  lang: Lang;
  results: Results;
}

export interface NumberedBallot {
  n: number;
  castAt: string;
  changedAt: string | null;
  choices: string[];
}

/** An option's share of the ballots in per cent, to one decimal, as the CSV and JSON give it. */
export const share = (count: number, total: number) => (total ? Math.round((count / total) * 1000) / 10 : 0);

/** Option id → its label in the export's language (a scale poll's values have none). */
export function optionLabels({ poll, site, lang }: PollExportContext): Map<string, string> {
  if (poll.kind === 'scale') return new Map();
  return new Map((poll.options ?? []).map((o) => [o.id, localizedText(o.label, lang, site)]));
}

/** A ballot's choices as an official reads them: "Pyörätiet | Jalkakäytävät". */
export const choicesText = (choices: string[], labels: Map<string, string>) => choices.map((id) => labels.get(id) ?? id).join(' | ');

/** The poll's ballots oldest first, numbered 1, 2, 3…, read a page at a time. */
export async function* ballots(db: D1Database, poll: StoredPoll): AsyncGenerator<NumberedBallot> {
  let after = 0;
  let n = 0;
  for (;;) {
    const page = await ballotPage(db, poll, after, PAGE);
    for (const ballot of page) yield { n: ++n, castAt: ballot.castAt, changedAt: ballot.changedAt, choices: ballot.choices };
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}
