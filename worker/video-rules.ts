/** What makes a stored video out of an editor's input, and what its readers see of it. */
import { randomId } from './crypto.ts';
import { slugOf } from './decision-rules.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import type { ErrorIssue } from './errors.ts';
import { LANGS } from './schema/common.ts';
import type { Lang, LocalizedText } from './schema/common.ts';
import type { Provider } from './schema/videos.ts';
import { playerOf } from './video-ref.ts';
import type { VideoRef } from './video-ref.ts';

export const videoNotFound = (id: string) => new NotFoundError('video_not_found', `There is no video "${id}" on this site.`);
export const channelNotFound = (id: string) => new NotFoundError('channel_not_found', `There is no channel "${id}" on this site.`);

export interface Chapter {
  start: number;
  title: LocalizedText;
}

/** A video as stored. */
export interface Video {
  id: string;
  channel: string;
  provider: Provider;
  ref: string;
  host: string | null;
  title: LocalizedText;
  description: LocalizedText | null;
  /** The editor's own transcript. */
  transcript: LocalizedText | null;
  chapters: Chapter[];
  duration: number | null;
  status: 'draft' | 'published';
  poster: { key: string; type: string; version: string } | null;
  /** The text of each language's captions; its keys are the languages with captions. */
  captionsTranscript: LocalizedText;
  languages: Lang[];
  publishedAt: string;
  updatedAt: string;
}

/** The fields an editor controls, complete (an edit is merged onto the stored video first). */
export interface VideoFields {
  channel: string;
  provider: Provider;
  title: LocalizedText;
  description?: LocalizedText | null;
  transcript?: LocalizedText | null;
  chapters: Chapter[];
  duration?: number | null;
  status: 'draft' | 'published';
  publishedAt?: string;
}

/** Whether the public may see it: published, and not scheduled for later. */
export const isPublic = (video: Pick<Video, 'status' | 'publishedAt'>, now: string) => video.status === 'published' && video.publishedAt <= now;

/**
 * Chapters in order, each starting after the one before and, when the duration is known, before
 * the end: a 400 naming the first chapter out of place.
 */
export function checkChapters(chapters: readonly Chapter[], duration: number | null | undefined): void {
  const issues: ErrorIssue[] = [];
  chapters.forEach((chapter, i) => {
    const previous = chapters[i - 1];
    if (previous && chapter.start <= previous.start) {
      issues.push({ path: ['chapters', i, 'start'], code: 'chapters_out_of_order', message: `Chapter ${i + 1} starts at ${chapter.start} s, not after chapter ${i} (${previous.start} s): list chapters in order of their start, each later than the one before.` });
    } else if (duration != null && chapter.start >= duration) {
      issues.push({ path: ['chapters', i, 'start'], code: 'chapter_after_end', message: `Chapter ${i + 1} starts at ${chapter.start} s, at or after the end of the ${duration}-second video.` });
    }
  });
  if (issues.length) throw new ValidationError(issues);
}

/** The languages a video has anything in, in the order fi, sv, en (worker/db/videos.ts has the same rule in SQL). */
export function languagesOf(...maps: (LocalizedText | null | undefined)[]): Lang[] {
  return LANGS.filter((lang) => maps.some((map) => map?.[lang] !== undefined));
}

/** An id from the first title: "Pormestarin videoblogi 11/2026" → "pormestarin-videoblogi-11-2026". */
export const videoIdFrom = (title: LocalizedText) => slugOf(Object.values(title)[0] ?? '');

/** The generated id with a short random suffix, for when it is taken. */
export function withSuffix(id: string): string {
  const suffix = Array.from(crypto.getRandomValues(new Uint8Array(5)), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
  return `${id.slice(0, 58).replace(/-+$/, '')}-${suffix}`;
}

/**
 * The video as stored: the checked reference, the languages it has. `existing` keeps an edited
 * video's id, poster and captions.
 */
export function buildVideo(
  id: string,
  fields: VideoFields,
  ref: VideoRef,
  now: string,
  existing?: Pick<Video, 'poster' | 'captionsTranscript' | 'publishedAt'>,
): Video {
  checkChapters(fields.chapters, fields.duration);
  const captionsTranscript = existing?.captionsTranscript ?? {};
  return {
    id,
    channel: fields.channel,
    provider: fields.provider,
    ref: ref.ref,
    host: ref.host,
    title: fields.title,
    description: fields.description ?? null,
    transcript: fields.transcript ?? null,
    chapters: fields.chapters.map(({ start, title }) => ({ start, title })),
    duration: fields.duration ?? null,
    status: fields.status,
    poster: existing?.poster ?? null,
    captionsTranscript,
    languages: languagesOf(fields.title, fields.description, fields.transcript, captionsTranscript),
    publishedAt: fields.publishedAt ? new Date(fields.publishedAt).toISOString() : (existing?.publishedAt ?? now),
    updatedAt: now,
  };
}

/** Where this site's video things live on this host: `origin` is the request's. */
export interface Place {
  origin: string;
  site: string;
}

export const videoPath = (place: Place, id: string) => `${place.origin}/api/v1/sites/${place.site}/videos/${id}`;

/** The explicit transcript per language, else the captions' text; null when there is neither. */
function transcriptOf(video: Video): LocalizedText | null {
  const merged: LocalizedText = {};
  for (const lang of LANGS) {
    const text = video.transcript?.[lang] ?? video.captionsTranscript[lang];
    if (text) merged[lang] = text;
  }
  return Object.keys(merged).length ? merged : null;
}

/** What a reader sees: the summary in lists, the full view for one video. */
export function videoViews(video: Video, place: Place) {
  const base = videoPath(place, video.id);
  const summary = {
    id: video.id,
    channel: video.channel,
    provider: video.provider,
    title: video.title,
    description: video.description,
    duration: video.duration,
    poster: video.poster ? `${base}/poster?v=${video.poster.version}` : null,
    languages: video.languages,
    status: video.status,
    publishedAt: video.publishedAt,
    updatedAt: video.updatedAt,
  };
  const { player, sourceUrl } = playerOf(video.provider, video, place.origin);
  const full = {
    ...summary,
    ref: video.ref,
    host: video.host,
    sourceUrl,
    player,
    transcript: transcriptOf(video),
    chapters: video.chapters,
    captions: LANGS.filter((lang) => video.captionsTranscript[lang] !== undefined).map((lang) => ({ lang, url: `${base}/captions/${lang}` })),
  };
  return { summary, full };
}

/** Caption texts are kept to this many bytes (as JSON) per language, so a video's row stays well under D1's 2 MB. */
export const CAPTIONS_TRANSCRIPT_MAX_BYTES = 300_000;

const encoder = new TextEncoder();
const jsonBytes = (text: string) => encoder.encode(JSON.stringify(text)).byteLength;

/** `text`, cut at a word (with "…") if its JSON would be larger than `maxBytes`. */
export function clipTranscript(text: string, maxBytes = CAPTIONS_TRANSCRIPT_MAX_BYTES): string {
  let size = jsonBytes(text);
  if (size <= maxBytes) return text;
  let clipped = text;
  while (size > maxBytes) {
    clipped = clipped.slice(0, Math.floor((clipped.length * maxBytes * 0.98) / size)).toWellFormed();
    size = jsonBytes(`${clipped}…`);
  }
  return `${clipped.replace(/\s+\S*$/, '')}…`;
}
