/** WCAG 1.4.10 reflow, measured in a rendered console view: what the 320 px tests assert. */
import { expect } from 'vitest';

/** Inside a visually hidden part (a table's header row on a phone): clipped to nothing, so it cannot widen the page. */
function clipped(node: HTMLElement): boolean {
  for (let at: HTMLElement | null = node.parentElement; at; at = at.parentElement) {
    if (at.getBoundingClientRect().width <= 1 && getComputedStyle(at).overflow !== 'visible') return true;
  }
  return false;
}

/**
 * Nothing scrolls sideways (WCAG 1.4.10): not the page, not the view, and no element of the view
 * (menus and hidden parts aside, which have no size) reaches past the view's edges.
 */
export function expectNoSidewaysScroll(el: HTMLElement) {
  const view = el.getBoundingClientRect();
  const wide = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter((node) => {
      const box = node.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || clipped(node)) return false;
      return box.left < view.left - 0.5 || box.right > view.right + 0.5 || (!['input', 'textarea', 'select'].includes(node.localName) && node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible');
    })
    .map((node) => `${node.localName}${node.id ? `#${node.id}` : ''}.${node.className}: ${Math.round(node.getBoundingClientRect().width)} px`);
  expect(wide, `wider than the ${Math.round(view.width)} px view`).toEqual([]);
  const root = document.documentElement;
  expect(root.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(root.clientWidth);
  expect(el.scrollWidth, 'the view scrolls sideways').toBeLessThanOrEqual(el.clientWidth);
}
