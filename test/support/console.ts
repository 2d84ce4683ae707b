/** Browser-side helpers for the officials' console's tests: the real console on the real API. */
import { expect, inject } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../widgets/admin/osallistu-admin.ts';
import { SITE } from './polls.ts';

/**
 * The console in a `<main lang>`, signed in to the demo site on the view `hash` names; answers
 * that view's element once it has rendered.
 */
export async function signedInView<K extends keyof HTMLElementTagNameMap>(tag: K, hash: string, options: { token?: string; lang?: string } = {}) {
  // A session left by an earlier test file in this tab would skip the sign-in.
  sessionStorage.clear();
  history.replaceState(null, '', `${location.pathname}#${hash}`);
  const main = document.createElement('main');
  main.lang = options.lang ?? 'fi';
  const el = document.createElement('osallistu-admin');
  el.setAttribute('api', location.origin);
  main.append(el);
  document.body.append(main);
  await expect.poll(() => el.shadowRoot?.querySelector('#token')).toBeTruthy();
  el.shadowRoot!.querySelector<HTMLInputElement>('#site')!.value = SITE;
  el.shadowRoot!.querySelector<HTMLInputElement>('#token')!.value = options.token ?? inject('devServer').token;
  el.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
  await expect.poll(() => el.shadowRoot!.querySelector(tag)?.shadowRoot?.firstElementChild).toBeTruthy();
  const view = el.shadowRoot!.querySelector(tag)! as HTMLElementTagNameMap[K];
  return { el, view, shadow: view.shadowRoot! };
}

/** Focuses `selector` in `root` and types `text` as a person would. */
export async function typeInto(root: ShadowRoot, selector: string, text: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`No ${selector}`);
  input.focus();
  await userEvent.keyboard(text);
}

/** Chooses `value` in the select `selector`: the value and the change event a choice makes. */
export function choose(root: ShadowRoot, selector: string, value: string): void {
  const select = root.querySelector<HTMLSelectElement>(selector);
  if (!select) throw new Error(`No ${selector}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Clears the session and the hash after a console test. */
export function resetConsole(): void {
  document.body.replaceChildren();
  sessionStorage.clear();
  history.replaceState(null, '', location.pathname);
}
