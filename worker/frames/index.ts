import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { randomId } from '../crypto.ts';
import { findSite } from '../db/sites.ts';
import { Lang } from '../schema/common.ts';
import type { SiteRecord } from '../schema/sites.ts';
import type { AppEnv } from '../types.ts';
import { framePageNotFound } from './error-page.ts';
import { frameItem } from './items.ts';
import { fallbackFor, fallbackHeaders, nojsPosts } from './nojs/index.ts';
import type { FallbackContext } from './nojs/index.ts';
import type { Refused } from './nojs/posts.ts';
import { framePolicy, renderFramePage } from './page.ts';
import { frameTarget, frameUrl } from './url.ts';
import { verifyPage } from './verify-page.ts';
import type { FrameTarget } from './url.ts';

/**
 * A widget alone on a page: the no-JS fallback link of every snippet points here, and CMSs that
 * strip <script> can embed it as an <iframe> (or by oEmbed, ./oembed.ts). The page runs the same
 * loader as any host page, with the widget rendered on the server inside the element
 * (./nojs/) until it starts and for browsers without JavaScript, and reports its height to the
 * embedding page (widgets/frame/frame.ts). `preview=1` is the server-rendered view alone, answering
 * off. Only the site's registered origins (and this one) may frame it.
 */
const app = new Hono<AppEnv>();

export interface FoundFrame {
  target: FrameTarget;
  site: SiteRecord;
  lang: Lang;
}

/** What the request's frame URL names, or the readable 404 page that says why there is nothing. */
export async function findFrame(c: Context<AppEnv>): Promise<FoundFrame | Response> {
  const asked = Lang.safeParse(c.req.query('lang'));
  const target = frameTarget(c.req.param('widget') ?? '', c.req.param('id') ?? '', c.req.query('site'), c.req.query('lang'));
  if (!target) return framePageNotFound(c, asked.success ? asked.data : 'fi', { kind: 'shape' });
  const site = await findSite(c.env.DB, target.site);
  if (!site) return framePageNotFound(c, asked.success ? asked.data : 'fi', { kind: 'site', site: target.site });
  const lang = target.lang && site.languages.includes(target.lang) ? target.lang : site.defaultLang;
  if (!(await frameItem(c.env.DB, site.id, target.widget, target.id))) {
    return framePageNotFound(c, lang, { kind: 'item', site: site.id, what: `${target.widget}/${target.id}` });
  }
  return { target, site, lang };
}

/** The frame page; a refused no-JS post (./nojs/posts.ts) shows it again with what went wrong, under its 4xx. */
export async function showFrame(c: Context<AppEnv>, { target, site, lang }: FoundFrame, refused?: Refused, headers: Record<string, string> = {}) {
  const preview = c.req.query('preview') === '1';
  const ctx: FallbackContext = { c, widget: target.widget, id: target.id, site, lang, preview, url: new URL(c.req.url), state: refused?.state };
  const fallback = await fallbackFor(ctx);
  const origin = new URL(c.req.url).origin;
  const nonce = randomId(12);
  const page = renderFramePage({
    element: target.element,
    id: target.id,
    site,
    lang,
    preview,
    query: new URL(c.req.url).searchParams,
    // One decision's own page (the Atom feed links to it): the widget, once started, would show the list instead.
    serverOnly: target.widget === 'decisions' && c.req.query('decision') !== undefined,
    fallback,
    canonical: frameUrl(origin, target, target.lang === lang ? lang : null),
    oembed: `${origin}/embed/v1/oembed`,
    nonce,
  });
  const status = (refused?.status ?? ctx.status ?? 200) as ContentfulStatusCode;
  return c.html(page, status, { 'Content-Security-Policy': framePolicy({ element: target.element, site, nonce }), ...fallbackHeaders(ctx), ...headers });
}

// A closed poll's sealed result, for anyone to check (./verify-page.ts).
app.get('/verify/:poll', verifyPage);

app.get('/:widget/:id', async (c) => {
  const found = await findFrame(c);
  return found instanceof Response ? found : showFrame(c, found);
});

// Plain form posts from the server-rendered widgets (./nojs/).
app.route('/', nojsPosts);

export default app;
