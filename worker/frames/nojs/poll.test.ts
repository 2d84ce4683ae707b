import { describe, expect, it } from 'vitest';
import { call, createPoll } from '../../../test/workers/helpers.ts';
import { frameSite } from '../test-content.ts';
import { ORIGIN, ballots, formKeyOf, get, newBrowser, post, redirectOf, textOf } from './test-support.ts';

const frame = (site: string, lang = 'fi', poll = 'kysely') => `/embed/v1/frame/poll/${poll}?site=${site}&lang=${lang}`;

describe('poll frame without JavaScript', () => {
  it.each([
    ['fi', 'Mikä on tärkeintä?', 'Pyörätiet', 'Vastaa', 'Valitse yksi.'],
    ['sv', 'Vad är viktigast?', 'Cykelvägar', 'Svara', 'Välj ett alternativ.'],
    ['en', '<span lang="fi">Mikä on tärkeintä?</span>', '<span lang="fi">Pyörätiet</span>', 'Vote', 'Choose one.'],
  ])('%s: the question as a form of radio buttons that posts back to the page, never cached', async (lang, question, option, submit, hint) => {
    const { site } = await frameSite();
    const { status, html, response } = await get(newBrowser(), frame(site.id, lang));
    expect(status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(html).toContain(`<form class="nojs-form" method="post" action="/embed/v1/frame/poll/kysely?site=${site.id}&amp;lang=${lang}"`);
    expect(html).toContain(`<legend>${question}</legend>`);
    expect(html).toMatch(new RegExp(`<input type="radio" name="choice" value="a" id="nojs-poll-first" aria-invalid="false"> <span>${option}</span>`));
    expect(html).toContain(`<button type="submit">${submit}</button>`);
    expect(html).toContain(hint);
    // Inside the element, so the widget replaces it where scripts run; nothing styled inline.
    expect(html.indexOf('<osallistu-poll')).toBeLessThan(html.indexOf('<form class="nojs-form"'));
    expect(html).not.toMatch(/ style="/);
    // Two page views are two forms: each has its own one-off key.
    expect(formKeyOf((await get(newBrowser(), frame(site.id, lang))).html)).not.toBe(formKeyOf(html));
  });

  it('counts a vote once: POST, 303, GET shows thanks, the ballot and the results; a double submit and a resent form change nothing', async () => {
    const { site, owner } = await frameSite();
    const browser = newBrowser();
    const key = formKeyOf((await get(browser, frame(site.id))).html);
    const first = await post(browser, frame(site.id), [['key', key], ['choice', 'b']]);
    const location = redirectOf(first);
    expect(location).toBe(`/embed/v1/frame/poll/kysely?site=${site.id}&lang=fi&answered=${key}`);
    const cookie = first.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^osallistu_voter=[0-9a-f]{64}; Path=\/embed\/v1\/frame\/poll\/kysely; Max-Age=15552000; HttpOnly; SameSite=Lax; Secure$/);
    const shown = textOf((await get(browser, location)).html);
    expect(shown).toContain('Kiitos, vastauksesi on laskettu!');
    expect(shown).toContain('Vastauksesi: Jalkakäytävät');
    expect(shown).toContain('Tulokset');
    expect(shown).toContain('1 ääni, 100 %');
    expect(shown).not.toContain('Selaimesi ei salli');
    expect(await ballots(site.id, 'kysely', owner)).toBe(1);

    // The same form again (a double click, the back button and send): the first answer, no second ballot.
    redirectOf(await post(browser, frame(site.id), [['key', key], ['choice', 'b']]));
    // …even with other choices made on the stale form.
    redirectOf(await post(browser, frame(site.id), [['key', key], ['choice', 'c']]));
    // Reloading the result page sends nothing.
    expect((await get(browser, location)).status).toBe(200);
    expect(await ballots(site.id, 'kysely', owner)).toBe(1);

    // A fresh page in the same browser: it shows the ballot and no form (the poll does not allow changes).
    const again = await get(browser, frame(site.id));
    expect(textOf(again.html)).toContain('Vastauksesi: Jalkakäytävät');
    expect(again.html).not.toContain('<form');
    // A fresh form posted anyway is refused as already cast.
    const refused = await post(browser, frame(site.id), [['key', 'another-key-123456'], ['choice', 'a']]);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain('Olet jo vastannut tähän kyselyyn.');
    expect(await ballots(site.id, 'kysely', owner)).toBe(1);
  });

  it('counts once where the browser keeps no cookie, and says the answer will not be remembered', async () => {
    const { site, owner } = await frameSite();
    const key = formKeyOf((await get(newBrowser(), frame(site.id, 'en'))).html);
    const noCookies = () => newBrowser();
    const location = redirectOf(await post(noCookies(), frame(site.id, 'en'), [['key', key], ['choice', 'a']]));
    redirectOf(await post(noCookies(), frame(site.id, 'en'), [['key', key], ['choice', 'a']]));
    expect(await ballots(site.id, 'kysely', owner)).toBe(1);
    const shown = textOf((await get(noCookies(), location)).html);
    expect(shown).toContain('Thank you, your answer was counted!');
    expect(shown).toContain('Your answer: Pyörätiet');
    expect(shown).toContain('Your browser does not let this page remember your answer');
  });

  it('lets a resident change a ballot where the poll allows it', async () => {
    const { site, owner } = await frameSite();
    await createPoll(site.id, owner, { id: 'muutos', allowChange: true, resultsVisibility: 'always' });
    const browser = newBrowser();
    const path = frame(site.id, 'sv', 'muutos');
    redirectOf(await post(browser, path, [['key', formKeyOf((await get(browser, path)).html)], ['choice', 'a']]));
    const page = await get(browser, path);
    expect(page.html).toContain('<button type="submit">Spara ändringen</button>');
    expect(page.html).toContain('value="a" id="nojs-poll-first" checked');
    const changed = redirectOf(await post(browser, path, [['key', formKeyOf(page.html)], ['choice', 'c']]));
    expect(changed).toContain('&changed=1');
    const shown = textOf((await get(browser, changed)).html);
    expect(shown).toContain('Ditt svar har ändrats.');
    expect(shown).toContain('Ditt svar: Busshållplatser');
    expect(await ballots(site.id, 'muutos', owner)).toBe(1);
  });

  it('answers bad input with a 4xx page that says what to fix, keeps the choices, and stores nothing', async () => {
    const { site, owner } = await frameSite();
    await createPoll(site.id, owner, { id: 'monta', kind: 'multiple', minChoices: 2, maxChoices: 2 });
    const browser = newBrowser();
    const key = formKeyOf((await get(browser, frame(site.id))).html);

    const none = await post(browser, frame(site.id), [['key', key]]);
    expect(none.status).toBe(400);
    expect(none.headers.get('Set-Cookie')).toBeNull();
    const page = await none.text();
    expect(page).toContain('<h2 id="nojs-error-title">Korjaa nämä kohdat</h2>');
    expect(page).toContain('<a href="#nojs-poll-first">Valitse vaihtoehto ennen kuin vastaat.</a>');
    expect(page).toContain('aria-describedby="nojs-poll-hint nojs-poll-first-error"');
    expect(page).toContain('aria-invalid="true"');

    const unknown = await post(browser, frame(site.id), [['key', key], ['choice', 'zzz']]);
    expect(unknown.status).toBe(400);
    expect(textOf(await unknown.text())).toContain('Vastausta ei voitu ottaa vastaan. Tarkista valintasi.');

    const many = frame(site.id, 'en', 'monta');
    const manyKey = formKeyOf((await get(browser, many)).html);
    const tooFew = await post(browser, many, [['key', manyKey], ['choice', 'a']]);
    expect(tooFew.status).toBe(400);
    const kept = await tooFew.text();
    expect(kept).toContain('Choose at least 2 options.');
    expect(kept).toContain('value="a" id="nojs-poll-first" checked');
    expect((await post(browser, many, [['key', manyKey], ['choice', 'a'], ['choice', 'b'], ['choice', 'c']])).status).toBe(400);

    for (const bad of ['', 'short', 'has spaces in it', 'x'.repeat(101)]) {
      const response = await post(browser, frame(site.id, 'en'), [['key', bad], ['choice', 'a']]);
      expect(response.status, bad).toBe(400);
      expect(textOf(await response.text())).toContain('The form had expired.');
    }
    expect((await post(browser, frame(site.id), [], { type: 'application/json', body: '{"choices":["a"]}' })).status).toBe(415);
    expect((await post(browser, frame(site.id), [], { type: 'text/plain', body: 'choice=a' })).status).toBe(415);
    const huge = await post(browser, frame(site.id), [['key', key], ['choice', 'a'], ['pad', 'x'.repeat(70_000)]]);
    expect(huge.status).toBe(413);
    expect(textOf(await huge.text())).toContain('Lähetys on liian suuri.');
    // Not a form of a poll: a post to the other frames is refused.
    expect((await post(browser, `/embed/v1/frame/decisions/all?site=${site.id}`, [['q', 'x']])).status).toBe(405);
    expect((await post(browser, `/embed/v1/frame/poll/nope?site=${site.id}`, [['key', key], ['choice', 'a']])).status).toBe(404);

    expect(await ballots(site.id, 'kysely', owner)).toBe(0);
    expect(await ballots(site.id, 'monta', owner)).toBe(0);
    expect(browser.cookies.size).toBe(0);
  });

  it('takes posts from the frame itself, a sandboxed frame (Origin: null) and the site\'s origins; refuses any other page', async () => {
    const { site, owner } = await frameSite(['https://www.testikunta.example']);
    const vote = async (origin: string | null) => {
      const browser = newBrowser();
      const key = formKeyOf((await get(browser, frame(site.id, 'en'))).html);
      return post(browser, frame(site.id, 'en'), [['key', key], ['choice', 'a']], { origin });
    };
    const foreign = await vote('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('Set-Cookie')).toBeNull();
    expect(textOf(await foreign.text())).toContain('This form cannot be sent from https://evil.example.');
    expect(await ballots(site.id, 'kysely', owner)).toBe(0);
    redirectOf(await vote('null'));
    redirectOf(await vote(ORIGIN));
    redirectOf(await vote('https://www.testikunta.example'));
    redirectOf(await vote(null));
    expect(await ballots(site.id, 'kysely', owner)).toBe(4);
  });

  it('in a preview shows the form with no way to send it, and refuses a post', async () => {
    const { site, owner } = await frameSite();
    const { html } = await get(newBrowser(), `${frame(site.id, 'en')}&preview=1`);
    expect(html).toContain('<legend><span lang="fi">Mikä on tärkeintä?</span></legend>');
    expect(html).toContain('<form class="nojs-form" aria-label="Mikä on tärkeintä?" novalidate>');
    expect(html).toContain('<button type="submit" disabled>Vote</button>');
    expect(html).not.toContain('method="post"');
    expect(html).not.toContain('name="key"');
    const response = await post(newBrowser(), `${frame(site.id, 'en')}&preview=1`, [['key', 'preview-key-123456'], ['choice', 'a']]);
    expect(response.status).toBe(403);
    expect(textOf(await response.text())).toContain('Preview: answering is off in the preview.');
    expect(await ballots(site.id, 'kysely', owner)).toBe(0);
  });

  it('shows a closed poll\'s results and no form; a scale poll is answered by its values', async () => {
    const { site, owner } = await frameSite();
    await createPoll(site.id, owner, { id: 'asteikko', kind: 'scale', options: undefined, scale: { min: 1, max: 5, minLabel: { fi: 'Huono' }, maxLabel: { fi: 'Hyvä' } } });
    const browser = newBrowser();
    const path = frame(site.id, 'fi', 'asteikko');
    const page = await get(browser, path);
    expect(page.html).toContain('<input type="radio" name="value" value="1" id="nojs-poll-first" aria-invalid="false"> <span>1 – Huono</span>');
    expect((await post(browser, path, [['key', formKeyOf(page.html)], ['value', '9']])).status).toBe(400);
    const location = redirectOf(await post(browser, path, [['key', formKeyOf(page.html)], ['value', '5']]));
    expect(textOf((await get(browser, location)).html)).toContain('Vastauksesi: 5 – Hyvä');
    expect(await ballots(site.id, 'asteikko', owner)).toBe(1);

    const closed = await call(`/api/v1/sites/${site.id}/polls/asteikko`, { method: 'PATCH', token: owner, json: { status: 'closed' } });
    expect(closed.status).toBe(200);
    const after = await get(newBrowser(), path);
    expect(after.html).not.toContain('<form');
    expect(textOf(after.html)).toContain('Kysely on päättynyt.');
    expect(textOf(after.html)).toContain('Yhteensä 1 vastaus');
  });
});
