/**
 * `npm start`: build the widgets, migrate and seed the local D1 database, then serve the demo
 * page, the widgets and the API from `wrangler dev` on one origin (PORT, default 8787).
 */
import { build } from 'vite';
import { seedDemo, seedDemoContent } from './lib/seed.ts';
import { applyMigrations, startDevServer } from './lib/wrangler.ts';

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(2);
}

const step = (text: string) => console.log(`\u2192 ${text}`);

step('Building the widgets (vite build)');
await build({ logLevel: 'warn' });
step('Applying migrations to the local D1 database');
applyMigrations();
// The demo's own origins are added to the site's; ones an owner added (console, site:create) stay.
step('Seeding the demo site');
const demo = await seedDemo();
step(`Starting wrangler dev on port ${port}`);
const server = await startDevServer({ port });
step('Seeding the demo content');
await seedDemoContent(server.url, demo.token);

console.log(`
  Osallistu is running.

  Demo page (fi)   ${server.url}/
  Demo page (sv)   ${server.url}/sv/
  Feedback (fi/sv) ${server.url}/palaute/  ${server.url}/sv/respons/
  Decisions        ${server.url}/paatokset/  ${server.url}/sv/beslut/
  Loader           ${server.url}/embed/v1/osallistu.js
  API              ${server.url}/api/v1/health
  API docs         ${server.url}/api/openapi.json

  Demo site "${demo.site}", owner token (this run only):
    ${demo.token}

  Origins the API answers besides its own (add more in the console's Settings view):
    ${demo.origins.join('\n    ')}

  Press Ctrl+C to stop.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
server.process.on('exit', (code) => process.exit(code ?? 0));
