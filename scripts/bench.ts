/**
 * `npm run bench`: the figures each issue asks for, with their budgets. Exits 1 when a figure
 * is over its budget. Budgets live here, never in timed unit tests.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { LOADER, wireBytes } from '../test/bench/bundle-size.ts';
import type { Bytes } from '../test/bench/bundle-size.ts';
import { ROOT } from './lib/wrangler.ts';

interface Figure {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
}

const figures: Figure[] = [];
const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
const bytesFigure = (name: string, bytes: Bytes, brotliBudget: number): Figure => ({
  name,
  value: `${bytes.raw} B raw · ${bytes.gzip} B gzip · ${bytes.brotli} B brotli`,
  budget: `≤ ${kb(brotliBudget)} brotli`,
  ok: bytes.brotli <= brotliBudget,
});

console.log('Building the widgets…');
await build({ logLevel: 'warn' });
const dist = join(ROOT, 'dist');

figures.push(bytesFigure('Loader (embed/v1/osallistu.js)', wireBytes(LOADER(dist)), 1536));

const width = Math.max(...figures.map((f) => f.name.length));
console.log('\nOsallistu bench\n');
for (const f of figures) console.log(`${f.ok ? 'ok  ' : 'OVER'}  ${f.name.padEnd(width)}  ${f.value}   (budget ${f.budget})`);
const over = figures.filter((f) => !f.ok);
if (over.length) {
  console.error(`\n${over.length} figure(s) over budget.`);
  process.exit(1);
}
