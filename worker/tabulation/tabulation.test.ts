import { describe, expect, it } from 'vitest';
import type { PollOption } from '../schema/polls.ts';
import { budgetBallotProblem, fundedSet, fundingOrder } from './budget.ts';
import { lotNumber } from './lot.ts';
import { RankedTally, bordaCount, instantRunoff } from './ranked.ts';

const profile = (ballots: number, ...ranking: string[]) => ({ ballots, ranking });

describe('instant runoff and Borda on published worked examples', () => {
  // Wikipedia, "Instant-runoff voting" and "Borda count": Tennessee's capital, per 100 voters.
  const tennessee = [
    profile(42, 'memphis', 'nashville', 'chattanooga', 'knoxville'),
    profile(26, 'nashville', 'chattanooga', 'knoxville', 'memphis'),
    profile(15, 'chattanooga', 'knoxville', 'nashville', 'memphis'),
    profile(17, 'knoxville', 'chattanooga', 'nashville', 'memphis'),
  ];
  const cities = ['memphis', 'nashville', 'chattanooga', 'knoxville'];

  it('elects Knoxville by instant runoff in three rounds, as the article counts it', () => {
    const { rounds, winner } = instantRunoff('tn', cities, tennessee);
    expect(rounds.map((r) => Object.fromEntries(r.counts.map((c) => [c.id, c.votes])))).toEqual([
      { memphis: 42, nashville: 26, chattanooga: 15, knoxville: 17 },
      { memphis: 42, nashville: 26, knoxville: 32 },
      { memphis: 42, knoxville: 58 },
    ]);
    expect(rounds.map((r) => r.eliminated)).toEqual(['chattanooga', 'nashville', null]);
    expect(winner).toBe('knoxville');
  });

  it('gives Nashville 194, Chattanooga 173, Memphis 126 and Knoxville 107 Borda points, as the article does', () => {
    expect(bordaCount(cities, tennessee)).toEqual([
      { id: 'nashville', points: 194 },
      { id: 'chattanooga', points: 173 },
      { id: 'memphis', points: 126 },
      { id: 'knoxville', points: 107 },
    ]);
  });

  it('counts a majority of the ballots still counting, not of all ballots, once some are exhausted', () => {
    // 5 rank only C; after C goes, they are exhausted: A's 8 of the 15 still counting is a majority, not of 20.
    const { rounds, winner } = instantRunoff('ex', ['a', 'b', 'c'], [profile(8, 'a'), profile(7, 'b'), profile(4, 'c'), profile(1, 'c', 'b')]);
    expect(rounds[0]).toMatchObject({ exhausted: 0, eliminated: 'c' });
    expect(rounds[1]).toMatchObject({ exhausted: 4, counts: [{ id: 'a', votes: 8 }, { id: 'b', votes: 8 }] });
    // 8–8: a tie for the fewest, broken by round 1, where A had 8 and B 7: B goes, and A is the last left.
    expect(rounds[1]!.eliminated).toBe('b');
    expect(rounds[1]!.tieBreak).toBe('earlier_rounds');
    expect(winner).toBe('a');
  });

  it('breaks a tie that every round shares by lot, the same way every time', () => {
    const profiles = [profile(3, 'a', 'c'), profile(3, 'b', 'c'), profile(5, 'c')];
    const first = instantRunoff('lot-poll', ['a', 'b', 'c'], profiles);
    const loser = lotNumber('lot-poll', 1, 'a') < lotNumber('lot-poll', 1, 'b') ? 'a' : 'b';
    expect(first.rounds[0]).toMatchObject({ eliminated: loser, tieBreak: 'lot' });
    // The eliminated one's 3 go to C: 8 of 11.
    expect(first.winner).toBe('c');
    expect(instantRunoff('lot-poll', ['a', 'b', 'c'], profiles)).toEqual(first);
  });

  it('says there is no winner without ballots, and lets a lone option win', () => {
    expect(instantRunoff('none', ['a', 'b'], [])).toEqual({ rounds: [], winner: null });
    const everyoneExhausted = instantRunoff('x', ['a', 'b'], [profile(2, 'a'), profile(2, 'b')]);
    expect(everyoneExhausted.rounds).toHaveLength(2);
    expect(everyoneExhausted.winner).not.toBeNull();
  });

  it('tallies identical rankings once and gives first choices', () => {
    const tally = new RankedTally('p', ['a', 'b', 'c']);
    for (const r of [['a', 'b'], ['a', 'b'], ['b'], ['c', 'a', 'b']]) tally.add(r);
    const count = tally.count();
    expect(count.total).toBe(4);
    expect(count.firstChoices).toEqual([{ id: 'a', votes: 2 }, { id: 'b', votes: 1 }, { id: 'c', votes: 1 }]);
    // a: 2+2+1 = 5; b: 1+1+2+0 = 4; c: 2.
    expect(count.borda).toEqual([{ id: 'a', points: 5 }, { id: 'b', points: 4 }, { id: 'c', points: 2 }]);
    expect(count.irv.winner).toBe('a');
  });
});

