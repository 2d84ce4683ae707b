/**
 * The poll editor's fields for a participatory budget: the budget (a cap, or areas with caps of
 * their own), and each project's cost, description, area and image. Drawn by the editor with
 * its own helpers (`FieldKit`), so the server's word on `['options', 2, 'cost']` or
 * `['budget', 'areas', 0, 'cap']` lands at that very field.
 */
import { html, nothing } from 'lit';
import type { PollBudget, PollView } from '../../worker/schema/polls.ts';
import { localized } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { filled } from './admin-editor.ts';
import type { Choice, LabelList, Texts } from './admin-editor.ts';
import type { AdminMessages } from './locales/messages.ts';

type OptionView = PollView['options'][number];

/** An option as edited: every field a project has (an option of another kind uses its id, label and description). Sums as typed. */
export interface OptionDraft extends Choice {
  description: Texts;
  cost: string;
  /** The key of the area the project is in (AreaDraft.key); empty for none. */
  area: string;
  image: string;
  imageAlt: Texts;
}

/** A budget area as edited; projects point to its `key`, so its id can be retyped without losing them. */
export interface AreaDraft extends Choice {
  key: string;
  cap: string;
  minSpend: string;
}

let keys = 0;
/** A new area's key: "#" is never in an id, so no stored area's key (its id) is ever the same. */
const newKey = () => `#${++keys}`;
const blankArea = (id: string): AreaDraft => ({ key: newKey(), id, label: {}, cap: '', minSpend: '' });

export interface BudgetDraft {
  hasAreas: boolean;
  cap: string;
  minSpend: string;
  maxProjects: string;
  areas: AreaDraft[];
}

/** The editor's helpers the budget's fields use (AdminEditor's, bound to it). */
export interface FieldKit {
  languages: Lang[];
  languageName: (lang: Lang) => string;
  issueFor: (path: string) => unknown;
  invalid: (path: string, lang?: Lang) => unknown;
  describedBy: (hint: string | undefined, path: string, lang?: Lang) => unknown;
  labelList: <T extends Choice>(list: LabelList<T>) => unknown;
  at: AdminMessages;
  /** The console's language. */
  language: Lang;
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));
/** A typed sum as the API takes it: a number, or left out when empty (the server then says it is missing). */
const sum = (typed: string): number | undefined => (typed.trim() === '' || !Number.isFinite(Number(typed)) ? undefined : Number(typed));
const some = (map: Texts) => Object.values(map).some((t) => t?.trim());

export const optionDraftOf = (o: OptionView): OptionDraft => ({
  id: o.id,
  label: { ...o.label },
  description: { ...(o.description ?? {}) },
  cost: text(o.cost),
  area: o.area ?? '',
  image: o.image ?? '',
  imageAlt: { ...(o.imageAlt ?? {}) },
});

export const blankOption = (id: string, area = ''): OptionDraft => ({ id, label: {}, description: {}, cost: '', area, image: '', imageAlt: {} });

export function budgetDraftOf(budget?: PollBudget): BudgetDraft {
  return {
    hasAreas: Boolean(budget?.areas),
    cap: text(budget?.cap),
    minSpend: text(budget?.minSpend),
    maxProjects: text(budget?.maxProjects),
    areas: budget?.areas?.map((a) => ({ key: a.id, id: a.id, label: { ...a.label }, cap: text(a.cap), minSpend: text(a.minSpend) })) ?? [],
  };
}

/** An option as sent: a project with all its fields, another kind's option with its label (and a description it has). */
export function optionOut(o: OptionDraft, budget: BudgetDraft | null): OptionView {
  const description = filled(o.description);
  const out: OptionView = { id: o.id, label: filled(o.label), ...(some(description) ? { description } : {}) };
  if (!budget) return out;
  const cost = sum(o.cost);
  const imageAlt = filled(o.imageAlt);
  const area = budget.hasAreas ? budget.areas.find((a) => a.key === o.area) : undefined;
  return {
    ...out,
    ...(cost !== undefined ? { cost } : {}),
    ...(area ? { area: area.id } : {}),
    ...(o.image.trim() ? { image: o.image.trim() } : {}),
    ...(o.image.trim() && some(imageAlt) ? { imageAlt } : {}),
  };
}

/** The budget as sent: a cap, or areas each with their own (the two never together). */
export function budgetOut(b: BudgetDraft): PollBudget {
  const optional = (key: string, typed: string) => (sum(typed) !== undefined ? { [key]: sum(typed) } : {});
  return {
    ...(b.hasAreas
      ? // An area's cap left empty is left out, and the server says so at that area's field.
        { areas: b.areas.map((a) => ({ id: a.id, label: filled(a.label), ...optional('cap', a.cap), ...optional('minSpend', a.minSpend) }) as NonNullable<PollBudget['areas']>[number]) }
      : { ...optional('cap', b.cap), ...optional('minSpend', b.minSpend) }),
    ...optional('maxProjects', b.maxProjects),
  };
}

