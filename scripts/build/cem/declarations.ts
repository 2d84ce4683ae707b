/**
 * TypeScript declarations for pages and apps that use the widgets, written from the custom
 * elements manifest so they cannot drift from it:
 *
 * - `osallistu.d.ts`, a global script: one `Osallistu…Element` interface per tag with its public
 *   properties, the tags in `HTMLElementTagNameMap`, the widgets' events in `HTMLElementEventMap`
 *   and `DocumentEventMap` (they bubble out of the shadow root), and framework-neutral attribute
 *   types in the `Osallistu` namespace (`Osallistu.IntrinsicElements`).
 * - `osallistu-react.d.ts`, `osallistu-preact.d.ts`, `osallistu-vue.d.ts`: each augments one
 *   framework's module with the tags. They are separate files because augmenting a module that
 *   is not installed is an error: an app includes only the one for the framework it has.
 */
import type { Attribute, ClassDeclaration, Manifest, Member } from './manifest-types.ts';
import { customElements, isPublic } from './manifest-types.ts';

type Element = ClassDeclaration & { tagName: string };

const HEADER = (what: string) => `/**
 * ${what}
 * Generated from custom-elements.json by scripts/build/cem/declarations.ts (npm run build); do not edit.
 */
`;

/** "osallistu-video-blog" → "VideoBlog". */
const baseName = (tag: string): string =>
  tag.replace(/^osallistu-/, '').replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
export const elementInterface = (tag: string): string => `Osallistu${baseName(tag)}Element`;
export const attributesInterface = (tag: string): string => `${baseName(tag)}Attributes`;

/** Types a declaration file can name without importing anything from the widgets. */
const PORTABLE = /^(string|number|boolean|undefined|null|void)( \| (string|number|boolean|undefined|null))*$/;

const doc = (text: string | undefined, indent: string): string =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';

function property(m: Member, attributes: Attribute[]): string | undefined {
  const description = m.description ?? attributes.find((a) => a.fieldName === m.name)?.description;
  if (m.kind === 'field') {
    const type = m.type?.text ?? 'string';
    if (!PORTABLE.test(type)) return undefined;
    const optional = / \| undefined$/.test(type);
    return `${doc(description, '  ')}  ${m.readonly ? 'readonly ' : ''}${m.name}${optional ? '?' : ''}: ${type.replace(/ \| undefined$/, '')};\n`;
  }
  const params = m.parameters ?? [];
  const returns = m.return?.type?.text ?? 'void';
  if (![returns, ...params.map((p) => p.type?.text ?? '')].every((t) => PORTABLE.test(t))) return undefined;
  return `${doc(description, '  ')}  ${m.name}(${params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type!.text}`).join(', ')}): ${returns};\n`;
}

/** An attribute's value in markup: its property's type, any text when it has none (`lang`). */
const attributeType = (a: Attribute): string => (a.type?.text && PORTABLE.test(a.type.text) ? a.type.text.replace(/ \| undefined$/, '') : 'string');
/** The tags' JSDoc marks required attributes "(required)". */
export const isRequired = (a: Attribute): boolean => /\(required\)/.test(a.description ?? '');

function elementDeclaration(el: Element): string {
  const members = (el.members ?? []).filter(isPublic).map((m) => property(m, el.attributes ?? [])).filter(Boolean).join('');
  return `${doc(el.description, '')}interface ${elementInterface(el.tagName)} extends HTMLElement {\n${members}}\n`;
}

function attributesDeclaration(el: Element): string {
  const attributes = (el.attributes ?? [])
    .map((a) => `${doc(a.description, '    ')}    '${a.name}'${isRequired(a) ? '' : '?'}: ${attributeType(a)};\n`)
    .join('');
  return `  /** The attributes of \`<${el.tagName}>\`. */\n  interface ${attributesInterface(el.tagName)} {\n${attributes}  }\n`;
}

const events = (elements: Element[]) => elements.flatMap((el) => (el.events ?? []).map((e) => ({ ...e, tag: el.tagName })));

function globalDeclarations(elements: Element[]): string {
  const eventLines = events(elements)
    .map((e) => `${doc(`\`<${e.tag}>\`: ${e.description ?? ''}`, '  ')}  '${e.name}': ${e.type?.text ?? 'CustomEvent<unknown>'};\n`)
    .join('');
  return [
    HEADER('The Osallistu widgets for TypeScript: their elements, properties, events and attributes. Serve or save it beside your code and list it in your tsconfig (or `/// <reference path>` it).'),
    ...elements.map(elementDeclaration),
    `interface HTMLElementTagNameMap {\n${elements.map((el) => `  '${el.tagName}': ${elementInterface(el.tagName)};\n`).join('')}}\n`,
    `interface HTMLElementEventMap {\n${eventLines}}\n`,
    `interface DocumentEventMap {\n${eventLines}}\n`,
    `/** Attribute types of the widgets for JSX and templates, whatever the framework. */\ndeclare namespace Osallistu {\n${elements.map(attributesDeclaration).join('')}`,
    `  /** Tag → attributes, for a framework's JSX \`IntrinsicElements\`. */\n  interface IntrinsicElements {\n${elements.map((el) => `    '${el.tagName}': ${attributesInterface(el.tagName)};\n`).join('')}  }\n}\n`,
  ].join('\n');
}

