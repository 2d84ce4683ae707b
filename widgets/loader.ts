/**
 * The script tag's entry, kept tiny: it records where it was loaded from and which site the tag
 * names, then imports each widget only when its element is on the page, starting at the same
 * moment what the widget will need (core/preload.ts).
 *
 *   <script type="module" src="https://HOST/embed/v1/osallistu.js" data-site="espoo"></script>
 */
import { publishLoaderConfig, readLoaderConfig } from './core/loader-config.ts';
import { defineLazily } from './core/lazy-define.ts';
import { preload } from './core/preload.ts';
import { widgets } from './registry.ts';

const config = readLoaderConfig(import.meta.url);
publishLoaderConfig(config);
defineLazily(widgets, document, (tag) => preload(tag, document.querySelectorAll(tag), config, import.meta.url));
