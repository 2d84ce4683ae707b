/**
 * What a WordPress page with the plugin's block costs a visitor, beside the same page with the
 * README's bare snippet in a Custom HTML block: requests and bytes on the wire (cold cache) from
 * opening the page until the poll is on screen and the network is idle, in Chromium, in a real
 * WordPress (test/wordpress/support/wordpress.ts: Debian's package on a private MariaDB and Apache,
 * Twenty Twenty-Three, the plugin as its zip holds it).
 */
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import type { RunningDevServer } from '../support/dev-server.ts';
import { createPoll, createTestSite } from '../wordpress/support/osallistu.ts';
import { USERS, php, phpValue, startWordPress } from '../wordpress/support/wordpress.ts';
import { checkWordPressStack } from '../wordpress/support/services.ts';

export interface PageCost {
  /** Every request the page made (the document, WordPress's assets, the widgets and the API). */
  requests: number;
  /** Bytes received for them: headers and bodies as sent (compressed when the server compressed). */
  bytes: number;
  /** Of those, the requests to the Osallistu service (loader, widget chunk, strings, API). */
  osallistuRequests: number;
  osallistuBytes: number;
}

export interface WordPressPageCosts {
  /** The post with the Osallistu block (rendered by the plugin: the element, its fallback link, the loader and the palette). */
  block: PageCost;
  /** The same post with the README's snippet in a Custom HTML block instead. */
  snippet: PageCost;
}

async function measure(browser: Browser, url: string, service: string): Promise<PageCost> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: import('playwright-core').Request[] = [];
  page.on('requestfinished', (request) => requests.push(request));
  await page.goto(url);
  await page.locator('osallistu-poll').locator('legend').waitFor();
  await page.waitForLoadState('networkidle');
  const cost: PageCost = { requests: 0, bytes: 0, osallistuRequests: 0, osallistuBytes: 0 };
  for (const request of requests) {
    const sizes = await request.sizes();
    const bytes = sizes.responseHeadersSize + sizes.responseBodySize;
    cost.requests++;
    cost.bytes += bytes;
    if (request.url().startsWith(`${service}/`)) {
      cost.osallistuRequests++;
      cost.osallistuBytes += bytes;
    }
  }
  await context.close();
  return cost;
}

/**
 * Starts a WordPress with the plugin set up for `server` (a site registering the WordPress's
 * origin is created in the server's database), publishes the two posts and measures both.
 */
export async function measureWordPressPage(server: RunningDevServer): Promise<WordPressPageCosts> {
  checkWordPressStack();
  const wordpress = await startWordPress({ service: server.url, site: 'pending' });
  let browser: Browser | undefined;
  try {
    const site = await createTestSite(server, wordpress.url);
    const wp = { ...wordpress, service: server.url, site: site.site, token: site.token };
    php(wp, `update_option( 'osallistu_settings', ${phpValue({ service: server.url, site: site.site })} );`);
    const poll = await createPoll(wp, 'Which should be cleared first?');
    const snippet = [
      `<script type="module" src="${server.url}/embed/v1/osallistu.js" data-site="${site.site}"></script>`,
      `<osallistu-poll poll="${poll.id}" lang="en">`,
      `  <a href="${server.url}/embed/v1/frame/poll/${poll.id}?site=${site.site}">Answer the poll</a>`,
      '</osallistu-poll>',
    ].join('\n');
    const intro = '<!-- wp:paragraph --><p>Tell us what to clear first this winter.</p><!-- /wp:paragraph -->';
    const posts = {
      block: `${intro}\n<!-- wp:osallistu/embed {"widget":"poll","item":"${poll.id}","lang":"en"} /-->`,
      snippet: `${intro}\n<!-- wp:html -->\n${snippet}\n<!-- /wp:html -->`,
    };
    const publish = (title: string, content: string) =>
      php(
        wp,
        `wp_set_current_user( get_user_by( 'login', '${USERS.administrator}' )->ID );
$id = wp_insert_post( array( 'post_title' => ${phpValue(title)}, 'post_content' => wp_slash( ${phpValue(content)} ), 'post_status' => 'publish' ), true );
echo get_permalink( $id );`,
      );
    const links = { block: publish('Winter maintenance (block)', posts.block), snippet: publish('Winter maintenance (snippet)', posts.snippet) };
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    // One page load first, so that WordPress's own first-view work (caches, transients) is not counted.
    await measure(browser, links.snippet, server.url);
    return { block: await measure(browser, links.block, server.url), snippet: await measure(browser, links.snippet, server.url) };
  } finally {
    await browser?.close();
    await wordpress.stop();
  }
}
