/**
 * A rating scale: one radio per value from min to max, each end's label read with its value and
 * shown under the row. Its own chunk, as every kind but single and multiple choice is, so the page
 * with a single-choice poll does not carry it. It has no strings of its own (the poll's few
 * serve), and its results are the common results view's.
 */
import { css, html, nothing } from 'lit';
import { localized } from '../../core/i18n.ts';
import type { PollContext } from '../results.ts';
import type { KindHost, KindView } from './kind.ts';

const styles = css`
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0 0 0.5rem;
  }
  .scale .option {
    flex-direction: column;
    align-items: center;
    min-inline-size: 3rem;
    gap: 0.25rem;
  }
  .scale-ends {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 1rem;
  }
  .invalid .scale {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }
`;

/** No strings of its own: the poll's (chooseValue, errorNoValue) come with the page's language. */
export const viewMessages: KindView['viewMessages'] = { has: () => true, load: async () => {} };

const hostOf = (ctx: PollContext) => ctx.host as KindHost;

export function hint({ poll, t }: PollContext): string {
  return t.poll.chooseValue(poll.scale!.min, poll.scale!.max);
}

export function validate(ctx: PollContext): string {
  return hostOf(ctx).value === null ? ctx.t.poll.errorNoValue : '';
}

export function renderBallot(ctx: PollContext) {
  const host = hostOf(ctx);
  const root = host.renderRoot;
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const scale = ctx.poll.scale!;
  const values = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const minLabel = scale.minLabel ? localized(scale.minLabel, ctx.language, ctx.poll.languages) : null;
  const maxLabel = scale.maxLabel ? localized(scale.maxLabel, ctx.language, ctx.poll.languages) : null;
  const end = (label: typeof minLabel) => (label ? html`<span class="visually-hidden" lang=${label.lang}> – ${label.text}</span>` : nothing);
  const choose = (value: number) => {
    host.value = value;
    host.fieldError = '';
    // The resident is answering: the results view they will see next starts downloading now (tried again when it is drawn).
    if (!host.preview) import('../results.ts').then((m) => m.viewMessages.load(ctx.language)).catch(() => {});
  };
  return html`<div class="scale">
      ${values.map(
        (value) => html`<label class="option">
          <input
            type="radio"
            name="scale"
            required
            .value=${String(value)}
            .checked=${host.value === value}
            aria-invalid=${host.fieldError ? 'true' : 'false'}
            @change=${() => choose(value)}
          />
          <span>${value}${value === scale.min ? end(minLabel) : nothing}${value === scale.max ? end(maxLabel) : nothing}</span>
        </label>`,
      )}
    </div>
    ${minLabel || maxLabel
      ? html`<div class="scale-ends" aria-hidden="true"><span>${scale.min} = ${minLabel?.text ?? ''}</span><span>${scale.max} = ${maxLabel?.text ?? ''}</span></div>`
      : nothing}`;
}

/** The resident's answer, the results and their summary: the common results view's. */
export const renderMine = (ctx: PollContext) => ctx.results!.renderMine(ctx);
export const renderResults = (ctx: PollContext) => ctx.results!.renderResults(ctx);
export const resultsSummary = (ctx: PollContext) => ctx.results!.resultsSummary(ctx);
