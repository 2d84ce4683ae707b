/**
 * Opinion groups, as Pol.is computes them (github.com/compdemocracy/polis,
 * math/src/polismath/math/): residents vote agree (+1), disagree (−1) or pass (0) on statements,
 * most on only some of them, and from those votes we find
 * 1. an opinion map: the two principal components of the vote matrix (missing votes filled with
 *    the statement's mean, columns centred), each resident placed on it with Pol.is's
 *    sparsity-aware scaling (pca.ts, on the sparse matrix of matrix.ts);
 * 2. groups: k-means on the map, k from 2..5 by silhouette (kmeans.ts; at most 2 + n/12 groups
 *    for n residents, as Pol.is), for residents with at least `minVotes` votes (or a vote on
 *    every statement, when there are fewer statements than that — Pol.is's rule too);
 * 3. what sets each group apart, what all groups agree on, and what splits them (repness.ts).
 * Everyone's votes shape the means and the axes (Pol.is runs its PCA on every participant);
 * only the clustering is limited to those with enough votes.
 * `closestGroup` then places one more resident on the stored map.
 *
 * Pure computation: typed arrays, no dependencies, no Node APIs; deterministic for a given seed.
 *
 * Degenerate input never throws (only out-of-range indices or votes do) and never yields NaN in a
 * group: with nobody clustered (no votes, or nobody with minVotes votes) k = 0 and there are no
 * groups; when every clustered resident lands on the same point (e.g. everyone voted alike, so
 * the votes have no variance and both components are zero) k = 1, one group of everyone, with
 * no representative statements (there is no one outside it to differ from) and silhouette 0.
 */
import { chooseClustering } from './kmeans.ts';
import { buildVoteMatrix, checkVote, votesOf } from './matrix.ts';
import { principalComponents, project } from './pca.ts';
import { mulberry32 } from './random.ts';
import { consensus, countByGroup, divisive, groupCounts, representative } from './repness.ts';
import type { OpinionGroup, OpinionModel, OpinionOptions, StatementStats, Vote, VoteRow } from './types.ts';

export type { OpinionGroup, OpinionModel, OpinionOptions, Repness, StatementStats, Vote, VoteCounts, VoteRow } from './types.ts';

/** Pol.is clusters participants with at least 7 votes. */
export const MIN_VOTES = 7;
export const MAX_K = 5;
const DEFAULT_SEED = 1;

function wholeAtLeast(value: number, least: number, what: string): number {
  if (!Number.isInteger(value) || value < least) throw new RangeError(`${what} must be a whole number ≥ ${least}, not ${value}`);
  return value;
}

export function opinionGroups(votes: VoteRow[] | Iterable<VoteRow>, size: { participants: number; statements: number }, options: OpinionOptions = {}): OpinionModel {
  const minVotes = wholeAtLeast(options.minVotes ?? MIN_VOTES, 1, 'minVotes');
  const maxK = wholeAtLeast(options.maxK ?? MAX_K, 1, 'maxK');
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const m = buildVoteMatrix(votes, size);
  const P = m.participants;
  const S = m.statements;
  // As Pol.is's in-conv: at least minVotes votes, or every statement when there are fewer.
  const threshold = Math.max(1, Math.min(minVotes, S));

  const { components } = principalComponents(m, random);

  // The residents with enough votes, placed on the map.
  const projection = new Float32Array(2 * P).fill(NaN);
  const members: number[] = [];
  for (let i = 0; i < P; i++) if (votesOf(m, i) >= threshold) members.push(i);
  const n = members.length;
  const points = new Float64Array(2 * n);
  for (let c = 0; c < n; c++) {
    const i = members[c]!;
    const [x, y] = project(m.cols, m.votes, m.rowStart[i]!, m.rowStart[i + 1]!, m.means, components);
    points[2 * c] = x;
    points[2 * c + 1] = y;
    projection[2 * i] = x;
    projection[2 * i + 1] = y;
  }

  // As Pol.is's max-k-fn: no more than 2 + n/12 groups, so a handful of residents is not split five ways.
  const chosen = chooseClustering(points, n, Math.min(maxK, 2 + Math.floor(n / 12)), random);
  const { k, centres } = chosen.clustering;

  // Group ids: largest group first; equal sizes by centre x, then y (so ids do not depend on
  // which restart found the clustering).
  const sizes = new Int32Array(k);
  for (let c = 0; c < n; c++) sizes[chosen.clustering.assignment[c]!]!++;
  const order = Array.from({ length: k }, (_, g) => g).sort(
    (a, b) => sizes[b]! - sizes[a]! || centres[2 * a]! - centres[2 * b]! || centres[2 * a + 1]! - centres[2 * b + 1]! || a - b,
  );
  const idOf = new Int32Array(k);
  order.forEach((old, id) => (idOf[old] = id));
  const assignment = new Int32Array(P).fill(-1);
  for (let c = 0; c < n; c++) assignment[members[c]!] = idOf[chosen.clustering.assignment[c]!]!;

  const counts = countByGroup(m.rowStart, m.cols, m.votes, assignment, k, S);
  const groups: OpinionGroup[] = order.map((old, id) => ({
    id,
    size: sizes[old]!,
    centre: [centres[2 * old]!, centres[2 * old + 1]!],
    repness: representative(counts, k, S, id),
  }));
  const statementsStats: StatementStats[] = Array.from({ length: S }, (_, j) => ({
    statement: j,
    agree: m.agree[j]!,
    disagree: m.disagree[j]!,
    pass: m.pass[j]!,
    byGroup: Array.from({ length: k }, (_, g) => groupCounts(counts, S, g, j)),
  }));

  return {
    participants: P,
    statements: S,
    clustered: n,
    minVotes: threshold,
    k,
    silhouette: chosen.silhouette,
    means: m.means,
    components,
    groups,
    statementsStats,
    consensus: consensus(counts, k, S, m),
    divisive: divisive(counts, k, S),
    assignment,
    projection,
  };
}

/**
 * The group nearest to one resident's votes on the stored map (their votes projected with the
 * model's means and components, scaled as everyone's were), and their distance to its centre.
 * Null when they have fewer than the model's minVotes votes on its statements, or the model has
 * no groups. A statement the model does not know (added since) is ignored; when a statement
 * appears twice the last vote counts. Equal distances go to the lower group id.
 */
export function closestGroup(model: OpinionModel, votes: { statement: number; vote: Vote }[]): { group: number; distance: number } | null {
  const last = new Map<number, Vote>();
  for (const { statement, vote } of votes) {
    if (!Number.isInteger(statement) || statement < 0) throw new RangeError(`statement ${statement} is not an index`);
    checkVote(vote);
    if (statement < model.statements) last.set(statement, vote);
  }
  if (model.k === 0 || last.size < model.minVotes) return null;
  const [x, y] = project([...last.keys()], [...last.values()], 0, last.size, model.means, model.components);
  let group = -1;
  let distance = Infinity;
  for (const g of model.groups) {
    const d = Math.hypot(x - g.centre[0], y - g.centre[1]);
    if (d < distance) {
      distance = d;
      group = g.id;
    }
  }
  return { group, distance };
}
