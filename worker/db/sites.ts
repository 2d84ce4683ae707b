import type { Lang, LocalizedText } from '../schema/common.ts';
import type { Site, SiteUpdate } from '../schema/sites.ts';

interface SiteRow {
  id: string;
  name: string;
  default_lang: Lang;
  languages: string;
  origins: string;
}

const toSite = (row: SiteRow): Site => ({
  id: row.id,
  name: JSON.parse(row.name) as LocalizedText,
  defaultLang: row.default_lang,
  languages: JSON.parse(row.languages) as Lang[],
  origins: JSON.parse(row.origins) as string[],
});

export async function findSite(db: D1Database, id: string): Promise<Site | null> {
  const row = await db
    .prepare('SELECT id, name, default_lang, languages, origins FROM sites WHERE id = ?1')
    .bind(id)
    .first<SiteRow>();
  return row ? toSite(row) : null;
}

/** The statement that applies `update` to a site; run it in a batch with its audit row. */
export function updateSiteStatement(db: D1Database, current: Site, update: SiteUpdate, now: string): D1PreparedStatement {
  const next = { ...current, ...update };
  return db
    .prepare('UPDATE sites SET name = ?2, default_lang = ?3, languages = ?4, origins = ?5, updated_at = ?6 WHERE id = ?1')
    .bind(current.id, JSON.stringify(next.name), next.defaultLang, JSON.stringify(next.languages), JSON.stringify(next.origins), now);
}

export function insertSiteStatement(db: D1Database, site: Site, now: string): D1PreparedStatement {
  return db
    .prepare('INSERT INTO sites (id, name, default_lang, languages, origins, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)')
    .bind(site.id, JSON.stringify(site.name), site.defaultLang, JSON.stringify(site.languages), JSON.stringify(site.origins), now);
}
