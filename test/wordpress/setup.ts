/**
 * The WordPress suite's `globalSetup`: the shared Osallistu `wrangler dev` (test/support/dev-server.ts),
 * a site on it whose registered origin is the test WordPress, and that WordPress with the plugin
 * set up to use it. Provides both to the tests as `wordpress`.
 */
import type { TestProject } from 'vitest/node';
import devServerSetup from '../support/dev-server.ts';
import type { RunningDevServer } from '../support/dev-server.ts';
import { php, phpValue, startWordPress } from './support/wordpress.ts';
import { createTestSite } from './support/osallistu.ts';
import type { WordPressContext } from './support/osallistu.ts';
import { checkWordPressStack } from './support/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    wordpress: WordPressContext;
  }
}

/** The dev server's own set-up keeps its details in a registry shared by every project. */
async function devServerInfo(): Promise<RunningDevServer> {
  const registry = globalThis as unknown as Record<symbol, { ready: Promise<{ info: RunningDevServer }> } | undefined>;
  const shared = registry[Symbol.for('osallistu.test.devServer')];
  if (!shared) throw new Error('The dev server set-up did not run');
  return (await shared.ready).info;
}

export default async function setup(project: TestProject) {
  checkWordPressStack();
  const stopDevServer = await devServerSetup(project);
  const server = await devServerInfo();
  const wordpress = await startWordPress({ service: server.url, site: 'pending' }).catch(async (error) => {
    await stopDevServer();
    throw error;
  });
  try {
    const site = await createTestSite(server, wordpress.url);
    const context: WordPressContext = { url: wordpress.url, dir: wordpress.dir, configName: wordpress.configName, service: server.url, site: site.site, token: site.token };
    project.provide('wordpress', context);
    php(context, `update_option( 'osallistu_settings', ${phpValue({ service: server.url, site: site.site })} );`);
  } catch (error) {
    await wordpress.stop();
    await stopDevServer();
    throw error;
  }
  return async () => {
    // The plugin must not make PHP complain on any request the suite made.
    const errors = wordpress.pluginErrors();
    await wordpress.stop();
    await stopDevServer();
    if (errors.length > 0) throw new Error(`PHP reported problems in the plugin:\n${errors.join('\n')}`);
  };
}
