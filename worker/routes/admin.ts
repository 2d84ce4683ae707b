import { Hono } from 'hono';
import { html } from 'hono/html';
import { randomId } from '../crypto.ts';
import { Lang } from '../schema/common.ts';
import type { AppEnv } from '../types.ts';

/**
 * The officials' console: one page, `/admin`, whose script (`/embed/v1/admin.js`) the public
 * loader never loads. The token is typed in and kept in the tab's session storage, never in a URL.
 */
const app = new Hono<AppEnv>();

app.get('/', (c) => {
  const nonce = randomId(12);
  const asked = Lang.safeParse(c.req.query('lang'));
  const lang = asked.success ? asked.data : 'fi';
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Osallistu – hallinta · förvaltning · console</title>
<style nonce="${nonce}">body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;line-height:1.5}header{background:#0b2e4f;color:#fff;padding:.75rem 1rem}header h1{margin:0;font-size:1.25rem}header nav a{color:#fff}header ul{list-style:none;display:flex;gap:1rem;margin:.25rem 0 0;padding:0}main{max-width:64rem;margin:0 auto;padding:1rem}</style>
<script type="module" src="/embed/v1/admin.js"></script>
</head>
<body>
<header><h1>Osallistu</h1><nav aria-label="Kieli · Språk · Language"><ul><li><a href="?lang=fi" lang="fi" hreflang="fi">Suomeksi</a></li><li><a href="?lang=sv" lang="sv" hreflang="sv">På svenska</a></li><li><a href="?lang=en" lang="en" hreflang="en">In English</a></li></ul></nav></header>
<main><osallistu-admin></osallistu-admin></main>
</body>
</html>`;
  return c.html(page, 200, {
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data: blob:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
});

export default app;
