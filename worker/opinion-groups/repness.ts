/**
 * What describes each group, and what the groups share or split on — after Pol.is
 * (github.com/compdemocracy/polis, math/src/polismath/math/repness.clj and stats.clj).
 *
 * Rates carry a Laplace prior, (n + 1) / (votes + 2), so a statement seen by two people is not
 * "100 % agreed". A statement is representative of a group in a direction (agree or disagree)
 * when, as in Pol.is's `passes-by-test?` but at the one-sided 95 % level (z > 1.645) rather than
 * Pol.is's 90 %:
 * - the group's rate differs from the other groups' rate: the two-proportion z-test, and
 * - the group itself leans that way: its rate is significantly above one half.
 * Candidates are ranked by Pol.is's metric ratio × z × rate × group z, and up to 5 are kept.
 * "The other groups" are the clustered participants outside the group, as in Pol.is; residents
 * with too few votes to be clustered are in no group and count for neither side.
 *
 * Consensus (broadest agreement): the statements whose agree rate is above one half in every
 * group, ranked by the lowest group's rate — agreement that does not depend on which group you ask.
 * Divisive: the statements whose agree rate varies most between groups (population variance of
 * the groups' rates, each group counted once whatever its size), among groups that cast at least
 * 3 votes on it, at least two such groups.
 */
import type { Repness, VoteCounts } from './types.ts';

/** One-sided 95 %. */
export const Z_95 = 1.6449;
const REPNESS_PER_GROUP = 5;
const LISTED = 10;
/** A group needs this many votes on a statement to count for its divisiveness. */
const MIN_GROUP_VOTES = 3;

/** Pol.is's one-proportion test against one half, with a pseudo-count of one. */
export function propTest(success: number, n: number): number {
  return 2 * Math.sqrt(n + 1) * ((success + 1) / (n + 1) - 0.5);
}

/** Pol.is's two-proportion z-test (pooled), with a pseudo-count of one on each count; 0 when undefined. */
export function twoPropTest(successIn: number, successOut: number, nIn: number, nOut: number): number {
  const s1 = successIn + 1;
  const s2 = successOut + 1;
  const n1 = nIn + 1;
  const n2 = nOut + 1;
  const pooled = (s1 + s2) / (n1 + n2);
  const spread = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return spread > 0 ? (s1 / n1 - s2 / n2) / spread : 0;
}

/** The rate with the Laplace prior. */
export const rate = (success: number, n: number) => (success + 1) / (n + 2);

/**
 * Vote counts per group and statement, from the clustered participants: a flat array,
 * [(g · S + j) · 3 + 0 | 1 | 2] = agree | disagree | pass.
 */
export function countByGroup(
  rowStart: Int32Array,
  cols: ArrayLike<number>,
  votes: Int8Array,
  assignment: Int32Array,
  k: number,
  S: number,
): Int32Array {
  const counts = new Int32Array(k * S * 3);
  for (let i = 0; i < assignment.length; i++) {
    const g = assignment[i]!;
    if (g < 0) continue;
    const base = g * S * 3;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const v = votes[p]!;
      counts[base + cols[p]! * 3 + (v > 0 ? 0 : v < 0 ? 1 : 2)]!++;
    }
  }
  return counts;
}

export function groupCounts(counts: Int32Array, S: number, g: number, j: number): VoteCounts {
  const at = (g * S + j) * 3;
  return { agree: counts[at]!, disagree: counts[at + 1]!, pass: counts[at + 2]! };
}

/** Up to 5 statements that set group g apart from the other groups, most representative first (lower index on a tie). */
export function representative(counts: Int32Array, k: number, S: number, g: number): Repness[] {
  if (k < 2) return [];
  const found: { repness: Repness; metric: number }[] = [];
  for (let j = 0; j < S; j++) {
    const { agree, disagree, pass } = groupCounts(counts, S, g, j);
    const n = agree + disagree + pass;
    let outAgree = 0;
    let outDisagree = 0;
    let outN = 0;
    for (let h = 0; h < k; h++) {
      if (h === g) continue;
      const c = groupCounts(counts, S, h, j);
      outAgree += c.agree;
      outDisagree += c.disagree;
      outN += c.agree + c.disagree + c.pass;
    }
    if (n === 0) continue;
    const za = twoPropTest(agree, outAgree, n, outN);
    const zd = twoPropTest(disagree, outDisagree, n, outN);
    // As Pol.is's finalize-cmt-stats: the direction with the larger z (disagree on a tie).
    const direction = za > zd ? 'agree' : 'disagree';
    const success = direction === 'agree' ? agree : disagree;
    const outSuccess = direction === 'agree' ? outAgree : outDisagree;
    const z = direction === 'agree' ? za : zd;
    const groupZ = propTest(success, n);
    if (!(z > Z_95 && groupZ > Z_95)) continue;
    const groupRate = rate(success, n);
    const ratio = groupRate / rate(outSuccess, outN);
    found.push({
      repness: {
        statement: j,
        direction,
        agree,
        disagree,
        pass,
        groupRate,
        othersAgreeRate: rate(outAgree, outN),
        othersDisagreeRate: rate(outDisagree, outN),
        ratio,
        z,
        groupZ,
      },
      metric: ratio * z * groupRate * groupZ,
    });
  }
  found.sort((a, b) => b.metric - a.metric || a.repness.statement - b.repness.statement);
  return found.slice(0, REPNESS_PER_GROUP).map((f) => f.repness);
}

/**
 * Broadest agreement first: statements agreed with by more than half of every group (rates with
 * the prior), ranked by the lowest group's agree rate, then the overall agree rate, then index.
 * With no groups (nobody clustered) everyone who voted counts as one group.
 */
export function consensus(counts: Int32Array, k: number, S: number, overall: { agree: Int32Array; disagree: Int32Array; pass: Int32Array }): number[] {
  const ranked: { statement: number; lowest: number; whole: number }[] = [];
  for (let j = 0; j < S; j++) {
    const total = overall.agree[j]! + overall.disagree[j]! + overall.pass[j]!;
    const whole = rate(overall.agree[j]!, total);
    let lowest = k === 0 ? whole : Infinity;
    for (let g = 0; g < k; g++) {
      const c = groupCounts(counts, S, g, j);
      lowest = Math.min(lowest, rate(c.agree, c.agree + c.disagree + c.pass));
    }
    if (lowest > 0.5) ranked.push({ statement: j, lowest, whole });
  }
  ranked.sort((a, b) => b.lowest - a.lowest || b.whole - a.whole || a.statement - b.statement);
  return ranked.slice(0, LISTED).map((r) => r.statement);
}

/** Most divisive first: the variance of the groups' agree rates (see above), then index. */
export function divisive(counts: Int32Array, k: number, S: number): number[] {
  const ranked: { statement: number; spread: number }[] = [];
  const rates = new Float64Array(k);
  for (let j = 0; j < S; j++) {
    let m = 0;
    for (let g = 0; g < k; g++) {
      const c = groupCounts(counts, S, g, j);
      const n = c.agree + c.disagree + c.pass;
      if (n >= MIN_GROUP_VOTES) rates[m++] = rate(c.agree, n);
    }
    if (m < 2) continue;
    let mean = 0;
    for (let i = 0; i < m; i++) mean += rates[i]! / m;
    let spread = 0;
    for (let i = 0; i < m; i++) spread += (rates[i]! - mean) ** 2 / m;
    if (spread > 1e-12) ranked.push({ statement: j, spread });
  }
  ranked.sort((a, b) => b.spread - a.spread || a.statement - b.statement);
  return ranked.slice(0, LISTED).map((r) => r.statement);
}
