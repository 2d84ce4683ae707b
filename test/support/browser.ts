/** Chromium for the end-to-end suite, launched by playwright-core from Debian's package. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function chromiumForFile(): { readonly browser: Browser } {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    holder.browser = await launchChromium();
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return holder;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page through the DevTools protocol (not an injected <script>, which the
 * demo's Content-Security-Policy would rightly block) and returns its violations, described.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const root = context ? document.querySelector(context) : document;
    if (!root) throw new Error(`axeViolations: nothing in the page's light DOM matches "${context}" (widgets inside another's shadow root are checked with the whole page)`);
    const results = await axe.run(root, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, selector);
}

const aceSource = readFileSync(createRequire(import.meta.url).resolve('accessibility-checker-engine/ace-window.js'), 'utf8');

/**
 * Runs IBM Equal Access's engine (policy IBM_Accessibility, as accessibility-checker does) in the
 * page the same way and returns its violations, described. `aria_content_in_landmark` counts
 * only inside `<main>`: outside it, the page under test is the host's, not ours.
 */
export async function ibmViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(aceSource);
  return page.evaluate(async (context) => {
    type Result = { ruleId: string; reasonId: string; value: [string, string]; path: { dom: string }; message: string };
    const ace = (window as unknown as { ace_ibma: { Checker: new () => { check(ctx: unknown, policies: string[]): Promise<{ results: Result[] }> } } }).ace_ibma;
    const root = context ? document.querySelector(context) : document;
    if (!root) throw new Error(`ibmViolations: nothing in the page's light DOM matches "${context}"`);
    const report = await new ace.Checker().check(root, ['IBM_Accessibility']);
    return report.results
      .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL')
      .filter((r) => r.ruleId !== 'aria_content_in_landmark' || /\/main\[\d+\]/.test(r.path.dom.split('#document-fragment')[0]!))
      .map((r) => `${r.ruleId}: ${r.message} (${r.path.dom})`);
  }, selector);
}

/** axe-core and IBM Equal Access together: what a page must pass. */
export async function accessibilityViolations(page: Page, selector?: string): Promise<string[]> {
  return [...(await axeViolations(page, selector)), ...(await ibmViolations(page, selector))];
}

/** Collects CSP violations and uncaught errors of a page, to assert there were none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/**
 * Opens the officials' console on the demo site in `page` and signs in with `token` as a person
 * would (Finnish labels); answers the `<osallistu-admin>` element's locator.
 */
export async function signInToConsole(page: Page, serverUrl: string, token: string) {
  await page.goto(`${serverUrl}/admin?site=koivulahti`);
  const admin = page.locator('osallistu-admin');
  await admin.getByLabel('Tunniste').fill(token);
  await admin.getByRole('button', { name: 'Kirjaudu' }).click();
  return admin;
}
