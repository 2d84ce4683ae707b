import { describe, expect, it } from 'vitest';
import { composeReplyMail, replyMime } from './compose.ts';
import { buildMime, encodeHeaderText, mailAddress } from './mime.ts';

/** The message's headers (unfolded) and its parts, decoded: the way a mail client reads it. */
function readMime(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head!.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')![1]!;
  const body = rest.join('\r\n\r\n');
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [partHead, partBody] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      const type = /Content-Type: ([^;\r\n]+)/.exec(partHead!)![1]!;
      const bytes = Uint8Array.from(atob(partBody!.replace(/\r\n/g, '')), (c) => c.charCodeAt(0));
      return { type, head: partHead!, text: new TextDecoder().decode(bytes) };
    });
  return { headers, parts, body };
}

/** RFC 2047 encoded words back to text. */
const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]+)\?=/g, (_m, b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))));

const base = {
  from: { address: 'noreply@koivulahti.example', name: 'Koivulahden kaupunki' },
  to: 'asukas@example.fi',
  date: new Date('2026-12-05T10:00:00Z'),
  siteName: 'Koivulahden kaupunki',
  ref: 'K7M-4QX',
  body: 'Kiitos palautteesta.\n\nKatulamppu korjataan ensi viikolla.',
  statusUrl: 'https://osallistu.example/embed/v1/frame/feedback-status/lookup?site=koivulahti&lang=fi&ref=K7M-4QX',
};

describe('mail addresses', () => {
  it('takes plain addresses, lowercases the domain and turns an international one into punycode', () => {
    expect(mailAddress('Asukas.Nimi+palaute@Example.FI')).toBe('Asukas.Nimi+palaute@example.fi');
    expect(mailAddress('asukas@sähkö.example')).toBe('asukas@xn--shk-qla6g.example');
  });

  it('refuses anything that could add a recipient, a header or a display name', () => {
    for (const bad of [
      'a@b.fi\r\nBcc: victim@example.com',
      'a@b.fi\nX: y',
      'Someone <a@b.fi>',
      'a,b@c.fi',
      '"a"@b.fi',
      'a@b.fi>, c@d.fi',
      'a b@c.fi',
      'pääkäyttäjä@example.fi',
      'a@localhost',
      '@b.fi',
      'a..b@c.fi',
      `${'a'.repeat(65)}@b.fi`,
    ]) {
      expect(mailAddress(bad), bad).toBeNull();
    }
  });
});

describe('headers', () => {
  it('keeps short ASCII as it is and encodes the rest as encoded words of whole characters, folded', () => {
    expect(encodeHeaderText('Hello K7M-4QX')).toBe('Hello K7M-4QX');
    const long = 'Vastaus palautteeseesi K7M-4QX – ääkköset ja 🚲 pyörätiet '.repeat(3);
    const encoded = encodeHeaderText(long);
    expect(encoded).toMatch(/^=\?UTF-8\?B\?/);
    for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThan(78);
    expect(decodeWords(encoded)).toBe(long);
  });

  it('refuses a line break in any header value', () => {
    expect(() => encodeHeaderText('Hei\r\nBcc: x@y.fi')).toThrow();
    expect(() => buildMime({ ...base, subject: 'x', lang: 'fi', text: 't', html: 'h', headers: { 'X-Ref': 'a\nB: c' } })).toThrow();
    expect(() => buildMime({ ...base, subject: 'x', lang: 'fi', text: 't', html: 'h', headers: { 'Bad Name': 'a' } })).toThrow();
  });
});

describe('the reply email', () => {
  it('is one multipart/alternative message with a text and an HTML part of the same reply, in Finnish', () => {
    const raw = replyMime({ ...base, lang: 'fi' });
    expect(raw).not.toMatch(/[^\r]\n/);
    const { headers, parts } = readMime(raw);
    expect(decodeWords(headers.get('from')!)).toBe('Koivulahden kaupunki <noreply@koivulahti.example>');
    expect(headers.get('to')).toBe('asukas@example.fi');
    expect(decodeWords(headers.get('subject')!)).toBe('Vastaus palautteeseesi K7M-4QX');
    expect(headers.get('content-language')).toBe('fi');
    expect(headers.get('date')).toBe('Sat, 05 Dec 2026 10:00:00 +0000');
    expect(headers.get('message-id')).toMatch(/^<[a-z0-9]+@koivulahti\.example>$/);
    expect(headers.get('auto-submitted')).toBe('auto-replied');
    expect(headers.get('mime-version')).toBe('1.0');
    expect(parts.map((p) => p.type)).toEqual(['text/plain', 'text/html']);
    for (const part of parts) expect(part.head).toContain('charset=utf-8');
    const [text, html] = parts;
    expect(text!.text).toContain('Koivulahden kaupunki vastasi palautteeseesi (viitetunnus K7M-4QX):');
    expect(text!.text).toContain('Kiitos palautteesta.\r\n\r\nKatulamppu korjataan ensi viikolla.');
    expect(text!.text).toContain(base.statusUrl);
    expect(html!.text).toContain('<html lang="fi">');
    expect(html!.text).toContain('<p style="margin:0 0 1em">Katulamppu korjataan ensi viikolla.</p>');
    expect(html!.text).toContain(`<a href="${base.statusUrl.replaceAll('&', '&amp;')}"`);
  });

  it('speaks Swedish and English when the feedback was sent in them', () => {
    const sv = composeReplyMail({ ...base, lang: 'sv', siteName: 'Björkviks stad' });
    expect(sv.subject).toBe('Svar på din respons K7M-4QX');
    expect(sv.text).toContain('Björkviks stad har svarat på din respons (referenskod K7M-4QX):');
    expect(sv.html).toContain('<html lang="sv">');
    const en = composeReplyMail({ ...base, lang: 'en' });
    expect(en.subject).toBe('A reply to your feedback K7M-4QX');
    expect(en.text).toContain('See the status of your feedback and every public reply here:');
    expect(en.html).toContain('<html lang="en">');
  });

  it('shows a reply full of markup as text, never as HTML', () => {
    const body = '<script>alert(1)</script> <a href="https://evil.example">klikkaa</a> & <img src=x onerror=alert(2)>\n"quoted" \'single\'';
    const { html, text } = composeReplyMail({ ...base, lang: 'fi', body, siteName: 'Kunta <b>' });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<a href="https://evil.example"');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&quot;https://evil.example&quot;&gt;klikkaa&lt;/a&gt; &amp; &lt;img src=x onerror=alert(2)&gt;<br>&quot;quoted&quot; &#39;single&#39;');
    expect(text).toContain(body);
  });

  it('keeps a reply line that looks like a boundary or a header inside its part', () => {
    const raw = replyMime({ ...base, lang: 'fi', body: '--=_osallistu_x\r\nContent-Type: text/html\r\n\r\n<b>x</b>\r\n.\r\nBcc: a@b.fi' });
    const { parts, body } = readMime(raw);
    expect(parts).toHaveLength(2);
    expect(body).not.toContain('Bcc:');
    expect(parts[0]!.text).toContain('Bcc: a@b.fi');
  });

  it('refuses to be addressed to an address that is not a plain one', () => {
    expect(() => replyMime({ ...base, lang: 'fi', to: 'a@b.fi\r\nBcc: c@d.fi' })).toThrow();
  });
});
