import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { LocalizedValue } from '../../core/i18n.ts';
import type { Lang } from '../../locales/messages.ts';

/**
 * Content (a poll's question, a decision's title) inside the console's own text keeps its own
 * language: WCAG 3.1.2. Messages are plain functions of strings, so a marker goes in where the
 * content belongs and the text is cut there.
 */

/** `value` as it is when it is in `lang`, else in a span that says its language. */
export const inLang = (value: LocalizedValue, lang: Lang): string | TemplateResult =>
  value.lang === lang ? value.text : html`<span lang=${value.lang}>${value.text}</span>`;

/** `text` cut at each of `slots`' markers, with the slot's part in the marker's place (Lit renders the array). */
export function fill(text: string, slots: Record<string, unknown>): unknown[] {
  const markers = Object.keys(slots);
  if (!markers.length) return [text];
  return text.split(new RegExp(`(${markers.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`)).map((piece) => (Object.hasOwn(slots, piece) ? slots[piece] : piece));
}

/**
 * A hidden "Edit:" (the caller's text, colon included) for a button's `aria-labelledby="verb-id row-name-id"`: the action in the
 * console's language, then the row's name in its own. Hidden text still counts in a name.
 */
export const actionVerb = (id: string, text: string) => html`<span id=${id} hidden>${text}</span>`;

const CONTENT = '\u0001';

/** `message(content)` with the content in its own language: "Tulokset: <span lang="sv">Vad …</span>". */
export const withContent = (message: (content: string) => string, value: LocalizedValue, lang: Lang): unknown[] => fill(message(CONTENT), { [CONTENT]: inLang(value, lang) });
