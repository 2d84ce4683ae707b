import { commands, page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { SITE, createForm, mountFeedback, officialFetch, ready, root, submissionsOf, textIn, type } from '../../test/support/forms.ts';
import { deepActiveElement, focusIsInside } from '../../test/support/polls.ts';
import type { FeedbackSentDetail } from './osallistu-feedback.ts';

afterEach(async () => {
  document.body.replaceChildren();
  localStorage.clear();
  await commands.setApiReachable(true);
});

const LANGS = ['fi', 'sv', 'en'] as const;
const TITLE = { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' };
const SEND = { fi: 'Lähetä palaute', sv: 'Skicka respons', en: 'Send feedback' };
const REF = /^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/;
const REMOVAL_KEY = /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/;

const submitButton = (el: Element) => root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
/** A field's radios are named after its key, plus a number that keeps two forms on one page apart. */
const radio = (el: Element, key: string, value: string) => root(el).querySelector<HTMLInputElement>(`input[name^="${key}"][value="${value}"]`)!;

/** Fills the required fields validly. */
function fillIn(el: Element, message = 'Katuvalo ei pala Koivutien ja Puistotien kulmassa.') {
  type(el, '#f-message', message);
  radio(el, 'topic', 'streets').click();
}

describe('<osallistu-feedback> in every state, fi/sv/en, axe-clean', () => {
  it.each(LANGS)('open (%s): title, intro, every field labelled with help tied to it, privacy line', async (lang) => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang });
    await ready(el);
    expect(root(el).querySelector('[role="heading"]')?.textContent).toBe(TITLE[lang]);
    expect(submitButton(el).textContent?.trim()).toBe(SEND[lang]);
    const message = root(el).querySelector('#f-message')!;
    expect(root(el).querySelector('label[for="f-message"]')?.textContent).not.toMatch(/\(/); // required: not marked, but announced
    expect(message.hasAttribute('required')).toBe(true);
    expect(root(el).querySelector('label[for="f-email"]')?.textContent).toMatch({ fi: /vapaaehtoinen/, sv: /frivillig/, en: /optional/ }[lang]);
    expect(message.getAttribute('aria-describedby')).toContain('f-message-count');
    const email = root(el).querySelector('#f-email')!;
    expect(email.getAttribute('type')).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('email');
    expect(root(el).querySelector(`#${email.getAttribute('aria-describedby')}`)?.textContent).toMatch({ fi: /vastauksen/, sv: /svar/, en: /reply/ }[lang]);
    expect(new Set([...root(el).querySelectorAll<HTMLInputElement>('input[id^="f-topic"]')].map((r) => r.name)).size).toBe(1);
    expect(root(el).querySelectorAll('input[name^="_category"]')).toHaveLength(2);
    expect(textIn(el)).toMatch({ fi: /Yhteystiedot ovat vapaaehtoisia/, sv: /Kontaktuppgifterna är frivilliga/, en: /Contact details are optional/ }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('loading (%s): a skeleton, busy', async (lang) => {
    const el = document.createElement('osallistu-feedback');
    el.setAttribute('api', location.origin);
    el.setAttribute('site', '__flaky');
    el.setAttribute('form', 'hang');
    el.lang = lang;
    document.body.append(el);
    await expect.poll(() => el.shadowRoot?.querySelector('.skeleton')).toBeTruthy();
    expect(el.shadowRoot!.querySelector('.feedback')!.getAttribute('aria-busy')).toBe('true');
    await expectAccessible(el);
  });

  it.each(LANGS)('not found (%s)', async (lang) => {
    const el = await mountFeedback('no-such-form', { lang });
    await ready(el);
    expect(textIn(el)).toMatch({ fi: /ei löytynyt/, sv: /hittades inte/, en: /not found/ }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('network failure (%s): says so, and a retry loads it', async (lang) => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang, attrs: { api: 'http://127.0.0.1:9' } });
    await ready(el);
    expect(root(el).querySelector('[role="alert"]')?.textContent).toMatch({ fi: /yhteyttä/, sv: /servern/, en: /reach the server/ }[lang]);
    await expectAccessible(el);
    el.setAttribute('api', location.origin);
    await expect.poll(() => root(el).querySelector('[role="heading"]')?.textContent, { timeout: 10_000 }).toBe(TITLE[lang]);
  }, 20_000);

  it.each(LANGS)('closed (%s): says the form takes no more feedback', async (lang) => {
    const id = await createForm({ status: 'closed' });
    const el = await mountFeedback(id, { lang });
    await ready(el);
    expect(root(el).querySelector('form:not(.status-lookup form)')).toBeNull();
    expect(textIn(el)).toMatch({ fi: /ei enää ota vastaan/, sv: /tar inte längre emot/, en: /no longer takes/ }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('asking for a Turnstile check (%s): says the page cannot send it yet, instead of a form that would fail', async (lang) => {
    await officialFetch('/settings', { method: 'PATCH', body: JSON.stringify({ challengeSiteKey: '0x4AAAAAAAdemo', challengeSecret: 'demo-secret' }) });
    const id = await createForm({ challenge: true });
    const el = await mountFeedback(id, { lang });
    await ready(el);
    expect(submitButton(el)).toBeNull();
    expect(textIn(el)).toMatch({ fi: /robottitarkistuksen/, sv: /robotkontroll/, en: /robot check/ }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('errors (%s): a summary linking to each field, focused; errors tied to the fields; nothing sent', async (lang) => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang });
    await ready(el);
    type(el, '#f-email', 'not-an-email');
    submitButton(el).click();
    await expect.poll(() => root(el).querySelector('.error-summary')).toBeTruthy();
    const summary = root(el).querySelector<HTMLElement>('.error-summary')!;
    expect(root(el).activeElement).toBe(summary);
    expect(summary.getAttribute('role')).toBe('alert');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#f-message', '#f-topic', '#f-email']);
    expect(links[2]!.textContent).toMatch({ fi: /nimi@esimerkki.fi/, sv: /namn@exempel.fi/, en: /name@example.fi/ }[lang]);
    const message = root(el).querySelector('#f-message')!;
    expect(message.getAttribute('aria-invalid')).toBe('true');
    expect(message.getAttribute('aria-describedby')).toContain('f-message-error');
    expect(root(el).querySelector('#f-message-error')?.textContent).toMatch({ fi: /Täytä kohta/, sv: /Fyll i/, en: /Fill in/ }[lang]);
    await expectAccessible(el);
    links[1]!.click();
    expect(root(el).activeElement).toBe(radio(el, 'topic', 'streets'));
    expect(await submissionsOf(id)).toEqual([]);
  });

  it.each(LANGS)('sent (%s): the reference code, focus on the thanks, the status and the removal key once below it; the draft is gone, the key kept', async (lang) => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang });
    await ready(el);
    const sent: FeedbackSentDetail[] = [];
    document.addEventListener('osallistu-feedback-sent', (e) => sent.push((e as CustomEvent<FeedbackSentDetail>).detail), { once: true });
    fillIn(el);
    type(el, '#f-email', 'asukas@example.fi');
    type(el, '#f-place', 'Koivutie 3');
    radio(el, '_category', 'lights').click();
    submitButton(el).click();
    await expect.poll(() => root(el).querySelector('.ref')?.textContent ?? '', { timeout: 10_000 }).toMatch(REF);
    const ref = root(el).querySelector('.ref')!.textContent!;
    expect(root(el).activeElement?.textContent).toMatch({ fi: /Kiitos/, sv: /Tack/, en: /Thank you/ }[lang]);
    expect(sent).toEqual([{ site: SITE, form: id, ref }]);
    const status = root(el).querySelector('osallistu-feedback-status')!;
    await expect.poll(() => textIn(status)).toMatch({ fi: /Tila: Vastaanotettu/, sv: /Status: Mottagen/, en: /Status: Received/ }[lang]);
    const key = root(status).querySelector('[part="removal-key"]')?.textContent ?? '';
    expect(key).toMatch(REMOVAL_KEY);
    expect(textIn(status)).toMatch({ fi: /Säilytä tämä avain, jos haluat myöhemmin poistaa yhteystietosi/, sv: /Spara den här nyckeln om du senare vill ta bort/, en: /Keep this key to remove your contact details later/ }[lang]);
    expect(root(status).querySelector('.removal-key')?.getAttribute('aria-labelledby')).toBe('key-title');
    // The draft and the pending copy are gone; what stays on the device is the removal key, under this site and code.
    expect(Object.entries(localStorage).filter(([k]) => k.startsWith('osallistu.feedback-'))).toEqual([[`osallistu.feedback-removal-key:${location.origin}:${SITE}:${ref}`, JSON.stringify(key)]]);
    const [stored] = await submissionsOf(id);
    expect(stored).toMatchObject({ ref, lang, category: 'lights', contact: { email: 'asukas@example.fi' }, answers: { topic: 'streets', place: { address: 'Koivutie 3' } } });
    await expectAccessible(el);
  });
});

describe('names and states, fi/sv/en (issue 15)', () => {
  const FOLLOW = { fi: 'Seuraa palautettasi', sv: 'Följ', en: 'Follow' };
  const REF_LABEL = { fi: 'Viitetunnus', sv: 'Referensnummer', en: 'Reference code' };

  it.each(LANGS)('the fields (%s): the group is named by the form\'s title; the place asks for no autocomplete; a required choice is required; two forms never share radio names', async (lang) => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang });
    const other = await mountFeedback(id, { lang });
    const main = document.createElement('main');
    main.append(...document.querySelectorAll('section'));
    document.body.append(main);
    await ready(el);
    await ready(other);
    const fields = root(el).querySelector('fieldset.fields')!;
    expect(root(el).getElementById(fields.getAttribute('aria-labelledby')!)?.textContent).toBe(TITLE[lang]);
    expect(root(el).querySelector('#f-place')!.hasAttribute('autocomplete')).toBe(false);
    const topics = [...root(el).querySelectorAll<HTMLInputElement>('input[id^="f-topic"]')];
    expect(topics.map((r) => r.required)).toEqual([true, true]);
    expect(root(el).querySelector<HTMLInputElement>('input[id="f-_category"]')!.required).toBe(false); // optional: not required
    expect(topics[0]!.name).not.toBe(root(other).querySelector<HTMLInputElement>('#f-topic')!.name);
    await expectAccessible(main);
  });

  it.each(LANGS)('the status lookup in its <details> (%s): its code field is named when open and when closed again', async (lang) => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang });
    await ready(el);
    const details = root(el).querySelector<HTMLDetailsElement>('details.follow')!;
    const summary = details.querySelector<HTMLElement>('summary')!;
    expect(summary.textContent).toContain(FOLLOW[lang]);
    await userEvent.click(summary);
    const field = () => details.querySelector('osallistu-feedback-status')?.shadowRoot?.querySelector('#ref');
    await expect.poll(() => field()?.getAttribute('aria-labelledby')).toBe('ref-label');
    expect(field()!.getRootNode() instanceof ShadowRoot && (field()!.getRootNode() as ShadowRoot).getElementById('ref-label')?.textContent).toBe(REF_LABEL[lang]);
    await expectAccessible(el);
    await userEvent.click(summary); // closed again: the lookup stays in the page, not rendered
    await expect.poll(() => details.open).toBe(false);
    await expectAccessible(el);
  });

  it.each(LANGS)('while sending (%s): the send button keeps the focus (aria-disabled, not disabled), never <body>', async (lang) => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang });
    await ready(el);
    fillIn(el);
    await commands.setApiReachable(false); // the attempts take seconds: long enough to look at the sending state
    submitButton(el).focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => submitButton(el).textContent?.trim()).toBe({ fi: 'Lähetetään…', sv: 'Skickas…', en: 'Sending…' }[lang]);
    expect(submitButton(el).getAttribute('aria-disabled')).toBe('true');
    expect(deepActiveElement()).toBe(submitButton(el));
    await expect.poll(() => root(el).querySelector('.queued'), { timeout: 20_000 }).toBeTruthy();
    expect(focusIsInside(el)).toBe(true);
  }, 30_000);

  it.each(LANGS)('a subject in another language than the page (%s) carries its own lang', async (lang) => {
    const subjectLang = lang === 'fi' ? 'sv' : 'fi';
    const id = await createForm();
    const el = await mountFeedback(id, { lang, attrs: { subject: subjectLang === 'fi' ? 'Koivutien valaistus' : 'Björkvägens belysning', 'subject-lang': subjectLang, 'case-id': 'HEL 2026-000123' } });
    await ready(el);
    const strong = [...root(el).querySelectorAll('strong')].find((s) => s.textContent?.includes('HEL 2026-000123'))!;
    expect(strong.getAttribute('lang')).toBe(subjectLang);
    await expectAccessible(el);
  });
});

