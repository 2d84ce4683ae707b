import { describe, expect, it } from 'vitest';
import { DECISION, SCHOOLS } from '../../test/workers/decisions.ts';
import { call, createPoll, createSite, errorOf } from '../../test/workers/helpers.ts';
import { videoSite } from '../../test/workers/videos.ts';
import type { Catalogue } from '../schema/catalogue.ts';

const FORM = {
  title: { fi: 'Anna palautetta', sv: 'Ge respons' },
  fields: [{ key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true }],
  status: 'open',
};

describe('GET /sites/:site/catalogue', () => {
  it('lists what a CMS block may embed, titles in every language, never drafts or scheduled videos', async () => {
    const { site, owner, add, base } = await videoSite();
    const open = await createPoll(site, owner);
    const closed = await createPoll(site, owner, { status: 'closed' });
    await createPoll(site, owner, { status: 'draft' });
    for (const [id, status] of [['palaute', 'open'], ['luonnos', 'draft']]) {
      expect((await call(`${base}/forms`, { method: 'POST', token: owner, json: { ...FORM, id, status } })).status).toBe(201);
    }
    const video = await add({ id: 'julki', channel: 'pormestari', title: { fi: 'Julkaistu', sv: 'Publicerad' } });
    await add({ id: 'luonnos', channel: 'salainen', status: 'draft' });
    await add({ id: 'tuleva', channel: 'tuleva', publishedAt: '2099-01-01T00:00:00.000Z' });
    expect((await call(`${base}/decisions`, { method: 'POST', token: owner, json: { ...DECISION, organ: SCHOOLS } })).status).toBe(201);

    const response = await call(`${base}/catalogue`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60');
    const body = (await response.json()) as Catalogue;
    expect(body.polls.map((p) => [p.id, p.status]).sort()).toEqual([[closed, 'closed'], [open, 'open']].sort());
    expect(body.polls[0]!.title).toEqual({ fi: 'Mikä on tärkeintä?', sv: 'Vad är viktigast?' });
    expect(body.forms).toEqual([{ id: 'palaute', title: FORM.title, status: 'open' }]);
    expect(body.videos).toEqual([{ id: video.id, title: { fi: 'Julkaistu', sv: 'Publicerad' } }]);
    // A channel without a row of its own is named by its id.
    expect(body.channels).toEqual([{ id: 'pormestari', title: { en: 'pormestari' } }]);
    expect(body.organs).toEqual([{ id: SCHOOLS.id, name: SCHOOLS.name }]);
  });

  it('gives an empty catalogue for a new site and 404 for an unknown one', async () => {
    const { site } = await createSite();
    expect(await (await call(`/api/v1/sites/${site.id}/catalogue`)).json()).toEqual({ polls: [], forms: [], videos: [], channels: [], organs: [] });
    const missing = await call('/api/v1/sites/ei-ole-olemassa/catalogue');
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('site_not_found');
  });
});
