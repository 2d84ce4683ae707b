/**
 * A conversation's opinion groups (worker/opinion-groups/) from its votes in D1: computed on
 * demand and kept per isolate for a minute, so a busy conversation is counted once a minute
 * per isolate however many residents look. One resident's place among the groups is then a
 * small read of their own votes.
 */
import { TtlCache } from '../cache.ts';
import type { StoredPoll } from '../db/polls.ts';
import { votePages, votesOfVoter } from '../db/statements.ts';
import { closestGroup, opinionGroups } from '../opinion-groups/index.ts';
import type { OpinionModel, Vote, VoteRow } from '../opinion-groups/index.ts';
import type { OpinionsView } from '../schema/statements.ts';

interface Computed {
  model: OpinionModel;
  /** Statement id → its index in the model. */
  index: Map<number, number>;
  view: Omit<OpinionsView, 'mine'>;
}

const OPINIONS_MS = 60_000;
const cache = new TtlCache<Computed>(OPINIONS_MS, 100);

/** Forgets a poll's groups in this isolate (a statement was published or rejected). */
export const forgetOpinions = (poll: Pick<StoredPoll, 'site' | 'id' | 'salt'>) => cache.delete(`${poll.site}/${poll.id}/${poll.salt}`);

export async function computeOpinions(db: D1Database, poll: StoredPoll, statementIds: number[]): Promise<Computed> {
  const key = `${poll.site}/${poll.id}/${poll.salt}`;
  const found = cache.get(key);
  if (found) return found;
  const index = new Map(statementIds.map((id, i) => [id, i]));
  const participants = new Map<string, number>();
  // Votes kept as three typed columns (9 bytes a vote) rather than an object each (about 50):
  // 400,000 votes take under 4 MB, and the computation reads them once as rows.
  let who = new Int32Array(1 << 16);
  let what = new Int32Array(1 << 16);
  let how = new Int8Array(1 << 16);
  let n = 0;
  for await (const page of votePages(db, poll.site, poll.id)) {
    for (const [voter, statement, vote] of page) {
      const s = index.get(statement);
      if (s === undefined) continue; // a statement rejected after it had votes
      let p = participants.get(voter);
      if (p === undefined) participants.set(voter, (p = participants.size));
      if (n === who.length) [who, what, how] = [grow(who), grow(what), grow(how)];
      who[n] = p;
      what[n] = s;
      how[n] = vote;
      n++;
    }
  }
  function* rows(): Generator<VoteRow> {
    for (let i = 0; i < n; i++) yield { participant: who[i]!, statement: what[i]!, vote: how[i] as Vote };
  }
  const model = opinionGroups(rows(), { participants: participants.size, statements: statementIds.length });
  const id = (i: number) => statementIds[i]!;
  const stats = model.statementsStats;
  const view: Computed['view'] = {
    poll: poll.id,
    participants: model.participants,
    clustered: model.clustered,
    minVotes: model.minVotes,
    groups: model.groups.map((g) => ({
      id: g.id,
      size: g.size,
      statements: g.repness.map((r) => ({
        id: id(r.statement),
        direction: r.direction,
        group: { agree: r.agree, disagree: r.disagree, pass: r.pass },
        groupRate: round(r.groupRate),
        othersRate: round(r.direction === 'agree' ? r.othersAgreeRate : r.othersDisagreeRate),
      })),
    })),
    consensus: model.consensus.map((s) => ({ id: id(s), votes: counts(stats[s]!) })),
    divisive: model.divisive.map((s) => ({ id: id(s), votes: counts(stats[s]!), byGroup: stats[s]!.byGroup.map(counts) })),
    computedAt: new Date().toISOString(),
  };
  const computed = { model, index, view };
  cache.set(key, computed);
  return computed;
}

/** The group nearest to one voter's votes, and how many votes of theirs the model knows. */
export async function placeVoter(db: D1Database, poll: StoredPoll, computed: Computed, voter: string): Promise<{ group: number | null; votes: number }> {
  const votes = (await votesOfVoter(db, poll.site, poll.id, voter)).flatMap((v) => {
    const s = computed.index.get(v.statement);
    return s === undefined ? [] : [{ statement: s, vote: v.vote }];
  });
  return { group: closestGroup(computed.model, votes)?.group ?? null, votes: votes.length };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const counts = ({ agree, disagree, pass }: { agree: number; disagree: number; pass: number }) => ({ agree, disagree, pass });

/** A typed array of twice the length with the same start. */
function grow<T extends Int32Array | Int8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
