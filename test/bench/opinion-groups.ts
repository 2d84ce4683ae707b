/**
 * Opinion groups at Pol.is scale (worker/opinion-groups): 10,000 residents × 500 statements in
 * four planted groups of 40, 30, 20 and 10 %, each resident voting on a random 20–60 statements
 * (Pol.is conversations are sparse), then the dense worst case of every resident voting on every
 * statement (5,000,000 votes). Votes come from a seeded PRNG, so every run computes the same thing.
 *
 * Each case runs in a fresh Node process (--expose-gc) so one case's heap does not colour the
 * next: the first call is measured for memory, then three more are timed (the median is kept).
 * The votes are kept in compact typed arrays outside the measurement and handed over as an
 * iterable of VoteRow objects, as a Worker reading D1 in pages would. Memory is reported three
 * ways: heap + ArrayBuffers just after the call before any forced GC (everything it allocated
 * that V8 had not yet collected), the process's peak RSS growth during the call, and what the
 * returned model keeps after a GC.
 *
 *   node --experimental-strip-types test/bench/opinion-groups.ts
 *   const figures = await opinionGroupFigures(); // from scripts/bench.ts
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { opinionGroups } from '../../worker/opinion-groups/index.ts';
import type { Vote, VoteRow } from '../../worker/opinion-groups/index.ts';
import { prng } from './decisions.ts';
import { adjustedRand } from '../support/agreement.ts';

const PARTICIPANTS = 10_000;
const STATEMENTS = 500;
const GROUP_SHARES = [0.4, 0.3, 0.2, 0.1];
const NOISE = 0.15;
const SEED = 2026;
const MB = 1024 * 1024;
/** Workers Paid defaults: 128 MB per isolate, 30 s of CPU per request. */
const MEMORY_LIMIT_MB = 128;
const CPU_LIMIT_MS = 30_000;

type Case = 'sparse' | 'dense';

interface Planted {
  participant: Int32Array;
  statement: Uint16Array;
  vote: Int8Array;
  groups: Int32Array;
}

export interface CaseFigures {
  case: Case;
  votes: number;
  /** Median wall time of three timed calls, and each of them. */
  ms: number;
  runs: number[];
  /** Median CPU time (user + system, all of the process's threads: V8's GC helpers too) of the same calls. */
  cpuMs: number;
  /** Heap + ArrayBuffers just after the first call, before a forced GC, MB over the baseline. */
  grownMb: number;
  /** Peak RSS of the process during the first call, MB over its RSS before. */
  peakRssMb: number;
  /** What the model keeps after a GC, MB. */
  retainedMb: number;
  /** Garbage collections V8 ran during the first call. */
  gcs: number;
  k: number;
  silhouette: number;
  clustered: number;
  ari: number;
  /** Per planted group: its share in the found group that holds most of it. */
  kept: number[];
  /** The votes as an array of VoteRow objects (what D1's .all() would hand over), MB — sparse case only. */
  arrayOfRowsMb?: number;
}

/**
 * Each group holds, on each statement, one of: agree (35 %), disagree (35 %), no view (30 %, a
 * random vote). A resident votes their group's stance, replaced by a random vote 15 % of the time.
 */
function plant(dense: boolean): Planted {
  const random = prng(SEED);
  const stance = new Int8Array(GROUP_SHARES.length * STATEMENTS);
  for (let s = 0; s < stance.length; s++) {
    const r = random();
    stance[s] = r < 0.35 ? 1 : r < 0.7 ? -1 : 2; // 2: no view
  }
  const groups = new Int32Array(PARTICIPANTS);
  const counts = new Int32Array(PARTICIPANTS);
  let total = 0;
  for (let i = 0, g = 0, bound = GROUP_SHARES[0]! * PARTICIPANTS; i < PARTICIPANTS; i++) {
    while (i >= bound) bound += GROUP_SHARES[++g]! * PARTICIPANTS;
    groups[i] = g;
    counts[i] = dense ? STATEMENTS : 20 + Math.floor(random() * 41);
    total += counts[i]!;
  }
  const randomVote = () => (Math.floor(random() * 3) - 1) as Vote;
  const participant = new Int32Array(total);
  const statement = new Uint16Array(total);
  const vote = new Int8Array(total);
  const order = new Uint16Array(STATEMENTS).map((_, j) => j);
  let at = 0;
  for (let i = 0; i < PARTICIPANTS; i++) {
    // The first counts[i] of a fresh partial shuffle: which statements this resident saw.
    for (let n = 0; n < counts[i]!; n++) {
      const pick = n + Math.floor(random() * (STATEMENTS - n));
      const j = order[pick]!;
      order[pick] = order[n]!;
      order[n] = j;
      const s = stance[groups[i]! * STATEMENTS + j]!;
      participant[at] = i;
      statement[at] = j;
      vote[at] = s === 2 || random() < NOISE ? randomVote() : (s as Vote);
      at++;
    }
  }
  return { participant, statement, vote, groups };
}

function* rows(p: Planted): Generator<VoteRow> {
  for (let k = 0; k < p.vote.length; k++) yield { participant: p.participant[k]!, statement: p.statement[k]!, vote: p.vote[k] as Vote };
}


