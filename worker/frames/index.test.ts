import { describe, expect, it } from 'vitest';
import { ORIGIN, call, createSite } from '../../test/workers/helpers.ts';
import { frameSite } from './test-content.ts';

describe('GET /embed/v1/frame/:widget/:id', () => {
  it.each([
    ['poll/kysely', '<osallistu-poll poll="kysely" heading-level="2">', "script-src 'self'"],
    ['feedback/palaute', '<osallistu-feedback form="palaute" heading-level="2">', "script-src 'self'"],
    ['feedback-status/lookup', '<osallistu-feedback-status heading-level="2">', "script-src 'self'"],
    ['decisions/all', '<osallistu-decisions search filters heading-level="2">', "script-src 'self'"],
    ['decisions/kaupunginvaltuusto', '<osallistu-decisions organ="kaupunginvaltuusto" search filters heading-level="2">', "script-src 'self'"],
    ['video/vlogi', '<osallistu-video video="vlogi" heading-level="2">', 'frame-src https:'],
    ['video-blog/pormestari', '<osallistu-video-blog channel="pormestari" heading-level="2">', "media-src 'self' https:"],
  ])('%s: the widget alone on a page with the loader and the resize script, under its own CSP', async (path, element, policy) => {
    const { site } = await frameSite();
    const response = await call(`/embed/v1/frame/${path}?site=${site.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain(policy);
    const page = await response.text();
    expect(page).toContain(element);
    expect(page).toContain(`<script type="module" src="/embed/v1/osallistu.js" data-site="${site.id}"></script>`);
    expect(page).toContain('<script type="module" src="/embed/v1/frame.js"></script>');
  });

  it('may be framed only by the site\'s registered origins and its own', async () => {
    const { site } = await frameSite(['https://www.testikunta.example', 'http://localhost:8080']);
    const policy = (await call(`/embed/v1/frame/poll/kysely?site=${site.id}`)).headers.get('Content-Security-Policy')!;
    const ancestors = policy.split(';').map((d) => d.trim()).filter((d) => d.startsWith('frame-ancestors'));
    expect(ancestors).toEqual(["frame-ancestors 'self' https://www.testikunta.example http://localhost:8080"]);
    const { site: closed } = await frameSite([]);
    expect((await call(`/embed/v1/frame/poll/kysely?site=${closed.id}`)).headers.get('Content-Security-Policy')).toMatch(/; frame-ancestors 'self'$/);
  });

  it('names its oEmbed in the head, the frame URL escaped in the link', async () => {
    const { site } = await frameSite();
    const page = await (await call(`/embed/v1/frame/poll/kysely?site=${site.id}&lang=sv&preview=1`)).text();
    const links = [...page.matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]*)" title="([^"]*)">/g)];
    expect(links).toHaveLength(1);
    const href = links[0]![1]!.replaceAll('&amp;', '&');
    expect(links[0]![1]).not.toMatch(/&(?!amp;)/);
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).toBe(`${ORIGIN}/embed/v1/oembed`);
    expect(url.searchParams.get('format')).toBe('json');
    // The canonical frame: its language kept, the preview flag not.
    expect(url.searchParams.get('url')).toBe(`${ORIGIN}/embed/v1/frame/poll/kysely?site=${site.id}&lang=sv`);
    expect(links[0]![2]).toBe('Enkät – Testkommun');
    expect(page.indexOf('application/json+oembed')).toBeLessThan(page.indexOf('</head>'));
    expect((await call(href.slice(ORIGIN.length))).status).toBe(200);
  });

  it.each([
    ['fi', 'Esikatselu: vastaaminen ei ole käytössä esikatselussa'],
    ['sv', 'Förhandsvisning: det går inte att svara i förhandsvisningen'],
    ['en', 'Preview: answering is off in the preview'],
  ] as const)('preview=1 in %s: the notice at the top, no loader or resize script', async (lang, notice) => {
    const { site } = await frameSite();
    const page = await (await call(`/embed/v1/frame/poll/kysely?site=${site.id}&lang=${lang}&preview=1`)).text();
    expect(page).toContain(`<p class="preview" role="note">${notice}</p>`);
    expect(page.indexOf(notice)).toBeLessThan(page.indexOf('<osallistu-poll'));
    expect(page).not.toContain('<script');
    const live = await (await call(`/embed/v1/frame/poll/kysely?site=${site.id}&lang=${lang}`)).text();
    expect(live).not.toContain(notice);
  });

  it('answers 404 with a page a person can read, in the asked language, framable anywhere', async () => {
    const { site } = await frameSite();
    const cases: [string, number, string][] = [
      [`/embed/v1/frame/map/x?site=${site.id}`, 404, 'video-blog/CHANNEL_ID'],
      [`/embed/v1/frame/poll/Bad_Id?site=${site.id}`, 404, 'Tämä osoite ei ole'],
      ['/embed/v1/frame/poll/kysely?site=no-such-town&lang=sv', 404, 'Det finns ingen webbplats ”no-such-town”'],
      [`/embed/v1/frame/poll/nope?site=${site.id}&lang=en`, 404, `The site “${site.id}” has no published content poll/nope.`],
      [`/embed/v1/frame/poll/luonnos?site=${site.id}`, 404, 'ei ole julkaistua sisältöä poll/luonnos'],
      [`/embed/v1/frame/decisions/no-such-organ?site=${site.id}`, 404, 'decisions/no-such-organ'],
      [`/embed/v1/frame/video/nope?site=${site.id}`, 404, 'video/nope'],
    ];
    for (const [path, status, text] of cases) {
      const response = await call(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('Content-Type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('Content-Security-Policy'), path).not.toContain('frame-ancestors');
      expect(await response.text(), path).toContain(text);
    }
  });

  it('shows a site with none of the asked language in its default', async () => {
    const { site } = await createSite({ languages: ['fi'] });
    const page = await (await call(`/embed/v1/frame/decisions/all?site=${site.id}&lang=sv`)).text();
    expect(page).toContain('<html lang="fi">');
    expect(page).toContain('<title>Päätökset – Testikunta</title>');
  });
});
