import { describe, expect, it } from 'vitest';
import { call } from '../../../test/workers/helpers.ts';
import { frameSite } from '../test-content.ts';
import { formKeyOf, get, newBrowser, post, redirectOf, submissions, textOf } from './test-support.ts';

const FORM = {
  id: 'katu',
  title: { fi: 'Katupalaute', sv: 'Gatrespons', en: 'Street feedback' },
  intro: { fi: 'Kerro, mitä huomasit.', sv: 'Berätta vad du såg.' },
  fields: [
    { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande', en: 'Message' }, required: true, maxLength: 50 },
    { key: 'kind', type: 'choice', label: { fi: 'Laji', sv: 'Typ' }, required: true, options: [{ id: 'hole', label: { fi: 'Kuoppa', sv: 'Grop' } }, { id: 'ice', label: { fi: 'Liukkaus', sv: 'Halka' } }] },
    { key: 'place', type: 'location', label: { fi: 'Paikka', sv: 'Plats' } },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti', sv: 'E-post' } },
    { key: 'ok', type: 'consent', label: { fi: 'Hyväksyn käsittelyn', sv: 'Jag godkänner' }, required: true },
  ],
  categories: [{ id: 'streets', label: { fi: 'Kadut', sv: 'Gator' } }],
  status: 'open',
};

async function feedbackSite() {
  const made = await frameSite();
  const response = await call(`/api/v1/sites/${made.site.id}/forms`, { method: 'POST', token: made.owner, json: FORM });
  expect(response.status).toBe(201);
  return made;
}

const frame = (site: string, lang = 'fi') => `/embed/v1/frame/feedback/katu?site=${site}&lang=${lang}`;
const filled = (key: string): [string, string][] => [
  ['key', key],
  ['a.message', 'Iso kuoppa'],
  ['a.kind', 'hole'],
  ['a.place', 'Kauppakatu 3'],
  ['a.email', 'asukas@example.fi'],
  ['a.ok', 'true'],
  ['category', 'streets'],
  ['website', ''],
];

describe('feedback frame without JavaScript', () => {
  it.each([
    ['fi', 'Katupalaute', 'Viesti', '(vapaaehtoinen)', 'Lähetä palaute'],
    ['sv', 'Gatrespons', 'Meddelande', '(frivillig)', 'Skicka respons'],
    ['en', 'Street feedback', 'Message', '(optional)', 'Send feedback'],
  ])('%s: the form\'s own fields, labelled, the optional ones marked, the honeypot hidden', async (lang, title, message, optional, submit) => {
    const { site } = await feedbackSite();
    const { status, html, response } = await get(newBrowser(), frame(site.id, lang));
    expect(status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(html).toContain(`<h2 class="nojs-question">${title}</h2>`);
    expect(html).toContain(`<label for="nojs-f-message">${message}</label>`);
    expect(html).toContain('<textarea id="nojs-f-message" name="a.message" rows="6" required aria-invalid="false"></textarea>');
    expect(html).toContain(`<span class="nojs-optional">${optional}</span>`);
    expect(html).toContain('<input type="email" id="nojs-f-email" name="a.email" value="" autocomplete="email" aria-invalid="false">');
    expect(html).toContain('<input type="radio" name="a.kind" value="hole" id="nojs-f-kind" aria-invalid="false">');
    expect(html).toContain('<input type="checkbox" id="nojs-f-ok" name="a.ok" value="true" required aria-invalid="false">');
    expect(html).toContain('<div hidden><label for="nojs-website">Website</label><input id="nojs-website" name="website"');
    expect(html).toContain(`<button type="submit">${submit}</button>`);
    expect(html).not.toMatch(/ style="/);
  });

  it('stores the feedback once and shows the reference code and the removal key after the redirect', async () => {
    const { site, owner } = await feedbackSite();
    const browser = newBrowser();
    const key = formKeyOf((await get(browser, frame(site.id))).html);
    const first = await post(browser, frame(site.id), filled(key));
    const location = redirectOf(first);
    expect(location).toBe(`/embed/v1/frame/feedback/katu?site=${site.id}&lang=fi&sent=${key}`);
    expect(first.headers.get('Set-Cookie')).toBeNull();
    const thanks = await get(browser, location);
    expect(thanks.response.headers.get('Cache-Control')).toBe('private, no-store');
    const ref = /<strong class="nojs-ref">([0-9A-Z]{3}-[0-9A-Z]{3})<\/strong>/.exec(thanks.html)![1]!;
    expect(thanks.html).toMatch(/<strong class="nojs-key">[0-9A-Z]{4}(-[0-9A-Z]{4}){6}<\/strong>/);
    expect(textOf(thanks.html)).toContain('Kiitos, palautteesi on vastaanotettu');
    expect(thanks.html).toContain(`href="/embed/v1/frame/feedback-status/lookup?site=${site.id}&amp;lang=fi&amp;ref=${ref}"`);
    expect(thanks.html).not.toContain('<form');

    // A double submit and a reload of the thank-you page: the same code, nothing more stored.
    expect(redirectOf(await post(browser, frame(site.id), filled(key)))).toBe(location);
    expect((await get(browser, location)).html).toContain(`<strong class="nojs-ref">${ref}</strong>`);
    const stored = await submissions(site.id, 'katu', owner);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.ref).toBe(ref);
    expect(stored[0]!.answers).toEqual({ message: 'Iso kuoppa', kind: 'hole', place: { address: 'Kauppakatu 3' }, ok: true });
    expect(stored[0]!.contact).toEqual({ email: 'asukas@example.fi' });

    // The status lookup the thank-you page links to finds it.
    const status = await get(browser, `/embed/v1/frame/feedback-status/lookup?site=${site.id}&lang=fi&ref=${ref}`);
    expect(status.status).toBe(200);
    expect(textOf(status.html)).toContain(`Palaute ${ref}`);
    expect(textOf(status.html)).toContain('Tila: Vastaanotettu');
    // The widget that replaces it, once its script runs, looks up the same code at once.
    expect(status.html).toContain(`<osallistu-feedback-status ref="${ref}" heading-level="2">`);
    const odd = await get(browser, `/embed/v1/frame/feedback-status/lookup?site=${site.id}&ref=${encodeURIComponent('"><script>')}`);
    expect(odd.html).toContain('<osallistu-feedback-status heading-level="2">');
  });

  it('answers bad input with a 400 page: each problem in the summary, linked to its field, the values kept, nothing stored', async () => {
    const { site, owner } = await feedbackSite();
    const browser = newBrowser();
    const key = formKeyOf((await get(browser, frame(site.id, 'sv'))).html);
    const response = await post(browser, frame(site.id, 'sv'), [
      ['key', key],
      ['a.message', 'x'.repeat(60)],
      ['a.email', 'not-an-address'],
      ['a.place', 'Torget <1>'],
    ]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<h2 id="nojs-error-title">Rätta följande</h2>');
    for (const [field, message] of [
      ['nojs-f-message', '”Meddelande” får ha högst 50 tecken'],
      ['nojs-f-kind', 'Välj ett alternativ under ”Typ”.'],
      ['nojs-f-email', 'Skriv e-postadressen i formen'],
      ['nojs-f-ok', 'Ge ditt samtycke'],
    ]) {
      expect(html, field).toMatch(new RegExp(`<a href="#${field}">${message}`));
      expect(html, field).toContain(`<p class="nojs-field-error" id="${field}-error">`);
    }
    expect(html).toContain(`>${'x'.repeat(60)}</textarea>`);
    expect(html).toContain('value="Torget &lt;1&gt;"');
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain('aria-describedby="nojs-f-message-error"');
    // A field the API refuses that the page did not check (an unknown option) is still a 400.
    const unknown = await post(browser, frame(site.id, 'en'), [...filled(key).filter(([n]) => n !== 'a.kind'), ['a.kind', 'nope']]);
    expect(unknown.status).toBe(400);
    expect(textOf(await unknown.text())).toContain('Check "Laji".');
    const foreign = await post(browser, frame(site.id), filled(key), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await post(browser, frame(site.id), filled('bad key'))).status).toBe(400);
    expect(await submissions(site.id, 'katu', owner)).toHaveLength(0);
  });

  it('shows a closed form as closed, refuses a post to it, and has no working form in a preview', async () => {
    const { site, owner } = await feedbackSite();
    const preview = await get(newBrowser(), `${frame(site.id, 'en')}&preview=1`);
    expect(preview.html).toContain('<form class="nojs-form" aria-label="Street feedback" novalidate>');
    expect(preview.html).toContain('<button type="submit" disabled>Send feedback</button>');
    expect(preview.html).not.toContain('name="key"');
    const key = formKeyOf((await get(newBrowser(), frame(site.id))).html);
    expect((await call(`/api/v1/sites/${site.id}/forms/katu`, { method: 'PATCH', token: owner, json: { status: 'closed' } })).status).toBe(200);
    const closed = await get(newBrowser(), frame(site.id));
    expect(closed.html).not.toContain('<form');
    expect(textOf(closed.html)).toContain('Tämä lomake ei enää ota vastaan palautetta.');
    const refused = await post(newBrowser(), frame(site.id), filled(key));
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain('Tämä lomake ei enää ota vastaan palautetta.');
    expect(await submissions(site.id, 'katu', owner)).toHaveLength(0);
  });

  it('never answers a strange post with a 5xx; only a complete one is stored (a filled honeypot as spam)', async () => {
    const { site, owner } = await feedbackSite();
    const key = formKeyOf((await get(newBrowser(), frame(site.id))).html);
    const bodies = [
      '%',
      '&&&=&',
      `key=${key}&a.message=${'x'.repeat(20_000)}&a.kind=hole&a.ok=true`,
      `key=${key}&a.message=hei&a.kind=hole&a.kind=ice&a.ok=yes`,
      `key=${key}&a.message=hei&a.kind=hole&a.ok=true&a.place=${'p'.repeat(400)}`,
      `key=${key}&a.message=hei&a.kind=hole&a.ok=true&category=nope`,
      `key=${key}&a.constructor=1&a.__proto__=x&a.message=%00%FF&a.kind=hole&a.ok=true&website=${'w'.repeat(300)}`,
    ];
    for (const body of bodies) {
      const response = await post(newBrowser(), frame(site.id), [], { body });
      expect(response.status, body.slice(0, 80)).toBeLessThan(500);
      if (response.status !== 303) expect(response.headers.get('Content-Type'), body.slice(0, 80)).toMatch(/^text\/html/);
    }
    // Only the last is complete; its filled honeypot makes it spam, answered like any other.
    const stored = await submissions(site.id, 'katu', owner);
    expect(stored).toHaveLength(1);
    expect((stored[0] as unknown as { status: string }).status).toBe('spam');
  });
});
