/**
 * A ballot the resident cast while the server could not be reached. It waits in localStorage
 * with its idempotency key, and is sent again, with the same key, when the connection returns,
 * so it is counted once however many times it is sent.
 */
export interface PendingBallot {
  body: { choices: string[] } | { value: number };
  idempotencyKey: string;
  createdAt: string;
}

const storageKey = (apiBase: string, site: string, poll: string) => `osallistu.pending-ballot:${apiBase}:${site}:${poll}`;
/** Where storage is blocked, the ballot still waits here for as long as the page is open. */
const inMemory = new Map<string, PendingBallot>();

export function loadPending(apiBase: string, site: string, poll: string): PendingBallot | null {
  const key = storageKey(apiBase, site, poll);
  try {
    const raw = localStorage.getItem(key);
    if (raw) return JSON.parse(raw) as PendingBallot;
  } catch {
    // blocked or unreadable: fall back to memory
  }
  return inMemory.get(key) ?? null;
}

export function savePending(apiBase: string, site: string, poll: string, pending: PendingBallot): void {
  const key = storageKey(apiBase, site, poll);
  inMemory.set(key, pending);
  try {
    localStorage.setItem(key, JSON.stringify(pending));
  } catch {
    // blocked: the copy in memory serves this page view
  }
}

export function clearPending(apiBase: string, site: string, poll: string): void {
  const key = storageKey(apiBase, site, poll);
  inMemory.delete(key);
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing stored
  }
}
