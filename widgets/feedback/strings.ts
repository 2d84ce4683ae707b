import { Catalog } from '../core/i18n.ts';
import type { FeedbackMessages } from './locales/messages.ts';

/** The feedback widgets' strings: loaded only on pages that have one. */
export const feedbackMessages = new Catalog<FeedbackMessages>({
  fi: () => import('./locales/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  en: () => import('./locales/en.ts').then((m) => m.en),
});
