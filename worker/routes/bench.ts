import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { ensureBenchTable, insertBenchRow, resultsRowsRead } from '../db/bench.ts';
import { NotFoundError } from '../errors.ts';
import type { AppEnv } from '../types.ts';

/**
 * Routes for `npm run bench`, outside /api and the OpenAPI document. They exist only when the
 * Worker runs with BENCH_ROUTES=on, which only the bench sets.
 */
const app = new Hono<AppEnv>();
let tableReady = false;

/** D1 queries made by every request since this isolate started (with BENCH_ROUTES=on only). */
let queries = 0;
const QUERYING = new Set(['all', 'first', 'run', 'raw']);
const targets = new WeakMap<object, D1PreparedStatement>();

/** A statement that counts its runs; `bind` hands back a counting one too. */
function countingStatement(statement: D1PreparedStatement): D1PreparedStatement {
  const proxy = new Proxy(statement, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      if (key === 'bind') return (...args: unknown[]) => countingStatement(target.bind(...args));
      if (typeof key === 'string' && QUERYING.has(key)) {
        return (...args: unknown[]) => {
          queries++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  targets.set(proxy, statement);
  return proxy;
}

function countingDatabase(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => countingStatement(target.prepare(sql));
      if (key === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          queries += statements.length; // each statement of a batch counts toward the per-invocation limit
          return target.batch(statements.map((s) => targets.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * With BENCH_ROUTES=on, every request's D1 binding counts its queries, so the bench can say how
 * many one export makes (`GET /__bench/queries` before and after). Otherwise it does nothing.
 */
export const countBenchQueries: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.env.BENCH_ROUTES === 'on') c.env = { ...c.env, DB: countingDatabase(c.env.DB) };
  await next();
};

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

app.get('/queries', (c) => c.json({ queries }));

app.get('/results-rows/:site/:poll', async (c) => c.json({ rowsRead: await resultsRowsRead(c.env.DB, c.req.param('site'), c.req.param('poll')) }));

export default app;
