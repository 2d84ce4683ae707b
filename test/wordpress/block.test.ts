import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile, watchProblems } from '../support/browser.ts';
import { insertBlock, newPost, occurrences, publish, signIn, watchEditorProblems } from './support/editor.ts';
import { createForm, createPoll, pollCounts, submissionRefs } from './support/osallistu.ts';
import { USERS, php } from './support/wordpress.ts';

const wp = inject('wordpress');
const chrome = chromiumForFile();

describe('the Osallistu block, used by an Author (no unfiltered HTML)', () => {
  it('embeds a poll picked from the site\'s list with an answer-free preview; the published page carries the widget and one loader, and a visitor\'s vote counts', async () => {
    const poll = await createPoll(wp);
    const { context, page } = await signIn(chrome.browser, wp, USERS.author);
    const problems = watchEditorProblems(page);
    await newPost(page, wp, 'Talvikunnossapito');
    await insertBlock(page, 'Osallistu');
    const block = page.locator('.wp-block-osallistu-embed');
    await expect.poll(() => block.getByLabel('What to embed').inputValue()).toBe('poll');
    // The list comes from the service's catalogue through the plugin's REST route.
    await expect.poll(() => block.getByLabel('Which one').locator('option').allTextContents()).toContain(poll.question);
    await block.getByLabel('Which one').selectOption({ label: poll.question });

    await expect.poll(() => block.locator('.osallistu-editor-note').textContent()).toBe('Preview: answering is off in the editor preview. Visitors answer on the published page.');
    const preview = block.locator('iframe');
    expect(await preview.getAttribute('src')).toBe(`${wp.service}/embed/v1/frame/poll/${poll.id}?site=${wp.site}&lang=en&preview=1`);
    await expect.poll(() => page.frameLocator('.wp-block-osallistu-embed iframe').locator('body').textContent(), { timeout: 20_000 }).toContain('Preview: answering is off in the preview');

    const link = await publish(page);
    expect(problems).toEqual([]);
    await context.close();

    const html = await (await fetch(link)).text();
    expect(occurrences(html, '<osallistu-poll ')).toBe(1);
    expect(html).toContain(`<osallistu-poll poll="${poll.id}" site="${wp.site}" api="${wp.service}" lang="en" heading-level="2"><a href="${wp.service}/embed/v1/frame/poll/${poll.id}?site=${wp.site}&#038;lang=en">Answer the poll</a></osallistu-poll>`);
    expect(occurrences(html, `${wp.service}/embed/v1/osallistu.js`)).toBe(1);
    expect(html).toMatch(new RegExp(`<script type="module" data-site="${wp.site}" src=["']${wp.service}/embed/v1/osallistu\\.js["']`));

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

  it('embeds a feedback form on a second post; a visitor sends feedback and gets its reference code', async () => {
    const form = await createForm(wp);
    const { context, page } = await signIn(chrome.browser, wp, USERS.author);
    await newPost(page, wp, 'Palaute');
    await insertBlock(page, 'Osallistu');
    const block = page.locator('.wp-block-osallistu-embed');
    await block.getByLabel('What to embed').selectOption('feedback');
    await expect.poll(() => block.getByLabel('Which one').locator('option').allTextContents()).toContain(form.title);
    await block.getByLabel('Which one').selectOption({ label: form.title });
    await expect.poll(() => block.locator('iframe').getAttribute('src')).toBe(`${wp.service}/embed/v1/frame/feedback/${form.id}?site=${wp.site}&lang=en&preview=1`);
    const link = await publish(page);
    await context.close();

    const visitor = await chrome.browser.newContext();
    const view = await visitor.newPage();
    await view.goto(link);
    const widget = view.locator('osallistu-feedback');
    await widget.getByLabel('Your feedback').fill('The street light on the corner is out.');
    await widget.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => widget.locator('.ref').textContent()).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    const ref = await widget.locator('.ref').textContent();
    expect(await submissionRefs(wp, form.id)).toEqual([ref]);
    await visitor.close();
  });

  it('is what authors use because WordPress strips their <script>: a Contributor\'s and an Author\'s Custom HTML loses it, an Administrator\'s keeps it', async () => {
    const snippet = '<!-- wp:html --><script type="module" src="https://osallistu.example.fi/embed/v1/osallistu.js"></script><p>kept</p><!-- /wp:html -->';
    const saved = (login: string) =>
      php(
        wp,
        `wp_set_current_user( get_user_by( 'login', '${login}' )->ID ); kses_init();
$id = wp_insert_post( array( 'post_title' => 'HTML by ${login}', 'post_content' => ${JSON.stringify(snippet).replace(/\$/g, '\\$')}, 'post_status' => 'draft' ) );
echo get_post( $id )->post_content;`,
      );
    for (const login of [USERS.contributor, USERS.author]) {
      const content = saved(login);
      expect(content).toContain('<p>kept</p>');
      expect(content).not.toContain('<script');
    }
    expect(saved(USERS.administrator)).toContain('<script type="module" src="https://osallistu.example.fi/embed/v1/osallistu.js"></script>');
  });
});
