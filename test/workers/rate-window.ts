/**
 * Rate-limiting bindings count in fixed windows on the wall clock (60 s here), so a count that
 * straddles a window's end restarts part-way. `inOneWindow` runs `attempt` again, on fresh keys,
 * when its first run did straddle one: a retry on a state (the window changed), never a wait.
 */
const windowOf = (periodSeconds: number) => Math.floor(Date.now() / (periodSeconds * 1000));

export async function inOneWindow<T>(attempt: () => Promise<T>, periodSeconds = 60): Promise<T> {
  for (let run = 0; ; run++) {
    const before = windowOf(periodSeconds);
    const result = await attempt();
    if (windowOf(periodSeconds) === before || run === 2) return result;
  }
}
