import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { ensureBenchTable, insertBenchRow, pollInD1, resultsRowsRead } from '../db/bench.ts';
import { findPoll } from '../db/polls.ts';
import { counterPoll, pollCounter } from '../poll-counter/index.ts';
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

/** The floor of the ballot figures: a route that does nothing, through the same Worker. */
app.post('/nothing', (c) => c.json({ ok: true }, 201));

app.get('/queries', (c) => c.json({ queries }));

/**
 * For the soak: hands the poll counter's ballots to D1, then says what each holds, so the
 * bench can check acknowledged ballots == the object's == D1's == the tallies' sum.
 */
app.get('/poll-state/:site/:poll', async (c) => {
  const poll = await findPoll(c.env.DB, c.req.param('site'), c.req.param('poll'));
  if (!poll) throw new NotFoundError();
  const counter = pollCounter(c.env, poll);
  const delivered = await counter.flush(counterPoll(poll));
  const object = await counter.inspect(counterPoll(poll));
  return c.json({ delivered, object, d1: await pollInD1(c.env.DB, poll.site, poll.id) });
});

app.get('/results-rows/:site/:poll', async (c) => c.json({ rowsRead: await resultsRowsRead(c.env.DB, c.req.param('site'), c.req.param('poll')) }));

export default app;
