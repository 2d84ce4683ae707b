import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from '../locales/messages.ts';

/**
 * What every widget says about how it is embedded rather than about its content: the API refused
 * the page's origin (a notice for the web editor, with the element's own fallback content kept
 * visible through the slot), or the browser refused storage (a sandboxed frame), so the answer
 * cannot be remembered on this device. In the shared chunk, so no widget's own chunk grows.
 */
export function originNotice(t: Messages, origin: string, site: string): TemplateResult {
  return html`<p class="notice" part="origin-notice">${t.originRefused(origin, site)}</p>
    <slot></slot>`;
}

/** The widget's `view` with, under it when storage was `refused`, the line saying this embedded view cannot remember the answer. */
export function withStorageNotice(t: Messages, view: unknown, refused: boolean): TemplateResult {
  return html`${view}${refused ? html`<p class="hint" part="storage-notice">${t.storageRefused}</p>` : nothing}`;
}
