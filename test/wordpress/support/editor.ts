/**
 * Playwright helpers for WordPress's own screens, as a person uses them: signing in, writing a
 * post in the block editor (title, inserter search, publish) and opening the published page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD } from './wordpress.ts';
import type { WordPressInfo } from './wordpress.ts';

/** A new browser context signed in to WordPress as `login`. */
export async function signIn(browser: Browser, wp: WordPressInfo, login: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${wp.url}/wp-login.php`);
  await page.locator('#user_login').fill(login);
  await page.locator('#user_pass').fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/wp-admin\//), page.locator('#wp-submit').click()]);
  return { context, page };
}

/** Opens a new post in the block editor and types its title. */
export async function newPost(page: Page, wp: WordPressInfo, title: string): Promise<void> {
  await page.goto(`${wp.url}/wp-admin/post-new.php`);
  const titleField = page.getByRole('textbox', { name: 'Add title' });
  await titleField.waitFor();
  await titleField.fill(title);
}

/** Opens the inserter, searches for `search` and inserts the block named `name`. */
export async function insertBlock(page: Page, search: string, name = search): Promise<void> {
  await page.getByRole('button', { name: 'Toggle block inserter' }).click();
  await page.getByRole('searchbox', { name: /Search/ }).fill(search);
  // The option's name starts with its dashicon's glyph (a private-use character from CSS).
  await page.getByRole('listbox', { name: 'Blocks' }).getByRole('option', { name: new RegExp(`(^|[^\\p{L}])${name}$`, 'u') }).first().click();
}

/** Publishes the post being edited (through the pre-publish panel) and answers its address. */
export async function publish(page: Page): Promise<string> {
  await page.locator('.editor-post-publish-panel__toggle').click();
  await page.locator('.editor-post-publish-panel .editor-post-publish-button').click();
  await page.locator('.post-publish-panel__postpublish-header').waitFor();
  const link = await page.evaluate(() => (window as unknown as { wp: { data: { select(store: string): { getPermalink(): string } } } }).wp.data.select('core/editor').getPermalink());
  expect(link).toMatch(/^http/);
  return link;
}

/**
 * Like watchProblems() for WordPress's own screens: uncaught errors, console errors and failed
 * requests, except two of WordPress's own REST API (wp/v2) that are not the plugin's doing: refusing
 * what the signed-in role may not do (the block editor of 6.1 asks for the theme's templates, the
 * site settings and categories in edit context for every user, and an Author gets 403), and the
 * inserter's search of wordpress.org's block directory for Administrators (500: this machine has
 * no internet, and the test WordPress blocks external requests).
 */
export function watchEditorProblems(page: Page): string[] {
  const problems: string[] = [];
  const wordPressOwn = (url: string) => new URL(url).pathname.startsWith('/wp-json/wp/v2/');
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A failed request is reported once, with its address, by the response listener below.
    if (message.text().startsWith('Failed to load resource')) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    const url = response.url();
    const expected = wordPressOwn(url) && (response.status() === 403 || new URL(url).pathname.startsWith('/wp-json/wp/v2/block-directory/'));
    if (response.status() >= 400 && !expected) problems.push(`HTTP ${response.status()}: ${url}`);
  });
  return problems;
}

/** Counts non-overlapping occurrences of `needle` in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
