import type { Plugin } from 'vite';

/**
 * An unreliable server for the API client's tests, served by the browser suite's own Vite
 * server under the site "__flaky" (the real API never fails on purpose):
 *   …/sites/__flaky/fail/N?run=ID  answers 503 N times per run id, then 200
 *   …/sites/__flaky/status/S       always answers status S with an error envelope
 *   …/sites/__flaky/slow/MS        answers after MS milliseconds
 *   …/sites/__flaky/log?run=ID     what requests that run id made (method, Idempotency-Key)
 *   …/sites/__flaky/{polls,forms,videos,channels}/hang, …/decisions   answer 503 after two seconds (a widget's loading state)
 *   …/sites/__flaky/polls/held-ID           an open single-choice poll (fi/sv/en) whose ballots (POST …/held-ID/ballots)
 *                                            get no answer until …/release?run=held-ID; logged under run held-ID
 *   …/sites/__flaky/release?run=ID          answers every held ballot of that run (201, a receipt) and says how many
 */
export function flakyEndpoints(): Plugin {
  const hits = new Map<string, { method: string; idempotencyKey: string | null; body: string }[]>();
  const held = new Map<string, (() => void)[]>();
  return {
    name: 'osallistu-flaky-endpoints',
    configureServer(server) {
      server.middlewares.use('/api/v1/sites/__flaky', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const [, scenario, arg, sub] = url.pathname.split('/');
        const run = url.searchParams.get('run') ?? (arg?.startsWith('held-') ? arg : '');
        const send = (status: number, body: unknown) => {
          res.statusCode = status;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(body));
        };
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          if (scenario === 'log') return send(200, hits.get(run) ?? []);
          if (scenario === 'release') {
            const waiting = held.get(run) ?? [];
            held.delete(run);
            waiting.forEach((answer) => answer());
            return send(200, { released: waiting.length });
          }
          const log = hits.get(run) ?? [];
          log.push({ method: req.method ?? '', idempotencyKey: (req.headers['idempotency-key'] as string) ?? null, body });
          hits.set(run, log);
          if (scenario === 'fail') {
            return log.length <= Number(arg)
              ? send(503, { error: { code: 'unavailable', message: 'Try again' } })
              : send(200, { ok: true, attempts: log.length });
          }
          if (scenario === 'polls' && arg?.startsWith('held-')) {
            if (sub !== 'ballots') return send(200, heldPoll(arg));
            const { choices } = JSON.parse(body) as { choices: string[] };
            const receipt = {
              poll: arg,
              ballot: { choices, castAt: new Date().toISOString(), changedAt: null },
              results: { total: 1, options: ['a', 'b'].map((id) => ({ id, count: choices.includes(id) ? 1 : 0 })) },
            };
            held.set(run, [...(held.get(run) ?? []), () => send(201, receipt)]);
            return;
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

/** The poll the held-ballot scenario shows: what GET …/polls/:id answers for an open anonymous poll. */
function heldPoll(id: string) {
  return {
    id,
    site: '__flaky',
    kind: 'single',
    question: { fi: 'Hidas kysely?', sv: 'Långsam enkät?', en: 'A slow poll?' },
    options: [
      { id: 'a', label: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' } },
      { id: 'b', label: { fi: 'Ei', sv: 'Nej', en: 'No' } },
    ],
    minChoices: 1,
    maxChoices: 1,
    resultsVisibility: 'after_vote',
    voterMode: 'anonymous',
    allowChange: false,
    opensAt: null,
    closesAt: null,
    status: 'open',
    state: 'open',
    caseId: null,
    languages: ['fi', 'sv', 'en'],
    myBallot: null,
  };
}
