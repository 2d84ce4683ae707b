import { LANGS } from '../schema/common.ts';
import type { Lang, LocalizedText } from '../schema/common.ts';
import type { Provider } from '../schema/videos.ts';
import type { Video } from '../video-rules.ts';

interface VideoRow {
  seq: number;
  site_id: string;
  id: string;
  channel_id: string;
  provider: Provider;
  ref: string;
  host: string | null;
  title: string;
  description: string | null;
  transcript: string | null;
  chapters: string;
  duration: number | null;
  status: 'draft' | 'published';
  poster_key: string | null;
  poster_type: string | null;
  poster_version: string | null;
  captions_transcript: string | null;
  languages: string;
  published_at: string;
  updated_at: string;
}

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
const stringify = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const toVideo = (row: VideoRow): Video & { seq: number } => ({
  seq: row.seq,
  id: row.id,
  channel: row.channel_id,
  provider: row.provider,
  ref: row.ref,
  host: row.host,
  title: JSON.parse(row.title),
  description: json(row.description),
  transcript: json(row.transcript),
  chapters: JSON.parse(row.chapters),
  duration: row.duration,
  status: row.status,
  poster: row.poster_key && row.poster_type && row.poster_version ? { key: row.poster_key, type: row.poster_type, version: row.poster_version } : null,
  captionsTranscript: json<LocalizedText>(row.captions_transcript) ?? {},
  languages: JSON.parse(row.languages) as Lang[],
  publishedAt: row.published_at,
  updatedAt: row.updated_at,
});

/**
 * Sets a video's `languages` from what it has now: its texts and its captions, in the order fi,
 * sv, en (as `languagesOf` in worker/video-rules.ts). In the batch of every write that changes
 * them, so two writes at once (an edit and a captions upload) cannot leave a stale list.
 */
function refreshLanguagesStatement(db: D1Database, site: string, id: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE videos SET languages = (
         SELECT json_group_array(lang) FROM (
           SELECT l.value AS lang FROM json_each(?3) AS l
            WHERE json_type(videos.title, '$.' || l.value) IS NOT NULL
               OR json_type(videos.description, '$.' || l.value) IS NOT NULL
               OR json_type(videos.transcript, '$.' || l.value) IS NOT NULL
               OR json_type(videos.captions_transcript, '$.' || l.value) IS NOT NULL
            ORDER BY l.key))
        WHERE site_id = ?1 AND id = ?2`,
    )
    .bind(site, id, JSON.stringify(LANGS));
}

export function insertVideoStatement(db: D1Database, site: string, v: Video): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO videos (site_id, id, channel_id, provider, ref, host, title, description, transcript, chapters, duration, status,
         poster_key, poster_type, poster_version, captions_transcript, languages, published_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, NULL, NULL, NULL, ?13, ?14, ?15)`,
    )
    .bind(
      site, v.id, v.channel, v.provider, v.ref, v.host, JSON.stringify(v.title), stringify(v.description), stringify(v.transcript),
      JSON.stringify(v.chapters), v.duration, v.status, JSON.stringify(v.languages), v.publishedAt, v.updatedAt,
    );
}

/** An edit: everything but the poster and the captions, which have their own writes. */
export function updateVideoStatements(db: D1Database, site: string, v: Video): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE videos SET channel_id = ?3, provider = ?4, ref = ?5, host = ?6, title = ?7, description = ?8, transcript = ?9,
           chapters = ?10, duration = ?11, status = ?12, published_at = ?13, updated_at = ?14
          WHERE site_id = ?1 AND id = ?2`,
      )
      .bind(
        site, v.id, v.channel, v.provider, v.ref, v.host, JSON.stringify(v.title), stringify(v.description), stringify(v.transcript),
        JSON.stringify(v.chapters), v.duration, v.status, v.publishedAt, v.updatedAt,
      ),
    refreshLanguagesStatement(db, site, v.id),
  ];
}

/** The video and its captions (its poster is in R2: the caller removes it). */
export function deleteVideoStatements(db: D1Database, site: string, id: string): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM video_captions WHERE site_id = ?1 AND video_id = ?2').bind(site, id),
    db.prepare('DELETE FROM videos WHERE site_id = ?1 AND id = ?2').bind(site, id),
  ];
}

export async function findVideo(db: D1Database, site: string, id: string): Promise<(Video & { seq: number }) | null> {
  const row = await db.prepare('SELECT * FROM videos WHERE site_id = ?1 AND id = ?2').bind(site, id).first<VideoRow>();
  return row ? toVideo(row) : null;
}

export interface VideoFilter {
  channel?: string;
  status?: 'draft' | 'published';
  /** Only what the public sees at this time: published, and published_at not after it. */
  publicAt?: string;
  /** Continue after this (published_at, seq). */
  after?: { publishedAt: string; seq: number };
  limit: number;
}

function listStatement(db: D1Database, site: string, filter: VideoFilter): D1PreparedStatement {
  const where = ['site_id = ?1'];
  const binds: unknown[] = [site];
  const bind = (value: unknown) => `?${binds.push(value)}`;
  if (filter.channel) where.push(`channel_id = ${bind(filter.channel)}`);
  if (filter.status) where.push(`status = ${bind(filter.status)}`);
  if (filter.publicAt) where.push(`status = 'published'`, `published_at <= ${bind(filter.publicAt)}`);
  if (filter.after) where.push(`(published_at, seq) < (${bind(filter.after.publishedAt)}, ${bind(filter.after.seq)})`);
  return db
    .prepare(`SELECT * FROM videos WHERE ${where.join(' AND ')} ORDER BY published_at DESC, seq DESC LIMIT ${bind(filter.limit)}`)
    .bind(...binds);
}

/** The site's videos (of one channel, if given), newest first; stable under inserts (keyset paging). */
export async function listVideos(db: D1Database, site: string, filter: VideoFilter): Promise<(Video & { seq: number })[]> {
  const { results } = await listStatement(db, site, filter).all<VideoRow>();
  return results.map(toVideo);
}

export interface Channel {
  id: string;
  title: LocalizedText | null;
  description: LocalizedText | null;
}

export function upsertChannelStatement(db: D1Database, site: string, channel: Channel & { title: LocalizedText }, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO video_channels (site_id, id, title, description, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (site_id, id) DO UPDATE SET title = excluded.title, description = excluded.description, updated_at = excluded.updated_at`,
    )
    .bind(site, channel.id, JSON.stringify(channel.title), stringify(channel.description), now);
}

