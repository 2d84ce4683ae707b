/** Rows per table, for tests that prove a rejected request wrote nothing anywhere. */
export async function tableRowCounts(db: D1Database): Promise<Record<string, number>> {
  const { results: tables } = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY name")
    .all<{ name: string }>();
  const counts = await db.batch(tables.map(({ name }) => db.prepare(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`)));
  return Object.fromEntries(tables.map(({ name }, i) => [name, (counts[i]?.results[0] as { n: number }).n]));
}
