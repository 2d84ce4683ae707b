import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findCaptions } from '../db/videos.ts';
import { tableRowCounts } from '../db/introspection.ts';
import { ORIGIN, call, createToken, errorOf } from '../../test/workers/helpers.ts';
import { JPEG, PNG, VTT_FI, VTT_FI_TEXT, VTT_SV, VTT_SV_TEXT, WEBP, videoSite } from '../../test/workers/videos.ts';
import { PUBLIC_CACHE } from './videos.ts';

const upload = (path: string, token: string | undefined, body: BodyInit, type: string) =>
  call(path, { method: 'PUT', token, body, headers: { 'Content-Type': type } });

/** Every R2 key under `prefix`. */
async function storedKeys(prefix: string): Promise<string[]> {
  return (await env.MEDIA.list({ prefix })).objects.map((o) => o.key);
}

describe('captions', () => {
  it('are checked, stored, served as WebVTT and listed in the video with their text as its transcript', async () => {
    const { site, base, owner, add, read } = await videoSite();
    const video = await add({ title: { fi: 'Vain suomeksi' }, description: undefined });
    expect(video.languages).toEqual(['fi']);
    const put = await upload(`${base}/videos/${video.id}/captions/sv`, owner, VTT_SV, 'text/vtt');
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ lang: 'sv', cues: 2, url: `${ORIGIN}${base}/videos/${video.id}/captions/sv` });
    await upload(`${base}/videos/${video.id}/captions/fi`, owner, VTT_FI, 'text/vtt; charset=utf-8');

    const served = await call(`${base}/videos/${video.id}/captions/sv`);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('text/vtt; charset=utf-8');
    expect(served.headers.get('Cache-Control')).toBe(PUBLIC_CACHE);
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await served.text()).toBe(VTT_SV);

    const { body } = await read(video.id);
    expect(body).toMatchObject({
      captions: [
        { lang: 'fi', url: `${ORIGIN}${base}/videos/${video.id}/captions/fi` },
        { lang: 'sv', url: `${ORIGIN}${base}/videos/${video.id}/captions/sv` },
      ],
      transcript: { fi: VTT_FI_TEXT, sv: VTT_SV_TEXT },
      languages: ['fi', 'sv'], // Swedish through its captions
    });
    expect(Date.parse(body!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(video.updatedAt));

    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=video.captions`, { token: owner })).json()) as { items: { detail: unknown }[] };
    expect(audit.items.map((e) => e.detail)).toEqual([{ lang: 'fi', cues: 3 }, { lang: 'sv', cues: 2 }]);
  });

  it('give way to a transcript the editor wrote, language by language', async () => {
    const { base, owner, add, read } = await videoSite();
    const video = await add({ transcript: { fi: 'Toimitettu litterointi.' } });
    await upload(`${base}/videos/${video.id}/captions/fi`, owner, VTT_FI, 'text/vtt');
    await upload(`${base}/videos/${video.id}/captions/sv`, owner, VTT_SV, 'text/vtt');
    expect((await read(video.id)).body!.transcript).toEqual({ fi: 'Toimitettu litterointi.', sv: VTT_SV_TEXT });
    // An edit keeps the captions' text; the editor's Swedish then wins too.
    const edited = await call(`${base}/videos/${video.id}`, { method: 'PATCH', token: owner, json: { transcript: { sv: 'Redigerad.' } } });
    expect(await edited.json()).toMatchObject({ transcript: { fi: VTT_FI_TEXT, sv: 'Redigerad.' }, captions: [{ lang: 'fi' }, { lang: 'sv' }] });
  });

  it('are replaced by a new upload and removed by DELETE, the languages following', async () => {
    const { site, base, owner, add, read } = await videoSite();
    const video = await add({ title: { fi: 'Vain suomeksi' }, description: undefined });
    const path = `${base}/videos/${video.id}/captions/sv`;
    await upload(path, owner, VTT_SV, 'text/vtt');
    const replaced = await upload(path, owner, 'WEBVTT\n\n00:01.000 --> 00:02.000\nNy text.\n', 'text/vtt');
    expect(await replaced.json()).toMatchObject({ lang: 'sv', cues: 1 });
    expect(await (await call(path)).text()).toContain('Ny text.');
    expect((await read(video.id)).body!.transcript).toEqual({ sv: 'Ny text.' });

    const deleted = await call(path, { method: 'DELETE', token: owner });
    expect(await deleted.json()).toEqual({ id: video.id, lang: 'sv', deleted: true });
    const gone = await call(path);
    expect(gone.status).toBe(404);
    expect((await errorOf(gone)).code).toBe('captions_not_found');
    expect((await read(video.id)).body).toMatchObject({ captions: [], transcript: null, languages: ['fi'] });
    expect(await findCaptions(env.DB, site, video.id, 'sv')).toBeNull();
    expect((await call(path, { method: 'DELETE', token: owner })).status).toBe(404);
  });

  it('refuses what is not WebVTT with 400 naming the line, and stores nothing', async () => {
    const { base, owner, add } = await videoSite();
    const video = await add();
    const path = `${base}/videos/${video.id}/captions/fi`;
    const before = await tableRowCounts(env.DB);
    const srt = await upload(path, owner, '1\n00:00:01,000 --> 00:00:02,000\nHei\n', 'text/vtt');
    expect(srt.status).toBe(400);
    expect(await errorOf(srt)).toMatchObject({ code: 'invalid_webvtt', issues: [{ path: ['line', 1] }] });
    const backwards = await upload(path, owner, 'WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n\n00:09.000 --> 00:03.000\nMoi\n', 'text/vtt');
    const error = await errorOf(backwards);
    expect(error.issues).toEqual([{ path: ['line', 6], code: 'invalid_webvtt', message: 'Line 6: the cue ends (00:03.000) before it starts (00:09.000).' }]);
    expect(error.message).toContain('Line 6');
    const latin1 = await upload(path, owner, Uint8Array.of(...new TextEncoder().encode('WEBVTT\n\n00:01.000 --> 00:02.000\nH'), 0xe4, 0x0a), 'text/vtt');
    expect(latin1.status).toBe(400);
    expect((await errorOf(latin1)).message).toMatch(/UTF-8/);
    for (const type of ['text/plain', 'application/json', 'application/x-subrip']) {
      const wrongType = await upload(path, owner, VTT_FI, type);
      expect(wrongType.status, type).toBe(415);
      expect((await errorOf(wrongType)).code).toBe('unsupported_media_type');
    }
    const huge = await upload(path, owner, `WEBVTT\n\n00:01.000 --> 00:02.000\n${'x'.repeat(1024 * 1024)}\n`, 'text/vtt');
    expect(huge.status).toBe(413);
    expect((await upload(`${base}/videos/${video.id}/captions/de`, owner, VTT_FI, 'text/vtt')).status).toBe(400);
    expect((await errorOf(await upload(`${base}/videos/ei-ole/captions/fi`, owner, VTT_FI, 'text/vtt'))).code).toBe('video_not_found');
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('of a draft are only for officials, and uploads only for editors', async () => {
    const { site, base, owner, add } = await videoSite();
    const draft = await add({ status: 'draft' });
    const path = `${base}/videos/${draft.id}/captions/fi`;
    expect((await upload(path, undefined, VTT_FI, 'text/vtt')).status).toBe(401);
    expect((await upload(path, await createToken(site, 'viewer'), VTT_FI, 'text/vtt')).status).toBe(403);
    expect((await call(path, { method: 'DELETE', token: await createToken(site, 'moderator') })).status).toBe(403);
    await upload(path, owner, VTT_FI, 'text/vtt');
    const anyone = await call(path);
    expect(anyone.status).toBe(404);
    expect((await errorOf(anyone)).code).toBe('video_not_found');
    const official = await call(path, { token: await createToken(site, 'viewer') });
    expect(official.status).toBe(200);
    expect(official.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await official.text()).toBe(VTT_FI);
  });
});

describe('posters', () => {
  it('are stored by the hash of their bytes and served back with their type, cached for good at their versioned address', async () => {
    const { site, base, owner, add, read } = await videoSite();
    const video = await add();
    const put = await upload(`${base}/videos/${video.id}/poster`, owner, PNG, 'image/png');
    expect(put.status).toBe(200);
    const stored = (await put.json()) as { poster: string; type: string; bytes: number; version: string };
    expect(stored).toMatchObject({ type: 'image/png', bytes: PNG.byteLength, version: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(stored.poster).toBe(`${ORIGIN}${base}/videos/${video.id}/poster?v=${stored.version}`);
    expect(await storedKeys(`${site}/videos/${video.id}/`)).toEqual([`${site}/videos/${video.id}/poster/${stored.version}`]);
    expect((await read(video.id)).body!.poster).toBe(stored.poster);

    const served = await call(stored.poster.slice(ORIGIN.length));
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/png');
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(served.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    const unversioned = await call(`${base}/videos/${video.id}/poster`);
    expect(unversioned.headers.get('Cache-Control')).toBe('public, max-age=300');
    await unversioned.arrayBuffer();
    const revalidated = await call(`${base}/videos/${video.id}/poster`, { headers: { 'If-None-Match': served.headers.get('ETag')! } });
    expect(revalidated.status).toBe(304);

    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=video.poster`, { token: owner })).json()) as { items: { detail: unknown }[] };
    expect(audit.items.map((e) => e.detail)).toEqual([{ type: 'image/png', bytes: PNG.byteLength, version: stored.version }]);
  });

  it('of a draft or a scheduled video are only for officials, never cached', async () => {
    const { site, base, owner, add } = await videoSite();
    for (const hidden of [{ status: 'draft' }, { publishedAt: '2099-01-01T00:00:00Z' }]) {
      const video = await add(hidden);
      const stored = (await (await upload(`${base}/videos/${video.id}/poster`, owner, PNG, 'image/png')).json()) as { poster: string };
      const anyone = await call(stored.poster.slice(ORIGIN.length));
      expect(anyone.status).toBe(404);
      expect((await errorOf(anyone)).code).toBe('video_not_found');
      const official = await call(stored.poster.slice(ORIGIN.length), { token: await createToken(site, 'viewer') });
      expect(official.status).toBe(200);
      expect(official.headers.get('Cache-Control')).toBe('private, no-store');
      expect(new Uint8Array(await official.arrayBuffer())).toEqual(PNG);
    }
  });

  it('take JPEG and WebP too, a new one replacing the old object', async () => {
    const { site, base, owner, add, read } = await videoSite();
    const video = await add();
    const path = `${base}/videos/${video.id}/poster`;
    const png = (await (await upload(path, owner, PNG, 'image/png')).json()) as { version: string; poster: string };
    const jpeg = (await (await upload(path, owner, JPEG, 'image/jpeg')).json()) as { version: string };
    expect(jpeg.version).not.toBe(png.version);
    expect(await storedKeys(`${site}/videos/${video.id}/`)).toEqual([`${site}/videos/${video.id}/poster/${jpeg.version}`]);
    // The old address now shows the current poster, cached briefly.
    const old = await call(png.poster.slice(ORIGIN.length));
    expect(old.headers.get('Content-Type')).toBe('image/jpeg');
    expect(old.headers.get('Cache-Control')).toBe('public, max-age=300');
    await old.arrayBuffer();
    const webp = await upload(path, owner, WEBP, 'image/webp');
    expect(await webp.json()).toMatchObject({ type: 'image/webp', bytes: WEBP.byteLength });
    // The same bytes again keep their object.
    const again = await upload(path, owner, WEBP, 'image/webp');
    expect(again.status).toBe(200);
    expect(await storedKeys(`${site}/videos/${video.id}/`)).toHaveLength(1);
    expect((await read(video.id)).body!.poster).toMatch(/\?v=[0-9a-f]{16}$/);
  });

  it('refuse what is not the image its Content-Type says, other types and oversize bodies, storing nothing', async () => {
    const { site, base, owner, add } = await videoSite();
    const video = await add();
    const path = `${base}/videos/${video.id}/poster`;
    const oversize = new Uint8Array(2 * 1024 * 1024 + 1);
    oversize.set(PNG);
    const before = await tableRowCounts(env.DB);
    const refusals: [BodyInit, string, number, string][] = [
      ['This is a text file, not an image.', 'image/png', 400, 'poster_not_an_image'],
      [new Uint8Array(0), 'image/png', 400, 'poster_not_an_image'],
      [JPEG, 'image/png', 400, 'poster_not_an_image'],
      [PNG, 'image/webp', 400, 'poster_not_an_image'],
      ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml', 415, 'unsupported_media_type'],
      [PNG, 'image/gif', 415, 'unsupported_media_type'],
      [PNG, 'application/octet-stream', 415, 'unsupported_media_type'],
      [PNG, 'application/json', 415, 'unsupported_media_type'],
      [oversize, 'image/png', 413, 'payload_too_large'],
    ];
    for (const [body, type, status, code] of refusals) {
      const response = await upload(path, owner, body, type);
      expect(response.status, `${type} ${status}`).toBe(status);
      expect((await errorOf(response)).code).toBe(code);
    }
    expect(await storedKeys(`${site}/`)).toEqual([]);
    expect(await tableRowCounts(env.DB)).toEqual(before);
    const anonymous = await upload(path, undefined, PNG, 'image/png');
    expect(anonymous.status).toBe(401);
    expect((await upload(path, await createToken(site, 'viewer'), PNG, 'image/png')).status).toBe(403);
    expect((await errorOf(await upload(`${base}/videos/ei-ole/poster`, owner, PNG, 'image/png'))).code).toBe('video_not_found');
    expect(await storedKeys(`${site}/`)).toEqual([]);
    // 2 MiB exactly is still taken.
    const largest = new Uint8Array(2 * 1024 * 1024);
    largest.set(PNG);
    expect(await (await upload(path, owner, largest, 'image/png')).json()).toMatchObject({ bytes: 2 * 1024 * 1024 });
  });

  it('are removed by DELETE, and answer 404 when there is none', async () => {
    const { site, base, owner, add, read } = await videoSite();
    const video = await add();
    const path = `${base}/videos/${video.id}/poster`;
    const none = await call(path);
    expect(none.status).toBe(404);
    expect((await errorOf(none)).code).toBe('poster_not_found');
    expect((await call(path, { method: 'DELETE', token: owner })).status).toBe(404);
    await upload(path, owner, PNG, 'image/png');
    const deleted = await call(path, { method: 'DELETE', token: owner });
    expect(await deleted.json()).toEqual({ id: video.id, deleted: true });
    expect((await call(path)).status).toBe(404);
    expect(await storedKeys(`${site}/`)).toEqual([]);
    expect((await read(video.id)).body!.poster).toBeNull();
    expect((await errorOf(await call(`${base}/videos/ei-ole/poster`))).code).toBe('video_not_found');
  });
});

