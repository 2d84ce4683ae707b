import type { Lang } from '../../worker/schema/common.ts';

export type { Lang };

/**
 * Every string a widget shows a person, per language. A missing key is a type error in the
 * locale file, so a language can never fall behind silently. Counts are functions, so each
 * language writes its own plural forms.
 */
export interface Messages {
  lang: Lang;
  /** Name of the language in itself, for language pickers. */
  languageName: string;
  loading: string;
  retry: string;
  offline: string;
  errors: {
    network: string;
    timeout: string;
    notFound: string;
    server: string;
    rateLimited: string;
  };
  /** "3 votes", "1 vote". */
  votes: (count: number) => string;
}
