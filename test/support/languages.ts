/**
 * Finds text shown in one language inside an element marked (or inherited) as another: WCAG 3.1.2,
 * language of parts. A screen reader reads a Swedish word on a Finnish page with Finnish
 * pronunciation unless the word carries `lang="sv"`.
 *
 * A word "belongs" to a language when it occurs in that language's strings and in neither of the
 * others'. The strings are every widget's and the console's message catalogues (functions are
 * called with sample arguments to get their words) and any content the test adds (a poll's
 * question in three languages, say).
 */
type Lang = 'fi' | 'sv' | 'en';
const LANGS: Lang[] = ['fi', 'sv', 'en'];

const catalogues = import.meta.glob<Record<string, unknown>>('../../widgets/**/locales/**/{fi,sv,en}.ts', { eager: true });

const SAMPLE_ARGS: unknown[][] = [[], [3], [3, 5], ['x'], ['x', 'y'], [3, 'x'], ['x', 3], [3, true], [1, false, 'x']];

function stringsIn(value: unknown, out: string[], depth = 0): void {
  if (depth > 6 || value == null) return;
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'function') {
    for (const args of SAMPLE_ARGS) {
      try {
        stringsIn((value as (...a: unknown[]) => unknown)(...args), out, depth + 1);
      } catch {
        // Not these arguments; another sample may fit.
      }
    }
  } else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out, depth + 1));
  else if (typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, out, depth + 1));
}

/** Strings under `fi`/`sv`/`en` keys anywhere in `content` (test data, seed data). */
function localizedIn(content: unknown, out: Record<Lang, string[]>, depth = 0): void {
  if (depth > 8 || content == null || typeof content !== 'object') return;
  for (const [key, value] of Object.entries(content)) {
    if ((LANGS as string[]).includes(key) && typeof value === 'string') out[key as Lang].push(value);
    else localizedIn(value, out, depth + 1);
  }
}

const words = (text: string) => text.toLowerCase().match(/\p{L}[\p{L}-]{3,}/gu) ?? [];

export class LanguageWords {
  readonly #owner = new Map<string, Lang | null>();

  constructor(content: unknown[] = []) {
    const texts: Record<Lang, string[]> = { fi: [], sv: [], en: [] };
    for (const [path, module] of Object.entries(catalogues)) {
      const lang = path.match(/\/(fi|sv|en)\.ts$/)![1] as Lang;
      stringsIn(module[lang], texts[lang]);
    }
    for (const item of content) localizedIn(item, texts);
    // Dates are formatted by Intl, not from the catalogues: their month names belong to each language too.
    for (const lang of LANGS) texts[lang].push(...monthNames(lang));
    for (const lang of LANGS) {
      for (const word of new Set(texts[lang].flatMap(words))) {
        const seen = this.#owner.get(word);
        this.#owner.set(word, seen === undefined || seen === lang ? lang : null);
      }
    }
  }

  /** The language `word` belongs to alone, if any. */
  owner(word: string): Lang | undefined {
    return this.#owner.get(word.toLowerCase()) ?? undefined;
  }

  /**
   * Every text and accessible attribute under `root` (across shadow roots) with a word of another
   * language than the one in effect there. Code samples are left out: they are in no language.
   */
  mismatches(root: Element): string[] {
    const found: string[] = [];
    const check = (text: string, where: Element, what: string) => {
      const inEffect = effectiveLang(where);
      for (const word of words(text)) {
        const owner = this.owner(word);
        if (owner && owner !== inEffect) {
          found.push(`${what} "${text.trim().slice(0, 80)}" has the ${owner} word "${word}" where lang is ${inEffect ?? 'unset'} (${describe(where)})`);
          return;
        }
      }
    };
    const visit = (node: Node) => {
      if (node instanceof Element) {
        if (node.matches('style, script, template, code, pre, kbd, samp')) return;
        if (!node.checkVisibility()) return;
        for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext']) {
          const value = node.getAttribute(attribute);
          if (value) check(value, node, attribute);
        }
        // aria-labelledby / aria-describedby names are built from the referenced elements, which
        // carry their own lang and are visited where they stand.
        if (node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
      } else if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim() && node.parentElement) {
        check(node.textContent, node.parentElement, 'text');
      }
      node.childNodes.forEach(visit);
    };
    visit(root);
    return found;
  }
}

const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The month names as dates show them ("marraskuuta", "november", "November"), alone and in a date. */
function monthNames(lang: Lang): string[] {
  const alone = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long' });
  const inDate = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long' });
  return Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 15))).flatMap((date) => [alone.format(date), inDate.format(date)]);
}

/** The language in effect at `element`: the nearest `lang`, also across shadow roots. */
export function effectiveLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const own = node.getAttribute('lang');
    if (own !== null) return own.toLowerCase().split('-')[0] || undefined;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return undefined;
}

function describe(element: Element): string {
  const path: string[] = [];
  let node: Element | null = element;
  while (node && path.length < 4) {
    path.unshift(node.localName + (node.id ? `#${node.id}` : '') + (node.classList.length ? `.${[...node.classList].join('.')}` : ''));
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return path.join(' > ');
}
