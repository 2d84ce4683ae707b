import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SEAL_CRON } from '../sealing/upkeep.ts';
import { composeDecisionMail } from '../email/decision-mail.ts';
import worker from '../index.ts';
import { MAX_ATTEMPTS, deliverCaseNotices } from './notify.ts';
import { DECISION } from '../../test/workers/decisions.ts';
import { ORIGIN, call, castBallot, createPoll, createSite, createToken, errorOf, newVoter } from '../../test/workers/helpers.ts';

const CASE = 'KOI/88/10.03/2026';
const FIELDS = [
  { key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true },
  { key: 'email', type: 'email', label: { fi: 'Sähköposti' } },
];

interface CaseBody {
  caseId: string;
  decisions: { id: string; title: Record<string, string>; outcome: string; url: string; meeting: { date: string }; section: string | null }[];
  participation: { polls: { id: string; status: string; ballots: number | null; resultsUrl: string }[]; feedback: number };
  feed: string;
}

const readCase = async (site: string, caseId = CASE, lang?: string) => {
  const response = await call(`/api/v1/sites/${site}/cases?${new URLSearchParams({ id: caseId, ...(lang ? { lang } : {}) })}`, { headers: { 'Cache-Control': 'no-cache' } });
  expect(response.status).toBe(200);
  return (await response.json()) as CaseBody;
};

async function sendFeedback(site: string, form: string, body: Record<string, unknown>): Promise<string> {
  const response = await call(`/api/v1/sites/${site}/forms/${form}/submissions`, { method: 'POST', json: body, headers: { 'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 200) + 20}` } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { ref: string }).ref;
}

/** A site with an open and a closed poll, a draft poll and a form, all on CASE, and feedback about it. */
async function askedSite() {
  const { site, owner } = await createSite();
  const closed = await createPoll(site.id, owner, { caseId: CASE, resultsVisibility: 'always' });
  const open = await createPoll(site.id, owner, { caseId: CASE, resultsVisibility: 'after_close' });
  await createPoll(site.id, owner, { caseId: CASE, status: 'draft' });
  await createPoll(site.id, owner, { caseId: 'KOI/1/other' });
  for (const voter of [newVoter(), newVoter()]) expect((await castBallot(site.id, closed, { choices: ['a'] }, { voter })).status).toBe(201);
  expect((await call(`/api/v1/sites/${site.id}/polls/${closed}`, { method: 'PATCH', token: owner, json: { status: 'closed' } })).status).toBe(200);
  const form = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { id: 'kuuleminen', title: { fi: 'Kuuleminen' }, fields: FIELDS, status: 'open', caseId: CASE } });
  expect(form.status).toBe(201);
  expect(((await form.json()) as { caseId: string }).caseId).toBe(CASE);
  const plain = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { id: 'palaute', title: { fi: 'Palaute' }, fields: FIELDS, status: 'open' } });
  expect(plain.status).toBe(201);
  return { site: site.id, owner, closed, open };
}

const publish = (site: string, owner: string, decision: Record<string, unknown>) => call(`/api/v1/sites/${site}/decisions`, { method: 'POST', token: owner, json: { ...DECISION, caseId: CASE, ...decision } });

/** Publishes the decision on CASE and waits for what it set going in the background: the mail. */
async function publishAndWait(site: string, owner: string): Promise<void> {
  const ctx = createExecutionContext();
  const published = await worker.fetch(
    new Request(`${ORIGIN}/api/v1/sites/${site}/decisions`, { method: 'POST', headers: { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ ...DECISION, caseId: CASE }) }),
    env,
    ctx,
  );
  expect(published.status).toBe(201);
  await waitOnExecutionContext(ctx);
}

const subscribe = (site: string, body: Record<string, unknown>) => call(`/api/v1/sites/${site}/cases/subscriptions`, { method: 'POST', json: { caseId: CASE, lang: 'fi', ...body } });

const waitingRows = async (site: string) =>
  (await env.DB.prepare('SELECT address, lang, attempts, tried_at FROM case_subscriptions WHERE site_id = ?1 ORDER BY address').bind(site).all<{ address: string; lang: string; attempts: number; tried_at: string | null }>()).results;

