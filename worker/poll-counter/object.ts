import { DurableObject } from 'cloudflare:workers';
import { CounterStore } from '../db/counter-store.ts';
import type { CounterBallot, CounterMeta } from '../db/counter-store.ts';
import { ballotInD1, flushStatements, flushedSeq, pollCountsInD1 } from '../db/counter-flush.ts';
import { toMyBallot } from '../db/polls.ts';
import type { Poll, Results } from '../schema/polls.ts';
import { newReceipt } from '../sealing/statement.ts';
import { takeBatch } from './batch.ts';
import { BALLOTS_PER_ADDRESS, MinuteCounts, REPEATS_PER_VOTER } from './limits.ts';

/** Which poll an object counts for; `generation` is the poll's salt, which a poll made anew under the same id does not share. */
export interface CounterPoll {
  site: string;
  poll: string;
  generation: string;
}

export interface CastRequest extends CounterPoll {
  kind: Poll['kind'];
  voter: string;
  keys: string[];
  /** The Idempotency-Key, with the hash of the voter and body it was first used with. */
  key?: string;
  requestHash: string;
  /** The client address's salted hash, for the per-address limit (limits.ts). */
  address: string;
  open: boolean;
  /** Only answer a replay of `key`; anything else is 'not_replay' and counts against no limit (challenge polls, before the check). */
  replayOnly?: boolean;
  allowChange: boolean;
  withResults: boolean;
  now: string;
}

export type CastOutcome =
  | { ok: true; status: 200 | 201; receipt: string; replay: boolean; results?: Results }
  | { ok: false; error: 'already_voted' | 'poll_closed' | 'poll_changed' | 'key_reused' | 'address_limited' | 'voter_limited' | 'not_replay' };

export interface Delivery {
  batches: number;
  rows: number;
}

export interface ReadOutcome {
  ballot?: CounterBallot | null;
  results?: Results;
}

/** How long after a first unsent ballot the object hands its ballots to D1: one D1 write a second however hot the poll. */
const FLUSH_DELAY_MS = 1_000;
/** After a failed hand-over the object tries again this much later, for as long as it takes. */
const RETRY_MS = 5_000;
/** A replayed Idempotency-Key is answered from the object for a day, as the API's other writes are. */
const ANSWER_MS = 24 * 60 * 60 * 1000;

/**
 * One poll's counter, the only path a ballot takes. In one storage transaction it checks the
 * Idempotency-Key, the voter's earlier ballot and the options, stores the ballot, its tallies
 * and an outbox row, and remembers the answer; the response leaves only once that is on disk
 * (the output gate). An alarm then hands the outbox to D1 in batches, in order: a batch that D1
 * took but the object did not note (a crash between the two) is sent again and changes nothing,
 * because D1 keeps the number of the last row it took (counter-flush.ts).
 */