describe('a participatory budget', () => {
  const project = (id: string, cost: number, area?: string): PollOption => ({ id, label: { fi: id }, cost, ...(area ? { area } : {}) });
  const votes = (counts: Record<string, number>) => ({ total: 0, options: Object.entries(counts).map(([id, count]) => ({ id, count })) });

  it('funds most votes first and skips what no longer fits, then takes a cheaper one that does', () => {
    const poll = { id: 'pb', budget: { cap: 500_000 }, options: [project('a', 300_000), project('b', 250_000), project('c', 150_000), project('d', 60_000)] };
    const [area] = fundedSet(poll, votes({ a: 90, b: 80, c: 70, d: 10 }));
    // a (300k) fits; b (250k) does not fit the 200k left; c (150k) does; d (60k) does not fit the 50k left.
    expect(area).toEqual({ area: null, cap: 500_000, spent: 450_000, funded: ['a', 'c'] });
  });

  it('funds a project that fits exactly, and none without votes', () => {
    const poll = { id: 'pb', budget: { cap: 500_000 }, options: [project('a', 300_000), project('b', 200_000), project('c', 1)] };
    expect(fundedSet(poll, votes({ a: 5, b: 4, c: 0 }))[0]).toMatchObject({ spent: 500_000, funded: ['a', 'b'] });
    expect(fundedSet(poll, votes({ a: 0, b: 0, c: 0 }))[0]).toMatchObject({ spent: 0, funded: [] });
  });

  it('orders projects with equal votes by the draw, the same for everyone', () => {
    const projects = [project('a', 400_000), project('b', 400_000)];
    const poll = { id: 'tie', budget: { cap: 500_000 }, options: projects };
    const drawnFirst = lotNumber('tie', 'budget', 'a') < lotNumber('tie', 'budget', 'b') ? 'a' : 'b';
    expect(fundingOrder('tie', projects, new Map([['a', 7], ['b', 7]])).map((p) => p.id)).toEqual([drawnFirst, drawnFirst === 'a' ? 'b' : 'a']);
    expect(fundedSet(poll, votes({ a: 7, b: 7 }))[0]!.funded).toEqual([drawnFirst]);
  });

  it('keeps each area to its own cap', () => {
    const poll = {
      id: 'areas',
      budget: { areas: [{ id: 'north', label: { fi: 'Pohjoinen' }, cap: 100 }, { id: 'south', label: { fi: 'Etelä' }, cap: 50 }] },
      options: [project('n1', 60, 'north'), project('n2', 50, 'north'), project('n3', 40, 'north'), project('s1', 50, 'south'), project('s2', 10, 'south')],
    };
    expect(fundedSet(poll, votes({ n1: 9, n2: 8, n3: 1, s1: 3, s2: 2 }))).toEqual([
      { area: 'north', cap: 100, spent: 100, funded: ['n1', 'n3'] },
      { area: 'south', cap: 50, spent: 50, funded: ['s1'] },
    ]);
  });

  it('refuses a ballot over the cap, under the minimum, over the number of projects, or across areas', () => {
    const poll = { id: 'b', budget: { cap: 100, minSpend: 30, maxProjects: 2 }, options: [project('a', 60), project('b', 41), project('c', 40), project('d', 10)] };
    expect(budgetBallotProblem(poll, ['a', 'c'])).toBeNull(); // exactly the cap
    expect(budgetBallotProblem(poll, ['a', 'b'])).toMatch(/cost 101 €, more than the budget of 100 €/);
    expect(budgetBallotProblem(poll, ['d'])).toMatch(/at least 30 €/);
    expect(budgetBallotProblem(poll, ['c', 'd', 'b'])).toMatch(/at most 2 projects/);
    const areas = { id: 'b', budget: { areas: [{ id: 'n', label: { fi: 'N' }, cap: 100 }, { id: 's', label: { fi: 'S' }, cap: 100 }] }, options: [project('a', 10, 'n'), project('b', 10, 's')] };
    expect(budgetBallotProblem(areas, ['a', 'b'])).toMatch(/one area only/);
    expect(budgetBallotProblem(areas, ['b'])).toBeNull();
  });
});
