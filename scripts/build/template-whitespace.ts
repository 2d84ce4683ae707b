import { parseAst } from 'vite';
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const TAGS = new Set(['html', 'css']);

/** Every `html`…`` and `css`…`` template's static text, as [start, end) offsets into the source. */
function templateTexts(node: unknown, found: [number, number][] = []): [number, number][] {
  if (Array.isArray(node)) {
    for (const child of node) templateTexts(child, found);
  } else if (node && typeof node === 'object' && typeof (node as Node).type === 'string') {
    const n = node as Node;
    const tag = n.tag as Node | undefined;
    if (n.type === 'TaggedTemplateExpression' && tag?.type === 'Identifier' && TAGS.has(tag.name as string)) {
      for (const quasi of (n.quasi as { quasis: Node[] }).quasis) found.push([quasi.start, quasi.end]);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'tag' && typeof value === 'object') templateTexts(value, found);
  }
  return found;
}

/**
 * Drops the indentation inside Lit's `html` and `css` templates: after a line break, HTML and
 * CSS treat any run of spaces as one, so the rendered result is the same and every widget ships
 * a few hundred bytes less. Line breaks stay, so line numbers in the source maps stay right.
 */
export function templateWhitespace(): Plugin {
  return {
    name: 'osallistu-template-whitespace',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]widgets[\\/].*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const texts = templateTexts(parseAst(code, { lang: 'ts' }));
      let out = code;
      for (const [start, end] of texts.sort((a, b) => b[0] - a[0])) {
        out = out.slice(0, start) + out.slice(start, end).replace(/\n[ \t]+/g, '\n') + out.slice(end);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
