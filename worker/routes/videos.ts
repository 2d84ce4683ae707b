/**
 * Videos and their channels (a mayor's video blog, council recordings): editors add a video by
 * its address at YouTube, Vimeo or a PeerTube instance, or as a file, and anyone reads the
 * published ones. Captions and posters have their own routes (routes/video-media.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { sha256Hex } from '../crypto.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { auditStatement } from '../db/audit.ts';
import { isUniqueViolation } from '../db/constraints.ts';
import { channelPage, deleteVideoStatements, findVideo, insertVideoStatement, listVideos, updateVideoStatements, upsertChannelStatement } from '../db/videos.ts';
import { ConflictError } from '../errors.ts';
import { idempotencyKey, rememberAnswer, replayFor } from '../idempotency.ts';
import { optionalOfficial } from '../middleware/auth.ts';
import type { RequestBodyOptions } from '../middleware/request-body.ts';
import { PageQuery, SiteParams, Slug, errorResponses } from '../schema/common.ts';
import { ChannelInput, ChannelPage, ChannelParams, ChannelQuery, ChannelView, VideoInput, VideoParams, VideoSummaryView, VideoUpdate, VideoView } from '../schema/videos.ts';
import type { AppEnv } from '../types.ts';
import { isAddress, parseVideoRef } from '../video-ref.ts';
import type { VideoRef } from '../video-ref.ts';
import { buildVideo, channelNotFound, isPublic, videoIdFrom, videoNotFound, videoViews, withSuffix } from '../video-rules.ts';
import type { Place, VideoFields } from '../video-rules.ts';
import { IDEMPOTENCY_KEY } from '../schema/headers.ts';

const app = createApp();

/** Public reads may sit in the edge cache a few minutes (as decisions); officials always read fresh. */
export const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

/** A video's create and edit take up to 512 KiB of JSON (transcripts are long): `worker/index.ts` gives them this limit. */
export const VIDEO_WRITE_PATH = /^\/api\/v1\/sites\/[^/]+\/videos(?:\/[^/]+)?$/;
export const VIDEO_WRITE_BODY: RequestBodyOptions = { maxBytes: 512 * 1024 };

type VideoView = z.infer<typeof VideoView>;

const exists = (id: string) => new ConflictError('video_exists', `A video "${id}" already exists on this site; choose another id, or edit it.`);
export const placeOf = (c: Context<AppEnv>): Place => ({ origin: new URL(c.req.url).origin, site: c.var.site.id });

/** Cursors continue after (publishedAt, seq). */
const CURSOR_SHAPE = [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, /^\d{1,15}$/];
const afterCursor = (kind: string, cursor: string | undefined) => {
  if (!cursor) return undefined;
  const [publishedAt, seq] = decodeCursor(kind, cursor, CURSOR_SHAPE);
  return { publishedAt: publishedAt!, seq: Number(seq) };
};

