/**
 * A participatory budget poll: the resident picks projects whose costs fit the budget (of one
 * area, when it has areas), with a running total; the results show the votes per project and the
 * projects the votes fund. Its own chunk, loaded only on a page that has such a poll.
 *
 * Projects that no longer fit are marked so, never disabled (a disabled checkbox drops the focus
 * and hides itself from the Tab order); picking one shows what is wrong right there, and the
 * ballot is checked as a whole before it is sent.
 *
 * A project's image is shown only when it is on the host page's own site or the API's, so that
 * no third party learns of the visit.
 */
import { css, html, nothing } from 'lit';
import type { Lang } from '../../locales/messages.ts';
import { Catalog, localized } from '../../core/i18n.ts';
import type { PollView } from '../../../worker/schema/polls.ts';
import type { PollContext } from '../results.ts';
import type { BudgetMessages } from '../locales/budget/messages.ts';
import type { KindHost } from './kind.ts';

export const viewMessages = new Catalog<BudgetMessages>({
  fi: () => import('../locales/budget/fi.ts').then((m) => m.fi),
  sv: () => import('../locales/budget/sv.ts').then((m) => m.sv),
  en: () => import('../locales/budget/en.ts').then((m) => m.en),
});

const styles = css`
  .areas {
    margin: 0 0 1rem;
  }
  .areas legend {
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .areas .meta {
    margin: 0;
  }
  .projects {
    margin: 0 0 0.75rem;
  }
  .project {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.75rem;
    padding: 0.6rem 0.7rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .project:has(img) {
    grid-template-columns: 5.5rem 1fr;
  }
  .project:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .project img {
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
  }
  .project label {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    font-weight: 700;
    cursor: pointer;
  }
  .project p {
    margin: 0.25rem 0 0;
  }
  .project .error {
    margin: 0.35rem 0 0;
  }
  .cost,
  .budget-total,
  .numbers {
    font-variant-numeric: tabular-nums;
  }
  .fit {
    font-style: italic;
  }
  .fit::before {
    content: '– ';
  }
  .budget-total {
    position: sticky;
    inset-block-end: 0;
    z-index: 1;
    margin: 0 0 1rem;
    padding: 0.5rem 0.7rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--osallistu-surface, #ffffff);
  }
  :host(:state(dark)) .budget-total {
    background: var(--osallistu-surface, #121212);
  }
  .budget-total p {
    margin: 0;
  }
  .budget-total .over {
    color: var(--_error);
    font-weight: 700;
  }
  .badge {
    display: inline-block;
    padding: 0 0.4rem;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    font-weight: 700;
    font-size: 0.9em;
  }
  .badge::before {
    content: '✓ ';
  }
  .funded .bar > span {
    background: var(--_accent);
  }
  .results li:not(.funded) .bar > span {
    background: color-mix(in srgb, var(--_accent) 45%, transparent);
  }
  @media (forced-colors: active) {
    .project:has(input:checked) {
      border-color: Highlight;
    }
  }
`;

/** The kind's styles join the element's, once (adopted style sheets: a strict Content-Security-Policy allows them). */
function adopt(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const LOCALE: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
/** Whole euros in the language's own way: "340 000 €", "€340,000". */
const euros = (lang: Lang, amount: number) => new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);

type Project = PollView['options'][number];
/** An area's budget: `id` null for a budget without areas. */
interface Area {
  id: string | null;
  label?: Partial<Record<Lang, string>>;
  cap: number;
  minSpend?: number;
}

/** Per element: its radios' name, the area chosen (before any project is), the project picked last, the pending announcement. */
interface State {
  name: string;
  area?: string | null;
  last?: string;
  timer?: ReturnType<typeof setTimeout>;
}
const states = new WeakMap<object, State>();
/** Radios of two polls on one page (the console's side-by-side previews) never share a name, as the element's own. */
let instances = 0;
const stateOf = (host: object) => states.get(host) ?? (states.set(host, { name: `osallistu-area-${++instances}` }), states.get(host)!);

const text = (ctx: PollContext, map: Partial<Record<Lang, string>> | undefined) => localized(map, ctx.language, ctx.poll.languages);
const hostOf = (ctx: PollContext) => ctx.host as KindHost;

