import { describe, expect, it } from 'vitest';
import { closestGroup, opinionGroups } from './index.ts';
import type { OpinionModel, Vote, VoteRow } from './index.ts';
import { mulberry32 } from './random.ts';
import { adjustedRand } from '../../test/support/agreement.ts';


const randomVote = (random: () => number): Vote => (Math.floor(random() * 3) - 1) as Vote;

/**
 * Three planted groups of equal size (participant i is in group i % 3) over blocks of 10
 * statements: group g agrees with block g and disagrees with block g + 1 (mod 3); everything
 * else, and block 3 for everyone, is a random vote. 15 % of votes are replaced by a random one,
 * 30 % are missing. With `extras`: statement 40 everyone agrees with (same noise), and
 * statement 41, which group 0 agrees with and groups 1 and 2 disagree with (no noise).
 */
function planted(options: { participants?: number; seed?: number; extras?: boolean } = {}) {
  const participants = options.participants ?? 300;
  const statements = options.extras ? 42 : 40;
  const random = mulberry32(options.seed ?? 7);
  const groups = new Int32Array(participants);
  const votes: VoteRow[] = [];
  for (let i = 0; i < participants; i++) {
    const g = i % 3;
    groups[i] = g;
    for (let j = 0; j < statements; j++) {
      if (random() < 0.3) continue;
      const block = Math.floor(j / 10);
      let vote: Vote;
      if (j === 41) vote = g === 0 ? 1 : -1;
      else {
        vote = j === 40 ? 1 : block === g ? 1 : block === (g + 1) % 3 ? -1 : randomVote(random);
        if (random() < 0.15) vote = randomVote(random);
      }
      votes.push({ participant: i, statement: j, vote });
    }
  }
  return { votes, groups, size: { participants, statements } };
}

/** For each found group, the planted group most of its members came from. */
function plantedOf(model: OpinionModel, groups: Int32Array): number[] {
  return model.groups.map((group) => {
    const tally = [0, 0, 0];
    for (let i = 0; i < groups.length; i++) if (model.assignment[i] === group.id) tally[groups[i]!]!++;
    return tally.indexOf(Math.max(...tally));
  });
}

function expectNoNaN(model: OpinionModel): void {
  expect(Number.isFinite(model.silhouette)).toBe(true);
  for (const c of model.components) for (const x of c) expect(Number.isFinite(x)).toBe(true);
  for (const x of model.means) expect(Number.isFinite(x)).toBe(true);
  for (const g of model.groups) {
    expect(g.centre.every(Number.isFinite)).toBe(true);
    expect(g.size).toBeGreaterThan(0);
    for (const r of g.repness) expect([r.groupRate, r.othersAgreeRate, r.othersDisagreeRate, r.ratio, r.z, r.groupZ].every(Number.isFinite)).toBe(true);
  }
}

