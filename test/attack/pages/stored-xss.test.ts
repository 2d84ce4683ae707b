import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../scripts/lib/seed.ts';
import { applyMigrations, startDevServer } from '../../../scripts/lib/wrangler.ts';
import type { DevServer } from '../../../scripts/lib/wrangler.ts';
import { launchChromium, signInToConsole } from '../../support/browser.ts';
import { freePort } from '../../support/free-port.ts';
import { xssPayloads } from '../corpus/xss.ts';
import { serveHostPages } from '../support/host-pages.ts';
import { armContext, scanPage, watchPage } from '../support/xss-watch.ts';
import type { Finding } from '../support/xss-watch.ts';
import { SITE, seedCorpus } from '../support/xss-seed.ts';
import type { Seeded } from '../support/xss-seed.ts';

/**
 * Stored XSS, kept: the corpus stored through the real API in every text field a resident or an
 * official is shown, then every widget (on another origin's page and in its frame), the feeds
 * and the console opened in Chromium with their interactive parts expanded. The context ignores
 * the pages' Content-Security-Policy, so that a payload that reached the DOM as markup would run
 * and be seen, not be quietly stopped by the second lock. On a server and database of its own:
 * the corpus stays out of the shared server's content.
 */
const persistTo = mkdtempSync(join(tmpdir(), 'osallistu-attack-xss-'));
let server: DevServer;
let token: string;
let browser: Browser;
let context: BrowserContext;
let host: Awaited<ReturnType<typeof serveHostPages>>;
let seeded: Seeded;
const findings: Finding[] = [];
/** Place → the payload ids shown there. */
const rendered = new Map<string, Set<string>>();
/** Place → the page's uncaught errors and console errors (printed, to explain a page that shows nothing). */
const pageErrors = new Map<string, string[]>();
let place = 'seeding';
let controlFigures = '';
let expectedUrl = '';

beforeAll(async () => {
  const port = await freePort();
  applyMigrations({ persistTo });
  token = (await seedDemo({ persistTo })).token;
  server = await startDevServer({ port, persistTo, quiet: true });
  host = await serveHostPages();
  seeded = await seedCorpus(server.url, token, xssPayloads, host.origin);
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true });
  await armContext(context, findings, () => place, /^www\.youtube-nocookie\.com$/);
}, 180_000);

