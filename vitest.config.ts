import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineBrowserCommand, playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { ViteUserConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './test/support/chromium.ts';
import { freePort } from './test/support/free-port.ts';
import { flakyEndpoints } from './test/support/flaky-endpoints.ts';
import { fakeTurnstile } from './test/support/fake-turnstile.ts';

/**
 * Three suites, each in its real runtime:
 * - workers: the API inside workerd against a migrated local D1 (plus the fuzz suite);
 * - browser: the widgets in Chromium, talking to a real `wrangler dev` through Vite's proxy;
 * - e2e: the demo page served by `wrangler dev`, driven by playwright-core.
 * The attack suite (test/attack/) joins them: `api/` runs in workerd with the workers suite,
 * `pages/` (stored XSS in Chromium), `exports/` (files opened in LibreOffice) and `http/` (huge
 * bodies through wrangler dev) with the e2e one.
 */
const API_REQUESTS = /\/api\/v1\/sites\/koivulahti\//;
/** Every request the browser made since `recordRequests()`, per page. */
const requestLogs = new WeakMap<object, string[]>();
const OWN_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])$/;

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const migrations = await readD1Migrations('./migrations');
  process.env.OSALLISTU_TEST_PORT ??= String(await freePort());
  const devServerUrl = `http://127.0.0.1:${process.env.OSALLISTU_TEST_PORT}`;

  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations }, outboundService: fakeTurnstile },
            }),
          ],
          test: {
            name: 'workers',
            sequence: { groupOrder: 0 },
            include: ['worker/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/attack/api/**/*.test.ts'],
            setupFiles: ['./test/workers/apply-migrations.ts'],
            testTimeout: 60_000,
          },
        },
        {
          plugins: [flakyEndpoints()],
          server: {
            proxy: {
              '/api': {
                target: devServerUrl,
                changeOrigin: true,
                // The page and /api are one origin to the browser, so the API must see its own origin too
                // (it refuses origins a site has not registered).
                configure: (proxy) =>
                  proxy.on('proxyReq', (proxyReq, req) => {
                    if (req.headers.origin === `http://${req.headers.host}`) proxyReq.setHeader('Origin', devServerUrl);
                  }),
              },
            },
          },
          test: {
            name: 'browser',
            sequence: { groupOrder: 0 },
            // Waiting for a state, never timing it: on two shared cores a render can take seconds.
            expect: { poll: { timeout: 10_000 } },
            include: ['widgets/**/*.test.ts'],
            globalSetup: ['./test/support/dev-server.ts'],
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } }),
              instances: [{ browser: 'chromium' }],
              commands: {
                // The API drops off the network (every request to it fails as a network error)
                // while the test runner's own connection stays up.
                setApiReachable: defineBrowserCommand<[boolean]>(async (ctx, reachable) => {
                  if (reachable) await ctx.page.unroute(API_REQUESTS);
                  else await ctx.page.route(API_REQUESTS, (route) => route.abort('internetdisconnected'));
                }),
                // Records every request the page makes from now on, from any frame. A request to
                // any other host is answered by a stand-in page here: a provider's player is the
                // one thing outside that the video tests need, and this machine has no internet.
                recordRequests: defineBrowserCommand<[]>(async ({ page }) => {
                  if (!requestLogs.has(page)) {
                    requestLogs.set(page, []);
                    page.on('request', (request) => requestLogs.get(page)!.push(request.url()));
                    await page.route(
                      (url) => /^https?:$/.test(url.protocol) && !OWN_HOSTS.test(url.hostname),
                      (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Player</title><p>A provider\'s player</p></html>' }),
                    );
                  }
                  requestLogs.get(page)!.length = 0;
                }),
                recordedRequests: defineBrowserCommand<[]>(async ({ page }) => [...(requestLogs.get(page) ?? [])]),
              },
            },
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts', 'test/attack/pages/**/*.test.ts', 'test/attack/exports/**/*.test.ts', 'test/attack/http/**/*.test.ts'],
            expect: { poll: { timeout: 10_000 } },
            environment: 'node',
            // After the other suites, one file at a time: these tests also write to the server's
            // database from outside (npm run site:create), which must not race the browser suite.
            sequence: { groupOrder: 1 },
            fileParallelism: false,
            globalSetup: ['./test/support/dev-server.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          test: {
            // A real WordPress (Debian's package on its own MariaDB and Apache) with the plugin
            // from integrations/wordpress, against the same wrangler dev; driven by playwright-core.
            name: 'wordpress',
            include: ['test/wordpress/**/*.test.ts'],
            expect: { poll: { timeout: 15_000 } },
            environment: 'node',
            // Last and one file at a time: WordPress, MariaDB and Chromium share two cores.
            sequence: { groupOrder: 2 },
            fileParallelism: false,
            globalSetup: ['./test/wordpress/setup.ts'],
            testTimeout: 120_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  };
});
