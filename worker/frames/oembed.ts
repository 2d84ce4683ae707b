import { Hono } from 'hono';
import { html } from 'hono/html';
import { findSite } from '../db/sites.ts';
import { ApiError, NotFoundError, ValidationError } from '../errors.ts';
import type { AppEnv } from '../types.ts';
import { frameItem } from './items.ts';
import { frameUrl, parseFrameUrl } from './url.ts';

/**
 * oEmbed 1.0 for the frame pages: `GET /embed/v1/oembed?url=FRAME_URL&format=json[&maxwidth=&maxheight=]`
 * answers a `rich` embed whose `html` is a blockquote with a link and then the iframe — the shape
 * WordPress keeps for providers it does not know (it adds `sandbox="allow-scripts"` and a secret,
 * and resizes the iframe on the frame's messages, see widgets/frame/frame.ts). Public metadata,
 * so any origin may read it. Frame pages name it in a discovery `<link>` (./page.ts).
 */
const app = new Hono<AppEnv>();

/** Width an embed asks for when the consumer gives no maxwidth; the widgets read well up to about 40rem. */
const WIDTH = 640;

app.use('*', async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
});

/** A positive integer query value, or undefined when it is absent; anything else is a 400. */
function dimension(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1) {
    throw new ValidationError([{ path: [name], code: 'invalid_number', message: `"${name}" is a whole number of pixels, at least 1.` }]);
  }
  return Number(raw);
}

app.get('/', async (c) => {
  const format = c.req.query('format');
  if (format !== undefined && format !== 'json') {
    throw new ApiError(501, 'format_not_implemented', 'Only format=json is served (oEmbed 1.0 allows a provider to answer 501 for others).');
  }
  const raw = c.req.query('url');
  if (!raw) throw new ValidationError([{ path: ['url'], code: 'required', message: 'Give "url": the address of a frame page, e.g. …/embed/v1/frame/poll/POLL_ID?site=SITE.' }]);
  const maxwidth = dimension('maxwidth', c.req.query('maxwidth'));
  const maxheight = dimension('maxheight', c.req.query('maxheight'));
  const origin = new URL(c.req.url).origin;
  const notFound = new NotFoundError('embed_not_found', `${raw.slice(0, 200)} is not a frame page of this server that shows something published.`);
  const target = parseFrameUrl(raw, origin);
  if (!target) throw notFound;
  const site = await findSite(c.env.DB, target.site);
  if (!site) throw notFound;
  const item = await frameItem(c.env.DB, site.id, target.widget, target.id);
  if (!item) throw notFound;
  const lang = target.lang && site.languages.includes(target.lang) ? target.lang : site.defaultLang;
  const name = site.name[lang] ?? site.name[site.defaultLang] ?? site.id;
  const own = item.title?.[lang] ?? item.title?.[site.defaultLang] ?? Object.values(item.title ?? {})[0];
  const title = own ?? `${target.element.title[lang]} – ${name}`;
  const src = frameUrl(origin, target, target.lang === lang ? lang : null);
  const width = Math.min(WIDTH, maxwidth ?? WIDTH);
  const height = Math.min(target.element.height, maxheight ?? target.element.height);
  const markup = html`<blockquote><a href="${src}">${title}</a></blockquote><iframe src="${src}" width="${width}" height="${height}" title="${title}" frameborder="0"></iframe>`;
  return c.json(
    {
      version: '1.0',
      type: 'rich',
      provider_name: 'Osallistu',
      provider_url: `${origin}/`,
      author_name: name,
      title,
      width,
      height,
      html: (await markup).toString(),
      cache_age: 300,
    },
    200,
    { 'Cache-Control': 'public, max-age=300' },
  );
});

export default app;
