/**
 * What the loader starts the moment it sees a widget's element, all at once: besides the
 * widget's own chunk (which it imports), the chunk every widget imports (Lit and the core), the
 * shared strings for the element's language (all of the poll's), the JSON of the poll, form
 * or video it shows, and on a browser that has voted before, the poll's results view. The
 * widget finds its JSON already on its way (api-client.ts `takePrefetched`), so a first paint
 * waits for the loader and one parallel wave, not four requests in a row.
 *
 * The build fills in `globalThis.__OSALLISTU_PRELOAD__` with those chunks' names
 * (scripts/build/preload-manifest.ts); run from source there is nothing to preload.
 */
import type { LoaderConfig } from './config.ts';

/** "": the chunks every widget imports; fi, sv, en: the strings those load in that language; voted: the poll's results view. */
type Manifest = Record<string, string[]>;
const MANIFEST: Manifest = (globalThis as { __OSALLISTU_PRELOAD__?: Manifest }).__OSALLISTU_PRELOAD__ ?? {};

/** Tag → the attribute that names its resource, and the resource's path under the site. */
const RESOURCES: Record<string, [string, string]> = { 'osallistu-poll': ['poll', 'polls/'], 'osallistu-feedback': ['form', 'forms/'], 'osallistu-video': ['video', 'videos/'] };

/** Same as in api-client.ts, which takes what is put here. */
export const PREFETCH = Symbol.for('osallistu.prefetch');
const started = new Set<string>();

/** The voter token as the poll sends it when reading (voter-token.ts `existingVoterToken`). */
function storedVoterToken(): string {
  try {
    const token = localStorage.getItem('osallistu.voter');
    return token && /^[0-9a-f]{32}$/.test(token) ? token : '';
  } catch {
    return '';
  }
}

/** Starts the chunks the manifest lists under `lists` (each once per page). */
function startChunks(lists: string[], base: string): void {
  for (const file of lists.flatMap((list) => MANIFEST[list] ?? [])) {
    if (started.has(file)) continue;
    started.add(file);
    document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: new URL(`chunks/${file}`, base).href }));
  }
}

export function preload(tag: string, elements: Iterable<Element>, config: LoaderConfig, base: string): void {
  const list = [...elements];
  const langs = list.map((element) => element.closest('[lang]')?.getAttribute('lang')?.slice(0, 2).toLowerCase() ?? '');
  // The chunks first, as starting them is quick: the shared one and the strings of each element's language.
  startChunks(['', ...langs], base);
  const token = tag === 'osallistu-poll' ? storedVoterToken() : '';
  // A browser that has voted is likely to be shown the results first, with their strings.
  if (token) startChunks(['voted', ...langs.map((lang) => `voted-${lang}`)], base);
  const prefetched = ((globalThis as { [PREFETCH]?: Map<string, Promise<Response>> })[PREFETCH] ??= new Map());
  for (const element of list) {
    const [attribute, path] = RESOURCES[tag] ?? [];
    const id = attribute && element.getAttribute(attribute);
    const site = element.getAttribute('site') || config.site;
    // A signed poll reads with the host's assertion, which only the widget sends.
    if (!id || !site || element.hasAttribute('voter-assertion')) continue;
    const url = `${element.getAttribute('api') || config.apiBase}/api/v1/sites/${encodeURIComponent(site)}/${path}${encodeURIComponent(id)}`;
    const key = `${url}\n${token}`;
    if (prefetched.has(key)) continue;
    const response = fetch(url, { headers: token ? { Accept: 'application/json', 'X-Voter-Token': token } : { Accept: 'application/json' } });
    response.catch(() => {}); // the widget asks again if this one failed
    prefetched.set(key, response);
  }
}
