/**
 * A value kept in localStorage under one key, so it survives a reload and a closed tab. Where
 * storage is refused (a sandboxed frame such as WordPress's embed, private modes, strict
 * settings) it lives in memory for as long as the page is open, which is the best that can be
 * done and never an error; the widgets then say on screen that they cannot remember (see
 * `storageRefused()`).
 */
let refused = false;
const listeners = new Set<() => void>();

/** True once this page's storage has refused a read or a write. */
export const storageRefused = (): boolean => refused;

/** Calls `listener` when storage first refuses; returns the unsubscribe function. */
export function onStorageRefused(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records that storage threw (SecurityError in a sandbox, QuotaExceededError when full). */
export function noteStorageRefused(): void {
  if (refused) return;
  refused = true;
  for (const listener of listeners) listener();
}

export class StoredValue<T> {
  static readonly #memory = new Map<string, unknown>();

  constructor(readonly key: string) {}

  get(): T | null {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(this.key);
    } catch {
      noteStorageRefused();
    }
    try {
      if (raw) return JSON.parse(raw) as T;
    } catch {
      // unreadable: fall back to memory
    }
    return (StoredValue.#memory.get(this.key) as T | undefined) ?? null;
  }

  /** Kept in memory only when storage refuses it, so a value cleared from storage elsewhere is gone here too. */
  set(value: T): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(value));
      StoredValue.#memory.delete(this.key);
    } catch {
      // refused or full: the copy in memory serves this page view
      noteStorageRefused();
      StoredValue.#memory.set(this.key, value);
    }
  }

  clear(): void {
    StoredValue.#memory.delete(this.key);
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing stored
    }
  }
}
