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
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { inject } from 'vitest';
import { declaredInterfaces, readmeAttributes } from '../build/manifest-checks.ts';
import type { Manifest } from '../../scripts/build/cem/manifest-types.ts';
import { customElements } from '../../scripts/build/cem/manifest-types.ts';
import type { HtmlCustomData } from '../../scripts/build/cem/vscode-data.ts';
import { attributesInterface, elementInterface, FRAMEWORK_RESERVED } from '../../scripts/build/cem/declarations.ts';
import { widgets } from '../../widgets/registry.ts';

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

/*
 * What developers' tools read, made by the build from the widgets' JSDoc (scripts/build/cem/):
 * custom-elements.json, the TypeScript declarations and VS Code's HTML data.
 */
const EMBED = join(DIST, 'embed/v1');
const DECLARATIONS = ['osallistu.d.ts', 'osallistu-react.d.ts', 'osallistu-preact.d.ts', 'osallistu-vue.d.ts'];
const manifest = (): Manifest => JSON.parse(readFileSync(join(EMBED, 'custom-elements.json'), 'utf8')) as Manifest;
const elements = () => customElements(manifest());
const attributeNames = (tag: string) => (elements().find((e) => e.tagName === tag)?.attributes ?? []).map((a) => a.name).sort();
const tsc = (project: string) => spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: ROOT, encoding: 'utf8' });

describe('custom-elements.json', () => {
  it('describes exactly the public widgets the loader registers, not the console', () => {
    expect(elements().map((e) => e.tagName).sort()).toEqual(Object.keys(widgets).sort());
    expect(JSON.stringify(manifest())).not.toContain('osallistu-admin');
  });

  it('has every attribute the README documents, on an element of its section, with a description', () => {
    const sections = readmeAttributes(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(sections.flatMap((s) => s.tags).sort()).toEqual(Object.keys(widgets).sort());
    for (const { tags, attributes } of sections) {
      for (const name of attributes) {
        const described = elements().filter((e) => tags.includes(e.tagName)).flatMap((e) => e.attributes ?? []).filter((a) => a.name === name && a.description);
        expect(described.length, `${name} of ${tags.join(', ')}`).toBeGreaterThan(0);
      }
    }
  });

  it('describes every attribute, event, part and slot, and types every event', () => {
    for (const el of elements()) {
      for (const item of [...(el.attributes ?? []), ...(el.events ?? []), ...(el.cssParts ?? []), ...(el.slots ?? [])]) expect(item.description, `${el.tagName} ${item.name}`).toMatch(/\w/);
      for (const event of el.events ?? []) expect(event.type?.text, `${el.tagName} ${event.name}`).toMatch(/^CustomEvent<\{ site: string; .+\}>$/);
    }
    expect(elements().flatMap((e) => (e.events ?? []).map((ev) => ev.name)).sort()).toEqual(['osallistu-feedback-sent', 'osallistu-vote']);
  });
});

describe('the TypeScript declarations', () => {
  it.each(DECLARATIONS)('types/%s is the one the build serves (node scripts/build/write-types.ts rewrites it)', (name) => {
    expect(readFileSync(join(ROOT, 'types', name), 'utf8')).toBe(readFileSync(join(EMBED, name), 'utf8'));
  });

  it("declare exactly the manifest's elements, properties' attributes and events", () => {
    const global = declaredInterfaces(join(EMBED, 'osallistu.d.ts'));
    const tags = elements().map((e) => e.tagName);
    expect(global.get('HTMLElementTagNameMap')).toEqual(tags);
    expect(global.get('IntrinsicElements')).toEqual(tags);
    for (const tag of tags) expect(global.get(attributesInterface(tag))?.slice().sort(), tag).toEqual(attributeNames(tag));
    for (const tag of tags) {
      const fields = (elements().find((e) => e.tagName === tag)?.attributes ?? []).flatMap((a) => a.fieldName ?? []);
      expect(global.get(elementInterface(tag)), tag).toEqual(expect.arrayContaining(fields));
    }
    const events = elements().flatMap((e) => (e.events ?? []).map((ev) => ev.name));
    expect(global.get('HTMLElementEventMap')).toEqual(events);
    expect(global.get('DocumentEventMap')).toEqual(events);
    for (const name of DECLARATIONS.slice(1)) {
      const framework = declaredInterfaces(join(EMBED, name));
      expect(framework.get(name.includes('vue') ? 'GlobalComponents' : 'IntrinsicElements'), name).toEqual(tags);
    }
    expect(readFileSync(join(EMBED, 'osallistu-react.d.ts'), 'utf8')).toContain(`Omit<Osallistu.FeedbackStatusAttributes, ${FRAMEWORK_RESERVED.filter((n) => attributeNames('osallistu-feedback-status').includes(n)).map((n) => `'${n}'`).join(' | ')}>`);
  });

  it('type-check DOM code, React and Preact JSX and Vue components that use them right, and catch misuse', () => {
    const run = tsc(join(ROOT, 'test/build/fixtures/tsconfig.json'));
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('are what the fixtures need: without them the same fixtures fail', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osallistu-types-'));
    try {
      const fixtures = join(ROOT, 'test/build/fixtures');
      const config = join(dir, 'tsconfig.json');
      writeFileSync(config, JSON.stringify({ extends: join(fixtures, 'tsconfig.json'), files: ['dom.ts', 'react.tsx', 'preact.tsx', 'vue.ts'].map((f) => join(fixtures, f)) }));
      const out = tsc(config).stdout;
      expect(out).toMatch(/dom\.ts.*Property 'poll' does not exist/);
      expect(out).toMatch(/react\.tsx.*Property 'osallistu-poll' does not exist on type 'JSX\.IntrinsicElements'/);
      expect(out).toMatch(/preact\.tsx.*Property 'osallistu-poll' does not exist on type 'JSX\.IntrinsicElements'/);
      expect(out).toMatch(/vue\.ts.*'"osallistu-poll"' does not satisfy the constraint/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("VS Code's HTML custom data", () => {
  it("lists the manifest's tags and their attributes with descriptions, boolean ones taking no value", () => {
    const data = JSON.parse(readFileSync(join(EMBED, 'vscode.html-custom-data.json'), 'utf8')) as HtmlCustomData;
    expect(data.version).toBe(1.1);
    expect(data.tags.map((t) => t.name)).toEqual(elements().map((e) => e.tagName));
    for (const tag of data.tags) {
      expect(tag.description, tag.name).toMatch(/\w/);
      expect(tag.attributes.map((a) => a.name).sort()).toEqual(attributeNames(tag.name));
      for (const a of tag.attributes) expect(a.description, `${tag.name} ${a.name}`).toMatch(/\w/);
    }
    const decisions = data.tags.find((t) => t.name === 'osallistu-decisions');
    expect(decisions?.attributes.find((a) => a.name === 'search')?.valueSet).toBe('v');
    expect(decisions?.attributes.find((a) => a.name === 'organ')?.valueSet).toBeUndefined();
  });
});

describe('served beside the loader', () => {
  const server = inject('devServer');
  it.each(['custom-elements.json', 'vscode.html-custom-data.json', ...DECLARATIONS])('/embed/v1/%s, to any origin', async (name) => {
    const response = await fetch(`${server.url}/embed/v1/${name}`, { headers: { Origin: 'https://www.example.org' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toMatch(name.endsWith('.json') ? /^application\/json/ : /^text\/plain; charset=utf-8/);
    expect(await response.text()).toBe(readFileSync(join(EMBED, name), 'utf8'));
  });
});
