/**
 * What a kind of poll with a view of its own (scale.ts, ranked.ts, budget.ts, statements.ts) gives `<osallistu-poll>`:
 * its ballot inside the poll's fieldset, its hint and its check before sending, and what it shows
 * once answered or closed. Each is its own chunk, with its own strings per language, loaded only
 * on a page that has such a poll; the page with a single- or multiple-choice poll, whose ballot the
 * element draws itself, never downloads them.
 *
 * A conversation (statements.ts) has no ballot to send, so the element draws no form for it:
 * `renderMine` draws the statement to answer (and the resident's own statement), `renderResults`
 * the opinion groups; its `renderBallot`, `hint`, `validate` and `resultsSummary` are never called.
 *
 * Types only: nothing here is in any chunk (a module both kinds imported would be a chunk of
 * its own, one request more for either).
 */
import type { ReactiveElement, TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.ts';
import type { Catalog } from '../../core/i18n.ts';
import type { PollView } from '../../../worker/schema/polls.ts';
import type { PollContext } from '../results.ts';

export interface KindView {
  /** The kind's own strings; the element draws the poll once those of its language have arrived. */
  viewMessages: Pick<Catalog<unknown>, 'has' | 'load'>;
  /** The controls inside the poll's fieldset (after its legend, description, hint and error). */
  renderBallot(ctx: PollContext): TemplateResult;
  /** What to do, under the question ("Rank up to 3."). */
  hint(ctx: PollContext): string;
  /** Why the ballot as it stands cannot be sent, in words, or '' when it can. */
  validate(ctx: PollContext): string;
  /** The resident's own ballot and its receipt (ctx.results is loaded). */
  renderMine(ctx: PollContext): unknown;
  /** The results, then the sealed result and the case (ctx.results is loaded). */
  renderResults(ctx: PollContext): unknown;
  /** The results as one sentence for the polite live region after a vote; '' when there is nothing short to say. */
  resultsSummary(ctx: PollContext): string;
}

/**
 * The poll element as a kind's view uses it: its ballot (`choices`, in rank order for a ranked
 * poll), the error at the field, the polite live region's text, and how it reads. These are the
 * element's internal reactive state: setting one draws the element again.
 */
export interface KindHost extends ReactiveElement {
  choices: string[];
  /** A rating scale's chosen value. */
  value: number | null;
  fieldError: string;
  announcement: string;
  preview?: PollView;
  /** The host site's assertion for a signed-in resident (polls with `voterMode: signed`). */
  voterAssertion: string;
  readonly client: ApiClient;
  readonly renderRoot: ShadowRoot;
}

