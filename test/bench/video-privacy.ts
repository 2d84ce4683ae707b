/**
 * What a page with a YouTube video asks of other hosts before the resident clicks play:
 * `<osallistu-video>` beside `<lite-youtube>` (lite-youtube-embed from npm, the usual light
 * facade), each on its own page in Chromium, both served from the bench's `wrangler dev`.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';

export interface PrivacyCounts {
  /** Requests to other hosts from page load until just before the click (hover and focus included). */
  beforeClick: string[];
  /** Connections the page asked the browser to open early (preconnect / dns-prefetch links). */
  warmed: string[];
  /** Requests to other hosts once the video plays (after the consent step, for ours). */
  afterPlay: string[];
}

const VIDEO_ID = 'aqz-KE-bpKQ';
const LITE = new URL('../../node_modules/lite-youtube-embed/src/', import.meta.url);

const PAGES = {
  ours: `<!doctype html><html lang="fi"><title>Osallistu</title>
    <script type="module" src="/embed/v1/osallistu.js" data-site="koivulahti"></script>
    <osallistu-video video="bench-youtube"></osallistu-video></html>`,
  lite: `<!doctype html><html lang="fi"><title>lite-youtube-embed</title>
    <link rel="stylesheet" href="/__bench/lite/lite-yt-embed.css"><script src="/__bench/lite/lite-yt-embed.js"></script>
    <lite-youtube videoid="${VIDEO_ID}" playlabel="Toista"></lite-youtube></html>`,
};

async function measure(page: Page, origin: string, which: keyof typeof PAGES): Promise<PrivacyCounts> {
  const elsewhere: string[] = [];
  const host = new URL(origin).host;
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host !== host) {
      elsewhere.push(url.href);
      // No internet here: another host's answer is a blank stand-in, counted all the same.
      return route.fulfill({ status: 200, contentType: url.pathname.endsWith('.jpg') ? 'image/jpeg' : 'text/html', body: '' });
    }
    if (url.pathname === '/__bench/video.html') return route.fulfill({ contentType: 'text/html', body: PAGES[which] });
    if (url.pathname.startsWith('/__bench/lite/')) {
      const file = url.pathname.slice('/__bench/lite/'.length);
      return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(new URL(file, LITE)) });
    }
    return route.continue();
  });
  await page.goto(`${origin}/__bench/video.html`, { waitUntil: 'networkidle' });
  const facade = which === 'ours' ? page.locator('osallistu-video .play') : page.locator('lite-youtube');
  await facade.waitFor();
  await facade.hover();
  await facade.focus();
  await page.waitForTimeout(500);
  const beforeClick = [...elsewhere];
  const warmed = await page.$$eval('link[rel="preconnect"], link[rel="dns-prefetch"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
  await facade.click();
  if (which === 'ours') {
    // The consent step: still nothing from YouTube until the resident agrees.
    await page.locator('osallistu-video .consent button:not(.secondary)').click();
  }
  await page.locator(which === 'ours' ? 'osallistu-video iframe' : 'lite-youtube iframe').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  return { beforeClick, warmed, afterPlay: elsewhere.slice(beforeClick.length) };
}

export async function measureVideoPrivacy(options: { origin: string; api: string; token: string }): Promise<{ ours: PrivacyCounts; lite: PrivacyCounts }> {
  const created = await fetch(`${options.api}/videos`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'bench-youtube', channel: 'bench', provider: 'youtube', ref: VIDEO_ID, title: { fi: 'Bench' }, duration: 634 }),
  });
  if (created.status !== 201) throw new Error(`create video: ${created.status} ${await created.text()}`);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const results = {} as { ours: PrivacyCounts; lite: PrivacyCounts };
    for (const which of ['ours', 'lite'] as const) {
      const context = await browser.newContext();
      results[which] = await measure(await context.newPage(), options.origin, which);
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
