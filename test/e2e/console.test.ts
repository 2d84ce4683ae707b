import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { readFileSync } from 'node:fs';
import { axeViolations, chromiumForFile, signInToConsole, watchProblems } from '../support/browser.ts';
import { readXlsx, values } from '../workers/xlsx.ts';

const server = inject('devServer');
const chrome = chromiumForFile();

describe('the officials\' console at /admin', () => {
  it('signs in with a token, shows the demo poll\'s results as a chart and a table under its strict CSP, and never loads the console for residents', async () => {
    const vote = await fetch(`${server.url}/api/v1/sites/koivulahti/polls/pyorateiden-talvikunnossapito/ballots`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Voter-Token': `voter-${crypto.randomUUID()}` },
      body: JSON.stringify({ choices: ['liukkaus'] }),
    });
    expect(vote.status).toBe(201);
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const console = await signInToConsole(page, server.url, server.token);
    const polls = console.locator('osallistu-admin-polls');
    await expect.poll(() => polls.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => location.href)).not.toContain(server.token);
    await polls.getByRole('button', { name: /^Tulokset: Mikä talvikunnossapidossa/ }).click();
    const results = polls.locator('section.results');
    await expect.poll(() => results.locator('table').count()).toBeGreaterThan(0);
    // The bars are sized through the CSS object model, which the console's CSP allows (no inline style attributes).
    const widths = await results.locator('.bar > span').evaluateAll((spans) => spans.map((s) => (s as HTMLElement).style.inlineSize));
    expect(widths.every((w) => /%$/.test(w))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/console-results.png`, fullPage: true });
    expect(problems).toEqual([]);
    expect(requests.some((path) => path === '/embed/v1/admin.js')).toBe(true);
    await page.close();

    // A resident's page loads the loader and widgets, never the console.
    const resident = await chrome.browser.newPage();
    const loaded: string[] = [];
    resident.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    await resident.goto(`${server.url}/`);
    await expect.poll(() => resident.locator('osallistu-poll legend').count(), { timeout: 15_000 }).toBe(1);
    expect(loaded.filter((path) => /admin/.test(path))).toEqual([]);
    await resident.close();
  });

  it('a poll\'s journey: created in the console, answered by a resident, closed, exported as a workbook that reads back right', async () => {
    const id = `journey-${Date.now()}`;
    const page = await chrome.browser.newPage({ acceptDownloads: true });
    const problems = watchProblems(page);
    const admin = await signInToConsole(page, server.url, server.token);
    const polls = admin.locator('osallistu-admin-polls');
    await polls.getByRole('button', { name: 'Uusi kysely' }).click();
    const editor = polls.locator('osallistu-admin-poll-editor');
    await editor.getByLabel('Tunnus').fill(id);
    await editor.getByLabel('Kysymys (suomi)').fill('Mihin uusi leikkipuisto?');
    await editor.getByLabel('Kysymys (ruotsi)').fill('Var ska den nya lekparken ligga?');
    await editor.getByLabel('Kysymys (englanti)').fill('Where should the new playground go?');
    for (const [n, fi, sv, en] of [[1, 'Rantaan', 'Vid stranden', 'By the shore'], [2, 'Keskustaan', 'I centrum', 'In the centre']] as const) {
      await editor.getByLabel(`Vaihtoehto ${n} (suomi)`).fill(fi);
      await editor.getByLabel(`Vaihtoehto ${n} (ruotsi)`).fill(sv);
      await editor.getByLabel(`Vaihtoehto ${n} (englanti)`).fill(en);
    }
    await editor.getByLabel('Tila').selectOption('open');
    // Every language is there: it is published without asking.
    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => polls.locator('[role="status"]').textContent()).toBe('Kysely ”Mihin uusi leikkipuisto?” tallennettiin.');

    // A resident answers it where the snippet puts it (its own frame page here), in Swedish.
    const resident = await chrome.browser.newPage();
    await resident.goto(`${server.url}/embed/v1/frame/poll/${id}?site=koivulahti&lang=sv`);
    const poll = resident.locator('osallistu-poll');
    // The widget's own form, once it has started (the server-rendered one inside the element is for browsers without JavaScript).
    await expect.poll(() => poll.evaluate((el) => Boolean(el.shadowRoot?.querySelector('form'))), { timeout: 15_000 }).toBe(true);
    await poll.getByRole('radio', { name: 'I centrum' }).check();
    await poll.getByRole('button', { name: 'Svara' }).click();
    await expect.poll(() => poll.locator('.results').count(), { timeout: 15_000 }).toBe(1);
    await resident.close();

    // The official closes it (after confirming) and downloads the workbook.
    await polls.getByRole('button', { name: 'Sulje: Mihin uusi leikkipuisto?' }).click();
    await polls.locator('[role="alertdialog"]').getByRole('button', { name: 'Sulje' }).click();
    await expect.poll(() => polls.locator('[role="status"]').textContent()).toBe('Kysely ”Mihin uusi leikkipuisto?” suljettiin.');
    const [download] = await Promise.all([page.waitForEvent('download'), polls.getByRole('button', { name: 'Lataa Excel: Mihin uusi leikkipuisto?' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^koivulahti-.*${id}.*\\.xlsx$`));
    const workbook = readXlsx(new Uint8Array(readFileSync((await download.path())!)));
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Tulokset', 'Aineisto', 'Menetelmä']);
    const results = workbook.sheet('Tulokset').rows.map(values);
    expect(results.some((row) => row[0] === 'Keskustaan' && row.includes(1))).toBe(true);
    expect(results.some((row) => row[0] === 'Rantaan' && row.includes(0))).toBe(true);
    expect(workbook.sheet('Aineisto').rows.length).toBe(2); // the header and the one ballot
    expect(workbook.sheet('Menetelmä').rows.map(values).flat().join(' ')).toContain('Mihin uusi leikkipuisto?');
    expect(problems).toEqual([]);
    await page.close();
  });
});
