import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.ts';
import type { Provider } from './schema/videos.ts';
import { MESSAGES, parseVideoRef, playerOf } from './video-ref.ts';

const YT = 'dQw4w9WgXcQ';
const UUID = '9c9de5e8-0a1e-484a-b099-e80766180a6d';
const SHORT = 'kkGMgK9ZtnKfYAgnEtQxbv';
const TUBE = 'tube.koivulahti.example';

/** The refusal's one issue; fails the test if the input was accepted or refused some other way. */
function refusal(provider: Provider, ref: string, host?: string) {
  try {
    const accepted = parseVideoRef(provider, ref, host);
    throw new Error(`accepted ${JSON.stringify(ref)} as ${JSON.stringify(accepted)}`);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.status).toBe(400);
    expect(error.issues).toHaveLength(1);
    return error.issues![0]!;
  }
}

describe('accepted references, and what is stored', () => {
  const accepted: [Provider, string, string | undefined, { ref: string; host: string | null }][] = [
    // YouTube: the bare id, or an address on one of its own hosts; only the 11-character id is kept.
    ['youtube', YT, undefined, { ref: YT, host: null }],
    ['youtube', `  ${YT}  `, undefined, { ref: YT, host: null }],
    ['youtube', 'a_B-c1D2e3F', undefined, { ref: 'a_B-c1D2e3F', host: null }],
    ['youtube', `https://www.youtube.com/watch?v=${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `http://www.youtube.com/watch?v=${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `https://youtube.com/watch?v=${YT}&t=42s&list=PLx`, undefined, { ref: YT, host: null }],
    ['youtube', `https://m.youtube.com/watch?feature=share&v=${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `https://youtu.be/${YT}?si=Abc123`, undefined, { ref: YT, host: null }],
    ['youtube', `https://www.youtube.com/embed/${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `https://www.youtube-nocookie.com/embed/${YT}?start=10`, undefined, { ref: YT, host: null }],
    ['youtube', `https://youtube-nocookie.com/embed/${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `https://www.youtube.com/shorts/${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `https://www.youtube.com/live/${YT}?feature=shared`, undefined, { ref: YT, host: null }],
    ['youtube', `https://www.youtube.com/v/${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `HTTPS://WWW.YOUTUBE.COM/watch?v=${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `https://www.youtube.com:443/watch?v=${YT}`, undefined, { ref: YT, host: null }],
    ['youtube', `https://www.youtube.com/watch?v=${YT}#t=30`, undefined, { ref: YT, host: null }],
    ['youtube', YT, '', { ref: YT, host: null }],
    // Vimeo: the numeric id, with the hash of an unlisted video when there is one.
    ['vimeo', '76979871', undefined, { ref: '76979871', host: null }],
    ['vimeo', '76979871/abcdef1234', undefined, { ref: '76979871/abcdef1234', host: null }],
    ['vimeo', 'https://vimeo.com/76979871', undefined, { ref: '76979871', host: null }],
    ['vimeo', 'http://www.vimeo.com/76979871', undefined, { ref: '76979871', host: null }],
    ['vimeo', 'https://vimeo.com/76979871/abcdef1234', undefined, { ref: '76979871/abcdef1234', host: null }],
    ['vimeo', 'https://vimeo.com/channels/staffpicks/76979871', undefined, { ref: '76979871', host: null }],
    ['vimeo', 'https://player.vimeo.com/video/76979871', undefined, { ref: '76979871', host: null }],
    ['vimeo', 'https://player.vimeo.com/video/76979871?h=abcdef1234&badge=0', undefined, { ref: '76979871/abcdef1234', host: null }],
    ['vimeo', 'https://vimeo.com/76979871#t=30s', undefined, { ref: '76979871', host: null }],
    // PeerTube: an address on the instance, or the id with the instance's host; ids are UUIDs or short ids.
    ['peertube', `https://${TUBE}/w/${UUID}`, undefined, { ref: UUID, host: TUBE }],
    ['peertube', `https://framatube.org/w/${SHORT}`, undefined, { ref: SHORT, host: 'framatube.org' }],
    ['peertube', `https://framatube.org/videos/watch/${UUID}?start=1m`, undefined, { ref: UUID, host: 'framatube.org' }],
    ['peertube', `https://framatube.org/videos/embed/${UUID.toUpperCase()}`, undefined, { ref: UUID, host: 'framatube.org' }],
    ['peertube', `https://${TUBE}/w/${UUID}`, TUBE, { ref: UUID, host: TUBE }],
    ['peertube', UUID, TUBE, { ref: UUID, host: TUBE }],
    ['peertube', SHORT, 'TUBE.Koivulahti.Example', { ref: SHORT, host: TUBE }],
    ['peertube', SHORT, 'tube.exämple.fi', { ref: SHORT, host: 'tube.xn--exmple-cua.fi' }],
    // Files: https on a named host, or a path on this host; the fragment is dropped.
    ['file', 'https://media.koivulahti.example/videos/valtuusto.mp4', undefined, { ref: 'https://media.koivulahti.example/videos/valtuusto.mp4', host: null }],
    ['file', 'https://media.koivulahti.example/v/Valtuusto.WEBM?token=abc#t=10', undefined, { ref: 'https://media.koivulahti.example/v/Valtuusto.WEBM?token=abc', host: null }],
    ['file', 'https://cdn.koivulahti.example/hls/master.m3u8', undefined, { ref: 'https://cdn.koivulahti.example/hls/master.m3u8', host: null }],
    ['file', 'https://media.koivulahti.example:443/a.mp4', undefined, { ref: 'https://media.koivulahti.example/a.mp4', host: null }],
    ['file', '/media/valtuusto-2026-11.mp4', undefined, { ref: '/media/valtuusto-2026-11.mp4', host: null }],
    ['file', '/media/live/index.m3u8?quality=720#x', undefined, { ref: '/media/live/index.m3u8?quality=720', host: null }],
  ];
  it.each(accepted)('%s %s (host %s)', (provider, ref, host, expected) => {
    expect(parseVideoRef(provider, ref, host)).toEqual(expected);
  });
});

describe('refused references', () => {
  const hostile: [Provider, string, string?][] = [
    // Not an address on the provider's own hosts.
    ['youtube', 'javascript:alert(1)'],
    ['youtube', `JaVaScRiPt:alert(1)//https://www.youtube.com/watch?v=${YT}`],
    ['youtube', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['youtube', `blob:https://www.youtube.com/${YT}`],
    ['youtube', `//www.youtube.com/watch?v=${YT}`],
    ['youtube', `www.youtube.com/watch?v=${YT}`],
    ['youtube', `https:/www.youtube.com/watch?v=${YT}`],
    ['youtube', `ftp://www.youtube.com/watch?v=${YT}`],
    ['youtube', `https://www.youtube.com@evil.example/watch?v=${YT}`],
    ['youtube', `https://user:pass@www.youtube.com/watch?v=${YT}`],
    ['youtube', `https://www.youtube.com\\@evil.example/watch?v=${YT}`],
    ['youtube', `https://youtube.com.evil.example/watch?v=${YT}`],
    ['youtube', `https://evil-youtube.com/watch?v=${YT}`],
    ['youtube', `https://youtu.be.evil.example/${YT}`],
    ['youtube', `https://www.youtube.com./watch?v=${YT}`],
    ['youtube', `https://www.xn--yutube-wqf.com/watch?v=${YT}`],
    ['youtube', `https://www.yоutube.com/watch?v=${YT}`], // a Cyrillic "о"
    ['youtube', `https://xn--ytube-9qa.com/watch?v=${YT}`],
    ['youtube', `https://www.youtube.com:8080/watch?v=${YT}`],
    ['youtube', `https://[::1]/watch?v=${YT}`],
    ['youtube', `https://www.you\ntube.com/watch?v=${YT}`],
    // Not an id of the right shape.
    ['youtube', `${YT}"><script>alert(1)</script>`],
    ['youtube', `https://www.youtube.com/watch?v=${YT}"><script>alert(1)</script>`],
    ['youtube', `https://www.youtube.com/embed/${YT}%22%3E%3Cscript%3E`],
    ['youtube', 'dQw4w9WgXc'],
    ['youtube', 'dQw4w9WgXcQQ'],
    ['youtube', 'dQw4w9WgXc!'],
    ['youtube', 'https://www.youtube.com/watch'],
    ['youtube', 'https://www.youtube.com/watch?list=PLx'],
    ['youtube', `https://www.youtube.com/watch?v=${YT}&v=aaaaaaaaaaa`],
    ['youtube', `https://www.youtube.com/embed/${YT}/extra`],
    ['youtube', `https://www.youtube.com/${YT}`],
    ['youtube', `https://youtu.be/watch?v=${YT}`],
    ['vimeo', 'javascript:alert(1)'],
    ['vimeo', '//vimeo.com/76979871'],
    ['vimeo', 'https://vimeo.com.evil.example/76979871'],
    ['vimeo', 'https://evilvimeo.com/76979871'],
    ['vimeo', 'https://player.vimeo.com.evil.example/video/76979871'],
    ['vimeo', 'https://vimeo.com@evil.example/76979871'],
    ['vimeo', 'https://vimeo.com:8443/76979871'],
    ['vimeo', 'https://player.vimeo.com/76979871'],
    ['vimeo', 'https://vimeo.com/video/76979871'],
    ['vimeo', 'https://vimeo.com/76979871/<script>'],
    ['vimeo', 'https://player.vimeo.com/video/76979871?h=abc"><x>'],
    ['vimeo', 'https://player.vimeo.com/video/76979871?h=abcdef1234&h=1234abcdef'],
    ['vimeo', 'https://vimeo.com/channels/staff picks/76979871'],
    ['vimeo', '76979871abc'],
    ['vimeo', '0123'],
    ['vimeo', '76979871/../x'],
    ['vimeo', '76979871/abcdef1234"><script>'],
    ['vimeo', '1234567890123'],
    ['peertube', `http://${TUBE}/w/${UUID}`],
    ['peertube', `https://192.168.1.10/w/${UUID}`],
    ['peertube', `https://[2001:db8::1]/w/${UUID}`],
    ['peertube', `https://localhost/w/${UUID}`],
    ['peertube', `https://tube.localhost/w/${UUID}`],
    ['peertube', `https://${TUBE}:8443/w/${UUID}`],
    ['peertube', `https://user@${TUBE}/w/${UUID}`],
    ['peertube', `https://${TUBE}/w/p/${UUID}`],
    ['peertube', `https://${TUBE}/w/${UUID}/extra`],
    ['peertube', `https://${TUBE}/w/not-a-video-id`],
    ['peertube', `https://${TUBE}/w/${SHORT.slice(1)}`],
    ['peertube', `https://${TUBE}/w/${SHORT.slice(1)}0`], // "0" is not in the alphabet
    ['peertube', `https://${TUBE}/w/ZZZZZZZZZZZZZZZZZZZZZZ`], // more than 128 bits
    ['peertube', `https://${TUBE}/w/${UUID}"><script>`],
    ['peertube', `javascript:alert(1)//${UUID}`],
    ['peertube', `//${TUBE}/w/${UUID}`],
    ['file', 'http://media.koivulahti.example/a.mp4'],
    ['file', 'https://1.2.3.4/a.mp4'],
    ['file', 'https://0x7f.1/a.mp4'],
    ['file', 'https://[::1]/a.mp4'],
    ['file', 'https://localhost/a.mp4'],
    ['file', 'https://media.koivulahti.example:8443/a.mp4'],
    ['file', 'https://user:pw@media.koivulahti.example/a.mp4'],
    ['file', '//evil.example/a.mp4'],
    ['file', '/\\evil.example/a.mp4'],
    ['file', 'media/a.mp4'],
    ['file', '/media/a.mov'],
    ['file', '/media/a.mp4.html'],
    ['file', '/media/a.mp4/'],
    ['file', 'https://media.koivulahti.example/a.mp4x'],
    ['file', '/media/../secret.mp4'],
    ['file', '/media/%2e%2E/secret.mp4'],
    ['file', '/media/a b.mp4'],
    ['file', 'javascript:alert(1)//a.mp4'],
    ['file', 'data:video/mp4;base64,AAAA.mp4'],
    ['file', 'blob:https://media.koivulahti.example/a.mp4'],
    ['file', 'file:///etc/a.mp4'],
  ];
  it.each(hostile)('%s %s', (provider, ref) => {
    const issue = refusal(provider, ref);
    expect(issue.path).toEqual(['ref']);
    expect(issue.message).toBe(MESSAGES[provider]);
  });

  const badHosts: [string, string, string | undefined][] = [
    ['an id without a host', UUID, undefined],
    ['an IPv4 address', UUID, '10.0.0.1'],
    ['an IPv6 address', UUID, '[::1]'],
    ['localhost', UUID, 'localhost'],
    ['a name under localhost', UUID, 'tube.localhost'],
    ['a name without a dot', UUID, 'tube'],
    ['a URL instead of a host', UUID, `https://${TUBE}`],
    ['a port', UUID, `${TUBE}:8080`],
    ['userinfo', UUID, `user@${TUBE}`],
    ['a path', UUID, `${TUBE}/w`],
    ['markup', UUID, `${TUBE}"><script>`],
    ['an address on another host', `https://${TUBE}/w/${UUID}`, 'other.example'],
  ];
  it.each(badHosts)('PeerTube with %s', (_, ref, host) => {
    expect(refusal('peertube', ref, host).path).toEqual(['host']);
  });

  it.each(['youtube', 'vimeo', 'file'] as const)('%s takes no host', (provider) => {
    const ref = { youtube: YT, vimeo: '76979871', file: '/media/a.mp4' }[provider];
    expect(refusal(provider, ref, TUBE)).toMatchObject({ path: ['host'], message: MESSAGES.hostNotTaken });
  });
});

describe('players', () => {
  const origin = 'https://osallistu.koivulahti.example';

  it('plays YouTube from its no-cookie host', () => {
    expect(playerOf('youtube', { ref: YT, host: null }, origin)).toEqual({
      player: {
        kind: 'iframe',
        src: `https://www.youtube-nocookie.com/embed/${YT}?autoplay=1&rel=0&playsinline=1&hl={lang}&cc_lang_pref={lang}&start={t}`,
        host: 'www.youtube-nocookie.com',
        ask: true,
      },
      sourceUrl: `https://www.youtube.com/watch?v=${YT}`,
    });
  });

  it('plays Vimeo with do-not-track, passing an unlisted video\'s hash', () => {
    expect(playerOf('vimeo', { ref: '76979871', host: null }, origin)).toEqual({
      player: { kind: 'iframe', src: 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&texttrack={lang}#t={t}s', host: 'player.vimeo.com', ask: true },
      sourceUrl: 'https://vimeo.com/76979871',
    });
    expect(playerOf('vimeo', { ref: '76979871/abcdef1234', host: null }, origin).player.src).toBe(
      'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&texttrack={lang}&h=abcdef1234#t={t}s',
    );
  });

  it('plays PeerTube from its instance without peer-to-peer', () => {
    expect(playerOf('peertube', { ref: UUID, host: TUBE }, origin)).toEqual({
      player: { kind: 'iframe', src: `https://${TUBE}/videos/embed/${UUID}?autoplay=1&title=0&warningTitle=0&p2p=0&subtitle={lang}&start={t}s`, host: TUBE, ask: true },
      sourceUrl: `https://${TUBE}/w/${UUID}`,
    });
  });

  it('plays files in the page, a path on this host made absolute against the request; a file on another host is asked about first', () => {
    expect(playerOf('file', { ref: '/media/a.mp4', host: null }, origin)).toEqual({
      player: { kind: 'file', src: `${origin}/media/a.mp4`, host: 'osallistu.koivulahti.example', type: 'video/mp4', ask: false },
      sourceUrl: `${origin}/media/a.mp4`,
    });
    expect(playerOf('file', { ref: 'https://cdn.koivulahti.example/hls/master.m3u8?x=1', host: null }, origin).player).toEqual({
      kind: 'file',
      src: 'https://cdn.koivulahti.example/hls/master.m3u8?x=1',
      host: 'cdn.koivulahti.example',
      type: 'application/vnd.apple.mpegurl',
      ask: true,
    });
    expect(playerOf('file', { ref: `${origin}/media/b.mp4`, host: null }, origin).player.ask).toBe(false);
    expect(playerOf('file', { ref: '/v/A.WEBM', host: null }, origin).player.type).toBe('video/webm');
  });
});
