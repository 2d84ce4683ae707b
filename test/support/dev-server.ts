/**
 * One `wrangler dev` for the whole test run, on a fresh local D1 database (migrated, demo site
 * seeded), shared by the browser and end-to-end suites. It is the same server `npm start` runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemo, seedDemoContent } from '../../scripts/lib/seed.ts';
import { upsertSiteWithToken } from '../../scripts/lib/sites.ts';
import { SETTINGS_SITE, SWEDISH_SITE } from './test-sites.ts';
import { applyMigrations, startDevServer } from '../../scripts/lib/wrangler.ts';
import type { DevServer } from '../../scripts/lib/wrangler.ts';


export interface RunningDevServer {
  url: string;
  token: string;
  persistTo: string;
  /** An owner token of SETTINGS_SITE (test-sites.ts), whose settings one test changes. */
  settingsToken: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    devServer: RunningDevServer;
  }
}

interface Shared {
  users: number;
  ready: Promise<{ info: RunningDevServer; server: DevServer }>;
}
const KEY = Symbol.for('osallistu.test.devServer');
const registry = globalThis as unknown as { [KEY]?: Shared };

async function start(port: number) {
  const persistTo = mkdtempSync(join(tmpdir(), 'osallistu-d1-'));
  applyMigrations({ persistTo });
  const { token } = await seedDemo({ persistTo });
  // A second site whose default language is Swedish, for language-fallback tests.
  await upsertSiteWithToken(SWEDISH_SITE, { role: 'owner', label: 'test' }, { persistTo });
  const { token: settingsToken } = await upsertSiteWithToken(SETTINGS_SITE, { role: 'owner', label: 'test' }, { persistTo });
  const server = await startDevServer({ port, persistTo, quiet: true });
  await seedDemoContent(server.url, token);
  return { info: { url: server.url, token, persistTo, settingsToken }, server };
}

/** A vitest `globalSetup`: starts the server once, however many projects ask for it. */
export default async function setup(project: TestProject) {
  const port = Number(process.env.OSALLISTU_TEST_PORT);
  const shared = (registry[KEY] ??= { users: 0, ready: start(port) });
  shared.users++;
  const { info } = await shared.ready;
  project.provide('devServer', info);
  return async () => {
    if (--shared.users > 0) return;
    delete registry[KEY];
    const { server } = await shared.ready;
    await server.stop();
    rmSync(info.persistTo, { recursive: true, force: true });
  };
}
