/**
 * What every server-rendered (no-JavaScript) frame widget is given: the frame it fills, the
 * request it answers (for the internal API calls, the voter cookie and the client's address), and
 * what a refused post hands back to show (errors, the values as sent, a notice).
 */
import type { Context } from 'hono';
import type { Lang } from '../../schema/common.ts';
import type { SiteRecord } from '../../schema/sites.ts';
import type { AppEnv } from '../../types.ts';

export type HonoContext = Context<AppEnv>;

/** One problem shown in the error summary; `field` is the id of the control it is about. */
export interface ShownError {
  field?: string;
  message: string;
}

/** What a refused post (or a GET form's bad query) shows with the widget. */
export interface RenderState {
  errors?: ShownError[];
  /** The posted form, so a refused post shows what the resident sent. */
  values?: URLSearchParams;
  /** A sentence at the top of the widget (already voted, closed, …). */
  notice?: string;
}

export interface FallbackContext {
  widget: string;
  id: string;
  site: SiteRecord;
  lang: Lang;
  /** The block editor's preview: shown, but answering is off. */
  preview: boolean;
  /** The page's own URL, to post forms back to. */
  url: URL;
  /** The request being answered: internal API calls, the voter cookie, the client's address. */
  c: HonoContext;
  /** What a refused post or a bad query shows. */
  state?: RenderState;
  /** Set by a renderer whose page answers a bad query (e.g. an unknown reference code) with a 4xx. */
  status?: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
}

/** The page's own address for forms and links: the frame URL without one-off markers or the preview flag. */
export function ownPath(url: URL, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const name of ['site', 'lang']) {
    const value = url.searchParams.get(name);
    if (value) query.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return `${url.pathname}?${query}`;
}
