import type { Lang, Messages } from '../locales/messages.ts';

export const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

/**
 * Strings of one kind (the shared ones, or one widget's own) in every language, each language
 * its own chunk: a page downloads only the one it speaks, and only for the widgets it has.
 */
export class Catalog<T> {
  readonly #loaded = new Map<Lang, T>();
  readonly #loading = new Map<Lang, Promise<T>>();

  constructor(private readonly loaders: Record<Lang, () => Promise<T>>) {}

  load(lang: Lang): Promise<T> {
    let pending = this.#loading.get(lang);
    if (!pending) {
      pending = this.loaders[lang]().then((m) => (this.#loaded.set(lang, m), m));
      pending.catch(() => this.#loading.delete(lang));
      this.#loading.set(lang, pending);
    }
    return pending;
  }

  /** The strings of `lang`; only after `load(lang)` has resolved. */
  get(lang: Lang): T {
    const found = this.#loaded.get(lang);
    if (!found) throw new Error(`Osallistu: the ${lang} strings are not loaded yet`);
    return found;
  }

  has(lang: Lang): boolean {
    return this.#loaded.has(lang);
  }
}

/** The strings every widget shares (and the poll's). */
export const coreMessages = new Catalog<Messages>({
  fi: () => import('../locales/fi.ts').then((m) => m.fi),
  sv: () => import('../locales/sv.ts').then((m) => m.sv),
  en: () => import('../locales/en.ts').then((m) => m.en),
});

export const loadMessages = (lang: Lang): Promise<Messages> => coreMessages.load(lang);
export const messages = (lang: Lang): Messages => coreMessages.get(lang);
export const messagesLoaded = (lang: Lang): boolean => coreMessages.has(lang);

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
