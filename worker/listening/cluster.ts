/**
 * Texts as TF-IDF vectors, reduced by latent semantic analysis (`reduce`), and grouped by
 * spherical k-means (cosine similarity; k-means++ seeds from a seeded generator, so the same
 * texts always give the same themes).
 */
import { mulberry32, randomIndex } from '../opinion-groups/random.ts';
import type { Random } from '../opinion-groups/random.ts';
import { WEIGHT } from './terms.ts';
import type { Word } from './terms.ts';

/** One text: its terms' indices and weights, unit length. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

export interface Vectors {
  vocabulary: string[];
  vectors: SparseVector[];
}

/**
 * TF-IDF with a sublinear count (1 + ln tf) and each kind of term weighed (terms.ts WEIGHT).
 * Terms in fewer than two texts say nothing about a group, and those in more than 40 % say
 * nothing about any one: both are left out (but for a handful of texts, where every word counts).
 */
export function vectorise(texts: Word[][], termsOf: (w: Word) => string[]): Vectors {
  const n = texts.length;
  const dfMap = new Map<string, number>();
  const inText = new Set<string>();
  for (const ws of texts) {
    inText.clear();
    for (const w of ws) for (const t of termsOf(w)) inText.add(t);
    for (const t of inText) dfMap.set(t, (dfMap.get(t) ?? 0) + 1);
  }
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  const [fewest, most] = n < 10 ? [1, n] : [2, 0.4 * n];
  for (const [t, d] of dfMap) if (d >= fewest && d <= most) ids.set(t, vocabulary.push(t) - 1);
  const idf = Float64Array.from(vocabulary, (t) => Math.log((n + 1) / dfMap.get(t)!));
  const kindWeight = Float64Array.from(vocabulary, (t) => WEIGHT[t[0] as keyof typeof WEIGHT] ?? 1);
  const tf = new Map<number, number>();
  const vectors = texts.map((ws) => {
    tf.clear();
    for (const w of ws) {
      for (const t of termsOf(w)) {
        const id = ids.get(t);
        if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
      }
    }
    const index = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const value = Float32Array.from(index, (i) => (1 + Math.log(tf.get(i)!)) * idf[i]! * kindWeight[i]!);
    let norm = 0;
    for (const x of value) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < value.length; j++) value[j]! /= norm;
    return { index, value };
  });
  return { vocabulary, vectors };
}

const dot = (v: SparseVector, centre: Float64Array) => {
  let s = 0;
  for (let j = 0; j < v.index.length; j++) s += v.value[j]! * centre[v.index[j]!]!;
  return s;
};

function normalise(centre: Float64Array): void {
  let s = 0;
  for (let i = 0; i < centre.length; i++) s += centre[i]! * centre[i]!;
  const norm = Math.sqrt(s) || 1;
  for (let i = 0; i < centre.length; i++) centre[i]! /= norm;
}

export interface Grouping {
  /** Each text's group, or −1 for a text with no terms in the vocabulary. */
  assignment: Int32Array;
  /** Unit-length centres, one per group, over the vocabulary. */
  centres: Float64Array[];
}

/** k-means++ seeds: each next seed drawn with probability growing with its distance (1 − cos) from the nearest seed so far. */
function seeds(vs: SparseVector[], members: number[], k: number, dims: number, random: Random): Float64Array[] {
  const centre = (i: number) => {
    const c = new Float64Array(dims);
    const v = vs[i]!;
    for (let j = 0; j < v.index.length; j++) c[v.index[j]!] = v.value[j]!;
    return c;
  };
  const centres = [centre(members[randomIndex(random, members.length)]!)];
  const distance = Float64Array.from(members, (i) => 1 - dot(vs[i]!, centres[0]!));
  while (centres.length < k) {
    let total = 0;
    for (const d of distance) total += Math.max(0, d);
    let r = random() * total;
    let pick = members.length - 1;
    for (let m = 0; m < members.length; m++) if ((r -= Math.max(0, distance[m]!)) <= 0) { pick = m; break; }
    const c = centre(members[pick]!);
    centres.push(c);
    for (let m = 0; m < members.length; m++) distance[m] = Math.min(distance[m]!, 1 - dot(vs[members[m]!]!, c));
  }
  return centres;
}

