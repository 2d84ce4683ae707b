/**
 * The voter token: random, made in this browser, never a cookie. The server stores only a hash
 * of it salted per poll, so it cannot link one poll's ballots to another's. Kept in localStorage;
 * where storage is blocked (private modes, strict settings) it lives for this page view only.
 */
const STORAGE_KEY = 'osallistu.voter';
let inMemory: string | undefined;

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface VoterToken {
  token: string;
  /** False when the browser refused storage: a reload makes a new voter. */
  persistent: boolean;
}

export function voterToken(storage: () => Storage = () => localStorage): VoterToken {
  try {
    const store = storage();
    let token = store.getItem(STORAGE_KEY);
    if (!token || !/^[0-9a-f]{32}$/.test(token)) {
      token = newToken();
      store.setItem(STORAGE_KEY, token);
    }
    return { token, persistent: true };
  } catch {
    inMemory ??= newToken();
    return { token: inMemory, persistent: false };
  }
}
