import type { Lang } from '../schema/common.ts';
import type { Decision, DecisionQuery, Outcome } from '../schema/decisions.ts';

export interface DecisionRow {
  seq: number;
  site_id: string;
  id: string;
  source_id: string | null;
  organ_id: string;
  organ_name: string;
  meeting_id: string | null;
  meeting_date: string;
  section: string | null;
  case_id: string | null;
  title: string;
  summary: string | null;
  body: string | null;
  body_html: string | null;
  plain_summary: string | null;
  outcome: Outcome;
  topics: string;
  districts: string;
  attachments: string;
  source_url: string | null;
  languages: string;
  published_at: string;
  updated_at: string;
}

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export const toDecision = (row: DecisionRow): Decision & { seq: number } => ({
  seq: row.seq,
  id: row.id,
  sourceId: row.source_id,
  organ: { id: row.organ_id, name: JSON.parse(row.organ_name) },
  meeting: { id: row.meeting_id, date: row.meeting_date },
  section: row.section,
  caseId: row.case_id,
  title: JSON.parse(row.title),
  summary: json(row.summary),
  body: json(row.body),
  bodyHtml: json(row.body_html),
  plainSummary: json(row.plain_summary),
  outcome: row.outcome,
  topics: JSON.parse(row.topics),
  districts: JSON.parse(row.districts),
  attachments: JSON.parse(row.attachments),
  sourceUrl: row.source_url,
  languages: JSON.parse(row.languages) as Lang[],
  publishedAt: row.published_at,
  updatedAt: row.updated_at,
});

/** Every language's words of a decision, for the search index. */
export function searchText(d: Decision): string {
  const texts = [d.title, d.summary, d.plainSummary, d.body, d.organ.name].flatMap((map) => Object.values(map ?? {}));
  return [...texts, d.caseId ?? '', d.section ? `§ ${d.section}` : '', ...d.topics, ...d.districts].join('\n');
}

const COLUMNS = `site_id, id, source_id, organ_id, organ_name, meeting_id, meeting_date, section, case_id, title, summary, body, body_html,
  plain_summary, outcome, topics, districts, attachments, source_url, languages, search_text, published_at, updated_at`;

const stringify = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

function values(site: string, d: Decision): unknown[] {
  return [
    site, d.id, d.sourceId, d.organ.id, JSON.stringify(d.organ.name), d.meeting.id, d.meeting.date, d.section, d.caseId,
    JSON.stringify(d.title), stringify(d.summary), stringify(d.body), stringify(d.bodyHtml), stringify(d.plainSummary), d.outcome,
    JSON.stringify(d.topics), JSON.stringify(d.districts), JSON.stringify(d.attachments), d.sourceUrl, JSON.stringify(d.languages),
    searchText(d), d.publishedAt, d.updatedAt,
  ];
}
const PLACEHOLDERS = Array.from({ length: 23 }, (_, i) => `?${i + 1}`).join(', ');
const UPDATABLE = COLUMNS.split(',').map((c) => c.trim()).filter((c) => !['site_id', 'id', 'source_id', 'published_at'].includes(c));

/** The decision's topics and districts, replaced: `seqOf` is SQL giving its seq from ?1 (site) and ?2. */
function tagStatements(db: D1Database, site: string, key: string, seqOf: string, d: Decision): D1PreparedStatement[] {
  const tags = [...d.topics.map((value) => ['topic', value]), ...d.districts.map((value) => ['district', value])];
  return [
    db.prepare(`DELETE FROM decision_tags WHERE seq = (${seqOf})`).bind(site, key),
    ...(tags.length
      ? [
          db
            .prepare(`INSERT INTO decision_tags (site_id, kind, value, seq) SELECT ?1, j.value ->> 0, j.value ->> 1, (${seqOf}) FROM json_each(?3) AS j`)
            .bind(site, key, JSON.stringify(tags)),
        ]
      : []),
  ];
}
const BY_ID = 'SELECT seq FROM decisions WHERE site_id = ?1 AND id = ?2';
const BY_SOURCE = 'SELECT seq FROM decisions WHERE site_id = ?1 AND source_id = ?2';

export function insertDecisionStatements(db: D1Database, site: string, d: Decision): D1PreparedStatement[] {
  return [db.prepare(`INSERT INTO decisions (${COLUMNS}) VALUES (${PLACEHOLDERS})`).bind(...values(site, d)), ...tagStatements(db, site, d.id, BY_ID, d)];
}

