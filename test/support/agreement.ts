/**
 * How far two labellings of the same items agree, for the tests and benches that check a
 * grouping against planted or hand-labelled groups. Items labelled < 0 in either are left out.
 */

function contingency(a: ArrayLike<number>, b: ArrayLike<number>) {
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < 0 || b[i]! < 0) continue;
    n++;
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  return { table, rows, cols, n };
}

/** Adjusted Rand index (Hubert and Arabie 1985): 1 the same grouping, about 0 chance. */
export function adjustedRand(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { table, rows, cols, n } = contingency(a, b);
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, x) => s + pairs(x), 0);
  const expected = (sum(rows) * sum(cols)) / pairs(n);
  const max = (sum(rows) + sum(cols)) / 2;
  return max === expected ? 1 : (sum(table) - expected) / (max - expected);
}

/** Normalised mutual information, arithmetic mean of the entropies: 1 the same grouping, 0 independent. */
export function normalisedMutualInformation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { table, rows, cols, n } = contingency(a, b);
  const entropy = (m: Map<number, number>) => -[...m.values()].reduce((s, x) => s + (x / n) * Math.log(x / n), 0);
  let mi = 0;
  for (const [key, count] of table) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    mi += (count / n) * Math.log((count * n) / (rows.get(r)! * cols.get(c)!));
  }
  const mean = (entropy(rows) + entropy(cols)) / 2;
  return mean === 0 ? 1 : mi / mean;
}
