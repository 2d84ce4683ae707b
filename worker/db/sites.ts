import type { Lang, LocalizedText } from '../schema/common.ts';
import type { PublicJwk, Site, SiteRecord, SiteUpdate } from '../schema/sites.ts';

interface SiteRow {
  id: string;
  name: string;
  default_lang: Lang;
  languages: string;
  origins: string;
  voter_keys: string;
  challenge_site_key: string | null;
  challenge_secret: string | null;
  contact_retention_days: number;
  content_version: number;
}

const toSite = (row: SiteRow): SiteRecord => ({
  id: row.id,
  name: JSON.parse(row.name) as LocalizedText,
  defaultLang: row.default_lang,
  languages: JSON.parse(row.languages) as Lang[],
  origins: JSON.parse(row.origins) as string[],
  voterKeys: JSON.parse(row.voter_keys) as PublicJwk[],
  challengeSiteKey: row.challenge_site_key,
  challengeSecretSet: row.challenge_secret !== null,
  challengeSecret: row.challenge_secret,
  contactRetentionDays: row.contact_retention_days,
  contentVersion: row.content_version,
});

/** The settings an owner may read: everything but the secret. */
export function siteSettings({ challengeSecret: _secret, contentVersion: _version, ...site }: SiteRecord): Site {
  return site;
}

export async function findSite(db: D1Database, id: string): Promise<SiteRecord | null> {
  const row = await db
    .prepare('SELECT id, name, default_lang, languages, origins, voter_keys, challenge_site_key, challenge_secret, contact_retention_days, content_version FROM sites WHERE id = ?1')
    .bind(id)
    .first<SiteRow>();
  return row ? toSite(row) : null;
}

/** The statement that applies `update` to a site; run it in a batch with its audit row. */
export function updateSiteStatement(db: D1Database, current: SiteRecord, update: SiteUpdate, now: string): D1PreparedStatement {
  const next = { ...current, ...update };
  return db
    .prepare(
      `UPDATE sites SET name = ?2, default_lang = ?3, languages = ?4, origins = ?5, voter_keys = ?6,
         challenge_site_key = ?7, challenge_secret = ?8, contact_retention_days = ?10, updated_at = ?9 WHERE id = ?1`,
    )
    .bind(
      current.id,
      JSON.stringify(next.name),
      next.defaultLang,
      JSON.stringify(next.languages),
      JSON.stringify(next.origins),
      JSON.stringify(next.voterKeys),
      next.challengeSiteKey,
      next.challengeSecret,
      now,
      next.contactRetentionDays,
    );
}

export function insertSiteStatement(db: D1Database, site: Pick<Site, 'id' | 'name' | 'defaultLang' | 'languages' | 'origins'>, now: string): D1PreparedStatement {
  return db
    .prepare('INSERT INTO sites (id, name, default_lang, languages, origins, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)')
    .bind(site.id, JSON.stringify(site.name), site.defaultLang, JSON.stringify(site.languages), JSON.stringify(site.origins), now);
}

/** One more change to the site's content: public reads cached under the old version are left behind (worker/edge-cache/). */
export async function bumpContentVersion(db: D1Database, id: string): Promise<void> {
  await db.prepare('UPDATE sites SET content_version = content_version + 1 WHERE id = ?1').bind(id).run();
}
