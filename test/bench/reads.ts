/**
 * Reads that must cost the same however many rows lie behind them, timed end to end through
 * `wrangler dev`: the median of `rounds` requests after two warm-ups, so one slow moment of the
 * machine does not decide it.
 *
 *   const ms = await medianRead(`${api}/polls/p/timeline`, { Authorization: `Bearer ${token}` });
 */
export async function medianRead(url: string, headers: Record<string, string> = {}, rounds = 25): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const began = performance.now();
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    if (i >= 2) times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
