/**
 * The soak: ballots for `seconds` at the rate the machine takes, with `kill -9` of the dev
 * server (wrangler and its workerd) half-way and a restart on the same local state. Each
 * client sends a ballot as the widget does (a new voter, an Idempotency-Key) and, when the
 * connection fails, sends the same request again until it has an answer, as the widget's
 * offline queue does. At the end: acknowledged ballots == ballots in the object == ballots in
 * D1 after the hand-over == the sum of the tallies, and replayed keys change nothing.
 */
import { freePort } from '../support/free-port.ts';
import { startDevServer } from '../../scripts/lib/wrangler.ts';
import type { DevServer } from '../../scripts/lib/wrangler.ts';
import { processTree } from './processes.ts';

export interface PollState {
  delivered: { batches: number; rows: number };
  object: { total: number; tallies: number; unsent: number; ballots: number };
  d1: { ballots: number; ballotCount: number; tallySum: number; flushedSeq: number };
}

export interface SoakResult {
  seconds: number;
  acknowledged: number;
  ballotsPerSecond: number;
  /** Requests whose connection failed (the kill) and that were sent again with the same key. */
  resent: number;
  /** Of the resent, how many the object answered as a replay: counted before the kill, answered after. */
  replayedAfterKill: number;
  /** From the kill until the restarted server answered. */
  downMs: number;
  /** The last hand-over, of whatever the object still held when the load stopped (state.delivered), end to end. */
  handOverMs: number;
  other: Record<string, number>;
  state: PollState;
  /** A sample of acknowledged requests sent again with their keys, and the state after. */
  replays: { sent: number; answeredAsReplay: number; stateAfter: PollState };
}

