/**
 * XML text for every XML answer (Open311, the Atom feed): whatever a resident or an official
 * typed, escaped, with the characters XML 1.0 does not allow (most control characters, lone
 * surrogates, U+FFFE/U+FFFF) dropped, so the document stays well-formed. And a tiny element tree
 * for documents with attributes and namespaces; names come from our code, never from input.
 */

// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is one code point of its own, outside every allowed range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** `text` without the characters XML 1.0 does not allow, for any XML we write (here, and the XLSX parts). */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Text made safe for element content (and attribute values): escaped, disallowed characters removed. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"'\r]/g, (ch) => ESCAPES[ch]!);
}

/** For attribute values: also line breaks and tabs as references, which attribute normalisation would turn into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\n\t]/g, (ch) => ESCAPES[ch]!);
}

/** An element: name, attributes (null and undefined left out), and children: elements, or text that is always escaped. */
export interface XmlElement {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | number | null | undefined>>;
  readonly children?: readonly (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?$/;

function checkName(name: string): string {
  // A bad name is a bug in our code, not a request error.
  if (!NAME.test(name)) throw new Error(`Not an XML name: ${name}`);
  return name;
}

/** Shorthand for an element with text content, or none when the text is empty or missing. */
export function textElement(name: string, text: string | null | undefined, attrs?: XmlElement['attrs']): XmlElement | null {
  return text ? { name, attrs, children: [text] } : null;
}

function render(node: XmlElement, out: string[]): void {
  const name = checkName(node.name);
  let open = `<${name}`;
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== null && value !== undefined) open += ` ${checkName(key)}="${escapeXmlAttribute(String(value))}"`;
  }
  const children = node.children ?? [];
  if (!children.length) {
    out.push(`${open}/>`);
    return;
  }
  out.push(`${open}>`);
  for (const child of children) {
    if (typeof child === 'string') out.push(escapeXml(child));
    else render(child, out);
  }
  out.push(`</${name}>`);
}

/** A whole document: the XML declaration and `root`. */
export function renderXmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  render(root, out);
  out.push('\n');
  return out.join('');
}
