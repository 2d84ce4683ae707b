/** Runs wrangler the way the README's commands do: local, offline, no telemetry. */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess, SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');

export const OFFLINE_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  NO_COLOR: '1',
};

export interface Where {
  /** Against the deployed database instead of the local one. */
  remote?: boolean;
  /** Where the local database lives (wrangler's `--persist-to`); default `.wrangler/state`. */
  persistTo?: string;
}

const locationArgs = (where: Where) =>
  where.remote ? ['--remote'] : ['--local', ...(where.persistTo ? ['--persist-to', where.persistTo] : [])];

/**
 * Runs a wrangler command. A local database that a running `wrangler dev` is writing to at
 * that moment answers SQLITE_BUSY; that is retried a few times rather than reported.
 */
export function runWrangler(args: string[], options: SpawnSyncOptions = {}): string {
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: OFFLINE_ENV, encoding: 'utf8', ...options });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (result.status === 0) return String(result.stdout ?? '');
    if (attempt < 5 && output.includes('SQLITE_BUSY')) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300 * attempt);
      continue;
    }
    throw new Error(`wrangler ${args.join(' ')} failed:\n${output}`);
  }
}

export function applyMigrations(where: Where = {}): void {
  runWrangler(['d1', 'migrations', 'apply', 'DB', ...locationArgs(where)], { env: { ...OFFLINE_ENV, CI: 'true' } });
}

/** Runs SQL text in one go (wrangler wraps a file in a transaction). */
export function executeSql(sql: string, where: Where = {}): void {
  const dir = mkdtempSync(join(tmpdir(), 'osallistu-sql-'));
  try {
    const file = join(dir, 'script.sql');
    writeFileSync(file, sql);
    runWrangler(['d1', 'execute', 'DB', ...locationArgs(where), '--file', file, '--yes']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function querySql<T>(sql: string, where: Where = {}): T[] {
  const out = runWrangler(['d1', 'execute', 'DB', ...locationArgs(where), '--command', sql, '--json']);
  const parsed = JSON.parse(out.slice(out.indexOf('['))) as { results: T[] }[];
  return parsed[0]?.results ?? [];
}

export interface DevServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `wrangler dev` and resolves once `/api/v1/health` answers. */
export async function startDevServer(options: { port: number; persistTo?: string; quiet?: boolean; vars?: Record<string, string> }): Promise<DevServer> {
  const args = [WRANGLER, 'dev', '--port', String(options.port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false'];
  if (options.persistTo) args.push('--persist-to', options.persistTo);
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push('--var', `${name}:${value}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: OFFLINE_ENV,
    stdio: options.quiet ? ['ignore', 'ignore', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}\n${stderr}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return { url, process: child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer on ${url} within 60 s\n${stderr}`);
}
