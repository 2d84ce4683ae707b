import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';

const server = inject('devServer');
const chrome = chromiumForFile();

describe('the decisions of the demo site', () => {
  it('the "Päätökset" page: seeded decisions, search, a decision opened, axe-clean under the strict CSP', async () => {
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/paatokset/`);
    const feed = page.locator('osallistu-decisions');
    await expect.poll(() => feed.locator('.item').count(), { timeout: 15_000 }).toBe(10);
    expect(await axeViolations(page)).toEqual([]);

    await feed.getByLabel('Hae päätöksistä').fill('koulukulj');
    await feed.getByRole('button', { name: 'Hae', exact: true }).click();
    await expect.poll(() => feed.locator('[role="status"]').textContent()).toMatch(/^Haulla ”koulukulj” löytyi/);
    const first = feed.locator('.item').first();
    expect(await first.getByRole('heading').textContent()).toMatch(/[Kk]oulukulj/);
    await first.getByRole('button', { name: 'Näytä koko päätös' }).click();
    await expect.poll(() => first.locator('.body').count()).toBe(1);
    expect(await first.getByRole('button', { name: 'Piilota päätös' }).getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/demo-decisions.png`, fullPage: true });

    const atom = await fetch(`${server.url}/api/v1/sites/koivulahti/decisions.atom?q=koulukulj`);
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    expect(await feed.locator('.subscribe a').getAttribute('href')).toContain('/decisions.atom?q=koulukulj');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the front page sidebar shows the newest traffic decisions, in Swedish on the Swedish page', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${server.url}/sv/`);
    const sidebar = page.locator('aside osallistu-decisions');
    await expect.poll(() => sidebar.locator('.item').count(), { timeout: 15_000 }).toBe(3);
    expect(await sidebar.getByRole('button', { name: 'Visa hela beslutet' }).count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
