/**
 * `npm test`: type-check, build, then every suite — workers (workerd + local D1), browser
 * (Chromium) and e2e (the demo page on `wrangler dev`). Exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sofficePath } from '../test/attack/support/libreoffice.ts';
import { chromiumPath } from '../test/support/chromium.ts';
import { ROOT } from './lib/wrangler.ts';

function run(label: string, command: string, args: string[]): void {
  console.log(`\n\u2192 ${label}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' } });
  if (result.status !== 0) {
    console.error(`\n${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

try {
  chromiumPath();
  sofficePath();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const bin = (path: string) => join(ROOT, 'node_modules', path);
run('Type-checking', process.execPath, [bin('wrangler/bin/wrangler.js'), 'types', 'worker/worker-configuration.d.ts', '--include-runtime=false', '--strict-vars=false', '--check']);
run('Type-checking', process.execPath, [bin('typescript/bin/tsc'), '-p', 'tsconfig.json']);
run('Type-checking the Worker', process.execPath, [bin('typescript/bin/tsc'), '-p', 'worker/tsconfig.json']);
run('Building the widgets', process.execPath, [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
const report = join(ROOT, 'test-results/vitest.json');
const extra = process.argv.slice(2);
const vitest = spawnSync(
  process.execPath,
  [bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' } },
);

try {
  const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (skipped > 0) {
    console.error('Skipped tests are defects here: fix or delete them.');
    process.exit(1);
  }
} catch {
  console.error('No test report was written.');
}
process.exit(vitest.status ?? 1);