describe('nothing typed is lost', () => {
  it('keeps the draft through a reload, and clears it only on the resident\'s word', async () => {
    const id = await createForm();
    const first = await mountFeedback(id);
    await ready(first);
    type(first, '#f-message', 'Puiston penkki on rikki.');
    radio(first, 'topic', 'parks').click();
    root(first).querySelector<HTMLInputElement>('#f-publish')!.click();
    document.body.replaceChildren(); // the tab closes

    const again = await mountFeedback(id);
    await ready(again);
    expect(root(again).querySelector<HTMLTextAreaElement>('#f-message')!.value).toBe('Puiston penkki on rikki.');
    expect(radio(again, 'topic', 'parks').checked).toBe(true);
    expect(root(again).querySelector<HTMLInputElement>('#f-publish')!.checked).toBe(true);
    expect(textIn(again)).toContain('Keskeneräinen palautteesi palautettiin');
    await expectAccessible(again);
    root(again).querySelector<HTMLButtonElement>('.restored button')!.click();
    await again.updateComplete;
    expect(root(again).querySelector<HTMLTextAreaElement>('#f-message')!.value).toBe('');
    expect(Object.keys(localStorage).some((k) => k.startsWith('osallistu.feedback-draft:'))).toBe(false);
  });

  it('offline: says so, keeps it, and sends it exactly once when the connection returns', async () => {
    const id = await createForm();
    const el = await mountFeedback(id);
    await ready(el);
    fillIn(el, 'Lähetetty ilman verkkoa.');
    await commands.setApiReachable(false);
    submitButton(el).click();
    await expect.poll(() => textIn(el), { timeout: 20_000 }).toContain('Verkkoyhteys puuttuu');
    expect(root(el).activeElement?.classList.contains('notice')).toBe(true);
    expect(Object.keys(localStorage).some((k) => k.startsWith('osallistu.feedback-pending:'))).toBe(true);
    await expectAccessible(el);
    await commands.setApiReachable(true);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => root(el).querySelector('.ref')?.textContent ?? '', { timeout: 20_000 }).toMatch(REF);
    expect(textIn(el)).toContain('Palautteesi on nyt lähetetty.');
    window.dispatchEvent(new Event('online')); // a second "online" sends nothing more
    await new Promise((r) => setTimeout(r, 300));
    const stored = await submissionsOf(id);
    expect(stored.map((s) => s.ref)).toEqual([root(el).querySelector('.ref')!.textContent]);
    expect(stored[0]!.answers).toMatchObject({ message: 'Lähetetty ilman verkkoa.' });
  }, 60_000);

  it('a server too slow to answer is not called "offline": the feedback is kept and sent once when it answers', async () => {
    const id = await createForm();
    const el = await mountFeedback(id);
    await ready(el);
    fillIn(el, 'Palvelin oli hidas.');
    // Every try at sending times out, as the client's own time limit would make it.
    const original = window.fetch;
    window.fetch = (input, init) =>
      init?.method === 'POST' && String(input).includes('/submissions') ? Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')) : original(input, init);
    try {
      submitButton(el).click();
      await expect.poll(() => textIn(el), { timeout: 20_000 }).toContain('Palautetta ei saatu vielä perille.');
      expect(textIn(el)).not.toContain('Verkkoyhteys puuttuu');
      expect(Object.keys(localStorage).some((k) => k.startsWith('osallistu.feedback-pending:'))).toBe(true);
      await expectAccessible(el);
    } finally {
      window.fetch = original;
    }
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => root(el).querySelector('.ref')?.textContent ?? '', { timeout: 20_000 }).toMatch(REF);
    expect(textIn(el)).toContain('Palautteesi on nyt lähetetty.');
    expect(textIn(el)).not.toMatch(/Verkkoyhteys|Yhteys palasi/);
    expect((await submissionsOf(id)).map((s) => s.ref)).toEqual([root(el).querySelector('.ref')!.textContent]);
  }, 60_000);

  it('a submission left waiting when the tab closed is sent on the next visit, once', async () => {
    const id = await createForm();
    const el = await mountFeedback(id);
    await ready(el);
    fillIn(el, 'Jäi matkalle.');
    await commands.setApiReachable(false);
    submitButton(el).click();
    await expect.poll(() => textIn(el), { timeout: 20_000 }).toContain('Verkkoyhteys puuttuu');
    document.body.replaceChildren();
    await commands.setApiReachable(true);

    const next = await mountFeedback(id);
    await expect.poll(() => root(next).querySelector('.ref')?.textContent ?? '', { timeout: 20_000 }).toMatch(REF);
    expect((await submissionsOf(id)).length).toBe(1);
  }, 60_000);

  it('lets the resident stop sending; the feedback stays in the form', async () => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang: 'en' });
    await ready(el);
    fillIn(el, 'Never mind.');
    await commands.setApiReachable(false);
    submitButton(el).click();
    await expect.poll(() => root(el).querySelector('.queued'), { timeout: 20_000 }).toBeTruthy();
    [...root(el).querySelectorAll<HTMLButtonElement>('.queued button')].find((b) => b.textContent?.includes('Stop sending'))!.click();
    await expect.poll(() => textIn(el)).toContain('Sending was stopped');
    expect(root(el).querySelector<HTMLTextAreaElement>('#f-message')!.value).toBe('Never mind.');
    expect(submitButton(el).disabled).toBe(false);
    expect(Object.keys(localStorage).some((k) => k.startsWith('osallistu.feedback-pending:'))).toBe(false);
    expect(Object.keys(localStorage).some((k) => k.startsWith('osallistu.feedback-draft:'))).toBe(true);
  }, 40_000);

  it('keeps feedback about one decision apart from feedback about another, and forgets a draft after a day', async () => {
    const id = await createForm();
    const first = await mountFeedback(id, { attrs: { decision: 'paatos-a', 'case-id': 'KOI/1/2026' } });
    await ready(first);
    type(first, '#f-message', 'Päätöksestä A.');
    document.body.replaceChildren();
    const other = await mountFeedback(id, { attrs: { decision: 'paatos-b', 'case-id': 'KOI/2/2026' } });
    await ready(other);
    expect(root(other).querySelector<HTMLTextAreaElement>('#f-message')!.value).toBe('');
    document.body.replaceChildren();
    const again = await mountFeedback(id, { attrs: { decision: 'paatos-a', 'case-id': 'KOI/1/2026' } });
    await ready(again);
    expect(root(again).querySelector<HTMLTextAreaElement>('#f-message')!.value).toBe('Päätöksestä A.');
    document.body.replaceChildren();
    const key = Object.keys(localStorage).find((k) => k.startsWith('osallistu.feedback-draft:') && k.includes('paatos-a'))!;
    localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), savedAt: new Date(Date.now() - 25 * 3600 * 1000).toISOString() }));
    const dayLater = await mountFeedback(id, { attrs: { decision: 'paatos-a' } });
    await ready(dayLater);
    expect(root(dayLater).querySelector<HTMLTextAreaElement>('#f-message')!.value).toBe('');
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('sending the same feedback again after "stop sending" reuses its key, so it cannot arrive twice', async () => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang: 'en' });
    await ready(el);
    fillIn(el, 'Maybe it arrived.');
    await commands.setApiReachable(false);
    const pendingKey = () => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('osallistu.feedback-pending:'));
      return key ? (JSON.parse(localStorage.getItem(key)!) as { idempotencyKey: string }).idempotencyKey : null;
    };
    submitButton(el).click();
    await expect.poll(() => root(el).querySelector('.queued'), { timeout: 20_000 }).toBeTruthy();
    const first = pendingKey();
    [...root(el).querySelectorAll<HTMLButtonElement>('.queued button')].find((b) => b.textContent?.includes('Stop sending'))!.click();
    await expect.poll(() => pendingKey()).toBeNull();
    submitButton(el).click();
    await expect.poll(() => pendingKey()).toBe(first);
    await commands.setApiReachable(true);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => root(el).querySelector('.ref')?.textContent ?? '', { timeout: 20_000 }).toMatch(REF);
    expect(await submissionsOf(id)).toHaveLength(1);
  }, 60_000);

  it('shows the server\'s objection next to the field when the form changed under the resident', async () => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang: 'en' });
    await ready(el);
    fillIn(el);
    // An editor makes the email address required after the page was loaded.
    const fields = (await (await officialFetch(`/forms/${id}`)).json()).fields.map((f: { key: string }) => (f.key === 'email' ? { ...f, required: true } : f));
    expect((await officialFetch(`/forms/${id}`, { method: 'PATCH', body: JSON.stringify({ fields }) })).status).toBe(200);
    submitButton(el).click();
    await expect.poll(() => root(el).querySelector('.error-summary a')?.getAttribute('href')).toBe('#f-email');
    expect(root(el).querySelector('#f-email-error')?.textContent).toContain('Check "Email"');
    expect(root(el).querySelector<HTMLTextAreaElement>('#f-message')!.value).not.toBe('');
    expect(await submissionsOf(id)).toEqual([]);
  });
});

