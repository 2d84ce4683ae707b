import type { LoaderConfig } from './config.ts';

/** Same string as in `config.ts`, which reads what this module publishes. */
const KEY = Symbol.for('osallistu.loader-config');

/** Reads the configuration of the loader served from `scriptUrl` off its script tag. */
export function readLoaderConfig(scriptUrl: string, doc: Document = document): LoaderConfig {
  const script = [...doc.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === scriptUrl);
  const site = script?.dataset.site?.trim();
  return { apiBase: new URL(scriptUrl).origin, ...(site ? { site } : {}) };
}

/** The first loader on the page wins, so a second paste cannot redirect widgets already shown. */
export function publishLoaderConfig(config: LoaderConfig): void {
  (globalThis as { [KEY]?: LoaderConfig })[KEY] ??= config;
}
