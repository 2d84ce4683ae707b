/**
 * Where the widgets find the API and which site they belong to. The loader publishes what its
 * own `<script>` tag says under a global symbol (see `loader-config.ts`), so widget chunks need
 * not import the loader's modules; an element's `api` and `site` attributes win over it.
 */
export interface LoaderConfig {
  /** Origin of the API, by default the origin the loader was served from. */
  apiBase: string;
  /** The site slug from the script tag's `data-site`. */
  site?: string;
}

/** Same string as in `loader-config.ts`: `Symbol.for` makes them one symbol without an import. */
const KEY = Symbol.for('osallistu.loader-config');

/** The loader's configuration, or the page's own origin when a widget is used without it. */
export function loaderConfig(): LoaderConfig {
  return (globalThis as { [KEY]?: LoaderConfig })[KEY] ?? { apiBase: location.origin };
}
