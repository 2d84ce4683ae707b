import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
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
 */
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
            include: ['worker/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
            setupFiles: ['./test/workers/apply-migrations.ts'],
            testTimeout: 60_000,
          },
        },
        {
          plugins: [flakyEndpoints()],
          server: { proxy: { '/api': devServerUrl } },
          test: {
            name: 'browser',
            include: ['widgets/**/*.test.ts'],
            globalSetup: ['./test/support/dev-server.ts'],
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['./test/support/dev-server.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
