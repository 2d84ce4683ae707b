/**
 * A small, strict MIME writer for the one kind of message the Worker sends: a text part and an
 * HTML part of the same content (multipart/alternative), UTF-8, each body base64-encoded. Written
 * here rather than with a library because the message is this simple and a runtime dependency is
 * not (see README "Email"). What makes it safe:
 * - an address must be a plain dot-atom `local@domain` (ASCII; an international domain becomes
 *   its punycode), so nothing a resident typed can add a header, a recipient or a display name;
 * - every header value is checked for control characters, and any non-ASCII text in a header
 *   (subject, display name) is an RFC 2047 encoded word, folded to lines under 78 characters;
 * - the bodies are base64, so no line of them can be read as a boundary or a header.
 */

const CRLF = '\r\n';
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const encoder = new TextEncoder();

/**
 * `raw` as an address fit for an envelope and a header, or null when it is not one: ASCII local
 * part (at most 64 characters), a domain of at least two labels, lowercased and in punycode.
 */
export function mailAddress(raw: string): string | null {
  const at = raw.lastIndexOf('@');
  if (at < 1 || raw.length > 254) return null;
  const local = raw.slice(0, at);
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  let domain: string;
  try {
    // URL's host parser does IDNA (ä → xn--…) and refuses what cannot be a host name.
    domain = new URL(`http://${raw.slice(at + 1)}`).hostname;
  } catch {
    return null;
  }
  return DOMAIN.test(domain) ? `${local}@${domain}` : null;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A body in base64, in lines of 76 characters (RFC 2045). */
export function base64Body(text: string): string {
  return (bytesToBase64(encoder.encode(text)).match(/.{1,76}/g) ?? []).join(CRLF);
}

/** Refuses CR, LF and other control characters in anything that goes into a header. */
function headerSafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error('A header value may not contain control characters.');
  return value;
}

/**
 * `text` for a header: as it is when it is short printable ASCII, else RFC 2047 encoded words
 * (`=?UTF-8?B?…?=`) of at most 45 bytes each, never splitting a character, folded one per line.
 */
export function encodeHeaderText(text: string): string {
  headerSafe(text);
  if (/^[\x20-\x7e]*$/.test(text) && text.length <= 60 && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (encoder.encode(chunk + char).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${bytesToBase64(encoder.encode(word))}?=`).join(`${CRLF} `);
}

/** `Name <address>`, the name always an encoded word (no quoting rules to get wrong). */
export function addressHeader(address: string, name?: string): string {
  const safe = mailAddress(address);
  if (!safe) throw new Error('Not a mail address this Worker sends to or from.');
  if (!name) return safe;
  const encoded = `=?UTF-8?B?${bytesToBase64(encoder.encode(headerSafe(name)))}?=`;
  return `${encoded} <${safe}>`;
}

/** RFC 5322 date: "Sat, 05 Dec 2026 12:30:00 +0000". */
export function mailDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export interface MimeMessage {
  from: { address: string; name?: string };
  to: string;
  subject: string;
  /** The language of the content, for `Content-Language`. */
  lang: string;
  text: string;
  html: string;
  date: Date;
  /** Extra headers, names of letters, digits and dashes; values checked like the others. */
  headers?: Record<string, string>;
}

/** A random token for Message-ID and the boundary: letters and digits only. */
function token(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(36).padStart(2, '0')).join('');
}

/** The whole message, CRLF line ends, ready for `new EmailMessage(from, to, raw)`. */
export function buildMime(message: MimeMessage): string {
  const from = addressHeader(message.from.address, message.from.name);
  const domain = mailAddress(message.from.address)!.split('@')[1];
  const boundary = `=_osallistu_${token(12)}`;
  const extra = Object.entries(message.headers ?? {}).map(([name, value]) => {
    if (!/^[A-Za-z0-9-]{1,60}$/.test(name)) throw new Error(`Not a header name: ${name}`);
    return `${name}: ${headerSafe(value)}`;
  });
  const headers = [
    `From: ${from}`,
    `To: ${addressHeader(message.to)}`,
    `Subject: ${encodeHeaderText(message.subject)}`,
    `Date: ${mailDate(message.date)}`,
    `Message-ID: <${token(16)}@${domain}>`,
    `MIME-Version: 1.0`,
    `Content-Language: ${headerSafe(message.lang)}`,
    ...extra,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', base64Body(body)].join(CRLF);
  return [...headers, '', part('text/plain', message.text), part('text/html', message.html), `--${boundary}--`, ''].join(CRLF);
}
