/**
 * Stored-XSS payloads, shared by the attack suites. Each payload, should it ever run, calls a
 * detector with its own id: `__xss(/xss07/.source)` (a binding the page tests expose in every
 * frame; written without quotes so that escaping quotes cannot disarm it), or `alert`, `confirm`
 * or `prompt` with the id (a dialog the tests catch), or is a URL whose use the tests see (a
 * `javascript:`/`data:`/`vbscript:` address left live in the DOM, a request, a navigation).
 * Every payload is at most 200 characters, the smallest limit of a free-text field (a poll
 * option's or a form field's label), so each one fits any text field alone.
 */

export type XssKind = 'script' | 'handler' | 'url' | 'breakout' | 'template' | 'markdown' | 'css' | 'mxss' | 'namespace' | 'document' | 'xml' | 'encoding';

export interface XssPayload {
  /** `xss01`…: appears in the payload's text, so a rendered payload can be found and counted. */
  readonly id: string;
  readonly kind: XssKind;
  readonly text: string;
  /** Whether the payload is an address (for fields that take only URLs). */
  readonly url?: boolean;
}

/** Matches every payload id in a text. */
export const XSS_ID = /xss\d{2}/g;

type Build = (run: string, id: string) => string;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const RECIPES: [XssKind, Build, { url?: boolean }?][] = [
  // Script elements.
  ['script', (run) => `<script>${run}</script>`],
  ['script', (run) => `<ScRiPt>${run}</sCrIpT>`],
  ['script', (run) => `<script src="data:text/javascript,${run}"></script>`],
  ['script', (run) => `"><script>${run}</script>`],
  ['script', (run) => `</title><script>${run}</script>`],
  ['script', (run) => `</textarea></style></noscript><script>${run}</script>`],
  ['script', (_, id) => `<script>alert(/${id}/.source)</script>`],
  // Event handlers.
  ['handler', (run) => `<img src=x onerror=${run}>`],
  ['handler', (run) => `<img src="x" onerror="${run}">`],
  ['handler', (_, id) => `<IMG SRC=x OnErRoR=confirm(/${id}/.source)>`],
  ['handler', (run) => `<svg onload=${run}>`],
  ['handler', (run) => `<svg/onload=${run}>`],
  ['handler', (run) => `<details open ontoggle=${run}><summary>x</summary></details>`],
  ['handler', (run) => `<body onload=${run}>`],
  ['handler', (run) => `<iframe onload=${run}></iframe>`],
  ['handler', (run) => `<iframe src="javascript:${run}"></iframe>`],
  ['handler', (run) => `<video><source onerror=${run}></video>`],
  ['handler', (run) => `<audio src=x onerror=${run}>`],
  ['handler', (run) => `<input autofocus onfocus=${run}>`],
  ['handler', (run) => `<object data="javascript:${run}"></object>`],
  ['handler', (run) => `<embed src="javascript:${run}">`],
  ['handler', (_, id) => `<img src=x onerror=prompt(/${id}/.source)>`],
  // Addresses, plain and obfuscated.
  ['url', (run) => `javascript:${run}`, { url: true }],
  ['url', (run) => `JaVaScRiPt:${run}`, { url: true }],
  ['url', (run) => ` javascript:${run}`, { url: true }],
  ['url', (run) => `java\tscript:${run}`, { url: true }],
  ['url', (run) => `java\nscript:${run}`, { url: true }],
  ['url', (run) => `\u0001javascript:${run}`, { url: true }],
  ['url', (run) => `&#106;avascript:${run}`, { url: true }],
  ['url', (run) => `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:${run}`, { url: true }],
  ['url', (run) => `data:text/html,<script>${run}</script>`, { url: true }],
  ['url', (run) => `data:text/html;base64,${b64(`<script>${run}</script>`)}`, { url: true }],
  ['url', (run) => `vbscript:${run}`, { url: true }],
  ['url', (run) => `https://xss.example/"><svg/onload=${run}>`, { url: true }],
  ['url', (run) => `https://xss.example/' onmouseover='${run}`, { url: true }],
  ['url', (run) => `<a href="javascript:${run}">x</a>`],
  ['url', (run) => `<a href="jav&#x09;ascript:${run}">x</a>`],
  ['url', (run) => `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${run}">x</a>`],
  ['url', (run) => `<a href=" &#14;  javascript:${run}">x</a>`],
  ['url', (run) => `<a href="javascript&colon;${run}">x</a>`],
  // Breaking out of an attribute.
  ['breakout', (run) => `" onmouseover="${run}" x="`],
  ['breakout', (run) => `' onmouseover='${run}' x='`],
  ['breakout', (run) => `" autofocus onfocus="${run}" x="`],
  ['breakout', (run) => `'><svg onload=${run}>`],
  ['breakout', (run) => `"><img src=x onerror=${run}>`],
  ['breakout', (run) => `\\"><img src=x onerror=${run}>`],
  ['breakout', (run) => `x onfocus=${run} autofocus`],
  // Template engines and Lit's own markers.
  ['template', (run) => `\${${run}}`],
  ['template', (run) => `{{constructor.constructor("${run}")()}}`],
  ['template', (run) => `<!--?lit$1234$--><img src=x onerror=${run}>`],
  ['template', (run) => `<div lit$1234$="x" onclick=${run}>lit$1234$</div>`],
  ['template', (run) => `</template><img src=x onerror=${run}>`],
  ['template', (run) => `<template shadowrootmode="open"><img src=x onerror=${run}></template>`],
  // Markdown (decision bodies): links, images, raw HTML, autolinks, references.
  ['markdown', (run) => `[x](javascript:${run})`],
  ['markdown', (run) => `[x](JAVASCRIPT:${run})`],
  ['markdown', (run) => `[x](&#106;avascript:${run})`],
  ['markdown', (run) => `[x](java%0Ascript:${run})`],
  ['markdown', (run) => `![x](x" onerror="${run})`],
  ['markdown', (run) => `[x](https://xss.example/" onmouseover="${run})`],
  ['markdown', (run) => `<javascript:${run}>`],
  ['markdown', (run) => `[r]\n\n[r]: javascript:${run}`],
  ['markdown', (run) => `<div>\n<img src=x onerror=${run}>\n</div>`],
  ['markdown', (run) => `\`\`<img src=x onerror=${run}>\`\``],
  ['markdown', (run) => `[x](data:text/html;base64,${b64(`<script>${run}</script>`)})`],
  ['markdown', (run) => `# <img src=x onerror=${run}>`],
  // Style sheets and style attributes.
  ['css', (run) => `<style>*{background:url("javascript:${run}")}</style>`],
  ['css', (run) => `<style>@import 'javascript:${run}';</style>`],
  ['css', (run) => `<div style="background:url(javascript:${run})">x</div>`],
  ['css', (run) => `<div style="width:expression(${run})">x</div>`],
  ['css', (run) => `<style>img{}</style><img src=x onerror=${run}>`],
  // Mutation XSS: markup that changes meaning when parsed twice.
  ['mxss', (run) => `<noscript><p title="</noscript><img src=x onerror=${run}>">`],
  ['mxss', (run) => `<svg></p><style><a id="</style><img src=1 onerror=${run}>">`],
  ['mxss', (run) => `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`],
  ['mxss', (run) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${run}>`],
  // SVG and MathML namespaces.
  ['namespace', (run) => `<svg><a xlink:href="javascript:${run}"><text y=20>x</text></a></svg>`],
  ['namespace', (run) => `<svg><animate onbegin=${run} attributeName=x dur=1s>`],
  ['namespace', (run) => `<svg><script>${run}</script></svg>`],
  ['namespace', (run) => `<math href="javascript:${run}">x</math>`],
  ['namespace', (run) => `<svg><set attributeName=onload to=${run} />`],
  // Elements that change the whole document.
  ['document', (run) => `<base href="javascript:${run}//">`],
  ['document', (run) => `<meta http-equiv="refresh" content="0;url=javascript:${run}">`],
  ['document', (run) => `<form action="javascript:${run}"><button>x</button></form>`],
  ['document', (run) => `<iframe srcdoc="<script>${run}</script>"></iframe>`],
  ['document', (run) => `<iframe srcdoc="&lt;img src=x onerror=${run}&gt;"></iframe>`],
  ['document', (run) => `<button formaction="javascript:${run}">x</button>`],
  // XML documents (the Atom feed, Open311).
  ['xml', (run) => `]]><script xmlns="http://www.w3.org/1999/xhtml">${run}</script><![CDATA[`],
  ['xml', (run) => `<!DOCTYPE x [<!ENTITY e "${run}">]>&e;`],
  ['xml', (run) => `<![CDATA[<script>${run}</script>]]>`],
  ['xml', (run) => `</title><content type="html">&lt;script&gt;${run}&lt;/script&gt;</content>`],
  ['xml', (run) => `<x:script xmlns:x="http://www.w3.org/1999/xhtml">${run}</x:script>`],
  ['xml', (run) => `<?xml-stylesheet type="text/xsl" href="data:,${run}"?>`],
  // Encodings an unescaping step could turn back into markup.
  ['encoding', (run) => `&lt;img src=x onerror=${run}&gt;`],
  ['encoding', (run) => `\uFF1Cimg src=x onerror=${run}\uFF1E`],
  ['encoding', (run) => `\u2028<script>${run}</script>\u2029`],
  ['encoding', (run) => `%3Cscript%3E${run}%3C/script%3E`],
  ['encoding', (run) => `\\u003cimg src=x onerror=${run}\\u003e`],
];

export const xssPayloads: readonly XssPayload[] = RECIPES.map(([kind, build, options], i) => {
  const id = `xss${String(i + 1).padStart(2, '0')}`;
  return { id, kind, text: build(`__xss(/${id}/.source)`, id), ...options };
});

/** The payloads that are addresses, for fields that take only a URL. */
export const xssUrls = xssPayloads.filter((p) => p.url);

/** The payload ids that occur in `text`. */
export function payloadIdsIn(text: string): string[] {
  return [...new Set(text.match(XSS_ID) ?? [])];
}
