/**
 * A Vite plugin that tells the loader, at build time, what every widget needs at once: the chunk
 * each widget's chunk imports (the shared chunk: Lit and the core) and, per language, the strings
 * that one loads (which are all the poll's). With that the loader starts them in parallel as soon
 * as it sees an element (widgets/core/preload.ts), instead of the browser finding the shared chunk
 * only after the widget's chunk has arrived, and the strings only after the shared chunk has run.
 * A widget's own strings (feedback, decisions, video) still come after its chunk: naming them all
 * would cost the loader's every page more bytes than they save the pages that have them.
 *
 * The loader reads `globalThis.__OSALLISTU_PRELOAD__`; once every chunk has its final name, that
 * is replaced by `{ "": [the shared chunk], fi: [...], sv: [...], en: [...], voted: [the poll's
 * results view], "voted-fi": [its strings], … }`, file names relative to `embed/v1/chunks/`. (The loader's source map keeps the old text's columns: positions
 * after it on the one minified line are off by the difference.)
 */
import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

export const PRELOAD_PLACEHOLDER = 'globalThis.__OSALLISTU_PRELOAD__';
const LOADER = 'embed/v1/osallistu.js';
const LOCALE = /locales[\\/](?:\w+[\\/])?(fi|sv|en)\.ts$/;
/** The poll's results view: what a browser that has voted before sees first (the manifest's `voted`). */
const RESULTS = /widgets[\\/]poll[\\/]results\.ts$/;

/** "": the chunks every widget imports; fi, sv, en: the strings those load in that language; voted: what a poll shows a browser that has voted. */
export type PreloadManifest = Record<string, string[]>;

export function preloadManifest(): Plugin {
  return {
    name: 'osallistu-preload-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, OutputChunk>();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item as OutputChunk);
      const loader = chunks.get(LOADER);
      if (!loader) return;
      const short = (file: string) => file.replace(/^embed\/v1\/chunks\//, '');
      const staticDeps = (file: string, seen = new Set<string>()): Set<string> => {
        for (const dep of chunks.get(file)?.imports ?? []) {
          if (!seen.has(dep)) {
            seen.add(dep);
            staticDeps(dep, seen);
          }
        }
        return seen;
      };
      // What every widget's chunk imports (the shared chunk), and the strings that imports per language.
      const common = loader.dynamicImports.map((file) => staticDeps(file)).reduce((a, b) => new Set([...a].filter((file) => b.has(file))));
      const manifest: PreloadManifest = { '': [...common].map(short) };
      for (const part of common) {
        for (const lazy of chunks.get(part)?.dynamicImports ?? []) {
          const lang = LOCALE.exec(chunks.get(lazy)?.facadeModuleId ?? '')?.[1];
          if (lang) (manifest[lang] ??= []).push(short(lazy));
        }
      }
      const results = [...chunks.values()].find((chunk) => RESULTS.test(chunk.facadeModuleId ?? ''));
      if (!results) this.error('No chunk for widgets/poll/results.ts, which the loader preloads for a browser that has voted');
      manifest.voted = [short(results.fileName)];
      // and its own strings, per language: "voted-fi".
      for (const lazy of results.dynamicImports) {
        const lang = LOCALE.exec(chunks.get(lazy)?.facadeModuleId ?? '')?.[1];
        if (lang) manifest[`voted-${lang}`] = [short(lazy)];
      }
      if (!loader.code.includes(PRELOAD_PLACEHOLDER)) this.error(`The loader has no "${PRELOAD_PLACEHOLDER}" to fill in (widgets/core/preload.ts)`);
      loader.code = loader.code.replace(PRELOAD_PLACEHOLDER, () => `(${JSON.stringify(manifest)})`);
    },
  };
}