function areas(poll: PollView): Area[] {
  const budget = poll.budget ?? {};
  return budget.areas ?? [{ id: null, cap: budget.cap ?? 0, ...(budget.minSpend !== undefined ? { minSpend: budget.minSpend } : {}) }];
}

/** The area the ballot is in: that of its projects, else the one chosen, else the only one; undefined until one is chosen. */
function currentArea(ctx: PollContext): Area | undefined {
  const all = areas(ctx.poll);
  if (all.length === 1) return all[0];
  const first = ctx.poll.options.find((o) => o.id === hostOf(ctx).choices[0]);
  const id = first ? first.area : stateOf(ctx.host).area;
  return all.find((a) => a.id === id);
}

const projectsIn = (poll: PollView, area: Area) => poll.options.filter((o) => (o.area ?? null) === area.id);
const picked = (ctx: PollContext) => ctx.poll.options.filter((o) => hostOf(ctx).choices.includes(o.id));
const spent = (projects: Project[]) => projects.reduce((sum, p) => sum + (p.cost ?? 0), 0);

/** Whether an image is on the host page's site or the API's: anything else would tell a third party of the visit. */
function ownImage(url: string, apiBase: string): boolean {
  try {
    const origin = new URL(url).origin;
    return origin === location.origin || origin === new URL(apiBase, location.href).origin;
  } catch {
    return false;
  }
}

export function hint(ctx: PollContext): string {
  const r = viewMessages.get(ctx.language);
  const { budget } = ctx.poll;
  const parts = [budget?.areas ? r.hintAreas : r.hint(euros(ctx.language, budget?.cap ?? 0))];
  if (budget?.minSpend) parts.push(r.hintMin(euros(ctx.language, budget.minSpend)));
  if (budget?.maxProjects) parts.push(r.hintMax(budget.maxProjects));
  return parts.join(' ');
}

/** What is wrong with the ballot as a whole, or ''. Asked as the ballot is sent: the total still to be read out is not (the error or the thanks is). */
export function validate(ctx: PollContext): string {
  clearTimeout(stateOf(ctx.host).timer);
  const r = viewMessages.get(ctx.language);
  const area = currentArea(ctx);
  if (!area) return r.errorNoArea;
  const chosen = picked(ctx);
  const total = spent(chosen);
  const money = (n: number) => euros(ctx.language, n);
  if (!chosen.length) return r.errorNone;
  if (total > area.cap) return r.errorOverCap(money(total), money(area.cap));
  if (area.minSpend && total < area.minSpend) return r.errorUnderMin(money(area.minSpend), money(total));
  const max = ctx.poll.budget?.maxProjects;
  if (max && chosen.length > max) return r.errorTooMany(max);
  return '';
}

/** What the project picked last does wrong, said at it: over the cap, or one too many. */
function pickProblem(ctx: PollContext, area: Area): string {
  const r = viewMessages.get(ctx.language);
  const chosen = picked(ctx);
  const over = spent(chosen) - area.cap;
  if (over > 0) return r.pickOverCap(euros(ctx.language, over));
  const max = ctx.poll.budget?.maxProjects;
  return max && chosen.length > max ? r.pickTooMany(max) : '';
}

/** The running total in words: picked, and what is left (or how far over). */
function totalText(ctx: PollContext, area: Area): [string, string, boolean] {
  const r = viewMessages.get(ctx.language);
  const money = (n: number) => euros(ctx.language, n);
  const chosen = picked(ctx);
  const total = spent(chosen);
  const over = total > area.cap;
  return [r.picked(chosen.length, money(total)), over ? r.over(money(total - area.cap), money(area.cap)) : r.left(money(area.cap - total), money(area.cap)), over];
}

/** Reads out the total once the resident has stopped changing their picks for a moment, not at every change. */
function settle(ctx: PollContext, area: Area): void {
  const state = stateOf(ctx.host);
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    const problem = pickProblem(ctx, area);
    hostOf(ctx).announcement = [...totalText(ctx, area).slice(0, 2), problem].filter(Boolean).join(' ');
  }, 700);
}