describe('opinion groups on three planted groups', () => {
  const data = planted();
  const model = opinionGroups(data.votes, data.size, { seed: 3 });

  it('finds the three groups (k = 3, adjusted Rand ≥ 0.9 against the planted ones)', () => {
    expect(model.k).toBe(3);
    expect(model.clustered).toBe(300);
    expect(model.silhouette).toBeGreaterThan(0.5);
    expect(adjustedRand(model.assignment, data.groups)).toBeGreaterThanOrEqual(0.9);
    expect(new Set(plantedOf(model, data.groups)).size).toBe(3);
    expect(model.groups.map((g) => g.size).reduce((a, b) => a + b)).toBe(300);
    // Ids: largest first.
    for (let g = 1; g < model.k; g++) expect(model.groups[g]!.size).toBeLessThanOrEqual(model.groups[g - 1]!.size);
    expectNoNaN(model);
  });

  it('describes each group by statements of its own planted blocks, in the right direction', () => {
    const origin = plantedOf(model, data.groups);
    for (const group of model.groups) {
      const g = origin[group.id]!;
      expect(group.repness.length).toBeGreaterThanOrEqual(3);
      for (const r of group.repness) {
        const block = Math.floor(r.statement / 10);
        expect(block, JSON.stringify(r)).toBe(r.direction === 'agree' ? g : (g + 1) % 3);
        expect(r.z).toBeGreaterThan(1.645);
        // The counts are the group's own, and lean the way the direction says.
        const own = model.statementsStats[r.statement]!.byGroup[group.id]!;
        expect({ agree: r.agree, disagree: r.disagree, pass: r.pass }).toEqual(own);
        if (r.direction === 'agree') expect(r.groupRate).toBeGreaterThan(r.othersAgreeRate);
        else expect(r.groupRate).toBeGreaterThan(r.othersDisagreeRate);
      }
    }
  });

  it('counts every vote once, overall and per group', () => {
    let total = 0;
    for (const s of model.statementsStats) {
      total += s.agree + s.disagree + s.pass;
      for (const key of ['agree', 'disagree', 'pass'] as const) expect(s.byGroup.reduce((n, c) => n + c[key], 0)).toBe(s[key]);
    }
    expect(total).toBe(data.votes.length);
  });

  it('gives the same groups for the same votes and seed, and the same partition for another seed', () => {
    const again = opinionGroups(data.votes, data.size, { seed: 3 });
    expect(again.assignment).toEqual(model.assignment);
    expect(again.projection).toEqual(model.projection);
    expect(again.groups).toEqual(model.groups);
    const other = opinionGroups(data.votes, data.size, { seed: 99 });
    expect(other.k).toBe(3);
    expect(adjustedRand(other.assignment, model.assignment)).toBeGreaterThanOrEqual(0.95);
  });

  it('places a new resident who votes like a group in that group, and nobody with 2 votes', () => {
    const origin = plantedOf(model, data.groups);
    for (let g = 0; g < 3; g++) {
      const votes = [
        ...Array.from({ length: 10 }, (_, j) => ({ statement: g * 10 + j, vote: 1 as const })),
        ...Array.from({ length: 10 }, (_, j) => ({ statement: ((g + 1) % 3) * 10 + j, vote: -1 as const })),
      ];
      const placed = closestGroup(model, votes);
      expect(placed).not.toBeNull();
      expect(origin[placed!.group]).toBe(g);
      expect(Number.isFinite(placed!.distance)).toBe(true);
      // Fewer votes than the group's members cast on average: still the same group.
      expect(origin[closestGroup(model, votes.filter((_, n) => n % 2 === 0))!.group]).toBe(g);
    }
    expect(closestGroup(model, [{ statement: 0, vote: 1 }, { statement: 1, vote: 1 }])).toBeNull();
    // The same statement twice is one vote; a statement the model does not know is none.
    const repeated = Array.from({ length: 7 }, () => ({ statement: 0, vote: 1 as const }));
    expect(closestGroup(model, [...repeated, { statement: 500, vote: 1 }])).toBeNull();
  });
});

