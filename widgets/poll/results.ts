/**
 * What a poll shows once it cannot be answered here (the resident has voted, or it is closed):
 * the resident's own ballot in words, the results as text and bars, and the same results as one
 * sentence for the live region. Its own chunk, loaded only when first needed, so that a page
 * whose residents have not voted yet downloads and runs only the form. The loader starts it at
 * once on a browser that has voted before (core/preload.ts).
 */
import { css, html, nothing } from 'lit';
import type { Lang, Messages } from '../locales/messages.ts';
import type { PollView } from '../../worker/schema/polls.ts';
import { formatPercent } from '../core/format.ts';
import { Catalog, localized } from '../core/i18n.ts';
import { StoredValue } from '../core/storage.ts';
import type { ReceiptMessages } from './locales/messages.ts';

/** This view's own strings: loaded with it, so a page whose readers have not voted never downloads them. */
export const receiptMessages = new Catalog<ReceiptMessages>({
  fi: () => import('./locales/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  en: () => import('./locales/en.ts').then((m) => m.en),
});

const styles = css`
  .mine,
  .result-text {
    overflow-wrap: anywhere;
  }
  .mine {
    font-weight: 700;
  }
  .receipt code {
    font-size: 1.1em;
    letter-spacing: 0.05em;
    font-weight: 700;
    margin-inline-end: 0.5rem;
  }
  .receipt button {
    padding: 0.2rem 0.6rem;
    min-block-size: 2rem;
  }
  .sealed a {
    color: inherit;
  }
  .results {
    list-style: none;
    margin: 0.5rem 0 0.75rem;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  .result-text {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    flex-wrap: wrap;
  }
  .result-text .numbers {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .bar {
    block-size: 0.6rem;
    border-radius: 0.3rem;
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
    overflow: hidden;
    margin-block-start: 0.25rem;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    inline-size: var(--_share, 0%);
    background: var(--_accent);
    transition: inline-size 400ms ease-out;
  }
  @media (forced-colors: active) {
    .bar > span {
      background: CanvasText;
    }
  }
`;

/**
 * After each render: the results' styles join the element's (once), and each bar gets its width
 * through the CSSOM, not a style attribute, which a host page's strict Content-Security-Policy
 * (no 'unsafe-inline' styles) would block. Adopted style sheets are not subject to that policy.
 */
export function paint(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  for (const bar of root.querySelectorAll<HTMLElement>('[data-share]')) bar.style.setProperty('--_share', bar.dataset.share!);
}

/** The poll and how this element speaks. */
export interface PollContext {
  poll: PollView;
  t: Messages;
  language: Lang;
  /** The level of the question's heading; the results' is one below. */
  headingLevel: number;
  /** The API's origin and the site: where the verify page is, and whose receipts this device keeps. */
  apiBase: string;
  site: string;
}

const text = ({ poll, language }: PollContext, map: Partial<Record<Lang, string>>) => localized(map, language, poll.languages);

/** An option's label, or a scale value with its end's label ("5 – Erinomainen"). */
function resultLabel(ctx: PollContext, id: string) {
  const { poll } = ctx;
  if (poll.kind !== 'scale') {
    const option = poll.options.find((o) => o.id === id);
    return option ? text(ctx, option.label) : { text: id, lang: ctx.language };
  }
  const scale = poll.scale!;
  const end = id === String(scale.min) ? scale.minLabel : id === String(scale.max) ? scale.maxLabel : undefined;
  const endText = end ? text(ctx, end) : null;
  return { text: endText ? `${id} – ${endText.text}` : id, lang: endText?.lang ?? ctx.language };
}

/** "Your answer: …" and its receipt, or nothing when this browser has no ballot. */
export function renderMine(ctx: PollContext) {
  const ballot = ctx.poll.myBallot;
  if (!ballot) return nothing;
  const choices = ctx.poll.kind === 'scale' ? String(ballot.value) : (ballot.choices ?? []).map((id) => resultLabel(ctx, id).text).join(', ');
  return html`<p class="mine">${ctx.t.poll.yourBallot(choices)}</p>${ballot.receipt ? renderReceipt(ctx, ballot.receipt) : nothing}`;
}

/**
 * The ballot's receipt, copyable, and the receipts this device held before the ballot changed.
 * The device keeps them in the order it was given them, so a changed ballot's old receipt stays
 * on screen as replaced (the server keeps no link between them that anyone could read).
 */
function renderReceipt(ctx: PollContext, receipt: string) {
  const r = receiptMessages.get(ctx.language);
  const kept = new StoredValue<string[]>(`osallistu.receipts:${ctx.apiBase}:${ctx.site}:${ctx.poll.id}`);
  const known = kept.get() ?? [];
  if (known.at(-1) !== receipt) kept.set([...known.filter((code) => code !== receipt), receipt]);
  const replaced = known.filter((code) => code !== receipt);
  return html`<div class="receipt">
      <p>${r.receipt} <code>${receipt}</code>
        <button part="button" type="button" class="secondary" @click=${(event: Event) => void copy(event, receipt, r)}>${r.copyReceipt}</button>
        <span class="visually-hidden" aria-live="polite"></span></p>
      <p class="meta">${r.receiptHelp}</p>
      ${replaced.map((code) => html`<p class="meta replaced">${r.receiptReplaced(code)}</p>`)}
    </div>`;
}

/** Copies the receipt; where the browser refuses (an embedded frame may), selects it for the resident to copy. */
async function copy(event: Event, receipt: string, r: ReceiptMessages): Promise<void> {
  const button = event.currentTarget as HTMLElement;
  const status = button.nextElementSibling as HTMLElement;
  try {
    await navigator.clipboard.writeText(receipt);
    status.textContent = r.receiptCopied;
  } catch {
    const code = button.parentElement!.querySelector('code')!;
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = (button.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.textContent = r.receiptSelected;
  }
}

/** On a closed poll whose results are public: the link to the page that checks its sealed result. */
function renderSealed(ctx: PollContext) {
  const { poll, apiBase, site, language } = ctx;
  if (poll.state !== 'closed' || poll.resultsVisibility === 'never') return nothing;
  const url = `${apiBase}/embed/v1/frame/verify/${encodeURIComponent(poll.id)}?${new URLSearchParams({ site, lang: language })}`;
  return html`<p class="sealed"><a href=${url} target="_blank" rel="noopener">${receiptMessages.get(language).checkSealed}</a></p>`;
}

const optionResult = (ctx: PollContext, count: number, total: number) => ctx.t.poll.optionResult(ctx.t.votes(count), formatPercent(total ? count / total : 0, ctx.language));

/** The results as text and bars (or when they are not shown yet, when they will be), and a closed poll's sealed result. */
export function renderResults(ctx: PollContext) {
  return html`${renderTallies(ctx)}${renderSealed(ctx)}`;
}

function renderTallies(ctx: PollContext) {
  const { poll } = ctx;
  const t = ctx.t.poll;
  if (!poll.results) {
    const later = poll.resultsVisibility === 'always' ? '' : t.resultsLater[poll.resultsVisibility];
    return later && !(poll.resultsVisibility === 'after_vote' && !poll.myBallot && poll.state !== 'open') ? html`<p class="meta">${later}</p>` : nothing;
  }
  const { total, options } = poll.results;
  return html`<p class="question" role="heading" aria-level=${ctx.headingLevel + 1}>${t.results}</p>
    ${poll.kind === 'multiple' && poll.maxChoices > 1 ? html`<p class="meta">${t.sharesNote(poll.maxChoices)}</p>` : nothing}
    <ul class="results" part="results">
      ${options.map((option) => {
        const label = resultLabel(ctx, option.id);
        return html`<li>
          <div class="result-text">
            <span lang=${label.lang}>${label.text}</span>
            <span class="numbers">${optionResult(ctx, option.count, total)}</span>
          </div>
          <div class="bar" part="bar" aria-hidden="true"><span data-share=${`${((total ? option.count / total : 0) * 100).toFixed(1)}%`}></span></div>
        </li>`;
      })}
    </ul>
    <p class="meta">${t.total(total)}</p>`;
}

/** The results as one sentence, for the polite live region after a vote; '' when they are not shown. */
export function resultsSummary(ctx: PollContext): string {
  const results = ctx.poll.results;
  if (!results) return '';
  const parts = results.options.map((o) => `${resultLabel(ctx, o.id).text}: ${optionResult(ctx, o.count, results.total)}`);
  return `${ctx.t.poll.results}: ${parts.join('; ')}. ${ctx.t.poll.total(results.total)}.`;
}
