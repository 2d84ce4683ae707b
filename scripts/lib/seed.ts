import { demoDecisionTerms } from '../../demo/seed/decision-terms.ts';
import { demoDecisions } from '../../demo/seed/decisions.ts';
import { demoForms } from '../../demo/seed/forms.ts';
import { demoFeedback } from '../../demo/seed/listening.ts';
import { demoPolls } from '../../demo/seed/polls.ts';
import { demoConversation, demoConversationVotes, demoWaitingStatement } from '../../demo/seed/conversation.ts';
import { demoChannel, demoVideos } from '../../demo/seed/videos.ts';
import { demoSite } from '../../demo/seed/site.ts';
import { upsertSiteWithToken } from './sites.ts';
import { readFile } from 'node:fs/promises';
import type { IssuedToken } from './sites.ts';
import { executeSql } from './wrangler.ts';
import type { Where } from './wrangler.ts';

/** In no language: the console shows a token's label as written, in whichever language it runs. */
export const DEMO_TOKEN_LABEL = 'Demo (npm)';

/**
 * Seeds the demo site. Safe to run on every start: the site is upserted and the token printed by
 * the previous start is revoked, so exactly one demo owner token works at a time.
 */
export async function seedDemo(where: Where = {}): Promise<IssuedToken> {
  return upsertSiteWithToken(demoSite, { role: 'owner', label: DEMO_TOKEN_LABEL, replaceLabel: true, formerLabels: ['demo owner (npm start)', 'Demo (npm start)'] }, where);
}

/**
 * Seeds the demo content through the running API (so it passes the same validation as any
 * official's input). Content that already exists is left as it is, votes included.
 */
export async function seedDemoContent(apiBase: string, token: string): Promise<void> {
  const site = `${apiBase}/api/v1/sites/${demoSite.id}`;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const seed = async (kind: string, items: { id: string }[]) => {
    for (const item of items) {
      const existing = await fetch(`${site}/${kind}/${item.id}`, { headers });
      if (existing.status === 200) continue;
      const created = await fetch(`${site}/${kind}`, { method: 'POST', headers, body: JSON.stringify(item) });
      if (created.status !== 201) throw new Error(`Seeding ${kind}/${item.id} failed: ${created.status} ${await created.text()}`);
    }
  };
  await seed('polls', [...demoPolls, demoConversation]);
  await seedConversation(site, headers);
  await seed('forms', demoForms);
  // A few hundred decisions, through the import an official would use; only into an empty feed.
  const existing = (await (await fetch(`${site}/decisions?limit=1`)).json()) as { items: unknown[] };
  if (existing.items.length === 0) {
    const imported = await fetch(`${site}/decisions/import`, { method: 'POST', headers, body: JSON.stringify(demoDecisions()) });
    if (imported.status !== 200) throw new Error(`Seeding decisions failed: ${imported.status} ${await imported.text()}`);
  }
  // Their topics and districts in fi/sv/en; labels an official has since changed are kept.
  const terms = (await (await fetch(`${site}/decision-terms`)).json()) as { items: { kind: string; value: string; label: object }[] };
  for (const { kind, value, label } of demoDecisionTerms) {
    if (terms.items.some((t) => t.kind === kind && t.value === value && Object.keys(t.label).length)) continue;
    const named = await fetch(`${site}/decision-terms/${kind}/${encodeURIComponent(value)}`, { method: 'PUT', headers, body: JSON.stringify({ label }) });
    if (named.status !== 200) throw new Error(`Seeding the label of ${kind} ${value} failed: ${named.status} ${await named.text()}`);
  }
  await seedVideos(site, token);
}

/**
 * The conversation's made-up residents and their votes, and one statement waiting for a
 * moderator, only into a conversation nobody has voted in yet. Each resident votes from an
 * address of their own (a documentation range), as residents do.
 */
async function seedConversation(site: string, headers: Record<string, string>): Promise<void> {
  const path = `${site}/polls/${demoConversation.id}/statements`;
  const list = (await (await fetch(path, { headers })).json()) as { voters?: number };
  if (list.voters) return;
  const token = (resident: number) => `demo-resident-${String(resident).padStart(4, '0')}-kirjasto`;
  const address = (resident: number) => `198.51.100.${resident % 250}`;
  // Eight residents at a time, each voting in order: about 550 votes in seconds rather than a minute.
  const byResident = Map.groupBy(demoConversationVotes(), (v) => v.resident);
  const residents = [...byResident.entries()];
  for (let i = 0; i < residents.length; i += 8) {
    await Promise.all(
      residents.slice(i, i + 8).map(async ([resident, votes]) => {
        for (const { statement, vote } of votes) {
          const answer = await fetch(`${path}/${statement}/vote`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', 'X-Voter-Token': token(resident), 'CF-Connecting-IP': address(resident) },
            body: JSON.stringify({ vote }),
          });
          if (answer.status !== 200) throw new Error(`Seeding a vote on statement ${statement} failed: ${answer.status} ${await answer.text()}`);
        }
      }),
    );
  }
  const waiting = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Voter-Token': token(9999), 'CF-Connecting-IP': '198.51.100.251', 'Idempotency-Key': 'demo-waiting-statement' },
    body: JSON.stringify(demoWaitingStatement),
  });
  if (!waiting.ok) throw new Error(`Seeding the waiting statement failed: ${waiting.status} ${await waiting.text()}`);
}