describe('the opinion map', () => {
  it('is the top two eigenvectors of XᵀX for the dense matrix with holes filled by column means, and places people as Pol.is does', () => {
    const data = planted({ participants: 90, seed: 4 });
    const { participants: P, statements: S } = data.size;
    const model = opinionGroups(data.votes, data.size);
    // The dense reference: holes filled with the column's mean, then columns centred.
    const cast: (number | null)[][] = Array.from({ length: P }, () => new Array(S).fill(null));
    for (const v of data.votes) cast[v.participant]![v.statement] = v.vote;
    const means = Array.from({ length: S }, (_, j) => {
      const col = cast.map((row) => row[j]).filter((x): x is number => x !== null);
      return col.reduce((a, b) => a + b, 0) / col.length;
    });
    expect([...model.means].map((x, j) => x - means[j]!).every((d) => Math.abs(d) < 1e-12)).toBe(true);
    const filled = cast.map((row) => row.map((x, j) => (x ?? means[j]!)));
    const colMean = means.map((_, j) => filled.reduce((s, row) => s + row[j]!, 0) / P);
    const X = filled.map((row) => row.map((x, j) => x - colMean[j]!));
    const C = Array.from({ length: S }, (_, a) => Array.from({ length: S }, (_, b) => X.reduce((s, row) => s + row[a]! * row[b]!, 0)));
    const times = (v: ArrayLike<number>) => C.map((row) => row.reduce((s, c, b) => s + c * v[b]!, 0));
    const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i]!, 0);
    // Dense power iteration from another start, 2,000 steps, the second with the first deflated.
    const reference: number[][] = [];
    for (let c = 0; c < 2; c++) {
      let v = Array.from({ length: S }, (_, j) => 1 + j / S);
      for (let step = 0; step < 2000; step++) {
        let w = times(v);
        for (const r of reference) w = w.map((x, j) => x - dot(w, r) * r[j]!);
        const length = Math.sqrt(dot(w, w));
        v = w.map((x) => x / length);
      }
      reference.push(v);
    }
    const [c0, c1] = model.components;
    expect(Math.abs(dot(c0, reference[0]!))).toBeGreaterThan(0.9999);
    expect(Math.abs(dot(c1, reference[1]!))).toBeGreaterThan(0.9999);
    expect(Math.abs(dot(c0, c0) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(dot(c0, c1))).toBeLessThan(1e-6);
    expect(dot(c0, times(c0))).toBeGreaterThan(dot(c1, times(c1)));
    // Each resident: their centred row on each axis, times √(statements / votes cast).
    for (let i = 0; i < P; i++) {
      const n = cast[i]!.filter((x) => x !== null).length;
      const scale = Math.sqrt(S / n);
      expect(model.projection[2 * i]).toBeCloseTo(dot(X[i]!, c0) * scale, 4);
      expect(model.projection[2 * i + 1]).toBeCloseTo(dot(X[i]!, c1) * scale, 4);
    }
  });
});

describe('consensus and divisiveness', () => {
  const data = planted({ extras: true, seed: 11 });
  const model = opinionGroups(data.votes, data.size);

  it('puts the statement everyone agrees with first in consensus, and the one that splits the groups first in divisive', () => {
    expect(model.k).toBe(3);
    expect(model.consensus[0]).toBe(40);
    expect(model.divisive[0]).toBe(41);
    expect(model.divisive.length).toBe(10);
    // Block statements split the groups too; a random block splits nobody; statement 40 is not divisive.
    for (const j of model.divisive) expect(j === 41 || j < 30).toBe(true);
    // Agreement has to hold in every group: no block statement is consensus.
    expect(model.consensus.every((j) => j === 40 || (j >= 30 && j < 40))).toBe(true);
    const stats = model.statementsStats[40]!;
    for (const g of stats.byGroup) expect(g.agree).toBeGreaterThan(g.disagree + g.pass);
  });
});

describe('who is clustered', () => {
  it('leaves participants with fewer than minVotes votes out (assignment −1, no projection)', () => {
    const data = planted({ seed: 5 });
    // Participants 0..9 keep only their first 6 votes; 10..19 exactly 7.
    const seen = new Int32Array(data.size.participants);
    const votes = data.votes.filter((v) => (v.participant < 10 ? seen[v.participant]!++ < 6 : v.participant < 20 ? seen[v.participant]!++ < 7 : true));
    const model = opinionGroups(votes, data.size);
    expect(model.clustered).toBe(290);
    for (let i = 0; i < 10; i++) {
      expect(model.assignment[i]).toBe(-1);
      expect(Number.isNaN(model.projection[2 * i]!)).toBe(true);
    }
    for (let i = 10; i < 300; i++) {
      expect(model.assignment[i]).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(model.projection[2 * i]!)).toBe(true);
    }
    expect(adjustedRand(model.assignment, data.groups)).toBeGreaterThanOrEqual(0.9);
    // minVotes is a parameter: at 30, only those who voted on 30 or more statements are grouped.
    const strict = opinionGroups(votes, data.size, { minVotes: 30 });
    const counts = new Int32Array(300);
    for (const v of votes) counts[v.participant]!++;
    for (let i = 0; i < 300; i++) expect(strict.assignment[i]! >= 0).toBe(counts[i]! >= 30);
  });

  it('counts a changed vote once, the last one', () => {
    const votes: VoteRow[] = [];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 7; j++) votes.push({ participant: i, statement: j, vote: i < 2 ? 1 : -1 });
    votes.push({ participant: 0, statement: 0, vote: -1 });
    const model = opinionGroups(votes, { participants: 4, statements: 7 });
    expect(model.statementsStats[0]).toMatchObject({ agree: 1, disagree: 3, pass: 0 });
    expect(model.clustered).toBe(4);
  });

  it('refuses votes outside the matrix or other than −1, 0, 1', () => {
    const size = { participants: 2, statements: 2 };
    expect(() => opinionGroups([{ participant: 2, statement: 0, vote: 1 }], size)).toThrow(RangeError);
    expect(() => opinionGroups([{ participant: 0, statement: -1, vote: 1 }], size)).toThrow(RangeError);
    expect(() => opinionGroups([{ participant: 0, statement: 0, vote: 2 as Vote }], size)).toThrow(RangeError);
    expect(() => opinionGroups([], size, { minVotes: 0 })).toThrow(RangeError);
  });
});

