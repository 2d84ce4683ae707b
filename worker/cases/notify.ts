/**
 * The one email per waiting resident when a decision on their case is published. Sent right after
 * an official publishes, edits or imports decisions (in the background), and by the hourly upkeep
 * for anything that could not go then. An address is deleted once its email has gone, or after
 * its third failed send; the hourly upkeep deletes any kept longer than the site keeps contact
 * details.
 */
import { EmailMessage } from 'cloudflare:email';
import type { Context } from 'hono';
import { claimNotices, findCase, retryStatement } from '../db/cases.ts';
import type { DueNotice } from '../db/cases.ts';
import { findSite } from '../db/sites.ts';
import { decisionMime } from '../email/decision-mail.ts';
import { mailAddress } from '../email/mime.ts';
import { DEFAULT_MAIL_FROM } from '../email/send.ts';
import { localizedText } from '../localize.ts';
import type { Decision } from '../schema/decisions.ts';
import type { SiteRecord } from '../schema/sites.ts';
import type { AppEnv } from '../types.ts';
import { caseDecision } from './view.ts';

export const MAX_ATTEMPTS = 3;
const BATCH = 100;

export interface NoticeRun {
  sent: number;
  failed: number;
  /** Addresses deleted without their email: it failed for the last time. */
  dropped: number;
}

type MailEnv = Pick<Env, 'DB' | 'EMAIL' | 'OSALLISTU_MAIL_FROM'>;

/** Sends the email of one notice about `latest`; the service's words on failure, never the address. */
async function sendNotice(env: MailEnv, site: SiteRecord, notice: DueNotice, latest: Decision): Promise<string | null> {
  const from = env.OSALLISTU_MAIL_FROM || DEFAULT_MAIL_FROM;
  const to = mailAddress(notice.address);
  if (!env.EMAIL) return 'No send_email binding "EMAIL" is configured.';
  if (!mailAddress(from)) return `OSALLISTU_MAIL_FROM is not a mail address: ${from}`;
  if (!to) return 'The address cannot be mailed (only plain ASCII addresses are).';
  const lang = site.languages.includes(notice.lang) ? notice.lang : site.defaultLang;
  const text = (value: Partial<Record<string, string>> | null) => (value ? localizedText(value, lang, site) || null : null);
  const view = caseDecision(latest, notice.origin, site.id, lang);
  try {
    const mime = decisionMime({
      from: { address: from, name: localizedText(site.name, lang, site) },
      to,
      date: new Date(),
      lang,
      siteName: localizedText(site.name, lang, site),
      caseId: notice.caseId,
      title: text(latest.title) ?? latest.id,
      organ: text(latest.organ.name) ?? latest.organ.id,
      meetingDate: latest.meeting.date,
      section: latest.section,
      outcome: latest.outcome,
      summary: text(latest.plainSummary) ?? text(latest.summary),
      url: view.url,
    });
    await env.EMAIL.send(new EmailMessage(mailAddress(from)!, to, mime));
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replaceAll(to, '<address>').slice(0, 300);
  }
}

/**
 * Mails every resident whose case has been decided, on one site or all. Each address is taken out
 * of the table before its email is sent (so it is sent at most once, whatever runs at the same
 * time), and put back with its failure counted when sending fails, until the third; each is tried
 * once per run. A site and a case's newest decision are read once per run.
 */
export async function deliverCaseNotices(env: MailEnv, site: string | null = null): Promise<NoticeRun> {
  const run: NoticeRun = { sent: 0, failed: 0, dropped: 0 };
  const started = new Date().toISOString();
  const sites = new Map<string, SiteRecord | null>();
  const decided = new Map<string, Decision | null>();
  for (;;) {
    const notices = await claimNotices(env.DB, site, started, BATCH);
    if (notices.length === 0) return run;
    for (const notice of notices) {
      if (!sites.has(notice.site)) sites.set(notice.site, await findSite(env.DB, notice.site));
      const record = sites.get(notice.site);
      const key = `${notice.site}\n${notice.caseId}`;
      if (record && !decided.has(key)) decided.set(key, (await findCase(env.DB, notice.site, notice.caseId)).decisions[0] ?? null);
      const latest = decided.get(key);
      // The site is gone, or the decision was deleted since it was claimed: nothing to tell.
      if (!record || !latest) {
        run.dropped++;
        continue;
      }
      const failure = await sendNotice(env, record, notice, latest);
      if (failure === null) {
        run.sent++;
        continue;
      }
      console.warn(`A decision email on case ${notice.caseId} (${notice.site}) failed: ${failure}`);
      run.failed++;
      if (notice.attempts + 1 >= MAX_ATTEMPTS) run.dropped++;
      else await retryStatement(env.DB, notice, new Date().toISOString()).run();
    }
  }
}

/**
 * After an official published decisions: the site's waiting residents are mailed in the
 * background, so the official's answer does not wait for the mail (the hourly upkeep retries).
 */
export function mailWhenDecided(c: Context<AppEnv>): void {
  c.executionCtx.waitUntil(
    deliverCaseNotices(c.env, c.var.site.id).catch((error) => console.error('Decision emails: the run stopped; the hourly upkeep tries again', error)),
  );
}
