/**
 * Groups of residents: k-means on the 2-D opinion map, with k chosen from 2..maxK by the mean
 * silhouette, as Pol.is chooses its group count (github.com/compdemocracy/polis,
 * math/src/polismath/math/clusters.clj, `kmeans` and `silhouette`; conversation.clj tries k = 2..5).
 * Pol.is first folds participants into ~100 base clusters and groups those; here the
 * participants are grouped directly, which in two dimensions is cheap.
 *
 * Deterministic: k-means++ seeding from the seeded PRNG, several restarts, the lowest inertia kept
 * (the first on a tie). The silhouette is O(n²), so it is measured on a seeded sample of at most
 * 1,000 points, the same sample for every k.
 */
import { randomIndex } from './random.ts';
import type { Random } from './random.ts';

export interface Clustering {
  k: number;
  /** Cluster per point. */
  assignment: Int32Array;
  /** x, y per cluster. */
  centres: Float64Array;
  /** Sum of squared distances of the points to their centres. */
  inertia: number;
}

const RESTARTS = 8;
const MAX_STEPS = 100;
const SILHOUETTE_SAMPLE = 1000;

/** Index of the centre nearest to (x, y); the lowest index on a tie. */
function nearest(centres: Float64Array, k: number, x: number, y: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < k; c++) {
    const dx = x - centres[2 * c]!;
    const dy = y - centres[2 * c + 1]!;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** k-means++: each next centre drawn with probability ∝ squared distance to the nearest chosen. */
function seedCentres(points: Float64Array, n: number, k: number, random: Random): Float64Array {
  const centres = new Float64Array(2 * k);
  const d2 = new Float64Array(n).fill(Infinity);
  let pick = randomIndex(random, n);
  for (let c = 0; c < k; c++) {
    centres[2 * c] = points[2 * pick]!;
    centres[2 * c + 1] = points[2 * pick + 1]!;
    if (c === k - 1) break;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dx = points[2 * i]! - centres[2 * c]!;
      const dy = points[2 * i + 1]! - centres[2 * c + 1]!;
      d2[i] = Math.min(d2[i]!, dx * dx + dy * dy);
      total += d2[i]!;
    }
    if (total === 0) {
      // Every point sits on a chosen centre: the rest repeat it (their clusters stay empty and
      // are refilled by `lloyd` if any point is farther away, which here none is).
      pick = 0;
      continue;
    }
    let target = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= d2[i]!;
      if (target < 0) {
        pick = i;
        break;
      }
    }
  }
  return centres;
}

/** Lloyd's iterations from the given centres, until no point changes cluster. */
function lloyd(points: Float64Array, n: number, k: number, centres: Float64Array): Clustering {
  const assignment = new Int32Array(n).fill(-1);
  const sums = new Float64Array(2 * k);
  const counts = new Int32Array(k);
  for (let step = 0; step < MAX_STEPS; step++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const c = nearest(centres, k, points[2 * i]!, points[2 * i + 1]!);
      if (c !== assignment[i]) {
        assignment[i] = c;
        changed = true;
      }
    }
    if (!changed) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      sums[2 * c]! += points[2 * i]!;
      sums[2 * c + 1]! += points[2 * i + 1]!;
      counts[c]!++;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c]) {
        centres[2 * c] = sums[2 * c]! / counts[c]!;
        centres[2 * c + 1] = sums[2 * c + 1]! / counts[c]!;
        continue;
      }
      // An empty cluster takes the point farthest from its own centre (the first such), if that
      // point is not alone in its cluster.
      let far = -1;
      let farD = 0;
      for (let i = 0; i < n; i++) {
        const a = assignment[i]!;
        if (counts[a]! < 2) continue;
        const dx = points[2 * i]! - centres[2 * a]!;
        const dy = points[2 * i + 1]! - centres[2 * a + 1]!;
        const d = dx * dx + dy * dy;
        if (d > farD) {
          farD = d;
          far = i;
        }
      }
      if (far < 0) continue;
      counts[assignment[far]!]!--;
      assignment[far] = c;
      counts[c] = 1;
      centres[2 * c] = points[2 * far]!;
      centres[2 * c + 1] = points[2 * far + 1]!;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = assignment[i]!;
    const dx = points[2 * i]! - centres[2 * c]!;
    const dy = points[2 * i + 1]! - centres[2 * c + 1]!;
    inertia += dx * dx + dy * dy;
  }
  return { k, assignment, centres, inertia };
}

