/**
 * What a ranked, a budget or a statements poll's workbook adds to the plain one (poll-xlsx.ts): the rounds of
 * the instant runoff and the Borda points, or the funded projects per area; and the counting
 * rules in the methodology sheet's words.
 */
import { localizedText } from '../localize.ts';
import { choiceLimits } from '../poll-rules.ts';
import { budgetAreas, euros } from '../tabulation/budget.ts';
import { EXPORT_LABELS } from './labels.ts';
import { KIND_LABELS } from './poll-kinds-labels.ts';
import { optionLabels } from './poll-data.ts';
import type { PollExportContext } from './poll-data.ts';
import { SheetWriter } from './xlsx/sheet.ts';
import type { SheetPart } from './xlsx/workbook.ts';
import type { StatementView } from '../schema/statements.ts';

/** The extra sheets, after Results. */
export function kindSheets(ctx: PollExportContext): SheetPart[] {
  const { poll, lang, site } = ctx;
  const k = KIND_LABELS[lang];
  if (poll.kind === 'statements' && ctx.conversation) return conversationSheets(ctx, ctx.conversation);
  const labels = optionLabels(ctx);
  const label = (id: string) => labels.get(id) ?? id;
  if (poll.kind === 'ranked' && ctx.ranked) {
    const { irv, borda } = ctx.ranked;
    const rounds = new SheetWriter(k.sheets.rounds, [
      { heading: '', kind: 'text', width: 36 },
      ...irv.rounds.map((r) => ({ heading: k.round(r.round), kind: 'integer' as const, width: 11 })),
    ]);
    const bordaSheet = new SheetWriter(k.sheets.borda, [
      { heading: '', kind: 'text', width: 36 },
      { heading: k.points, kind: 'integer', width: 10 },
      { heading: k.firstChoices, kind: 'integer', width: 16 },
    ]);
    const first = new Map(ctx.ranked.firstChoices.map((c) => [c.id, c.votes]));
    return [
      {
        sheet: rounds,
        *rows() {
          for (const id of (poll.options ?? []).map((o) => o.id)) yield rounds.row([label(id), ...irv.rounds.map((r) => r.counts.find((c) => c.id === id)?.votes ?? null)]);
          yield rounds.row([k.exhausted, ...irv.rounds.map((r) => r.exhausted)]);
          yield rounds.row([k.eliminated, ...irv.rounds.map((r) => (r.eliminated ? `${label(r.eliminated)}${r.tieBreak ? ` (${r.tieBreak === 'lot' ? k.tieLot : k.tieEarlier})` : ''}` : null))], irv.rounds.map(() => 'text'));
          yield rounds.row([k.winner, irv.winner ? label(irv.winner) : k.noWinner], ['text', 'text']);
        },
      },
      { sheet: bordaSheet, *rows() { for (const b of borda) yield bordaSheet.row([label(b.id), b.points, first.get(b.id) ?? 0]); } },
    ];
  }
  if (poll.kind === 'budget' && poll.budget && ctx.results.funded) {
    const votes = new Map(ctx.results.options.map((o) => [o.id, o.count]));
    const areaLabel = new Map((poll.budget.areas ?? []).map((a) => [a.id, localizedText(a.label, lang, site)]));
    const sheet = new SheetWriter(k.sheets.funded, [
      { heading: k.area, kind: 'text', width: 22 },
      { heading: '', kind: 'text', width: 40 },
      { heading: k.cost, kind: 'integer', width: 14 },
      { heading: EXPORT_LABELS[lang].votes, kind: 'integer', width: 10 },
      { heading: k.funded, kind: 'text', width: 12 },
    ], { table: true });
    const funded = ctx.results.funded;
    return [
      {
        sheet,
        *rows() {
          for (const area of funded) {
            const name = area.area === null ? k.wholeBudget : (areaLabel.get(area.area) ?? area.area);
            const inArea = (poll.options ?? []).filter((p) => (p.area ?? null) === area.area);
            // Funded first, in the order the rule took them; then the rest by votes.
            const order = [...area.funded, ...inArea.map((p) => p.id).filter((id) => !area.funded.includes(id)).sort((a, b) => (votes.get(b) ?? 0) - (votes.get(a) ?? 0))];
            for (const id of order) {
              const project = inArea.find((p) => p.id === id)!;
              yield sheet.row([name, label(id), project.cost ?? null, votes.get(id) ?? 0, area.funded.includes(id) ? k.yes : k.no]);
            }
            yield sheet.row([name, `${k.cap} / ${k.spent}`, area.cap, area.spent, null]);
          }
        },
      },
    ];
  }
  return [];
}