app.openapi(
  officialRoute('editor', {
    method: 'post',
    path: '/sites/{site}/videos',
    tags: ['Videos'],
    summary: 'Add a video',
    parameters: [IDEMPOTENCY_KEY],
    description:
      'By its address or id at the provider; only the canonical id is kept and the video is played from the provider\'s privacy-enhanced host. Without `id`, one is made from the title. Send `Idempotency-Key` to retry safely: a retry returns the first answer (200, `Idempotent-Replay: true`) and adds nothing more.',
    request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: VideoInput } } } },
    responses: { 201: json(VideoView, 'Added'), 200: json(VideoView, 'A replay of the first answer'), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const key = idempotencyKey(c);
    const requestHash = key ? await sha256Hex(JSON.stringify(input)) : '';
    const earlier = await replayFor(c, key, 'video.create', requestHash);
    if (earlier) return c.json(earlier.response as VideoView, 200, { 'Idempotent-Replay': 'true' });
    const ref = parseVideoRef(input.provider, input.ref, input.host);
    const now = nowIso();
    const generated = input.id === undefined;
    const base = input.id ?? videoIdFrom(input.title);
    // A generated id that is taken gets a short random suffix; a given one is a conflict.
    for (let attempt = 0; ; attempt++) {
      const video = buildVideo(attempt ? withSuffix(base) : base, input, ref, now);
      const answer = videoViews(video, placeOf(c)).full;
      try {
        await c.env.DB.batch([
          insertVideoStatement(c.env.DB, c.var.site.id, video),
          auditStatement(c.env.DB, c.var.official, { action: 'video.create', target: video.id, detail: { provider: video.provider, channel: video.channel } }, now),
          ...(key ? [rememberAnswer(c, key, 'video.create', requestHash, 201, answer, now)] : []),
        ]);
      } catch (error) {
        if (key && isUniqueViolation(error, 'idempotency_keys')) {
          const first = await replayFor(c, key, 'video.create', requestHash);
          if (first) return c.json(first.response as VideoView, 200, { 'Idempotent-Replay': 'true' });
        }
        if (isUniqueViolation(error, 'videos')) {
          if (!generated) throw exists(video.id);
          if (attempt < 5) continue;
        }
        throw error;
      }
      return c.json(answer, 201);
    }
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'patch',
    path: '/sites/{site}/videos/{video}',
    tags: ['Videos'],
    summary: 'Edit a video',
    description: 'Only the fields sent change; `null` clears `description`, `transcript` or `duration`. A new `provider`, `ref` or `host` is checked again (with the current values of those not sent). A later `publishedAt` schedules the video; `status: "draft"` hides it from the public; publishing a draft without `publishedAt` publishes it now (or at its scheduled time, if that is later).',
    request: { params: VideoParams, body: { required: true, content: { 'application/json': { schema: VideoUpdate } } } },
    responses: { 200: json(VideoView, 'The video as it is now'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const { video: id } = c.req.valid('param');
    const current = await findVideo(c.env.DB, c.var.site.id, id);
    if (!current) throw videoNotFound(id);
    const update = c.req.valid('json');
    const provider = update.provider ?? current.provider;
    let ref: VideoRef = { ref: current.ref, host: current.host };
    if (update.provider !== undefined || update.ref !== undefined || update.host !== undefined) {
      // The current PeerTube instance still applies to a new bare id; an address names its own.
      const keepHost = provider === 'peertube' && current.provider === 'peertube' && !(update.ref !== undefined && isAddress(update.ref));
      ref = parseVideoRef(provider, update.ref ?? current.ref, update.host ?? (keepHost ? current.host : undefined));
    }
    const fields: VideoFields = {
      channel: update.channel ?? current.channel,
      provider,
      title: update.title ?? current.title,
      description: update.description === undefined ? current.description : update.description,
      transcript: update.transcript === undefined ? current.transcript : update.transcript,
      chapters: update.chapters ?? current.chapters,
      duration: update.duration === undefined ? current.duration : update.duration,
      status: update.status ?? current.status,
      publishedAt: update.publishedAt ?? current.publishedAt,
    };
    const now = nowIso();
    // Publishing a draft publishes it now, unless it was scheduled for later or a time is sent.
    if (current.status === 'draft' && update.status === 'published' && update.publishedAt === undefined && current.publishedAt < now) fields.publishedAt = now;
    const video = buildVideo(current.id, fields, ref, now, current);
    await c.env.DB.batch([
      ...updateVideoStatements(c.env.DB, c.var.site.id, video),
      auditStatement(c.env.DB, c.var.official, { action: 'video.update', target: id, detail: { changed: Object.keys(update) } }, now),
    ]);
    return c.json(videoViews(video, placeOf(c)).full, 200);
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'delete',
    path: '/sites/{site}/videos/{video}',
    tags: ['Videos'],
    summary: 'Delete a video, its captions and its poster',
    request: { params: VideoParams },
    responses: { 200: json(z.object({ id: z.string(), deleted: z.literal(true) }), 'Deleted'), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { video: id } = c.req.valid('param');
    const video = await findVideo(c.env.DB, c.var.site.id, id);
    if (!video) throw videoNotFound(id);
    await c.env.DB.batch([
      ...deleteVideoStatements(c.env.DB, c.var.site.id, id),
      auditStatement(c.env.DB, c.var.official, { action: 'video.delete', target: id }, nowIso()),
    ]);
    // After the rows: a poster left behind by a failure here is unreachable, never a broken link.
    if (video.poster) await c.env.MEDIA.delete(video.poster.key).catch((error: unknown) => console.error('Poster not deleted', video.poster?.key, error));
    return c.json({ id, deleted: true as const }, 200);
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/videos/{video}',
    tags: ['Videos'],
    summary: 'One video, with its player, transcript, chapters and captions',
    description: 'Drafts and videos published in the future answer 404 unless an official\'s token (viewer or higher) is sent.',
    request: { params: VideoParams },
    responses: { 200: json(VideoView, 'The video'), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { video: id } = c.req.valid('param');
    const official = await optionalOfficial(c);
    const video = await findVideo(c.env.DB, c.var.site.id, id);
    if (!video || (!official && !isPublic(video, nowIso()))) throw videoNotFound(id);
    c.header('Cache-Control', official ? 'private, no-store' : PUBLIC_CACHE);
    return c.json(videoViews(video, placeOf(c)).full, 200);
  },
);

const VideoListQuery = PageQuery.extend({
  channel: Slug.optional(),
  status: z.enum(['draft', 'published']).optional().openapi({ description: '`published` includes videos scheduled for later.' }),
});
const VideoPage = z.object({ items: z.array(VideoSummaryView), nextCursor: z.string().nullable() }).openapi('VideoPage');

app.openapi(
  officialRoute('viewer', {
    method: 'get',
    path: '/sites/{site}/videos',
    tags: ['Videos'],
    summary: 'Every video of the site, drafts and scheduled ones included, newest first',
    request: { params: SiteParams, query: VideoListQuery },
    responses: { 200: json(VideoPage, 'One page'), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { cursor, limit, channel, status } = c.req.valid('query');
    const rows = await listVideos(c.env.DB, c.var.site.id, { channel, status, limit, after: afterCursor('v', cursor) });
    const last = rows.at(-1);
    const place = placeOf(c);
    return c.json(
      {
        items: rows.map((video) => videoViews(video, place).summary),
        nextCursor: rows.length === limit && last ? encodeCursor('v', last.publishedAt, last.seq) : null,
      },
      200,
    );
  },
);

app.openapi(
  officialRoute('editor', {
    method: 'put',
    path: '/sites/{site}/channels/{channel}',
    tags: ['Videos'],
    summary: 'Name a channel, or rename it',
    description: 'A channel exists through its videos; this gives it a title and a description.',
    request: { params: ChannelParams, body: { required: true, content: { 'application/json': { schema: ChannelInput } } } },
    responses: { 200: json(ChannelView, 'The channel as it is now'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const { channel: id } = c.req.valid('param');
    const input = c.req.valid('json');
    const now = nowIso();
    const channel = { id, title: input.title, description: input.description ?? null };
    await c.env.DB.batch([
      upsertChannelStatement(c.env.DB, c.var.site.id, channel, now),
      auditStatement(c.env.DB, c.var.official, { action: 'video.channel', target: id }, now),
    ]);
    return c.json(channel, 200);
  },
);

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/channels/{channel}/videos',
    tags: ['Videos'],
    summary: 'A channel\'s published videos, newest first',
    description: 'Page with `nextCursor`: pages stay stable while videos are added. Drafts and videos scheduled for later are not listed.',
    request: { params: ChannelParams, query: ChannelQuery },
    responses: { 200: json(ChannelPage, 'One page'), ...errorResponses(400, 404) },
  }),
  async (c) => {
    const { channel: id } = c.req.valid('param');
    const { cursor, limit } = c.req.valid('query');
    const page = await channelPage(c.env.DB, c.var.site.id, id, { publicAt: nowIso(), limit, after: afterCursor('c', cursor) });
    if (!page.exists) throw channelNotFound(id);
    const last = page.videos.at(-1);
    const place = placeOf(c);
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json(
      {
        channel: page.channel,
        items: page.videos.map((video) => videoViews(video, place).summary),
        nextCursor: page.videos.length === limit && last ? encodeCursor('c', last.publishedAt, last.seq) : null,
      },
      200,
    );
  },
);

export default app;
