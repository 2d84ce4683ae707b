import { Lang, Slug } from '../schema/common.ts';
import { ELEMENTS } from './elements.ts';
import type { FrameElement } from './elements.ts';

/** What a frame URL (`/embed/v1/frame/{widget}/{id}?site=…[&lang=…]`) names, read the one way the page and oEmbed share. */
export interface FrameTarget {
  widget: string;
  element: FrameElement;
  id: string;
  site: string;
  /** As asked: the page still checks it against the site's languages. */
  lang: Lang | null;
}

export const FRAME_PATH = '/embed/v1/frame/';

/** The parts of a frame page's path and query, or null when they are not one. */
export function frameTarget(widget: string, id: string, site: string | undefined, lang: string | undefined): FrameTarget | null {
  const element = Object.hasOwn(ELEMENTS, widget) ? ELEMENTS[widget] : undefined;
  const slug = Slug.safeParse(id);
  const siteSlug = Slug.safeParse(site ?? '');
  if (!element || !slug.success || !siteSlug.success) return null;
  const asked = Lang.safeParse(lang);
  return { widget, element, id: slug.data, site: siteSlug.data, lang: asked.success ? asked.data : null };
}

/** A full frame URL (as oEmbed receives it), on `origin` only. */
export function parseFrameUrl(raw: string, origin: string): FrameTarget | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.origin !== origin || !url.pathname.startsWith(FRAME_PATH)) return null;
  const parts = url.pathname.slice(FRAME_PATH.length).split('/');
  if (parts.length !== 2) return null;
  return frameTarget(parts[0]!, parts[1]!, url.searchParams.get('site') ?? undefined, url.searchParams.get('lang') ?? undefined);
}

/** The frame page's canonical URL: what snippets, oEmbed and discovery links point at (no preview, no hash). */
export function frameUrl(origin: string, target: Pick<FrameTarget, 'widget' | 'id' | 'site'>, lang: Lang | null): string {
  const query = new URLSearchParams({ site: target.site });
  if (lang) query.set('lang', lang);
  return `${origin}${FRAME_PATH}${target.widget}/${target.id}?${query}`;
}

/** One decision's own readable page: the decisions frame showing it alone (nojs/decisions.ts). */
export function decisionPageUrl(origin: string, site: string, decision: string, lang: Lang | null): string {
  return `${frameUrl(origin, { widget: 'decisions', id: 'all', site }, lang)}&${new URLSearchParams({ decision })}`;
}

/** An http(s) address as a valid IRI (`<`, `"`, spaces percent-encoded); null for anything else. */
export function httpHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