/** Spherical k-means over the texts that have terms: each text to the centre it is most alike, centres the normalised mean of their texts. From `start`'s centres if given, else from k-means++ seeds. */
export function kmeans(vs: SparseVector[], dims: number, k: number, seed = 1, iterations = 30, start?: Float64Array[]): Grouping {
  const random = mulberry32(seed);
  const members = vs.flatMap((v, i) => (v.index.length ? [i] : []));
  const assignment = new Int32Array(vs.length).fill(-1);
  if (!members.length) return { assignment, centres: [] };
  let centres = start?.map((c) => Float64Array.from(c)) ?? seeds(vs, members, Math.min(k, members.length), dims, random);
  for (let round = 0; round < iterations; round++) {
    let moved = 0;
    for (const i of members) {
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < centres.length; c++) {
        const sim = dot(vs[i]!, centres[c]!);
        if (sim > bestSim) (bestSim = sim), (best = c);
      }
      if (assignment[i] !== best) (assignment[i] = best), moved++;
    }
    const next = centres.map(() => new Float64Array(dims));
    const sizes = new Int32Array(centres.length);
    for (const i of members) {
      const c = assignment[i]!;
      sizes[c]!++;
      const v = vs[i]!;
      for (let j = 0; j < v.index.length; j++) next[c]![v.index[j]!]! += v.value[j]!;
    }
    // A group left empty keeps its old centre: the next round may give it texts again.
    centres = next.map((c, g) => (sizes[g] ? (normalise(c), c) : centres[g]!));
    if (!moved) break;
  }
  return { assignment, centres };
}

/** At most this many texts fit the directions and the groups; the rest are placed by them. */
export const FIT = 8000;

/** Up to `FIT` of the texts, evenly spread (all of them when there are no more). */
export function sampleOf<T>(all: T[]): T[] {
  if (all.length <= FIT) return all;
  return Array.from({ length: FIT }, (_, i) => all[Math.floor((i * all.length) / FIT)]!);
}

/** Orthonormalises the columns of an rows × cols matrix (row-major) in place, by modified Gram–Schmidt; a column that vanishes stays zero. */
function orthonormalise(m: Float64Array, rows: number, cols: number): void {
  for (let c = 0; c < cols; c++) {
    for (let p = 0; p < c; p++) {
      let d = 0;
      for (let r = 0; r < rows; r++) d += m[r * cols + c]! * m[r * cols + p]!;
      for (let r = 0; r < rows; r++) m[r * cols + c]! -= d * m[r * cols + p]!;
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += m[r * cols + c]! ** 2;
    norm = Math.sqrt(norm);
    for (let r = 0; r < rows; r++) m[r * cols + c] = norm > 1e-12 ? m[r * cols + c]! / norm : 0;
  }
}

/**
 * Latent semantic analysis: each text projected onto the `rank` directions of the term space
 * that carry most of the corpus's weight (the top right singular vectors of the text × term
 * matrix, found by subspace iteration), then made unit length again. Terms that keep company —
 * "lumi", "auraus" and "snö" in the same texts — come to point the same way, so two short texts
 * that share no term can still be alike. k-means by cosine is blind to a rotation of that
 * space, so the basis found is used as it is.
 */
export function reduce(all: SparseVector[], dims: number, rank = 80, seed = 1, rounds = 4): { vectors: SparseVector[]; dims: number } {
  const l = Math.min(rank, dims, all.length);
  if (l < 2) return { vectors: all, dims };
  // The directions are found on a sample (every text up to FIT, an even spread beyond), then every text is projected onto them.
  const vs = sampleOf(all);
  const random = mulberry32(seed);
  const basis = Float64Array.from({ length: dims * l }, () => random() - 0.5);
  orthonormalise(basis, dims, l);
  let projected = new Float64Array(vs.length * l);
  const project = (vs: SparseVector[]) => {
    projected = new Float64Array(vs.length * l);
    vs.forEach((v, i) => {
      for (let j = 0; j < v.index.length; j++) {
        const row = v.index[j]! * l;
        const x = v.value[j]!;
        for (let c = 0; c < l; c++) projected[i * l + c]! += x * basis[row + c]!;
      }
    });
  };
  for (let round = 0; round < rounds; round++) {
    project(vs);
    orthonormalise(projected, vs.length, l);
    basis.fill(0);
    vs.forEach((v, i) => {
      for (let j = 0; j < v.index.length; j++) {
        const row = v.index[j]! * l;
        const x = v.value[j]!;
        for (let c = 0; c < l; c++) basis[row + c]! += x * projected[i * l + c]!;
      }
    });
    orthonormalise(basis, dims, l);
  }
  project(all);
  const index = Int32Array.from({ length: l }, (_, c) => c);
  const vectors = all.map((v, i) => {
    if (!v.index.length) return v;
    const value = Float32Array.from(projected.subarray(i * l, (i + 1) * l));
    let norm = 0;
    for (const x of value) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < l; c++) value[c]! /= norm;
    return { index, value };
  });
  return { vectors, dims: l };
}

/** How alike two texts are (cosine: both are unit length), over their terms in common. */
export function alike(a: SparseVector, b: SparseVector): number {
  let s = 0;
  for (let i = 0, j = 0; i < a.index.length && j < b.index.length; ) {
    const d = a.index[i]! - b.index[j]!;
    if (d === 0) s += a.value[i++]! * b.value[j++]!;
    else if (d < 0) i++;
    else j++;
  }
  return s;
}

/** The similarity of text `i` to its group's centre. */
export const similarity = (v: SparseVector, centre: Float64Array) => dot(v, centre);
