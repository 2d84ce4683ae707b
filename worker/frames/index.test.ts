import { describe, expect, it } from 'vitest';
import { call, createSite } from '../../test/workers/helpers.ts';

describe('GET /embed/v1/frame/:widget/:id', () => {
  it.each([
    ['poll/kysely', '<osallistu-poll poll="kysely" heading-level="2">', "script-src 'self'"],
    ['feedback/palaute', '<osallistu-feedback form="palaute" heading-level="2">', "script-src 'self'"],
    ['decisions/all', '<osallistu-decisions search filters heading-level="2">', "script-src 'self'"],
    ['decisions/kaupunginvaltuusto', '<osallistu-decisions organ="kaupunginvaltuusto" search filters heading-level="2">', "script-src 'self'"],
    ['video/vlogi', '<osallistu-video video="vlogi" heading-level="2">', 'frame-src https:'],
    ['video-blog/pormestari', '<osallistu-video-blog channel="pormestari" heading-level="2">', "media-src 'self' https:"],
    ['feedback-status/lookup', '<osallistu-feedback-status heading-level="2">', "script-src 'self'"],
  ])('%s: the widget alone on a page with the loader, under its own CSP', async (path, element, policy) => {
    const { site } = await createSite();
    const response = await call(`/embed/v1/frame/${path}?site=${site.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain(policy);
    const page = await response.text();
    expect(page).toContain(element);
    expect(page).toContain(`<script type="module" src="/embed/v1/osallistu.js" data-site="${site.id}"></script>`);
  });

  it('answers 404 with the shapes it takes for an unknown widget, a bad id or an unknown site', async () => {
    const { site } = await createSite();
    const unknown = await call(`/embed/v1/frame/map/x?site=${site.id}`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('video-blog/CHANNEL_ID');
    expect((await call(`/embed/v1/frame/poll/Bad_Id?site=${site.id}`)).status).toBe(404);
    expect((await call('/embed/v1/frame/poll/kysely?site=no-such-town')).status).toBe(404);
  });

  it.each([
    ['fi', 'Esikatselu: vastaaminen ei ole käytössä esikatselussa'],
    ['sv', 'Förhandsvisning: det går inte att svara i förhandsvisningen'],
    ['en', 'Preview: answering is off in the preview'],
  ] as const)('preview=1 in %s: the notice at the top, no loader script', async (lang, notice) => {
    const { site } = await createSite({ languages: ['fi', 'sv', 'en'] });
    const page = await (await call(`/embed/v1/frame/poll/kysely?site=${site.id}&lang=${lang}&preview=1`)).text();
    expect(page).toContain(`<p class="preview" role="note">${notice}</p>`);
    expect(page.indexOf(notice)).toBeLessThan(page.indexOf('<osallistu-poll'));
    expect(page).not.toContain('osallistu.js');
    const live = await (await call(`/embed/v1/frame/poll/kysely?site=${site.id}&lang=${lang}`)).text();
    expect(live).not.toContain(notice);
  });
});
