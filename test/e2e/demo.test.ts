import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { accessibilityViolations, chromiumForFile, watchProblems } from '../support/browser.ts';
import { serveHostPage } from '../support/host-page.ts';

const server = inject('devServer');
const chrome = chromiumForFile();

describe('the demo page served by wrangler dev', () => {
  it('shows the Finnish article with the snippet, axe-clean, under a strict CSP with no errors', async () => {
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    await expect.poll(() => page.locator('h1').textContent()).toContain('talvikunnossapidosta');
    expect(await page.locator('article script[src="/embed/v1/osallistu.js"][data-site="koivulahti"]').count()).toBe(1);
    expect(await page.locator('article osallistu-poll[poll="pyorateiden-talvikunnossapito"]').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await accessibilityViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/demo-fi.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has a Swedish page beside it', async () => {
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/sv/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.locator('h1').textContent()).toContain('vinterunderhållet');
    await page.waitForLoadState('networkidle');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is usable at 320 px wide without horizontal scrolling', async () => {
    const page = await chrome.browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe('the loader', () => {
  it('is served as a module any site may load, with a short cache', async () => {
    const response = await fetch(`${server.url}/embed/v1/osallistu.js`, { headers: { Origin: 'https://www.espoo.fi' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toContain('max-age=300');
  });

  it('runs on a page of another origin, loaded twice, without errors or eval', async () => {
    // A host page on another origin that pastes the snippet twice, as a careless CMS might,
    // under a policy that allows scripts from the Osallistu host and nothing inline.
    const host = await serveHostPage(`<!doctype html><html lang="fi"><head><title>Kunta</title></head><body><main>
      <script type="module" src="${server.url}/embed/v1/osallistu.js" data-site="koivulahti"></script>
      <script type="module" src="${server.url}/embed/v1/osallistu.js?again" data-site="koivulahti"></script>
      <p>Sisältö</p></main></body></html>`, `script-src ${server.url}; object-src 'none'`);
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const loaded = page.waitForResponse((r) => r.url() === `${server.url}/embed/v1/osallistu.js?again`);
    await page.goto(host.url);
    expect((await loaded).status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await page.close();
    await host.close();
  });
});

describe('the API on the same origin', () => {
  it('answers health and the OpenAPI document', async () => {
    expect(await (await fetch(`${server.url}/api/v1/health`)).json()).toMatchObject({ ok: true });
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
  });

  it('knows the seeded demo site and its printed owner token', async () => {
    const me = await fetch(`${server.url}/api/v1/sites/koivulahti/me`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect(await me.json()).toMatchObject({ role: 'owner', site: 'koivulahti' });
  });
});

describe('npm run site:create', () => {
  it('creates a site in the local database and prints a working owner token once, as JSON for scripts', async () => {
    const out = execFileSync(
      process.execPath,
      ['scripts/site-create.ts', '--id', 'e2e-kunta', '--name', 'E2E-kunta', '--origin', 'https://www.e2e-kunta.fi', '--json', '--persist-to', server.persistTo],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const { site, token } = JSON.parse(out.trim().split('\n').pop()!) as { site: string; token: string };
    expect(site).toBe('e2e-kunta');
    const me = await fetch(`${server.url}/api/v1/sites/e2e-kunta/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ role: 'owner', site: 'e2e-kunta' });
    const other = await fetch(`${server.url}/api/v1/sites/koivulahti/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(other.status).toBe(403);
  });

  it('explains a bad origin instead of storing it', () => {
    let message = '';
    try {
      execFileSync(process.execPath, ['scripts/site-create.ts', '--id', 'bad-kunta', '--name', 'Bad', '--origin', 'www.bad.fi', '--persist-to', server.persistTo], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      message = String((error as { stderr?: string }).stderr);
    }
    expect(message).toContain('origin');
  });
});

describe('npm run site:create, run again for the same site', () => {
  it('keeps the origins and the other languages\' names it was not told to change', async () => {
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['scripts/site-create.ts', '--json', '--persist-to', server.persistTo, ...args], { cwd: ROOT, encoding: 'utf8' });
    run('--id', 'kaksikielinen', '--name', 'Kaksikielinen kunta', '--languages', 'fi,sv', '--origin', 'https://www.kaksikielinen.fi');
    const { token } = JSON.parse(run('--id', 'kaksikielinen', '--lang', 'sv', '--name', 'Tvåspråkiga kommun').trim().split('\n').pop()!) as { token: string };
    const settings = await (await fetch(`${server.url}/api/v1/sites/kaksikielinen/settings`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(settings).toMatchObject({
      name: { fi: 'Kaksikielinen kunta', sv: 'Tvåspråkiga kommun' },
      defaultLang: 'sv',
      languages: ['fi', 'sv'],
      origins: ['https://www.kaksikielinen.fi'],
    });
  });
});
