import { StoredValue } from '../core/storage.ts';

/** A location answer: a point, a typed address, or both. */
export interface Place {
  lat?: number;
  long?: number;
  address?: string;
}

export type Value = string | string[] | boolean | Place;

/** What the resident has typed so far, kept on this device until the server confirms it. */
export interface Draft {
  /** Answers by field key, and the chosen category. */
  values: Record<string, Value>;
  savedAt: string;
}

/** A submission on its way: sent again with the same key until the server answers. */
export interface PendingSubmission {
  /** `lang`: the language the form was shown in, so that a reply by email is written in it. */
  body: { answers: Record<string, Value>; lang?: string; category?: string; website?: string; context?: Record<string, string> };
  idempotencyKey: string;
  createdAt: string;
}

const scope = (apiBase: string, site: string, form: string) => `${apiBase}:${site}:${form}`;

export const feedbackDraft = (apiBase: string, site: string, form: string) => new StoredValue<Draft>(`osallistu.feedback-draft:${scope(apiBase, site, form)}`);
export const pendingSubmission = (apiBase: string, site: string, form: string) =>
  new StoredValue<PendingSubmission>(`osallistu.feedback-pending:${scope(apiBase, site, form)}`);
