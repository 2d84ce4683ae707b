/** The listening evaluation set's shape (eval-*.json): a text written for the purpose, labelled with its one true theme (THEMES.md). */
export type Theme = 'winter' | 'cycling' | 'bus' | 'library' | 'school' | 'park' | 'lighting' | 'litter' | 'noise' | 'sports' | 'health' | 'traffic';

export interface Labelled {
  /** e.g. `fi1-003` */
  id: string;
  lang: 'fi' | 'sv' | 'en';
  theme: Theme;
  /** The feedback form's topic the resident picked: kadut, valaistus, puistot, muu. */
  category: string;
  /** A street or place, never with a house number. */
  place?: string;
  text: string;
}

export const EVALUATION_FILES = ['eval-fi-1', 'eval-fi-2', 'eval-sv', 'eval-en'] as const;
