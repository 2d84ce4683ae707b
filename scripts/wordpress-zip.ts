/**
 * `npm run wordpress:zip`: dist/osallistu-wordpress.zip, the WordPress plugin as *Plugins → Add New
 * → Upload Plugin* takes it: one folder `osallistu/` with the sources and their translations
 * compiled (integrations/wordpress/package.ts). No build tools beyond Node: the editor script needs
 * no build, and the .mo and JSON translations are written from the .po files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { pluginFiles } from '../integrations/wordpress/package.ts';

const out = resolve(import.meta.dirname, '../dist/osallistu-wordpress.zip');
const entries: Zippable = {};
// A fixed time stamp, so the same sources make the same zip.
const mtime = new Date('2026-01-01T00:00:00Z');
for (const [name, bytes] of pluginFiles()) entries[`osallistu/${name}`] = [bytes, { mtime }];
mkdirSync(join(out, '..'), { recursive: true });
const zip = zipSync(entries, { level: 9 });
writeFileSync(out, zip);
console.log(`${out}: ${Object.keys(entries).length} files, ${zip.length} bytes`);