export class PollCounter extends DurableObject<Env> {
  private readonly store: CounterStore;
  /** An alarm is set (or being set) for the outbox; saves a storage read on every ballot. */
  private alarmSet = false;
  private flushing: Promise<Delivery> | null = null;
  /** D1's `flushed_seq` as this instance last saw it written; read afresh when unknown. */
  private d1Seq: number | null = null;
  /** What storage holds, kept in memory by the running instance: every write goes through it. */
  private live: Live | null = null;
  private readonly perAddress = new MinuteCounts(BALLOTS_PER_ADDRESS);
  private readonly perVoter = new MinuteCounts(REPEATS_PER_VOTER);

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new CounterStore(ctx.storage.sql);
    // A process that stopped between a ballot and its alarm (or an alarm that gave up) leaves
    // an outbox without one: the object's next wake-up sets it again.
    void ctx.blockConcurrencyWhile(async () => {
      if (this.store.meta() && this.store.outboxSize() > 0 && (await ctx.storage.getAlarm()) === null) await ctx.storage.setAlarm(Date.now());
    });
  }

  async cast(request: CastRequest): Promise<CastOutcome> {
    const live = await this.ready(request);
    if (!live) return { ok: false, error: 'poll_changed' };
    if (live.meta.legacy && !this.store.ballot(request.voter)) {
      const earlier = await ballotInD1(this.env.DB, request.site, request.poll, request.voter);
      if (earlier) this.store.adopt(request.voter, earlier);
    }
    const outcome = this.write(() => this.castNow(request, live));
    if (outcome.ok && !outcome.replay) this.flushSoon();
    return outcome;
  }

  /** One storage transaction; if it fails, the state in memory is read again from storage. */
  private write<T>(run: () => T): T {
    try {
      return this.ctx.storage.transactionSync(run);
    } catch (error) {
      this.live = null;
      throw error;
    }
  }

  /** A ballot, inside the transaction: SQL first, memory last, so a statement that throws leaves memory as storage is. */
  private castNow(r: CastRequest, live: Live): CastOutcome {
    const results = () => (r.withResults ? resultsOf(live) : undefined);
    const { answer, ballot: before } = this.store.lookup(r.key ?? null, r.voter);
    if (answer && answer.requestHash !== r.requestHash) return { ok: false, error: 'key_reused' };
    if (answer) return { ok: true, status: 200, receipt: answer.response, replay: true, results: results() };
    if (r.replayOnly) return { ok: false, error: 'not_replay' };
    if (!r.open) return { ok: false, error: 'poll_closed' };
    // A repeat counts against its address before it is known to be one, and against its voter
    // too, so a script re-voting with one token is held to both.
    if (!this.perAddress.take(r.address)) return { ok: false, error: 'address_limited' };
    if (before && !this.perVoter.take(r.voter)) return { ok: false, error: 'voter_limited' };
    if (!r.keys.every((k) => live.counts.has(k))) return { ok: false, error: 'poll_changed' };
    if (before && !r.allowChange) return { ok: false, error: 'already_voted' };
    const unchanged = before !== null && JSON.stringify(before.keys) === JSON.stringify(r.keys);
    let ballot: CounterBallot;
    const seq = live.meta.nextSeq;
    if (unchanged) ballot = before;
    else if (before) {
      const code = this.newReceipt();
      this.store.change(r.voter, before, r.keys, r.now, seq, code);
      ballot = { keys: r.keys, castAt: before.castAt, changedAt: r.now, receipt: code };
    } else {
      const code = this.newReceipt();
      this.store.cast(r.voter, r.keys, r.now, seq, code);
      ballot = { keys: r.keys, castAt: r.now, changedAt: null, receipt: code };
    }
    const status = before ? 200 : 201;
    const receipt = JSON.stringify({ poll: r.poll, ballot: toMyBallot({ kind: r.kind }, ballot) });
    if (r.key) this.store.remember(r.key, { requestHash: r.requestHash, status, response: receipt }, r.now);
    if (!unchanged) {
      live.meta.nextSeq = seq + 1;
      if (before) for (const k of before.keys) live.counts.set(k, live.counts.get(k)! - 1);
      else live.total++;
      for (const k of r.keys) live.counts.set(k, live.counts.get(k)! + 1);
    }
    return { ok: true, status, receipt, replay: false, results: results() };
  }

  /** A receipt never issued for this poll before (a draw repeats one about once in 10¹⁸). */
  private newReceipt(): string {
    for (;;) {
      const receipt = newReceipt();
      if (this.store.claimReceipt(receipt)) return receipt;
    }
  }

  /** A voter's ballot (with `voter`) and the results (with `withResults`), as of the last ballot. */
  async read(request: CounterPoll & { voter?: string; withResults: boolean }): Promise<ReadOutcome | null> {
    const live = await this.ready(request);
    if (!live) return null;
    const out: ReadOutcome = {};
    if (request.voter) {
      out.ballot = this.store.ballot(request.voter);
      if (!out.ballot && live.meta.legacy) {
        out.ballot = await ballotInD1(this.env.DB, request.site, request.poll, request.voter);
        if (out.ballot) this.store.adopt(request.voter, out.ballot);
      }
    }
    if (request.withResults) out.results = resultsOf(live);
    return out;
  }

  /**
   * New tally keys (an edited poll's options or scale), or the same ones for a new voter mode:
   * only while the poll has no ballot anywhere, the object's unsent ones included. False when it has.
   */
  async reshape(request: CounterPoll & { keys: string[] }): Promise<boolean> {
    const live = await this.ready(request);
    if (!live) return true;
    return this.write(() => {
      if (live.total > 0) return false;
      this.store.reshape(request.keys);
      live.counts = new Map(request.keys.map((k) => [k, 0]));
      return true;
    });
  }

  /** Hands every ballot to D1 now (before an export or the timeline, which read D1); says how many rows in how many batches. */
  async flush(request: CounterPoll): Promise<Delivery> {
    if (!(await this.ready(request))) return { batches: 0, rows: 0 };
    return this.flushAll();
  }

  /** What the object holds: for the tests and the bench's soak. */
  async inspect(request: CounterPoll): Promise<{ total: number; tallies: number; unsent: number; ballots: number } | null> {
    if (!(await this.ready(request))) return null;
    const tallies = this.store.tallies().reduce((sum, t) => sum + t.count, 0);
    return { total: this.store.total(), tallies, unsent: this.store.outboxSize(), ballots: this.store.ballotCount() };
  }

  override async alarm(): Promise<void> {
    this.alarmSet = false;
    try {
      await this.flushAll();
    } catch (error) {
      console.error('PollCounter: handing ballots to D1 failed; trying again', error);
      this.alarmSet = true;
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
      return;
    }
    const oldest = this.store.forgetAnswers(new Date(Date.now() - ANSWER_MS).toISOString());
    if (oldest && !this.alarmSet) {
      this.alarmSet = true;
      await this.ctx.storage.setAlarm(Date.parse(oldest) + ANSWER_MS);
    }
  }

  private flushSoon(): void {
    if (this.alarmSet) return;
    this.alarmSet = true;
    // Not awaited, and issued in the same turn as the ballot's transaction: the two reach disk together.
    void this.ctx.storage.setAlarm(Date.now() + FLUSH_DELAY_MS);
  }

  /** One hand-over at a time, whoever asks (the alarm, an export). */
  private flushAll(): Promise<Delivery> {
    this.flushing ??= this.sendOutbox().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async sendOutbox(): Promise<Delivery> {
    const meta = this.store.meta();
    const sent: Delivery = { batches: 0, rows: 0 };
    if (!meta) return sent;
    for (;;) {
      const after = this.d1Seq ?? (await flushedSeq(this.env.DB, meta.site, meta.poll));
      if (after === null) return sent; // the poll is gone from D1: nothing to hand over to
      this.store.delivered(after);
      const rows = takeBatch(this.store.outbox(BATCH_READ));
      if (!rows.length) {
        this.d1Seq = after;
        return sent;
      }
      const out = await this.env.DB.batch(flushStatements(this.env.DB, meta.site, meta.poll, rows, after));
      if (out[out.length - 1]!.meta.changes === 1) {
        this.d1Seq = rows[rows.length - 1]!.seq;
        this.store.delivered(this.d1Seq);
        sent.batches++;
        sent.rows += rows.length;
      } else {
        this.d1Seq = null; // D1 moved on without this instance (an earlier one's batch landed): read it again
      }
    }
  }

  /**
   * The object's state, begun from D1 the first time (the poll's tallies and count, and the
   * batch number D1 has reached). A caller with another generation either knows of a poll made
   * anew under the same id (D1 says so: the object begins anew) or holds an old copy of the
   * poll (null: it must read the poll again). Only D1 decides, so a stale copy never wipes
   * a poll's ballots.
   */
  private async ready(poll: CounterPoll): Promise<Live | null> {
    if (this.live?.meta.generation === poll.generation) return this.live;
    return this.ctx.blockConcurrencyWhile(async () => {
      if (this.live?.meta.generation === poll.generation) return this.live;
      const stored = this.store.load();
      if (stored?.meta.generation === poll.generation) return (this.live = toLive(stored));
      const d1 = await pollCountsInD1(this.env.DB, poll.site, poll.poll);
      if (!d1 || d1.salt !== poll.generation) return null;
      this.store.wipe();
      this.d1Seq = null;
      const meta: CounterMeta = { site: poll.site, poll: poll.poll, generation: poll.generation, nextSeq: d1.flushedSeq + 1, legacy: d1.total > 0 };
      this.store.begin(meta, d1.tallies, d1.total);
      return (this.live = toLive({ meta, tallies: d1.tallies, total: d1.total }));
    });
  }
}

interface Live {
  meta: CounterMeta;
  /** Tally per key, in display order. */
  counts: Map<string, number>;
  total: number;
}

const toLive = (state: { meta: CounterMeta; tallies: { id: string; count: number }[]; total: number }): Live => ({
  meta: { ...state.meta },
  counts: new Map(state.tallies.map((t) => [t.id, t.count])),
  total: state.total,
});

const resultsOf = (live: Live): Results => ({ total: live.total, options: [...live.counts].map(([id, count]) => ({ id, count })) });


/** Outbox rows read per hand-over round; `takeBatch` may send fewer. */
const BATCH_READ = 1_000;
