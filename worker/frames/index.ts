import { Hono } from 'hono';
import { html } from 'hono/html';
import { randomId } from '../crypto.ts';
import { findSite } from '../db/sites.ts';
import { NotFoundError } from '../errors.ts';
import { Lang, Slug } from '../schema/common.ts';
import type { AppEnv } from '../types.ts';
import { ELEMENTS, FRAME_SHAPES, PREVIEW_NOTICE } from './elements.ts';
import { fallbackFor, nojsPosts } from './nojs/index.ts';

/**
 * A widget alone on a page: the no-JS fallback link of every snippet points here, and CMSs that
 * strip <script> can embed it as an <iframe>. The page runs the same loader as any host page, with
 * the widget rendered on the server inside the element (worker/frames/nojs/) until it starts and
 * for browsers without JavaScript; `preview=1` is that server-rendered view alone, answering off.
 */
const app = new Hono<AppEnv>();

app.get('/:widget/:id', async (c) => {
  const widget = c.req.param('widget');
  const element = ELEMENTS[widget];
  const id = Slug.safeParse(c.req.param('id'));
  const slug = Slug.safeParse(c.req.query('site') ?? '');
  if (!element || !id.success || !slug.success) throw new NotFoundError('frame_not_found', FRAME_SHAPES);
  const site = await findSite(c.env.DB, slug.data);
  if (!site) throw new NotFoundError('site_not_found', `There is no site "${slug.data}" on this server.`);
  const requested = Lang.safeParse(c.req.query('lang'));
  const lang = requested.success && site.languages.includes(requested.data) ? requested.data : site.defaultLang;
  const preview = c.req.query('preview') === '1';
  const fallback = await fallbackFor({ widget, id: id.data, site, lang, preview, url: new URL(c.req.url) });
  const nonce = randomId(12);
  const name = site.name[lang] ?? site.name[site.defaultLang] ?? site.id;
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${element.title[lang]} – ${name}</title>
<style nonce="${nonce}">body{margin:0;padding:1rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;line-height:1.5}main{max-width:40rem;margin:0 auto}h1{font-size:1rem;margin:0 0 1rem;color:#4d4d4d}.preview{margin:0 0 1rem;padding:.5rem .75rem;border:2px solid #8a5a00;background:#fff8e1;font-weight:600}</style>
${preview ? '' : html`<script type="module" src="/embed/v1/osallistu.js" data-site="${site.id}"></script>`}
</head>
<body><main>${preview ? html`<p class="preview" role="note">${PREVIEW_NOTICE[lang]}</p>` : ''}<h1>${name} · ${element.title[lang]}</h1>${element.render(id.data, fallback)}</main></body>
</html>`;
  return c.html(page, 200, {
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; ${element.csp ?? ''}object-src 'none'; base-uri 'none'; frame-ancestors *`,
    'Cache-Control': 'public, max-age=60',
  });
});

// Plain form posts from the server-rendered widgets (D's worker/frames/nojs/).
app.route('/', nojsPosts);

export default app;
