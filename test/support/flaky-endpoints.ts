import type { Plugin } from 'vite';

/**
 * An unreliable server for the API client's tests, served by the browser suite's own Vite
 * server under the site "__flaky" (the real API never fails on purpose):
 *   …/sites/__flaky/fail/N?run=ID  answers 503 N times per run id, then 200
 *   …/sites/__flaky/status/S       always answers status S with an error envelope
 *   …/sites/__flaky/slow/MS        answers after MS milliseconds
 *   …/sites/__flaky/log?run=ID     what requests that run id made (method, Idempotency-Key)
 *   …/sites/__flaky/{polls,forms,videos,channels}/hang, …/decisions   answer 503 after two seconds (a widget's loading state)
 */
export function flakyEndpoints(): Plugin {
  const hits = new Map<string, { method: string; idempotencyKey: string | null; body: string }[]>();
  return {
    name: 'osallistu-flaky-endpoints',
    configureServer(server) {
      server.middlewares.use('/api/v1/sites/__flaky', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const [, scenario, arg] = url.pathname.split('/');
        const run = url.searchParams.get('run') ?? '';
        const send = (status: number, body: unknown) => {
          res.statusCode = status;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(body));
        };
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          if (scenario === 'log') return send(200, hits.get(run) ?? []);
          const log = hits.get(run) ?? [];
          log.push({ method: req.method ?? '', idempotencyKey: (req.headers['idempotency-key'] as string) ?? null, body });
          hits.set(run, log);
          if (scenario === 'fail') {
            return log.length <= Number(arg)
              ? send(503, { error: { code: 'unavailable', message: 'Try again' } })
              : send(200, { ok: true, attempts: log.length });
          }
          if (scenario === 'status') return send(Number(arg), { error: { code: `status_${arg}`, message: `Status ${arg}` } });
          if (scenario === 'slow') return void setTimeout(() => send(200, { ok: true }), Number(arg));
          if (scenario === 'decisions' || (['polls', 'forms', 'videos', 'channels'].includes(scenario ?? '') && arg === 'hang')) return void setTimeout(() => send(503, { error: { code: 'unavailable', message: 'Try again' } }), 2000);
          send(404, { error: { code: 'not_found', message: 'No such scenario' } });
        });
      });
    },
  };
}
