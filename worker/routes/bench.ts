import { Hono } from 'hono';
import { ensureBenchTable, insertBenchRow, resultsRowsRead } from '../db/bench.ts';
import { NotFoundError } from '../errors.ts';
import type { AppEnv } from '../types.ts';

/**
 * Routes for `npm run bench`, outside /api and the OpenAPI document. They exist only when the
 * Worker runs with BENCH_ROUTES=on, which only the bench sets.
 */
const app = new Hono<AppEnv>();
let tableReady = false;

app.use('*', async (c, next) => {
  if (c.env.BENCH_ROUTES !== 'on') throw new NotFoundError();
  await next();
});

app.post('/insert', async (c) => {
  if (!tableReady) {
    await ensureBenchTable(c.env.DB);
    tableReady = true;
  }
  await insertBenchRow(c.env.DB, c.req.header('X-Bench-Value') ?? '');
  return c.json({ ok: true }, 201);
});

app.get('/results-rows/:site/:poll', async (c) => c.json({ rowsRead: await resultsRowsRead(c.env.DB, c.req.param('site'), c.req.param('poll')) }));

export default app;