function chooseArea(ctx: PollContext, area: Area): void {
  const host = hostOf(ctx);
  const state = stateOf(host);
  const cleared = host.choices.length > 0;
  clearTimeout(state.timer);
  state.area = area.id;
  state.last = undefined;
  host.choices = [];
  host.fieldError = '';
  host.announcement = viewMessages.get(ctx.language).areaChosen(text(ctx, area.label).text, cleared);
}

function toggle(ctx: PollContext, area: Area, project: Project, event: Event): void {
  const host = hostOf(ctx);
  const on = (event.target as HTMLInputElement).checked;
  const state = stateOf(host);
  state.last = on ? project.id : state.last === project.id ? undefined : state.last;
  host.choices = on ? [...host.choices, project.id] : host.choices.filter((id) => id !== project.id);
  host.fieldError = '';
  settle(ctx, area);
}

export function renderBallot(ctx: PollContext) {
  const host = hostOf(ctx);
  adopt(host.renderRoot);
  const r = viewMessages.get(ctx.language);
  const all = areas(ctx.poll);
  const area = currentArea(ctx);
  return html`${all.length > 1
      ? html`<fieldset class="areas">
          <legend>${r.chooseArea}</legend>
          <div class="options">
            ${all.map((a) => {
              const label = text(ctx, a.label);
              return html`<label class="option">
                <input type="radio" name=${stateOf(host).name} required .value=${a.id ?? ''} .checked=${area === a} aria-invalid=${host.fieldError && !area ? 'true' : 'false'} @change=${() => chooseArea(ctx, a)} />
                <span><span lang=${label.lang}>${label.text}</span> <span class="meta">(${r.areaCap(euros(ctx.language, a.cap))})</span></span>
              </label>`;
            })}
          </div>
        </fieldset>`
      : nothing}
    ${area ? renderProjects(ctx, area) : html`<p class="meta">${r.chooseAreaFirst}</p>`}`;
}

function renderProjects(ctx: PollContext, area: Area) {
  const host = hostOf(ctx);
  const r = viewMessages.get(ctx.language);
  const money = (n: number) => euros(ctx.language, n);
  const left = area.cap - spent(picked(ctx));
  const last = stateOf(host).last;
  const problem = last ? pickProblem(ctx, area) : '';
  const [pickedText, leftText, over] = totalText(ctx, area);
  // Under the total: an area's own minimum spend (without areas, the hint says it).
  return html`<div class="options projects">
      ${projectsIn(ctx.poll, area).map((p) => {
        const id = (part: string) => `${ctx.poll.id}-${p.id}-${part}`;
        const chosen = host.choices.includes(p.id);
        const label = text(ctx, p.label);
        const description = p.description ? text(ctx, p.description) : null;
        const fits = chosen || (p.cost ?? 0) <= left;
        const error = chosen && p.id === last ? problem : '';
        const alt = p.imageAlt ? text(ctx, p.imageAlt) : null;
        const describedBy = [id('cost'), description ? id('description') : '', fits ? '' : id('fit'), error ? id('error') : ''].filter(Boolean).join(' ');
        return html`<div class="project">
          ${p.image && ownImage(p.image, ctx.apiBase)
            ? html`<img src=${p.image} alt=${alt?.text ?? ''} lang=${alt?.lang ?? nothing} width="160" height="120" loading="lazy" decoding="async" />`
            : nothing}
          <div>
            <label for=${id('pick')}>
              <input
                type="checkbox"
                id=${id('pick')}
                .value=${p.id}
                .checked=${chosen}
                aria-invalid=${host.fieldError || error ? 'true' : 'false'}
                aria-describedby=${describedBy}
                @change=${(event: Event) => toggle(ctx, area, p, event)}
              />
              <span lang=${label.lang}>${label.text}</span>
            </label>
            <p class="cost" id=${id('cost')}>${r.cost(money(p.cost ?? 0))}</p>
            ${description ? html`<p class="description" id=${id('description')} lang=${description.lang}>${description.text}</p>` : nothing}
            ${fits ? nothing : html`<p class="fit meta" id=${id('fit')}>${r.doesNotFit}</p>`}
            ${error ? html`<p class="error" id=${id('error')}><span class="visually-hidden">${ctx.t.poll.errorPrefix}</span> ${error}</p>` : nothing}
          </div>
        </div>`;
      })}
    </div>
    <div class="budget-total">
      <p>${pickedText}</p>
      <p class=${over ? 'over' : ''}>${leftText}</p>
      ${area.minSpend && area.id !== null ? html`<p class="meta">${r.hintMin(money(area.minSpend))}</p>` : nothing}
    </div>`;
}

