/**
 * A video's files on this host: its poster image (in R2, binding MEDIA) and its WebVTT captions
 * per language (in D1, with their text for the transcript). Uploads are the body itself, not
 * JSON: `worker/index.ts` gives these paths their own media types and sizes.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { auditStatement } from '../db/audit.ts';
import { deleteCaptionsStatements, findCaptions, findVideo, putCaptionsStatements, setPosterStatement } from '../db/videos.ts';
import { ApiError, NotFoundError } from '../errors.ts';
import { optionalOfficial } from '../middleware/auth.ts';
import type { RequestBodyOptions } from '../middleware/request-body.ts';
import { errorResponses } from '../schema/common.ts';
import { CaptionParams, VideoParams } from '../schema/videos.ts';
import { clipTranscript, isPublic, videoNotFound, videoPath } from '../video-rules.ts';
import { parseWebVtt, transcriptFromCues } from '../webvtt.ts';
import { PUBLIC_CACHE, placeOf } from './videos.ts';

const app = createApp();

export const POSTER_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
type PosterType = (typeof POSTER_TYPES)[number];
export const POSTER_MAX_BYTES = 2 * 1024 * 1024;
export const CAPTIONS_MAX_BYTES = 1024 * 1024;

export const POSTER_PATH = /^\/api\/v1\/sites\/[^/]+\/videos\/[^/]+\/poster$/;
export const POSTER_BODY: RequestBodyOptions = { maxBytes: POSTER_MAX_BYTES, types: [...POSTER_TYPES] };
export const CAPTIONS_PATH = /^\/api\/v1\/sites\/[^/]+\/videos\/[^/]+\/captions\/[^/]+$/;
export const CAPTIONS_BODY: RequestBodyOptions = { maxBytes: CAPTIONS_MAX_BYTES, types: ['text/vtt'] };

const posterNotFound = (id: string) => new NotFoundError('poster_not_found', `The video "${id}" has no poster.`);
const captionsNotFound = (id: string, lang: string) => new NotFoundError('captions_not_found', `The video "${id}" has no captions in "${lang}".`);

/** Each image format's first bytes ("magic numbers"): the body must be what its Content-Type says. */
const MAGIC: Record<PosterType, { name: string; matches: (bytes: Uint8Array) => boolean }> = {
  'image/jpeg': { name: 'JPEG', matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': { name: 'PNG', matches: (b) => b.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte) },
  'image/webp': { name: 'WebP', matches: (b) => b.length > 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
};
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

async function shortHash(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const binary = (description: string) => z.string().openapi({ format: 'binary', description });
const imageContent = (description: string) => Object.fromEntries(POSTER_TYPES.map((type) => [type, { schema: binary(description) }]));

const PosterResult = z
  .object({
    poster: z.string().openapi({ description: 'Its address, with its version: it may be cached for good.' }),
    type: z.enum(POSTER_TYPES),
    bytes: z.number().int(),
    version: z.string(),
  })
  .openapi('VideoPoster');

app.openapi(
  officialRoute('editor', {
    method: 'put',
    path: '/sites/{site}/videos/{video}/poster',
    tags: ['Videos'],
    summary: 'Upload the video\'s poster image',
    description: `The image itself as the body: JPEG, PNG or WebP with the matching Content-Type, at most ${POSTER_MAX_BYTES / 1024 / 1024} MiB. Replaces the poster before it.`,
    request: { params: VideoParams, body: { required: true, content: imageContent('The image.') } },
    responses: { 200: json(PosterResult, 'Stored'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const { video: id } = c.req.valid('param');
    const site = c.var.site.id;
    const video = await findVideo(c.env.DB, site, id);
    if (!video) throw videoNotFound(id);
    const type = mediaType(c.req.header('Content-Type')) as PosterType;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const magic = MAGIC[type];
    if (!magic?.matches(bytes)) {
      throw new ApiError(400, 'poster_not_an_image', `The body is not a ${magic?.name ?? 'JPEG, PNG or WebP'} image, as its Content-Type says: send the image file itself, with the Content-Type of its format.`);
    }
    const version = await shortHash(bytes);
    const key = `${site}/videos/${id}/poster/${version}`;
    const poster = { key, type, version };
    // The object first, under its own new key; then the row points to it. If the row cannot,
    // the new object goes, and the old poster stays as it was.
    await c.env.MEDIA.put(key, bytes, { httpMetadata: { contentType: type } });
    const now = nowIso();
    let changed = 0;
    try {
      const [updated] = await c.env.DB.batch([
        setPosterStatement(c.env.DB, site, id, poster, now),
        auditStatement(c.env.DB, c.var.official, { action: 'video.poster', target: id, detail: { type, bytes: bytes.byteLength, version } }, now),
      ]);
      changed = updated!.meta.changes;
    } finally {
      if (!changed && key !== video.poster?.key) await c.env.MEDIA.delete(key).catch((error: unknown) => console.error('New poster not removed', key, error));
    }
    if (!changed) throw videoNotFound(id); // deleted in the meantime
    if (video.poster && video.poster.key !== key) {
      await c.env.MEDIA.delete(video.poster.key).catch((error: unknown) => console.error('Old poster not removed', video.poster?.key, error));
    }
    return c.json({ poster: `${videoPath(placeOf(c), id)}/poster?v=${version}`, type, bytes: bytes.byteLength, version }, 200);
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'delete',
    path: '/sites/{site}/videos/{video}/poster',
    tags: ['Videos'],
    summary: 'Remove the video\'s poster',
    request: { params: VideoParams },
    responses: { 200: json(z.object({ id: z.string(), deleted: z.literal(true) }), 'Removed'), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { video: id } = c.req.valid('param');
    const video = await findVideo(c.env.DB, c.var.site.id, id);
    if (!video) throw videoNotFound(id);
    if (!video.poster) throw posterNotFound(id);
    const now = nowIso();
    await c.env.DB.batch([
      setPosterStatement(c.env.DB, c.var.site.id, id, null, now),
      auditStatement(c.env.DB, c.var.official, { action: 'video.poster_delete', target: id }, now),
    ]);
    await c.env.MEDIA.delete(video.poster.key).catch((error: unknown) => console.error('Poster not removed', video.poster?.key, error));
    return c.json({ id, deleted: true as const }, 200);
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/videos/{video}/poster',
    tags: ['Videos'],
    summary: 'The video\'s poster image',
    description: 'With `?v=` of the current version (as in the video\'s `poster` address) it may be cached for good; without, for a few minutes. A draft\'s or a scheduled video\'s poster only for officials, until it is published.',
    request: { params: VideoParams, query: z.object({ v: z.string().max(64).optional().openapi({ description: 'The poster\'s version.' }) }) },
    responses: { 200: { description: 'The image', content: imageContent('The image.') }, 304: { description: 'Not modified' }, ...errorResponses(400, 404) },
  }),
  async (c) => {
    const { video: id } = c.req.valid('param');
    const { v } = c.req.valid('query');
    const video = await findVideo(c.env.DB, c.var.site.id, id);
    // A draft's or a scheduled video's poster is as private as the video until it is published.
    const shown = video && isPublic(video, nowIso());
    const official = shown ? null : await optionalOfficial(c);
    if (!video || (!shown && !official)) throw videoNotFound(id);
    if (!video.poster) throw posterNotFound(id);
    const etag = `"${video.poster.version}"`;
    const headers = {
      'Content-Type': video.poster.type,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': !shown ? 'private, no-store' : v === video.poster.version ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      ETag: etag,
    };
    if (c.req.header('If-None-Match')?.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304, headers);
    const object = await c.env.MEDIA.get(video.poster.key);
    if (!object) throw posterNotFound(id);
    return c.body(object.body, 200, { ...headers, 'Content-Length': String(object.size) });
  },
);

const CaptionsResult = z
  .object({ lang: z.string(), cues: z.number().int(), url: z.string().openapi({ description: 'Where they are served.' }) })
  .openapi('VideoCaptionsStored');

app.openapi(
  officialRoute('editor', {
    method: 'put',
    path: '/sites/{site}/videos/{video}/captions/{lang}',
    tags: ['Videos'],
    summary: 'Upload the video\'s captions in one language',
    description: `A WebVTT file (Content-Type \`text/vtt\`, UTF-8, at most ${CAPTIONS_MAX_BYTES / 1024 / 1024} MiB) as the body. Checked first: a file that is not valid WebVTT is refused with the lines at fault. Its text becomes the language's transcript where the video has none of its own.`,
    request: { params: CaptionParams, body: { required: true, content: { 'text/vtt': { schema: z.string().openapi({ description: 'WebVTT.', example: 'WEBVTT\n\n00:00.000 --> 00:04.000\nHyvää iltaa.\n' }) } } } },
    responses: { 200: json(CaptionsResult, 'Stored'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const { video: id, lang } = c.req.valid('param');
    const site = c.var.site.id;
    const video = await findVideo(c.env.DB, site, id);
    if (!video) throw videoNotFound(id);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await c.req.arrayBuffer());
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(400, 'invalid_webvtt', 'The captions are not UTF-8 text: save the file as UTF-8, as WebVTT requires.');
    }
    const parsed = parseWebVtt(text);
    if (!parsed.ok) {
      throw new ApiError(
        400,
        'invalid_webvtt',
        `The captions are not valid WebVTT: ${parsed.issues[0]!.message}`,
        parsed.issues.map((issue) => ({ path: ['line', issue.line], code: 'invalid_webvtt', message: issue.message })),
      );
    }
    const now = nowIso();
    const transcript = clipTranscript(transcriptFromCues(parsed.cues));
    try {
      await c.env.DB.batch([
        ...putCaptionsStatements(c.env.DB, site, id, { lang, vtt: text, cues: parsed.cues.length, transcript }, now),
        auditStatement(c.env.DB, c.var.official, { action: 'video.captions', target: id, detail: { lang, cues: parsed.cues.length } }, now),
      ]);
    } catch (error) {
      // The video was deleted in the meantime: its captions' foreign key refuses them.
      if (error instanceof Error && error.message.includes('FOREIGN KEY constraint failed')) throw videoNotFound(id);
      throw error;
    }
    return c.json({ lang, cues: parsed.cues.length, url: `${videoPath(placeOf(c), id)}/captions/${lang}` }, 200);
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'delete',
    path: '/sites/{site}/videos/{video}/captions/{lang}',
    tags: ['Videos'],
    summary: 'Remove the video\'s captions in one language',
    request: { params: CaptionParams },
    responses: { 200: json(z.object({ id: z.string(), lang: z.string(), deleted: z.literal(true) }), 'Removed'), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { video: id, lang } = c.req.valid('param');
    const video = await findVideo(c.env.DB, c.var.site.id, id);
    if (!video) throw videoNotFound(id);
    if (video.captionsTranscript[lang] === undefined) throw captionsNotFound(id, lang);
    const now = nowIso();
    await c.env.DB.batch([
      ...deleteCaptionsStatements(c.env.DB, c.var.site.id, id, lang, now),
      auditStatement(c.env.DB, c.var.official, { action: 'video.captions_delete', target: id, detail: { lang } }, now),
    ]);
    return c.json({ id, lang, deleted: true as const }, 200);
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/videos/{video}/captions/{lang}',
    tags: ['Videos'],
    summary: 'The video\'s captions in one language, as WebVTT',
    description: 'For a `<track>` element. A draft\'s or a scheduled video\'s captions only with an official\'s token.',
    request: { params: CaptionParams },
    responses: { 200: { description: 'WebVTT', content: { 'text/vtt': { schema: z.string() } } }, ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { video: id, lang } = c.req.valid('param');
    const official = await optionalOfficial(c);
    const video = await findVideo(c.env.DB, c.var.site.id, id);
    if (!video || (!official && !isPublic(video, nowIso()))) throw videoNotFound(id);
    const captions = await findCaptions(c.env.DB, c.var.site.id, id, lang);
    if (!captions) throw captionsNotFound(id, lang);
    return c.body(captions.vtt, 200, {
      'Content-Type': 'text/vtt; charset=utf-8',
      'Cache-Control': official ? 'private, no-store' : PUBLIC_CACHE,
      'Last-Modified': new Date(captions.updatedAt).toUTCString(),
    });
  },
);

export default app;
