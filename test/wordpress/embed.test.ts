import { describe, expect, inject, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { chromiumForFile, watchProblems } from '../support/browser.ts';
import { insertBlock, newPost, publish, signIn, watchEditorProblems } from './support/editor.ts';
import { createPoll, pollCounts } from './support/osallistu.ts';
import { USERS } from './support/wordpress.ts';

const wp = inject('wordpress');
const chrome = chromiumForFile();

/** The frame (of any depth) whose address starts with `prefix`, once the page has it. */
async function frameOf(page: Page, prefix: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((frame) => frame.url().startsWith(prefix))).toBe(true);
  return page.frames().find((frame) => frame.url().startsWith(prefix))!;
}

describe('a pasted frame URL (oEmbed), by an Author', () => {
  it('becomes an embed in WordPress\'s sandbox that a visitor votes in (Origin: null) and that WordPress resizes to the frame\'s height', async () => {
    const poll = await createPoll(wp);
    const url = `${wp.service}/embed/v1/frame/poll/${poll.id}?site=${wp.site}&lang=en`;
    const { context, page } = await signIn(chrome.browser, wp, USERS.author);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: wp.url });
    const problems = watchEditorProblems(page);
    await newPost(page, wp, 'Upotettu kysely');
    // Gutenberg turns a URL pasted into a paragraph into an embed only for https addresses; the
    // test service is http://127.0.0.1, so the URL is pasted into the Embed block's own field.
    await insertBlock(page, 'Embed');
    const block = page.getByRole('document', { name: 'Block: Embed' });
    await block.getByRole('textbox', { name: 'Embed URL' }).click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), url);
    await page.keyboard.press('Control+V');
    await expect.poll(() => block.getByRole('textbox', { name: 'Embed URL' }).inputValue()).toBe(url);
    await block.getByRole('button', { name: 'Embed' }).click();
    // WordPress fetched the oEmbed through the plugin's provider and shows it sandboxed.
    const preview = block.locator('iframe.wp-embedded-content');
    await expect.poll(() => preview.getAttribute('sandbox')).toBe('allow-scripts');
    expect(await preview.getAttribute('title')).toBe(poll.question);
    const link = await publish(page);
    expect(problems).toEqual([]);
    await context.close();

    const visitor = await chrome.browser.newContext();
    const view = await visitor.newPage();
    const visitorProblems = watchProblems(view);
    await view.goto(link);
    const iframe = view.locator('figure.wp-block-embed-osallistu iframe');
    expect(await iframe.getAttribute('sandbox')).toBe('allow-scripts');
    expect(await iframe.getAttribute('src')).toMatch(new RegExp(`^${url.replace(/[?.]/g, '\\$&')}#\\?secret=[A-Za-z0-9]{10}$`));
    // wp-embed shows the frame (and hides the fallback link) once the frame page has spoken.
    await expect.poll(() => iframe.evaluate((element) => element.getAttribute('style') ?? '')).not.toContain('clip');
    await expect.poll(() => view.locator('figure.wp-block-embed-osallistu blockquote').isVisible()).toBe(false);

    const frame = await frameOf(view, url);
    // In the sandbox the frame has an opaque origin: what the API sees as Origin: null.
    expect(await frame.evaluate(() => window.origin)).toBe('null');
    const contentHeight = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const frameHeight = async () => Number(await iframe.getAttribute('height'));
    // Resized from the oEmbed's 520 to what the frame reports about its content.
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(2);

    await frame.getByRole('radio', { name: 'Cycle paths' }).check();
    await frame.getByRole('button', { name: 'Vote' }).click();
    await expect.poll(() => frame.locator('osallistu-poll .notice').allTextContents()).toContain('Thank you for answering!');
    expect(await pollCounts(wp, poll.id)).toEqual({ paths: 1, pavements: 0 });
    // The results are taller than the question: WordPress follows the new height.
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(2);
    expect(visitorProblems).toEqual([]);
    await visitor.close();
  });
});
