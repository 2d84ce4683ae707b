/**
 * `npm start` timed from launch until it prints "Osallistu is running" (the demo page, the API and
 * the demo content all there), on a fresh local database and then again on the same one, beside
 * a bare `wrangler dev` timed until `/api/v1/health` answers. Rounds alternate; the best of each
 * is reported, since the machine's noise only ever adds time.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFLINE_ENV, ROOT } from '../../scripts/lib/wrangler.ts';
import { freePort } from '../support/free-port.ts';

export interface StartFigures {
  bareMs: number;
  coldMs: number;
  warmMs: number;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Runs `args` with node until `ready` says so (or 120 s pass), and returns the time it took. */
async function timeUntil(argsFor: (port: number) => string[], env: Record<string, string>, ready: (output: string, port: number) => Promise<boolean> | boolean): Promise<number> {
  const port = await freePort();
  const args = argsFor(port);
  const began = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...OFFLINE_ENV, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    while (performance.now() - began < 120_000) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
      if (await ready(output, port)) return performance.now() - began;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${args.join(' ')} was not ready within 120 s:\n${output}`);
  } finally {
    await stop(child);
  }
}

const healthy = async (_: string, port: number) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok;
  } catch {
    return false;
  }
};

export async function measureStart(rounds = 2): Promise<StartFigures> {
  const best = { bareMs: Infinity, coldMs: Infinity, warmMs: Infinity };
  for (let round = 0; round < rounds; round++) {
    const bareState = mkdtempSync(join(tmpdir(), 'osallistu-bare-'));
    const state = mkdtempSync(join(tmpdir(), 'osallistu-start-'));
    try {
      const wrangler = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
      const bare = await timeUntil((port) => [wrangler, 'dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', bareState, '--show-interactive-dev-session=false'], {}, healthy);
      const running = (output: string) => output.includes('Osallistu is running');
      const cold = await timeUntil(() => [join(ROOT, 'scripts/start.ts')], { OSALLISTU_STATE: state }, running);
      const warm = await timeUntil(() => [join(ROOT, 'scripts/start.ts')], { OSALLISTU_STATE: state }, running);
      best.bareMs = Math.min(best.bareMs, bare);
      best.coldMs = Math.min(best.coldMs, cold);
      best.warmMs = Math.min(best.warmMs, warm);
    } finally {
      rmSync(bareState, { recursive: true, force: true });
      rmSync(state, { recursive: true, force: true });
    }
  }
  return best;
}