/** In the child process: one case, printed as one JSON line. */
async function runCase(which: Case): Promise<CaseFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const planted = plant(which === 'dense');
  const size = { participants: PARTICIPANTS, statements: STATEMENTS };
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  let gcs = 0;
  const observer = new PerformanceObserver((list) => void (gcs += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });

  gc();
  const before = used();
  const rssBefore = process.memoryUsage().rss;
  let model = opinionGroups(rows(planted), size, { seed: 1 });
  const grown = used() - before;
  const peakRss = process.resourceUsage().maxRSS * 1024 - rssBefore;
  await new Promise((resolve) => setTimeout(resolve, 0)); // deliver the GC entries
  const gcsDuring = gcs;
  observer.disconnect();
  // ArrayBuffers' memory is released by a task after the GC that finds them dead: GC, yield, GC.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  const retained = used() - before;

  const runs: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 3; r++) {
    gc();
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    model = opinionGroups(rows(planted), size, { seed: 1 });
    const spent = process.cpuUsage(cpuBefore);
    runs.push(performance.now() - began);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const kept = GROUP_SHARES.map((_, g) => {
    const tally = new Map<number, number>();
    let n = 0;
    for (let i = 0; i < PARTICIPANTS; i++) {
      if (planted.groups[i] !== g) continue;
      n++;
      tally.set(model.assignment[i]!, (tally.get(model.assignment[i]!) ?? 0) + 1);
    }
    return Math.max(...tally.values()) / n;
  });
  const figures: CaseFigures = {
    case: which,
    votes: planted.vote.length,
    ms: median(runs),
    runs,
    cpuMs: median(cpu),
    grownMb: grown / MB,
    peakRssMb: Math.max(0, peakRss) / MB,
    retainedMb: retained / MB,
    gcs: gcsDuring,
    k: model.k,
    silhouette: model.silhouette,
    clustered: model.clustered,
    ari: adjustedRand(model.assignment, planted.groups),
    kept,
  };
  if (which === 'sparse') {
    gc();
    const bare = used();
    const array = [...rows(planted)];
    gc();
    figures.arrayOfRowsMb = (used() - bare) / MB;
    if (array.length !== planted.vote.length) throw new Error('lost rows');
  }
  return figures;
}

/** Both cases, each in a fresh Node process. */
export function measureOpinionGroups(): CaseFigures[] {
  return (['sparse', 'dense'] as const).map((which) => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--experimental-strip-types', '--no-warnings', import.meta.filename, '--case', which], {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
    });
    if (child.status !== 0) throw new Error(`opinion-groups bench, ${which}: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as CaseFigures;
  });
}

/** The figures in scripts/bench.ts's shape. */
export function opinionGroupFigures(): { name: string; value: string; budget: string; ok: boolean }[] {
  return measureOpinionGroups().map((f) => {
    const memory = Math.max(f.grownMb, f.peakRssMb);
    const what =
      f.case === 'sparse'
        ? `Opinion groups (PCA, k-means, repness) of ${PARTICIPANTS.toLocaleString('en')} residents × ${STATEMENTS} statements, 20–60 votes each (${f.votes.toLocaleString('en')} votes)`
        : `Opinion groups, dense: every resident votes on every statement (${f.votes.toLocaleString('en')} votes)`;
    return {
      name: what,
      value:
        `${(f.ms / 1000).toFixed(2)} s (median of ${f.runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')}; CPU ${(f.cpuMs / 1000).toFixed(2)} s) · ` +
        `memory +${f.grownMb.toFixed(1)} MB heap+buffers before GC (${f.gcs} GCs ran), peak RSS +${f.peakRssMb.toFixed(1)} MB, model keeps ${f.retainedMb.toFixed(1)} MB · ` +
        `k = ${f.k}, silhouette ${f.silhouette.toFixed(3)}, ${f.clustered.toLocaleString('en')} clustered, ARI against the planted groups ${f.ari.toFixed(3)} ` +
        `(each planted group's share in one found group: ${f.kept.map((x, g) => `${Math.round(GROUP_SHARES[g]! * 100)} %: ${(x * 100).toFixed(0)} %`).join(', ')})` +
        (f.arrayOfRowsMb === undefined ? '' : ` · the same votes as an array of row objects: ${f.arrayOfRowsMb.toFixed(1)} MB`),
      budget: `≤ ${CPU_LIMIT_MS / 1000} s CPU and ≤ ${MEMORY_LIMIT_MB} MB (Workers Paid defaults)`,
      ok: Math.max(f.ms, f.cpuMs) <= CPU_LIMIT_MS && memory <= MEMORY_LIMIT_MB,
    };
  });
}

const caseArg = process.argv.indexOf('--case');
if (caseArg > 0) {
  console.log(JSON.stringify(await runCase(process.argv[caseArg + 1] as Case)));
} else if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) {
  for (const f of opinionGroupFigures()) console.log(`${f.ok ? 'ok  ' : 'OVER'}  ${f.name}\n      ${f.value}   (budget ${f.budget})`);
}
