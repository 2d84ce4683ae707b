/**
 * Fair limits on ballots, per poll and minute, counted by the poll's own PollCounter (one
 * object per poll, so the counts are exact, and cost no call to anything else): every ballot
 * counts against its client address (BALLOTS_PER_ADDRESS for all voters together, so a class or
 * an office behind one address votes at once, while a script minting a token per ballot is held
 * to it), and a voter who already has a ballot also against themselves, from any address
 * (REPEATS_PER_VOTER changes or repeats: a resident rarely meets it, a script re-voting with one
 * token does). Replays of an Idempotency-Key count against neither. Both are keyed on salted
 * hashes (the address's changes daily), never an address or a token, and kept only in memory.
 */
export const BALLOTS_PER_ADDRESS = 1_000;
export const REPEATS_PER_VOTER = 20;

/**
 * Past this many keys in one minute, new keys are let through uncounted rather than growing
 * memory: 1,666 new addresses a second, more than one object's ~1,000 requests a second.
 */
const MAX_KEYS = 100_000;
/** 64 bits of a SHA-256 hex hash: keys stay small, and two addresses share a count once in 2^64. */
const KEY_CHARS = 16;

/** Counts per key in fixed one-minute windows on the wall clock, as Cloudflare's rate limiting binding does. */
export class MinuteCounts {
  private window = -1;
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Counts one for `key`; false once the key is over the limit in this minute. */
  take(key: string, now = Date.now()): boolean {
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const short = key.slice(0, KEY_CHARS);
    const count = this.counts.get(short);
    if (count === undefined && this.counts.size >= MAX_KEYS) return true;
    this.counts.set(short, (count ?? 0) + 1);
    return (count ?? 0) < this.limit;
  }
}
