import { EmailMessage } from 'cloudflare:email';
import { localizedText } from '../localize.ts';
import type { Lang } from '../schema/common.ts';
import type { FormField } from '../schema/forms.ts';
import type { SiteRecord } from '../schema/sites.ts';
import { replyMime } from './compose.ts';
import { mailAddress } from './mime.ts';

/** Used when wrangler.toml sets no OSALLISTU_MAIL_FROM: it must be changed before `wrangler deploy`. */
export const DEFAULT_MAIL_FROM = 'noreply@osallistu.example';

/** How mailing one reply went, as kept with the reply and shown to officials. */
export type MailOutcome = { status: 'sent'; messageIds: string[] } | { status: 'failed'; reason: string };

/** The distinct addresses the resident gave in the form's email fields (none once removed). */
export function replyRecipients(fields: Pick<FormField, 'key' | 'type'>[], contact: Record<string, string> | null): string[] {
  if (!contact) return [];
  const given = fields.filter((f) => f.type === 'email').map((f) => contact[f.key]?.trim()).filter((v): v is string => !!v);
  return [...new Set(given.map((v) => v.toLowerCase()))].map((lower) => given.find((v) => v.toLowerCase() === lower)!);
}

/** The status lookup page of one submission, in the resident's language. */
export function statusUrl(origin: string, site: string, lang: Lang, ref: string): string {
  return `${origin}/embed/v1/frame/feedback-status/lookup?${new URLSearchParams({ site, lang, ref })}`;
}

export interface ReplyMailJob {
  site: Pick<SiteRecord, 'id' | 'name' | 'defaultLang' | 'languages'>;
  ref: string;
  lang: Lang;
  body: string;
  to: string[];
  origin: string;
}

/**
 * Sends the reply to each address through the `send_email` binding, one message each (an envelope
 * has one recipient, and residents must not see each other). Never throws: whatever goes wrong
 * (no binding, an address Cloudflare will not send to, the service refusing) is the outcome.
 */
export async function sendReplyMail(env: Pick<Env, 'EMAIL' | 'OSALLISTU_MAIL_FROM'>, job: ReplyMailJob): Promise<MailOutcome> {
  const from = env.OSALLISTU_MAIL_FROM || DEFAULT_MAIL_FROM;
  if (!env.EMAIL) return { status: 'failed', reason: 'No send_email binding "EMAIL" is configured.' };
  if (!mailAddress(from)) return { status: 'failed', reason: `OSALLISTU_MAIL_FROM is not a mail address: ${from}` };
  const messageIds: string[] = [];
  const failures: string[] = [];
  const lang = job.site.languages.includes(job.lang) ? job.lang : job.site.defaultLang;
  const siteName = localizedText(job.site.name, lang, job.site);
  for (const raw of job.to) {
    const to = mailAddress(raw);
    if (!to) {
      failures.push('An address given with the feedback cannot be mailed (only plain ASCII addresses are).');
      continue;
    }
    try {
      const mime = replyMime({ from: { address: from, name: siteName }, to, date: new Date(), lang, siteName, ref: job.ref, body: job.body, statusUrl: statusUrl(job.origin, job.site.id, lang, job.ref) });
      const result = await env.EMAIL.send(new EmailMessage(mailAddress(from)!, to, mime));
      messageIds.push(result?.messageId ?? '');
    } catch (error) {
      // The service's own words (e.g. "destination address not verified"); never the address itself.
      failures.push((error instanceof Error ? error.message : String(error)).replaceAll(to, '<address>').slice(0, 300));
    }
  }
  return failures.length ? { status: 'failed', reason: failures.join(' ') } : { status: 'sent', messageIds: messageIds.filter(Boolean) };
}
