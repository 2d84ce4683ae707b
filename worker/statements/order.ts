/**
 * Which statement a resident sees next: one they have not voted on, in an order of their own.
 * Everyone in the same order would leave the later statements unanswered (most residents stop
 * after a handful), so each voter's order is the statements sorted by a hash of their voter
 * hash and the statement's id: stable for them between visits, different between residents.
 */
import { lotNumber } from '../tabulation/lot.ts';

export function nextStatement(voter: string, published: number[], voted: Set<number>): number | null {
  let best: number | null = null;
  let bestRank = Infinity;
  for (const id of published) {
    if (voted.has(id)) continue;
    const rank = lotNumber(voter, id);
    if (rank < bestRank) {
      bestRank = rank;
      best = id;
    }
  }
  return best;
}