/** The best of several k-means++ runs (lowest inertia; the earliest on a tie). */
export function kmeans(points: Float64Array, n: number, k: number, random: Random, restarts = RESTARTS): Clustering {
  let best: Clustering | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(points, n, k, seedCentres(points, n, k, random));
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best!;
}

/** How many distinct points there are, counting no further than `limit`. */
export function distinctPoints(points: Float64Array, n: number, limit: number): number {
  const seen: number[] = [];
  for (let i = 0; i < n && seen.length < 2 * limit; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    let known = false;
    for (let s = 0; s < seen.length && !known; s += 2) known = seen[s] === x && seen[s + 1] === y;
    if (!known) seen.push(x, y);
  }
  return seen.length / 2;
}

/** Up to `size` distinct indices of 0..n−1, drawn without replacement (all of them, in order, when n ≤ size). */
export function sampleIndices(n: number, size: number, random: Random): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (n <= size) return all;
  for (let i = 0; i < size; i++) {
    const j = i + randomIndex(random, n - i);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, size);
}

/**
 * Mean silhouette over the sampled points, distances within the sample: for each point,
 * (b − a) / max(a, b) with a its mean distance to the rest of its own cluster and b the smallest
 * mean distance to another cluster. A point alone in its cluster (in the sample) scores 0, as in
 * Pol.is and in Rousseeuw's definition.
 */
export function silhouette(points: Float64Array, sample: Int32Array, assignment: Int32Array, k: number): number {
  const m = sample.length;
  if (m === 0 || k < 2) return 0;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (let s = 0; s < m; s++) counts[assignment[sample[s]!]!]!++;
  let total = 0;
  for (let s = 0; s < m; s++) {
    const i = sample[s]!;
    const own = assignment[i]!;
    if (counts[own]! < 2) continue;
    sums.fill(0);
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    for (let t = 0; t < m; t++) {
      const j = sample[t]!;
      const dx = x - points[2 * j]!;
      const dy = y - points[2 * j + 1]!;
      sums[assignment[j]!]! += Math.sqrt(dx * dx + dy * dy);
    }
    const a = sums[own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (b === Infinity) continue;
    const scale = Math.max(a, b);
    if (scale > 0) total += (b - a) / scale;
  }
  return total / m;
}

export interface Chosen {
  clustering: Clustering;
  silhouette: number;
}

/**
 * Clusters n points with k from 2..maxK, keeping the k of highest mean silhouette (the smaller k
 * on a tie). With fewer than two distinct points there is nothing to split: k = 1 (or 0 with no
 * points at all), silhouette 0.
 */
export function chooseClustering(points: Float64Array, n: number, maxK: number, random: Random): Chosen {
  const distinct = distinctPoints(points, n, Math.max(maxK, 2));
  const top = Math.min(maxK, distinct);
  if (top < 2) {
    const k = Math.min(n, 1);
    // Every point is the same point: it is the centre.
    const centres = points.slice(0, 2 * k);
    return { clustering: { k, assignment: new Int32Array(n), centres, inertia: 0 }, silhouette: 0 };
  }
  const sample = sampleIndices(n, SILHOUETTE_SAMPLE, random);
  let best: Chosen | null = null;
  for (let k = 2; k <= top; k++) {
    const clustering = kmeans(points, n, k, random);
    const score = silhouette(points, sample, clustering.assignment, k);
    if (!best || score > best.silhouette) best = { clustering, silhouette: score };
  }
  return best!;
}
