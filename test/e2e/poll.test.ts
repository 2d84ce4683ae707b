import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { demoPolls } from '../../demo/seed/polls.ts';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';

const server = inject('devServer');
const POLL = demoPolls[0]!.id;
const chrome = chromiumForFile();

const exportCsv = async () => {
  const response = await fetch(`${server.url}/api/v1/sites/koivulahti/polls/${POLL}/export?format=csv`, { headers: { Authorization: `Bearer ${server.token}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer()).toString('utf8'); // keeps the BOM, unlike text()
};

describe('the poll on the demo page', () => {
  it('takes a vote, remembers it after a reload, and the export contains it', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/`);
    const poll = page.locator('osallistu-poll');
    await expect.poll(() => poll.locator('legend').textContent()).toBe('Mikä talvikunnossapidossa on sinulle tärkeintä?');
    // The no-JS fallback link is replaced by the widget.
    expect(await poll.locator('a').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await poll.getByLabel('Koulureitit ja koulujen ympäristöt').check();
    await poll.getByLabel('Bussipysäkit ja vaihtopaikat').check();
    await poll.getByRole('button', { name: 'Vastaa' }).click();
    await expect.poll(() => poll.locator('.notice').textContent()).toBe('Kiitos vastauksestasi!');
    expect(await poll.locator('.results li').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/demo-poll-voted.png`, fullPage: true });

    await page.reload();
    await expect.poll(() => poll.locator('.mine').textContent(), { timeout: 10_000 }).toBe('Vastauksesi: Koulureitit ja koulujen ympäristöt, Bussipysäkit ja vaihtopaikat');
    expect(await poll.getByRole('button', { name: 'Muuta vastaustasi' }).isVisible()).toBe(true);
    // This browser has voted: the loader started the results view with the rest of its wave.
    const preloaded = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname.replace(/-[\w-]{8}\.js$/, '.js')));
    expect(preloaded.sort()).toEqual(['/embed/v1/chunks/fi.js', '/embed/v1/chunks/poll-fi.js', '/embed/v1/chunks/results.js', '/embed/v1/chunks/shared.js']);
    expect(problems).toEqual([]);

    const csv = await exportCsv();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/\r\n\d+;\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};;Koulureitit ja koulujen ympäristöt \| Bussipysäkit ja vaihtopaikat\r\n/);
    // Other files may vote on the demo poll too (the console's test does): this ballot is the only one for these options.
    expect(csv).toMatch(/Koulureitit ja koulujen ympäristöt;koulureitit;1;\d+/);
    await context.close();
  });

  it('speaks Swedish on the Swedish page', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${server.url}/sv/`);
    const poll = page.locator('osallistu-poll');
    await expect.poll(() => poll.locator('legend').textContent()).toBe('Vad är viktigast för dig i vinterunderhållet?');
    expect(await poll.getByRole('button', { name: 'Svara' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ROOT}/test-results/demo-poll-sv.png`, fullPage: true });
    await page.close();
  });

  it('loads only the loader, the shared chunk, the chunks of the widgets on the page and one language, and nothing from elsewhere', async () => {
    const page = await chrome.browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${server.url}/sv/`);
    await expect.poll(() => page.locator('osallistu-poll legend').count()).toBe(1);
    await expect.poll(() => page.locator('osallistu-decisions .item').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(requests.every((url) => url.startsWith(server.url))).toBe(true);
    const scripts = requests.filter((url) => url.endsWith('.js')).map((url) => new URL(url).pathname.replace(/-[\w-]{8}\.js$/, '.js'));
    expect(scripts.sort()).toEqual([
      '/embed/v1/chunks/decisions-sv.js',
      '/embed/v1/chunks/osallistu-decisions.js',
      '/embed/v1/chunks/osallistu-poll.js',
      '/embed/v1/chunks/shared.js',
      '/embed/v1/chunks/sv.js',
      '/embed/v1/osallistu.js',
    ]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    // The loader started the shared chunk and the page's strings itself, in parallel with the
    // poll's chunk, and the poll's JSON, which the widget then used: asked for once.
    const preloaded = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname.replace(/-[\w-]{8}\.js$/, '.js')));
    expect(preloaded.sort()).toEqual(['/embed/v1/chunks/shared.js', '/embed/v1/chunks/sv.js']);
    expect(requests.filter((url) => new URL(url).pathname === `/api/v1/sites/koivulahti/polls/${POLL}`)).toHaveLength(1);
    await page.close();
  });
});

describe('the fallback page for CMSs without scripts', () => {
  it('shows the poll alone, in the asked language, axe-clean under its own CSP', async () => {
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const response = await page.goto(`${server.url}/embed/v1/frame/poll/${POLL}?site=koivulahti&lang=sv`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.title()).toBe('Enkät – Björkviks stad');
    await expect.poll(() => page.locator('osallistu-poll legend, osallistu-poll [role="heading"]').first().textContent(), { timeout: 10_000 }).toBe('Vad är viktigast för dig i vinterunderhållet?');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    const missing = await fetch(`${server.url}/embed/v1/frame/poll/nope?site=no-such-town`);
    expect(missing.status).toBe(404);
    await page.close();
  });

  it('is what the demo page\'s fallback link opens', async () => {
    const page = await chrome.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/`);
    const href = await page.locator('osallistu-poll a').getAttribute('href');
    expect(href).toBe(`/embed/v1/frame/poll/${POLL}?site=koivulahti`);
    expect((await fetch(`${server.url}${href}`)).status).toBe(200);
    await page.close();
  });
});

describe('the poll under the settings residents use', () => {
  it('works with forced colours, reduced motion and 200 % zoom, axe-clean, no horizontal scroll', async () => {
    // 200 % zoom of a 1280 px window lays out like a 640 px one at twice the pixel density.
    const context = await chrome.browser.newContext({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2, forcedColors: 'active', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const poll = page.locator('osallistu-poll');
    await expect.poll(() => poll.locator('legend').count()).toBe(1);
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches && matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // Bars do not animate when motion is reduced.
    await poll.getByLabel('Asuinkatujen auraus').check();
    await poll.getByRole('button', { name: 'Vastaa' }).click();
    await expect.poll(() => poll.locator('.results').count()).toBe(1);
    const transition = await poll.locator('.bar > span').first().evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(transition).toBe('0s');
    await context.close();
  });
});
