/**
 * Detectors for the stored-XSS suite: every way a stored payload could show that it ran, or that
 * it reached a page as live markup rather than as text.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { XSS_ID } from '../corpus/xss.ts';

export interface Finding {
  /** binding: `__xss(id)` was called · dialog: alert/confirm/prompt · request/navigation/popup: a payload's address was used · live: payload markup or a script address in the DOM. */
  kind: 'binding' | 'dialog' | 'request' | 'navigation' | 'popup' | 'live';
  place: string;
  detail: string;
}

const OWN_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])$/;
const STUB = '<!doctype html><html lang="en"><title>Player</title><p>A provider\'s player</p></html>';

/**
 * Arms a browser context: the `__xss` binding in every frame of every page, a stand-in page for
 * any host but this machine (there is no internet; only a video provider's player, after the
 * resident agrees, may be asked for), and a popup detector. `place()` names what is on screen.
 */
export async function armContext(context: BrowserContext, findings: Finding[], place: () => string, allowedHosts: RegExp): Promise<void> {
  await context.exposeBinding('__xss', (source, id: unknown) => {
    findings.push({ kind: 'binding', place: place(), detail: `${String(id)} ran in ${source.frame.url()}` });
  });
  await context.route(
    (url) => /^https?:$/.test(url.protocol) && !OWN_HOSTS.test(url.hostname),
    (route) => {
      const url = new URL(route.request().url());
      if (!allowedHosts.test(url.hostname)) findings.push({ kind: 'request', place: place(), detail: `to another host: ${url.href}` });
      return route.fulfill({ status: 200, contentType: 'text/html', body: STUB });
    },
  );
  context.on('page', (page) => {
    void page.opener().then((opener) => {
      if (opener) findings.push({ kind: 'popup', place: place(), detail: page.url() });
    });
  });
}

/**
 * A widget's own API read that carries stored text as data: a `fetch` (which markup cannot make)
 * to this machine's /api/v1/, the payload only in the query, percent-encoded (a poll asking what
 * was decided on its case number sends the number as `?id=`). Markup a payload slipped into a page
 * would fetch as an image, a script or a frame, and is a finding.
 */
function storedTextAsQuery(resourceType: string, raw: string): boolean {
  if (resourceType !== 'fetch') return false;
  const url = new URL(raw);
  const decode = (text: string) => decodeURIComponent(text.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  return OWN_HOSTS.test(url.hostname) && url.pathname.startsWith('/api/v1/') && !new RegExp(XSS_ID.source).test(decode(url.pathname)) && !/[<>"'\s]/.test(url.search);
}

/**
 * Watches one page: dialogs (dismissed), requests that carry a payload's id or use a script
 * scheme, and navigations away from `expected()` (the address the test opened, hash aside) or to
 * an address with a payload's id.
 */
export function watchPage(page: Page, findings: Finding[], place: () => string, expected: () => string): void {
  page.on('dialog', (dialog) => {
    findings.push({ kind: 'dialog', place: place(), detail: `${dialog.type()}: ${dialog.message()}` });
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (storedTextAsQuery(request.resourceType(), url)) return;
    if (new RegExp(XSS_ID.source).test(decodeURIComponent(url.replace(/%(?![0-9a-f]{2})/gi, '%25'))) || /^(javascript|vbscript):/i.test(url)) {
      findings.push({ kind: 'request', place: place(), detail: url.slice(0, 200) });
    }
  });
  page.on('framenavigated', (frame: Frame) => {
    const url = frame.url();
    const withoutHash = url.split('#')[0];
    if (new RegExp(XSS_ID.source).test(url) || /^(javascript|vbscript|data):/i.test(url)) {
      findings.push({ kind: 'navigation', place: place(), detail: url.slice(0, 200) });
    } else if (frame === page.mainFrame() && withoutHash !== expected().split('#')[0] && url !== 'about:blank') {
      findings.push({ kind: 'navigation', place: place(), detail: `main frame went to ${url.slice(0, 200)}` });
    }
  });
}

export interface Scan {
  /** Payload ids found in the page's text, attribute values and form values (shadow roots included). */
  ids: string[];
  /** Payload markup or script addresses that are live in the DOM. */
  live: string[];
}

/**
 * Walks every frame's document and every shadow root in it: collects the payload ids shown, and
 * reports any element that carries an event-handler attribute, a script address (`javascript:`,
 * `vbscript:`, or a `data:` one holding a payload), a `srcdoc`, or that is a script, style, frame,
 * base, meta, form or foreign (SVG/MathML) element holding a payload's id.
 */
export async function scanPage(page: Page): Promise<Scan> {
  const ids = new Set<string>();
  const live: string[] = [];
  for (const frame of page.frames()) {
    const result = await frame.evaluate(scanDocument, XSS_ID.source).catch(() => null);
    if (!result) continue;
    result.ids.forEach((id) => ids.add(id));
    live.push(...result.live.map((entry) => `${entry} (in ${frame.url().slice(0, 120)})`));
  }
  return { ids: [...ids].sort(), live };
}

function scanDocument(idSource: string): Scan {
  const ID = new RegExp(idSource, 'g');
  const HAS_ID = new RegExp(idSource);
  const HTML = 'http://www.w3.org/1999/xhtml';
  const RISKY = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'FORM', 'TEMPLATE', 'NOSCRIPT']);
  const ADDRESS = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'codebase', 'to', 'from', 'values']);
  const TEXT_ATTRIBUTES = /^(title|alt|placeholder|label|aria-[a-z]+)$/;
  const ids = new Set<string>();
  const live: string[] = [];
  const note = (text: string | null | undefined) => {
    for (const match of (text ?? '').matchAll(ID)) ids.add(match[0]);
  };
  const describe = (el: Element) => el.outerHTML.slice(0, 160);
  const visit = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        note((node as Text).data);
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const el = node as Element;
      let idInAttribute = false;
      for (const attr of Array.from(el.attributes)) {
        note(attr.value);
        const name = attr.name.toLowerCase();
        // A payload as an element's title or accessible name is text; anywhere else it is markup.
        if ((HAS_ID.test(attr.value) && !TEXT_ATTRIBUTES.test(name)) || HAS_ID.test(name)) idInAttribute = true;
        if (name.startsWith('on')) live.push(`event handler ${name}: ${describe(el)}`);
        if (name === 'srcdoc') live.push(`srcdoc: ${describe(el)}`);
        if (ADDRESS.has(name)) {
          const squeezed = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
          if (/^(javascript|vbscript):/i.test(squeezed) || (/^data:/i.test(squeezed) && HAS_ID.test(squeezed))) live.push(`script address in ${name}: ${describe(el)}`);
        }
      }
      if (el instanceof HTMLAnchorElement || el instanceof HTMLAreaElement) {
        if (/^(javascript|vbscript):$/.test(el.protocol)) live.push(`link to ${el.protocol} ${describe(el)}`);
      }
      if ((RISKY.has(el.tagName.toUpperCase()) || el.namespaceURI !== HTML) && (idInAttribute || ((el.tagName.toUpperCase() === 'SCRIPT' || el.tagName.toUpperCase() === 'STYLE') && HAS_ID.test(el.textContent ?? '')))) {
        live.push(`payload element <${el.tagName.toLowerCase()}>: ${describe(el)}`);
      }
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) note(el.value);
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el instanceof HTMLTemplateElement) visit(el.content);
    }
  };
  visit(document);
  return { ids: [...ids], live };
}
