/**
 * The two principal components of the centred vote matrix, and each participant's place on them —
 * Pol.is's opinion map (github.com/compdemocracy/polis, math/src/polismath/math/pca.clj).
 *
 * Power iteration with deflation, as Pol.is does: the top eigenvector of XᵀX is found by
 * repeating v ← XᵀX·v / ‖XᵀX·v‖, and the second the same way with the first projected out of
 * every iterate (which is what factoring it out of X does). XᵀX·v is computed as Σᵢ (xᵢ·v) xᵢ
 * over the sparse rows — O(votes) per step — so no S × S covariance and no dense P × S matrix is
 * ever built. The rows are centred on the fly (see matrix.ts: a missing vote centres to 0).
 *
 * Projection is Pol.is's sparsity-aware one: only the votes cast contribute, and the result is
 * scaled by √(statements / votes cast), so that someone who voted on few statements is not pulled
 * towards the centre merely for having said little.
 */
import type { VoteMatrix } from './matrix.ts';
import type { Random } from './random.ts';

export interface Principal {
  components: [Float64Array, Float64Array];
  /** The eigenvalues of XᵀX found for each (0 for a zero component). */
  eigenvalues: [number, number];
  /** Power-iteration steps taken for each. */
  iterations: [number, number];
}

/** Power iteration stops when 1 − |cos| between successive iterates is below this. */
const TOLERANCE = 1e-10;
/** And in any case after this many steps (Pol.is stops at 100; a near tie of eigenvalues needs more). */
const MAX_ITERATIONS = 300;
/** An eigenvalue below this fraction of the total variance is rounding error: no axis there. */
const ZERO = 1e-12;

/** w += XᵀX·v over the centred sparse rows. */
function addXtXv(m: VoteMatrix, v: Float64Array, w: Float64Array): void {
  const { rowStart, cols, votes, means } = m;
  for (let i = 0; i < m.participants; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    let dot = 0;
    for (let k = start; k < end; k++) {
      const j = cols[k]!;
      dot += (votes[k]! - means[j]!) * v[j]!;
    }
    if (dot === 0) continue;
    for (let k = start; k < end; k++) {
      const j = cols[k]!;
      w[j]! += dot * (votes[k]! - means[j]!);
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

/** v ← v − Σ (v·p) p over unit vectors p (Gram–Schmidt). */
function removeFrom(v: Float64Array, previous: Float64Array[]): void {
  for (const p of previous) {
    const c = dot(v, p);
    if (c !== 0) for (let j = 0; j < v.length; j++) v[j]! -= c * p[j]!;
  }
}

/** Scales v to unit length; returns its former length. */
function normalise(v: Float64Array): number {
  const length = Math.sqrt(dot(v, v));
  if (length > 0) for (let j = 0; j < v.length; j++) v[j]! /= length;
  return length;
}

/**
 * Fixes the sign, which power iteration leaves arbitrary: the entry of largest magnitude (the
 * first such) is made positive, so the same votes always draw the same map.
 */
function fixSign(v: Float64Array): void {
  let at = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]!) > Math.abs(v[at]!)) at = j;
  if (v[at]! < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j]!;
}

function topComponent(m: VoteMatrix, previous: Float64Array[], random: Random, variance: number): { vector: Float64Array; value: number; iterations: number } {
  const S = m.statements;
  let v = new Float64Array(S);
  let w = new Float64Array(S);
  for (let j = 0; j < S; j++) v[j] = random() - 0.5;
  removeFrom(v, previous);
  if (variance === 0 || normalise(v) === 0) return { vector: new Float64Array(S), value: 0, iterations: 0 };
  let value = 0;
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    w.fill(0);
    addXtXv(m, v, w);
    removeFrom(w, previous);
    value = normalise(w);
    if (value <= ZERO * variance) return { vector: new Float64Array(S), value: 0, iterations };
    const cos = Math.abs(dot(v, w));
    [v, w] = [w, v];
    if (1 - cos < TOLERANCE) break;
  }
  fixSign(v);
  return { vector: v, value, iterations };
}

/** The top two principal axes of the centred vote matrix (all its rows). */
export function principalComponents(m: VoteMatrix, random: Random): Principal {
  // The trace of XᵀX, the total variance: the scale against which an eigenvalue counts as zero.
  let variance = 0;
  for (let k = 0; k < m.votes.length; k++) {
    const x = m.votes[k]! - m.means[m.cols[k]!]!;
    variance += x * x;
  }
  const first = topComponent(m, [], random, variance);
  const second = topComponent(m, first.value > 0 ? [first.vector] : [], random, variance);
  // With no first axis there is no second either (the residual is the whole, zero, matrix).
  if (first.value === 0) second.vector.fill(0);
  return {
    components: [first.vector, second.vector],
    eigenvalues: [first.value, first.value === 0 ? 0 : second.value],
    iterations: [first.iterations, second.iterations],
  };
}

/**
 * Places one participant, given their votes as parallel statement / vote arrays (from `start` to
 * `end`): Σ (vote − mean) · component over the votes cast, times √(statements / votes cast).
 * Returns [NaN, NaN] when they cast none.
 */
export function project(
  cols: ArrayLike<number>,
  votes: ArrayLike<number>,
  start: number,
  end: number,
  means: Float64Array,
  components: [Float64Array, Float64Array],
): [number, number] {
  const n = end - start;
  if (n <= 0) return [NaN, NaN];
  const [c0, c1] = components;
  let x = 0;
  let y = 0;
  for (let k = start; k < end; k++) {
    const j = cols[k]!;
    const centred = votes[k]! - means[j]!;
    x += centred * c0[j]!;
    y += centred * c1[j]!;
  }
  const scale = Math.sqrt(means.length / n);
  return [x * scale, y * scale];
}
