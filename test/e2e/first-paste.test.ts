/**
 * The first paste: a web editor pastes the README's snippet on a page whose origin the site has
 * not registered. The poll says (in the page's language) which origin to register and where,
 * keeps the fallback link, never blames the network and does not retry; an owner registers the
 * origin in the console's Settings view and a reload works, with no restart. `site:create
 * --origin` adds an origin beside the ones an owner registered.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { upsertSiteWithToken } from '../../scripts/lib/sites.ts';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { fi as adminFi } from '../../widgets/admin/locales/fi.ts';
import { sv as adminSv } from '../../widgets/admin/locales/sv.ts';
import { fi } from '../../widgets/locales/fi.ts';
import { sv } from '../../widgets/locales/sv.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';
import { serveHostPage } from '../support/host-page.ts';

const server = inject('devServer');
const chrome = chromiumForFile();
const SITE = 'ensipaste-e2e';
const POLL = 'ensipaste-kysely';
const QUESTION = { fi: 'Mitä puistoon pitäisi tehdä?', sv: 'Vad borde göras i parken?', en: 'What should be done in the park?' };

let owner = '';
/** The host pages, one origin each; the first test registers the Finnish one. */
const pages = { fi: '', sv: '' };
const hosts: { url: string; close(): Promise<void> }[] = [];

/** The README's snippet, pasted into an HTML block of a page in `lang`, served from its own origin. */
async function hostPage(lang: 'fi' | 'sv'): Promise<string> {
  const link = { fi: 'Vastaa kyselyyn', sv: 'Svara på enkäten' }[lang];
  const host = await serveHostPage(`<!doctype html><html lang="${lang}"><head><title>Kunta</title></head><body><main><h1>${QUESTION[lang]}</h1>
<script type="module" src="${server.url}/embed/v1/osallistu.js" data-site="${SITE}"></script>
<osallistu-poll poll="${POLL}">
  <a href="${server.url}/embed/v1/frame/poll/${POLL}?site=${SITE}">${link}</a>
</osallistu-poll>
</main></body></html>`);
  hosts.push(host);
  return host.url;
}

async function settings(): Promise<{ origins: string[] }> {
  // A fresh connection each time: a kept-alive one may have been closed by the server while site:create ran.
  const response = await fetch(`${server.url}/api/v1/sites/${SITE}/settings`, { headers: { Authorization: `Bearer ${owner}`, Connection: 'close' } });
  expect(response.status).toBe(200);
  return (await response.json()) as { origins: string[] };
}

/** Every call the page makes to the site's API (preflights apart), and the answers it could read. */
function watchApi(page: Page): { calls: Request[]; statuses: number[] } {
  const seen = { calls: [] as Request[], statuses: [] as number[] };
  const ours = (url: string) => url.startsWith(`${server.url}/api/v1/sites/${SITE}/`);
  page.on('request', (request) => {
    if (ours(request.url()) && request.method() !== 'OPTIONS') seen.calls.push(request);
  });
  page.on('response', (response) => {
    if (ours(response.url()) && response.request().method() !== 'OPTIONS') seen.statuses.push(response.status());
  });
  return seen;
}

