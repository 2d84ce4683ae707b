import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForms } from '../../demo/seed/forms.ts';
import { seedDemo, seedDemoContent } from '../../scripts/lib/seed.ts';
import { ROOT, applyMigrations, startDevServer } from '../../scripts/lib/wrangler.ts';
import type { DevServer } from '../../scripts/lib/wrangler.ts';
import { axeViolations, launchChromium, watchProblems } from '../support/browser.ts';
import { freePort } from '../support/free-port.ts';

/**
 * The feedback page of the demo site on a server of its own, which these tests stop and start
 * again (the shared test server stays up for the other suites).
 */
const FORM = demoForms[0]!.id;
const persistTo = mkdtempSync(join(tmpdir(), 'osallistu-e2e-feedback-'));
let port: number;
let server: DevServer;
let token: string;
let browser: Browser;

const start = () => startDevServer({ port, persistTo, quiet: true });

beforeAll(async () => {
  port = await freePort();
  applyMigrations({ persistTo });
  token = (await seedDemo({ persistTo })).token;
  server = await start();
  await seedDemoContent(server.url, token);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

async function submissions(): Promise<{ ref: string; answers: Record<string, unknown>; contact: Record<string, string> | null }[]> {
  const response = await fetch(`${server.url}/api/v1/sites/koivulahti/submissions?form=${FORM}&limit=100`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { ref: string; answers: Record<string, unknown>; contact: Record<string, string> | null }[] }).items;
}

describe('the feedback page of the demo site', () => {
  it('takes feedback, gives a reference code, and shows its status and the public reply', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/palaute/`);
    const form = page.locator('osallistu-feedback');
    await expect.poll(() => form.getByRole('heading', { name: 'Anna palautetta' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('Palautteesi').fill('Katuvalo ei pala Koivutien ja Puistotien kulmassa.');
    await form.getByLabel('Sähköpostiosoite').fill('asukas@example.fi');
    await form.getByLabel('Katuvalot').check();
    await form.getByRole('button', { name: 'Lähetä palaute' }).click();
    const ref = (await form.locator('.ref').textContent({ timeout: 10_000 }))!;
    expect(ref).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    await expect.poll(() => form.locator('osallistu-feedback-status').getByText('Tila: Vastaanotettu', { exact: true }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/demo-feedback-sent.png`, fullPage: true });

    const answered = await fetch(`${server.url}/api/v1/sites/koivulahti/submissions/${ref}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'answered', reply: { body: 'Lamppu vaihdetaan torstaina.', public: true } }),
    });
    expect(answered.status).toBe(200);
    await page.reload();
    await form.getByText('Seuraa palautettasi viitetunnuksella').click();
    await form.getByLabel('Viitetunnus').fill(ref.toLowerCase());
    await form.getByRole('button', { name: 'Hae tila' }).click();
    await expect.poll(() => form.getByText('Lamppu vaihdetaan torstaina.').count()).toBe(1);
    expect(await form.getByText('Tila: Vastattu', { exact: true }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('speaks Swedish on the Swedish page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/sv/respons/`);
    const form = page.locator('osallistu-feedback');
    await expect.poll(() => form.getByRole('heading', { name: 'Ge respons' }).count()).toBe(1);
    expect(await form.getByRole('button', { name: 'Skicka respons' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('sent while the server is down, it arrives exactly once after the server starts again', async () => {
    const before = (await submissions()).length;
    const page = await browser.newPage();
    await page.goto(`${server.url}/palaute/`);
    const form = page.locator('osallistu-feedback');
    await expect.poll(() => form.getByRole('button', { name: 'Lähetä palaute' }).count()).toBe(1);
    await form.getByLabel('Palautteesi').fill('Lähetetty, kun palvelin oli alhaalla.');

    await server.stop();
    await form.getByRole('button', { name: 'Lähetä palaute' }).click();
    await expect.poll(() => form.locator('.queued .notice').textContent(), { timeout: 30_000 }).toContain('Palautteesi on tallessa');
    expect(await axeViolations(page, 'osallistu-feedback')).toEqual([]);

    server = await start();
    // The widget tries again on its own (every 20 s, and whenever the browser says it is online).
    const ref = (await form.locator('.ref').textContent({ timeout: 60_000 }))!;
    expect(ref).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    await page.waitForTimeout(1000);
    const after = await submissions();
    expect(after.length).toBe(before + 1);
    expect(after.filter((s) => s.answers.message === 'Lähetetty, kun palvelin oli alhaalla.').map((s) => s.ref)).toEqual([ref]);
    await page.close();
  }, 120_000);
});
