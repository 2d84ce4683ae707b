/**
 * The participant × statement vote matrix, kept sparse: one row per participant (compressed
 * sparse rows), holding only the votes cast. Most residents vote on a few statements only, and a
 * missing vote is not a pass, so the matrix is mostly holes.
 *
 * Pol.is (github.com/compdemocracy/polis, math/src/polismath/math/pca.clj and conversation.clj)
 * fills each hole with the statement's column mean before centring the columns. The mean of the
 * filled column is then the mean of the votes cast, so after centring every hole is exactly 0 and
 * a cast vote v on statement j is v − mean[j]. The centred matrix therefore has the same
 * sparsity as the votes and never has to be built: `centred(k) = votes[k] − means[cols[k]]`.
 *
 * Memory: 4 bytes a vote while reading (8 for very large P × S), then 3 bytes a vote
 * (Uint16 statement + Int8 vote) once built, plus 4 bytes a participant.
 */
import type { Vote, VoteRow } from './types.ts';

export interface VoteMatrix {
  participants: number;
  statements: number;
  /** Row i's votes are at rowStart[i] .. rowStart[i + 1] − 1. */
  rowStart: Int32Array;
  /** The statement of each vote. */
  cols: Uint16Array | Uint32Array;
  /** −1 disagree, 0 pass, +1 agree. */
  votes: Int8Array;
  /** Per statement, over every participant: agrees, disagrees, passes. */
  agree: Int32Array;
  disagree: Int32Array;
  pass: Int32Array;
  /** Per statement: the mean of the votes cast (0 when none were). */
  means: Float64Array;
}

const CHUNK = 1 << 16;

function check(value: number, limit: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= limit) throw new RangeError(`${what} ${value} is outside 0..${limit - 1}`);
}

export function checkVote(vote: number): asserts vote is Vote {
  if (vote !== -1 && vote !== 0 && vote !== 1) throw new RangeError(`vote ${vote} is not −1, 0 or 1`);
}

/**
 * Reads the votes once (an iterable may be one-shot, e.g. rows streamed from the database) and
 * builds the sparse matrix. When a participant voted on a statement more than once, the last
 * vote read counts (a resident who changed their mind). Throws a RangeError on an index outside
 * `size` or a vote other than −1, 0, 1.
 */
export function buildVoteMatrix(input: Iterable<VoteRow>, size: { participants: number; statements: number }): VoteMatrix {
  const P = size.participants;
  const S = size.statements;
  if (!Number.isInteger(P) || P < 0 || !Number.isInteger(S) || S < 0) throw new RangeError('participants and statements must be whole numbers ≥ 0');
  // Each vote is packed into one number, (participant · S + statement) · 3 + (vote + 1), in
  // fixed-size chunks: no array doubling, so no moment with two copies of everything.
  const packed32 = P * S * 3 <= 0xffffffff;
  const chunks: (Uint32Array | Float64Array)[] = [];
  let chunk: Uint32Array | Float64Array = packed32 ? new Uint32Array(CHUNK) : new Float64Array(CHUNK);
  let used = 0;
  let total = 0;
  const rowCount = new Int32Array(P);
  for (const row of input) {
    const { participant, statement, vote } = row;
    check(participant, P, 'participant');
    check(statement, S, 'statement');
    checkVote(vote);
    if (used === CHUNK) {
      chunks.push(chunk);
      chunk = packed32 ? new Uint32Array(CHUNK) : new Float64Array(CHUNK);
      used = 0;
    }
    chunk[used++] = (participant * S + statement) * 3 + vote + 1;
    rowCount[participant]!++;
    total++;
  }
  chunks.push(chunk.subarray(0, used));

  // Counting sort by participant; within a row, votes stay in the order they were read.
  const rowStart = new Int32Array(P + 1);
  for (let i = 0; i < P; i++) rowStart[i + 1] = rowStart[i]! + rowCount[i]!;
  const cursor = rowCount; // reused: the next free slot of each row
  cursor.set(rowStart.subarray(0, P));
  const cols = S <= 0x10000 ? new Uint16Array(total) : new Uint32Array(total);
  const votes = new Int8Array(total);
  for (const c of chunks) {
    for (let k = 0; k < c.length; k++) {
      const code = c[k]!;
      const cell = Math.floor(code / 3);
      const participant = Math.floor(cell / S);
      const at = cursor[participant]!++;
      cols[at] = cell - participant * S;
      votes[at] = code - cell * 3 - 1;
    }
  }
  chunks.length = 0;

  // Duplicates: keep the last vote per (participant, statement), compacting rows in place.
  // seenRow[j] = i + 1 when row i already has statement j, at slot seenAt[j].
  const seenRow = new Int32Array(S);
  const seenAt = new Int32Array(S);
  let write = 0;
  for (let i = 0; i < P; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    rowStart[i] = write;
    for (let k = start; k < end; k++) {
      const j = cols[k]!;
      if (seenRow[j] === i + 1) {
        votes[seenAt[j]!] = votes[k]!;
      } else {
        seenRow[j] = i + 1;
        seenAt[j] = write;
        cols[write] = j;
        votes[write] = votes[k]!;
        write++;
      }
    }
  }
  rowStart[P] = write;

  const agree = new Int32Array(S);
  const disagree = new Int32Array(S);
  const pass = new Int32Array(S);
  for (let k = 0; k < write; k++) {
    const v = votes[k]!;
    if (v > 0) agree[cols[k]!]!++;
    else if (v < 0) disagree[cols[k]!]!++;
    else pass[cols[k]!]!++;
  }
  const means = new Float64Array(S);
  for (let j = 0; j < S; j++) {
    const n = agree[j]! + disagree[j]! + pass[j]!;
    means[j] = n ? (agree[j]! - disagree[j]!) / n : 0;
  }
  return {
    participants: P,
    statements: S,
    rowStart,
    // Duplicates leave slack at the end; a view drops it from every loop without copying.
    cols: write === total ? cols : cols.subarray(0, write),
    votes: write === total ? votes : votes.subarray(0, write),
    agree,
    disagree,
    pass,
    means,
  };
}

/** How many statements participant i voted on (passes included). */
export function votesOf(m: VoteMatrix, i: number): number {
  return m.rowStart[i + 1]! - m.rowStart[i]!;
}
