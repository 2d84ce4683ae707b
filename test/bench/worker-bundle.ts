import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWrangler } from '../../scripts/lib/wrangler.ts';
import { sumBytes, wireBytes } from './bundle-size.ts';
import type { Bytes } from './bundle-size.ts';

/** The Worker as `wrangler deploy` would upload it (a dry run: nothing leaves the machine): its modules' bytes, source maps left out. */
export function measureWorkerBundle(): Bytes {
  const out = mkdtempSync(join(tmpdir(), 'osallistu-worker-'));
  try {
    runWrangler(['deploy', '--dry-run', '--outdir', out]);
    const modules = readdirSync(out).filter((name) => /\.(js|mjs|wasm)$/.test(name));
    if (!modules.length) throw new Error(`wrangler deploy --dry-run wrote no module to ${out}`);
    return sumBytes(modules.map((name) => wireBytes(join(out, name))));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
