/** What every format of a poll export is made of, so CSV, JSON and XLSX say the same. */
import { ballotPage } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { localizedText } from '../localize.ts';
import type { Lang } from '../schema/common.ts';
import type { Results } from '../schema/polls.ts';
import type { SiteRecord } from '../schema/sites.ts';

/**
 * Ballots read per D1 query: one page (about 2 MB of rows) is all a streamed export holds, and a
 * poll of 1,000,000 ballots takes 40 queries (with the poll and its tallies, 43), well within the
 * 1,000 queries a Workers Paid invocation may make and D1's 50 MB per result. (The Free plan's 50
 * queries would allow 1,175,000 ballots, but its 10 ms of CPU would not allow the export.)
 */
export const BALLOT_PAGE = 25_000;

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

/**
 * The poll's ballots oldest first, numbered 1, 2, 3…, a page at a time (see BALLOT_PAGE). The
 * choices are parsed once per distinct combination, and the array is shared by the ballots that
 * hold it: do not change it.
 */
export async function* ballotPages(db: D1Database, poll: StoredPoll): AsyncGenerator<NumberedBallot[]> {
  const parsed = new Map<string, string[]>();
  const choices = (json: string) => {
    let found = parsed.get(json);
    if (!found) {
      found = JSON.parse(json) as string[];
      if (parsed.size < 10_000) parsed.set(json, found);
    }
    return found;
  };
  let after = 0;
  let n = 0;
  for (;;) {
    const page = await ballotPage(db, poll, after, BALLOT_PAGE);
    if (page.length) yield page.map((b) => ({ n: ++n, castAt: b.castAt, changedAt: b.changedAt, choices: choices(b.choicesJson) }));
    if (page.length < BALLOT_PAGE) return;
    after = page.at(-1)!.id;
  }
}
