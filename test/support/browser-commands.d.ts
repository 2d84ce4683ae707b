declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Makes every request to the demo site's API fail as a network error, or work again. */
    setApiReachable(reachable: boolean): Promise<void>;
  }
}
export {};
