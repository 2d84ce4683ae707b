import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { demoForms } from '../../demo/seed/forms.ts';
import { emlFiles, readMessage, words } from '../support/mail.ts';

/**
 * A resident sends feedback asking for a reply by email; a moderator replies through the API.
 * `wrangler dev` (the suite's shared server) has the real send_email binding, which writes each
 * message it is given to .wrangler/tmp/email/<session>/email/<message id>.eml instead of
 * delivering it: these tests read those files as a mail client would.
 */
const server = inject('devServer');
const SITE = 'koivulahti';
const FORM = demoForms[0]!.id;
const api = (path: string) => `${server.url}/api/v1/sites/${SITE}${path}`;

interface Reply {
  body: string;
  public: boolean;
  email?: { status: string; messageIds?: string[]; reason?: string };
}

let address = 0;
async function sendFeedback(lang: string, email: string): Promise<string> {
  const response = await fetch(api(`/forms/${FORM}/submissions`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-email-${Date.now()}-${address}`, 'CF-Connecting-IP': `203.0.113.${(address++ % 200) + 20}` },
    body: JSON.stringify({ answers: { message: 'Katulamppu ei pala Koivutiellä.', email }, lang }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { ref: string }).ref;
}

function moderate(ref: string, body: unknown, key?: string): Promise<Response> {
  return fetch(api(`/submissions/${ref}`), {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(body),
  });
}

/** The messages about one reference code (our own header on every reply email). */
const messagesAbout = (ref: string) => emlFiles().filter((file) => readFileSync(file, 'utf8').includes(`\r\nX-Osallistu-Ref: ${ref}\r\n`));

describe('a reply by email, through wrangler dev', () => {
  it('mails a public reply once, in the language of the feedback, with the reply and a link to its status', async () => {
    const ref = await sendFeedback('sv', 'invanare@example.fi');

    // An internal note is never mailed.
    const note = await moderate(ref, { status: 'in_progress', reply: { body: 'Intern anteckning: reservdel beställd.', public: false } });
    expect(note.status).toBe(200);

    const body = { status: 'answered', reply: { body: 'Tack! Lampan på Björkvägen byts ut nästa vecka.\n\nVänliga hälsningar,\nGatuavdelningen', public: true } };
    const first = await moderate(ref, body, `e2e-reply-${ref}`);
    expect(first.status).toBe(200);
    const replies = ((await first.json()) as { replies: Reply[] }).replies;
    expect(replies.map((r) => r.email?.status)).toEqual([undefined, 'sent']);
    const [messageId] = replies[1]!.email!.messageIds!;

    // The same request again (a retry after a lost answer) stores and mails nothing more.
    const retry = await moderate(ref, body, `e2e-reply-${ref}`);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replay')).toBe('true');
    expect(((await retry.json()) as { replies: Reply[] }).replies).toHaveLength(2);

    // The binding writes the file after send() returns: wait for it, by its message id.
    await expect.poll(() => emlFiles().some((file) => file.endsWith(`${messageId!.replace(/^<|>$/g, '')}.eml`))).toBe(true);
    const files = messagesAbout(ref);
    expect(files).toHaveLength(1);
    const { headers, parts } = readMessage(files[0]!);

    expect(headers.get('to')).toBe('invanare@example.fi');
    expect(words(headers.get('from')!)).toBe('Björkviks stad <noreply@osallistu.example>');
    expect(words(headers.get('subject')!)).toBe(`Svar på din respons ${ref}`);
    expect(headers.get('content-language')).toBe('sv');
    expect(headers.get('message-id')).toBe(messageId);
    expect(parts.map((p) => p.type)).toEqual(['text/plain', 'text/html']);

    const [text, html] = parts;
    const link = `${server.url}/embed/v1/frame/feedback-status/lookup?site=${SITE}&lang=sv&ref=${ref}`;
    expect(text!.text).toContain(`Björkviks stad har svarat på din respons (referenskod ${ref}):`);
    expect(text!.text).toContain('Tack! Lampan på Björkvägen byts ut nästa vecka.\r\n\r\nVänliga hälsningar,\r\nGatuavdelningen');
    expect(text!.text).toContain(link);
    expect(text!.text).not.toContain('Intern anteckning');
    expect(html!.text).toContain('<html lang="sv">');
    expect(html!.text).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    expect(html!.text).toContain('Gatuavdelningen');

    // The link opens the status page of this feedback, with the reply, in Swedish.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const pageText = await page.text();
    expect(pageText).toContain('lang="sv"');
    expect(pageText).toContain('Lampan på Björkvägen byts ut nästa vecka.');
  });

  it('writes a Finnish message for feedback sent in Finnish, and none once the address is removed', async () => {
    const ref = await sendFeedback('fi', 'asukas@example.fi');
    const replied = await moderate(ref, { reply: { body: 'Kiitos, lamppu vaihdetaan ensi viikolla.', public: true } });
    const [messageId] = ((await replied.json()) as { replies: Reply[] }).replies[0]!.email!.messageIds!;
    await expect.poll(() => messagesAbout(ref).length).toBe(1);
    const { headers, parts } = readMessage(messagesAbout(ref)[0]!);
    expect(headers.get('message-id')).toBe(messageId);
    expect(words(headers.get('subject')!)).toBe(`Vastaus palautteeseesi ${ref}`);
    expect(headers.get('content-language')).toBe('fi');
    expect(parts[0]!.text).toContain('Kiitos, lamppu vaihdetaan ensi viikolla.');

    const removed = await fetch(api(`/submissions/${ref}/contact`), { method: 'DELETE', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(removed.status).toBe(200);
    const later = await moderate(ref, { reply: { body: 'Lamppu on vaihdettu.', public: true } });
    expect(((await later.json()) as { replies: Reply[] }).replies[1]).not.toHaveProperty('email');
    expect(messagesAbout(ref)).toHaveLength(1);
  });
});