/**
 * Names React, Preact and Vue keep for themselves in markup (`ref` is the framework's handle on
 * the element, `key` its list identity): an attribute of that name cannot be written there, so
 * the frameworks' tag types leave it out (`<osallistu-feedback-status ref>` is set as the
 * element's `ref` property instead).
 */
export const FRAMEWORK_RESERVED = ['key', 'ref'];

/** `Osallistu.XAttributes`, less any attribute a framework keeps for itself. */
function frameworkAttributes(el: Element): string {
  const name = `Osallistu.${attributesInterface(el.tagName)}`;
  const reserved = (el.attributes ?? []).map((a) => a.name).filter((n) => FRAMEWORK_RESERVED.includes(n));
  return reserved.length ? `Omit<${name}, ${reserved.map((n) => `'${n}'`).join(' | ')}>` : name;
}

/** The four declaration files, by name. */
export function declarationFiles(manifest: Manifest): Record<string, string> {
  const elements = customElements(manifest);
  if (!elements.length) throw new Error('The manifest has no custom elements');
  const lines = (indent: string, type: (el: Element) => string) => elements.map((el) => `${indent}'${el.tagName}': ${type(el)};\n`).join('');
  const framework = (name: string, module: string, inner: string) =>
    `${HEADER(`The Osallistu widgets' tags for ${name}: include this file beside osallistu.d.ts.`)}/// <reference path="./osallistu.d.ts" />\nexport {};\n\ndeclare module '${module}' {\n${inner}}\n`;
  return {
    'osallistu.d.ts': globalDeclarations(elements),
    'osallistu-react.d.ts': framework(
      'React (React.JSX, as in @types/react 19)',
      'react',
      `  namespace JSX {\n    interface IntrinsicElements {\n${lines('      ', (el) => `DetailedHTMLProps<HTMLAttributes<${elementInterface(el.tagName)}>, ${elementInterface(el.tagName)}> & ${frameworkAttributes(el)}`)}    }\n  }\n`,
    ),
    'osallistu-preact.d.ts': framework(
      'Preact',
      'preact',
      `  namespace JSX {\n    interface IntrinsicElements {\n${lines('      ', (el) => `HTMLAttributes<${elementInterface(el.tagName)}> & ${frameworkAttributes(el)}`)}    }\n  }\n`,
    ),
    'osallistu-vue.d.ts': framework(
      'Vue 3 templates (GlobalComponents; tell Vue the tags are custom elements with compilerOptions.isCustomElement)',
      'vue',
      `  interface GlobalComponents {\n${lines('    ', (el) => `DefineComponent<${frameworkAttributes(el)}>`)}  }\n`,
    ),
  };
}
