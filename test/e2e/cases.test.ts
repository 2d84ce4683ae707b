import { mkdirSync, readFileSync } from 'node:fs';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { describe, expect, inject, it } from 'vitest';
import { demoForms } from '../../demo/seed/forms.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';
import { emlFiles, readMessage, words } from '../support/mail.ts';

/**
 * Closing the loop (issue 17): residents answer a poll and send feedback on a case; the poll
 * closes; a resident asks, in the widget, for one email; an official imports the decision with
 * the case's number. The email is written by `wrangler dev`'s send_email binding, and the closed
 * poll and the feedback status show what was decided.
 */
const server = inject('devServer');
const chrome = chromiumForFile();
const api = `${server.url}/api/v1/sites/koivulahti`;
const official = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };

/** The messages about one case: our own header on every decision email. */
const messagesAbout = (caseId: string) => emlFiles().filter((file) => readFileSync(file, 'utf8').includes(`\r\nX-Osallistu-Case: ${caseId}\r\n`));

describe('what was decided, where residents took part (issue 17)', () => {
  it('mails the waiting resident once and shows the decision in the closed poll (fi, sv) and in the feedback status', async () => {
    const stamp = Date.now();
    const caseId = `KOI/${stamp % 100_000}/10.03.00/2026`;
    const id = `paatetty-${stamp}`;
    const created = await fetch(`${api}/polls`, {
      method: 'POST',
      headers: official,
      body: JSON.stringify({
        id,
        kind: 'single',
        question: { fi: 'Pidennetäänkö kirjaston aukioloa?', sv: 'Ska bibliotekets öppettider förlängas?' },
        options: [
          { id: 'kylla', label: { fi: 'Kyllä', sv: 'Ja' } },
          { id: 'ei', label: { fi: 'Ei', sv: 'Nej' } },
        ],
        status: 'open',
        resultsVisibility: 'always',
        caseId,
      }),
    });
    expect(created.status).toBe(201);
    const vote = await fetch(`${api}/polls/${id}/ballots`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Voter-Token': `e2e-case-${stamp}-voter` }, body: JSON.stringify({ choices: ['kylla'] }) });
    expect(vote.status).toBe(201);
    expect((await fetch(`${api}/polls/${id}`, { method: 'PATCH', headers: official, body: JSON.stringify({ status: 'closed' }) })).status).toBe(200);
    const sent = await fetch(`${api}/forms/${demoForms[0]!.id}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-case-${stamp}` },
      body: JSON.stringify({ answers: { message: 'Kirjasto saisi olla auki myös sunnuntaisin.' }, context: { caseId } }),
    });
    expect(sent.status).toBe(201);
    const { ref } = (await sent.json()) as { ref: string };

    // The closed poll, before the decision: a resident asks for the email, by keyboard only.
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/embed/v1/frame/poll/${id}?site=koivulahti&lang=fi`);
    const poll = page.locator('osallistu-poll');
    await expect.poll(() => poll.getByText(`Asiassa ${caseId} ei ole vielä tehty päätöstä.`).count(), { timeout: 10_000 }).toBe(1);
    const address = poll.getByLabel('Sähköpostiosoitteesi');
    await address.focus();
    await page.keyboard.type(`asukas-${stamp}@example.fi`);
    await page.keyboard.press('Enter');
    await expect.poll(() => poll.getByText(/^Kiitos! Lähetämme sinulle yhden viestin/).count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/poll-waiting-fi.png`, fullPage: true });

    // The official imports the decision from the case system.
    const decision = {
      sourceId: `e2e-${caseId}`,
      organ: { id: 'sivistyslautakunta', name: { fi: 'Sivistyslautakunta', sv: 'Bildningsnämnden' } },
      meeting: { date: '2026-12-03' },
      section: '87',
      caseId,
      title: { fi: 'Kirjaston aukioloaikojen pidentäminen', sv: 'Förlängning av bibliotekets öppettider' },
      plainSummary: { fi: 'Kirjasto on auki myös sunnuntaisin ensi vuoden alusta.', sv: 'Biblioteket har öppet även på söndagar från början av nästa år.' },
      outcome: 'passed',
      sourceUrl: `https://paatokset.koivulahti.example/sivla/2026-12-03/87?e2e=${stamp}`,
    };
    const imported = await fetch(`${api}/decisions/import`, { method: 'POST', headers: official, body: JSON.stringify([decision]) });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ created: 1, rejected: 0 });

    // One message, in the language the resident asked in, then the address is gone.
    await expect.poll(() => messagesAbout(caseId).length, { timeout: 15_000 }).toBe(1);
    const { headers, parts } = readMessage(messagesAbout(caseId)[0]!);
    expect(headers.get('to')).toBe(`asukas-${stamp}@example.fi`);
    expect(words(headers.get('subject')!)).toBe('Päätös tehty: Kirjaston aukioloaikojen pidentäminen');
    expect(headers.get('content-language')).toBe('fi');
    const [text, html] = parts;
    expect(text!.text).toContain('Sivistyslautakunta 3.12.2026 § 87');
    expect(text!.text).toContain('Kirjasto on auki myös sunnuntaisin ensi vuoden alusta.');
    expect(text!.text).toContain(decision.sourceUrl);
    expect(html!.text).toContain(`href="${decision.sourceUrl.replaceAll('&', '&amp;')}"`);
    const again = await fetch(`${api}/cases/subscriptions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ caseId, email: `asukas-${stamp}@example.fi`, lang: 'fi' }) });
    expect(again.status).toBe(409);
    const awaiting = (await (await fetch(`${api}/cases/awaiting`, { headers: official })).json()) as { items: { caseId: string }[] };
    expect(awaiting.items.map((item) => item.caseId)).not.toContain(caseId);

    // The closed poll shows what was decided, in Finnish and in Swedish.
    await page.reload();
    await expect.poll(() => poll.getByRole('heading', { name: 'Mitä päätettiin' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => poll.getByText('Kirjasto on auki myös sunnuntaisin ensi vuoden alusta.').count()).toBe(1);
    expect(await poll.getByRole('link', { name: /Kirjaston aukioloaikojen pidentäminen/ }).getAttribute('href')).toBe(decision.sourceUrl);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/poll-decided-fi.png`, fullPage: true });
    await page.goto(`${server.url}/embed/v1/frame/poll/${id}?site=koivulahti&lang=sv`);
    await expect.poll(() => poll.getByRole('heading', { name: 'Vad beslutades' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => poll.getByText('Biblioteket har öppet även på söndagar från början av nästa år.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The feedback's status, looked up with its reference code, shows it too.
    await page.goto(`${server.url}/embed/v1/frame/feedback-status/lookup?site=koivulahti&lang=fi&ref=${ref}`);
    const status = page.locator('osallistu-feedback-status');
    await expect.poll(() => status.getByRole('heading', { name: 'Mitä päätettiin' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => status.getByText('Kirjasto on auki myös sunnuntaisin ensi vuoden alusta.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
