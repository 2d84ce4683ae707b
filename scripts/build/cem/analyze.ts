/**
 * Reads the public widgets' source with `@custom-elements-manifest/analyzer` (its Lit support,
 * as the CLI's `--litelement`) and returns their custom elements manifest: tags, attributes,
 * properties, events, slots, CSS parts and custom properties, from the JSDoc each widget carries.
 *
 * Which files: the widgets `widgets/registry.ts` lists (the loader's own list, so a new widget
 * joins by being registered there) and the base class they inherit `site`, `api` and `lang`
 * from. The officials' console is not in the registry and not in the manifest: it is no element
 * a web editor embeds.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Node } from 'typescript';
import { create, ts } from './analyzer-api.ts';
import type { AnalyzerPlugin as Plugin } from './analyzer-api.ts';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import type { ClassDeclaration, Manifest } from './manifest-types.ts';
import { isPublic } from './manifest-types.ts';

const BASE_CLASS = 'widgets/core/base-element.ts';

/** The widget modules the loader registers, as paths from the repository root. */
export function widgetFiles(root: string): string[] {
  const registry = readFileSync(join(root, 'widgets/registry.ts'), 'utf8');
  const files = [...registry.matchAll(/import\('\.\/([^']+)'\)/g)].map((m) => `widgets/${m[1]}`);
  if (!files.length) throw new Error('widgets/registry.ts lists no widget imports');
  return files;
}

/** `defineElement('tag', Class)` as a statement: the tag and the class's name. */
function definition(node: Node): { tag: string; name: string } | undefined {
  if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) return undefined;
  const { expression, arguments: args } = node.expression;
  if (!ts.isIdentifier(expression) || expression.text !== 'defineElement') return undefined;
  const [tag, constructor] = args;
  return tag && ts.isStringLiteral(tag) && constructor && ts.isIdentifier(constructor) ? { tag: tag.text, name: constructor.text } : undefined;
}

/**
 * The widgets register themselves with `defineElement('tag', Class)` (widgets/core/define.ts:
 * define unless already defined) rather than Lit's `@customElement`, which the analyzer knows.
 */
function defineElementPlugin(): Plugin {
  return {
    name: 'osallistu-define-element',
    analyzePhase({ node, moduleDoc }) {
      const found = definition(node);
      if (!found) return;
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: found.tag, declaration: { name: found.name, module: moduleDoc.path } }];
    },
  };
}

/**
 * Events are sent with `emit<Detail>(this, 'name', detail)` (widgets/core/events.ts), which the
 * analyzer does not read: this gives each event the `@fires` tag names its type,
 * `CustomEvent<{ … }>`, with the detail interface of the same module written out in place so
 * that the manifest (and the declarations made from it) stand alone.
 */
function emittedEventsPlugin(): Plugin {
  const interfaces = new Map<string, string>();
  const found: { file: string; className: string; event: string; detail: string }[] = [];
  return {
    name: 'osallistu-emitted-events',
    collectPhase({ node }) {
      if (!ts.isInterfaceDeclaration(node)) return;
      const members = node.members.map((m) => m.getText().replace(/[;,]?$/, ';')).join(' ');
      interfaces.set(`${node.getSourceFile().fileName}#${node.name.text}`, `{ ${members} }`);
    },
    analyzePhase({ node }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'emit') return;
      const [, name] = node.arguments;
      const detail = node.typeArguments?.[0];
      if (!name || !ts.isStringLiteral(name) || !detail) return;
      let parent: Node | undefined = node.parent;
      while (parent && !ts.isClassDeclaration(parent)) parent = parent.parent;
      if (!parent || !ts.isClassDeclaration(parent) || !parent.name) return;
      const file = node.getSourceFile().fileName;
      const detailText = interfaces.get(`${file}#${detail.getText()}`) ?? detail.getText();
      found.push({ file, className: parent.name.text, event: name.text, detail: detailText });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { file, className, event, detail } of found) {
        const module = (customElementsManifest as Manifest).modules.find((m) => m.path === file);
        const cls = module?.declarations.find((d): d is ClassDeclaration => d.kind === 'class' && d.name === className);
        if (!cls) continue;
        cls.events ??= [];
        const doc = cls.events.find((e) => e.name === event);
        if (doc) doc.type = { text: `CustomEvent<${detail}>` };
        else throw new Error(`${file}: ${className} emits '${event}' without a @fires tag describing it`);
      }
    },
  };
}

/**
 * Only what a page may use: the element classes (and the base they inherit from) with their
 * public members; helper functions and protected or private members are left out.
 */
function publicOnly(manifest: Manifest): Manifest {
  for (const module of manifest.modules) {
    module.declarations = module.declarations.filter((d) => d.kind === 'class');
    for (const d of module.declarations as ClassDeclaration[]) if (d.members) d.members = d.members.filter(isPublic);
    module.exports = (module.exports ?? []).filter((e) => module.declarations.some((d) => d.name === e.declaration.name));
  }
  return manifest;
}

/** The manifest of the public widgets, from the sources under `root`. */
export function analyzeWidgets(root: string): Manifest {
  const files = [BASE_CLASS, ...widgetFiles(root)];
  const modules = files.map((file) => ts.createSourceFile(relative(root, join(root, file)), readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true));
  const manifest = create({ modules, plugins: [...litPlugin(), defineElementPlugin(), emittedEventsPlugin()] }) as unknown as Manifest;
  return publicOnly(manifest);
}
