import { StoredValue } from '../core/storage.ts';

/**
 * A ballot the resident cast while the server could not be reached. It waits in localStorage
 * with its idempotency key, and is sent again, with the same key, when the connection returns,
 * so it is counted once however many times it is sent.
 */
export interface PendingBallot {
  body: { choices: string[] } | { value: number };
  idempotencyKey: string;
  createdAt: string;
  /** Set once the browser failed to connect: then, and only then, sending it later is "the connection returned". */
  offline?: boolean;
}

export const pendingBallot = (apiBase: string, site: string, poll: string) => new StoredValue<PendingBallot>(`osallistu.pending-ballot:${apiBase}:${site}:${poll}`);
