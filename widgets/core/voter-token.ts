import { noteStorageRefused } from './storage.ts';

/**
 * The voter token: random, made in this browser, never a cookie. The server stores only a hash
 * of it salted per poll, so it cannot link one poll's ballots to another's. Kept in localStorage;
 * where storage is refused (a sandboxed frame, private modes, strict settings) it lives for this
 * page view only, and the widgets say so.
 */
const STORAGE_KEY = 'osallistu.voter';
let inMemory: string | undefined;

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const valid = (token: string | null | undefined): token is string => Boolean(token && /^[0-9a-f]{32}$/.test(token));

/** The voter token, made on first use: call it when the resident votes, not on page view. */
export function voterToken(storage: () => Storage = () => localStorage): string {
  try {
    const store = storage();
    let token = store.getItem(STORAGE_KEY);
    if (!valid(token)) {
      token = newToken();
      store.setItem(STORAGE_KEY, token);
    }
    return token;
  } catch {
    noteStorageRefused();
    inMemory ??= newToken();
    return inMemory;
  }
}

/** The voter token if this browser has voted before, without making one. */
export function existingVoterToken(storage: () => Storage = () => localStorage): string | undefined {
  try {
    const token = storage().getItem(STORAGE_KEY);
    return valid(token) ? token : inMemory;
  } catch {
    noteStorageRefused();
    return inMemory;
  }
}
