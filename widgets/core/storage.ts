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

  set(value: T): void {
    StoredValue.#memory.set(this.key, value);
    try {
      localStorage.setItem(this.key, JSON.stringify(value));
    } catch {
      // blocked or full: the copy in memory serves this page view
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