/** Texts missing in `lang`: each project's name, and the description, image text and area names given in another language. */
export function budgetMissing(options: OptionDraft[], budget: BudgetDraft, lang: Lang, name: string, t: AdminMessages['pollKinds']['budget']): string[] {
  const out: string[] = [];
  const lacks = (map: Texts) => !map[lang]?.trim();
  options.forEach((o, i) => {
    if (lacks(o.label)) out.push(t.missingProject(i + 1, name));
    if (some(o.description) && lacks(o.description)) out.push(t.missingDescription(i + 1, name));
    if (o.image.trim() && lacks(o.imageAlt)) out.push(t.missingImageAlt(i + 1, name));
  });
  if (budget.hasAreas) budget.areas.forEach((a, i) => lacks(a.label) && out.push(t.missingArea(i + 1, name)));
  return out;
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** A whole-euro field with its label and the server's word on `path`. */
function euros(kit: FieldKit, id: string, label: string, path: string, typed: string, set: (typed: string) => void, hint?: string) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id=${`${id}-help`}>${hint}</p>` : nothing}
    <input id=${id} type="number" inputmode="numeric" min="1" step="1" .value=${typed} aria-invalid=${kit.invalid(path)} aria-describedby=${kit.describedBy(hint ? `${id}-help` : undefined, path)} @input=${(e: Event) => set(value(e))} />
    ${kit.issueFor(path)}
  </div>`;
}

/**
 * The budget's own fields: its cap, or (with "The budget has areas") the areas list; the minimum
 * spend and the most projects per answer. `set` is given the projects too when their areas change.
 */
export function renderBudgetFields(kit: FieldKit, budget: BudgetDraft, options: OptionDraft[], set: (budget: BudgetDraft, options?: OptionDraft[]) => void) {
  const t = kit.at.pollKinds.budget;
  const patch = (p: Partial<BudgetDraft>) => set({ ...budget, ...p });
  /** Areas changed: a project in an area that went is in none (the official chooses again). */
  const setAreas = (areas: AreaDraft[]) => {
    const kept = new Set(areas.map((a) => a.key));
    set({ ...budget, areas }, options.map((o) => (o.area && !kept.has(o.area) ? { ...o, area: '' } : o)));
  };
  const toggleAreas = (hasAreas: boolean) => {
    const areas = hasAreas && !budget.areas.length ? [blankArea('a')] : budget.areas;
    // Projects go to the first area until placed elsewhere.
    set({ ...budget, hasAreas, areas }, hasAreas ? options.map((o) => (o.area ? o : { ...o, area: areas[0]!.key })) : options);
  };
  return html`<fieldset class="field">
    <legend>${t.legend}</legend>
    <p class="hint">${t.help}</p>
    <div class="field">
      <label class="option"><input type="checkbox" id="has-areas" aria-describedby="has-areas-help" .checked=${budget.hasAreas} @change=${(e: Event) => toggleAreas((e.target as HTMLInputElement).checked)} /> ${t.hasAreas}</label>
      <p class="hint" id="has-areas-help">${t.hasAreasHelp}</p>
    </div>
    ${budget.hasAreas
      ? kit.labelList<AreaDraft>({
          id: 'area',
          path: 'budget.areas',
          legend: t.areas,
          items: budget.areas,
          label: (j, language) => t.areaLabel(j + 1, language),
          remove: (j) => t.removeArea(j + 1),
          add: t.addArea,
          min: 1,
          max: 30,
          reserved: [],
          labelMax: 100,
          make: blankArea,
          set: (areas) => setAreas(areas),
          extra: (j) => {
            const area = budget.areas[j]!;
            const setArea = (p: Partial<AreaDraft>) => budget.areas.map((a, k) => (k === j ? { ...a, ...p } : a));
            return html`<div class="field">
                <label for=${`area-${j}-id`}>${t.areaId(j + 1)}</label>
                <p class="hint" id=${`area-${j}-id-help`}>${t.areaIdHelp}</p>
                <input id=${`area-${j}-id`} .value=${area.id} maxlength="40" autocomplete="off" spellcheck="false" aria-invalid=${kit.invalid(`budget.areas.${j}.id`)} aria-describedby=${kit.describedBy(`area-${j}-id-help`, `budget.areas.${j}.id`)} @input=${(e: Event) => setAreas(setArea({ id: value(e).trim() }))} />
                ${kit.issueFor(`budget.areas.${j}.id`)}
              </div>
              ${euros(kit, `area-${j}-cap`, t.areaCap(j + 1), `budget.areas.${j}.cap`, area.cap, (cap) => setAreas(setArea({ cap })))}
              ${euros(kit, `area-${j}-min`, t.areaMinSpend(j + 1), `budget.areas.${j}.minSpend`, area.minSpend, (minSpend) => setAreas(setArea({ minSpend })))}`;
          },
        })
      : html`${euros(kit, 'budget-cap', t.cap, 'budget.cap', budget.cap, (cap) => patch({ cap }), t.capHelp)}
        ${euros(kit, 'budget-min', t.minSpend, 'budget.minSpend', budget.minSpend, (minSpend) => patch({ minSpend }))}`}
    ${euros(kit, 'budget-max-projects', t.maxProjects, 'budget.maxProjects', budget.maxProjects, (maxProjects) => patch({ maxProjects }))}
    ${kit.issueFor('budget')}
  </fieldset>`;
}

