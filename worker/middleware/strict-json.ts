/**
 * What `JSON.parse` lets through and this API refuses, found in a body's text before it is
 * parsed: a key given twice in one object (JSON.parse keeps the last one silently, so a proxy or
 * a log could read another value than we stored), a `__proto__` key (zod leaves it out without a
 * word, while any other unknown key is refused), and text with a lone surrogate (half of a UTF-16
 * pair: not a character, and stored as it came it breaks every XML file and spreadsheet it
 * reaches). Syntax errors are left to the parser, which reports them as `malformed_json`.
 */
import type { ErrorIssue } from '../errors.ts';

type Path = (string | number)[];
interface ObjectFrame {
  kind: 'object';
  keys: Set<string>;
  key: string | null;
  expectKey: boolean;
}
interface ArrayFrame {
  kind: 'array';
  index: number;
}
type Frame = ObjectFrame | ArrayFrame;

const STRUCTURE = /["{}[\],]/g;

function pathOf(stack: Frame[], prefix: Path): Path {
  const path = [...prefix];
  for (const frame of stack) {
    if (frame.kind === 'array') path.push(frame.index);
    else if (frame.key !== null) path.push(frame.key);
  }
  return path;
}

/** The end of the string that starts at `start` (the index of its closing quote), or -1. */
function stringEnd(text: string, start: number): number {
  let at = start;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/**
 * The first problem in `text` (a JSON document) as a validation issue whose path leads to it
 * (after `prefix`, e.g. an import's line number), or null when there is none or the text is not
 * JSON at all.
 */
export function strictJsonIssue(text: string, prefix: Path = []): ErrorIssue | null {
  const stack: Frame[] = [];
  STRUCTURE.lastIndex = 0;
  for (let match = STRUCTURE.exec(text); match; match = STRUCTURE.exec(text)) {
    const at = match.index;
    const top = stack[stack.length - 1];
    switch (text[at]) {
      case '{':
        stack.push({ kind: 'object', keys: new Set(), key: null, expectKey: true });
        break;
      case '[':
        stack.push({ kind: 'array', index: 0 });
        break;
      case '}':
      case ']':
        stack.pop();
        break;
      case ',':
        if (top?.kind === 'array') top.index++;
        else if (top) top.expectKey = true;
        break;
      case '"': {
        const end = stringEnd(text, at);
        if (end < 0) return null;
        const raw = text.slice(at, end + 1);
        let value: string;
        try {
          value = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        } catch {
          return null;
        }
        const isKey = top?.kind === 'object' && top.expectKey;
        if (isKey) {
          top.expectKey = false;
          top.key = null;
          const path = pathOf(stack, prefix);
          if (value === '__proto__') return { path: [...path, value], code: 'forbidden_key', message: 'The key "__proto__" is not accepted in any object.' };
          if (top.keys.has(value)) return { path: [...path, value], code: 'duplicate_key', message: `The key "${value}" is given twice in this object: send each key once.` };
          top.keys.add(value);
          top.key = value;
        }
        if (!value.isWellFormed()) {
          return {
            path: pathOf(stack, prefix),
            code: 'invalid_text',
            message: 'This text holds a lone surrogate (half of a UTF-16 pair), which is no character: send well-formed Unicode.',
          };
        }
        STRUCTURE.lastIndex = end + 1;
        break;
      }
    }
  }
  return null;
}
