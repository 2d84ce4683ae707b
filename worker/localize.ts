import type { Lang, LocalizedText } from './schema/common.ts';
import type { SiteRecord } from './schema/sites.ts';

/** Content in `lang`, else in the site's default language, else in any of its languages. */
export function localizedText(text: LocalizedText | undefined, lang: Lang, site: Pick<SiteRecord, 'defaultLang' | 'languages'>): string {
  for (const candidate of [lang, site.defaultLang, ...site.languages, 'fi', 'sv', 'en'] as Lang[]) {
    const value = text?.[candidate];
    if (value) return value;
  }
  return '';
}