/** A project's fields after its name: cost, description, area, image and what the image shows. */
export function renderProjectFields(kit: FieldKit, j: number, options: OptionDraft[], budget: BudgetDraft, setOptions: (options: OptionDraft[]) => void) {
  const t = kit.at.pollKinds.budget;
  const o = options[j]!;
  const path = `options.${j}`;
  const patch = (p: Partial<OptionDraft>) => setOptions(options.map((x, k) => (k === j ? { ...x, ...p } : x)));
  const perLanguage = (field: 'description' | 'imageAlt', id: string, label: (lang: Lang) => string, max: number, multiline: boolean) =>
    kit.languages.map((lang) => {
      const attrs = { id: `${id}-${lang}`, invalid: kit.invalid(`${path}.${field}`, lang), described: kit.describedBy(undefined, `${path}.${field}`, lang) };
      const input = (e: Event) => patch({ [field]: { ...o[field], [lang]: value(e) } });
      return html`<label for=${attrs.id}>${label(lang)}</label>
        ${multiline
          ? html`<textarea id=${attrs.id} lang=${lang} rows="3" maxlength=${max} aria-invalid=${attrs.invalid} aria-describedby=${attrs.described} .value=${o[field][lang] ?? ''} @input=${input}></textarea>`
          : html`<input id=${attrs.id} lang=${lang} maxlength=${max} aria-invalid=${attrs.invalid} aria-describedby=${attrs.described} .value=${o[field][lang] ?? ''} @input=${input} />`}`;
    });
  return html`${euros(kit, `project-${j}-cost`, t.cost(j + 1), `${path}.cost`, o.cost, (cost) => patch({ cost }))}
    <div class="field">${perLanguage('description', `project-${j}-description`, (lang) => t.description(j + 1, kit.languageName(lang)), 600, true)} ${kit.issueFor(`${path}.description`)}</div>
    ${budget.hasAreas
      ? html`<div class="field">
          <label for=${`project-${j}-area`}>${t.area(j + 1)}</label>
          <select id=${`project-${j}-area`} aria-invalid=${kit.invalid(`${path}.area`)} aria-describedby=${kit.describedBy(undefined, `${path}.area`)} @change=${(e: Event) => patch({ area: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!budget.areas.some((a) => a.key === o.area)}>${t.chooseArea}</option>
            ${budget.areas.map((a) => {
              const name = localized(filled(a.label), kit.language, kit.languages);
              return html`<option value=${a.key} lang=${name.text && name.lang !== kit.language ? name.lang : nothing} ?selected=${a.key === o.area}>${name.text || a.id}</option>`;
            })}
          </select>
          ${kit.issueFor(`${path}.area`)}
        </div>`
      : nothing}
    <div class="field">
      <label for=${`project-${j}-image`}>${t.image(j + 1)}</label>
      <p class="hint" id=${`project-${j}-image-help`}>${t.imageHelp}</p>
      <input id=${`project-${j}-image`} type="url" inputmode="url" maxlength="500" autocomplete="off" spellcheck="false" .value=${o.image} aria-invalid=${kit.invalid(`${path}.image`)} aria-describedby=${kit.describedBy(`project-${j}-image-help`, `${path}.image`)} @input=${(e: Event) => patch({ image: value(e) })} />
      ${kit.issueFor(`${path}.image`)}
      ${o.image.trim() ? html`${perLanguage('imageAlt', `project-${j}-alt`, (lang) => t.imageAlt(j + 1, kit.languageName(lang)), 200, false)} ${kit.issueFor(`${path}.imageAlt`)}` : nothing}
    </div>`;
}
