/**
 * What a ranked or a budget poll's results add in the console: the instant-runoff count round
 * by round with its winner and the Borda points (GET …/ranking), and a budget's funded projects
 * per area with what they spend of its cap. Every number is text in a table with a caption.
 */
import { html, nothing } from 'lit';
import type { IrvRound, RankedCount } from '../../worker/schema/poll-kinds.ts';
import type { PollView } from '../../worker/schema/polls.ts';
import { LOCALES } from '../core/format.ts';
import { localized } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import type { AdminMessages } from './locales/messages.ts';
import { inLang, withContent } from './ui/content-lang.ts';
import { said } from './ui/errors.ts';
import type { Said } from './ui/errors.ts';
import { statusBadge } from './ui/status-badge.ts';

/** A ranked poll's count as it arrives. */
export type RankingState = { state: 'loading' } | { state: 'ready'; count: RankedCount } | { state: 'failed'; message: Said };

/** "450 000 €", "450 000 €", "€450,000": whole euros as the console's language writes them. */
export const formatEuros = (n: number, lang: Lang): string =>
  new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);

const nameOf = (poll: PollView, id: string, lang: Lang): LocalizedValue => {
  const option = poll.options.find((o) => o.id === id);
  return option ? localized(option.label, lang, poll.languages) : { text: id, lang };
};

/** Options in the order the count left them: the last standing first, then those taken out later before earlier. */
function byRunoff(rounds: IrvRound[]): string[] {
  const last = new Map<string, { round: number; votes: number }>();
  rounds.forEach((r, i) => r.counts.forEach((c) => last.set(c.id, { round: i, votes: c.votes })));
  return [...last.entries()].sort(([, a], [, b]) => b.round - a.round || b.votes - a.votes).map(([id]) => id);
}

/**
 * A ranked poll's count: loading, failed (with a retry), or the winner, the rounds and the Borda
 * points; one element throughout (`#ranking`), so focus put on it stays as the states change.
 */
export function rankedResults(poll: PollView, ranking: RankingState, at: AdminMessages, lang: Lang, retry: () => void) {
  const t = at.pollKinds.ranking;
  const inner =
    ranking.state === 'loading'
      ? html`<p class="meta">${t.loading}</p>`
      : ranking.state === 'failed'
        ? html`<p class="error" role="alert">${t.failed} ${said(ranking.message)}</p>
            <button part="button" type="button" class="secondary" id="ranking-retry" @click=${retry}>${t.retry}</button>`
        : rankingTables(poll, ranking.count, at, lang);
  return html`<div id="ranking" class="ranking" aria-busy=${ranking.state === 'loading' ? 'true' : 'false'} tabindex="-1">${inner}</div>`;
}

function rankingTables(poll: PollView, count: RankedCount, at: AdminMessages, lang: Lang) {
  const t = at.pollKinds.ranking;
  const { irv, borda, firstChoices } = count;
  const name = (id: string) => inLang(nameOf(poll, id, lang), lang);
  const rowName = (id: string) => {
    const value = nameOf(poll, id, lang);
    return html`<th scope="row" lang=${value.lang === lang ? nothing : value.lang}>${value.text}</th>`;
  };
  const first = new Map(firstChoices.map((c) => [c.id, c.votes]));
  return html`<p class="winner"><strong>${irv.winner ? withContent(t.winner, nameOf(poll, irv.winner, lang), lang) : t.noWinner}</strong></p>
    <p class="hint">${t.roundsHelp}</p>
    <div class="table-wrap scroll">
      <table class="rounds responsive">
        <caption>${t.rounds}</caption>
        <thead>
          <tr>
            <th scope="col">${at.polls.option}</th>
            ${irv.rounds.map((r) => html`<th scope="col" class="num">${t.round(r.round)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${byRunoff(irv.rounds).map(
            (id) => html`<tr>
              ${rowName(id)}
              ${irv.rounds.map((r) => {
                const counted = r.counts.find((c) => c.id === id);
                return html`<td class="num" data-label=${t.round(r.round)}>${counted ? counted.votes : html`<span aria-hidden="true">–</span><span class="visually-hidden">${t.out}</span>`}</td>`;
              })}
            </tr>`,
          )}
          <tr>
            <th scope="row">${t.exhausted}</th>
            ${irv.rounds.map((r) => html`<td class="num" data-label=${t.round(r.round)}>${r.exhausted}</td>`)}
          </tr>
          <tr>
            <th scope="row">${t.eliminated}</th>
            ${irv.rounds.map((r) => html`<td data-label=${t.round(r.round)}>${r.eliminated ? html`${name(r.eliminated)}${r.tieBreak ? ` (${t.tieBreak[r.tieBreak]})` : ''}` : ''}</td>`)}
          </tr>
        </tbody>
      </table>
    </div>
    <p class="hint">${t.bordaHelp}</p>
    <div class="table-wrap">
      <table class="borda responsive">
        <caption>${t.borda}</caption>
        <thead>
          <tr>
            <th scope="col">${at.polls.option}</th>
            <th scope="col" class="num">${t.firstChoices}</th>
            <th scope="col" class="num">${t.points}</th>
          </tr>
        </thead>
        <tbody>
          ${borda.map(
            (b) => html`<tr>
              ${rowName(b.id)}
              <td class="num" data-label=${t.firstChoices}>${first.get(b.id) ?? 0}</td>
              <td class="num" data-label=${t.points}>${b.points}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** A budget poll's results: per area (or the whole budget), each project's cost and votes and whether it is funded, and the money used of the cap. */
export function budgetResults(poll: PollView, at: AdminMessages, lang: Lang) {
  const t = at.pollKinds.funded;
  const votes = new Map((poll.results?.options ?? []).map((o) => [o.id, o.count]));
  const areaName = (id: string | null): LocalizedValue => {
    const area = poll.budget?.areas?.find((a) => a.id === id);
    return area ? localized(area.label, lang, poll.languages) : { text: id ?? t.whole, lang };
  };
  return html`<section class="funded" aria-labelledby="funded-heading">
    <h4 id="funded-heading">${t.heading}</h4>
    <p class="hint">${t.rule}</p>
    ${(poll.results?.funded ?? []).map((area) => {
      const funded = new Set(area.funded);
      const projects = poll.options.filter((o) => (o.area ?? null) === area.area).sort((a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0));
      return html`<div class="table-wrap">
        <table class="funded-table responsive" data-area=${area.area ?? nothing}>
          <caption>${inLang(areaName(area.area), lang)}: ${t.spent(formatEuros(area.spent, lang), formatEuros(area.cap, lang))}</caption>
          <thead>
            <tr>
              <th scope="col">${t.project}</th>
              <th scope="col" class="num">${t.cost}</th>
              <th scope="col" class="num">${at.polls.votes}</th>
              <th scope="col">${t.state}</th>
            </tr>
          </thead>
          <tbody>
            ${projects.map((p) => {
              const label = localized(p.label, lang, poll.languages);
              return html`<tr data-project=${p.id}>
                <th scope="row" lang=${label.lang === lang ? nothing : label.lang}>${label.text}</th>
                <td class="num" data-label=${t.cost}>${p.cost !== undefined ? formatEuros(p.cost, lang) : '–'}</td>
                <td class="num" data-label=${at.polls.votes}>${votes.get(p.id) ?? 0}</td>
                <td data-label=${t.state}>${funded.has(p.id) ? statusBadge(t.yes, 'open') : statusBadge(t.no, 'neutral')}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
    })}
  </section>`;
}
