/**
 * Where the widgets find the API and which site they belong to. The loader records what its
 * own `<script>` tag says; an element's `api` and `site` attributes override it.
 */
export interface LoaderConfig {
  /** Origin of the API, by default the origin the loader was served from. */
  apiBase: string;
  /** The site slug from the script tag's `data-site`. */
  site?: string;
}

let current: LoaderConfig | undefined;

/** Reads the configuration of the loader served from `scriptUrl` off its script tag. */
export function readLoaderConfig(scriptUrl: string, doc: Document = document): LoaderConfig {
  const script = [...doc.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === scriptUrl);
  const site = script?.dataset.site?.trim();
  return { apiBase: new URL(scriptUrl).origin, ...(site ? { site } : {}) };
}

export function setLoaderConfig(config: LoaderConfig): void {
  current = config;
}

/** The loader's configuration, or the page's own origin when a widget is used without it. */
export function loaderConfig(): LoaderConfig {
  return current ?? { apiBase: location.origin };
}
