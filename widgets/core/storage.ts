/**
 * A value kept in localStorage under one key, so it survives a reload and a closed tab. Where
 * storage is blocked (private modes, strict settings) it lives in memory for as long as the page
 * is open, which is the best that can be done and never an error.
 */
export class StoredValue<T> {
  static readonly #memory = new Map<string, unknown>();

  constructor(readonly key: string) {}

  get(): T | null {
    try {
      const raw = localStorage.getItem(this.key);
      if (raw) return JSON.parse(raw) as T;
    } catch {
      // blocked or unreadable: fall back to memory
    }
    return (StoredValue.#memory.get(this.key) as T | undefined) ?? null;
  }

  /** Kept in memory only when storage refuses it, so a value cleared from storage elsewhere is gone here too. */
  set(value: T): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(value));
      StoredValue.#memory.delete(this.key);
    } catch {
      // blocked or full: the copy in memory serves this page view
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
