/** The videos the Workers suites add, their captions and posters, and a site to add them to. */
import { ORIGIN, call, createSite } from './helpers.ts';

export const YOUTUBE_ID = 'dQw4w9WgXcQ';

export const VIDEO = {
  channel: 'pormestari',
  provider: 'youtube',
  ref: `https://www.youtube.com/watch?v=${YOUTUBE_ID}&t=10s`,
  title: { fi: 'Pormestarin videoblogi marraskuu', sv: 'Borgmästarens videoblogg november' },
  description: { fi: 'Kouluverkosta ja talvikunnossapidosta.', sv: 'Om skolnätet och vinterunderhållet.' },
  duration: 272,
  chapters: [
    { start: 0, title: { fi: 'Alku', sv: 'Början' } },
    { start: 95, title: { fi: 'Kouluverkko', sv: 'Skolnätet' } },
  ],
};

/** Finnish captions: a voice tag, an entity, a line rolled into the next cue, a pause that starts a paragraph. */
export const VTT_FI = [
  'WEBVTT',
  '',
  '1',
  '00:00.000 --> 00:02.000',
  '<v Pormestari>Hyvää iltaa &amp; tervetuloa.',
  '',
  '2',
  '00:02.000 --> 00:04.000 align:start',
  'Hyvää iltaa &amp; tervetuloa.',
  'Puhun tänään kouluista.',
  '',
  '00:07.000 --> 00:09.500',
  '<i>Kiitos.</i>',
  '',
].join('\n');
export const VTT_FI_TEXT = 'Hyvää iltaa & tervetuloa. Puhun tänään kouluista.\n\nKiitos.';

export const VTT_SV = 'WEBVTT\n\n00:00.000 --> 00:02.000\nGod kväll och välkommen.\n\n00:02.000 --> 00:03.000\nJag talar om skolorna.\n';
export const VTT_SV_TEXT = 'God kväll och välkommen. Jag talar om skolorna.';

const bytes = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
/** A 1×1 PNG. */
export const PNG = bytes('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==');
/** The start of a JPEG (the magic bytes and a JFIF header). */
export const JPEG = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9);
/** The start of a WebP: RIFF, a size, WEBP, a VP8L chunk. */
export const WEBP = Uint8Array.of(...new TextEncoder().encode('RIFF'), 0x1a, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8L'), 0x0d, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00);

export type VideoBody = {
  id: string;
  channel: string;
  ref: string;
  host: string | null;
  provider: string;
  title: Record<string, string>;
  sourceUrl: string;
  player: { kind: string; src: string; host: string; type?: string };
  transcript: Record<string, string> | null;
  chapters: { start: number; title: Record<string, string> }[];
  captions: { lang: string; url: string }[];
  poster: string | null;
  languages: string[];
  status: string;
  publishedAt: string;
  updatedAt: string;
};

/** A fresh site with an owner token, and helpers that add and read its videos through the API. */
export async function videoSite() {
  const { site, owner } = await createSite();
  const base = `/api/v1/sites/${site.id}`;
  const add = async (overrides: Record<string, unknown> = {}): Promise<VideoBody> => {
    const response = await call(`${base}/videos`, { method: 'POST', token: owner, json: { ...VIDEO, ...overrides } });
    if (response.status !== 201) throw new Error(`add video: ${response.status} ${await response.text()}`);
    return (await response.json()) as VideoBody;
  };
  const read = async (id: string, token?: string) => {
    const response = await call(`${base}/videos/${id}`, { token });
    return { status: response.status, response, body: response.ok ? ((await response.json()) as VideoBody) : null };
  };
  return { site: site.id, owner, base, url: `${ORIGIN}${base}`, add, read };
}
