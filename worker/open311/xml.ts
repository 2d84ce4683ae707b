/**
 * A tiny XML writer for Open311 answers: elements with text or child elements, nothing else
 * (no attributes, no namespaces). Every text goes through the shared `escapeXml` (worker/xml.ts):
 * escaped, and characters XML 1.0 does not allow dropped, so the document stays well-formed.
 */
import { escapeXml } from '../xml.ts';

export { escapeXml };

/** An element: its name and either its text (null for empty) or its children, in order. */
export type XmlNode = readonly [name: string, content: XmlContent];
export type XmlContent = string | number | boolean | null | readonly XmlNode[];

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

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
