import type { Catalogue } from '../schema/catalogue.ts';

/**
 * What a CMS block may embed, read in one batch: polls and forms that are not drafts, videos that
 * are published (not scheduled for later), the channels those videos are in (named by their row,
 * else by their id) and the organs that have decisions. Each list is capped: a picker, not an export.
 */
const LIMIT = 500;

interface Row {
  id: string;
  title: string | null;
  status?: 'open' | 'closed';
}

const parse = (text: string | null, fallback: string) => (text ? (JSON.parse(text) as Record<string, string>) : { en: fallback });

export async function readCatalogue(db: D1Database, site: string, now: string): Promise<Catalogue> {
  const [polls, forms, videos, channels, organs] = await db.batch<Row>([
    db.prepare(`SELECT id, json_extract(definition, '$.question') AS title, status FROM polls WHERE site_id = ?1 AND status <> 'draft' ORDER BY updated_at DESC LIMIT ${LIMIT}`).bind(site),
    db.prepare(`SELECT id, json_extract(definition, '$.title') AS title, status FROM forms WHERE site_id = ?1 AND status <> 'draft' ORDER BY updated_at DESC LIMIT ${LIMIT}`).bind(site),
    db.prepare(`SELECT id, title FROM videos WHERE site_id = ?1 AND status = 'published' AND published_at <= ?2 ORDER BY published_at DESC, seq DESC LIMIT ${LIMIT}`).bind(site, now),
    db
      .prepare(
        `SELECT v.channel_id AS id, c.title AS title FROM videos v LEFT JOIN video_channels c ON c.site_id = v.site_id AND c.id = v.channel_id
         WHERE v.site_id = ?1 AND v.status = 'published' AND v.published_at <= ?2 GROUP BY v.channel_id ORDER BY v.channel_id LIMIT ${LIMIT}`,
      )
      .bind(site, now),
    db.prepare(`SELECT organ_id AS id, max(organ_name) AS title FROM decisions WHERE site_id = ?1 GROUP BY organ_id ORDER BY organ_id LIMIT ${LIMIT}`).bind(site),
  ]);
  return {
    polls: polls!.results.map((r) => ({ id: r.id, title: parse(r.title, r.id), status: r.status! })),
    forms: forms!.results.map((r) => ({ id: r.id, title: parse(r.title, r.id), status: r.status! })),
    videos: videos!.results.map((r) => ({ id: r.id, title: parse(r.title, r.id) })),
    channels: channels!.results.map((r) => ({ id: r.id, title: parse(r.title, r.id) })),
    organs: organs!.results.map((r) => ({ id: r.id, name: parse(r.title, r.id) })),
  };
}
