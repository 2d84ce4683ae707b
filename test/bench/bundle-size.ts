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
function staticImports(file: string, seen = new Set<string>()): Set<string> {
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

/**
 * What a page with one widget downloads: the loader, the widget's chunk and what it imports,
 * and the strings of the page's one language.
 */
export function pageFiles(dist: string, widget: string, lang: string): string[] {
  const chunks = readdirSync(CHUNKS(dist));
  const widgetChunk = chunks.find((f) => f.startsWith(`${widget}-`) && f.endsWith('.js'));
  const langChunk = chunks.find((f) => f.startsWith(`${lang}-`) && f.endsWith('.js'));
  if (!widgetChunk || !langChunk) throw new Error(`No built chunk for ${widget} or ${lang} in ${CHUNKS(dist)}`);
  const widgetPath = join(CHUNKS(dist), widgetChunk);
  return [LOADER(dist), widgetPath, ...staticImports(widgetPath), join(CHUNKS(dist), langChunk)];
}
