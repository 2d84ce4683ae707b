import { describe, expect, it } from 'vitest';
import { ORIGIN, call, errorOf } from '../../test/workers/helpers.ts';
import { frameSite } from './test-content.ts';

interface OEmbed {
  version: string;
  type: string;
  provider_name: string;
  provider_url: string;
  title: string;
  width: number;
  height: number;
  html: string;
}

const oembed = (url: string, extra = '') => call(`/embed/v1/oembed?url=${encodeURIComponent(url)}${extra}`);
const frame = (path: string) => `${ORIGIN}/embed/v1/frame/${path}`;

describe('GET /embed/v1/oembed', () => {
  it('answers a frame URL with a rich oEmbed 1.0 embed: a blockquote with the link, then the iframe', async () => {
    const { site } = await frameSite();
    const url = frame(`poll/kysely?site=${site.id}`);
    const response = await oembed(url, '&format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const body = (await response.json()) as OEmbed;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Osallistu', provider_url: `${ORIGIN}/`, title: 'Mikä on tärkeintä?' });
    expect(Number.isInteger(body.width) && Number.isInteger(body.height)).toBe(true);
    expect(body.height).toBe(520);
    const src = url.replaceAll('&', '&amp;');
    expect(body.html).toBe(
      `<blockquote><a href="${src}">Mikä on tärkeintä?</a></blockquote><iframe src="${src}" width="${body.width}" height="${body.height}" title="Mikä on tärkeintä?" frameborder="0"></iframe>`,
    );
    // Without format, JSON too.
    expect((await oembed(url)).status).toBe(200);
  });

  it('honours maxwidth and maxheight with whole pixels, and gives each widget a height that fits it', async () => {
    const { site } = await frameSite();
    const read = async (path: string, extra = '') => (await (await oembed(frame(`${path}?site=${site.id}`), extra)).json()) as OEmbed;
    const feedback = await read('feedback/palaute');
    const poll = await read('poll/kysely');
    expect(feedback.height).toBeGreaterThan(poll.height);
    const capped = await read('feedback/palaute', '&maxwidth=500&maxheight=750');
    expect([capped.width, capped.height]).toEqual([500, 750]);
    expect(capped.html).toContain('width="500" height="750"');
    const roomy = await read('poll/kysely', '&maxwidth=2000&maxheight=2000');
    expect([roomy.width, roomy.height]).toEqual([poll.width, poll.height]);
    for (const bad of ['&maxwidth=abc', '&maxheight=0', '&maxwidth=-5', '&maxheight=1.5']) {
      const response = await oembed(frame(`poll/kysely?site=${site.id}`), bad);
      expect(response.status, bad).toBe(400);
      expect((await errorOf(response)).code).toBe('validation_failed');
    }
  });

  it('titles the embed in the frame\'s language', async () => {
    const { site } = await frameSite();
    const title = async (path: string) => ((await (await oembed(frame(path))).json()) as OEmbed).title;
    expect(await title(`poll/kysely?site=${site.id}&lang=sv`)).toBe('Vad är viktigast?');
    expect(await title(`poll/kysely?site=${site.id}`)).toBe('Mikä on tärkeintä?');
    expect(await title(`feedback/palaute?site=${site.id}&lang=sv`)).toBe('Ge respons');
    expect(await title(`decisions/kaupunginvaltuusto?site=${site.id}&lang=sv`)).toBe('Stadsfullmäktige');
    expect(await title(`decisions/all?site=${site.id}&lang=sv`)).toBe('Beslut – Testkommun');
    expect(await title(`feedback-status/lookup?site=${site.id}&lang=en`)).toBe('Feedback status – Testikunta');
    expect(await title(`video/vlogi?site=${site.id}&lang=sv`)).toBe('Borgmästarens videoblogg november');
    // English asked, the poll has none: the site's default language.
    expect(await title(`poll/kysely?site=${site.id}&lang=en`)).toBe('Mikä on tärkeintä?');
  });

  it('keeps the asked language in the iframe and drops what is not the frame (preview, hash)', async () => {
    const { site } = await frameSite();
    const body = (await (await oembed(frame(`poll/kysely?site=${site.id}&lang=sv&preview=1#x`))).json()) as OEmbed;
    expect(body.html).toContain(`src="${ORIGIN}/embed/v1/frame/poll/kysely?site=${site.id}&amp;lang=sv"`);
  });

  it('answers 501 for format=xml and 400 without a url', async () => {
    const { site } = await frameSite();
    const xml = await oembed(frame(`poll/kysely?site=${site.id}`), '&format=xml');
    expect(xml.status).toBe(501);
    expect((await errorOf(xml)).code).toBe('format_not_implemented');
    const missing = await call('/embed/v1/oembed?format=json');
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).issues?.[0]?.path).toEqual(['url']);
    expect((await call('/embed/v1/oembed?url=&format=json')).status).toBe(400);
  });

  it('answers 404 for anything that is not a frame page of a published item here', async () => {
    const { site } = await frameSite();
    const { site: other } = await frameSite();
    const urls = [
      `https://evil.example/embed/v1/frame/poll/kysely?site=${site.id}`,
      `http://osallistu.test/embed/v1/frame/poll/kysely?site=${site.id}`,
      `${ORIGIN}/api/v1/sites/${site.id}/polls/kysely`,
      `${ORIGIN}/embed/v1/frame/poll/kysely/extra?site=${site.id}`,
      frame('poll/kysely?site=no-such-town'),
      frame('poll/kysely'),
      frame(`map/kysely?site=${site.id}`),
      frame(`poll/nope?site=${site.id}`),
      frame(`poll/luonnos?site=${site.id}`),
      frame(`feedback/nope?site=${site.id}`),
      frame(`decisions/no-such-organ?site=${site.id}`),
      frame(`video/nope?site=${site.id}`),
      frame(`video-blog/nope?site=${site.id}`),
      'not a url',
    ];
    for (const url of urls) {
      const response = await oembed(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('Access-Control-Allow-Origin'), url).toBe('*');
      expect((await errorOf(response)).code, url).toBe('embed_not_found');
    }
    // Another site's poll is found under its own site only.
    expect((await oembed(frame(`poll/kysely?site=${other.id}`))).status).toBe(200);
  });

  it('escapes titles in the html', async () => {
    const { site, owner } = await frameSite();
    const response = await call(`/api/v1/sites/${site.id}/polls`, {
      method: 'POST',
      token: owner,
      json: { id: 'hostile', kind: 'single', question: { fi: '"><script>alert(1)</script>&' }, options: [{ id: 'a', label: { fi: 'A' } }, { id: 'b', label: { fi: 'B' } }], status: 'open' },
    });
    expect(response.status).toBe(201);
    const body = (await (await oembed(frame(`poll/hostile?site=${site.id}`))).json()) as OEmbed;
    expect(body.title).toBe('"><script>alert(1)</script>&');
    expect(body.html).not.toContain('<script');
    expect(body.html).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;"');
  });
});