describe('a case: what residents were asked and what was decided (issue 17)', () => {
  it('joins the published polls and the feedback on a case, before anything is decided', async () => {
    const { site, closed, open } = await askedSite();
    // Feedback through the form linked to the case; from the decisions widget (its own context); about another case; spam.
    const linked = await sendFeedback(site, 'kuuleminen', { answers: { message: 'Hyvä että kysytään.' } });
    await sendFeedback(site, 'palaute', { answers: { message: 'Tästä asiasta.' }, context: { caseId: CASE, subject: 'Koulut' } });
    const other = await sendFeedback(site, 'kuuleminen', { answers: { message: 'Eri asia.' }, context: { caseId: 'KOI/2/other' } });
    const spam = await sendFeedback(site, 'kuuleminen', { answers: { message: 'Osta halvalla!' } });
    const moderator = await createToken(site, 'moderator');
    expect((await call(`/api/v1/sites/${site}/submissions/${spam}`, { method: 'PATCH', token: moderator, json: { status: 'spam' } })).status).toBe(200);

    const body = await readCase(site, CASE, 'sv');
    expect(body.decisions).toEqual([]);
    expect(body.participation.feedback).toBe(2);
    expect(body.participation.polls.map((p) => [p.id, p.status, p.ballots])).toEqual([
      [closed, 'closed', 2],
      // Its results are public only once it closes: so is its count.
      [open, 'open', null],
    ]);
    expect(body.participation.polls[0]!.resultsUrl).toBe(`${ORIGIN}/embed/v1/frame/poll/${closed}?site=${site}&lang=sv`);
    expect(body.feed).toBe(`${ORIGIN}/api/v1/sites/${site}/decisions.atom?case=${encodeURIComponent(CASE)}&lang=sv`);

    // The status lookup says which case the feedback is about: the form's, unless the widget named one.
    const status = async (ref: string) => ((await (await call(`/api/v1/sites/${site}/submissions/${ref}`)).json()) as { caseId: string | null }).caseId;
    expect(await status(linked)).toBe(CASE);
    expect(await status(other)).toBe('KOI/2/other');

    // A case nothing asks about is simply empty.
    expect(await readCase(site, 'KOI/404')).toMatchObject({ decisions: [], participation: { polls: [], feedback: 0 } });
  });

  it('shows the decisions on it, newest meeting first, each with a page to read', async () => {
    const { site, owner } = await askedSite();
    expect((await publish(site, owner, { id: 'valmistelu', organ: { id: 'lautakunta', name: { fi: 'Lautakunta' } }, meeting: { date: '2026-10-01' }, sourceUrl: undefined })).status).toBe(201);
    expect((await publish(site, owner, { id: 'paatos', sourceId: 'ahjo-1' })).status).toBe(201);
    expect((await publish(site, owner, { id: 'muu', caseId: 'KOI/1/other' })).status).toBe(201);
    const body = await readCase(site, CASE, 'fi');
    expect(body.decisions.map((d) => d.id)).toEqual(['paatos', 'valmistelu']);
    expect(body.decisions[0]).toMatchObject({ outcome: 'passed', section: '45', meeting: { date: '2026-11-17' }, title: DECISION.title, url: DECISION.sourceUrl });
    // No page in the source system: the decision's own page here.
    expect(body.decisions[1]!.url).toBe(`${ORIGIN}/embed/v1/frame/decisions/all?site=${site}&lang=fi&decision=valmistelu`);

    // The list and the Atom feed of one case.
    const list = (await (await call(`/api/v1/sites/${site}/decisions?${new URLSearchParams({ case: CASE })}`)).json()) as { items: { id: string }[] };
    expect(list.items.map((d) => d.id)).toEqual(['paatos', 'valmistelu']);
    const atom = await (await call(`/api/v1/sites/${site}/decisions.atom?${new URLSearchParams({ case: CASE, lang: 'fi' })}`)).text();
    expect(atom.match(/<entry>/g)).toHaveLength(2);
    expect(atom).toContain(`Diaarinumero ${CASE}`);
    expect(atom).not.toContain('/decisions/muu<');
  });

  it('lists for officials the cases residents were asked about that await a decision, until one is published', async () => {
    const { site, owner, closed, open } = await askedSite();
    await sendFeedback(site, 'kuuleminen', { answers: { message: 'Mielipide.' } });
    expect((await subscribe(site, { email: 'odottaja@example.fi' })).status).toBe(202);
    const viewer = await createToken(site, 'viewer');
    const awaiting = async () => ((await (await call(`/api/v1/sites/${site}/cases/awaiting`, { token: viewer })).json()) as { items: { caseId: string; polls: { id: string; ballots: number }[]; forms: { id: string }[]; feedback: number; waiting: number }[] }).items;
    const before = await awaiting();
    expect(before.map((c) => c.caseId).sort()).toEqual([CASE, 'KOI/1/other'].sort());
    const mine = before.find((c) => c.caseId === CASE)!;
    expect(mine.polls.map((p) => p.id).sort()).toEqual([closed, open].sort());
    expect(mine.polls.find((p) => p.id === closed)!.ballots).toBe(2);
    expect(mine.forms.map((f) => f.id)).toEqual(['kuuleminen']);
    expect(mine).toMatchObject({ feedback: 1, waiting: 1 });
    expect(JSON.stringify(before)).not.toContain('odottaja@example.fi');

    expect((await publish(site, owner, {})).status).toBe(201);
    expect((await awaiting()).map((c) => c.caseId)).toEqual(['KOI/1/other']);
    // Residents may not list them.
    expect((await call(`/api/v1/sites/${site}/cases/awaiting`)).status).toBe(401);
  });

  it('unlinks a poll and a form when an official clears the case id', async () => {
    const { site, owner, closed, open } = await askedSite();
    expect((await call(`/api/v1/sites/${site}/polls/${open}`, { method: 'PATCH', token: owner, json: { caseId: null } })).status).toBe(200);
    const form = await call(`/api/v1/sites/${site}/forms/kuuleminen`, { method: 'PATCH', token: owner, json: { caseId: null } });
    expect(((await form.json()) as { caseId: string | null }).caseId).toBeNull();
    expect((await readCase(site)).participation.polls.map((p) => p.id)).toEqual([closed]);
  });
});

