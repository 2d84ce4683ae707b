import type { Lang } from '../schema/common.ts';
import { buildMime } from './mime.ts';
import { REPLY_MAIL } from './strings.ts';

/** What the resident is told: an official's public reply to their feedback. */
export interface ReplyMailInput {
  lang: Lang;
  /** The site's name in `lang`, e.g. "Koivulahden kaupunki". */
  siteName: string;
  ref: string;
  /** The reply as the official wrote it: plain text, line breaks kept. */
  body: string;
  /** The status lookup of this feedback. */
  statusUrl: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The reply's paragraphs as HTML: every character escaped, blank lines between paragraphs, single breaks kept. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p style="margin:0 0 1em">${escapeHtml(p.trim()).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
}

/** A paragraph leading to a link, with the address written out for clients that drop links. */
export function linkParagraph(lead: string, url: string, linkText: string): string {
  const href = escapeHtml(url);
  return `<p style="margin:0 0 1em">${escapeHtml(lead)}<br><a href="${href}" style="color:#0b57a4">${escapeHtml(linkText)}</a><br><span style="word-break:break-all">${href}</span></p>`;
}

/** The HTML part of every message: `body` (markup), then a rule and `footer` (text) in small print. */
export function htmlMail(lang: Lang, subject: string, body: string, footer: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:1em;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;background:#ffffff">
${body}
<hr style="border:0;border-top:1px solid #6b6b6b">
<p style="margin:0 0 1em;font-size:14px;color:#4d4d4d">${escapeHtml(footer)}</p>
</body>
</html>
`;
}

/** Subject, text and HTML of the reply email. The reply text is data: it is escaped, never markup. */
export function composeReplyMail(input: ReplyMailInput): ComposedMail {
  const t = REPLY_MAIL[input.lang];
  const subject = t.subject(input.ref);
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  const text = [t.greeting, '', t.intro(input.siteName, input.ref), '', body, '', t.follow, input.statusUrl, '', '-- ', t.noReply, t.why, ''].join('\n');
  const html = htmlMail(
    input.lang,
    subject,
    `<p style="margin:0 0 1em">${escapeHtml(t.greeting)}</p>
<p style="margin:0 0 1em">${escapeHtml(t.intro(input.siteName, input.ref))}</p>
<blockquote style="margin:0 0 1em;padding:0 0 0 1em;border-left:4px solid #6b6b6b">
${paragraphs(body)}
</blockquote>
${linkParagraph(t.follow, input.statusUrl, t.linkText)}`,
    `${t.noReply} ${t.why}`,
  );
  return { subject, text, html };
}

export interface ReplyMessage extends ReplyMailInput {
  from: { address: string; name?: string };
  to: string;
  date: Date;
}

/** The whole MIME message of one reply email to one address. */
export function replyMime(message: ReplyMessage): string {
  const { subject, text, html } = composeReplyMail(message);
  return buildMime({
    from: message.from,
    to: message.to,
    subject,
    lang: message.lang,
    text: text.replaceAll('\n', '\r\n'),
    html: html.replaceAll('\n', '\r\n'),
    date: message.date,
    // An automatic message (RFC 3834): out-of-office replies must not answer it.
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Osallistu-Ref': message.ref },
  });
}
