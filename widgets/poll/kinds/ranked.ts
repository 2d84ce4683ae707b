/**
 * A ranked poll: the resident ranks up to maxChoices options, first choice first, and never by
 * dragging alone: each option has a rank picker (a native select), and the ranking as it stands
 * is a list with "Move up", "Move down" and "Remove" buttons that keep the focus on the item
 * moved. Every change is read out politely. The results are the API's count (GET …/ranking):
 * the instant runoff's winner and its rounds as a table, the Borda count and the first choices.
 * Its own chunk, loaded only on a page that has such a poll.
 */
import { css, html, nothing } from 'lit';
import type { Lang } from '../../locales/messages.ts';
import type { RankedCount } from '../../../worker/schema/poll-kinds.ts';
import { ApiRequestError } from '../../core/api-client.ts';
import { formatPercent } from '../../core/format.ts';
import { Catalog, localized } from '../../core/i18n.ts';
import type { PollContext } from '../results.ts';
import type { RankedMessages } from '../locales/ranked/messages.ts';
import type { KindHost } from './kind.ts';

export const viewMessages = new Catalog<RankedMessages>({
  fi: () => import('../locales/ranked/fi.ts').then((m) => m.fi),
  sv: () => import('../locales/ranked/sv.ts').then((m) => m.sv),
  en: () => import('../locales/ranked/en.ts').then((m) => m.en),
});

const styles = css`
  .rank-pick {
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    cursor: auto;
  }
  .rank-pick label {
    flex: 1 1 8rem;
    cursor: pointer;
  }
  .rank-pick:has(option:checked:not([value=''])) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  select {
    font: inherit;
    color: inherit;
    background: var(--_field);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.5rem;
    min-block-size: 2.75rem;
    min-inline-size: 4.5rem;
  }
  select[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .ranking {
    margin: 1rem 0;
  }
  .ranking-title {
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .ranking ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .ranking li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .rank-name {
    flex: 1 1 8rem;
    font-weight: 700;
  }
  .rank-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .rank-buttons button {
    padding: 0.3rem 0.6rem;
  }
  .rank-buttons button[disabled] {
    cursor: not-allowed;
    opacity: 0.45;
  }
  .winner {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .rounds {
    max-inline-size: 100%;
    overflow-x: auto;
    margin: 0 0 1rem;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
    font-size: 0.95em;
  }
  caption {
    text-align: start;
    font-weight: 700;
    margin: 0 0 0.35rem;
  }
  th,
  td {
    border-block-end: 1px solid var(--_border);
    padding: 0.3rem 0.35rem;
    text-align: end;
    vertical-align: top;
  }
  th:first-child {
    text-align: start;
    overflow-wrap: anywhere;
  }
  td .out {
    display: block;
    font-size: 0.85em;
    font-weight: 700;
  }
  .borda {
    margin: 0 0 1rem;
    padding-inline-start: 1.5rem;
    overflow-wrap: anywhere;
  }
`;

