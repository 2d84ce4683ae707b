/** What every format of a poll export is made of, so CSV, JSON and XLSX say the same. */
import { ballotPageText } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { localizedText } from '../localize.ts';
import type { Lang } from '../schema/common.ts';
import type { Results } from '../schema/polls.ts';
import type { RankedCount } from '../schema/poll-kinds.ts';
import type { OpinionsView, StatementView } from '../schema/statements.ts';
import type { SiteRecord } from '../schema/sites.ts';

/**
 * Ballots read per D1 query: one page (about 1.5 MB of text) is all a streamed export holds, and
 * a poll of 1,000,000 ballots takes 41 queries (with the token, the site, the poll and its
 * tallies, 44), well within the 1,000 queries a Workers Paid invocation may make. (The Free
 * plan's 50 would allow about 1,100,000 ballots, but its 10 ms of CPU would not allow the
 * export.) A poll whose ballots can be long (many options with long ids) reads fewer a page, so
 * a page's text stays under D1's 2,000,000 bytes per value: a ballot holds only the poll's
 * options (a trigger sees to it, and options cannot change once there are ballots), so the
 * definition bounds it.
 */
export const BALLOT_PAGE = 25_000;

/**
 * Ballots per chunk of an export's body: a page is written out in chunks of this many (about
 * 50–250 KB), not as one string of megabytes, so each chunk dies young in the Worker's heap
 * instead of piling up as large garbage until a full collection (a page as one chunk grew
 * workerd by 95–113 MB during a million-ballot JSON or XLSX export).
 */
export const BALLOTS_PER_CHUNK = 1_000;
const PAGE_TEXT = 1_900_000;

/** Ballots a page may hold for `poll`: its longest possible line (every option chosen, changed, a 10-digit id) within PAGE_TEXT. */
export function ballotsPerPage(poll: StoredPoll): number {
  const choices = poll.kind === 'scale' ? `["${Math.max(Math.abs(poll.scale?.min ?? 0), Math.abs(poll.scale?.max ?? 0))}-"]` : JSON.stringify((poll.options ?? []).map((o) => o.id));
  const line = 10 + 1 + Math.max(choices.length, 8) + 1 + 24 + 1 + 24 + 1;
  return Math.max(100, Math.min(BALLOT_PAGE, Math.floor(PAGE_TEXT / line)));
}

export interface PollExportContext {
  poll: StoredPoll;
  site: SiteRecord;
  lang: Lang;
  results: Results;
  /** A ranked poll's count (its rounds and Borda points), read before the workbook is written. */
  ranked?: RankedCount | null;
  /** A conversation's statements (every status, with their votes) and its opinion groups. */
  conversation?: { statements: StatementView[]; opinions: Omit<OpinionsView, 'mine'> } | null;
  /** The poll's sealed result, cited in the XLSX's methodology sheet; null while it has none. */
  seal?: { statement: string; signature: string; keyId: string; publicKey: string; sealedAt: string; verifyPage: string } | null;
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

/** A ballot's choices as an official reads them: "Pyörätiet | Jalkakäytävät", or a ranking "1. Pyörätiet | 2. Jalkakäytävät". */
export const choicesText = (choices: string[], labels: Map<string, string>, ranked = false) =>
  choices.map((id, i) => (ranked ? `${i + 1}. ` : '') + (labels.get(id) ?? id)).join(' | ');

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
  const size = ballotsPerPage(poll);
  const read = (after: number) => ballotPageText(db, poll, after, size);
  let n = 0;
  // The next page is asked for before this one is handed on, so D1 reads it while the caller
  // writes and sends this one: two pages in memory at most. (Caught here so a page no one waits
  // for, when the download is cancelled, is no unhandled rejection; the await below still throws.)
  let next = read(0);
  next.catch(() => {});
  for (;;) {
    const page = await next;
    const full = page.count === size;
    if (full) {
      next = read(page.lastId);
      next.catch(() => {});
    }
    if (page.count) {
      // "id TAB choices TAB cast_at TAB changed_at", lines joined by LF (see ballotPageText).
      const { lines } = page;
      const ballots = new Array<NumberedBallot>(page.count);
      for (let i = 0, at = 0; i < page.count; i++) {
        const a = lines.indexOf('\t', at);
        const b = lines.indexOf('\t', a + 1);
        const c = lines.indexOf('\t', b + 1);
        let end = lines.indexOf('\n', c + 1);
        if (end === -1) end = lines.length;
        ballots[i] = { n: ++n, castAt: lines.slice(b + 1, c), changedAt: c + 1 === end ? null : lines.slice(c + 1, end), choices: choices(lines.slice(a + 1, b)) };
        at = end + 1;
      }
      yield ballots;
    }
    if (!full) return;
  }
}
