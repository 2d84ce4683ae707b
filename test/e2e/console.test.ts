import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';

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
    await page.goto(`${server.url}/admin?site=koivulahti`);
    const console = page.locator('osallistu-admin');
    await console.getByLabel('Tunniste').fill(server.token);
    await console.getByRole('button', { name: 'Kirjaudu' }).click();
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
});
