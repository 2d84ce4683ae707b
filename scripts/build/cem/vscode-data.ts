/**
 * VS Code's HTML custom data (`html.customData`, format version 1.1) from the custom elements
 * manifest: the tags with their descriptions and attributes, so an editor's HTML completion and
 * hover know `<osallistu-poll poll="…">`.
 */
import type { Attribute, Manifest } from './manifest-types.ts';
import { customElements } from './manifest-types.ts';

interface Value {
  name: string;
}

interface HtmlAttribute {
  name: string;
  description?: string;
  values?: Value[];
  valueSet?: string;
}

interface HtmlTag {
  name: string;
  description: string;
  attributes: HtmlAttribute[];
}

export interface HtmlCustomData {
  version: 1.1;
  tags: HtmlTag[];
}

/** Values an editor can offer: the string literals of a union type (`'a' | 'b'`); none for free text. */
const literalValues = (type: string | undefined): Value[] | undefined => {
  const names = [...(type ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => ({ name: m[1] ?? m[2] ?? '' }));
  return names.length ? names : undefined;
};

function attribute(a: Attribute): HtmlAttribute {
  const type = a.type?.text;
  return {
    name: a.name,
    ...(a.description ? { description: a.description } : {}),
    // "v": VS Code's value set for attributes that take no value.
    ...(type === 'boolean' ? { valueSet: 'v' } : {}),
    ...(literalValues(type) ? { values: literalValues(type) } : {}),
  };
}

/** The custom data for every element in `manifest`. */
export function vscodeCustomData(manifest: Manifest): HtmlCustomData {
  return {
    version: 1.1,
    tags: customElements(manifest).map((el) => {
      const extras = [
        el.events?.length ? `Events: ${el.events.map((e) => `\`${e.name}\``).join(', ')}.` : '',
        el.cssParts?.length ? `Parts: ${el.cssParts.map((p) => `\`::part(${p.name})\``).join(', ')}.` : '',
      ].filter(Boolean);
      return {
        name: el.tagName,
        description: [el.description ?? '', ...extras].filter(Boolean).join('\n\n'),
        attributes: (el.attributes ?? []).map(attribute),
      };
    }),
  };
}
