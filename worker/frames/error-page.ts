import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Lang } from '../schema/common.ts';
import type { AppEnv } from '../types.ts';
import { FRAME_SHAPES } from './elements.ts';

/**
 * A frame page's 404 as a page a person can read, in the asked language, wherever it is framed:
 * the web editor who pasted a wrong address sees why the frame is empty (it shows nothing of any
 * site, so it is not held to the site's frame-ancestors; an unknown site has none anyway).
 */
export type FrameProblem = { kind: 'shape' } | { kind: 'site'; site: string } | { kind: 'item'; site: string; what: string };

const HEADING: Record<Lang, string> = { fi: 'Sisältöä ei löytynyt', sv: 'Innehållet hittades inte', en: 'Content not found' };

const TEXT: Record<Lang, (p: FrameProblem) => string> = {
  fi: (p) =>
    p.kind === 'shape' ? 'Tämä osoite ei ole upotettavan sisällön osoite.' : p.kind === 'site' ? `Palvelussa ei ole sivustoa ”${p.site}”.` : `Sivustolla ”${p.site}” ei ole julkaistua sisältöä ${p.what}. Se on ehkä poistettu tai sitä ei ole vielä julkaistu.`,
  sv: (p) =>
    p.kind === 'shape' ? 'Den här adressen är inte adressen till innehåll som kan bäddas in.' : p.kind === 'site' ? `Det finns ingen webbplats ”${p.site}” i tjänsten.` : `Webbplatsen ”${p.site}” har inget publicerat innehåll ${p.what}. Det kan ha tagits bort eller inte publicerats ännu.`,
  en: (p) =>
    p.kind === 'shape' ? 'This address is not the address of embeddable content.' : p.kind === 'site' ? `There is no site “${p.site}” on this server.` : `The site “${p.site}” has no published content ${p.what}. It may have been removed or not published yet.`,
};

export function framePageNotFound(c: Context<AppEnv>, lang: Lang, problem: FrameProblem) {
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${HEADING[lang]}</title>
</head>
<body><main><h1>${HEADING[lang]}</h1><p>${TEXT[lang](problem)}</p>${problem.kind === 'shape' ? html`<p lang="en">${FRAME_SHAPES}</p>` : ''}</main></body>
</html>`;
  return c.html(page, 404, {
    'Content-Security-Policy': "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
    'Cache-Control': 'no-store',
  });
}
