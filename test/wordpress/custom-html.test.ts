import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile, watchProblems } from '../support/browser.ts';
import { insertBlock, newPost, occurrences, publish, signIn, watchEditorProblems } from './support/editor.ts';
import { createPoll, pollCounts } from './support/osallistu.ts';
import { USERS } from './support/wordpress.ts';

const wp = inject('wordpress');
const chrome = chromiumForFile();

describe('the README\'s snippet in a Custom HTML block, by an Administrator', () => {
  it('still works beside the plugin: the page keeps the script and the element, and a visitor\'s vote counts', async () => {
    const poll = await createPoll(wp);
    const snippet = [
      `<script type="module" src="${wp.service}/embed/v1/osallistu.js" data-site="${wp.site}"></script>`,
      `<osallistu-poll poll="${poll.id}" lang="en">`,
      `  <a href="${wp.service}/embed/v1/frame/poll/${poll.id}?site=${wp.site}">Answer the poll</a>`,
      '</osallistu-poll>',
    ].join('\n');
    const { context, page } = await signIn(chrome.browser, wp, USERS.administrator);
    const problems = watchEditorProblems(page);
    await newPost(page, wp, 'Kysely HTML-lohkossa');
    await insertBlock(page, 'Custom HTML');
    const block = page.getByRole('document', { name: 'Block: Custom HTML' });
    await block.getByRole('textbox', { name: 'HTML' }).fill(snippet);
    const link = await publish(page);
    expect(problems).toEqual([]);
    await context.close();

    const html = await (await fetch(link)).text();
    expect(html).toContain(snippet);
    // The plugin adds nothing to a page that does not use its block or shortcode.
    expect(occurrences(html, '/embed/v1/osallistu.js')).toBe(1);
    expect(html).not.toContain('osallistu-palette');

    const visitor = await chrome.browser.newContext();
    const view = await visitor.newPage();
    const visitorProblems = watchProblems(view);
    await view.goto(link);
    const widget = view.locator('osallistu-poll');
    await expect.poll(() => widget.locator('legend').textContent()).toBe(poll.question);
    await widget.getByLabel('Cycle paths').check();
    await widget.getByRole('button', { name: 'Vote' }).click();
    await expect.poll(() => widget.locator('.notice').allTextContents()).toContain('Thank you for answering!');
    expect(await pollCounts(wp, poll.id)).toEqual({ paths: 1, pavements: 0 });
    expect(visitorProblems).toEqual([]);
    await visitor.close();
  });
});
