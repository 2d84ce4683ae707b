import type { HtmlEscapedString } from 'hono/utils/html';
import type { FallbackContext } from './context.ts';
import { renderDecisions } from './decisions.ts';
import { renderFeedback } from './feedback.ts';
import { renderLookup } from './lookup.ts';
import { renderPoll } from './poll.ts';
import { renderVideo, renderVideoBlog } from './video.ts';

/**
 * The frame pages without JavaScript: the same widget rendered on the server, placed inside the
 * custom element, so it shows until the widget starts and to anyone whose browser does not run it.
 * A poll is answered and feedback sent by a plain form post (./posts.ts: POST, redirect, GET),
 * counted once; the rest is read only. Every word is in fi, sv and en (./strings/).
 */
export type { FallbackContext, RenderState } from './context.ts';
export { nojsPosts } from './posts.ts';

const RENDERERS: Record<string, (ctx: FallbackContext) => Promise<HtmlEscapedString | string>> = {
  poll: renderPoll,
  feedback: renderFeedback,
  'feedback-status': renderLookup,
  decisions: renderDecisions,
  video: renderVideo,
  'video-blog': renderVideoBlog,
};

export async function fallbackFor(ctx: FallbackContext): Promise<HtmlEscapedString | string> {
  const render = Object.hasOwn(RENDERERS, ctx.widget) ? RENDERERS[ctx.widget] : undefined;
  return render ? render(ctx) : '';
}

/**
 * How the page may be kept. A page with a form carries a one-off key (two residents must never
 * get the same one from a cache), a poll shows the voter's own ballot, a lookup a submission's
 * status: none of those is stored anywhere. Decisions and videos are public and may be cached briefly.
 */
export function fallbackHeaders(ctx: Pick<FallbackContext, 'widget'>): Record<string, string> {
  if (ctx.widget === 'poll') return { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };
  if (ctx.widget === 'feedback' || ctx.widget === 'feedback-status') return { 'Cache-Control': 'private, no-store' };
  return { 'Cache-Control': 'public, max-age=60' };
}
