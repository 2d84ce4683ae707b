/**
 * The script tag's entry, kept tiny: it records where it was loaded from and which site the tag
 * names, then imports each widget only when its element is on the page.
 *
 *   <script type="module" src="https://HOST/embed/v1/osallistu.js" data-site="espoo"></script>
 */
import { publishLoaderConfig, readLoaderConfig } from './core/loader-config.ts';
import { defineLazily } from './core/lazy-define.ts';
import { widgets } from './registry.ts';

publishLoaderConfig(readLoaderConfig(import.meta.url));
defineLazily(widgets);
