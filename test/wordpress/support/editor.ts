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
  await page.getByRole('option', { name, exact: true }).first().click();
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

/** Counts non-overlapping occurrences of `needle` in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