/**
 * One page of a channel as the public sees it, with the channel's row; `exists` is whether the
 * channel has a row or any public video (a page past the last can be empty for a channel that exists).
 */
export async function channelPage(
  db: D1Database,
  site: string,
  channel: string,
  filter: { publicAt: string; after?: VideoFilter['after']; limit: number },
): Promise<{ channel: Channel; exists: boolean; videos: (Video & { seq: number })[] }> {
  const [row, page, visible] = await db.batch([
    db.prepare('SELECT title, description FROM video_channels WHERE site_id = ?1 AND id = ?2').bind(site, channel),
    listStatement(db, site, { ...filter, channel }),
    db.prepare(`SELECT 1 FROM videos WHERE site_id = ?1 AND channel_id = ?2 AND status = 'published' AND published_at <= ?3 LIMIT 1`).bind(site, channel, filter.publicAt),
  ]);
  const found = row!.results[0] as { title: string; description: string | null } | undefined;
  return {
    channel: { id: channel, title: found ? JSON.parse(found.title) : null, description: found ? json(found.description) : null },
    exists: Boolean(found) || visible!.results.length > 0,
    videos: (page!.results as VideoRow[]).map(toVideo),
  };
}

/**
 * A language's captions, replaced, and their text in the video's row. Fails on the foreign key
 * when the video is gone.
 */
export function putCaptionsStatements(
  db: D1Database,
  site: string,
  video: string,
  captions: { lang: Lang; vtt: string; cues: number; transcript: string },
  now: string,
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO video_captions (site_id, video_id, lang, vtt, cues, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (site_id, video_id, lang) DO UPDATE SET vtt = excluded.vtt, cues = excluded.cues, updated_at = excluded.updated_at`,
      )
      .bind(site, video, captions.lang, captions.vtt, captions.cues, now),
    db
      .prepare(`UPDATE videos SET captions_transcript = json_set(coalesce(captions_transcript, '{}'), '$.' || ?3, ?4), updated_at = ?5 WHERE site_id = ?1 AND id = ?2`)
      .bind(site, video, captions.lang, captions.transcript, now),
    refreshLanguagesStatement(db, site, video),
  ];
}

export function deleteCaptionsStatements(db: D1Database, site: string, video: string, lang: Lang, now: string): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM video_captions WHERE site_id = ?1 AND video_id = ?2 AND lang = ?3').bind(site, video, lang),
    db
      .prepare(`UPDATE videos SET captions_transcript = nullif(json_remove(coalesce(captions_transcript, '{}'), '$.' || ?3), '{}'), updated_at = ?4 WHERE site_id = ?1 AND id = ?2`)
      .bind(site, video, lang, now),
    refreshLanguagesStatement(db, site, video),
  ];
}

export async function findCaptions(db: D1Database, site: string, video: string, lang: Lang): Promise<{ vtt: string; cues: number; updatedAt: string } | null> {
  const row = await db
    .prepare('SELECT vtt, cues, updated_at FROM video_captions WHERE site_id = ?1 AND video_id = ?2 AND lang = ?3')
    .bind(site, video, lang)
    .first<{ vtt: string; cues: number; updated_at: string }>();
  return row ? { vtt: row.vtt, cues: row.cues, updatedAt: row.updated_at } : null;
}

/** The poster's R2 key, type and version (null: no poster). */
export function setPosterStatement(db: D1Database, site: string, id: string, poster: Video['poster'], now: string): D1PreparedStatement {
  return db
    .prepare('UPDATE videos SET poster_key = ?3, poster_type = ?4, poster_version = ?5, updated_at = ?6 WHERE site_id = ?1 AND id = ?2')
    .bind(site, id, poster?.key ?? null, poster?.type ?? null, poster?.version ?? null, now);
}
