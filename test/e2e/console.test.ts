import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { accessibilityViolations, chromiumForFile, signInToConsole, watchProblems } from '../support/browser.ts';
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
    // The bars are drawn in SVG, sized by attributes, which the console's strict CSP allows (no inline style attributes).
    const widths = await results.locator('svg.bar rect:nth-child(2)').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(widths.length).toBeGreaterThan(0);
    expect(widths.every((w) => w >= 0 && w <= 100)).toBe(true);
    expect(widths.some((w) => w > 0)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
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
    // Closing and exports are in the row's menu, "Lisää".
    const more = polls.getByRole('button', { name: 'Lisää: Mihin uusi leikkipuisto?' });
    await more.click();
    await polls.locator('.menu-list').getByRole('button', { name: 'Sulje', exact: true }).click();
    await polls.locator('[role="alertdialog"]').getByRole('button', { name: 'Sulje' }).click();
    await expect.poll(() => polls.locator('[role="status"]').textContent()).toBe('Kysely ”Mihin uusi leikkipuisto?” suljettiin.');
    await more.click();
    const [download] = await Promise.all([page.waitForEvent('download'), polls.locator('.menu-list').getByRole('button', { name: 'Lataa Excel' }).click()]);
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

  it.each(['fi', 'sv', 'en'])('every console view (%s) reflows at 320 px: no horizontal scroll, no part wider than the view, tables as lists', async (lang) => {
    const page = await chrome.browser.newPage({ viewport: { width: 320, height: 720 } });
    const problems = watchProblems(page);
    await signInToConsole(page, server.url, server.token);
    await expect.poll(() => page.locator('osallistu-admin-polls tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const overflows: Record<string, unknown> = {};
    // The decisions and videos views are checked by their own suite (test/e2e/console-decisions.test.ts and the videos'), reworked beside this one.
    for (const view of VIEWS.filter((v) => v !== 'decisions' && v !== 'videos')) {
      await openView(page, view, lang);
      const found = await overflow(page);
      if (found.scrollWidth > found.clientWidth || found.wide.length) overflows[view] = found;
    }
    expect(overflows).toEqual({});
    // A table is a list of cards here: its rows are blocks, each cell under its column's name.
    await openView(page, 'polls', lang);
    expect(await page.locator('osallistu-admin-polls tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('screenshots of every console view at 1280 and 360 px, into CONSOLE_SHOTS (default test-results/console-shots)', async () => {
    const folder = process.env.CONSOLE_SHOTS || `${ROOT}/test-results/console-shots`;
    mkdirSync(folder, { recursive: true });
    const written: string[] = [];
    for (const width of [1280, 360]) {
      const page = await chrome.browser.newPage({ viewport: { width, height: 900 } });
      const problems = watchProblems(page);
      await page.goto(`${server.url}/admin?site=koivulahti`);
      await expect.poll(() => page.locator('osallistu-admin #token').count(), { timeout: 15_000 }).toBe(1);
      const shot = async (name: string) => {
        const path = `${folder}/${name}-${width}.png`;
        await page.screenshot({ path, fullPage: true });
        written.push(path);
      };
      await shot('sign-in');
      await signInToConsole(page, server.url, server.token);
      await expect.poll(() => page.locator('osallistu-admin-polls tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      for (const view of VIEWS) {
        await openView(page, view, 'fi');
        await shot(view);
      }
      // The states an official spends time in: a poll's results, a row's menu, a submission opened.
      await openView(page, 'polls', 'fi');
      const polls = page.locator('osallistu-admin-polls');
      await polls.getByRole('button', { name: /^Lisää: Mikä talvikunnossapidossa/ }).click();
      await shot('polls-menu');
      await page.keyboard.press('Escape');
      await polls.getByRole('button', { name: /^Tulokset: Mikä talvikunnossapidossa/ }).click();
      await expect.poll(() => polls.locator('section.results table').count()).toBeGreaterThan(0);
      await shot('polls-results');
      expect(problems).toEqual([]);
      await page.close();
    }
    expect(written.filter((path) => existsSync(path)).length).toBe((VIEWS.length + 3) * 2);
  });
});

const VIEWS = ['polls', 'forms', 'feedback', 'decisions', 'cases', 'videos', 'snippets', 'settings', 'tokens', 'audit'] as const;
const LOADING = ['Ladataan…', 'Laddar…', 'Loading…'];

/** Opens a console view (signed in already, in this tab) in `lang` and waits until it has loaded. */
async function openView(page: Page, view: string, lang: string): Promise<void> {
  await page.goto(`${server.url}/admin?site=koivulahti&lang=${lang}#${view}`);
  const element = page.locator(`osallistu-admin-${view}`);
  await expect
    .poll(
      () =>
        element.evaluate((el, loading) => {
          const root = el.shadowRoot;
          const text = root?.textContent ?? '';
          return Boolean(root?.querySelector('h2')) && !loading.some((l) => text.includes(l));
        }, LOADING),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** The page's horizontal scroll, and every element (in the console's shadow roots too) that reaches past the viewport. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const wide: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const rect = el.getBoundingClientRect();
        if (rect.width > 0 && (rect.right > limit || rect.left < -0.5)) wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} ${Math.round(rect.left)}–${Math.round(rect.right)}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const scroller = document.scrollingElement!;
    return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, wide: wide.slice(0, 20) };
  });
}
