/**
 * Ballots per second, sent as the widget sends them (a new voter, an Idempotency-Key), beside a
 * route that does nothing and a bare one-row D1 insert, in the same `wrangler dev`, in
 * alternating rounds so all three see the same machine state; at several concurrencies, with
 * workerd's CPU time per request. Loopback only, bounded in time.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export type Kind = 'nothing' | 'insert' | 'ballot';

export interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** workerd's CPU time (user + system) per request, in ms. */
  cpuMs: number;
}

interface RoundResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  cpuTicks: number;
}

/** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
const cpuTicks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime
};

let sequence = 0;

function round(url: string, kind: Kind, seconds: number, connections: number, workerd: number): Promise<RoundResult> {
  const before = cpuTicks(workerd);
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
              // A new voter from a new address each time: every ballot is a real first ballot,
              // with the key the widget sends with each.
              request.headers = {
                ...request.headers,
                'x-voter-token': `bench-voter-${n.toString(16).padStart(12, '0')}-${process.pid}`,
                'idempotency-key': `bench-${process.pid}-${n}`,
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
          cpuTicks: cpuTicks(workerd) - before,
        });
      },
    );
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function summarise(rounds: RoundResult[]): Throughput {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const ticks = rounds.reduce((n, r) => n + r.cpuTicks, 0);
  return {
    requestsPerSecond: requests / seconds,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    cpuMs: requests ? ((ticks / TICKS_PER_SECOND) * 1000) / requests : 0,
  };
}

export interface ThroughputOptions {
  urls: Record<Kind, string>;
  /** wrangler dev's workerd, whose CPU time is read around each round. */
  workerd: number;
  concurrency: number[];
  rounds?: number;
  seconds?: number;
}

/** For each concurrency: a warm-up of each kind, then `rounds` rounds of nothing, insert and ballot in turn. */
export async function measureBallotThroughput(options: ThroughputOptions): Promise<{ connections: number; results: Record<Kind, Throughput> }[]> {
  const rounds = options.rounds ?? 3;
  const seconds = options.seconds ?? 4;
  const kinds: Kind[] = ['nothing', 'insert', 'ballot'];
  const out = [];
  for (const connections of options.concurrency) {
    for (const kind of kinds) await round(options.urls[kind], kind, 2, connections, options.workerd); // warm-up, not counted
    const per: Record<Kind, RoundResult[]> = { nothing: [], insert: [], ballot: [] };
    for (let i = 0; i < rounds; i++) for (const kind of kinds) per[kind].push(await round(options.urls[kind], kind, seconds, connections, options.workerd));
    out.push({ connections, results: { nothing: summarise(per.nothing), insert: summarise(per.insert), ballot: summarise(per.ballot) } });
  }
  return out;
}
