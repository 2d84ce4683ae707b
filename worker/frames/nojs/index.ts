import { Hono } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../../schema/common.ts';
import type { SiteRecord } from '../../schema/sites.ts';
import type { AppEnv } from '../../types.ts';

/**
 * The frame pages without JavaScript: the same widget rendered on the server, placed inside the
 * custom element, so it shows until the widget starts and to anyone whose browser does not run it.
 */
export interface FallbackContext {
  widget: string;
  id: string;
  site: SiteRecord;
  lang: Lang;
  /** The block editor's preview: shown, but answering is off. */
  preview: boolean;
  /** The page's own URL, to post forms back to. */
  url: URL;
}

export async function fallbackFor(_ctx: FallbackContext): Promise<HtmlEscapedString | string> {
  return '';
}

/** POST /embed/v1/frame/:widget/:id — a plain form post (poll answer, feedback), then a redirect. */
export const nojsPosts = new Hono<AppEnv>();
