import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Bytes on the wire for one file as a CDN would send it (gzip -9, brotli quality 11). */
export function wireBytes(file: string): Bytes {
  const body = readFileSync(file);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function sumBytes(list: Bytes[]): Bytes {
  return list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

export const LOADER = (dist: string) => join(dist, 'embed/v1/osallistu.js');

const CHUNKS = (dist: string) => join(dist, 'embed/v1/chunks');

/** Chunks a built module imports statically (what the browser fetches with it), transitively. */
export function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    const path = join(file, '..', match[1]!);
    if (!seen.has(path)) {
      seen.add(path);
      staticImports(path, seen);
    }
  }
  return seen;
}

/** The built chunk whose name begins with `prefix` ("shared", "results", "fi"). */
export const chunk = (dist: string, prefix: string): string => {
  const name = readdirSync(CHUNKS(dist)).find((f) => new RegExp(`^${prefix}-[\\w-]{8}\\.js$`).test(f));
  if (!name) throw new Error(`No built chunk ${prefix}-*.js in ${CHUNKS(dist)}`);
  return join(CHUNKS(dist), name);
};

export interface PageFiles {
  /** Everything the page downloads: loader, widget, shared chunk, strings. */
  all: string[];
  /** What this widget adds on top of the loader, the shared chunk and the shared strings. */
  own: string[];
}

/**
 * What a page with one widget downloads in language `lang`: the loader, the widget's chunk and
 * what it imports, the shared strings, and the widget's own strings (`strings`, e.g. "feedback",
 * or several: the video blog's and its videos').
 */
export function pageFiles(dist: string, widget: string, lang: string, strings: string | string[] = []): PageFiles {
  const widgetPath = chunk(dist, widget);
  const imports = [...staticImports(widgetPath)];
  const own = [widgetPath, ...imports.filter((f) => !/[\\/]shared-[\w-]{8}\.js$/.test(f)), ...[strings].flat().map((prefix) => chunk(dist, `${prefix}-${lang}`))];
  const shared = [LOADER(dist), ...imports.filter((f) => !own.includes(f)), chunk(dist, lang)];
  return { all: [...shared, ...own], own };
}
