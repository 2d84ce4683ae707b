/**
 * Frame pages as CMSs embed them: by WordPress's oEmbed (a sandboxed iframe with a secret, resized
 * by WordPress's own wp-embed.js, read from the WordPress installed on this machine), by a plain
 * iframe with /embed/v1/resizer.js on any other host page, and refused by `frame-ancestors` on an
 * origin the site has not registered.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { upsertSiteWithToken } from '../../scripts/lib/sites.ts';
import { chromiumForFile, watchProblems } from '../support/browser.ts';
import { serveHostPage } from '../support/host-page.ts';

const server = inject('devServer');
const chrome = chromiumForFile();
const SITE = 'kehys-e2e';
const POLL = 'kehys-kysely';
const FORM = 'kehys-palaute';
const WP_EMBED = '/usr/share/wordpress/wp-includes/js/wp-embed.min.js';

let owner = '';
const hosts: { url: string; close(): Promise<void> }[] = [];

async function official(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/api/v1/sites/${SITE}${path}`, { ...init, headers: { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' } });
}

async function host(html: string, policy?: string): Promise<string> {
  const served = await serveHostPage(html, policy);
  hosts.push(served);
  return served.url;
}

/** The oEmbed html treated as WordPress's wp_filter_oembed_result treats an unknown provider's (wp-includes/embed.php). */
function asWordPress(html: string, secret: string): string {
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(html);
  if (!content?.[2]) throw new Error(`WordPress would drop this oEmbed html (no iframe): ${html}`);
  let out = (content[1] ?? '') + content[2];
  const src = / src=(['"])(.*?)\1/.exec(out)!;
  out = out.replace(src[0], ` src=${src[1]}${src[2]}#?secret=${secret}${src[1]} data-secret=${src[1]}${secret}${src[1]}`);
  out = out.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  if (content[1]) {
    out = out.replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    out = out.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return out.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** The frame page's own content height, as frame.ts measures it. */
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

async function frameOf(page: Page, path: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes(path))).toBe(true);
  return page.frames().find((f) => f.url().includes(path))!;
}

/** Waits until the poll widget inside the frame has rendered its own form (the server-rendered one inside the element is then hidden). */
async function pollShown(frame: Frame): Promise<void> {
  await expect.poll(() => frame.evaluate(() => Boolean(document.querySelector('osallistu-poll')?.shadowRoot?.querySelector('form legend'))), { timeout: 15_000 }).toBe(true);
}

beforeAll(async () => {
  ({ token: owner } = await upsertSiteWithToken(
    { id: SITE, name: { fi: 'Kehyskunta' }, defaultLang: 'fi', languages: ['fi'], origins: [] },
    { role: 'owner', label: 'frames e2e', replaceLabel: true },
    { persistTo: server.persistTo },
  ));
  const poll = {
    id: POLL,
    kind: 'single',
    question: { fi: 'Mikä on tärkeintä?' },
    options: [
      { id: 'a', label: { fi: 'Pyörätiet' } },
      { id: 'b', label: { fi: 'Jalkakäytävät' } },
    ],
    status: 'open',
    resultsVisibility: 'after_vote',
  };
  const created = await official('/polls', { method: 'POST', body: JSON.stringify(poll) });
  expect(created.status).toBe(201);
  const form = {
    id: FORM,
    title: { fi: 'Anna palautetta' },
    fields: [{ key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true }],
    status: 'open',
  };
  expect((await official('/forms', { method: 'POST', body: JSON.stringify(form) })).status).toBe(201);
});

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
});

/** Registers the host pages' origins on the site, as the console's Settings view would. */
async function register(...urls: string[]): Promise<void> {
  const response = await official('/settings', { method: 'PATCH', body: JSON.stringify({ origins: urls.map((u) => new URL(u).origin) }) });
  expect(response.status).toBe(200);
}