describe('degenerate input', () => {
  it('with no votes at all: no groups (k = 0), nothing NaN but the projections', () => {
    for (const size of [{ participants: 5, statements: 3 }, { participants: 0, statements: 0 }]) {
      const model = opinionGroups([], size);
      expect(model).toMatchObject({ k: 0, clustered: 0, silhouette: 0, groups: [], consensus: [], divisive: [] });
      expect([...model.assignment]).toEqual(new Array(size.participants).fill(-1));
      expect([...model.projection].every(Number.isNaN)).toBe(true);
      expectNoNaN(model);
      expect(closestGroup(model, [{ statement: 0, vote: 1 }])).toBeNull();
    }
  });

  it('with one statement: a vote on it is enough (fewer statements than minVotes), and the agreeing and the disagreeing are two groups', () => {
    const votes: VoteRow[] = Array.from({ length: 20 }, (_, i) => ({ participant: i, statement: 0, vote: i < 12 ? 1 : -1 }));
    const model = opinionGroups(votes, { participants: 21, statements: 1 });
    expect(model).toMatchObject({ k: 2, clustered: 20, minVotes: 1 });
    expect(model.assignment[20]).toBe(-1);
    expect(model.groups.map((g) => g.size)).toEqual([12, 8]);
    expect(model.silhouette).toBe(1);
    expect([...model.components[1]]).toEqual([0]);
    expect(model.groups[0]!.repness.map((r) => r.direction)).toEqual(['agree']);
    expect(model.groups[1]!.repness.map((r) => r.direction)).toEqual(['disagree']);
    expect(model.divisive).toEqual([0]);
    expect(model.consensus).toEqual([]);
    expect(closestGroup(model, [{ statement: 0, vote: -1 }])!.group).toBe(1);
    expectNoNaN(model);
  });

  it('when everyone votes alike: one group of everyone (k = 1), zero components, no representative statements', () => {
    const votes: VoteRow[] = [];
    for (let i = 0; i < 50; i++) for (let j = 0; j < 10; j++) votes.push({ participant: i, statement: j, vote: 1 });
    const model = opinionGroups(votes, { participants: 50, statements: 10 });
    expect(model.k).toBe(1);
    expect(model.silhouette).toBe(0);
    expect(model.groups).toEqual([{ id: 0, size: 50, centre: [0, 0], repness: [] }]);
    expect([...model.components[0], ...model.components[1]].every((x) => x === 0)).toBe(true);
    expect(model.consensus).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(model.divisive).toEqual([]);
    expect([...model.assignment].every((g) => g === 0)).toBe(true);
    expect(closestGroup(model, Array.from({ length: 7 }, (_, j) => ({ statement: j, vote: -1 as const })))).toEqual({ group: 0, distance: 0 });
    expectNoNaN(model);
  });

  it('with a single clustered participant: one group of one', () => {
    const votes: VoteRow[] = Array.from({ length: 8 }, (_, j) => ({ participant: 1, statement: j, vote: j % 2 ? 1 : -1 }));
    const model = opinionGroups(votes, { participants: 3, statements: 8 });
    expect(model).toMatchObject({ k: 1, clustered: 1, silhouette: 0 });
    expect(model.groups[0]!.size).toBe(1);
    expect([...model.assignment]).toEqual([-1, 0, -1]);
    expectNoNaN(model);
  });
});
