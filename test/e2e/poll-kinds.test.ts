import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';

const server = inject('devServer');
const chrome = chromiumForFile();

describe('the participatory budget and the ranked vote on the demo page', () => {
  it('takes a budget ballot by keyboard alone in one district, and shows the funded projects', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/osallistuva-budjetointi/`);
    const budget = page.locator('osallistu-poll[poll="omakoivulahti-2027"]');
    await expect.poll(() => budget.getByRole('radio', { name: /Saaristo/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The area radios, then the district's projects, by Tab, arrows and Space only.
    await budget.getByRole('radio', { name: /Keskusta/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => budget.getByRole('radio', { name: /Saaristo/ }).isChecked()).toBe(true);
    await expect.poll(() => budget.getByRole('checkbox').count()).toBe(3);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Uusi laituri Kivisaareen, 140 000 €
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Yleisen saunan kunnostus, 70 000 €: 210 000 € is over the 200 000 € cap
    // (Amounts are written as Finnish writes them, with no-break spaces: "10 000 €".)
    await expect.poll(() => budget.getByText(/valintasi maksavat 10.000.€ enemmän kuin budjetissa on/).count()).toBe(1);
    await page.keyboard.press('Space'); // unpicked again
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Opasteet saariston luontopoluille, 50 000 €
    await expect.poll(() => budget.getByText(/^10.000.€ jäljellä \/ 200.000.€$/).count()).toBe(1);
    await page.screenshot({ path: `${ROOT}/test-results/demo-budget-ballot.png`, fullPage: true });
    await budget.getByRole('button', { name: 'Vastaa' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => budget.getByText('Hankkeet rahoitetaan äänimäärän mukaisessa järjestyksessä', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => budget.getByText('Rahoitetaan', { exact: true }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/demo-budget-voted.png`, fullPage: true });

    const exported = await fetch(`${server.url}/api/v1/sites/koivulahti/polls/omakoivulahti-2027/export?format=json`, { headers: { Authorization: `Bearer ${server.token}` } });
    const json = (await exported.json()) as { ballots: { choices: string[] }[]; summary: { funded: { area: string; funded: string[] }[] } };
    expect(json.ballots.map((b) => b.choices)).toContainEqual(['laituri', 'saaristo-reitisto']);
    expect(json.summary.funded.find((a) => a.area === 'saaristo')!.funded).toEqual(expect.arrayContaining(['laituri', 'saaristo-reitisto']));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes a ranking by keyboard alone, keeps its order, and shows the rounds', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sv/medborgarbudget/`);
    const ranked = page.locator('osallistu-poll[poll="uuden-aukion-nimi"]');
    await expect.poll(() => ranked.getByRole('combobox').count()).toBe(4);
    // Third place for Mötesplatsen, first for Lokplatsen, by the number pickers.
    await ranked.getByRole('combobox', { name: /Lokplatsen/ }).selectOption('1');
    await ranked.getByRole('combobox', { name: /Mötesplatsen/ }).selectOption('2');
    await ranked.getByRole('combobox', { name: /Björkplatsen/ }).selectOption('3');
    // Then Björkplatsen up one place by its button, from the keyboard.
    await ranked.getByRole('button', { name: /Björkplatsen.*upp|upp.*Björkplatsen/i }).focus();
    await page.keyboard.press('Enter');
    await ranked.getByRole('button', { name: /^Svara$/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => ranked.locator('table').count(), { timeout: 15_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ROOT}/test-results/demo-ranked-voted-sv.png`, fullPage: true });
    const exported = await fetch(`${server.url}/api/v1/sites/koivulahti/polls/uuden-aukion-nimi/export?format=json`, { headers: { Authorization: `Bearer ${server.token}` } });
    const json = (await exported.json()) as { ballots: { choices: string[] }[] };
    expect(json.ballots.map((b) => b.choices)).toContainEqual(['veturi', 'koivuaukio', 'kohtaamo']);
    await context.close();
  });
});
