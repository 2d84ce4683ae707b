import { Hono } from 'hono';
import { html } from 'hono/html';
import { randomId } from '../crypto.ts';
import { findSite } from '../db/sites.ts';
import { NotFoundError } from '../errors.ts';
import { Lang, Slug } from '../schema/common.ts';
import type { AppEnv } from '../types.ts';

/**
 * A widget alone on a page: the no-JS fallback link of every snippet points here, and CMSs that
 * strip <script> can embed it as an <iframe>. The page runs the same loader as any host page.
 */
const app = new Hono<AppEnv>();

/** Video players come from the providers' hosts (after the resident agrees) and files from any https host. */
const PLAYERS = 'frame-src https:; media-src \'self\' https:; ';

const ELEMENTS: Record<string, { render: (id: string) => ReturnType<typeof html>; title: Record<Lang, string>; csp?: string }> = {
  poll: { render: (id) => html`<osallistu-poll poll="${id}" heading-level="2"></osallistu-poll>`, title: { fi: 'Kysely', sv: 'Enkät', en: 'Poll' } },
  feedback: { render: (id) => html`<osallistu-feedback form="${id}" heading-level="2"></osallistu-feedback>`, title: { fi: 'Palaute', sv: 'Respons', en: 'Feedback' } },
  // "all", or an organ's id for its decisions only.
  decisions: {
    render: (id) => (id === 'all' ? html`<osallistu-decisions search filters heading-level="2"></osallistu-decisions>` : html`<osallistu-decisions organ="${id}" search filters heading-level="2"></osallistu-decisions>`),
    title: { fi: 'Päätökset', sv: 'Beslut', en: 'Decisions' },
  },
  video: { render: (id) => html`<osallistu-video video="${id}" heading-level="2"></osallistu-video>`, title: { fi: 'Video', sv: 'Video', en: 'Video' }, csp: PLAYERS },
  'video-blog': {
    render: (id) => html`<osallistu-video-blog channel="${id}" heading-level="2"></osallistu-video-blog>`,
    title: { fi: 'Videoblogi', sv: 'Videoblogg', en: 'Video blog' },
    csp: PLAYERS,
  },
};

app.get('/:widget/:id', async (c) => {
  const element = ELEMENTS[c.req.param('widget')];
  const id = Slug.safeParse(c.req.param('id'));
  const slug = Slug.safeParse(c.req.query('site') ?? '');
  if (!element || !id.success || !slug.success) throw new NotFoundError('frame_not_found', 'Use /embed/v1/frame/poll/POLL_ID?site=SITE (or feedback/FORM_ID, decisions/all, decisions/ORGAN_ID, video/VIDEO_ID, video-blog/CHANNEL_ID).');
  const site = await findSite(c.env.DB, slug.data);
  if (!site) throw new NotFoundError('site_not_found', `There is no site "${slug.data}" on this server.`);
  const requested = Lang.safeParse(c.req.query('lang'));
  const lang = requested.success && site.languages.includes(requested.data) ? requested.data : site.defaultLang;
  const nonce = randomId(12);
  const name = site.name[lang] ?? site.name[site.defaultLang] ?? site.id;
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${element.title[lang]} – ${name}</title>
<style nonce="${nonce}">body{margin:0;padding:1rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;line-height:1.5}main{max-width:40rem;margin:0 auto}h1{font-size:1rem;margin:0 0 1rem;color:#4d4d4d}</style>
<script type="module" src="/embed/v1/osallistu.js" data-site="${site.id}"></script>
</head>
<body><main><h1>${name} · ${element.title[lang]}</h1>${element.render(id.data)}</main></body>
</html>`;
  return c.html(page, 200, {
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; ${element.csp ?? ''}object-src 'none'; base-uri 'none'; frame-ancestors *`,
    'Cache-Control': 'public, max-age=60',
  });
});

export default app;
