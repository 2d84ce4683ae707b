/**
 * A poll as a workbook: Results (each option's votes and share, and the total), Data (the
 * anonymised ballots, the CSV's columns and content) and Methodology (what was asked, when, how
 * voters were counted, who saw results, whether a ballot could change).
 */
import { choiceLimits, pollState } from '../poll-rules.ts';
import { localizedText } from '../localize.ts';
import { helsinkiSerial } from './helsinki-time.ts';
import { EXPORT_LABELS } from './labels.ts';
import { BALLOTS_PER_CHUNK, choicesText, optionLabels } from './poll-data.ts';
import type { NumberedBallot, PollExportContext } from './poll-data.ts';
import { XLSX_LABELS } from './xlsx-labels.ts';
import { kindMethodology, kindSheets } from './poll-kinds.ts';
import { euros } from '../tabulation/budget.ts';
import { SheetWriter, cellText, expectRows } from './xlsx/sheet.ts';
import type { CellText, Column, Kind, Value } from './xlsx/sheet.ts';
import { workbookChunks } from './xlsx/workbook.ts';

/**
 * The workbook, streamed: `ballots` are read a page at a time as the file goes out. A poll with
 * more ballots than a sheet holds is refused (422) before anything is read.
 */
export function pollWorkbook(ctx: PollExportContext, ballots: AsyncIterable<NumberedBallot[]>): AsyncGenerator<Uint8Array> {
  const { poll, results, lang, site } = ctx;
  const t = EXPORT_LABELS[lang];
  const x = XLSX_LABELS[lang];
  const labels = optionLabels(ctx);
  const scale = poll.kind === 'scale';
  expectRows(`Poll "${poll.id}"`, poll.ballotCount);
  // The CSV's ballot columns; a scale poll's choice is its value, a number.
  const data = new SheetWriter(x.sheets.data, [
    { heading: t.number, kind: 'integer', width: 9 },
    { heading: t.castAt, kind: 'datetime', width: 21 },
    { heading: t.changedAt, kind: 'datetime', width: 21 },
    { heading: t.choices, kind: scale ? 'integer' : 'text', width: scale ? 12 : 50 },
  ], { table: true });
  const exportedAt = new Date().toISOString();

  const resultSheet = new SheetWriter(x.sheets.results, [
    { heading: t.option, kind: 'text', width: 40 },
    { heading: t.optionId, kind: 'text', width: 12 },
    { heading: t.votes, kind: 'integer', width: 10 },
    { heading: t.share, kind: 'percent', width: 11 },
  ] satisfies Column[]);
  function* resultRows() {
    for (const option of results.options) {
      const label: Value = scale ? Number(option.id) : (labels.get(option.id) ?? option.id);
      yield resultSheet.row([label, option.id, option.count, results.total ? option.count / results.total : 0]);
    }
    yield resultSheet.row([x.ballotsInTotal, null, results.total, null]);
  }

  async function* ballotRows() {
    // Ballots repeat a handful of combinations: their cell text is made once per combination.
    const texts = new Map<string[], CellText>();
    for await (const page of ballots) {
      let chunk = '';
      for (let i = 0; i < page.length; i++) {
        const ballot = page[i]!;
        let choice: Value | CellText;
        if (scale) choice = Number(ballot.choices[0]);
        else {
          choice = texts.get(ballot.choices);
          if (!choice) texts.set(ballot.choices, (choice = cellText(choicesText(ballot.choices, labels, poll.kind === 'ranked'))));
        }
        chunk += data.row([ballot.n, helsinkiSerial(ballot.castAt), helsinkiSerial(ballot.changedAt), choice]);
        if ((i + 1) % BALLOTS_PER_CHUNK === 0) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
  }

  const about = new SheetWriter(x.sheets.methodology, [
    { heading: x.item, kind: 'text', width: 28 },
    { heading: x.details, kind: 'text', width: 100 },
  ], { wrap: true });
  // Written after the ballots, so it can say what was cut.
  function* methodology() {
    const line = (item: string, value: Value, kind?: Kind) => about.row([item, value], [undefined, kind]);
    const when = (item: string, iso: string | null, otherwise: string) => (iso ? line(item, helsinkiSerial(iso), 'datetime') : line(item, otherwise));
    yield line(t.poll, poll.id);
    yield line(t.question, localizedText(poll.question, lang, site));
    if (poll.description) yield line(x.description, localizedText(poll.description, lang, site));
    const { min, max } = choiceLimits(poll);
    const kindLines = kindMethodology(ctx);
    yield line(x.kind, scale ? x.scale(poll.scale!.min, poll.scale!.max) : poll.kind === 'multiple' ? x.multiple(min, max) : kindLines.length ? kindLines[0]![1] : x.single);
    for (const [item, text] of kindLines.slice(1)) yield line(item, text);
    if (scale) {
      const { scale: s } = poll;
      if (s?.minLabel) yield line(x.scaleEnd, `${s.min} = ${localizedText(s.minLabel, lang, site)}`);
      if (s?.maxLabel) yield line(x.scaleEnd, `${s.max} = ${localizedText(s.maxLabel, lang, site)}`);
    } else {
      for (const option of poll.options ?? []) yield line(`${t.option} ${option.id}`, (labels.get(option.id) ?? option.id) + (option.cost !== undefined ? ` (${euros(option.cost)}${option.area ? `, ${option.area}` : ''})` : ''));
    }
    yield line(x.state, x.states[pollState(poll)]);
    if (poll.caseId) yield line(t.caseId, poll.caseId);
    yield when(x.opensAt, poll.opensAt, x.noOpensAt);
    yield when(x.closesAt, poll.closesAt, x.noClosesAt);
    yield when(x.createdAt, poll.createdAt, '');
    yield when(x.exportedAt, exportedAt, '');
    yield line(x.times, x.helsinki);
    yield line(t.ballots, results.total, 'integer');
    yield line(x.counting, x.voterModes[poll.voterMode]);
    yield line(x.visibility, x.visibilities[poll.resultsVisibility]);
    yield line(x.change, poll.allowChange ? x.changeAllowed : x.changeNotAllowed);
    if (!kindLines.length) yield line(x.share, poll.kind === 'multiple' ? `${x.shareMeaning} ${x.shareMultiple}` : x.shareMeaning);
    yield line(x.rows, x.ballotRows);
    // The signed statement, so a report built on this file can point to what anyone can check.
    const { seal } = ctx;
    if (seal) {
      yield line(x.sealed, x.sealedText(seal.sealedAt.slice(0, 19).replace('T', ' '), seal.keyId));
      yield line(x.statement, seal.statement);
      yield line(x.signature, seal.signature);
      yield line(x.publicKey, seal.publicKey);
      yield line(x.verify, x.verifyText(seal.verifyPage, `npm run verify -- "${seal.verifyPage}"`));
    } else if (poll.resultsVisibility !== 'never') {
      yield line(x.sealed, x.notSealed);
    }
    const truncated = resultSheet.truncated + data.truncated + about.truncated;
    if (truncated) yield line(x.leftOut, x.truncated(truncated));
  }

  return workbookChunks(
    [
      { sheet: resultSheet, rows: resultRows },
      ...kindSheets(ctx),
      { sheet: data, rows: ballotRows },
      { sheet: about, rows: methodology },
    ],
    `${poll.id}: ${localizedText(poll.question, lang, site)}`,
  );
}