describe('one email when it is decided (issue 17)', () => {
  it('keeps an address once, for a case the site asks about; refuses bad input and stores nothing', async () => {
    const { site } = await askedSite();
    const first = await subscribe(site, { email: 'maija@example.fi', lang: 'sv' });
    expect(first.status).toBe(202);
    const answer = (await first.json()) as { status: string; keptUntil: string };
    expect(answer.status).toBe('waiting');
    // The site keeps contact details 365 days by default: so long at most.
    expect(Date.parse(answer.keptUntil) - Date.now()).toBeGreaterThan(364 * 86_400_000);
    // Asking again (a retry, another language, another spelling) keeps one address, no longer than the first time said.
    const again = await subscribe(site, { email: ' Maija@Example.FI', lang: 'fi' });
    expect(again.status).toBe(202);
    expect(((await again.json()) as { keptUntil: string }).keptUntil).toBe(answer.keptUntil);
    expect(await waitingRows(site)).toEqual([{ address: 'maija@example.fi', lang: 'fi', attempts: 0, tried_at: null }]);

    const unknown = await subscribe(site, { caseId: 'KOI/ei-ole', email: 'matti@example.fi' });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('case_unknown');
    const bad = await subscribe(site, { email: 'ei osoite' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.[0]?.path).toEqual(['email']);
    const extra = await subscribe(site, { email: 'matti@example.fi', name: 'Matti' });
    expect(extra.status).toBe(400);
    expect((await waitingRows(site)).map((r) => r.address)).toEqual(['maija@example.fi']);
  });

  it('sends it when an official publishes the decision, then deletes the address; a decided case takes no more', async () => {
    const { site, owner } = await askedSite();
    for (const email of ['maija@example.fi', 'matti@example.fi']) expect((await subscribe(site, { email })).status).toBe(202);
    await publishAndWait(site, owner);
    expect(await waitingRows(site)).toEqual([]);
    const late = await subscribe(site, { email: 'myohassa@example.fi' });
    expect(late.status).toBe(409);
    expect((await errorOf(late)).code).toBe('case_decided');
    expect(await waitingRows(site)).toEqual([]);
  });

  it('tries an address that cannot be mailed once per run, and deletes it after the third failure', async () => {
    const { site, owner } = await askedSite();
    await publishAndWait(site, owner);
    // Waiting since before the decision (as if it had been imported while the mail service was down).
    // One address is taken by the form but cannot go in a mail envelope: a non-ASCII local part.
    for (const [address, lang] of [['pääkäyttäjä@example.fi', 'fi'], ['toimiva@example.fi', 'sv']]) {
      await env.DB.prepare('INSERT INTO case_subscriptions (site_id, case_id, address, lang, origin, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)').bind(site, CASE, address, lang, ORIGIN, new Date().toISOString()).run();
    }
    const first = await deliverCaseNotices(env, site);
    expect(first).toEqual({ sent: 1, failed: 1, dropped: 0 });
    expect((await waitingRows(site)).map((r) => [r.address, r.attempts])).toEqual([['pääkäyttäjä@example.fi', 1]]);
    for (let run = 2; run <= MAX_ATTEMPTS; run++) await deliverCaseNotices(env, site);
    expect(await waitingRows(site)).toEqual([]);
  });

  it('is sent at most once when two runs meet (an import\'s and the hourly one)', async () => {
    const { site, owner } = await askedSite();
    await publishAndWait(site, owner);
    const addresses = ['a', 'b', 'c', 'd', 'e'].map((n) => `asukas-${n}@example.fi`);
    for (const address of addresses) {
      await env.DB.prepare('INSERT INTO case_subscriptions (site_id, case_id, address, lang, origin, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)').bind(site, CASE, address, 'fi', ORIGIN, new Date().toISOString()).run();
    }
    const runs = await Promise.all([deliverCaseNotices(env, site), deliverCaseNotices(env, site), deliverCaseNotices(env, site)]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(addresses.length);
    expect(await waitingRows(site)).toEqual([]);
  });

  it('is not kept past the site\'s retention period for contact details, decision or not', async () => {
    const { site } = await askedSite();
    await env.DB.prepare('UPDATE sites SET contact_retention_days = 30 WHERE id = ?1').bind(site).run();
    expect((await subscribe(site, { email: 'vanha@example.fi' })).status).toBe(202);
    expect((await subscribe(site, { email: 'uusi@example.fi' })).status).toBe(202);
    await env.DB.prepare("UPDATE case_subscriptions SET created_at = '2026-01-01T00:00:00.000Z' WHERE site_id = ?1 AND address = 'vanha@example.fi'").bind(site).run();
    // The hourly upkeep deletes it.
    await worker.scheduled(createScheduledController({ cron: SEAL_CRON }), env);
    expect((await waitingRows(site)).map((r) => r.address)).toEqual(['uusi@example.fi']);
  });

  it('is written in the resident\'s language, the decision\'s words escaped', () => {
    const input = {
      siteName: 'Koivulahden kaupunki',
      caseId: CASE,
      title: 'Kouluverkko <script>alert(1)</script>',
      organ: 'Kaupunginvaltuusto',
      meetingDate: '2026-11-17',
      section: '45',
      outcome: 'passed_amended' as const,
      summary: 'Valtuusto hyväksyi selvityksen & muutokset.',
      url: 'https://paatokset.koivulahti.example/kv/45?a=1&b=2',
    };
    const fi = composeDecisionMail({ ...input, lang: 'fi' });
    expect(fi.subject).toBe('Päätös tehty: Kouluverkko <script>alert(1)</script>');
    expect(fi.text).toContain('Kaupunginvaltuusto 17.11.2026 § 45');
    expect(fi.text).toContain(`diaarinumero ${CASE}`);
    expect(fi.html).not.toContain('<script>');
    expect(fi.html).toContain('Kouluverkko &lt;script&gt;');
    expect(fi.html).toContain('href="https://paatokset.koivulahti.example/kv/45?a=1&amp;b=2"');
    expect(fi.text).toContain('Sähköpostiosoitteesi on nyt poistettu');
    const sv = composeDecisionMail({ ...input, lang: 'sv' });
    expect(sv.subject).toMatch(/^Beslut fattat: /);
    expect(sv.text).toContain(`diarienummer ${CASE}`);
    expect(sv.text).not.toBe(fi.text);
  });
});
