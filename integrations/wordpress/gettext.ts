/**
 * The plugin's translations without gettext tools: the strings the plugin asks WordPress to
 * translate (extracted from its PHP, its editor script and block.json), `.po` files read, and the
 * two forms WordPress 6.1 loads written from them: `.mo` for PHP (load_plugin_textdomain) and the
 * Jed JSON for the editor script (wp_set_script_translations, named after the md5 of the script's
 * path inside the plugin).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DOMAIN = 'osallistu';
/** The editor script, as WordPress names its JSON translations. */
export const EDITOR_SCRIPT = 'block/index.js';

export interface Message {
  context?: string;
  id: string;
  translation?: string;
  /** Where the string is used (files inside the plugin), for the translator. */
  references?: string[];
  /** The source's "translators:" comment. */
  comment?: string;
}

const key = (message: { context?: string; id: string }) => (message.context ? `${message.context}\u0004${message.id}` : message.id);

function unquotePhpOrJs(raw: string): string {
  return raw.replace(/\\(['\\])/g, '$1');
}

function files(dir: string, extensions: string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Every string the plugin translates: `__()`, `esc_html__()`, `esc_attr__()`, `_e()`, `esc_html_e()`
 * with the domain 'osallistu' in PHP and in the editor script (single-quoted literals, as the
 * WordPress coding standards write them), and block.json's title, description and keywords (which
 * WordPress translates with the contexts "block title", "block description" and "block keyword").
 */
export function extractMessages(pluginDir: string): Message[] {
  const found = new Map<string, Message>();
  const add = (message: Message, file: string) => {
    const entry = found.get(key(message)) ?? { ...message, references: [] };
    const where = relative(pluginDir, file);
    if (!entry.references!.includes(where)) entry.references!.push(where);
    entry.comment ??= message.comment;
    found.set(key(message), entry);
  };
  const call = /(?:\/\*\s*translators:\s*([^*]*?)\s*\*\/\s*)?\b(?:__|esc_html__|esc_attr__|_e|esc_html_e)\(\s*(?:\/\*\s*translators:\s*([^*]*?)\s*\*\/\s*)?'((?:[^'\\]|\\.)*)'\s*,\s*'osallistu'\s*\)/g;
  const translatorsBefore = /\/\*\s*translators:\s*([^*]*?)\s*\*\/[^\n]*\n?[^\n]*$/;
  for (const file of files(pluginDir, ['.php', '.js'])) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(call)) {
      const before = source.slice(Math.max(0, match.index - 300), match.index);
      const comment = match[1] ?? match[2] ?? translatorsBefore.exec(before)?.[1];
      add({ id: unquotePhpOrJs(match[3]!), comment }, file);
    }
  }
  // The plugin's header: WordPress translates its description in the plugin list.
  const mainFile = join(pluginDir, 'osallistu.php');
  const description = /^\s*\*\s*Description:\s*(.+)$/m.exec(readFileSync(mainFile, 'utf8'))?.[1]?.trim();
  if (description) add({ id: description }, mainFile);
  const blockFile = join(pluginDir, 'block/block.json');
  const block = JSON.parse(readFileSync(blockFile, 'utf8')) as { title: string; description: string; keywords: string[] };
  add({ context: 'block title', id: block.title }, blockFile);
  add({ context: 'block description', id: block.description }, blockFile);
  for (const keyword of block.keywords) add({ context: 'block keyword', id: keyword }, blockFile);
  return [...found.values()];
}

function poString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** A `.pot` (or, with translations, `.po`) file for `messages`. */
export function formatPo(messages: Message[], header: Record<string, string>): string {
  const lines = ['msgid ""', 'msgstr ""', ...Object.entries(header).map(([name, value]) => poString(`${name}: ${value}\n`)), ''];
  for (const message of messages) {
    if (message.comment) lines.push(`#. translators: ${message.comment}`);
    if (message.references?.length) lines.push(`#: ${message.references.join(' ')}`);
    if (/%(\d+\$)?[sd]/.test(message.id)) lines.push('#, php-format');
    if (message.context) lines.push(`msgctxt ${poString(message.context)}`);
    lines.push(`msgid ${poString(message.id)}`, `msgstr ${poString(message.translation ?? '')}`, '');
  }
  return lines.join('\n');
}

