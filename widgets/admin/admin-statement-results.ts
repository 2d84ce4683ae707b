/**
 * What a conversation's results (a poll of kind `statements`) show in the console: how many
 * residents voted and how many are placed in opinion groups; each group with the statements that
 * set it apart, its share against the others'; the statements with the broadest agreement and the
 * most divisive ones; and every published statement with its votes. Read from
 * GET …/statements and GET …/opinions; every number is text, in tables with captions.
 */
import { html, nothing } from 'lit';
import type { z } from '@hono/zod-openapi';
import type { PollView } from '../../worker/schema/polls.ts';
import type { OpinionsView, StatementList } from '../../worker/schema/statements.ts';
import { LOCALES, formatPercent } from '../core/format.ts';
import { localized } from '../core/i18n.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import type { AdminMessages } from './locales/messages.ts';
import { fill } from './ui/content-lang.ts';
import { said } from './ui/errors.ts';
import type { Said } from './ui/errors.ts';

type Statements = z.infer<typeof StatementList>;
type Counts = { agree: number; disagree: number; pass: number };
/** Where the time goes in "Ryhmät laskettu kello ⟨time⟩". */
const TIME = '\u0000';

/** A conversation's results as they arrive. */
export type ConversationState = { state: 'loading' } | { state: 'ready'; statements: Statements; opinions: OpinionsView } | { state: 'failed'; message: Said };

/**
 * A conversation's results: loading, failed (with a retry), or the groups and statements; one
 * element throughout (`#conversation`), so focus put on it stays as the states change.
 */
export function conversationResults(poll: PollView, conversation: ConversationState, at: AdminMessages, lang: Lang, retry: () => void) {
  const t = at.statements.results;
  const inner =
    conversation.state === 'loading'
      ? html`<p class="meta">${t.loading}</p>`
      : conversation.state === 'failed'
        ? html`<p class="error" role="alert">${t.failed} ${said(conversation.message)}</p>
            <button part="button" type="button" class="secondary" id="conversation-retry" @click=${retry}>${t.retry}</button>`
        : conversationTables(poll, conversation.statements, conversation.opinions, at, lang);
  return html`<div id="conversation" class="conversation" aria-busy=${conversation.state === 'loading' ? 'true' : 'false'} tabindex="-1">${inner}</div>`;
}

function conversationTables(poll: PollView, statements: Statements, opinions: OpinionsView, at: AdminMessages, lang: Lang) {
  const t = at.statements.results;
  const byId = new Map(statements.items.map((s) => [s.id, s]));
  const count = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : `${lang}-FI`);
  const textOf = (id: number): LocalizedValue => {
    const found = byId.get(id);
    const value = found ? localized(found.text, lang, poll.languages) : undefined;
    return value?.text ? value : { text: t.statementN(id), lang };
  };
  const rowName = (id: number) => {
    const value = textOf(id);
    return html`<th scope="row" lang=${value.lang === lang ? nothing : value.lang}>${value.text}</th>`;
  };
  const countCells = (votes: Counts) =>
    html`<td class="num" data-label=${t.agree}>${count(votes.agree)}</td>
      <td class="num" data-label=${t.disagree}>${count(votes.disagree)}</td>
      <td class="num" data-label=${t.pass}>${count(votes.pass)}</td>`;
  const countHeads = html`<th scope="col" class="num">${t.agree}</th>
    <th scope="col" class="num">${t.disagree}</th>
    <th scope="col" class="num">${t.pass}</th>`;
  /** A table of statements with their votes (the broadest agreement, the most divisive). */
  const votesTable = (kind: string, caption: string, help: string, rows: { id: number; votes: Counts }[]) =>
    html`<section class=${kind} aria-labelledby=${`${kind}-heading`}>
      <h4 id=${`${kind}-heading`}>${caption}</h4>
      <p class="hint">${help}</p>
      ${rows.length
        ? html`<div class="table-wrap">
            <table class=${`${kind}-table responsive`}>
              <caption class="visually-hidden">${caption}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.statement}</th>
                  ${countHeads}
                </tr>
              </thead>
              <tbody>
                ${rows.map((r) => html`<tr data-statement=${r.id}>${rowName(r.id)}${countCells(r.votes)}</tr>`)}
              </tbody>
            </table>
          </div>`
        : html`<p>${t.none}</p>`}
    </section>`;

  return html`<dl class="conversation-counts">
      <dt>${t.participants}</dt>
      <dd class="participants">${count(opinions.participants)}</dd>
      <dt>${t.clustered(opinions.minVotes)}</dt>
      <dd class="clustered">${count(opinions.clustered)}</dd>
    </dl>
    ${opinions.participants === 0
      ? html`<p class="no-votes">${t.noVotes}</p>`
      : html`<p class="hint computed">
            ${fill(t.computedAt(TIME), { [TIME]: html`<time datetime=${opinions.computedAt}>${new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(new Date(opinions.computedAt))}</time>` })}
          </p>
          <section class="opinion-groups" aria-labelledby="groups-heading">
            <h4 id="groups-heading">${t.groups}</h4>
            <p class="hint">${t.groupsHelp}</p>
            ${opinions.groups.length
              ? opinions.groups.map((g, i) => {
                  const n = i + 1;
                  return html`<section class="opinion-group" data-group=${g.id} aria-labelledby=${`group-${g.id}-heading`}>
                    <h5 id=${`group-${g.id}-heading`}>${t.group(n, g.size)}</h5>
                    ${g.statements.length
                      ? html`<div class="table-wrap">
                          <table class="distinctive responsive">
                            <caption>${t.distinctive(n)}</caption>
                            <thead>
                              <tr>
                                <th scope="col">${t.statement}</th>
                                <th scope="col">${t.stance}</th>
                                <th scope="col" class="num">${t.groupShare}</th>
                                <th scope="col" class="num">${t.othersShare}</th>
                              </tr>
                            </thead>
                            <tbody>
                              ${g.statements.map(
                                (s) => html`<tr data-statement=${s.id}>
                                  ${rowName(s.id)}
                                  <td data-label=${t.stance}>${s.direction === 'agree' ? t.agrees : t.disagrees}</td>
                                  <td class="num" data-label=${t.groupShare}>${formatPercent(s.groupRate, lang)}</td>
                                  <td class="num" data-label=${t.othersShare}>${formatPercent(s.othersRate, lang)}</td>
                                </tr>`,
                              )}
                            </tbody>
                          </table>
                        </div>`
                      : html`<p>${t.noDistinctive}</p>`}
                  </section>`;
                })
              : html`<p class="no-groups">${t.noGroups(opinions.minVotes)}</p>`}
          </section>
          ${votesTable('consensus', t.consensus, t.consensusHelp, opinions.consensus)} ${votesTable('divisive', t.divisive, t.divisiveHelp, opinions.divisive)}`}
    <div class="table-wrap">
      <table class="all-statements responsive">
        <caption>${t.all}</caption>
        <thead>
          <tr>
            <th scope="col">${t.statement}</th>
            <th scope="col" class="num">${t.number}</th>
            <th scope="col">${t.author}</th>
            ${countHeads}
          </tr>
        </thead>
        <tbody>
          ${statements.items.map(
            (s) => html`<tr data-statement=${s.id}>
              ${rowName(s.id)}
              <td class="num" data-label=${t.number}>${s.id}</td>
              <td data-label=${t.author}>${s.author === 'official' ? t.official : t.resident}</td>
              ${countCells(s.votes ?? { agree: 0, disagree: 0, pass: 0 })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
