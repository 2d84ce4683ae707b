import { DurableObject } from 'cloudflare:workers';
import { CounterStore } from '../db/counter-store.ts';
import type { CounterBallot, CounterMeta } from '../db/counter-store.ts';
import { ballotInD1, flushStatements, flushedSeq, pollCountsInD1 } from '../db/counter-flush.ts';
import { toMyBallot } from '../db/polls.ts';
import { ballotLimits } from '../rate-limit.ts';
import type { Poll, Results } from '../schema/polls.ts';
import { takeBatch } from './batch.ts';

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
  open: boolean;
  allowChange: boolean;
  withResults: boolean;
  now: string;
}

export type CastOutcome =
  | { ok: true; status: 200 | 201; receipt: string; replay: boolean; results?: Results }
  | { ok: false; error: 'already_voted' | 'poll_closed' | 'poll_changed' | 'key_reused' | 'rate_limited' };

export interface Delivery {
  batches: number;
  rows: number;
}

export interface ReadOutcome {
  ballot?: CounterBallot | null;
  results?: Results;
}

/** How long after a first unsent ballot the object hands its ballots to D1: one D1 write a second however hot the poll. */
export const FLUSH_DELAY_MS = 1_000;
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
    const meta = await this.ready(request);
    if (!meta) return { ok: false, error: 'poll_changed' };
    if (meta.legacy && !this.store.ballot(request.voter)) {
      const earlier = await ballotInD1(this.env.DB, request.site, request.poll, request.voter);
      if (earlier) this.store.adopt(request.voter, earlier);
    }
    // A voter who already has a ballot is also limited per voter (rate-limit.ts). Everything is
    // checked again inside the transaction, as other ballots may have come in meanwhile.
    if (this.store.ballot(request.voter) && !(request.key && this.store.answer(request.key))) {
      if (!(await ballotLimits.voterAllowed(this.env, `${request.site}:${request.poll}`, request.voter))) return { ok: false, error: 'rate_limited' };
    }
    const outcome = this.ctx.storage.transactionSync(() => this.castNow(request));
    if (outcome.ok && !outcome.replay) this.flushSoon();
    return outcome;
  }

  private castNow(r: CastRequest): CastOutcome {
    const results = () => (r.withResults ? this.results() : undefined);
    if (r.key) {
      const first = this.store.answer(r.key);
      if (first && first.requestHash !== r.requestHash) return { ok: false, error: 'key_reused' };
      if (first) return { ok: true, status: 200, receipt: first.response, replay: true, results: results() };
    }
    if (!r.open) return { ok: false, error: 'poll_closed' };
    const known = new Set(this.store.tallyKeys());
    if (!r.keys.every((k) => known.has(k))) return { ok: false, error: 'poll_changed' };
    const before = this.store.ballot(r.voter);
    if (before && !r.allowChange) return { ok: false, error: 'already_voted' };
    const unchanged = before !== null && JSON.stringify(before.keys) === JSON.stringify(r.keys);
    let ballot: CounterBallot;
    if (unchanged) ballot = before;
    else if (before) {
      this.store.change(r.voter, before, r.keys, r.now);
      ballot = { keys: r.keys, castAt: before.castAt, changedAt: r.now };
    } else {
      this.store.cast(r.voter, r.keys, r.now);
      ballot = { keys: r.keys, castAt: r.now, changedAt: null };
    }
    const status = before ? 200 : 201;
    const receipt = JSON.stringify({ poll: r.poll, ballot: toMyBallot({ kind: r.kind }, ballot.keys, ballot.castAt, ballot.changedAt) });
    if (r.key) this.store.remember(r.key, { requestHash: r.requestHash, status, response: receipt }, r.now);
    return { ok: true, status, receipt, replay: false, results: results() };
  }

  /** A voter's ballot (with `voter`) and the results (with `withResults`), as of the last ballot. */
  async read(request: CounterPoll & { voter?: string; withResults: boolean }): Promise<ReadOutcome | null> {
    const meta = await this.ready(request);
    if (!meta) return null;
    const out: ReadOutcome = {};
    if (request.voter) {
      out.ballot = this.store.ballot(request.voter);
      if (!out.ballot && meta.legacy) {
        out.ballot = await ballotInD1(this.env.DB, request.site, request.poll, request.voter);
        if (out.ballot) this.store.adopt(request.voter, out.ballot);
      }
    }
    if (request.withResults) out.results = this.results();
    return out;
  }

  /**
   * New tally keys (an edited poll's options or scale), or the same ones for a new voter mode:
   * only while the poll has no ballot anywhere, the object's unsent ones included. False when it has.
   */
  async reshape(request: CounterPoll & { keys: string[] }): Promise<boolean> {
    const meta = await this.ready(request);
    if (!meta) return true;
    return this.ctx.storage.transactionSync(() => {
      if (this.store.total() > 0) return false;
      this.store.reshape(request.keys);
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

  private results(): Results {
    return { total: this.store.total(), options: this.store.tallies() };
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
  private async ready(poll: CounterPoll): Promise<CounterMeta | null> {
    const meta = this.store.meta();
    if (meta?.generation === poll.generation) return meta;
    return this.ctx.blockConcurrencyWhile(async () => {
      const again = this.store.meta();
      if (again?.generation === poll.generation) return again;
      const d1 = await pollCountsInD1(this.env.DB, poll.site, poll.poll);
      if (!d1 || d1.salt !== poll.generation) return null;
      this.store.wipe();
      this.d1Seq = null;
      const fresh: CounterMeta = { site: poll.site, poll: poll.poll, generation: poll.generation, nextSeq: d1.flushedSeq + 1, legacy: d1.total > 0 };
      this.store.begin(fresh, d1.tallies, d1.total);
      return fresh;
    });
  }
}

/** Outbox rows read per hand-over round; `takeBatch` may send fewer. */
const BATCH_READ = 1_000;