describe('deleting a video', () => {
  it('removes its captions and its poster', async () => {
    const { site, base, owner, add } = await videoSite();
    const video = await add();
    const keep = await add({ id: 'toinen' });
    await upload(`${base}/videos/${video.id}/captions/fi`, owner, VTT_FI, 'text/vtt');
    await upload(`${base}/videos/${video.id}/captions/sv`, owner, VTT_SV, 'text/vtt');
    await upload(`${base}/videos/${video.id}/poster`, owner, PNG, 'image/png');
    await upload(`${base}/videos/${keep.id}/captions/fi`, owner, VTT_FI, 'text/vtt');
    await upload(`${base}/videos/${keep.id}/poster`, owner, JPEG, 'image/jpeg');
    expect(await storedKeys(`${site}/`)).toHaveLength(2);

    expect((await call(`${base}/videos/${video.id}`, { method: 'DELETE', token: owner })).status).toBe(200);
    expect(await findCaptions(env.DB, site, video.id, 'fi')).toBeNull();
    expect(await findCaptions(env.DB, site, video.id, 'sv')).toBeNull();
    expect(await storedKeys(`${site}/videos/${video.id}/`)).toEqual([]);
    expect((await call(`${base}/videos/${video.id}/captions/fi`, { token: owner })).status).toBe(404);
    expect((await call(`${base}/videos/${video.id}/poster`)).status).toBe(404);
    // The other video keeps its own.
    expect(await findCaptions(env.DB, site, keep.id, 'fi')).toMatchObject({ cues: 3 });
    expect(await storedKeys(`${site}/videos/${keep.id}/`)).toHaveLength(1);
  });
});
