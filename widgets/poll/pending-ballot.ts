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

export function loadPending(apiBase: string, site: string, poll: string): PendingBallot | null {
  try {
    const raw = localStorage.getItem(storageKey(apiBase, site, poll));
    return raw ? (JSON.parse(raw) as PendingBallot) : null;
  } catch {
    return null;
  }
}

export function savePending(apiBase: string, site: string, poll: string, pending: PendingBallot): void {
  try {
    localStorage.setItem(storageKey(apiBase, site, poll), JSON.stringify(pending));
  } catch {
    // Storage blocked: the ballot still waits in memory for this page view.
  }
}

export function clearPending(apiBase: string, site: string, poll: string): void {
  try {
    localStorage.removeItem(storageKey(apiBase, site, poll));
  } catch {
    // nothing stored
  }
}
