/**
 * The storage of one poll's PollCounter Durable Object (worker/poll-counter/): its own SQLite
 * database, which only that object ever opens. Every call here is synchronous, so the object
 * can run a whole ballot inside one `transactionSync`.
 */

export interface CounterMeta {
  site: string;
  poll: string;
  /** The poll's salt when the object first met it: a poll made anew under the same id has another. */
  generation: string;
  /** The next batch number for the outbox (D1's `flushed_seq` + 1 when the object began). */
  nextSeq: number;
  /** D1 held ballots before this object existed (seeded, or from before it): look voters up there too. */
  legacy: boolean;
}

export interface CounterBallot {
  keys: string[];
  castAt: string;
  changedAt: string | null;
  /** Its receipt (worker/sealing/); null for a ballot from before receipts. */
  receipt: string | null;
}

/** A ballot D1 has not received yet: its state after this write, and the choices it replaced. */
export interface OutboxRow {
  seq: number;
  voter: string;
  choices: string;
  castAt: string;
  changedAt: string | null;
  previous: string | null;
  receipt: string | null;
  /** The receipt this row's ballot had before it changed. */
  replaced: string | null;
}

export interface StoredAnswer {
  requestHash: string;
  status: number;
  response: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  site TEXT NOT NULL, poll TEXT NOT NULL, generation TEXT NOT NULL,
  next_seq INTEGER NOT NULL, legacy INTEGER NOT NULL, total INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tallies (option_id TEXT PRIMARY KEY, position INTEGER NOT NULL, count INTEGER NOT NULL CHECK (count >= 0));
CREATE TABLE IF NOT EXISTS ballots (voter TEXT PRIMARY KEY, choices TEXT NOT NULL, cast_at TEXT NOT NULL, changed_at TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY, voter TEXT NOT NULL, choices TEXT NOT NULL,
  cast_at TEXT NOT NULL, changed_at TEXT, previous TEXT
);
CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS answers_age ON answers (created_at);
CREATE TABLE IF NOT EXISTS receipts (receipt TEXT PRIMARY KEY) WITHOUT ROWID;
`;

/** Columns added since an object's storage was first made: added to older objects when they wake. */
const ADDED_COLUMNS: [table: string, column: string][] = [
  ['ballots', 'receipt'],
  ['outbox', 'receipt'],
  ['outbox', 'replaced'],
];

export class CounterStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
    for (const [table, column] of ADDED_COLUMNS) {
      const has = sql.exec<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`).toArray().some((c) => c.name === column);
      if (!has) sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`);
    }
  }

  /** Everything a running object keeps in memory: its meta, tallies in order and total. */
  load(): { meta: CounterMeta; tallies: { id: string; count: number }[]; total: number } | null {
    const meta = this.meta();
    return meta ? { meta, tallies: this.tallies(), total: this.total() } : null;
  }

  meta(): CounterMeta | null {
    const row = this.sql.exec<{ site: string; poll: string; generation: string; next_seq: number; legacy: number }>('SELECT * FROM meta').toArray()[0];
    return row ? { site: row.site, poll: row.poll, generation: row.generation, nextSeq: row.next_seq, legacy: row.legacy === 1 } : null;
  }

  /** The object's first state, from what D1 holds for the poll. */
  begin(meta: CounterMeta, tallies: { id: string; count: number }[], total: number): void {
    this.sql.exec('INSERT INTO meta (id, site, poll, generation, next_seq, legacy, total) VALUES (1, ?, ?, ?, ?, ?, ?)', meta.site, meta.poll, meta.generation, meta.nextSeq, meta.legacy ? 1 : 0, total);
    tallies.forEach((t, position) => this.sql.exec('INSERT INTO tallies (option_id, position, count) VALUES (?, ?, ?)', t.id, position, t.count));
  }

  /** Forgets everything: the poll this object counted for is gone, or was made anew. */
  wipe(): void {
    for (const table of ['meta', 'tallies', 'ballots', 'outbox', 'answers', 'receipts']) this.sql.exec(`DELETE FROM ${table}`);
  }

  total(): number {
    return this.sql.exec<{ total: number }>('SELECT total FROM meta').one().total;
  }

  tallies(): { id: string; count: number }[] {
    return this.sql
      .exec<{ option_id: string; count: number }>('SELECT option_id, count FROM tallies ORDER BY position')
      .toArray()
      .map((r) => ({ id: r.option_id, count: r.count }));
  }

  /** New tally keys, all at zero: only while the poll has no ballots. */
  reshape(keys: string[]): void {
    this.sql.exec('DELETE FROM tallies');
    keys.forEach((id, position) => this.sql.exec('INSERT INTO tallies (option_id, position, count) VALUES (?, ?, 0)', id, position));
  }

  /** The answer stored for `key` (when given) and the voter's ballot, in one statement. */
  lookup(key: string | null, voter: string): { answer: StoredAnswer | null; ballot: CounterBallot | null } {
    const row = this.sql
      .exec<{ request_hash: string | null; status: number | null; response: string | null; choices: string | null; cast_at: string | null; changed_at: string | null; receipt: string | null }>(
        `SELECT a.request_hash, a.status, a.response, b.choices, b.cast_at, b.changed_at, b.receipt
           FROM (SELECT 1) LEFT JOIN answers a ON a.key = ? LEFT JOIN ballots b ON b.voter = ?`,
        key,
        voter,
      )
      .one();
    return {
      answer: row.request_hash === null ? null : { requestHash: row.request_hash, status: row.status!, response: row.response! },
      ballot: row.choices === null ? null : { keys: JSON.parse(row.choices) as string[], castAt: row.cast_at!, changedAt: row.changed_at, receipt: row.receipt },
    };
  }

  ballot(voter: string): CounterBallot | null {
    const row = this.sql.exec<{ choices: string; cast_at: string; changed_at: string | null; receipt: string | null }>('SELECT choices, cast_at, changed_at, receipt FROM ballots WHERE voter = ?', voter).toArray()[0];
    return row ? { keys: JSON.parse(row.choices) as string[], castAt: row.cast_at, changedAt: row.changed_at, receipt: row.receipt } : null;
  }

  /** A ballot D1 already held (from before this object): known here, not sent again. */
  adopt(voter: string, ballot: CounterBallot): void {
    this.sql.exec('INSERT OR IGNORE INTO ballots (voter, choices, cast_at, changed_at, receipt) VALUES (?, ?, ?, ?, ?)', voter, JSON.stringify(ballot.keys), ballot.castAt, ballot.changedAt, ballot.receipt);
    if (ballot.receipt) this.sql.exec('INSERT OR IGNORE INTO receipts (receipt) VALUES (?)', ballot.receipt);
  }

  /** Claims `receipt` for this poll: false when it was ever issued here before (then draw another). */
  claimReceipt(receipt: string): boolean {
    return this.sql.exec('INSERT OR IGNORE INTO receipts (receipt) VALUES (?)', receipt).rowsWritten === 1;
  }

  /** A first ballot: the row, its tallies, the outbox row for D1 (number `seq`), the total and the next number. */
  cast(voter: string, keys: string[], now: string, seq: number, receipt: string): void {
    const choices = JSON.stringify(keys);
    this.sql.exec('INSERT INTO ballots (voter, choices, cast_at, changed_at, receipt) VALUES (?, ?, ?, NULL, ?)', voter, choices, now, receipt);
    for (const key of keys) this.sql.exec('UPDATE tallies SET count = count + 1 WHERE option_id = ?', key);
    this.sql.exec('INSERT INTO outbox (seq, voter, choices, cast_at, changed_at, previous, receipt, replaced) VALUES (?, ?, ?, ?, NULL, NULL, ?, NULL)', seq, voter, choices, now, receipt);
    this.sql.exec('UPDATE meta SET total = total + 1, next_seq = ?', seq + 1);
  }

  /** A changed ballot: the tallies move from the old choices to the new ones, and it gets a new receipt. */
  change(voter: string, before: CounterBallot, keys: string[], now: string, seq: number, receipt: string): void {
    const choices = JSON.stringify(keys);
    const previous = JSON.stringify(before.keys);
    this.sql.exec('UPDATE ballots SET choices = ?, changed_at = ?, receipt = ? WHERE voter = ?', choices, now, receipt, voter);
    for (const key of before.keys) this.sql.exec('UPDATE tallies SET count = count - 1 WHERE option_id = ?', key);
    for (const key of keys) this.sql.exec('UPDATE tallies SET count = count + 1 WHERE option_id = ?', key);
    this.sql.exec(
      'INSERT INTO outbox (seq, voter, choices, cast_at, changed_at, previous, receipt, replaced) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      seq,
      voter,
      choices,
      before.castAt,
      now,
      previous,
      receipt,
      before.receipt,
    );
    this.sql.exec('UPDATE meta SET next_seq = ?', seq + 1);
  }

  /** The oldest ballots D1 has not received, in the order they were written. */
  outbox(limit: number): OutboxRow[] {
    return this.sql
      .exec<{ seq: number; voter: string; choices: string; cast_at: string; changed_at: string | null; previous: string | null; receipt: string | null; replaced: string | null }>(
        'SELECT seq, voter, choices, cast_at, changed_at, previous, receipt, replaced FROM outbox ORDER BY seq LIMIT ?',
        limit,
      )
      .toArray()
      .map((r) => ({ seq: r.seq, voter: r.voter, choices: r.choices, castAt: r.cast_at, changedAt: r.changed_at, previous: r.previous, receipt: r.receipt, replaced: r.replaced }));
  }

  ballotCount(): number {
    return this.sql.exec<{ n: number }>('SELECT count(*) AS n FROM ballots').one().n;
  }

  outboxSize(): number {
    return this.sql.exec<{ n: number }>('SELECT count(*) AS n FROM outbox').one().n;
  }

  /** D1 holds every outbox row up to `seq`. */
  delivered(seq: number): void {
    this.sql.exec('DELETE FROM outbox WHERE seq <= ?', seq);
  }

  answer(key: string): StoredAnswer | null {
    const row = this.sql.exec<{ request_hash: string; status: number; response: string }>('SELECT request_hash, status, response FROM answers WHERE key = ?', key).toArray()[0];
    return row ? { requestHash: row.request_hash, status: row.status, response: row.response } : null;
  }

  remember(key: string, answer: StoredAnswer, now: string): void {
    this.sql.exec('INSERT INTO answers (key, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?)', key, answer.requestHash, answer.status, answer.response, now);
  }

  /** Forgets answers stored before `before`; returns the oldest left, if any. */
  forgetAnswers(before: string): string | null {
    this.sql.exec('DELETE FROM answers WHERE created_at < ?', before);
    return this.sql.exec<{ oldest: string | null }>('SELECT min(created_at) AS oldest FROM answers').one().oldest;
  }
}
