import { describe, expect, it } from 'vitest';
import { call } from '../../../test/workers/helpers.ts';
import { frameSite } from '../test-content.ts';
import { get, newBrowser, post, textOf } from './test-support.ts';

/** Every address the page would make the browser fetch by itself (not links): none may be another host's. */
function fetchedAddresses(html: string): string[] {
  return [...html.matchAll(/<(?:img|iframe|script|video|audio|source|link)\b[^>]*?\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
}

describe('status lookup without JavaScript', () => {
  it.each([
    ['fi', 'Viitetunnus', 'Hae tila'],
    ['sv', 'Referensnummer', 'Visa status'],
    ['en', 'Reference code', 'Show status'],
  ])('%s: a GET form for the reference code', async (lang, label, button) => {
    const { site } = await frameSite();
    const { status, html } = await get(newBrowser(), `/embed/v1/frame/feedback-status/lookup?site=${site.id}&lang=${lang}`);
    expect(status).toBe(200);
    expect(html).toContain(`<form class="nojs-form" method="get" action="/embed/v1/frame/feedback-status/lookup" aria-label="${label}"><input type="hidden" name="site" value="${site.id}"><input type="hidden" name="lang" value="${lang}">`);
    expect(html).toContain(`<label for="nojs-ref">${label}</label>`);
    expect(html).toContain(`<button type="submit">${button}</button>`);
  });

  it('answers a malformed code with 400 and an unknown one with 404, each saying why', async () => {
    const { site } = await frameSite();
    const bad = await get(newBrowser(), `/embed/v1/frame/feedback-status/lookup?site=${site.id}&lang=en&ref=hello`);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('<a href="#nojs-ref">Enter the reference code like K7M-4QX: six letters or digits.</a>');
    expect(bad.html).toContain('value="hello"');
    expect(bad.html).toContain('aria-invalid="true"');
    const unknown = await get(newBrowser(), `/embed/v1/frame/feedback-status/lookup?site=${site.id}&lang=fi&ref=zzz zzz`);
    expect(unknown.status).toBe(404);
    expect(textOf(unknown.html)).toContain('Viitetunnuksella ZZZ-ZZZ ei löytynyt palautetta.');
    const preview = await get(newBrowser(), `/embed/v1/frame/feedback-status/lookup?site=${site.id}&lang=en&preview=1`);
    expect(preview.html).toContain('<button type="submit" disabled>Show status</button>');
    expect(preview.html).not.toContain('method="get"');
  });
});

describe('decisions without JavaScript', () => {
  it.each([
    ['fi', 'Uusimmat päätökset', 'Kouluverkon uudistaminen', 'Hyväksytty'],
    ['sv', 'De senaste besluten', 'Förnyelse av skolnätet', 'Godkänt'],
  ])('%s: the newest decisions as links, a search form, and one decision on its own', async (lang, heading, title, outcome) => {
    const { site } = await frameSite();
    const path = `/embed/v1/frame/decisions/all?site=${site.id}&lang=${lang}`;
    const list = await get(newBrowser(), path);
    expect(list.status).toBe(200);
    expect(list.response.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(list.html).toContain(`<h2>${heading}</h2>`);
    expect(list.html).toContain('<input type="search" id="nojs-q" name="q" value="">');
    const link = new RegExp(`<h3><a href="([^"]+)">${title}</a></h3>`).exec(list.html);
    expect(link).not.toBeNull();
    expect(textOf(list.html)).toContain(outcome);
    const one = await get(newBrowser(), link![1]!.replaceAll('&amp;', '&'));
    expect(one.status).toBe(200);
    expect(one.html).toContain(`<h2>${title}</h2>`);
    expect(one.html).toContain('href="https://paatokset.koivulahti.example/kv/2026-11-17/45"');
    // Only the public attachment; the body's own heading below the decision's.
    expect(one.html).toContain('https://koivulahti.example/selvitys.pdf');
    expect(one.html).not.toContain('salainen.pdf');
    if (lang === 'fi') expect(one.html).toContain('<h3>Päätös</h3>');
    expect(one.html).not.toContain('<form');
  });

  it('searches by GET, lists one organ\'s decisions, and answers an unknown decision with 404', async () => {
    const { site } = await frameSite();
    const found = await get(newBrowser(), `/embed/v1/frame/decisions/kaupunginvaltuusto?site=${site.id}&lang=en&q=kouluverkko`);
    expect(found.html).toContain('<h2>Search: “kouluverkko”</h2>');
    expect(found.html).toContain('value="kouluverkko"');
    expect(found.html).toContain('<span lang="fi">Kouluverkon uudistaminen</span>');
    const none = await get(newBrowser(), `/embed/v1/frame/decisions/all?site=${site.id}&lang=en&q=${encodeURIComponent('<b>zebra</b>')}`);
    expect(none.status).toBe(200);
    expect(none.html).toContain('No decisions found for “&lt;b&gt;zebra&lt;/b&gt;”.');
    expect((await get(newBrowser(), `/embed/v1/frame/decisions/all?site=${site.id}&decision=nope`)).status).toBe(404);
    expect((await get(newBrowser(), `/embed/v1/frame/decisions/all?site=${site.id}&decision=${encodeURIComponent('../x')}`)).status).toBe(404);
  });
});

describe('videos without JavaScript', () => {
  it('shows the video\'s text and a link to watch it at the provider, and asks nothing of any other host', async () => {
    const { site } = await frameSite();
    for (const [lang, title, watch] of [
      ['fi', 'Pormestarin videoblogi marraskuu', 'Avaa video palvelussa YouTube'],
      ['sv', 'Borgmästarens videoblogg november', 'Öppna videon på YouTube'],
      ['en', '<span lang="fi">Pormestarin videoblogi marraskuu</span>', 'Open the video on YouTube'],
    ] as const) {
      const { status, html } = await get(newBrowser(), `/embed/v1/frame/video/vlogi?site=${site.id}&lang=${lang}`);
      expect(status).toBe(200);
      expect(html).toContain(`<h2>${title}</h2>`);
      expect(html).toMatch(new RegExp(`<a class="nojs-watch" href="https://www\\.youtube\\.com/[^"]+">${watch}</a>`));
      const fallback = html.slice(html.indexOf('<osallistu-video'));
      expect(fallback).not.toContain('<iframe');
      expect(fetchedAddresses(fallback).filter((src) => !src.startsWith('/'))).toEqual([]);
    }
  });

  it('lists a video blog\'s episodes, each opening on the same page; one of another channel is not shown', async () => {
    const { site, owner } = await frameSite();
    const path = `/embed/v1/frame/video-blog/pormestari?site=${site.id}&lang=sv`;
    const list = await get(newBrowser(), path);
    expect(list.status).toBe(200);
    const link = /<h3><a href="([^"]+)">Borgmästarens videoblogg november<\/a><\/h3>/.exec(list.html);
    expect(link).not.toBeNull();
    const episode = await get(newBrowser(), link![1]!.replaceAll('&amp;', '&'));
    expect(episode.html).toContain('<h2>Borgmästarens videoblogg november</h2>');
    expect(episode.html).toContain('Tillbaka till avsnitten');
    const other = await call(`/api/v1/sites/${site.id}/videos`, {
      method: 'POST',
      token: owner,
      json: { channel: 'muut', provider: 'youtube', ref: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', title: { fi: 'Muu' } },
    });
    expect(other.status).toBe(201);
    const id = ((await other.json()) as { id: string }).id;
    expect((await get(newBrowser(), `${path}&video=${id}`)).status).toBe(404);
    // Read only: nothing to post.
    expect((await post(newBrowser(), path, [['x', 'y']])).status).toBe(405);
  });
});
