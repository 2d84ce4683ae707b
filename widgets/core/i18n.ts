import { en } from '../locales/en.ts';
import { fi } from '../locales/fi.ts';
import type { Lang, Messages } from '../locales/messages.ts';
import { sv } from '../locales/sv.ts';

export const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];
const MESSAGES: Record<Lang, Messages> = { fi, sv, en };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** "sv-FI" → "sv"; anything we do not speak → undefined. */
export function normalizeLang(value: string | null | undefined): Lang | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === primary);
}

/**
 * The `lang` that applies to `element`: its own attribute, else the nearest ancestor's, also
 * across shadow roots. Values we do not speak count as unset.
 */
export function pageLang(element: Element): Lang | undefined {
  let node: Element | null = element;
  while (node) {
    const own = node.getAttribute('lang');
    if (own) return normalizeLang(own);
    const parent: Element | null = node.parentElement;
    const root = node.getRootNode();
    node = parent ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return undefined;
}

/** Element or page language, else the site's default, else Finnish. */
export function resolveLang(element: Element, siteDefault?: Lang): Lang {
  return pageLang(element) ?? siteDefault ?? 'fi';
}

export interface LocalizedValue {
  text: string;
  /** The language the text is really in; differs from the wanted one after a fallback. */
  lang: Lang;
}

/**
 * Picks content (a poll's question, a form's label) in `lang`, falling back to the site's
 * languages in order. Render the result with its own `lang` so a screen reader pronounces a
 * Finnish fallback on a Swedish page as Finnish.
 */
export function localized(map: Partial<Record<Lang, string>> | undefined, lang: Lang, fallbacks: readonly Lang[] = LANGS): LocalizedValue {
  for (const candidate of [lang, ...fallbacks, ...LANGS]) {
    const text = map?.[candidate];
    if (text) return { text, lang: candidate };
  }
  return { text: '', lang };
}
