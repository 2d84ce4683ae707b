import { freePort } from '../test/support/free-port.ts';
import { startDevServer } from './lib/wrangler.ts';
const server = await startDevServer({ port: await freePort(), persistTo: process.env.PERSIST, quiet: true, vars: { BENCH_ROUTES: 'on' } });
try {
  for (const mb of [42, 120]) for (let i = 0; i < 3; i++) { const t = performance.now(); const r = await fetch(`${server.url}/__bench/stream/${mb}`); let n = 0; for await (const c of r.body!) n += c.length; console.log(mb, n, (performance.now() - t).toFixed(0)); }
} finally { await server.stop(); }