/**
 * Residents' feedback for the listening report (demo/seed/listening.ts: 652 texts dated over ten
 * months, winter maintenance rising this week), on the form `palaute`. Only `npm start` seeds
 * it, not seedDemoContent: the test servers share that, and their feedback tests count the queue.
 *
 * Each text is sent through the API as a resident would send it, eight at a time, each from an
 * address of its own (the IPv6 documentation range) so the limit of 10 a minute per address
 * never trips. A text already in the form is not sent again, so a second seeding adds nothing
 * and one that was cut short finishes.
 *
 * The API stamps feedback with the moment it arrives and rightly offers no way to backdate it,
 * so the dates are then written straight into the local database, as sites and tokens are
 * (sites.ts): one `wrangler d1 execute` with an UPDATE per submission, for the seeded ones still
 * as they were sent (status `received`) whose date is not yet the seeded one: those just sent,
 * any a cut-short seeding left undated, and, when the seed is run again on a later day, all of
 * them, so the story still ends this week. Never a deployed database: `where.remote` is refused.
 * Returns how many texts were sent and how many submissions dated.
 */
export async function seedDemoFeedback(apiBase: string, token: string, where: Where = {}): Promise<{ sent: number; dated: number }> {
  if (where.remote) throw new Error('The demo feedback is for a local database only.');
  const FORM = 'palaute';
  const site = `${apiBase}/api/v1/sites/${demoSite.id}`;
  const auth = { Authorization: `Bearer ${token}` };
  const feedback = demoFeedback();

  type Stored = { ref: string; status: string; createdAt: string; answers: { message?: unknown } };
  const stored = new Map<string, Stored>();
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page = await fetch(`${site}/submissions?form=${FORM}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: auth });
    if (page.status !== 200) throw new Error(`Listing the demo feedback failed: ${page.status} ${await page.text()}`);
    const { items, nextCursor } = (await page.json()) as { items: Stored[]; nextCursor: string | null };
    for (const item of items) if (typeof item.answers.message === 'string') stored.set(item.answers.message, item);
    cursor = nextCursor;
  }

  const dates: { ref: string; createdAt: string }[] = [];
  const unsent = feedback.flatMap((f, i) => {
    const there = stored.get(f.text);
    if (!there) return [{ f, address: `2001:db8:19::${(i + 1).toString(16)}` }];
    if (there.status === 'received' && there.createdAt !== f.createdAt) dates.push({ ref: there.ref, createdAt: f.createdAt });
    return [];
  });
  for (let i = 0; i < unsent.length; i += 8) {
    await Promise.all(
      unsent.slice(i, i + 8).map(async ({ f, address }) => {
        const answers = { message: f.text, ...(f.place ? { place: { address: f.place } } : {}) };
        const sent = await fetch(`${site}/forms/${FORM}/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': address },
          body: JSON.stringify({ answers, category: f.category, lang: f.lang }),
        });
        if (sent.status !== 201) throw new Error(`Seeding the demo feedback ${f.id} failed: ${sent.status} ${await sent.text()}`);
        dates.push({ ref: ((await sent.json()) as { ref: string }).ref, createdAt: f.createdAt });
      }),
    );
  }

  if (dates.length) {
    const text = (s: string) => `'${s.replaceAll("'", "''")}'`;
    executeSql(
      dates
        .map(({ ref, createdAt }) => `UPDATE submissions SET created_at = ${text(createdAt)}, updated_at = ${text(createdAt)} WHERE site_id = ${text(demoSite.id)} AND form_id = ${text(FORM)} AND ref = ${text(ref)} AND status = 'received';`)
        .join('\n'),
      where,
    );
  }
  return { sent: unsent.length, dated: dates.length };
}

const VIDEO_FILES = new URL('../../demo/seed/videos/', import.meta.url);

/** The mayor's video blog: the channel, the episodes, their captions and one uploaded poster. */
async function seedVideos(site: string, token: string): Promise<void> {
  const auth = { Authorization: `Bearer ${token}` };
  const send = async (method: string, path: string, type: string, body: BodyInit) => {
    const answer = await fetch(`${site}/${path}`, { method, headers: { ...auth, 'Content-Type': type }, body });
    if (!answer.ok) throw new Error(`Seeding ${method} ${path} failed: ${answer.status} ${await answer.text()}`);
  };
  const { id, ...channel } = demoChannel;
  await send('PUT', `channels/${id}`, 'application/json', JSON.stringify(channel));
  for (const { video, captions, poster } of demoVideos) {
    if ((await fetch(`${site}/videos/${video.id}`, { headers: auth })).status === 200) continue;
    await send('POST', 'videos', 'application/json', JSON.stringify(video));
    for (const [lang, file] of Object.entries(captions ?? {})) {
      await send('PUT', `videos/${video.id}/captions/${lang}`, 'text/vtt', await readFile(new URL(file, VIDEO_FILES), 'utf8'));
    }
    if (poster) await send('PUT', `videos/${video.id}/poster`, 'image/jpeg', new Uint8Array(await readFile(new URL(poster, VIDEO_FILES))));
  }
}