export function updateDecisionStatements(db: D1Database, site: string, d: Decision): D1PreparedStatement[] {
  const set = UPDATABLE.map((column) => `${column} = excluded.${column}`).join(', ');
  // An upsert on the primary identity keeps one statement shape for edits and imports.
  return [
    db.prepare(`INSERT INTO decisions (${COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT (site_id, id) DO UPDATE SET ${set}, source_id = excluded.source_id`).bind(...values(site, d)),
    ...tagStatements(db, site, d.id, BY_ID, d),
  ];
}

/**
 * An import's write of one record: a decision with the same source id is updated in place (its
 * own id and publication time kept), any other is created.
 */
export function upsertBySourceStatements(db: D1Database, site: string, d: Decision & { sourceId: string }): D1PreparedStatement[] {
  const set = UPDATABLE.map((column) => `${column} = excluded.${column}`).join(', ');
  return [
    db
      .prepare(`INSERT INTO decisions (${COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT (site_id, source_id) WHERE source_id IS NOT NULL DO UPDATE SET ${set}`)
      .bind(...values(site, d)),
    ...tagStatements(db, site, d.sourceId, BY_SOURCE, d),
  ];
}

export function deleteDecisionStatement(db: D1Database, site: string, id: string): D1PreparedStatement {
  return db.prepare('DELETE FROM decisions WHERE site_id = ?1 AND id = ?2').bind(site, id);
}

export async function findDecision(db: D1Database, site: string, id: string): Promise<(Decision & { seq: number }) | null> {
  const row = await db.prepare('SELECT * FROM decisions WHERE site_id = ?1 AND id = ?2').bind(site, id).first<DecisionRow>();
  return row ? toDecision(row) : null;
}

/** Which of these source ids the site already has. */
export async function existingSourceIds(db: D1Database, site: string, sourceIds: string[]): Promise<Set<string>> {
  if (!sourceIds.length) return new Set();
  const { results } = await db
    .prepare('SELECT source_id FROM decisions WHERE site_id = ?1 AND source_id IN (SELECT value FROM json_each(?2))')
    .bind(site, JSON.stringify(sourceIds))
    .all<{ source_id: string }>();
  return new Set(results.map((r) => r.source_id));
}

/** "koulu verkko" → `"koulu"* "verkko"*`: every word by its beginning, all of them; '' when there are none. */
export function ftsQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 10) ?? [];
  return words.map((word) => `"${word}"*`).join(' ');
}

export interface DecisionFilter extends Pick<DecisionQuery, 'organ' | 'topic' | 'district' | 'from' | 'to' | 'q' | 'case'> {
  /** Continue after this (meeting date, seq). */
  after?: { date: string; seq: number };
  limit: number;
}

/** Words matching at most this many decisions (in all sites) are looked up one by one; more, and the feed is walked. */
const FEW_HITS = 1000;

/**
 * The site's decisions, newest meeting first, filtered; stable under inserts (keyset paging).
 * `timing`, if given, learns how long D1 took over the query (its own `meta.duration`).
 *
 * With words (`q`) one statement picks one of two plans by how many decisions the words match
 * (a probe of at most FEW_HITS + 1 index entries):
 * - few: those decisions are read by key, filtered and sorted: cost grows with the matches,
 *   at most FEW_HITS, and a word nothing matches costs nothing;
 * - many: the site's feed (or the organ's) is walked newest first until `limit` rows pass,
 *   which with many matches is soon. Walking for a rare word would read the whole feed.
 * Each branch runs only when its condition holds: the other's LIMIT is 0 or its rows are
 * filtered out before any lookup. The unary `+` keeps the walk on the feed's index.
 */
