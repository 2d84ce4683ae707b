import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../schema/common.ts';
import type { SiteRecord } from '../schema/sites.ts';
import { PREVIEW_NOTICE } from './elements.ts';
import type { FrameElement } from './elements.ts';
import { NOJS_CSS } from './nojs/styles.ts';

/**
 * The frame page's HTML and its Content-Security-Policy: the widget's element (with the server-
 * rendered fallback inside), the loader and the resize script (not in a preview), the oEmbed
 * discovery link, and `frame-ancestors` limited to the site's registered origins.
 */
export interface FramePage {
  element: FrameElement;
  id: string;
  site: SiteRecord;
  lang: Lang;
  preview: boolean;
  /** The server-rendered view alone, without the preview notice (one decision, read from a feed reader's link). */
  serverOnly?: boolean;
  fallback: HtmlEscapedString | string;
  /** The page's own query, for a widget that takes part of it (the lookup's `ref`). */
  query?: URLSearchParams;
  /** The canonical frame URL; the discovery link's oEmbed address is built from it. */
  canonical: string;
  /** The oEmbed endpoint, absolute. */
  oembed: string;
  nonce: string;
}

export function renderFramePage(p: FramePage) {
  const name = p.site.name[p.lang] ?? p.site.name[p.site.defaultLang] ?? p.site.id;
  const title = `${p.element.title[p.lang]} – ${name}`;
  const discovery = `${p.oembed}?${new URLSearchParams({ url: p.canonical, format: 'json' })}`;
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<link rel="alternate" type="application/json+oembed" href="${discovery}" title="${title}">
<style nonce="${p.nonce}">html{background:#fff}body{margin:0;padding:1rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;line-height:1.5}main{max-width:40rem;margin:0 auto}h1{font-size:1rem;margin:0 0 1rem;color:#4d4d4d}.preview{margin:0 0 1rem;padding:.5rem .75rem;border:2px solid #8a5a00;background:#fff8e1;font-weight:600}${raw(NOJS_CSS)}</style>
${p.preview || p.serverOnly ? '' : html`<script type="module" src="/embed/v1/osallistu.js" data-site="${p.site.id}"></script><script type="module" src="/embed/v1/frame.js"></script>`}
</head>
<body><main>${p.preview ? html`<p class="preview" role="note">${PREVIEW_NOTICE[p.lang]}</p>` : ''}<h1>${name} · ${p.element.title[p.lang]}</h1>${p.element.render(p.id, p.fallback, p.query ?? new URLSearchParams())}</main></body>
</html>`;
}

/** Registered origins as CSP sources; anything that is not a plain http(s) origin is left out. */
export function frameAncestors(origins: readonly string[]): string {
  const safe = origins.filter((o) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o));
  return ["'self'", ...safe].join(' ');
}

export function framePolicy(p: Pick<FramePage, 'element' | 'site' | 'nonce'>): string {
  return `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${p.nonce}'; img-src 'self' data:; connect-src 'self'; ${p.element.csp ?? ''}object-src 'none'; base-uri 'none'; frame-ancestors ${frameAncestors(p.site.origins)}`;
}
