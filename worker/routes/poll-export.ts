import { createApp, officialRoute } from '../app.ts';
import { findPoll, readResults } from '../db/polls.ts';
import type { StoredPoll } from '../db/polls.ts';
import { BOM, csvCell, csvRow } from '../export/csv.ts';
import type { Delimiter } from '../export/csv.ts';
import { EXPORT_LABELS } from '../export/labels.ts';
import { helsinkiTime, isStoredTime } from '../export/helsinki-time.ts';
import { ExportQuery, exportFile, exportFileResponse, xlsxTooLargeResponse } from '../export/file.ts';
import { BALLOTS_PER_CHUNK, ballotPages, choicesText, optionLabels, share } from '../export/poll-data.ts';
import type { NumberedBallot, PollExportContext as Context } from '../export/poll-data.ts';
import { pollWorkbook } from '../export/poll-xlsx.ts';
import { findSeal, siteKeys } from '../db/seals.ts';
import { XLSX_LABELS } from '../export/xlsx-labels.ts';
import { localizedText } from '../localize.ts';
import { flushPoll } from '../poll-counter/index.ts';
import { pollNotFound, pollState, withOutcome } from '../poll-rules.ts';
import { kindCsvRows } from '../export/poll-kinds.ts';
import { rankedCountOf } from '../tabulation/count.ts';
import { listStatements } from '../db/statements.ts';
import { computeOpinions } from '../statements/opinions.ts';
import { errorResponses } from '../schema/common.ts';
import { PollParams } from '../schema/polls.ts';

const app = createApp();

/** A conversation's statements in every state, with their votes, and its opinion groups over the published ones. */
async function conversationOf(db: D1Database, poll: StoredPoll): Promise<NonNullable<Context['conversation']>> {
  const statements = await listStatements(db, poll.site, poll.id, null, true);
  const published = statements.filter((s) => s.status === 'published').map((s) => s.id);
  return { statements, opinions: (await computeOpinions(db, poll, published)).view };
}

/** The poll's seal as the workbook cites it: the statement, its signature and key, and where to check it. */
async function sealCitation(db: D1Database, { poll, site, lang }: Context, origin: string): Promise<Context['seal']> {
  const seal = await findSeal(db, site.id, poll.id);
  if (!seal) return null;
  const key = (await siteKeys(db, site.id)).find((k) => k.id === seal.keyId);
  const verifyPage = `${origin}/embed/v1/frame/verify/${poll.id}?${new URLSearchParams({ site: site.id, lang })}`;
  return { statement: seal.statement, signature: seal.signature, keyId: seal.keyId, publicKey: key?.publicKey ?? '', sealedAt: seal.sealedAt, verifyPage };
}

