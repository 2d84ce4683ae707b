/**
 * A tiny XML writer for Open311 answers: elements with text or child elements, nothing else
 * (no attributes, no namespaces). Every text is escaped, and characters XML 1.0 does not allow
 * (most control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, so whatever a resident
 * or an official typed, the document stays well-formed.
 */

/** An element: its name and either its text (null for empty) or its children, in order. */
export type XmlNode = readonly [name: string, content: XmlContent];
export type XmlContent = string | number | boolean | null | readonly XmlNode[];

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Text made safe for element content (and attribute values): escaped, disallowed characters removed. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r]/g, (ch) => ESCAPES[ch]!);
}

function render(node: XmlNode, out: string[]): void {
  const [name, content] = node;
  // Names come from our code, never from input; a bad one is a bug, not a request error.
  if (!NAME.test(name)) throw new Error(`Not an XML element name: ${name}`);
  if (content === null || content === '') {
    out.push(`<${name}/>`);
  } else if (Array.isArray(content)) {
    out.push(`<${name}>`);
    for (const child of content as readonly XmlNode[]) render(child, out);
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}>${escapeXml(String(content))}</${name}>`);
  }
}

/** A whole document: the XML declaration and `root`. */
export function xmlDocument(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, out);
  return out.join('');
}