afterAll(async () => {
  const places = [...rendered.entries()];
  const shown = places.reduce((sum, [, ids]) => sum + ids.size, 0);
  const refused = Object.values(seeded?.refused ?? {}).reduce((a, b) => a + b, 0);
  console.log(
    [
      `stored XSS: ${xssPayloads.length} payloads, ${places.length} places, ${shown} payload renderings (payload × place), ${findings.length} executions or live payloads`,
      `control page (the corpus put in with innerHTML, to show the detectors work): ${controlFigures}`,
      `stored per field: ${JSON.stringify(seeded?.stored)}`,
      `refused (4xx) per field: ${JSON.stringify(seeded?.refused)} = ${refused}; taken in format-constrained fields: ${JSON.stringify(seeded?.acceptedInConstrained)}`,
      ...places.map(([name, ids]) => `  ${String(ids.size).padStart(3)} payloads shown · ${name}${pageErrors.get(name)?.length ? ` · errors: ${pageErrors.get(name)!.join(' | ').slice(0, 400)}` : ''}`),
    ].join('\n'),
  );
  await context?.close();
  await browser?.close();
  await host?.close();
  await server?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

/** Opens `url` as the place `name`, lets `act` bring its states about (scanning each), then scans once more. */
async function visit(name: string, url: string, act: (page: Page, scan: () => Promise<void>) => Promise<void>, open: (page: Page) => Promise<unknown> = (page) => page.goto(url)): Promise<void> {
  place = name;
  expectedUrl = url;
  const ids = rendered.get(name) ?? new Set<string>();
  rendered.set(name, ids);
  const live = new Set<string>();
  const page = await context.newPage();
  watchPage(page, findings, () => place, () => expectedUrl);
  const errors: string[] = [];
  pageErrors.set(name, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const scan = async () => {
    const result = await scanPage(page);
    result.ids.forEach((id) => ids.add(id));
    result.live.forEach((entry) => live.add(entry));
  };
  await open(page);
  await act(page, scan);
  await scan();
  for (const detail of live) findings.push({ kind: 'live', place: name, detail });
  await page.close();
}

/** Waits until `n` elements matching `selector` (or at least `n`) show a payload in their shadow root. */
async function widgetsShowPayloads(page: Page, selector: string, n: number, atLeast = false): Promise<void> {
  const showing = expect.poll(() => page.locator(selector).evaluateAll((els) => els.filter((el) => /xss\d{2}/.test(el.shadowRoot?.textContent ?? '')).length), { timeout: 20_000 });
  await (atLeast ? showing.toBeGreaterThanOrEqual(n) : showing.toBe(n));
}

const findingsAt = (prefix: string) => findings.filter((f) => f.place.startsWith(prefix));
const shownAt = (prefix: string) => [...rendered.entries()].filter(([name]) => name.startsWith(prefix)).map(([name, ids]) => [name, ids.size] as const);

function hostPage(body: string): string {
  return `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Koivulahti</title></head><body><main>
    <script type="module" src="${server.url}/embed/v1/osallistu.js" data-site="${SITE}"></script>
    ${body}</main></body></html>`;
}

async function expandDecisions(page: Page, scan: () => Promise<void>, n: number) {
  await expect.poll(() => page.locator('osallistu-decisions .item').count(), { timeout: 20_000 }).toBe(n);
  const toggles = page.locator('osallistu-decisions button.toggle');
  for (let i = 0; i < n; i++) await toggles.nth(i).click();
  await expect.poll(() => page.locator('osallistu-decisions .more .body').count(), { timeout: 20_000 }).toBe(n);
  await expect.poll(() => page.locator('osallistu-decisions .more a[href^="https://xss.example/liite/"]').count()).toBeGreaterThan(0);
  await scan();
}

async function expandVideo(page: Page, scan: () => Promise<void>, video: { id: string; provider: string }) {
  const widget = page.locator(`osallistu-video[video="${video.id}"]`);
  const transcript = widget.locator('details.transcript');
  if (await transcript.count()) {
    await transcript.locator('summary').click();
    await expect.poll(() => transcript.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  }
  if (video.provider === 'youtube') {
    await widget.locator('button.play').click();
    await widget.getByRole('button', { name: 'Toista video', exact: true }).click();
    await expect.poll(() => widget.locator('iframe').getAttribute('src')).toMatch(/^https:\/\/www\.youtube-nocookie\.com\//);
  }
  await scan();
}

describe('stored XSS: the corpus in every field, rendered everywhere, never runs', () => {
  it('the corpus is large and varied, and each payload fits the smallest text field', () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(60);
    expect(new Set(xssPayloads.map((p) => p.kind)).size).toBeGreaterThanOrEqual(10);
    expect(xssPayloads.filter((p) => p.text.length > 200).map((p) => p.id)).toEqual([]);
    expect(new Set(xssPayloads.map((p) => p.id)).size).toBe(xssPayloads.length);
    // Every field got payloads; every refusal was a 4xx (checked as they came).
    expect(Object.entries(seeded.stored).filter(([, n]) => n === 0)).toEqual([]);
  });

  it('the detectors see payloads that do run: a control page that puts the corpus in with innerHTML', async () => {
    const corpus = JSON.stringify(xssPayloads.map((p) => p.text)).replaceAll('<', '\\u003c');
    host.pages.set('/kontrolli', `<!doctype html><html lang="fi"><title>Kontrolli</title><body><div id="c"></div><script>
      for (const text of ${corpus}) { const div = document.createElement('div'); div.innerHTML = text; document.getElementById('c').append(div); }
    </script></body></html>`);
    const control = 'control page (innerHTML, expected to run)';
    await visit(control, `${host.origin}/kontrolli`, async () => {
      await expect.poll(() => findings.filter((f) => f.place === control && f.kind === 'binding').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
      await expect.poll(() => findings.filter((f) => f.place === control && f.kind === 'dialog').length).toBeGreaterThanOrEqual(1);
    });
    const caught = findings.filter((f) => f.place === control);
    expect(caught.filter((f) => f.kind === 'live').length).toBeGreaterThanOrEqual(20);
    controlFigures = Object.entries(Object.groupBy(caught, (f) => f.kind)).map(([kind, list]) => `${kind} ${list!.length}`).join(', ');
    // Only the real places count from here on.
    findings.splice(0, findings.length, ...findings.filter((f) => f.place !== control));
    rendered.delete(control);
  });

  it('the widgets on a host page of another origin, with their interactive parts opened', async () => {
    host.pages.set('/kyselyt', hostPage(seeded.polls.map((id) => `<osallistu-poll poll="${id}"></osallistu-poll>`).join('\n')));
    await visit('host page: polls, each answered to show its results', `${host.origin}/kyselyt`, async (page, scan) => {
      await widgetsShowPayloads(page, 'osallistu-poll', seeded.polls.length);
      await scan();
      // A resident's vote in each: then the results, with the option labels again, are shown.
      for (const id of seeded.polls) {
        const poll = page.locator(`osallistu-poll[poll="${id}"]`);
        await poll.locator('input').first().check();
        await poll.locator('button[type="submit"]').click();
        await expect.poll(() => poll.locator('.results').count(), { timeout: 15_000 }).toBe(1);
      }
      await expect.poll(() => page.locator('osallistu-poll .results').count()).toBe(seeded.polls.length);
    });

    host.pages.set(
      '/palaute',
      hostPage(`${seeded.forms.map((id) => `<osallistu-feedback form="${id}"></osallistu-feedback>`).join('\n')}
        ${seeded.refs.map((ref) => `<osallistu-feedback-status ref="${ref}"></osallistu-feedback-status>`).join('\n')}`),
    );
    await visit('host page: feedback forms and the status of answered feedback', `${host.origin}/palaute`, async (page) => {
      await widgetsShowPayloads(page, 'osallistu-feedback', seeded.forms.length);
      await widgetsShowPayloads(page, 'osallistu-feedback-status', seeded.refs.length);
    });

    host.pages.set('/paatokset', hostPage(`<osallistu-decisions search filters limit="50" feedback-form="${seeded.forms[0]}"></osallistu-decisions>`));
    await visit('host page: decisions, each opened, feedback on one', `${host.origin}/paatokset`, async (page, scan) => {
      await expandDecisions(page, scan, seeded.decisions.length);
      await page.locator('osallistu-decisions .more button.secondary').first().click();
      await widgetsShowPayloads(page, 'osallistu-decisions osallistu-feedback', 1);
    });

    host.pages.set('/videot', hostPage(seeded.videos.map((v) => `<osallistu-video video="${v.id}" feedback-form="${seeded.forms[0]}"></osallistu-video>`).join('\n')));
    await visit('host page: videos, transcripts opened, the YouTube player agreed to', `${host.origin}/videot`, async (page, scan) => {
      await widgetsShowPayloads(page, 'osallistu-video', seeded.videos.length);
      for (const video of seeded.videos) await expandVideo(page, scan, video);
    });

    host.pages.set('/videoblogi', hostPage(`<osallistu-video-blog channel="${seeded.channel}" feedback-form="${seeded.forms[0]}"></osallistu-video-blog>`));
    await visit('host page: video blog, an episode opened', `${host.origin}/videoblogi`, async (page, scan) => {
      await widgetsShowPayloads(page, 'osallistu-video-blog', 1);
      await page.locator('osallistu-video-blog button.secondary[aria-expanded="false"]').first().click();
      await widgetsShowPayloads(page, 'osallistu-video-blog osallistu-video', 1);
      await scan();
    });

    expect(findingsAt('host page')).toEqual([]);
    for (const [name, n] of shownAt('host page')) expect(n, name).toBeGreaterThan(0);
  }, 150_000);

  it('every frame page', async () => {
    const frame = (widget: string, id: string) => `${server.url}/embed/v1/frame/${widget}/${id}?site=${SITE}`;
    for (const id of seeded.polls) await visit(`frame: poll ${id}`, frame('poll', id), (page) => widgetsShowPayloads(page, 'osallistu-poll', 1));
    for (const id of seeded.forms) await visit(`frame: feedback ${id}`, frame('feedback', id), (page) => widgetsShowPayloads(page, 'osallistu-feedback', 1));
    await visit('frame: decisions/all', frame('decisions', 'all'), (page, scan) => expandDecisions(page, scan, seeded.decisions.length));
    await visit(`frame: decisions/${seeded.organs[0]}`, frame('decisions', seeded.organs[0]!), (page, scan) => expandDecisions(page, scan, 1));
    for (const video of seeded.videos) {
      await visit(`frame: video ${video.id}`, frame('video', video.id), async (page, scan) => {
        await widgetsShowPayloads(page, 'osallistu-video', 1);
        await expandVideo(page, scan, video);
      });
    }
    await visit(`frame: video-blog ${seeded.channel}`, frame('video-blog', seeded.channel), (page) => widgetsShowPayloads(page, 'osallistu-video-blog', 1));
    expect(findingsAt('frame')).toEqual([]);
    for (const [name, n] of shownAt('frame')) expect(n, name).toBeGreaterThan(0);
  }, 150_000);

  it('the Atom feed and Open311 XML opened in the browser', async () => {
    const api = `${server.url}/api/v1/sites/${SITE}`;
    const xml = (name: string, url: string, type: RegExp) =>
      visit(
        name,
        url,
        async (page) => {
          // Well-formed: Chromium shows a parser error instead of an XML document that is not.
          expect(await page.evaluate(() => document.getElementsByTagName('parsererror').length)).toBe(0);
        },
        async (page) => {
          const response = await page.goto(url);
          expect(response?.status()).toBe(200);
          expect(response?.headers()['content-type']).toMatch(type);
        },
      );
    await xml('xml: decisions.atom', `${api}/decisions.atom`, /^application\/atom\+xml/);
    await xml('xml: decisions.atom (sv)', `${api}/decisions.atom?lang=sv`, /^application\/atom\+xml/);
    await xml('xml: open311 services.xml', `${server.url}/open311/v2/${SITE}/services.xml`, /xml/);
    for (const id of seeded.forms) await xml(`xml: open311 services/${id}.xml`, `${server.url}/open311/v2/${SITE}/services/${id}.xml`, /xml/);
    await xml('xml: open311 requests.xml', `${server.url}/open311/v2/${SITE}/requests.xml?service_request_id=${seeded.refs.join(',')}`, /xml/);
    expect(findingsAt('xml')).toEqual([]);
    for (const [name, n] of shownAt('xml')) expect(n, name).toBeGreaterThan(0);
  }, 90_000);

  it('every console view that shows the content, each item opened', async () => {
    const adminUrl = `${server.url}/admin?site=${SITE}`;
    const go = async (page: Page, hash: string, tag: string) => {
      await page.evaluate((h) => (location.hash = h), hash);
      await expect.poll(() => page.locator(`osallistu-admin ${tag}`).count(), { timeout: 15_000 }).toBe(1);
    };
    const console_ = (name: string, act: (page: Page, scan: () => Promise<void>) => Promise<void>) =>
      visit(`console: ${name}`, adminUrl, act, async (page) => {
        await signInToConsole(page, server.url, token);
        await expect.poll(() => page.locator('osallistu-admin osallistu-admin-polls').count(), { timeout: 15_000 }).toBe(1);
      });

    await console_('polls: list, each poll\'s results and editor with preview', async (page, scan) => {
      const view = page.locator('osallistu-admin-polls');
      await expect.poll(() => view.locator('[data-results]').count(), { timeout: 15_000 }).toBe(seeded.polls.length);
      await scan();
      for (const id of seeded.polls) {
        await view.locator(`[data-results="${id}"]`).click();
        await expect.poll(() => view.locator('section.results').textContent(), { timeout: 15_000 }).toMatch(/xss\d{2}/);
        await scan();
        // Edit is in the row's "More" menu (results that finish loading never take focus from it).
        const more = view.locator(`button[data-menu="${id}"]`);
        await more.click();
        await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
        await view.locator(`#menu-${id} [data-action="edit"]`).click();
        await widgetsShowPayloads(page, 'osallistu-admin-poll-editor osallistu-poll', 1, true);
        await scan();
        await page.locator('osallistu-admin-poll-editor').getByRole('button', { name: 'Peruuta', exact: true }).first().click();
        await expect.poll(() => page.locator('osallistu-admin-poll-editor').count()).toBe(0);
      }
    });
    await console_('feedback forms: each form\'s editor with preview', async (page, scan) => {
      await go(page, '#forms', 'osallistu-admin-forms');
      const view = page.locator('osallistu-admin-forms');
      for (const id of seeded.forms) {
        await view.locator(`[data-edit="${id}"]`).click();
        await widgetsShowPayloads(page, 'osallistu-admin-form-editor', 1);
        await scan();
        await page.locator('osallistu-admin-form-editor').getByRole('button', { name: 'Peruuta', exact: true }).first().click();
        await expect.poll(() => page.locator('osallistu-admin-form-editor').count()).toBe(0);
      }
    });
    await console_('feedback queue: each submission opened', async (page, scan) => {
      await go(page, '#feedback', 'osallistu-admin-feedback');
      const view = page.locator('osallistu-admin-feedback');
      // The queue opens on new feedback; these have been answered.
      await view.getByLabel('Tila', { exact: true }).selectOption('answered');
      await view.getByRole('button', { name: 'Näytä', exact: true }).click();
      await expect.poll(() => view.locator('[data-ref]').count(), { timeout: 15_000 }).toBe(seeded.refs.length);
      await scan();
      for (const ref of seeded.refs) {
        await view.locator(`[data-ref="${ref}"]`).click();
        await expect.poll(() => view.locator('#open-heading').textContent()).toContain(ref);
        await expect.poll(() => view.getByRole('listitem').filter({ hasText: /xss\d{2}/ }).count()).toBe(2);
        await scan();
      }
    });
    await console_('decisions: list, each decision\'s editor', async (page, scan) => {
      await go(page, '#decisions', 'osallistu-admin-decisions');
      const view = page.locator('osallistu-admin-decisions');
      await expect.poll(() => view.locator('[data-edit]').count(), { timeout: 15_000 }).toBe(seeded.decisions.length);
      await scan();
      for (const id of seeded.decisions) {
        await view.locator(`[data-edit="${id}"]`).click();
        await expect.poll(() => view.locator(`[data-edit="${id}"]`).getAttribute('aria-expanded')).toBe('true');
        await expect.poll(() => view.locator('textarea').evaluateAll((areas) => areas.some((a) => /xss\d{2}/.test((a as HTMLTextAreaElement).value)))).toBe(true);
        await scan();
      }
    });
    await console_('videos: list, each video\'s editor with preview', async (page, scan) => {
      await go(page, '#videos', 'osallistu-admin-videos');
      const view = page.locator('osallistu-admin-videos');
      await expect.poll(() => view.locator('button[data-video]').count(), { timeout: 15_000 }).toBe(seeded.videos.length);
      await scan();
      for (const { id } of seeded.videos) {
        await view.locator(`button[data-video="${id}"]`).click();
        await expect.poll(() => view.locator(`osallistu-video[video="${id}"]`).count(), { timeout: 15_000 }).toBe(1);
        await widgetsShowPayloads(page, `osallistu-admin-videos osallistu-video[video="${id}"]`, 1);
        await scan();
      }
    });
    await console_('tokens and audit log', async (page, scan) => {
      await go(page, '#tokens', 'osallistu-admin-tokens');
      await widgetsShowPayloads(page, 'osallistu-admin-tokens', 1);
      await scan();
      await go(page, '#audit', 'osallistu-admin-audit');
      await widgetsShowPayloads(page, 'osallistu-admin-audit', 1);
    });
    expect(findingsAt('console')).toEqual([]);
    for (const [name, n] of shownAt('console')) expect(n, name).toBeGreaterThan(0);
  }, 180_000);

  it('nothing ran anywhere, during seeding either', () => {
    expect(findings).toEqual([]);
    expect(rendered.size).toBeGreaterThanOrEqual(25);
  });
});
