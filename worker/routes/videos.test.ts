import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { ORIGIN, call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';
import { VIDEO, YOUTUBE_ID, videoSite } from '../../test/workers/videos.ts';
import type { VideoBody } from '../../test/workers/videos.ts';
import { PUBLIC_CACHE } from './videos.ts';

type Page = { channel?: { id: string; title: Record<string, string> | null; description: Record<string, string> | null }; items: VideoBody[]; nextCursor: string | null };
const ids = (page: Page) => page.items.map((v) => v.id);
const HOUR = 3600 * 1000;
const past = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

describe('adding videos', () => {
  it('lets an editor add one by its address, keeps only the canonical id, and anyone read it', async () => {
    const { site, owner, add, read } = await videoSite();
    const video = await add();
    expect(video).toMatchObject({
      id: 'pormestarin-videoblogi-marraskuu',
      channel: 'pormestari',
      provider: 'youtube',
      ref: YOUTUBE_ID,
      host: null,
      sourceUrl: `https://www.youtube.com/watch?v=${YOUTUBE_ID}`,
      player: {
        kind: 'iframe',
        src: `https://www.youtube-nocookie.com/embed/${YOUTUBE_ID}?autoplay=1&rel=0&playsinline=1&hl={lang}&cc_lang_pref={lang}&start={t}`,
        host: 'www.youtube-nocookie.com',
      },
      title: VIDEO.title,
      description: VIDEO.description,
      duration: 272,
      chapters: VIDEO.chapters,
      captions: [],
      poster: null,
      transcript: null,
      languages: ['fi', 'sv'],
      status: 'published',
    });
    expect(Date.now() - Date.parse(video.publishedAt)).toBeLessThan(60_000);

    const anyone = await read(video.id);
    expect(anyone.status).toBe(200);
    expect(anyone.response.headers.get('Cache-Control')).toBe(PUBLIC_CACHE);
    expect(anyone.body).toEqual(video);
    const official = await read(video.id, await createToken(site, 'viewer'));
    expect(official.response.headers.get('Cache-Control')).toBe('private, no-store');

    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=video`, { token: owner })).json()) as { items: { action: string; target: string }[] };
    expect(audit.items).toMatchObject([{ action: 'video.create', target: video.id }]);
  });

  it('plays Vimeo, PeerTube and files from where they are, a path on this host made absolute', async () => {
    const { add } = await videoSite();
    const vimeo = await add({ id: 'vimeo', provider: 'vimeo', ref: 'https://vimeo.com/76979871/abcdef1234' });
    expect(vimeo).toMatchObject({ ref: '76979871/abcdef1234', host: null, sourceUrl: 'https://vimeo.com/76979871/abcdef1234' });
    expect(vimeo.player.src).toBe('https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&texttrack={lang}&h=abcdef1234#t={t}s');
    const uuid = '9c9de5e8-0a1e-484a-b099-e80766180a6d';
    const peertube = await add({ id: 'peertube', provider: 'peertube', ref: uuid, host: 'tube.koivulahti.example' });
    expect(peertube).toMatchObject({ ref: uuid, host: 'tube.koivulahti.example', sourceUrl: `https://tube.koivulahti.example/w/${uuid}` });
    expect(peertube.player).toEqual({ kind: 'iframe', src: `https://tube.koivulahti.example/videos/embed/${uuid}?autoplay=1&title=0&warningTitle=0&p2p=0&subtitle={lang}&start={t}s`, host: 'tube.koivulahti.example', ask: true });
    const file = await add({ id: 'file', provider: 'file', ref: '/media/valtuusto.mp4#t=5', chapters: [] });
    expect(file).toMatchObject({ ref: '/media/valtuusto.mp4', host: null, sourceUrl: `${ORIGIN}/media/valtuusto.mp4` });
    expect(file.player).toEqual({ kind: 'file', src: `${ORIGIN}/media/valtuusto.mp4`, host: 'osallistu.test', type: 'video/mp4', ask: false });
  });

  it('makes the id from the first title, adds a suffix when it is taken, and refuses a given id that is taken', async () => {
    const { base, owner, add } = await videoSite();
    const first = await add();
    const second = await add();
    expect(first.id).toBe('pormestarin-videoblogi-marraskuu');
    expect(second.id).toMatch(/^pormestarin-videoblogi-marraskuu-[a-z0-9]{5}$/);
    expect((await add({ id: 'oma-id' })).id).toBe('oma-id');
    const before = await tableRowCounts(env.DB);
    const again = await call(`${base}/videos`, { method: 'POST', token: owner, json: { ...VIDEO, id: 'oma-id' } });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('video_exists');
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('adds a retried video once when the retry carries the same Idempotency-Key', async () => {
    const { base, owner, site } = await videoSite();
    const key = crypto.randomUUID();
    const send = (body: unknown = VIDEO) => call(`${base}/videos`, { method: 'POST', token: owner, json: body, headers: { 'Idempotency-Key': key } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [bodyA, bodyB] = [(await a.json()) as VideoBody, (await b.json()) as VideoBody];
    expect(bodyA).toEqual(bodyB);
    expect([a, b].find((r) => r.status === 200)!.headers.get('Idempotent-Replay')).toBe('true');
    const list = (await (await call(`${base}/videos`, { token: await createToken(site, 'viewer') })).json()) as Page;
    expect(ids(list)).toEqual([bodyA.id]);
    const reused = await send({ ...VIDEO, duration: 300 });
    expect(reused.status).toBe(422);
    expect((await errorOf(reused)).code).toBe('idempotency_key_reused');
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a look-alike host', { ref: `https://youtube.com.evil.example/watch?v=${YOUTUBE_ID}` }, 'ref'],
    ['markup after the id', { ref: `${YOUTUBE_ID}"><script>alert(1)</script>` }, 'ref'],
    ['a javascript: address', { ref: 'javascript:alert(1)' }, 'ref'],
    ['userinfo before the host', { ref: `https://www.youtube.com@evil.example/watch?v=${YOUTUBE_ID}` }, 'ref'],
    ['a host for YouTube', { host: 'tube.koivulahti.example' }, 'host'],
    ['a PeerTube id without a host', { provider: 'peertube', ref: '9c9de5e8-0a1e-484a-b099-e80766180a6d' }, 'host'],
    ['a PeerTube instance on an IP address', { provider: 'peertube', ref: 'https://10.0.0.1/w/9c9de5e8-0a1e-484a-b099-e80766180a6d' }, 'ref'],
    ['a file over http', { provider: 'file', ref: 'http://media.koivulahti.example/a.mp4' }, 'ref'],
    ['a file that is not a video', { provider: 'file', ref: '/media/a.html' }, 'ref'],
    ['chapters out of order', { chapters: [{ start: 0, title: { fi: 'a' } }, { start: 60, title: { fi: 'b' } }, { start: 60, title: { fi: 'c' } }] }, 'chapters.2.start'],
    ['a chapter after the end', { duration: 90, chapters: [{ start: 0, title: { fi: 'a' } }, { start: 95, title: { fi: 'b' } }] }, 'chapters.1.start'],
    ['an unknown provider', { provider: 'dailymotion' }, 'provider'],
    ['no title', { title: {} }, 'title'],
    ['an unknown field', { autoplay: true }, 'autoplay'],
    ['a channel that is not a slug', { channel: 'Pormestari!' }, 'channel'],
    ['a publication time without a zone', { publishedAt: '2026-11-20 10:00' }, 'publishedAt'],
  ];
  it.each(invalid)('refuses %s with 400 naming the place, and stores nothing', async (_, change, path) => {
    const { base, owner } = await videoSite();
    const before = await tableRowCounts(env.DB);
    const response = await call(`${base}/videos`, { method: 'POST', token: owner, json: { ...VIDEO, ...change } });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.map((i) => i.path.join('.'))).toContain(path);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('says what to give when the address is refused', async () => {
    const { base, owner } = await videoSite();
    const response = await call(`${base}/videos`, { method: 'POST', token: owner, json: { ...VIDEO, ref: 'https://www.youtube.com/watch' } });
    expect((await errorOf(response)).issues).toEqual([
      { path: ['ref'], code: 'invalid_video_ref', message: 'Give a YouTube address such as https://www.youtube.com/watch?v=… or the 11-character id.' },
    ]);
  });

  it('takes a video with long transcripts (up to 512 KiB of JSON), and no more', async () => {
    const { base, owner, add } = await videoSite();
    const long = 'Puheenvuoro jatkuu. '.repeat(10_000); // 200,000 characters
    const video = await add({ transcript: { fi: long, sv: long } });
    expect(video.transcript?.fi).toBe(long.trim());
    const huge = await call(`${base}/videos`, { method: 'POST', token: owner, json: { ...VIDEO, transcript: { fi: long, sv: long, en: long } } });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe('payload_too_large');
  });
});

describe('who may do what', () => {
  it('is for editors: anonymous callers get 401, viewers and moderators 403, another site\'s owner 403', async () => {
    const { site, base, add } = await videoSite();
    const video = await add();
    const other = await createSite();
    const viewer = await createToken(site, 'viewer');
    const moderator = await createToken(site, 'moderator');
    const before = await tableRowCounts(env.DB);
    const writes: [string, string, unknown][] = [
      ['POST', `${base}/videos`, VIDEO],
      ['PATCH', `${base}/videos/${video.id}`, { status: 'draft' }],
      ['DELETE', `${base}/videos/${video.id}`, undefined],
      ['PUT', `${base}/channels/pormestari`, { title: { fi: 'Pormestari' } }],
    ];
    for (const [method, path, json] of writes) {
      const anonymous = await call(path, { method, json });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect(anonymous.headers.get('WWW-Authenticate')).toContain('Bearer');
      for (const token of [viewer, moderator]) {
        const refused = await call(path, { method, json, token });
        expect(refused.status, `${method} ${path}`).toBe(403);
        expect((await errorOf(refused)).code).toBe('insufficient_role');
      }
      const elsewhere = await call(path, { method, json, token: other.owner });
      expect((await errorOf(elsewhere)).code).toBe('wrong_site');
    }
    expect(await tableRowCounts(env.DB)).toEqual(before);
    expect((await call(`${base}/videos`)).status).toBe(401);
    expect((await call(`${base}/videos`, { token: viewer })).status).toBe(200);
  });

  it('lets a registered origin send PUT from a page', async () => {
    const { site } = await videoSite();
    const preflight = await call(`/api/v1/sites/${site}/channels/pormestari`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://www.testikunta.example', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
  });
});

describe('editing videos', () => {
  it('changes only the fields sent, checks a new address again, and is audited', async () => {
    const { site, base, owner, add, read } = await videoSite();
    const video = await add();
    const patch = (json: unknown) => call(`${base}/videos/${video.id}`, { method: 'PATCH', token: owner, json });
    const edited = await patch({ title: { fi: 'Uusi otsikko' }, duration: 300 });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ id: video.id, title: { fi: 'Uusi otsikko' }, duration: 300, ref: YOUTUBE_ID, chapters: VIDEO.chapters, description: VIDEO.description, languages: ['fi', 'sv'], publishedAt: video.publishedAt });

    // A Vimeo address is not a YouTube video; with the provider it is.
    const wrong = await patch({ ref: 'https://vimeo.com/76979871' });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).issues?.[0]?.path).toEqual(['ref']);
    const moved = await patch({ provider: 'vimeo', ref: 'https://vimeo.com/76979871' });
    expect(await moved.json()).toMatchObject({ provider: 'vimeo', ref: '76979871', player: { host: 'player.vimeo.com' } });
    // A provider alone is checked against the current reference.
    expect((await patch({ provider: 'youtube' })).status).toBe(400);

    // PeerTube: a new host for the same id, or a new id on the same host.
    const uuid = '9c9de5e8-0a1e-484a-b099-e80766180a6d';
    expect(await (await patch({ provider: 'peertube', ref: `https://tube.koivulahti.example/w/${uuid}` })).json()).toMatchObject({ ref: uuid, host: 'tube.koivulahti.example' });
    expect(await (await patch({ host: 'video.koivulahti.example' })).json()).toMatchObject({ ref: uuid, host: 'video.koivulahti.example' });
    expect(await (await patch({ ref: 'kkGMgK9ZtnKfYAgnEtQxbv' })).json()).toMatchObject({ ref: 'kkGMgK9ZtnKfYAgnEtQxbv', host: 'video.koivulahti.example' });
    expect((await patch({ host: '127.0.0.1' })).status).toBe(400);

    // Chapters are checked against the duration, current or new.
    const late = await patch({ chapters: [{ start: 0, title: { fi: 'a' } }, { start: 301, title: { fi: 'b' } }] });
    expect((await errorOf(late)).issues?.map((i) => i.path.join('.'))).toEqual(['chapters.1.start']);
    expect((await patch({ duration: 60 })).status).toBe(400); // the chapter at 95 s would be after the end
    expect((await patch({})).status).toBe(400);
    expect((await patch({ id: 'other' })).status).toBe(400);

    expect((await read(video.id)).body).toMatchObject({ provider: 'peertube', host: 'video.koivulahti.example', duration: 300, title: { fi: 'Uusi otsikko' } });
    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=video.update`, { token: owner })).json()) as { items: { detail: { changed: string[] } }[] };
    expect(audit.items.at(-1)!.detail.changed).toEqual(['title', 'duration']);
    expect(audit.items).toHaveLength(5);
  });

  it('publishing a draft dates it now, unless a time is sent or it was scheduled for later', async () => {
    const { base, owner, add } = await videoSite();
    const patch = (id: string, json: unknown) => call(`${base}/videos/${id}`, { method: 'PATCH', token: owner, json });
    const old = await add({ status: 'draft', publishedAt: '2026-10-01T10:00:00Z' });
    const before = Date.now();
    const published = (await (await patch(old.id, { status: 'published' })).json()) as { publishedAt: string };
    expect(Date.parse(published.publishedAt)).toBeGreaterThanOrEqual(before - 1000);
    const dated = await add({ status: 'draft', publishedAt: '2026-10-01T10:00:00Z' });
    expect(await (await patch(dated.id, { status: 'published', publishedAt: '2026-10-05T10:00:00Z' })).json()).toMatchObject({ publishedAt: '2026-10-05T10:00:00.000Z' });
    const scheduled = await add({ status: 'draft', publishedAt: '2099-01-01T00:00:00Z' });
    expect(await (await patch(scheduled.id, { status: 'published' })).json()).toMatchObject({ publishedAt: '2099-01-01T00:00:00.000Z' });
  });

  it('clears a description, transcript or duration with null, and nothing else with it', async () => {
    const { base, owner, add, read } = await videoSite();
    const video = await add({ transcript: { fi: 'Koko teksti.' }, duration: 300 });
    const cleared = await call(`${base}/videos/${video.id}`, { method: 'PATCH', token: owner, json: { description: null, transcript: null, duration: null } });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({ description: null, transcript: null, duration: null, title: video.title, chapters: VIDEO.chapters });
    expect((await read(video.id)).body).toMatchObject({ description: null, transcript: null, duration: null });
    // A title is required, so it cannot be cleared.
    expect((await call(`${base}/videos/${video.id}`, { method: 'PATCH', token: owner, json: { title: null } })).status).toBe(400);
  });

  it('answers 404 for a video that is not there', async () => {
    const { base, owner } = await videoSite();
    const patch = await call(`${base}/videos/ei-ole`, { method: 'PATCH', token: owner, json: { status: 'draft' } });
    expect(patch.status).toBe(404);
    expect((await errorOf(patch)).code).toBe('video_not_found');
    expect((await call(`${base}/videos/ei-ole`, { method: 'DELETE', token: owner })).status).toBe(404);
    expect((await errorOf(await call(`${base}/videos/ei-ole`))).code).toBe('video_not_found');
  });

  it('deletes a video for good, audited', async () => {
    const { site, base, owner, add, read } = await videoSite();
    const video = await add();
    const deleted = await call(`${base}/videos/${video.id}`, { method: 'DELETE', token: owner });
    expect(await deleted.json()).toEqual({ id: video.id, deleted: true });
    expect((await read(video.id, owner)).status).toBe(404);
    expect((await call(`${base}/channels/pormestari/videos`)).status).toBe(404);
    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=video`, { token: owner })).json()) as { items: { action: string }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['video.delete', 'video.create']);
  });
});

describe('drafts and scheduled videos', () => {
  it('are hidden from the public and shown to officials until they are published', async () => {
    const { site, base, owner, add, read } = await videoSite();
    const viewer = await createToken(site, 'viewer');
    const live = await add({ id: 'live', publishedAt: past(1) });
    const draft = await add({ id: 'draft', status: 'draft' });
    const scheduled = await add({ id: 'scheduled', publishedAt: new Date(Date.now() + 24 * HOUR).toISOString() });

    for (const id of [draft.id, scheduled.id]) {
      const anyone = await read(id);
      expect(anyone.status).toBe(404);
      expect((await errorOf(anyone.response)).code).toBe('video_not_found');
      expect(anyone.response.headers.get('Cache-Control')).toBe('no-store');
      const official = await read(id, viewer);
      expect(official.status).toBe(200);
      expect(official.response.headers.get('Cache-Control')).toBe('private, no-store');
    }
    // A token that is not valid is refused, not treated as anonymous.
    expect((await call(`${base}/videos/${draft.id}`, { token: 'osl_nope' })).status).toBe(401);

    const channel = (await (await call(`${base}/channels/pormestari/videos`)).json()) as Page;
    expect(ids(channel)).toEqual([live.id]);
    const all = (await (await call(`${base}/videos`, { token: viewer })).json()) as Page;
    expect(ids(all)).toEqual([scheduled.id, draft.id, live.id]);
    expect(ids((await (await call(`${base}/videos?status=draft`, { token: viewer })).json()) as Page)).toEqual([draft.id]);

    const published = await call(`${base}/videos/${scheduled.id}`, { method: 'PATCH', token: owner, json: { publishedAt: past(0.5) } });
    expect(published.status).toBe(200);
    await call(`${base}/videos/${draft.id}`, { method: 'PATCH', token: owner, json: { status: 'published' } });
    expect((await read(scheduled.id)).status).toBe(200);
    expect((await read(draft.id)).status).toBe(200);
    expect(ids((await (await call(`${base}/channels/pormestari/videos`)).json()) as Page)).toEqual([draft.id, scheduled.id, live.id]);
  });
});

describe('channels', () => {
  async function seeded() {
    const ctx = await videoSite();
    // c and d at the same moment: the one added later comes first.
    const now = Date.now();
    for (const [id, hours] of [['a', 5], ['b', 1], ['c', 3], ['d', 3], ['e', 10]] as const) await ctx.add({ id, publishedAt: new Date(now - hours * HOUR).toISOString() });
    await ctx.add({ id: 'other-channel', channel: 'valtuusto' });
    return ctx;
  }
  const page = async (base: string, query = '') => {
    const response = await call(`${base}/channels/pormestari/videos${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };

  it('lists a channel\'s videos newest first, with its title when it has one', async () => {
    const { base, owner } = await seeded();
    const first = await call(`${base}/channels/pormestari/videos`);
    expect(first.headers.get('Cache-Control')).toBe(PUBLIC_CACHE);
    const body = (await first.json()) as Page;
    expect(body.channel).toEqual({ id: 'pormestari', title: null, description: null });
    expect(ids(body)).toEqual(['b', 'd', 'c', 'a', 'e']);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).not.toHaveProperty('player'); // a summary
    expect(body.items[0]).toMatchObject({ id: 'b', channel: 'pormestari', provider: 'youtube', poster: null, languages: ['fi', 'sv'] });

    const named = await call(`${base}/channels/pormestari`, { method: 'PUT', token: owner, json: { title: { fi: 'Pormestarin videoblogi', sv: 'Borgmästarens videoblogg' } } });
    expect(await named.json()).toEqual({ id: 'pormestari', title: { fi: 'Pormestarin videoblogi', sv: 'Borgmästarens videoblogg' }, description: null });
    await call(`${base}/channels/pormestari`, { method: 'PUT', token: owner, json: { title: { fi: 'Pormestari' }, description: { fi: 'Kuukausittain.' } } });
    expect((await page(base)).channel).toEqual({ id: 'pormestari', title: { fi: 'Pormestari' }, description: { fi: 'Kuukausittain.' } });
  });

  it('pages with a cursor that stays stable while videos are added', async () => {
    const { base, add } = await seeded();
    const first = await page(base, '?limit=2');
    expect(ids(first)).toEqual(['b', 'd']);
    await add({ id: 'newest' });
    await add({ id: 'middle', publishedAt: past(4) });
    const second = await page(base, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(ids(second)).toEqual(['c', 'middle']);
    const third = await page(base, `?limit=2&cursor=${encodeURIComponent(second.nextCursor!)}`);
    expect(ids(third)).toEqual(['a', 'e']);
    const fourth = await page(base, `?limit=2&cursor=${encodeURIComponent(third.nextCursor!)}`);
    expect(fourth).toMatchObject({ items: [], nextCursor: null });
    expect(ids(await page(base, '?limit=2'))).toEqual(['newest', 'b']);

    for (const cursor of ['bm9wZQ==', 'not base64!', btoa('v:2026-01-01T00:00:00.000Z|1')]) {
      const refused = await call(`${base}/channels/pormestari/videos?cursor=${encodeURIComponent(cursor)}`);
      expect(refused.status).toBe(400);
      expect((await errorOf(refused)).issues?.[0]?.path).toEqual(['cursor']);
    }
    expect((await call(`${base}/channels/pormestari/videos?limit=51`)).status).toBe(400);
  });

  it('knows a channel by its row or its public videos, and answers 404 for others', async () => {
    const { base, owner, add } = await videoSite();
    const unknown = await call(`${base}/channels/ei-ole/videos`);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('channel_not_found');
    await add({ id: 'luonnos', channel: 'luonnokset', status: 'draft' });
    expect((await call(`${base}/channels/luonnokset/videos`)).status).toBe(404); // drafts do not reveal it
    await call(`${base}/channels/tuleva`, { method: 'PUT', token: owner, json: { title: { fi: 'Tulossa' } } });
    expect(await (await call(`${base}/channels/tuleva/videos`)).json()).toEqual({ channel: { id: 'tuleva', title: { fi: 'Tulossa' }, description: null }, items: [], nextCursor: null });
  });

  it('lists every video to officials, by channel and status, page by page', async () => {
    const { site, base } = await seeded();
    const viewer = await createToken(site, 'viewer');
    const list = async (query: string) => (await (await call(`${base}/videos${query}`, { token: viewer })).json()) as Page;
    expect(ids(await list('?channel=valtuusto'))).toEqual(['other-channel']);
    const first = await list('?limit=4');
    expect(ids(first)).toEqual(['other-channel', 'b', 'd', 'c']);
    expect(ids(await list(`?limit=4&cursor=${encodeURIComponent(first.nextCursor!)}`))).toEqual(['a', 'e']);
    expect((await call(`${base}/videos?status=hidden`, { token: viewer })).status).toBe(400);
  });

  it('keeps each site\'s videos to itself', async () => {
    const one = await videoSite();
    const two = await videoSite();
    const video = await one.add({ id: 'oma' });
    expect((await two.read(video.id)).status).toBe(404);
    expect((await call(`${two.base}/channels/pormestari/videos`)).status).toBe(404);
  });
});
