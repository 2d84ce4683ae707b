/**
 * Counting ranked ballots two ways, so an official can show both and say which the poll used.
 *
 * Instant runoff (IRV): each round, every ballot counts for its highest-ranked option still in
 * the count; an option with more than half of those ballots wins; otherwise the option with the
 * fewest is taken out and the next round begins. A ballot that ranks none of the options left
 * is exhausted: it is counted in its round's `exhausted` and in no option's votes, and "half"
 * is of the ballots still counting. A tie for the fewest is broken by the earlier rounds, most
 * recent first (the tied option that had fewer votes there goes out: the "backwards" rule of
 * the Scottish STV rules), and where every earlier round tied too, by lot (lot.ts).
 *
 * Borda count: with n options, a ballot gives its first choice n − 1 points, its second
 * n − 2, and so on; options it leaves unranked get nothing (so a short ballot gives fewer
 * points in all, and does not hand points to options it never chose).
 */
import type { IrvRound, RankedCount } from '../schema/poll-kinds.ts';
import { lotNumber } from './lot.ts';

/** Counts ballots as they come (a page at a time from D1): identical rankings are kept once, with their number. */
export class RankedTally {
  private readonly profiles = new Map<string, { ranking: string[]; ballots: number }>();
  total = 0;

  constructor(
    readonly pollId: string,
    readonly options: string[],
  ) {}

  add(ranking: string[]): void {
    const key = ranking.join('\n');
    const found = this.profiles.get(key);
    if (found) found.ballots++;
    else this.profiles.set(key, { ranking, ballots: 1 });
    this.total++;
  }

  count(): RankedCount {
    const profiles = [...this.profiles.values()];
    return {
      poll: this.pollId,
      total: this.total,
      irv: instantRunoff(this.pollId, this.options, profiles),
      borda: bordaCount(this.options, profiles),
      firstChoices: this.options.map((id) => ({ id, votes: profiles.reduce((sum, p) => sum + (p.ranking[0] === id ? p.ballots : 0), 0) })),
    };
  }
}

interface Profile {
  ranking: string[];
  ballots: number;
}

export function instantRunoff(pollId: string, options: string[], profiles: Profile[]): RankedCount['irv'] {
  const continuing = new Set(options);
  const rounds: IrvRound[] = [];
  const history: Map<string, number>[] = [];
  const total = profiles.reduce((sum, p) => sum + p.ballots, 0);
  if (total === 0) return { rounds: [], winner: null };
  for (let round = 1; continuing.size > 0; round++) {
    const votes = new Map([...continuing].map((id) => [id, 0]));
    let exhausted = 0;
    for (const p of profiles) {
      const top = p.ranking.find((id) => continuing.has(id));
      if (top === undefined) exhausted += p.ballots;
      else votes.set(top, votes.get(top)! + p.ballots);
    }
    const counting = total - exhausted;
    const counts = options.filter((id) => continuing.has(id)).map((id) => ({ id, votes: votes.get(id)! }));
    const leader = counts.reduce((best, c) => (c.votes > best.votes ? c : best), counts[0]!);
    // A majority of the ballots still counting, or the last option left, wins.
    if (leader.votes * 2 > counting || continuing.size === 1) {
      rounds.push({ round, counts, exhausted, eliminated: null, tieBreak: null });
      return { rounds, winner: counting > 0 ? leader.id : null };
    }
    const { id, tieBreak } = fewest(pollId, round, counts, history);
    rounds.push({ round, counts, exhausted, eliminated: id, tieBreak });
    history.push(votes);
    continuing.delete(id);
  }
  return { rounds, winner: null };
}

/** The option to take out: fewest votes; a tie goes back through the earlier rounds, then to the lot. */
function fewest(pollId: string, round: number, counts: { id: string; votes: number }[], history: Map<string, number>[]): { id: string; tieBreak: IrvRound['tieBreak'] } {
  const least = Math.min(...counts.map((c) => c.votes));
  let tied = counts.filter((c) => c.votes === least).map((c) => c.id);
  if (tied.length === 1) return { id: tied[0]!, tieBreak: null };
  for (let r = history.length - 1; r >= 0; r--) {
    const earlier = history[r]!;
    const min = Math.min(...tied.map((id) => earlier.get(id)!));
    const still = tied.filter((id) => earlier.get(id) === min);
    if (still.length === 1) return { id: still[0]!, tieBreak: 'earlier_rounds' };
    tied = still;
  }
  const drawn = tied.reduce((a, b) => (lotNumber(pollId, round, b) < lotNumber(pollId, round, a) ? b : a));
  return { id: drawn, tieBreak: 'lot' };
}

export function bordaCount(options: string[], profiles: Profile[]): RankedCount['borda'] {
  const n = options.length;
  const points = new Map(options.map((id) => [id, 0]));
  for (const p of profiles) p.ranking.forEach((id, place) => points.set(id, points.get(id)! + (n - 1 - place) * p.ballots));
  return options.map((id) => ({ id, points: points.get(id)! })).sort((a, b) => b.points - a.points);
}
