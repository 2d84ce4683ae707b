/**
 * The poll's first paint beside a minimal Lit poll's, in Chromium with the CPU slowed 4× (as
 * Lighthouse does for a mid-range phone), each on a cold cache, the median of `rounds`; and our
 * page's requests as a waterfall, to show the critical path: the loader, then one parallel wave
 * (widget chunk, shared chunk, strings, the poll's JSON).
 *
 * `buildFirstPaintPages(dist)` writes the two pages into `dist/bench-first-paint/` before
 * `wrangler dev` starts; `measureFirstPaint(origin)` then loads them from it.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';

export const PAINT_POLL = 'bench-paint';
const DIR = 'bench-first-paint';

const page = (title: string, head: string, body: string) =>
  `<!doctype html>\n<html lang="fi">\n<head><meta charset="utf-8"><title>${title}</title>${head}</head>\n<body>${body}<script src="paint-mark.js"></script></body>\n</html>\n`;

/** Builds the minimal poll (Lit bundled in, minified) and writes both pages. */
export async function buildFirstPaintPages(dist: string): Promise<void> {
  const out = join(dist, DIR);
  mkdirSync(out, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: false, minify: true, target: 'es2022', lib: { entry: join(import.meta.dirname, 'minimal-poll.ts'), formats: ['es'], fileName: () => 'minimal-poll.js' } },
  });
  copyFileSync(join(import.meta.dirname, 'paint-mark.js'), join(out, 'paint-mark.js'));
  writeFileSync(join(out, 'ours.html'), page('Osallistu poll', '<script type="module" src="/embed/v1/osallistu.js" data-site="koivulahti"></script>', `<osallistu-poll poll="${PAINT_POLL}" data-bench-poll></osallistu-poll>`));
  writeFileSync(join(out, 'minimal.html'), page('Minimal Lit poll', '<script type="module" src="minimal-poll.js"></script>', `<minimal-poll site="koivulahti" poll="${PAINT_POLL}" data-bench-poll></minimal-poll>`));
}

interface Run {
  ms: number;
  resources: { name: string; start: number; end: number }[];
}

async function paintOnce(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Waiting with waitForFunction would inject Playwright's own script into the page while it
    // loads, tens of milliseconds of main thread under the throttle, landing at random in either
    // page's critical path: the console message arrives over the DevTools protocol instead.
    const painted = tab.waitForEvent('console', { predicate: (message) => message.text().startsWith('osallistu-first-paint '), timeout: 60_000 });
    await tab.goto(url, { waitUntil: 'commit' });
    await painted;
    return await tab.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        ms: (window as unknown as { __firstPaint: number }).__firstPaint,
        resources: [
          { name: location.pathname.split('/').pop()!, start: 0, end: navigation?.responseEnd ?? 0 },
          ...performance.getEntriesByType('resource').map((r) => ({ name: new URL(r.name).pathname.split('/').pop()!, start: r.startTime, end: (r as PerformanceResourceTiming).responseEnd })),
        ],
      };
    });
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A text waterfall: one line per request, a bar from its start to its last byte, then the paint. */
function waterfall(run: Run): string[] {
  const scale = 60 / Math.max(run.ms, ...run.resources.map((r) => r.end));
  const bar = (start: number, end: number) => `${' '.repeat(Math.round(start * scale))}${'█'.repeat(Math.max(1, Math.round((end - start) * scale)))}`;
  const width = Math.max(...run.resources.map((r) => r.name.length));
  return [
    ...run.resources.map((r) => `${r.name.padEnd(width)}  ${r.start.toFixed(0).padStart(5)}–${r.end.toFixed(0).padEnd(5)} ms  ${bar(r.start, r.end)}`),
    `${'first paint'.padEnd(width)}  ${run.ms.toFixed(0).padStart(11)} ms  ${' '.repeat(Math.round(run.ms * scale))}▲`,
  ];
}

export interface FirstPaintFigures {
  ours: number;
  minimal: number;
  waterfall: string[];
  /** Every round's time, ms, in the order measured: how much one run varies. */
  samples: { ours: number[]; minimal: number[] };
}

export async function measureFirstPaint(origin: string, rounds = 10): Promise<FirstPaintFigures> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const ours: Run[] = [];
    const minimal: Run[] = [];
    await paintOnce(browser, `${origin}/${DIR}/ours.html`); // warm-up: the server's first answers
    await paintOnce(browser, `${origin}/${DIR}/minimal.html`);
    for (let i = 0; i < rounds; i++) {
      ours.push(await paintOnce(browser, `${origin}/${DIR}/ours.html`));
      minimal.push(await paintOnce(browser, `${origin}/${DIR}/minimal.html`));
    }
    const middle = median(ours.map((r) => r.ms));
    return { ours: middle, minimal: median(minimal.map((r) => r.ms)), waterfall: waterfall(ours.find((r) => r.ms === middle)!), samples: { ours: ours.map((r) => r.ms), minimal: minimal.map((r) => r.ms) } };
  } finally {
    await browser.close();
  }
}