async function* csv(db: D1Database, ctx: Context, delimiter: Delimiter) {
  const { poll, results, lang } = ctx;
  const t = EXPORT_LABELS[lang];
  const labels = optionLabels(ctx);
  const row = (...cells: (string | number | null)[]) => csvRow(cells, delimiter);
  yield BOM;
  yield row(t.poll, poll.id);
  yield row(t.question, localizedText(poll.question, lang, ctx.site));
  yield row(t.status, XLSX_LABELS[lang].states[pollState(poll)]);
  if (poll.caseId) yield row(t.caseId, poll.caseId);
  yield row(t.ballots, results.total);
  yield row(t.exportedAt, helsinkiTime(new Date().toISOString()));
  yield row();
  yield row(t.option, t.optionId, t.votes, t.share);
  for (const option of results.options) yield row(labels.get(option.id) ?? option.id, option.id, option.count, share(option.count, results.total));
  for (const cells of kindCsvRows(ctx)) yield row(...cells);
  yield row();
  yield row(t.number, t.castAt, t.changedAt, t.choices);
  // A ballot's row, written directly: its number and times never need quoting or neutralising,
  // and its choices' cell is made once per combination.
  const cells = new Map<string[], string>();
  for await (const page of ballotPages(db, poll)) {
    let chunk = '';
    for (let i = 0; i < page.length; i++) {
      const ballot = page[i]!;
      let choices = cells.get(ballot.choices);
      if (choices === undefined) cells.set(ballot.choices, (choices = csvCell(choicesText(ballot.choices, labels, poll.kind === 'ranked'), delimiter)));
      chunk += `${ballot.n}${delimiter}${helsinkiTime(ballot.castAt)}${delimiter}${helsinkiTime(ballot.changedAt)}${delimiter}${choices}\r\n`;
      if ((i + 1) % BALLOTS_PER_CHUNK === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
}

function summary({ poll, results, lang, site, ranked }: Context) {
  return {
    poll: poll.id,
    question: localizedText(poll.question, lang, site),
    kind: poll.kind,
    state: pollState(poll),
    caseId: poll.caseId,
    total: results.total,
    options: results.options.map((o) => ({ ...o, share: share(o.count, results.total) })),
    ...(results.funded ? { funded: results.funded } : {}),
    ...(ranked ? { ranking: { irv: ranked.irv, borda: ranked.borda, firstChoices: ranked.firstChoices } } : {}),
    timeZone: 'Europe/Helsinki',
    exportedAt: new Date().toISOString(),
  };
}

/**
 * A ballot as JSON text, `{"n":1,"castAt":…,"castAtLocal":…,"changedAt":…,"choices":[…]}` (a
 * scale poll's `"value":4` instead of choices), `prefix` inside its braces and `suffix` after:
 * written directly, with the choices' JSON (and the suffix) made once per combination, since a
 * million ballots repeat a handful.
 */
const jsonTime = (iso: string | null) => (isStoredTime(iso) ? `"${iso}"` : JSON.stringify(iso));

function ballotJson(poll: StoredPoll, prefix = '', suffix = '') {
  const tails = new Map<string[], string>();
  return (ballot: NumberedBallot) => {
    let tail = tails.get(ballot.choices);
    if (tail === undefined) {
      tail = (poll.kind === 'scale' ? `"value":${JSON.stringify(Number(ballot.choices[0]))}}` : `"choices":${JSON.stringify(ballot.choices)}}`) + suffix;
      tails.set(ballot.choices, tail);
    }
    return `{${prefix}"n":${ballot.n},"castAt":${jsonTime(ballot.castAt)},"castAtLocal":"${helsinkiTime(ballot.castAt)}","changedAt":${jsonTime(ballot.changedAt)},${tail}`;
  };
}

/** Ballots as JSON texts, BALLOTS_PER_CHUNK to a chunk: `separator` goes before each (and `first` before the first). */
async function* ballotTexts(db: D1Database, poll: StoredPoll, toText: (ballot: NumberedBallot) => string, separator: string, first = separator) {
  let before = first;
  for await (const page of ballotPages(db, poll)) {
    let chunk = '';
    for (let i = 0; i < page.length; i++) {
      chunk += before + toText(page[i]!);
      before = separator;
      if ((i + 1) % BALLOTS_PER_CHUNK === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
}

async function* jsonDocument(db: D1Database, ctx: Context) {
  yield `{"summary":${JSON.stringify(summary(ctx))},"ballots":[`;
  yield* ballotTexts(db, ctx.poll, ballotJson(ctx.poll), ',\n', '\n');
  yield '\n]}\n';
}

async function* ndjson(db: D1Database, ctx: Context) {
  yield `${JSON.stringify({ type: 'summary', ...summary(ctx) })}\n`;
  yield* ballotTexts(db, ctx.poll, ballotJson(ctx.poll, '"type":"ballot",', '\n'), '');
}

app.openapi(
  officialRoute('viewer', {
    method: 'get',
    path: '/sites/{site}/polls/{poll}/export',
    tags: ['Polls'],
    summary: 'Export results and anonymised ballots',
    description:
      'CSV (UTF-8 with BOM, Excel-ready, formula-safe), JSON or NDJSON, streamed; or XLSX, a workbook with three sheets: the results, the ballots (the CSV\'s columns, with real numbers and dates) and the methodology (what was asked, when, how voters were counted, who saw results, whether a ballot could change). ' +
      'Ballots carry a running number and their times in Finnish time, never anything about the voter. Headings and sheet names follow `lang`, else the site\'s default language. ' +
      'Every format streams in bounded memory, reading 25,000 ballots a query (43 queries for 1,000,000 ballots). Ballots the poll\'s counter holds are handed to D1 first, so the file has every ballot counted when it was asked for. XLSX has a methodology sheet that, once the poll is sealed, cites the signed result statement, its signature and key, and where to check it; it holds at most 1,048,575 ballots, as an Excel sheet does, and answers 422 `xlsx_too_large` above that; CSV, JSON and NDJSON have no limit.',
    request: { params: PollParams, query: ExportQuery },
    responses: {
      200: exportFileResponse,
      ...errorResponses(400, 401, 403, 404),
      ...xlsxTooLargeResponse,
    },
  }),
  async (c) => {
    const { poll: id } = c.req.valid('param');
    const { format, delimiter, lang } = c.req.valid('query');
    const found = await findPoll(c.env.DB, c.var.site.id, id);
    if (!found) throw pollNotFound(id);
    // Every ballot counted so far goes to D1 first, then the poll is read again with its count.
    await flushPoll(c.env, found);
    const poll = (await findPoll(c.env.DB, c.var.site.id, id)) ?? found;
    const site = c.var.site;
    const ctx: Context = {
      poll,
      site,
      lang: lang ?? site.defaultLang,
      results: withOutcome(poll, await readResults(c.env.DB, poll)),
      // A ranked poll's rounds come first in every format: its ballots are read once for them.
      ranked: poll.kind === 'ranked' ? await rankedCountOf(c.env.DB, poll) : null,
      conversation: poll.kind === 'statements' ? await conversationOf(c.env.DB, poll) : null,
    };
    return exportFile(c, site, poll.id, { format, delimiter }, {
      csv: (delimiter) => csv(c.env.DB, ctx, delimiter),
      xlsx: async () => pollWorkbook({ ...ctx, seal: await sealCitation(c.env.DB, ctx, new URL(c.req.url).origin) }, ballotPages(c.env.DB, poll)),
      json: () => jsonDocument(c.env.DB, ctx),
      ndjson: () => ndjson(c.env.DB, ctx),
    });
  },
);

export default app;