export async function listDecisions(db: D1Database, site: string, filter: DecisionFilter, timing?: (ms: number) => void): Promise<(Decision & { seq: number })[]> {
  const where = ['d.site_id = ?1'];
  const binds: unknown[] = [site];
  const bind = (value: unknown) => `?${binds.push(value)}`;
  if (filter.organ) where.push(`d.organ_id = ${bind(filter.organ)}`);
  if (filter.case) where.push(`d.case_id = ${bind(filter.case)}`);
  if (filter.from) where.push(`d.meeting_date >= ${bind(filter.from)}`);
  if (filter.to) where.push(`d.meeting_date <= ${bind(filter.to)}`);
  if (filter.after) where.push(`(d.meeting_date, d.seq) < (${bind(filter.after.date)}, ${bind(filter.after.seq)})`);
  const tags = (['topic', 'district'] as const).flatMap((kind) => (filter[kind] ? [{ kind, value: bind(filter[kind]) }] : []));
  const inTag = (plus: string) => tags.map(({ kind, value }) => `${plus}d.seq IN (SELECT seq FROM decision_tags WHERE site_id = ?1 AND kind = '${kind}' AND value = ${value})`);
  const order = 'ORDER BY d.meeting_date DESC, d.seq DESC';
  const match = filter.q ? ftsQuery(filter.q) : '';
  let sql: string;
  if (!match) {
    sql = `SELECT d.* FROM decisions d WHERE ${[...where, ...inTag('')].join(' AND ')} ${order} LIMIT ${bind(filter.limit)}`;
  } else {
    const [words, limit, few] = [bind(match), bind(filter.limit), bind(FEW_HITS)];
    const perHit = [...where, ...tags.map(({ kind, value }) => `EXISTS (SELECT 1 FROM decision_tags t WHERE t.site_id = ?1 AND t.kind = '${kind}' AND t.value = ${value} AND t.seq = d.seq)`)];
    const walk = [...where, ...inTag('+'), `+d.seq IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ${words})`];
    sql = `WITH hits (seq) AS MATERIALIZED (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ${words} LIMIT ${few} + 1),
      few (yes) AS MATERIALIZED (SELECT count(*) <= ${few} FROM hits),
      picked (seq) AS (
        SELECT * FROM (SELECT d.seq FROM (SELECT seq FROM hits WHERE (SELECT yes FROM few)) h CROSS JOIN decisions d ON d.seq = h.seq
          WHERE ${perHit.join(' AND ')} ${order} LIMIT ${limit})
        UNION ALL
        SELECT * FROM (SELECT d.seq FROM decisions d WHERE ${walk.join(' AND ')} ${order} LIMIT CASE WHEN (SELECT yes FROM few) THEN 0 ELSE ${limit} END))
      SELECT d.* FROM decisions d WHERE d.seq IN (SELECT seq FROM picked) ${order}`;
  }
  const { results, meta } = await db.prepare(sql).bind(...binds).all<DecisionRow>();
  timing?.(meta.duration);
  return results.map(toDecision);
}

export interface FacetCounts {
  organs: { id: string; name: Partial<Record<Lang, string>>; count: number }[];
  topics: { value: string; label: Partial<Record<Lang, string>>; count: number }[];
  districts: { value: string; label: Partial<Record<Lang, string>>; count: number }[];
}

/**
 * The organs, topics and districts the site's decisions have (of one organ, if given), with how
 * many each: read from the counts the triggers keep (migrations/0015_kept_counts.sql), so as
 * many rows as organs × terms, whatever the number of decisions.
 */
export async function decisionFacets(db: D1Database, site: string, organ?: string): Promise<FacetCounts> {
  const [organs, tags] = await db.batch([
    db.prepare("SELECT organ_id AS id, name, count FROM decision_facet_counts WHERE site_id = ?1 AND kind = 'organ' ORDER BY count DESC, organ_id").bind(site),
    db
      .prepare(
        `SELECT c.kind, c.value, SUM(c.count) AS count,
            (SELECT n.label FROM decision_terms n WHERE n.site_id = ?1 AND n.kind = c.kind AND n.value = c.value) AS label
          FROM decision_facet_counts c
          WHERE c.site_id = ?1 AND c.kind IN ('topic', 'district') AND (?2 IS NULL OR c.organ_id = ?2) GROUP BY c.kind, c.value ORDER BY count DESC, c.value`,
      )
      .bind(site, organ ?? null),
  ]);
  const tagRows = (tags!.results as { kind: string; value: string; count: number; label: string | null }[]).map(({ kind, value, count, label }) => ({
    kind,
    term: { value, label: label ? (JSON.parse(label) as Partial<Record<Lang, string>>) : {}, count },
  }));
  return {
    organs: (organs!.results as { id: string; name: string; count: number }[]).map((o) => ({ ...o, name: JSON.parse(o.name) })),
    topics: tagRows.filter((t) => t.kind === 'topic').map((t) => t.term),
    districts: tagRows.filter((t) => t.kind === 'district').map((t) => t.term),
  };
}

/**
 * The site's decisions with these source ids: each one's own id and publication time, which an
 * import keeps. Looked up a few hundred at a time, so any number of ids stays one small query each.
 */
export async function decisionsBySourceId(db: D1Database, site: string, sourceIds: string[]): Promise<Map<string, Pick<Decision, 'id' | 'publishedAt'>>> {
  const found = new Map<string, Pick<Decision, 'id' | 'publishedAt'>>();
  for (let i = 0; i < sourceIds.length; i += 500) {
    const { results } = await db
      .prepare('SELECT source_id, id, published_at FROM decisions WHERE site_id = ?1 AND source_id IN (SELECT value FROM json_each(?2))')
      .bind(site, JSON.stringify(sourceIds.slice(i, i + 500)))
      .all<{ source_id: string; id: string; published_at: string }>();
    for (const row of results) found.set(row.source_id, { id: row.id, publishedAt: row.published_at });
  }
  return found;
}