/** Reads a `.po` file: its header and messages (no plurals: the plugin has none). */
export function parsePo(text: string): { header: Record<string, string>; messages: Message[] } {
  const messages: Message[] = [];
  let current: { context?: string; id?: string; translation?: string } = {};
  let field: 'context' | 'id' | 'translation' | null = null;
  const unquote = (quoted: string) => JSON.parse(quoted.replace(/\t/g, '\\t')) as string;
  const flush = () => {
    if (current.id !== undefined) messages.push({ context: current.context, id: current.id, translation: current.translation ?? '' });
    current = {};
    field = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' ) {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const match = /^(msgctxt|msgid|msgstr)\s+(".*")$/.exec(line);
    if (match) {
      const name = ({ msgctxt: 'context', msgid: 'id', msgstr: 'translation' } as const)[match[1] as 'msgctxt' | 'msgid' | 'msgstr'];
      if (name === 'context' || (name === 'id' && current.translation !== undefined)) flush();
      field = name;
      current[name] = unquote(match[2]!);
    } else if (line.startsWith('"') && field) {
      current[field] += unquote(line);
    } else {
      throw new Error(`Unreadable .po line: ${raw}`);
    }
  }
  flush();
  const headerEntry = messages.find((message) => message.id === '' && !message.context);
  const header = Object.fromEntries(
    (headerEntry?.translation ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { header, messages: messages.filter((message) => message !== headerEntry) };
}

/** A GNU `.mo` file (little-endian, no hash table) of the translated messages and the header. */
export function compileMo(header: Record<string, string>, messages: Message[]): Uint8Array {
  const entries = [
    { key: '', value: Object.entries(header).map(([name, value]) => `${name}: ${value}\n`).join('') },
    ...messages.filter((message) => message.translation).map((message) => ({ key: key(message), value: message.translation! })),
  ].sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  const keys = entries.map((entry) => Buffer.from(entry.key, 'utf8'));
  const values = entries.map((entry) => Buffer.from(entry.value, 'utf8'));
  const count = entries.length;
  const headerSize = 28;
  const tablesEnd = headerSize + count * 16;
  const out = Buffer.alloc(tablesEnd + [...keys, ...values].reduce((sum, bytes) => sum + bytes.length + 1, 0));
  out.writeUInt32LE(0x950412de, 0);
  out.writeUInt32LE(0, 4);
  out.writeUInt32LE(count, 8);
  out.writeUInt32LE(headerSize, 12);
  out.writeUInt32LE(headerSize + count * 8, 16);
  out.writeUInt32LE(0, 20);
  out.writeUInt32LE(tablesEnd, 24);
  let offset = tablesEnd;
  const place = (bytes: Buffer, table: number, index: number) => {
    out.writeUInt32LE(bytes.length, table + index * 8);
    out.writeUInt32LE(offset, table + index * 8 + 4);
    bytes.copy(out, offset);
    offset += bytes.length + 1;
  };
  keys.forEach((bytes, index) => place(bytes, headerSize, index));
  values.forEach((bytes, index) => place(bytes, headerSize + count * 8, index));
  return new Uint8Array(out);
}

/** The Jed 1.x JSON WordPress's wp.i18n takes for one script (only that script's strings). */
export function compileScriptJson(header: Record<string, string>, messages: Message[], script: string, locale: string, pluginDir: string): string {
  const used = new Set(extractMessages(pluginDir).filter((message) => message.references?.includes(script)).map(key));
  const data: Record<string, unknown> = { '': { domain: 'messages', lang: locale, 'plural-forms': header['Plural-Forms'] ?? 'nplurals=2; plural=(n != 1);' } };
  for (const message of messages) if (message.translation && used.has(key(message))) data[key(message)] = [message.translation];
  return JSON.stringify({ 'translation-revision-date': header['PO-Revision-Date'] ?? '', generator: 'osallistu/integrations/wordpress/gettext.ts', domain: 'messages', locale_data: { messages: data } });
}

/** The JSON file's name WordPress looks for: `DOMAIN-LOCALE-md5(path of the script).json`. */
export function scriptJsonName(locale: string, script = EDITOR_SCRIPT): string {
  return `${DOMAIN}-${locale}-${createHash('md5').update(script).digest('hex')}.json`;
}
