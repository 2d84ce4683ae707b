/**
 * The shape of the build a page downloads: not its size (the bench measures that against its
 * budgets) but which files. A module shared by a widget and the console, or a static import of a
 * widget somewhere, silently splits out one more chunk that every page then fetches.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { LOADER, staticImports } from '../bench/bundle-size.ts';

const DIST = join(ROOT, 'dist');
const CHUNKS = join(DIST, 'embed/v1/chunks');
/** A chunk's name without its hash: "osallistu-feedback-B-rVGJ43.js" → "osallistu-feedback". */
const nameOf = (file: string) => basename(file).replace(/-[\w-]{8}\.js$/, '');
const importsOf = (name: string) => {
  const file = readdirSync(CHUNKS).find((f) => f.endsWith('.js') && nameOf(f) === name);
  if (!file) throw new Error(`No chunk ${name} in ${CHUNKS}`);
  return [...staticImports(join(CHUNKS, file))].map(nameOf).sort();
};

describe('the built widgets', () => {
  it('the loader is one file that imports nothing', () => {
    expect([...staticImports(LOADER(DIST))]).toEqual([]);
  });

  it.each([
    ['osallistu-poll', ['shared']],
    ['osallistu-feedback', ['shared']],
    ['osallistu-feedback-status', ['shared']],
    ['osallistu-decisions', ['shared']],
    ['osallistu-video', ['shared']],
    ['osallistu-video-blog', ['osallistu-video', 'shared']],
  ])('%s fetches only the shared chunk with it (and what it builds on)', (widget, expected) => {
    expect(importsOf(widget)).toEqual(expected);
  });

  it('the console is its own chunk, which no public widget imports', () => {
    const publicChunks = readdirSync(CHUNKS).filter((f) => f.endsWith('.js') && /^osallistu-(?!admin)/.test(f));
    for (const file of publicChunks) expect([...staticImports(join(CHUNKS, file))].map(nameOf), file).not.toContain('osallistu-admin');
    expect(importsOf('osallistu-admin')).toEqual(['shared']);
  });
});
