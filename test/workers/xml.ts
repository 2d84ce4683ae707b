/**
 * A strict XML 1.0 well-formedness check for the suites (workerd has no DOMParser), returning the
 * element tree. It accepts the subset our writers produce and refuses anything else outright:
 * comments, processing instructions (but the declaration), CDATA, DOCTYPE and non-ASCII names.
 * Checked: every character is an XML Char, tags match, attributes are quoted, unique and free of
 * "<", references are only &amp; &lt; &gt; &quot; &apos; and character references to Chars, text
 * has no "]]>", namespace prefixes are declared, and nothing follows the root but white space.
 */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own text, references resolved (its children's text not included). */
  text: string;
}

const NAME = /[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const isChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

export function parseXml(source: string): XmlNode {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`Not well-formed XML at ${i}: ${why} near ${JSON.stringify(source.slice(Math.max(0, i - 40), i + 40))}`);
  };
  for (const ch of source) if (!isChar(ch.codePointAt(0)!)) fail(`character U+${ch.codePointAt(0)!.toString(16)} is not allowed`);
  const space = () => {
    while (/[ \t\r\n]/.test(source[i] ?? '')) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const found = NAME.exec(source)?.[0] ?? fail('expected a name');
    i += found.length;
    return found;
  };
  const reference = (): string => {
    const end = source.indexOf(';', i);
    if (end < 0) fail('unterminated reference');
    const ref = source.slice(i + 1, end);
    let value: string | undefined = ENTITIES[ref];
    if (/^#[0-9]{1,7}$/.test(ref) || /^#x[0-9a-fA-F]{1,6}$/.test(ref)) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      value = isChar(cp) ? String.fromCodePoint(cp) : fail(`reference to a character XML does not allow: &${ref};`);
    }
    if (value === undefined) fail(`unknown reference &${ref};`);
    i = end + 1;
    return value!;
  };

  const declaration = /^<\?xml version="1\.0"(?: encoding="UTF-8")?\?>/.exec(source);
  if (source.startsWith('<?') && !declaration) fail('only the XML declaration may start with "<?"');
  i = declaration?.[0].length ?? 0;
  space();

  function element(scope: Set<string>): XmlNode {
    if (source[i] !== '<') fail('expected "<"');
    i++;
    const node: XmlNode = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      space();
      if (source.startsWith('/>', i) || source[i] === '>') break;
      if (i === before) fail('attributes must be separated by white space');
      const key = name();
      space();
      if (source[i++] !== '=') fail(`expected "=" after ${key}`);
      space();
      const quote = source[i++];
      if (quote !== '"' && quote !== "'") fail(`the value of ${key} is not quoted`);
      let value = '';
      while (source[i] !== quote) {
        if (i >= source.length || source[i] === '<') fail(`"<" or the end inside the value of ${key}`);
        value += source[i] === '&' ? reference() : source[i++];
      }
      i++;
      if (key in node.attrs) fail(`attribute ${key} given twice`);
      node.attrs[key] = value;
    }
    const inScope = new Set(scope);
    for (const key of Object.keys(node.attrs)) if (key.startsWith('xmlns:')) inScope.add(key.slice(6));
    for (const prefixed of [node.name, ...Object.keys(node.attrs)]) {
      const prefix = prefixed.includes(':') ? prefixed.split(':')[0]! : null;
      if (prefix && prefix !== 'xml' && prefix !== 'xmlns' && !inScope.has(prefix)) fail(`undeclared namespace prefix in ${prefixed}`);
    }
    if (source.startsWith('/>', i)) {
      i += 2;
      return node;
    }
    i++;
    for (;;) {
      if (i >= source.length) fail(`<${node.name}> is not closed`);
      if (source.startsWith(']]>', i)) fail('"]]>" in text');
      if (source[i] === '&') node.text += reference();
      else if (source.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== node.name) fail(`</${closing}> closes <${node.name}>`);
        space();
        if (source[i++] !== '>') fail(`expected ">" to end </${closing}>`);
        return node;
      } else if (source[i] === '<') {
        if (/^<[!?]/.test(source.slice(i, i + 2))) fail('comments, CDATA, DOCTYPE and processing instructions are not expected');
        node.children.push(element(inScope));
      } else node.text += source[i++];
    }
  }

  const root = element(new Set());
  space();
  if (i !== source.length) fail('content after the root element');
  return root;
}

/** The children of `node` named `name`. */
export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
/** The first child of `node` named `name`, or an error saying it is missing. */
export function childNamed(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}