function adopt(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const text = (ctx: PollContext, map: Partial<Record<Lang, string>> | undefined) => localized(map, ctx.language, ctx.poll.languages);
const hostOf = (ctx: PollContext) => ctx.host as KindHost;
const label = (ctx: PollContext, id: string) => {
  const option = ctx.poll.options.find((o) => o.id === id);
  return option ? text(ctx, option.label) : { text: id, lang: ctx.language };
};

export function hint(ctx: PollContext): string {
  return viewMessages.get(ctx.language).hint(ctx.poll.minChoices, ctx.poll.maxChoices);
}

export function validate(ctx: PollContext): string {
  const r = viewMessages.get(ctx.language);
  const { length } = hostOf(ctx).choices;
  const { minChoices: min, maxChoices: max } = ctx.poll;
  if (!length) return r.errorNone;
  if (length < min) return r.errorTooFew(min);
  return length > max ? r.errorTooMany(max) : '';
}

/** The ranking becomes `ranking`; `said` is read out. */
function change(ctx: PollContext, ranking: string[], said: string): void {
  const host = hostOf(ctx);
  host.choices = ranking;
  host.fieldError = '';
  host.announcement = said;
}

/** The rank picker: `rank` 0 takes the option out of the ranking, 1… puts it there (or last, when the ranking is shorter). */
function pick(ctx: PollContext, id: string, rank: number): void {
  const r = viewMessages.get(ctx.language);
  const ranking = hostOf(ctx).choices.filter((other) => other !== id);
  if (!rank) return change(ctx, ranking, r.removed(label(ctx, id).text));
  ranking.splice(rank - 1, 0, id);
  const max = ctx.poll.maxChoices;
  const dropped = ranking.length > max ? ranking.splice(max) : [];
  const said = [r.nowAt(label(ctx, id).text, ranking.indexOf(id) + 1, ranking.length), ...dropped.map((other) => r.pushedOut(label(ctx, other).text, max))];
  change(ctx, ranking, said.join(' '));
}

const button = (ctx: PollContext, id: string, what: string) => hostOf(ctx).renderRoot.querySelector<HTMLButtonElement>(`.ranking button[data-id="${id}"][data-do="${what}"]`);

/** Moves an option one place up (-1) or down (1); the focus stays on the same button of the option moved, or the other one at an edge. */
async function move(ctx: PollContext, id: string, by: -1 | 1): Promise<void> {
  const ranking = [...hostOf(ctx).choices];
  const at = ranking.indexOf(id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= ranking.length) return;
  [ranking[at], ranking[to]] = [ranking[to]!, ranking[at]!];
  change(ctx, ranking, viewMessages.get(ctx.language).nowAt(label(ctx, id).text, to + 1, ranking.length));
  await hostOf(ctx).updateComplete;
  const same = button(ctx, id, by < 0 ? 'up' : 'down');
  (same && !same.disabled ? same : button(ctx, id, by < 0 ? 'down' : 'up'))?.focus();
}

/** Takes an option out of the ranking; the focus goes to the option now in its place, else to the one before, else to its own rank picker. */
async function remove(ctx: PollContext, id: string): Promise<void> {
  const ranking = hostOf(ctx).choices.filter((other) => other !== id);
  const at = hostOf(ctx).choices.indexOf(id);
  change(ctx, ranking, viewMessages.get(ctx.language).removed(label(ctx, id).text));
  await hostOf(ctx).updateComplete;
  const next = ranking[at] ?? ranking[at - 1];
  (next ? button(ctx, next, 'remove') : hostOf(ctx).renderRoot.querySelector<HTMLElement>(`#${ctx.poll.id}-${id}-rank`))?.focus();
}

export function renderBallot(ctx: PollContext) {
  const host = hostOf(ctx);
  adopt(host.renderRoot);
  const r = viewMessages.get(ctx.language);
  const ranking = host.choices;
  const ranks = Array.from({ length: ctx.poll.maxChoices }, (_, i) => i + 1);
  const invalid = host.fieldError ? 'true' : 'false';
  return html`<div class="options">
      ${ctx.poll.options.map((option) => {
        const name = text(ctx, option.label);
        const rank = ranking.indexOf(option.id) + 1;
        const id = `${ctx.poll.id}-${option.id}-rank`;
        return html`<div class="option rank-pick">
          <label for=${id} lang=${name.lang}>${name.text}</label>
          <select id=${id} aria-invalid=${invalid} .value=${String(rank || '')} @change=${(event: Event) => pick(ctx, option.id, Number((event.target as HTMLSelectElement).value))}>
            <option value="" aria-label=${r.unranked} ?selected=${!rank}>—</option>
            ${ranks.map((n) => html`<option value=${n} ?selected=${rank === n}>${n}</option>`)}
          </select>
        </div>`;
      })}
    </div>
    <div class="ranking">
      <p class="ranking-title" id=${`${ctx.poll.id}-ranking`}>${r.yourRanking}</p>
      ${ranking.length
        ? html`<ol aria-labelledby=${`${ctx.poll.id}-ranking`}>
            ${ranking.map((id, i) => {
              const name = label(ctx, id);
              return html`<li>
                <span class="rank-name"><span aria-hidden="true">${i + 1}. </span><span lang=${name.lang}>${name.text}</span></span>
                <span class="rank-buttons">
                  <button type="button" class="secondary" data-id=${id} data-do="up" ?disabled=${i === 0} aria-label=${r.moveUpName(name.text)} @click=${() => move(ctx, id, -1)}>
                    <span aria-hidden="true">↑</span> ${r.up}
                  </button>
                  <button type="button" class="secondary" data-id=${id} data-do="down" ?disabled=${i === ranking.length - 1} aria-label=${r.moveDownName(name.text)} @click=${() => move(ctx, id, 1)}>
                    <span aria-hidden="true">↓</span> ${r.down}
                  </button>
                  <button type="button" class="secondary" data-id=${id} data-do="remove" aria-label=${r.removeName(name.text)} @click=${() => remove(ctx, id)}>${r.remove}</button>
                </span>
              </li>`;
            })}
          </ol>`
        : html`<p class="meta">${r.noneRanked}</p>`}
    </div>`;
}

/** "Your ranking: 1. Cycle paths, 2. Bus stops" and the receipt. */
export function renderMine(ctx: PollContext) {
  const ballot = ctx.poll.myBallot;
  if (!ballot) return nothing;
  const list = (ballot.choices ?? []).map((id, i) => `${i + 1}. ${label(ctx, id).text}`).join(', ');
  return html`<p class="mine">${viewMessages.get(ctx.language).yourBallot(list)}</p>${ballot.receipt ? ctx.results!.renderReceipt(ctx, ballot.receipt) : nothing}`;
}

/** The count as this element last asked for it: which poll and ballots it is of, and where the asking is. */
type Count = { key: string; focus?: boolean } & ({ status: 'loading' } | { status: 'ready'; count: RankedCount } | { status: 'failed' } | { status: 'hidden' });
const counts = new WeakMap<object, Count>();

/** Asks for the count with the headers the poll is read with: the voter token if this browser has one, and the host's assertion. (Not from core/voter-token.ts: importing it here would make the bundler wrap the poll's own chunk.) */
async function fetchCount(ctx: PollContext, key: string, focus = false): Promise<void> {
  const host = hostOf(ctx);
  counts.set(host, { key, status: 'loading', focus });
  // Retried: the button gives way to "loading", which takes the focus until the count or the failure does.
  if (focus) void showFocused(host);
  let next: Count;
  try {
    next = { key, status: 'ready', count: await host.client.get<RankedCount>(`polls/${encodeURIComponent(ctx.poll.id)}/ranking`, { headers: ctx.readHeaders() }), focus };
  } catch (error) {
    next = { key, status: error instanceof ApiRequestError && error.code === 'results_hidden' ? 'hidden' : 'failed', focus };
  }
  if (counts.get(host)?.key !== key) return; // asked again meanwhile
  counts.set(host, next);
  if (focus) void showFocused(host);
  else host.requestUpdate();
}

async function showFocused(host: KindHost): Promise<void> {
  host.requestUpdate();
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('.count-status')?.focus();
}

/** The winner, the rounds, the Borda count and the first choices; without the API (the console's preview), how many ranked each option. */
export function renderResults(ctx: PollContext) {
  const { poll } = ctx;
  if (!poll.results) return ctx.results!.renderResults(ctx); // when they will be shown, and the seal and the case
  const host = hostOf(ctx);
  adopt(host.renderRoot);
  const t = ctx.t.poll;
  const level = ctx.headingLevel + 1;
  let body: unknown = nothing;
  if (host.preview) body = renderRankedBy(ctx);
  else {
    const key = JSON.stringify([ctx.apiBase, poll.id, poll.results.total, poll.myBallot?.receipt, poll.myBallot?.changedAt]);
    const state = counts.get(host);
    if (state?.key !== key) void fetchCount(ctx, key);
    body = renderCount(ctx, counts.get(host)!);
  }
  return html`<p class="question" role="heading" aria-level=${level}>${t.results}</p>
    ${body}
    <p class="meta">${t.total(poll.results.total)}</p>
    ${ctx.results!.renderFollowUp(ctx)}`;
}

function renderCount(ctx: PollContext, state: Count) {
  const r = viewMessages.get(ctx.language);
  switch (state.status) {
    case 'loading':
      return html`<p class="meta count-status" tabindex="-1">${r.loadingCount}</p>`;
    case 'hidden':
      return nothing;
    case 'failed':
      return html`<p class="notice count-status" tabindex="-1">${r.countFailed}</p>
        <div class="actions"><button part="button" type="button" class="secondary" @click=${() => fetchCount(ctx, state.key, true)}>${ctx.t.retry}</button></div>`;
    case 'ready':
      return renderReady(ctx, state.count);
  }
}

function renderReady(ctx: PollContext, count: RankedCount) {
  const r = viewMessages.get(ctx.language);
  const level = ctx.headingLevel + 2;
  const { rounds, winner } = count.irv;
  const number = (n: number) => n.toLocaleString(ctx.language === 'en' ? 'en-GB' : `${ctx.language}-FI`);
  // Rows: the winner first, then by how far each lasted (the last round's by their votes there), the first out last.
  const lasted = (id: string) => {
    const at = rounds.findIndex((round) => round.eliminated === id);
    return at < 0 ? rounds.length : at;
  };
  const lastVotes = (id: string) => rounds[Math.min(lasted(id), rounds.length - 1)]?.counts.find((c) => c.id === id)?.votes ?? 0;
  const order = ctx.poll.options
    .map((o) => o.id)
    .filter((id) => rounds[0]?.counts.some((c) => c.id === id))
    .sort((a, b) => Number(b === winner) - Number(a === winner) || lasted(b) - lasted(a) || lastVotes(b) - lastVotes(a));
  const winnerName = winner ? label(ctx, winner) : null;
  const captionId = `${ctx.poll.id}-rounds`;
  return html`<p class="winner count-status" tabindex="-1">${winnerName ? r.winner(winnerName.text) : r.noWinner}</p>
    <p class="meta">${r.irvRule}</p>
    ${rounds.length
      ? html`<div class="rounds">
          <table>
            <caption id=${captionId}>${r.roundsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">${r.optionHeader}</th>
                ${rounds.map((round) => html`<th scope="col">${r.round(round.round)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${order.map((id) => {
                const name = label(ctx, id);
                return html`<tr>
                  <th scope="row" lang=${name.lang}>${name.text}</th>
                  ${rounds.map((round, i) => {
                    const votes = round.counts.find((c) => c.id === id);
                    if (!votes) return html`<td><span aria-hidden="true">– </span><span class="visually-hidden">${r.out}</span></td>`;
                    const tie = round.tieBreak === 'lot' ? r.tieLot : round.tieBreak === 'earlier_rounds' ? r.tieEarlier : '';
                    return html`<td>
                      ${number(votes.votes)}
                      ${round.eliminated === id ? html`<span class="out">${r.eliminated}${tie ? ` (${tie})` : ''}</span>` : nothing}
                      ${id === winner && i === rounds.length - 1 ? html`<span class="out">${r.wins}</span>` : nothing}
                    </td>`;
                  })}
                </tr>`;
              })}
              <tr>
                <th scope="row">${r.exhausted}</th>
                ${rounds.map((round) => html`<td>${number(round.exhausted)}</td>`)}
              </tr>
            </tbody>
          </table>
        </div>`
      : nothing}
    <p class="question" role="heading" aria-level=${level}>${r.borda}</p>
    <p class="meta">${r.bordaRule(ctx.poll.options.length)}</p>
    <ol class="borda">
      ${count.borda.map((b) => {
        const name = label(ctx, b.id);
        return html`<li><span lang=${name.lang}>${name.text}</span>: ${r.points(b.points)}</li>`;
      })}
    </ol>
    <p class="question" role="heading" aria-level=${level}>${r.firstChoices}</p>
    ${renderBars(ctx, count.firstChoices.map((c) => ({ id: c.id, count: c.votes })), count.total)}`;
}

/** Options with their numbers as text and bars, as the other kinds' results. */
function renderBars(ctx: PollContext, rows: { id: string; count: number }[], total: number) {
  return html`<ul class="results" part="results">
    ${rows.map((row) => {
      const name = label(ctx, row.id);
      return html`<li>
        <div class="result-text">
          <span lang=${name.lang}>${name.text}</span>
          <span class="numbers">${ctx.t.poll.optionResult(ctx.t.votes(row.count), formatPercent(total ? row.count / total : 0, ctx.language))}</span>
        </div>
        <div class="bar" part="bar" aria-hidden="true"><span data-share=${`${((total ? row.count / total : 0) * 100).toFixed(1)}%`}></span></div>
      </li>`;
    })}
  </ul>`;
}

/** The console's preview has no count: how many ranked each option, from the results it was given. */
function renderRankedBy(ctx: PollContext) {
  const results = ctx.poll.results!;
  return html`<p class="question" role="heading" aria-level=${ctx.headingLevel + 2}>${viewMessages.get(ctx.language).rankedBy}</p>
    ${renderBars(ctx, results.options, results.total)}`;
}

/** Nothing short to read out after a vote: the count arrives after the ballot, and is on screen. */
export function resultsSummary(): string {
  return '';
}