const label = (ctx: PollContext, id: string) => {
  const project = ctx.poll.options.find((o) => o.id === id);
  return project ? text(ctx, project.label) : { text: id, lang: ctx.language };
};

/** "Your projects: Park lights, Benches (€450,000 in all)" and the receipt. */
export function renderMine(ctx: PollContext) {
  const ballot = ctx.poll.myBallot;
  if (!ballot) return nothing;
  const r = viewMessages.get(ctx.language);
  const ids = ballot.choices ?? [];
  const total = spent(ctx.poll.options.filter((o) => ids.includes(o.id)));
  const list = ids.map((id) => label(ctx, id).text).join(', ');
  return html`<p class="mine">${r.yourPicks(list, euros(ctx.language, total))}</p>${ballot.receipt ? ctx.results!.renderReceipt(ctx, ballot.receipt) : nothing}`;
}

/** Votes per project, the funded ones marked in words, spent of the cap per area, and the rule. */
export function renderResults(ctx: PollContext) {
  const { poll } = ctx;
  if (!poll.results) return ctx.results!.renderResults(ctx); // when they will be shown, and the seal and the case
  adopt(hostOf(ctx).renderRoot);
  const r = viewMessages.get(ctx.language);
  const t = ctx.t.poll;
  const { total, options, funded = [] } = poll.results;
  const votes = new Map(options.map((o) => [o.id, o.count]));
  const money = (n: number) => euros(ctx.language, n);
  const level = ctx.headingLevel + 1;
  return html`<p class="question" role="heading" aria-level=${level}>${t.results}</p>
    <p class="meta">${r.rule}</p>
    ${areas(poll).map((area) => {
      const outcome = funded.find((f) => f.area === area.id);
      const fundedIds = outcome?.funded ?? [];
      const projects = projectsIn(poll, area).sort((a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0));
      const areaLabel = area.label ? text(ctx, area.label) : null;
      return html`${areaLabel ? html`<p class="question" role="heading" aria-level=${level + 1} lang=${areaLabel.lang}>${areaLabel.text}</p>` : nothing}
        ${outcome ? html`<p>${r.spentOf(money(outcome.spent), money(outcome.cap))}</p>` : nothing}
        <ul class="results" part="results">
          ${projects.map((p) => {
            const count = votes.get(p.id) ?? 0;
            const name = text(ctx, p.label);
            const isFunded = fundedIds.includes(p.id);
            return html`<li class=${isFunded ? 'funded' : ''}>
              <div class="result-text">
                <span><span lang=${name.lang}>${name.text}</span>${isFunded ? html` <span class="badge">${r.funded}</span>` : nothing}</span>
                <span class="numbers">${r.projectResult(ctx.t.votes(count), money(p.cost ?? 0))}</span>
              </div>
              <div class="bar" part="bar" aria-hidden="true"><span data-share=${`${((total ? count / total : 0) * 100).toFixed(1)}%`}></span></div>
            </li>`;
          })}
        </ul>`;
    })}
    <p class="meta">${t.total(total)}</p>
    ${ctx.results!.renderFollowUp(ctx)}`;
}

/** "Funded: Park lights, Benches." for the live region after a vote. */
export function resultsSummary(ctx: PollContext): string {
  const funded = ctx.poll.results?.funded;
  if (!funded) return '';
  const r = viewMessages.get(ctx.language);
  const ids = funded.flatMap((f) => f.funded);
  return ids.length ? r.summary(ids.map((id) => label(ctx, id).text).join(', ')) : r.noneFunded;
}
