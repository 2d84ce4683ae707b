import { z } from '@hono/zod-openapi';
import { Lang, LocalizedText, SiteParams, Slug, Timestamp } from './common.ts';

export const Provider = z
  .enum(['youtube', 'vimeo', 'peertube', 'file'])
  .openapi('VideoProvider', {
    description:
      'Where the video is served from: YouTube (played from its no-cookie host), Vimeo (with do-not-track), a PeerTube instance, or `file`, an MP4, WebM or HLS (.m3u8) file the municipality hosts.',
  });
export type Provider = z.infer<typeof Provider>;

export const Chapter = z
  .strictObject({
    start: z.number().int().min(0).max(86_400).openapi({ description: 'Seconds from the beginning.', example: 95 }),
    title: LocalizedText(200),
  })
  .openapi('VideoChapter');

/** A video's fields as editors write them; no defaults here, so an edit leaves out what it does not send. */
const videoFields = {
  channel: Slug.openapi({ description: 'The channel (blog) the video belongs to.', example: 'pormestari' }),
  provider: Provider,
  ref: z.string().trim().min(1).max(2000).openapi({
    description:
      'The video at its provider: an id (YouTube `dQw4w9WgXcQ`, Vimeo `76979871`, PeerTube with `host`) or the address of the video page. `file`: an https address of an .mp4, .webm or .m3u8 file, or a path on this host starting with `/`. Other hosts and shapes are refused.',
    example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  }),
  host: z.string().trim().max(253).optional().openapi({ description: 'PeerTube only, when `ref` is an id: the instance\'s host name.', example: 'tube.koivulahti.example' }),
  title: LocalizedText(300),
  description: LocalizedText(5000),
  transcript: LocalizedText(200_000).openapi({ description: 'The full text, per language. Where a language has captions but no transcript, the captions\' text is shown.' }),
  chapters: z.array(Chapter).max(100).openapi({ description: 'In order of `start`, each later than the one before.' }),
  duration: z.number().int().min(1).max(86_400).openapi({ description: 'Seconds.', example: 272 }),
  status: z.enum(['draft', 'published']).openapi({ description: 'Drafts, and videos published in the future, are shown only to officials.' }),
  publishedAt: z.iso.datetime({ offset: true }),
};

/** A video as an editor adds it. */
export const VideoInput = z
  .strictObject({
    id: Slug.optional().openapi({ description: 'Our id; made from the title when not given.', example: 'vlogi-2026-11' }),
    ...videoFields,
    description: videoFields.description.optional(),
    transcript: videoFields.transcript.optional(),
    chapters: videoFields.chapters.default([]),
    duration: videoFields.duration.optional(),
    status: videoFields.status.default('published'),
    publishedAt: videoFields.publishedAt.optional().openapi({ description: 'When it is (or was) published; now when not given.' }),
  })
  .openapi('VideoInput');
export type VideoInput = z.infer<typeof VideoInput>;

/**
 * Only the fields sent change; `null` clears a description, transcript or duration. Changing `ref`
 * or `host` checks them again with the provider (sent or current).
 */
export const VideoUpdate = z
  .strictObject({
    ...videoFields,
    description: videoFields.description.nullable(),
    transcript: videoFields.transcript.nullable(),
    duration: videoFields.duration.nullable(),
  })
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'Send at least one field to change.')
  .openapi('VideoUpdate');

const Localized = z.partialRecord(Lang, z.string());

/**
 * How the widget plays it. For `iframe`, `src` is the privacy-enhanced player's address with two
 * placeholders the widget fills in: `{lang}` (the page's language) and `{t}` (seconds to start at).
 */
export const Player = z
  .object({
    kind: z.enum(['iframe', 'file']),
    src: z.string(),
    host: z.string().openapi({ description: 'The host the player is served from, for the consent notice ("www.youtube-nocookie.com").' }),
    type: z.string().optional().openapi({ description: '`file` only: video/mp4, video/webm or application/vnd.apple.mpegurl.' }),
    ask: z.boolean().openapi({ description: 'Whether the widget asks the resident before loading it: always for a provider\'s player, and for a file on a host other than this one.' }),
  })
  .openapi('VideoPlayer');

/** One video in a channel's list. */
export const VideoSummaryView = z
  .object({
    id: z.string(),
    channel: z.string(),
    provider: Provider,
    title: Localized,
    description: Localized.nullable(),
    duration: z.number().int().nullable(),
    poster: z.string().nullable().openapi({ description: 'The poster\'s address on this host; null when none was uploaded (the widget draws a neutral one).' }),
    languages: z.array(Lang),
    status: z.enum(['draft', 'published']),
    publishedAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('VideoSummary');

export const VideoView = VideoSummaryView.extend({
  ref: z.string().openapi({ description: 'The canonical id at the provider (PeerTube: the video\'s id; `file`: its address).' }),
  host: z.string().nullable().openapi({ description: 'PeerTube: the instance; otherwise null.' }),
  sourceUrl: z.string().openapi({ description: 'The video\'s page at the provider, or the file.' }),
  player: Player,
  transcript: Localized.nullable(),
  chapters: z.array(z.object({ start: z.number().int(), title: Localized })),
  captions: z.array(z.object({ lang: Lang, url: z.string() })).openapi({ description: 'WebVTT captions on this host, one per language.' }),
}).openapi('Video');

export const VideoParams = SiteParams.extend({ video: Slug.openapi({ param: { name: 'video', in: 'path' }, example: 'vlogi-2026-11' }) });
export const ChannelParams = SiteParams.extend({ channel: Slug.openapi({ param: { name: 'channel', in: 'path' }, example: 'pormestari' }) });
export const CaptionParams = VideoParams.extend({ lang: Lang.openapi({ param: { name: 'lang', in: 'path' } }) });

export const ChannelInput = z
  .strictObject({ title: LocalizedText(200), description: LocalizedText(2000).optional() })
  .openapi('ChannelInput');

export const ChannelView = z
  .object({ id: z.string(), title: Localized.nullable(), description: Localized.nullable() })
  .openapi('Channel');

export const ChannelPage = z
  .object({ channel: ChannelView, items: z.array(VideoSummaryView), nextCursor: z.string().nullable() })
  .openapi('ChannelPage');

export const ChannelQuery = z.object({
  cursor: z.string().max(200).optional().openapi({ description: 'Opaque, from the previous page\'s `nextCursor`.' }),
  limit: z.coerce.number().int().min(1).max(50).default(12),
});