describe('using it', () => {
  it('can be filled in and sent with the keyboard alone', async () => {
    const id = await createForm({ fields: [
      { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande', en: 'Message' }, required: true },
      { key: 'publish', type: 'consent', label: { fi: 'Saa julkaista', sv: 'Får publiceras', en: 'May be published' }, required: true },
    ], categories: undefined });
    const el = await mountFeedback(id, { lang: 'en' });
    await ready(el);
    const before = document.createElement('button');
    before.textContent = 'Before';
    document.body.prepend(before);
    before.focus();
    await userEvent.tab();
    expect(root(el).activeElement?.id).toBe('f-message');
    await userEvent.keyboard('The swings are broken.');
    await userEvent.tab();
    expect(root(el).activeElement?.id).toBe('f-publish');
    await userEvent.keyboard(' ');
    await userEvent.tab();
    expect(root(el).activeElement).toBe(submitButton(el));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => root(el).querySelector('.ref')?.textContent ?? '', { timeout: 10_000 }).toMatch(REF);
    expect(root(el).activeElement?.textContent).toContain('Thank you');
    const [stored] = await submissionsOf(id);
    expect(stored!.answers).toEqual({ message: 'The swings are broken.', publish: true });
  });

  it('counts characters as the resident types and says when there are too many', async () => {
    const id = await createForm();
    const el = await mountFeedback(id, { lang: 'en' });
    await ready(el);
    type(el, '#f-message', 'x'.repeat(495));
    await el.updateComplete;
    expect(root(el).querySelector('#f-message-count')?.textContent).toBe('5 characters left');
    type(el, '#f-message', 'x'.repeat(503));
    await el.updateComplete;
    expect(root(el).querySelector('#f-message-count')?.textContent).toBe('3 characters too many');
    radio(el, 'topic', 'parks').click();
    submitButton(el).click();
    await expect.poll(() => root(el).querySelector('#f-message-error')?.textContent).toContain('500 characters or fewer (now 503)');
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    await page.viewport(320, 640);
    const id = await createForm();
    const el = await mountFeedback(id);
    await ready(el);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
    await page.viewport(1024, 768);
  });
});
