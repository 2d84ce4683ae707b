/**
 * Where a video is played from: an editor's `provider` + `ref` (+ `host`) checked and reduced to
 * the canonical reference we store, and the stored reference turned into the player the widget
 * embeds. Only exact hosts and path shapes are taken, and only ids of the provider's own
 * alphabet and length: whatever else is in an address (userinfo, ports, look-alike hosts,
 * markup in an id) is refused, never cleaned up, so nothing of it reaches a page.
 *
 * The players are the providers' privacy-enhanced ones: YouTube from its no-cookie host, Vimeo
 * with do-not-track, PeerTube without peer-to-peer (no WebRTC peer learns the resident's address).
 */
import { z } from '@hono/zod-openapi';
import { ValidationError } from './errors.ts';
import type { Provider } from './schema/videos.ts';

/** The stored reference: `host` only for PeerTube. */
export interface VideoRef {
  ref: string;
  host: string | null;
}

export interface Player {
  kind: 'iframe' | 'file';
  /** For iframes, with `{lang}` and `{t}` (seconds) for the widget to fill in. */
  src: string;
  host: string;
  type?: string;
  /** Whether the resident is asked before it loads: a provider's player, or a file on another host. */
  ask: boolean;
}

export interface PlayerView {
  player: Player;
  sourceUrl: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const VIMEO_ID = /^[1-9][0-9]{0,11}$/;
const VIMEO_HASH = /^[0-9a-fA-F]{6,32}$/;
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com']);
const VIMEO_PLAYER_HOST = 'player.vimeo.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** PeerTube's short ids: a UUID's 128 bits in the Flickr base58 alphabet, 22 characters. */
const BASE58 = '123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const SHORT_UUID = /^[1-9A-HJ-NP-Za-km-z]{22}$/;
const FILE_TYPES: [string, string][] = [
  ['.mp4', 'video/mp4'],
  ['.webm', 'video/webm'],
  ['.m3u8', 'application/vnd.apple.mpegurl'],
];

export const MESSAGES = {
  youtube: 'Give a YouTube address such as https://www.youtube.com/watch?v=… or the 11-character id.',
  vimeo: 'Give a Vimeo address such as https://vimeo.com/76979871 (https://vimeo.com/76979871/HASH when unlisted) or the numeric id.',
  peertube: 'Give a PeerTube address such as https://tube.example.fi/w/ID, or the video\'s id (a UUID or a 22-character short id) with `host`.',
  file: 'Give the https address of an .mp4, .webm or .m3u8 file on a named host, or a path on this host starting with one "/", such as /media/video.mp4.',
  peertubeHost: 'Give the PeerTube instance\'s host name, such as tube.example.fi: a registered name, not an IP address or localhost, without https://, port or path.',
  hostMismatch: 'The address is on another host than `host`: leave `host` out, or give the same one.',
  hostNotTaken: 'Only PeerTube videos take a `host`; leave it out.',
} as const;

const refused = (path: 'ref' | 'host', message: string) =>
  new ValidationError([{ path: [path], code: path === 'ref' ? 'invalid_video_ref' : 'invalid_host', message }]);

/** Characters no address we take contains: white space, controls, backslashes (which URL parsers read as "/"). */
const UNSAFE = /[\s\u0000-\u001f\u007f-\u009f\\]/;

/**
 * `text` as an http(s) URL with its own `//` authority, no userinfo and no port but the
 * scheme's default (which the parser drops); null for anything else, relative forms included.
 */
function webUrl(text: string, protocols: readonly string[]): URL | null {
  if (UNSAFE.test(text) || !/^https?:\/\/[^/]/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!protocols.includes(url.protocol) || url.username || url.password || url.port) return null;
  return url;
}

/** A registered DNS name: letters in the last label (so no IP address), at least one dot, not localhost. */
function isDnsName(host: string): boolean {
  return z.regexes.domain.test(host) && host !== 'localhost' && !host.endsWith('.localhost');
}

/** A PeerTube instance's host as an editor writes it, to its ASCII lowercase form; null if not a DNS name. */
export function canonicalHost(host: string): string | null {
  if (!host || UNSAFE.test(host) || /[/:@?#[\]%]/.test(host)) return null;
  let ascii: string;
  try {
    ascii = new URL(`https://${host}/`).hostname;
  } catch {
    return null;
  }
  return isDnsName(ascii) ? ascii : null;
}

function isShortUuid(id: string): boolean {
  if (!SHORT_UUID.test(id)) return false;
  let value = 0n;
  for (const ch of id) value = value * 58n + BigInt(BASE58.indexOf(ch));
  return value < 1n << 128n;
}

/** A PeerTube video id, canonical (UUIDs in lowercase); null if it is neither a UUID nor a short id. */
function peertubeId(id: string): string | null {
  if (UUID.test(id)) return id.toLowerCase();
  return isShortUuid(id) ? id : null;
}

function youtube(ref: string): string | null {
  if (YOUTUBE_ID.test(ref)) return ref;
  const url = webUrl(ref, ['http:', 'https:']);
  if (!url || !YOUTUBE_HOSTS.has(url.hostname)) return null;
  let id: string | undefined;
  if (url.hostname === 'youtu.be') id = /^\/([^/]+)$/.exec(url.pathname)?.[1];
  else if (url.pathname === '/watch') {
    const v = url.searchParams.getAll('v');
    id = v.length === 1 ? v[0] : undefined;
  } else id = /^\/(?:embed|shorts|live|v)\/([^/]+)$/.exec(url.pathname)?.[1];
  return id !== undefined && YOUTUBE_ID.test(id) ? id : null;
}

function vimeo(ref: string): string | null {
  const bare = /^([^/]+)(?:\/([^/]+))?$/.exec(ref);
  if (bare && VIMEO_ID.test(bare[1]!) && (bare[2] === undefined || VIMEO_HASH.test(bare[2]))) return ref;
  const url = webUrl(ref, ['http:', 'https:']);
  if (!url) return null;
  let id: string | undefined;
  let hash: string | undefined;
  if (VIMEO_HOSTS.has(url.hostname)) {
    const path = /^\/(?:channels\/[A-Za-z0-9_-]{1,100}\/([^/]+)|([^/]+)(?:\/([^/]+))?)$/.exec(url.pathname);
    id = path?.[1] ?? path?.[2];
    hash = path?.[3];
  } else if (url.hostname === VIMEO_PLAYER_HOST) {
    id = /^\/video\/([^/]+)$/.exec(url.pathname)?.[1];
    const h = url.searchParams.getAll('h');
    if (h.length > 1) return null;
    hash = h[0];
  } else return null;
  if (id === undefined || !VIMEO_ID.test(id) || (hash !== undefined && !VIMEO_HASH.test(hash))) return null;
  return hash === undefined ? id : `${id}/${hash}`;
}

function peertube(ref: string, host: string | undefined): VideoRef {
  const given = host ? canonicalHost(host) : undefined;
  if (given === null) throw refused('host', MESSAGES.peertubeHost);
  const bare = peertubeId(ref);
  if (bare) {
    if (!given) throw refused('host', MESSAGES.peertubeHost);
    return { ref: bare, host: given };
  }
  const url = webUrl(ref, ['https:']);
  if (!url || !isDnsName(url.hostname)) throw refused('ref', MESSAGES.peertube);
  const raw = /^\/(?:w|videos\/watch|videos\/embed)\/([^/]+)$/.exec(url.pathname)?.[1];
  const id = raw === undefined ? null : peertubeId(raw);
  if (!id) throw refused('ref', MESSAGES.peertube);
  if (given && given !== url.hostname) throw refused('host', MESSAGES.hostMismatch);
  return { ref: id, host: url.hostname };
}

const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

function fileType(pathname: string): string | undefined {
  const lower = pathname.toLowerCase();
  return FILE_TYPES.find(([extension]) => lower.endsWith(extension))?.[1];
}

/** An https file address on a DNS host, or a root-relative path; without its fragment. */
function file(ref: string): string | null {
  const text = ref.replace(/#.*$/s, '');
  if (UNSAFE.test(text)) return null;
  if (/^\/(?!\/)/.test(text)) {
    const path = text.replace(/\?.*$/s, '');
    if (DOT_SEGMENT.test(path)) return null;
    const url = new URL(text, 'https://osallistu.invalid');
    if (url.origin !== 'https://osallistu.invalid' || !fileType(url.pathname)) return null;
    return `${url.pathname}${url.search}`;
  }
  const url = webUrl(text, ['https:']);
  if (!url || !isDnsName(url.hostname) || !fileType(url.pathname)) return null;
  return `${url.origin}${url.pathname}${url.search}`;
}

/**
 * The canonical reference for `provider`, or a 400 `ValidationError` on `ref` (or `host`) that
 * says what to give. `host` is taken for PeerTube only.
 */
export function parseVideoRef(provider: Provider, ref: string, host?: string | null): VideoRef {
  const text = ref.trim();
  const hostText = host?.trim() || undefined;
  if (provider !== 'peertube' && hostText !== undefined) throw refused('host', MESSAGES.hostNotTaken);
  switch (provider) {
    case 'youtube': {
      const id = youtube(text);
      if (!id) throw refused('ref', MESSAGES.youtube);
      return { ref: id, host: null };
    }
    case 'vimeo': {
      const id = vimeo(text);
      if (!id) throw refused('ref', MESSAGES.vimeo);
      return { ref: id, host: null };
    }
    case 'peertube':
      return peertube(text, hostText);
    case 'file': {
      const address = file(text);
      if (!address) throw refused('ref', MESSAGES.file);
      return { ref: address, host: null };
    }
  }
}

/** Whether a `ref` is an address (rather than a bare id), so it names its own host. */
export const isAddress = (ref: string) => /^[a-z][a-z0-9+.-]*:/i.test(ref.trim()) || ref.trim().startsWith('/');

/**
 * The player and the video's page for a stored reference. `origin` (the request's) makes a
 * file's root-relative path absolute.
 */
export function playerOf(provider: Provider, stored: VideoRef, origin: string): PlayerView {
  const { ref, host } = stored;
  switch (provider) {
    case 'youtube':
      return {
        player: {
          kind: 'iframe',
          src: `https://www.youtube-nocookie.com/embed/${ref}?autoplay=1&rel=0&playsinline=1&hl={lang}&cc_lang_pref={lang}&start={t}`,
          host: 'www.youtube-nocookie.com',
          ask: true,
        },
        sourceUrl: `https://www.youtube.com/watch?v=${ref}`,
      };
    case 'vimeo': {
      const [id, hash] = ref.split('/');
      return {
        player: {
          kind: 'iframe',
          src: `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1&texttrack={lang}${hash ? `&h=${hash}` : ''}#t={t}s`,
          host: VIMEO_PLAYER_HOST,
          ask: true,
        },
        sourceUrl: `https://vimeo.com/${ref}`,
      };
    }
    case 'peertube':
      return {
        player: {
          kind: 'iframe',
          src: `https://${host}/videos/embed/${ref}?autoplay=1&title=0&warningTitle=0&p2p=0&subtitle={lang}&start={t}s`,
          host: host!,
          ask: true,
        },
        sourceUrl: `https://${host}/w/${ref}`,
      };
    case 'file': {
      const url = new URL(ref, origin);
      // A file on this host is Osallistu's own; one on any other host is another party the resident is asked about.
      return { player: { kind: 'file', src: url.href, host: url.hostname, type: fileType(url.pathname), ask: url.origin !== origin }, sourceUrl: url.href };
    }
  }
}
