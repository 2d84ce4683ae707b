/**
 * The plugin as WordPress installs it: the files of `osallistu/` with its translations compiled
 * (`languages/*.po` → `.mo` for PHP and the editor script's JSON), used by `npm run wordpress:zip`
 * (scripts/wordpress-zip.ts) and by the WordPress test suite, which installs exactly these files.
 *
 * `node integrations/wordpress/package.ts pot` rewrites `languages/osallistu.pot` from the sources.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EDITOR_SCRIPT, compileMo, compileScriptJson, extractMessages, formatPo, parsePo, scriptJsonName } from './gettext.ts';

export const PLUGIN_DIR = resolve(import.meta.dirname, 'osallistu');
/** WordPress locales with a translation (English is the source). */
export const LOCALES = ['fi', 'sv_SE'] as const;

/** Every file of the installed plugin, by its path inside the plugin's folder. */
export function pluginFiles(): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const name of readdirSync(PLUGIN_DIR, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(PLUGIN_DIR, name);
    try {
      out.set(name.split('\\').join('/'), new Uint8Array(readFileSync(path)));
    } catch {
      // a directory
    }
  }
  for (const locale of LOCALES) {
    const { header, messages } = parsePo(readFileSync(join(PLUGIN_DIR, `languages/osallistu-${locale}.po`), 'utf8'));
    out.set(`languages/osallistu-${locale}.mo`, compileMo(header, messages));
    out.set(`languages/${scriptJsonName(locale)}`, new TextEncoder().encode(compileScriptJson(header, messages, EDITOR_SCRIPT, locale, PLUGIN_DIR)));
  }
  return out;
}

/** The template of every translatable string, as languages/osallistu.pot holds it. */
export function potText(): string {
  return formatPo(extractMessages(PLUGIN_DIR), {
    'Project-Id-Version': 'Osallistu',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'X-Domain': 'osallistu',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename) && process.argv[2] === 'pot') {
  writeFileSync(join(PLUGIN_DIR, 'languages/osallistu.pot'), potText());
  console.log('wrote languages/osallistu.pot');
}
