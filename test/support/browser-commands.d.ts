declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Makes every request to the demo site's API fail as a network error, or work again. */
    setApiReachable(reachable: boolean): Promise<void>;
    /** Starts (or restarts) recording every request the page makes; other hosts get a stand-in page. */
    recordRequests(): Promise<void>;
    /** The URLs requested since `recordRequests()`, in order. */
    recordedRequests(): Promise<string[]>;
  }
}
export {};