/** A conversation's statements with their votes, and its opinion groups with what sets each apart. */
function conversationSheets(ctx: PollExportContext, { statements, opinions }: NonNullable<PollExportContext['conversation']>): SheetPart[] {
  const { lang, site } = ctx;
  const k = KIND_LABELS[lang];
  const text = (s: StatementView) => localizedText(s.text, lang, site);
  const byId = new Map(statements.map((s) => [s.id, s]));
  const groupCount = opinions.groups.length;
  const divisive = new Map(opinions.divisive.map((d) => [d.id, d.byGroup]));
  const sheet = new SheetWriter(k.sheets.statements, [
    { heading: 'Nro', kind: 'integer', width: 6 },
    { heading: k.statement, kind: 'text', width: 60 },
    { heading: k.author, kind: 'text', width: 12 },
    { heading: EXPORT_LABELS[lang].status, kind: 'text', width: 18 },
    { heading: k.agree, kind: 'integer', width: 12 },
    { heading: k.disagree, kind: 'integer', width: 12 },
    { heading: k.pass, kind: 'integer', width: 10 },
  ], { table: true });
  const groups = new SheetWriter(k.sheets.groups, [
    { heading: '', kind: 'text', width: 16 },
    { heading: k.size, kind: 'integer', width: 8 },
    { heading: k.setsApart, kind: 'text', width: 60 },
    { heading: '', kind: 'text', width: 14 },
    { heading: k.agree, kind: 'integer', width: 12 },
    { heading: k.disagree, kind: 'integer', width: 12 },
    { heading: k.pass, kind: 'integer', width: 10 },
  ]);
  const statementText = (id: number) => (byId.has(id) ? text(byId.get(id)!) : String(id));
  return [
    {
      sheet,
      *rows() {
        for (const s of statements) {
          const v = s.votes ?? { agree: 0, disagree: 0, pass: 0 };
          yield sheet.row([s.id, text(s), k.authors[s.author], k.statementStatus[s.status], v.agree, v.disagree, v.pass]);
        }
      },
    },
    {
      sheet: groups,
      *rows() {
        if (!groupCount) yield groups.row([k.noGroups]);
        for (const g of opinions.groups) {
          if (!g.statements.length) yield groups.row([k.group(g.id + 1), g.size]);
          for (const r of g.statements) yield groups.row([k.group(g.id + 1), g.size, statementText(r.id), r.direction === 'agree' ? k.agree : k.disagree, r.group.agree, r.group.disagree, r.group.pass]);
        }
        for (const c of opinions.consensus) yield groups.row([k.consensus, null, statementText(c.id), null, c.votes.agree, c.votes.disagree, c.votes.pass]);
        for (const d of opinions.divisive) {
          yield groups.row([k.divisive, null, statementText(d.id), null, d.votes.agree, d.votes.disagree, d.votes.pass]);
          for (const [g, counts] of (divisive.get(d.id) ?? []).entries()) yield groups.row([null, null, null, k.group(g + 1), counts.agree, counts.disagree, counts.pass]);
        }
      },
    },
  ];
}

/** The methodology sheet's lines for the kind: what a ballot was and how it was counted. */
export function kindMethodology({ poll, lang, site }: PollExportContext): [string, string][] {
  const k = KIND_LABELS[lang];
  if (poll.kind === 'statements') return [['', k.conversation], ['', k.groupsRule]];
  if (poll.kind === 'ranked') {
    const { min, max } = choiceLimits(poll);
    return [['', k.ranked(min, max)], ['IRV', k.irvRule], ['Borda', k.bordaRule], ['', k.tieRule], ['', k.shareRanked]];
  }
  if (poll.kind === 'budget' && poll.budget) {
    const lines: [string, string][] = [['', k.budget]];
    for (const area of budgetAreas(poll.budget)) {
      const name = area.area === null ? k.wholeBudget : localizedText(poll.budget.areas!.find((a) => a.id === area.area)!.label, lang, site);
      const extras = [...(area.minSpend !== undefined ? [k.minSpend(euros(area.minSpend))] : []), ...(poll.budget.maxProjects !== undefined ? [k.maxProjects(poll.budget.maxProjects)] : [])];
      lines.push([name, k.ballotRule(euros(area.cap), extras)]);
    }
    lines.push(['', k.fundingRule], ['', k.shareBudget]);
    return lines;
  }
  return [];
}

/** The same tables for the CSV, as rows of cells after the options' table. */
export function* kindCsvRows(ctx: PollExportContext): Generator<(string | number | null)[]> {
  const { poll, lang } = ctx;
  const k = KIND_LABELS[lang];
  const labels = optionLabels(ctx);
  const label = (id: string) => labels.get(id) ?? id;
  if (poll.kind === 'ranked' && ctx.ranked) {
    const { irv, borda } = ctx.ranked;
    yield [];
    yield [k.sheets.rounds, ...irv.rounds.map((r) => k.round(r.round))];
    for (const o of poll.options ?? []) yield [label(o.id), ...irv.rounds.map((r) => r.counts.find((c) => c.id === o.id)?.votes ?? null)];
    yield [k.exhausted, ...irv.rounds.map((r) => r.exhausted)];
    yield [k.eliminated, ...irv.rounds.map((r) => (r.eliminated ? `${label(r.eliminated)}${r.tieBreak ? ` (${r.tieBreak === 'lot' ? k.tieLot : k.tieEarlier})` : ''}` : null))];
    yield [k.winner, irv.winner ? label(irv.winner) : k.noWinner];
    yield [];
    yield [k.sheets.borda, k.points];
    for (const b of borda) yield [label(b.id), b.points];
  }
  if (poll.kind === 'statements' && ctx.conversation) {
    const { statements, opinions } = ctx.conversation;
    yield [];
    yield ['Nro', k.statement, k.author, EXPORT_LABELS[lang].status, k.agree, k.disagree, k.pass];
    for (const s of statements) yield [s.id, localizedText(s.text, lang, ctx.site), k.authors[s.author], k.statementStatus[s.status], s.votes?.agree ?? 0, s.votes?.disagree ?? 0, s.votes?.pass ?? 0];
    yield [];
    if (!opinions.groups.length) yield [k.noGroups];
    for (const g of opinions.groups) yield [k.group(g.id + 1), g.size, g.statements.map((r) => `${r.id} (${r.direction === 'agree' ? k.agree : k.disagree})`).join(' | ')];
  }
  if (poll.kind === 'budget' && ctx.results.funded) {
    const areaLabel = new Map((poll.budget?.areas ?? []).map((a) => [a.id, localizedText(a.label, lang, ctx.site)]));
    yield [];
    yield [k.area, k.cap, k.spent, k.funded];
    for (const area of ctx.results.funded) {
      yield [area.area === null ? k.wholeBudget : (areaLabel.get(area.area) ?? area.area), area.cap, area.spent, area.funded.map(label).join(' | ')];
    }
  }
}