describe('a frame embedded by WordPress (oEmbed, sandbox="allow-scripts", wp-embed.js)', () => {
  it('is shown and resized by WordPress\'s own script, and takes a vote inside the sandbox', async () => {
    if (!existsSync(WP_EMBED)) throw new Error(`${WP_EMBED} is missing: install WordPress (apt-get install wordpress; .ci/run does) to run the WordPress embed test.`);
    const frameUrl = `${server.url}/embed/v1/frame/poll/${POLL}?site=${SITE}`;
    const oembed = (await (await fetch(`${server.url}/embed/v1/oembed?url=${encodeURIComponent(frameUrl)}&format=json&maxwidth=600&maxheight=900`)).json()) as { html: string; height: number };
    const url = await host(`<!doctype html><html lang="fi"><head><title>WordPress-sivu</title></head><body><main><h1>Artikkeli</h1>
      ${asWordPress(oembed.html, 'abc123XYZ')}
      <script>${readFileSync(WP_EMBED, 'utf8')}</script></main></body></html>`);
    await register(url);

    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(url);
    const frame = await frameOf(page, `/frame/poll/${POLL}`);
    await pollShown(frame);
    const iframe = page.locator('iframe.wp-embedded-content');
    // wp-embed.js shows the iframe (drops the clip style) and hides the blockquote on the frame's first message,
    await expect.poll(() => iframe.getAttribute('style')).toBe(null);
    await expect.poll(() => page.locator('blockquote.wp-embedded-content').isVisible()).toBe(false);
    // and sets the height the frame reports (WordPress keeps it within 200–1000 px).
    const expected = () => contentHeight(frame).then((h) => String(Math.min(1000, Math.max(200, h))));
    await expect.poll(async () => (await iframe.getAttribute('height')) === (await expected())).toBe(true);
    expect(Number(await iframe.getAttribute('height'))).not.toBe(oembed.height);

    // Voting inside the sandbox: the API takes the frame's Origin: null for residents' calls.
    await frame.getByRole('radio', { name: 'Pyörätiet' }).check();
    await frame.getByRole('button', { name: 'Vastaa' }).click();
    await expect.poll(() => frame.locator('osallistu-poll .notice').first().textContent(), { timeout: 10_000 }).toContain('Kiitos vastauksestasi!');
    const view = (await (await official(`/polls/${POLL}`)).json()) as { results: { options: { id: string; count: number }[] } };
    expect(view.results.options.find((o) => o.id === 'a')?.count).toBe(1);
    // The results made the frame taller: the iframe followed.
    await expect.poll(async () => (await iframe.getAttribute('height')) === (await expected())).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a feedback frame in WordPress\'s sandbox (allow-scripts, no allow-forms, no storage)', () => {
  it('sends the feedback and shows its reference code', async () => {
    const frameUrl = `${server.url}/embed/v1/frame/feedback/${FORM}?site=${SITE}`;
    const url = await host(`<!doctype html><html lang="fi"><head><title>Palautesivu</title></head><body><main><h1>Palaute</h1>
      <iframe sandbox="allow-scripts" src="${frameUrl}" title="Palaute" width="600" height="900"></iframe></main></body></html>`);
    await register(url);
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(url);
    const frame = await frameOf(page, `/frame/feedback/${FORM}`);
    await expect.poll(() => frame.evaluate(() => Boolean(document.querySelector('osallistu-feedback')?.shadowRoot?.querySelector('form textarea'))), { timeout: 15_000 }).toBe(true);
    await frame.getByRole('textbox', { name: 'Viesti' }).fill('Katuvalo ei pala Koivutien kulmassa.');
    await frame.getByRole('button', { name: 'Lähetä palaute' }).click();
    await expect.poll(() => frame.evaluate(() => document.querySelector('osallistu-feedback')?.shadowRoot?.textContent ?? ''), { timeout: 15_000 }).toMatch(/Viitetunnuksesi:\s*[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}/);
    const queue = (await (await official(`/submissions?form=${FORM}`)).json()) as { items: { message?: string; answers?: Record<string, unknown> }[] };
    expect(JSON.stringify(queue)).toContain('Katuvalo ei pala Koivutien kulmassa.');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a frame on any other host page, with /embed/v1/resizer.js', () => {
  it('fits plain and sandboxed iframes to their content under a strict CSP, and ignores anyone else\'s messages', async () => {
    const src = `${server.url}/embed/v1/frame/poll/${POLL}?site=${SITE}`;
    const url = await host(
      `<!doctype html><html lang="fi"><head><title>Kunnan sivu</title><script src="${server.url}/embed/v1/resizer.js" async></script></head><body><main><h1>Kysely</h1>
      <iframe id="plain" src="${src}&lang=fi" title="Kysely" width="600" height="150"></iframe>
      <iframe id="sandboxed" sandbox="allow-scripts" src="${src}" title="Kysely eristettynä" width="600" height="150"></iframe>
      <iframe id="mine" srcdoc="<p>oma</p>" title="Oma" width="600" height="150"></iframe>
      </main></body></html>`,
      `default-src 'none'; script-src ${server.url}; frame-src ${server.url}; style-src 'none'`,
    );
    await register(url);
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(url);
    for (const [id, frameSrc] of [['plain', `${src}&lang=fi`], ['sandboxed', src]] as const) {
      await expect.poll(() => page.frames().some((f) => f.url() === frameSrc), { message: id }).toBe(true);
      const frame = page.frames().find((f) => f.url() === frameSrc);
      await pollShown(frame!);
      const box = () => page.locator(`#${id}`).evaluate((el) => el.clientHeight);
      await expect.poll(async () => (await box()) === (await contentHeight(frame!)), { timeout: 10_000 }).toBe(true);
      expect(await box()).toBeGreaterThan(150);
    }

    // Messages from the host page itself and from a frame of another origin change nothing.
    const before = await page.locator('#plain').evaluate((el) => el.clientHeight);
    await page.evaluate(() => {
      (window as unknown as { seen: number }).seen = 0;
      addEventListener('message', (e) => [7, 9].includes((e.data as { height?: number }).height!) && (window as unknown as { seen: number }).seen++);
    });
    const mine = (await (await page.locator('#mine').elementHandle())!.contentFrame())!;
    await mine.evaluate(() => parent.postMessage({ type: 'osallistu:height', height: 7, href: location.href }, '*'));
    await page.evaluate(() => postMessage({ type: 'osallistu:height', height: 9, href: location.href }, '*'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { seen: number }).seen)).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#mine').evaluate((el) => el.clientHeight)).toBe(150);
    expect(await page.locator('#plain').evaluate((el) => el.clientHeight)).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is served to any site, briefly cached, and small', async () => {
    for (const path of ['/embed/v1/resizer.js', '/embed/v1/frame.js']) {
      const response = await fetch(`${server.url}${path}`, { headers: { Origin: 'null' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('cache-control'), path).toContain('max-age=300');
      expect((await response.text()).length, path).toBeLessThan(1024);
    }
  });
});

describe('a frame on an origin the site has not registered', () => {
  it('is refused by frame-ancestors, while a wrong address shows a page the editor can read', async () => {
    const frame = `${server.url}/embed/v1/frame/poll/${POLL}?site=${SITE}`;
    const missing = `${server.url}/embed/v1/frame/poll/ei-ole?site=${SITE}`;
    const url = await host(`<!doctype html><html lang="fi"><head><title>Vieras</title></head><body>
      <iframe id="frame" src="${frame}" title="Kysely"></iframe><iframe id="missing" src="${missing}" title="Puuttuva"></iframe></body></html>`);
    const page = await chrome.browser.newPage();
    const refusals: string[] = [];
    page.on('console', (m) => /frame-ancestors/.test(m.text()) && refusals.push(m.text()));
    await page.goto(url);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(refusals.join('\n')).toContain(server.url);
    expect(page.frames().some((f) => f.url() === frame && f !== page.mainFrame())).toBe(false);
    const error = await frameOf(page, '/frame/poll/ei-ole');
    await expect.poll(() => error.locator('h1').textContent()).toBe('Sisältöä ei löytynyt');
    await page.close();
  });
});
