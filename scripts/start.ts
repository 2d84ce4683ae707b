/**
 * `npm start`: build the widgets, migrate and seed the local D1 database, then serve the demo
 * page, the widgets and the API from `wrangler dev` on one origin (PORT, default 8787).
 *
 * Each step runs only when what it depends on changed since the last start (scripts/lib/
 * start-state.ts): a second start is `wrangler dev` and little else. OSALLISTU_STATE puts the
 * local database somewhere other than `.wrangler/state` (the bench starts on a fresh one).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { demoSite } from '../demo/seed/site.ts';
import { seedDemo, seedDemoContent, seedDemoFeedback } from './lib/seed.ts';
import { currentFingerprints, hasLocalDatabase, readStartState, writeStartState } from './lib/start-state.ts';
import { ROOT, applyMigrations, startDevServer } from './lib/wrangler.ts';

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(2);
}
const persistTo = process.env.OSALLISTU_STATE || undefined;
const where = { persistTo };

const step = (text: string) => console.log(`\u2192 ${text}`);
const began = performance.now();
const last = readStartState(persistTo);
const now = currentFingerprints();
const database = hasLocalDatabase(persistTo);

if (last.widgets !== now.widgets || !existsSync(join(ROOT, 'dist', 'embed', 'v1', 'osallistu.js'))) {
  step('Building the widgets (vite build)');
  await build({ logLevel: 'warn' });
} else step('The widgets are built (nothing they are built from changed)');

const migrate = !database || last.migrations !== now.migrations;
if (migrate) {
  step('Applying migrations to the local D1 database');
  applyMigrations(where);
} else step('The local D1 database is migrated (no migration changed)');

// The demo's own origins are added to the site's; ones an owner added (console, site:create) stay.
let demo = migrate || last.seed !== now.seed || !last.token ? null : { token: last.token, origins: last.origins ?? [] };
if (!demo) {
  step('Seeding the demo site');
  demo = await seedDemo(where);
}
step(`Starting wrangler dev on port ${port}`);
const server = await startDevServer({ port, persistTo });
// A kept token the database no longer takes (an owner revoked it in the console): a new one.
if (last.token === demo.token && (await fetch(`${server.url}/api/v1/sites/${demoSite.id}/me`, { headers: { Authorization: `Bearer ${demo.token}` } })).status !== 200) {
  step('Seeding the demo site (the kept token was revoked)');
  demo = await seedDemo(where);
}
if (last.token !== demo.token || last.seed !== now.seed) {
  step('Seeding the demo content');
  await seedDemoContent(server.url, demo.token);
  step('Seeding residents\' feedback for the listening report');
  await seedDemoFeedback(server.url, demo.token, where);
}
writeStartState({ ...now, token: demo.token, origins: demo.origins }, persistTo);

console.log(`
  Osallistu is running (started in ${((performance.now() - began) / 1000).toFixed(1)} s).

  Demo page (fi)   ${server.url}/
  Demo page (sv)   ${server.url}/sv/
  Feedback (fi/sv) ${server.url}/palaute/  ${server.url}/sv/respons/
  Decisions        ${server.url}/paatokset/  ${server.url}/sv/beslut/
  Budget, ranking  ${server.url}/osallistuva-budjetointi/  ${server.url}/sv/medborgarbudget/
  Conversation     ${server.url}/keskustelu/  ${server.url}/sv/samtal/
  Loader           ${server.url}/embed/v1/osallistu.js
  API              ${server.url}/api/v1/health
  API docs         ${server.url}/api/openapi.json

  Demo site "${demoSite.id}", owner token (kept for later starts in ${persistTo ?? '.wrangler/state'}; a changed seed or a revoked token gets a new one):
    ${demo.token}

  Origins the API answers besides its own (add more in the console's Settings view):
    ${demo.origins.join('\n    ')}

  Press Ctrl+C to stop.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
server.process.on('exit', (code) => process.exit(code ?? 0));