interface Sent {
  voter: string;
  key: string;
  body: string;
  ip: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureSoak(options: { persistTo: string; token: string; site: string; seconds?: number; connections?: number }): Promise<SoakResult> {
  const seconds = options.seconds ?? 60;
  const connections = options.connections ?? 50;
  const port = await freePort();
  const vars = { BENCH_ROUTES: 'on' };
  const log = (m: string) => process.env.SOAK_DEBUG && console.error(`[soak ${new Date().toISOString()}] ${m}`);
  let server: DevServer = await startDevServer({ port, persistTo: options.persistTo, quiet: true, vars });
  const api = `${server.url}/api/v1/sites/${options.site}`;
  const pollId = `soak-${Date.now().toString(36)}`;
  const created = await fetch(`${api}/polls`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: pollId, kind: 'single', question: { fi: 'Soak' }, options: ['a', 'b', 'c'].map((o) => ({ id: o, label: { fi: o } })), status: 'open', resultsVisibility: 'always' }),
  });
  if (created.status !== 201) throw new Error(`soak poll: ${created.status} ${await created.text()}`);

  const acknowledged: Sent[] = [];
  const other: Record<string, number> = {};
  let resent = 0;
  let replayedAfterKill = 0;
  let n = 0;
  let down = false;
  const send = (s: Sent) =>
    fetch(`${api}/polls/${pollId}/ballots`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Voter-Token': s.voter, 'Idempotency-Key': s.key, 'CF-Connecting-IP': s.ip },
      body: s.body,
    });

  log('server up, poll created');
  const started = Date.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (Date.now() < until) {
      const i = n++;
      const s: Sent = {
        voter: `soak-voter-${i.toString(16).padStart(10, '0')}-${process.pid}`,
        key: `soak-${process.pid}-${i}`,
        body: JSON.stringify({ choices: [['a', 'b', 'c'][i % 3]] }),
        ip: `198.19.${(i >> 8) & 255}.${i & 255}`,
      };
      let failedOnce = false;
      for (;;) {
        try {
          const response = await send(s);
          await response.arrayBuffer();
          if (response.status === 200 || response.status === 201) {
            acknowledged.push(s);
            if (failedOnce && response.headers.get('Idempotent-Replay') === 'true') replayedAfterKill++;
          } else other[String(response.status)] = (other[String(response.status)] ?? 0) + 1;
          break;
        } catch {
          // The server is down (the kill): the same request again, as the widget's queue would.
          if (!failedOnce) resent++;
          failedOnce = true;
          await sleep(down ? 200 : 20);
        }
      }
    }
  };

  let downMs = 0;
  const killer = (async () => {
    await sleep((seconds * 1000) / 2);
    // wrangler, both of its workerd processes (the port's proxy, and the runtime with the
    // Worker, its Durable Objects and local D1) and esbuild: all of them at once.
    const tree = processTree(server.process.pid!);
    down = true;
    log(`killing ${tree.length} processes, ${acknowledged.length} acknowledged`);
    const killedAt = Date.now();
    for (const pid of tree.reverse()) process.kill(pid, 'SIGKILL');
    // The port is free once workerd is gone; then the same state comes up again.
    for (;;) {
      try {
        await fetch(`${server.url}/api/v1/health`);
        await sleep(50);
      } catch {
        break;
      }
    }
    log('port free, restarting');
    server = await startDevServer({ port, persistTo: options.persistTo, quiet: true, vars });
    log('restarted');
    downMs = Date.now() - killedAt;
    down = false;
  })();

  await Promise.all([killer, ...Array.from({ length: connections }, client)]);
  const elapsed = (Date.now() - started) / 1000;
  log(`clients done: ${acknowledged.length} acknowledged`);
  const stateOf = async (): Promise<PollState> => (await (await fetch(`${server.url}/__bench/poll-state/${options.site}/${pollId}`)).json()) as PollState;
  const handOverStarted = performance.now();
  const state = await stateOf();
  const handOverMs = performance.now() - handOverStarted;

  // Replayed keys: a sample of acknowledged requests sent again must all be answered as replays, changing nothing.
  const sample = acknowledged.filter((_, i) => i % Math.max(1, Math.floor(acknowledged.length / 500)) === 0);
  let answeredAsReplay = 0;
  for (const s of sample) {
    const response = await send(s);
    await response.arrayBuffer();
    if (response.status === 200 && response.headers.get('Idempotent-Replay') === 'true') answeredAsReplay++;
  }
  const stateAfter = await stateOf();
  await server.stop();
  return {
    seconds: elapsed,
    acknowledged: acknowledged.length,
    ballotsPerSecond: acknowledged.length / elapsed,
    resent,
    replayedAfterKill,
    downMs,
    handOverMs,
    other,
    state,
    replays: { sent: sample.length, answeredAsReplay, stateAfter },
  };
}

/** Every count that must agree, agreeing; the first that does not, named. */
export function soakProblems(result: SoakResult): string[] {
  const { acknowledged, state, replays } = result;
  const problems: string[] = [];
  const same = (name: string, value: number) => value !== acknowledged && problems.push(`${name} ${value} ≠ ${acknowledged} acknowledged`);
  same('ballots in the object', state.object.total);
  same('voters in the object', state.object.ballots);
  same('sum of the object\'s tallies', state.object.tallies);
  same('ballots in D1', state.d1.ballots);
  same('D1\'s ballot count', state.d1.ballotCount);
  same('sum of D1\'s tallies', state.d1.tallySum);
  if (state.object.unsent !== 0) problems.push(`${state.object.unsent} ballots not handed to D1`);
  if (replays.answeredAsReplay !== replays.sent) problems.push(`${replays.sent - replays.answeredAsReplay} of ${replays.sent} replayed keys not answered as replays`);
  if (JSON.stringify({ ...replays.stateAfter, delivered: null }) !== JSON.stringify({ ...state, delivered: null })) problems.push('replayed keys changed the counts');
  if (Object.keys(result.other).length) problems.push(`answers other than 200/201: ${JSON.stringify(result.other)}`);
  return problems;
}
