import type { Lang } from '../schema/common.ts';

export type TermKind = 'topic' | 'district';
export type TermLabel = Partial<Record<Lang, string>>;

export interface TermRow {
  kind: TermKind;
  value: string;
  label: TermLabel;
}

/** The labels of the site's terms among `values` (any kind), by value; terms without a label are left out. */
export async function termLabels(db: D1Database, site: string, values: string[]): Promise<Record<string, TermLabel>> {
  const wanted = [...new Set(values)];
  if (!wanted.length) return {};
  const { results } = await db
    .prepare("SELECT kind, value, label FROM decision_terms WHERE site_id = ?1 AND value IN (SELECT value FROM json_each(?2)) AND label != '{}' ORDER BY kind DESC, value")
    .bind(site, JSON.stringify(wanted))
    .all<{ kind: TermKind; value: string; label: string }>();
  const labels: Record<string, TermLabel> = {};
  // A topic and a district with the same slug: the topic's label wins (kind DESC puts it last).
  for (const row of results) labels[row.value] = { ...labels[row.value], ...(JSON.parse(row.label) as TermLabel) };
  return labels;
}

/**
 * Every term the site's decisions mention or an official has labelled, with its label and how
 * many decisions carry it; most used first.
 */
export async function listTerms(db: D1Database, site: string): Promise<(TermRow & { count: number })[]> {
  const { results } = await db
    .prepare(
      `WITH used AS (SELECT kind, value, COUNT(*) AS count FROM decision_tags WHERE site_id = ?1 GROUP BY kind, value),
        named AS (SELECT kind, value, label FROM decision_terms WHERE site_id = ?1)
      SELECT u.kind, u.value, COALESCE(n.label, '{}') AS label, u.count FROM used u LEFT JOIN named n ON n.kind = u.kind AND n.value = u.value
      UNION ALL
      SELECT n.kind, n.value, n.label, 0 FROM named n WHERE NOT EXISTS (SELECT 1 FROM used u WHERE u.kind = n.kind AND u.value = n.value)
      ORDER BY 1 DESC, 4 DESC, 2`,
    )
    .bind(site)
    .all<{ kind: TermKind; value: string; label: string; count: number }>();
  return results.map((r) => ({ kind: r.kind, value: r.value, label: JSON.parse(r.label) as TermLabel, count: r.count }));
}

/** One term's label, replaced (an empty object removes every language's label). */
export function putTermStatement(db: D1Database, site: string, term: TermRow, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO decision_terms (site_id, kind, value, label, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (site_id, kind, value) DO UPDATE SET label = excluded.label, updated_at = excluded.updated_at`,
    )
    .bind(site, term.kind, term.value, JSON.stringify(term.label), now);
}

/** How many of the site's decisions carry the term. */
export async function termCount(db: D1Database, site: string, kind: TermKind, value: string): Promise<number> {
  const row = await db.prepare('SELECT COUNT(*) AS count FROM decision_tags WHERE site_id = ?1 AND kind = ?2 AND value = ?3').bind(site, kind, value).first<{ count: number }>();
  return row?.count ?? 0;
}