beforeAll(async () => {
  ({ token: owner } = await upsertSiteWithToken(
    { id: SITE, name: { fi: 'Ensipastekunta', sv: 'Förstaklistringskommun' }, defaultLang: 'fi', languages: ['fi', 'sv', 'en'], origins: [] },
    { role: 'owner', label: 'first paste e2e', replaceLabel: true },
    { persistTo: server.persistTo },
  ));
  const poll = {
    id: POLL,
    kind: 'single',
    question: QUESTION,
    options: [
      { id: 'a', label: { fi: 'Penkkejä', sv: 'Bänkar', en: 'Benches' } },
      { id: 'b', label: { fi: 'Valaistusta', sv: 'Belysning', en: 'Lighting' } },
    ],
    status: 'open',
    resultsVisibility: 'after_vote',
  };
  const created = await fetch(`${server.url}/api/v1/sites/${SITE}/polls`, { method: 'POST', headers: { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' }, body: JSON.stringify(poll) });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
});

/** The poll on an unregistered page: the notice for the web editor, the fallback link, one call and no retry. */
async function expectRefused(page: Page, lang: 'fi' | 'sv', url: string) {
  const api = watchApi(page);
  const problems = watchProblems(page);
  await page.goto(url);
  const poll = page.locator('osallistu-poll');
  const notice = poll.locator('[part="origin-notice"]');
  const origin = new URL(url).origin;
  const words = { fi, sv }[lang];
  await expect.poll(() => notice.textContent()).toBe(words.originRefused(origin, SITE));
  // It names the origin to register, and the console's view by the name the console gives it.
  expect(await notice.textContent()).toContain(origin);
  expect(await notice.textContent()).toContain({ fi: adminFi, sv: adminSv }[lang].nav.settings);
  // The editor's own fallback content stays visible.
  expect(await poll.locator('a').isVisible()).toBe(true);
  // Never "check your connection", and nothing is tried again.
  await page.waitForLoadState('networkidle');
  const shown = await poll.evaluate((el) => el.shadowRoot!.textContent ?? '');
  expect(shown).not.toContain(words.errors.network);
  expect(shown).not.toContain(words.errors.timeout);
  expect(api.statuses).toEqual(api.calls.map(() => 403));
  expect(api.calls.map((c) => new URL(c.url()).pathname)).toEqual([`/api/v1/sites/${SITE}/polls/${POLL}`]);
  expect(await axeViolations(page)).toEqual([]);
  // The browser reports the refused call; nothing else goes wrong on the page.
  expect(problems.filter((p) => !p.includes('403'))).toEqual([]);
  return { api, poll };
}

describe('the first paste on a page whose origin is not registered', () => {
  it('says so in Finnish and in Swedish, keeps the fallback link and does not retry; an owner registers the Finnish page in the console\'s Settings view and a reload works, with no restart', async () => {
    const fiUrl = (pages.fi = await hostPage('fi'));
    const svUrl = (pages.sv = await hostPage('sv'));
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await expectRefused(page, 'fi', fiUrl);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/first-paste-refused-fi.png`, fullPage: true });
    const svPage = await context.newPage();
    await expectRefused(svPage, 'sv', svUrl);

    // The owner opens the console, goes to Settings and adds the page's origin, by keyboard.
    const admin = await context.newPage();
    await admin.goto(`${server.url}/admin?site=${SITE}`);
    const consoleEl = admin.locator('osallistu-admin');
    await consoleEl.getByLabel(adminFi.signIn.token).fill(owner);
    await consoleEl.getByRole('button', { name: adminFi.signIn.submit }).click();
    await consoleEl.getByRole('link', { name: adminFi.nav.settings }).click();
    const origin = new URL(fiUrl).origin;
    const field = consoleEl.getByLabel(adminFi.settings.origins.add);
    await field.fill(origin);
    await field.press('Enter');
    await expect.poll(() => consoleEl.locator('#origins-status').textContent()).toBe(adminFi.settings.origins.added(origin));
    expect(await axeViolations(admin)).toEqual([]);
    expect((await settings()).origins).toEqual([origin]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await admin.screenshot({ path: `${ROOT}/test-results/console-settings.png`, fullPage: true });

    // A reload of the page shows a working poll: no notice, and a vote counted.
    const api = watchApi(page);
    await page.reload();
    const poll = page.locator('osallistu-poll');
    await expect.poll(() => poll.locator('legend').textContent()).toBe(QUESTION.fi);
    expect(await poll.locator('[part="origin-notice"]').count()).toBe(0);
    expect(await poll.locator('a').isVisible()).toBe(false);
    await poll.getByLabel('Valaistusta').check();
    await poll.getByRole('button', { name: fi.poll.submit }).click();
    await expect.poll(() => poll.locator('.notice').textContent()).toBe(fi.poll.thanks);
    expect(api.statuses.every((status) => status < 400)).toBe(true);

    // The Swedish page is another origin: still refused, and still says why.
    await expectRefused(svPage, 'sv', svUrl);

    // The console's audit view shows who registered it.
    await consoleEl.getByRole('link', { name: adminFi.nav.audit }).click();
    await expect.poll(() => consoleEl.locator('osallistu-admin-audit ol.audit').textContent()).toContain(origin);
    await context.close();
  });
});

describe('npm run site:create -- --origin', () => {
  it('adds an origin after the ones an owner registered (once each), and the page there works without a restart; --replace-origins replaces them; a URL with a path is refused', async () => {
    const registered = (await settings()).origins;
    expect(registered).toEqual([new URL(pages.fi).origin]);
    const svOrigin = new URL(pages.sv).origin;
    const run = (...args: string[]) => execFileSync(process.execPath, ['scripts/site-create.ts', '--persist-to', server.persistTo, '--id', SITE, '--name', 'Ensipastekunta', ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });

    const out = run('--origin', svOrigin, '--origin', registered[0]!);
    expect(out).toContain(`Origins: ${registered[0]} ${svOrigin}`);
    expect((await settings()).origins).toEqual([...registered, svOrigin]);

    // The Swedish page works once the server's few-second cache of the site has passed: no restart.
    const page = await chrome.browser.newPage();
    const poll = page.locator('osallistu-poll');
    await expect
      .poll(
        async () => {
          await page.goto(pages.sv);
          await expect.poll(() => poll.locator('legend, [part="origin-notice"]').count()).toBe(1);
          return poll.locator('legend').textContent();
        },
        { timeout: 30_000 },
      )
      .toBe(QUESTION.sv);
    await page.close();

    let refused = '';
    try {
      run('--origin', 'https://www.ensipaste.fi/osallistu');
    } catch (error) {
      refused = String((error as { stderr?: string }).stderr);
    }
    expect(refused).toContain('--origin: Give an origin such as "https://www.espoo.fi"');
    expect((await settings()).origins).toEqual([...registered, svOrigin]);

    run('--origin', 'https://www.ensipaste.fi', '--replace-origins');
    expect((await settings()).origins).toEqual(['https://www.ensipaste.fi']);
  }, 240_000); // the script runs wrangler two or three times each run, on two shared cores
});
