import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { actionVerb } from './content-lang.ts';

/** One action in a row's menu. */
export interface MenuItem {
  label: string;
  run: () => unknown;
  /** Set as `data-action` on the item's button (tests and focus returns find it by this). */
  key?: string;
  /** Destructive (close, delete, revoke): shown in the error colour. */
  danger?: boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** The selector of the "More" button of the menu `id`, where focus returns after one of its actions. */
export const menuToggle = (id: string) => `button[data-menu="${CSS.escape(id)}"]`;

/**
 * A row's secondary actions behind one "More" button: a disclosure (`aria-expanded`,
 * `aria-controls`) over a list of buttons, rendered in the view's own shadow root. Enter or Space
 * opens it with focus on its first action, arrow keys, Home and End move between actions, Escape
 * closes it and focus returns to its button, as it does when an action is chosen (before the action
 * runs, so an action that moves focus elsewhere still may). One menu is open at a time per view;
 * a click or focus outside closes it.
 *
 *     #menus = new RowMenus(this);
 *     this.#menus.render(poll.id, at.ui.more, `poll-name-${poll.id}`, [{ label: at.editor.edit, key: 'edit', run: () => this.edit(poll) }])
 */
export class RowMenus implements ReactiveController {
  #open: string | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('click', this.#outside, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('click', this.#outside, true);
  }

  /** The id of the open menu, if one is. */
  get open(): string | null {
    return this.#open;
  }

  /** Closes the open menu (focus stays where it is). */
  close(): void {
    if (this.#open === null) return;
    this.#open = null;
    this.host.requestUpdate();
  }

  readonly #outside = (event: Event) => {
    if (this.#open === null) return;
    const menu = this.#element(this.#open);
    if (menu && !event.composedPath().includes(menu)) this.close();
  };

  #element(id: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`.menu[data-menu-of="${CSS.escape(id)}"]`);
  }

  #items(id: string): HTMLButtonElement[] {
    return [...(this.#element(id)?.querySelectorAll<HTMLButtonElement>('.menu-list button') ?? [])];
  }

  async #focusToggle(id: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(menuToggle(id))?.focus();
  }

  async #toggle(id: string): Promise<void> {
    const opening = this.#open !== id;
    this.#open = opening ? id : null;
    this.host.requestUpdate();
    if (!opening) return;
    await this.host.updateComplete;
    this.#items(id)[0]?.focus();
  }

  #keydown(id: string, event: KeyboardEvent): void {
    if (this.#open !== id) return;
    const items = this.#items(id);
    const at = items.indexOf((this.host.renderRoot as unknown as ShadowRoot).activeElement as HTMLButtonElement);
    let next: number | undefined;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#open = null;
      this.host.requestUpdate();
      void this.#focusToggle(id);
      return;
    }
    if (event.key === 'ArrowDown') next = at < 0 ? 0 : (at + 1) % items.length;
    else if (event.key === 'ArrowUp') next = at < 0 ? items.length - 1 : (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  }

  #focusout(id: string, event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    if (this.#open === id && to && !this.#element(id)?.contains(to)) this.close();
  }

  async #choose(id: string, item: MenuItem): Promise<void> {
    this.#open = null;
    this.host.requestUpdate();
    await this.#focusToggle(id);
    await item.run();
  }

  /**
   * The menu `id` (unique in the view, e.g. the row's item id): its button shows `text` ("More")
   * and is named "`text`: " followed by the element `rowNameId` (which row: "Lisää: Puistot").
   * The row's name is referenced, not copied, so it keeps its own `lang` (a Finnish question in a
   * Swedish console is read as Finnish). Its list holds `items`. Nothing when `items` is empty.
   */
  render(id: string, text: string, rowNameId: string, items: MenuItem[]): TemplateResult | typeof nothing {
    if (!items.length) return nothing;
    const open = this.#open === id;
    const listId = `menu-${id}`;
    const named = `${listId}-verb ${rowNameId}`;
    return html`<div class="menu" data-menu-of=${id} @keydown=${(e: KeyboardEvent) => this.#keydown(id, e)} @focusout=${(e: FocusEvent) => this.#focusout(id, e)}>
      ${actionVerb(`${listId}-verb`, `${text}:`)}
      <button part="button" type="button" class="secondary" data-menu=${id} aria-expanded=${open ? 'true' : 'false'} aria-controls=${listId} aria-labelledby=${named} @click=${() => void this.#toggle(id)}>
        ${text}
      </button>
      <ul class="menu-list" id=${listId} ?hidden=${!open} aria-labelledby=${named}>
        ${items.map(
          (item) => html`<li>
            <button part="button" type="button" class=${item.danger ? 'danger' : ''} data-action=${item.key ?? nothing} @click=${() => void this.#choose(id, item)}>${item.label}</button>
          </li>`,
        )}
      </ul>
    </div>`;
  }
}
