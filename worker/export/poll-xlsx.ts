/**
 * A poll as a workbook: Results (each option's votes and share, and the total), Data (the
 * anonymised ballots, the CSV's columns and content) and Methodology (what was asked, when, how
 * voters were counted, who saw results, whether a ballot could change).
 */
import { choiceLimits, pollState } from '../poll-rules.ts';
import { localizedText } from '../localize.ts';
import { EXPORT_LABELS } from './labels.ts';
import { choicesText, optionLabels } from './poll-data.ts';
import type { NumberedBallot, PollExportContext } from './poll-data.ts';
import { XLSX_LABELS } from './xlsx-labels.ts';
import { SheetBuilder, XlsxBudget, helsinkiSerial, workbookBytes } from './xlsx.ts';
import type { Column, Kind, Value } from './xlsx.ts';

export async function pollWorkbook(ctx: PollExportContext, ballots: AsyncIterable<NumberedBallot>): Promise<Uint8Array<ArrayBuffer>> {
  const { poll, results, lang, site } = ctx;
  const t = EXPORT_LABELS[lang];
  const x = XLSX_LABELS[lang];
  const what = `Poll "${poll.id}"`;
  const labels = optionLabels(ctx);
  const scale = poll.kind === 'scale';
  // The CSV's ballot columns; a scale poll's choice is its value, a number.
  const dataColumns: Column[] = [
    { heading: t.number, kind: 'integer', width: 9 },
    { heading: t.castAt, kind: 'datetime', width: 21 },
    { heading: t.changedAt, kind: 'datetime', width: 21 },
    { heading: t.choices, kind: scale ? 'integer' : 'text', width: scale ? 12 : 50 },
  ];
  const budget = new XlsxBudget(what, dataColumns.length);
  budget.expect(poll.ballotCount);
  const exportedAt = new Date().toISOString();

  const resultSheet = new SheetBuilder(x.sheets.results, [
    { heading: t.option, kind: 'text', width: 40 },
    { heading: t.optionId, kind: 'text', width: 12 },
    { heading: t.votes, kind: 'integer', width: 10 },
    { heading: t.share, kind: 'percent', width: 11 },
  ], budget);
  for (const option of results.options) {
    const label: Value = scale ? Number(option.id) : (labels.get(option.id) ?? option.id);
    resultSheet.add([label, option.id, option.count, results.total ? option.count / results.total : 0]);
  }
  resultSheet.add([x.ballotsInTotal, null, results.total, null]);

  const dataSheet = new SheetBuilder(x.sheets.data, dataColumns, budget, { table: true });
  // Ballots repeat a handful of combinations: one string per combination, not one per ballot.
  const texts = new Map<string, string>();
  const text = (choices: string[]) => {
    const key = choices.join('\n');
    let found = texts.get(key);
    if (found === undefined) {
      found = choicesText(choices, labels);
      budget.text(found.length);
      if (texts.size < 10_000) texts.set(key, found);
    }
    return found;
  };
  for await (const ballot of ballots) {
    const choice: Value = scale ? Number(ballot.choices[0]) : text(ballot.choices);
    dataSheet.add([ballot.n, helsinkiSerial(ballot.castAt), helsinkiSerial(ballot.changedAt), choice], [], false);
  }

  const about = new SheetBuilder(x.sheets.methodology, [
    { heading: x.item, kind: 'text', width: 28 },
    { heading: x.details, kind: 'text', width: 100 },
  ], budget, { wrap: true });
  const line = (item: string, value: Value, kind?: Kind) => about.add([item, value], [undefined, kind]);
  const when = (item: string, iso: string | null, otherwise: string) => (iso ? line(item, helsinkiSerial(iso), 'datetime') : line(item, otherwise));
  line(t.poll, poll.id);
  line(t.question, localizedText(poll.question, lang, site));
  if (poll.description) line(x.description, localizedText(poll.description, lang, site));
  const { min, max } = choiceLimits(poll);
  line(x.kind, scale ? x.scale(poll.scale!.min, poll.scale!.max) : poll.kind === 'multiple' ? x.multiple(min, max) : x.single);
  if (scale) {
    const { scale: s } = poll;
    if (s?.minLabel) line(x.scaleEnd, `${s.min} = ${localizedText(s.minLabel, lang, site)}`);
    if (s?.maxLabel) line(x.scaleEnd, `${s.max} = ${localizedText(s.maxLabel, lang, site)}`);
  } else {
    for (const option of poll.options ?? []) line(`${t.option} ${option.id}`, labels.get(option.id) ?? option.id);
  }
  line(x.state, x.states[pollState(poll)]);
  if (poll.caseId) line(t.caseId, poll.caseId);
  when(x.opensAt, poll.opensAt, x.noOpensAt);
  when(x.closesAt, poll.closesAt, x.noClosesAt);
  when(x.createdAt, poll.createdAt, '');
  when(x.exportedAt, exportedAt, '');
  line(x.times, x.helsinki);
  line(t.ballots, results.total, 'integer');
  line(x.counting, x.voterModes[poll.voterMode]);
  line(x.visibility, x.visibilities[poll.resultsVisibility]);
  line(x.change, poll.allowChange ? x.changeAllowed : x.changeNotAllowed);
  line(x.share, poll.kind === 'multiple' ? `${x.shareMeaning} ${x.shareMultiple}` : x.shareMeaning);
  line(x.rows, x.ballotRows);
  if (budget.truncated) line(x.leftOut, x.truncated(budget.truncated));

  return workbookBytes([resultSheet, dataSheet, about], `${poll.id}: ${localizedText(poll.question, lang, site)}`);
}
