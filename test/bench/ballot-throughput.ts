/**
 * Ballots per second against the bare-insert baseline, in the same `wrangler dev`, in
 * alternating rounds so both see the same machine state. Loopback only, bounded in time.
 */
import autocannon from 'autocannon';

export interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

interface RoundResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

let sequence = 0;

function round(url: string, kind: 'bare' | 'ballot', seconds: number, connections: number): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => {
              const n = sequence++;
              // A new voter from a new address each time: every ballot is a real first ballot.
              request.headers = {
                ...request.headers,
                'x-voter-token': `bench-voter-${n.toString(16).padStart(12, '0')}-${process.pid}`,
                'cf-connecting-ip': `198.18.${(n >> 8) & 255}.${n & 255}`,
                'x-bench-value': String(n),
              };
              request.body = kind === 'ballot' ? JSON.stringify({ choices: [['a', 'b', 'c'][n % 3]] }) : '{}';
              return request;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          seconds: result.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function summarise(rounds: RoundResult[]): Throughput {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  return {
    requestsPerSecond: requests / seconds,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
  };
}

export async function measureBallotThroughput(options: { bareUrl: string; ballotUrl: string; rounds?: number; seconds?: number; connections?: number }) {
  const rounds = options.rounds ?? 4;
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 8;
  const bare: RoundResult[] = [];
  const ballot: RoundResult[] = [];
  await round(options.bareUrl, 'bare', 2, connections); // warm-up, not counted
  await round(options.ballotUrl, 'ballot', 2, connections);
  for (let i = 0; i < rounds; i++) {
    bare.push(await round(options.bareUrl, 'bare', seconds, connections));
    ballot.push(await round(options.ballotUrl, 'ballot', seconds, connections));
  }
  return { bare: summarise(bare), ballot: summarise(ballot) };
}
