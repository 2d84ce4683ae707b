import { commands, page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { SITE, createPoll, deepActiveElement, focusIsInside, mountPoll, officialView, settled, shadow, textOf } from '../../test/support/polls.ts';
import type { VoteDetail } from './osallistu-poll.ts';

afterEach(async () => {
  document.body.replaceChildren();
  await commands.setApiReachable(true);
});

const LANGS = ['fi', 'sv', 'en'] as const;
const QUESTION = { fi: 'Mikä on tärkeintä?', sv: 'Vad är viktigast?', en: 'What matters most?' };
const SUBMIT = { fi: 'Vastaa', sv: 'Svara', en: 'Vote' };

const input = (el: HTMLElement, value: string) => shadow(el as never).querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
const button = (el: HTMLElement) => shadow(el as never).querySelector<HTMLButtonElement>('button[type="submit"]')!;

describe('<osallistu-poll> in every state, fi/sv/en, axe-clean', () => {
  it.each(LANGS)('open (%s): a fieldset with the question as legend and native controls', async (lang) => {
    const id = await createPoll({ closesAt: '2030-01-01T10:00:00Z' });
    const el = await mountPoll(id, { lang });
    await settled(el);
    const legend = shadow(el).querySelector('fieldset legend');
    expect(legend?.textContent).toBe(QUESTION[lang]);
    expect(shadow(el).querySelectorAll('input[type="radio"]')).toHaveLength(3);
    // A required group says so: every radio is required.
    expect([...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')].every((radio) => radio.required)).toBe(true);
    expect(button(el).textContent?.trim()).toBe(SUBMIT[lang]);
    expect(textOf(el)).toMatch(/2030/);
    await expectAccessible(el);
  });

  it.each(LANGS)('loading (%s): a skeleton of the right height, busy', async (lang) => {
    const el = document.createElement('osallistu-poll');
    el.setAttribute('api', location.origin);
    el.setAttribute('site', '__flaky');
    el.setAttribute('poll', 'hang');
    el.lang = lang;
    document.body.append(el);
    await expect.poll(() => el.shadowRoot?.querySelector('.skeleton')).toBeTruthy();
    expect(el.getBoundingClientRect().height).toBeGreaterThan(200);
    expect(el.shadowRoot!.querySelector('.poll')!.getAttribute('aria-busy')).toBe('true');
    await expectAccessible(el);
  });

  it.each(LANGS)('not found (%s)', async (lang) => {
    const el = await mountPoll('no-such-poll', { lang });
    await settled(el);
    expect(textOf(el)).toMatch({ fi: /ei löytynyt/, sv: /hittades inte/, en: /not found/ }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('network failure (%s): says so, and a retry loads it', async (lang) => {
    const id = await createPoll();
    const el = await mountPoll(id, { lang, attrs: { api: 'http://127.0.0.1:9' } });
    await settled(el);
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toMatch({ fi: /yhteyttä/, sv: /servern/, en: /reach the server/ }[lang]);
    await expectAccessible(el);
    el.setAttribute('api', location.origin);
    await expect.poll(() => shadow(el).querySelector('legend')?.textContent, { timeout: 10_000 }).toBe(QUESTION[lang]);
  }, 20_000);

  it.each(LANGS)('voted (%s): thanks, the ballot, results as text and bars, announced politely', async (lang) => {
    const id = await createPoll();
    const el = await mountPoll(id, { lang });
    await settled(el);
    const votes: VoteDetail[] = [];
    document.addEventListener('osallistu-vote', (e) => votes.push((e as CustomEvent<VoteDetail>).detail), { once: true });
    input(el, 'b').click();
    button(el).click();
    await expect.poll(() => shadow(el).querySelector('.results')).toBeTruthy();
    expect(textOf(el)).toMatch({ fi: /Kiitos/, sv: /Tack/, en: /Thank you/ }[lang]);
    expect(textOf(el)).toMatch({ fi: /1 ääni, 100 %/, sv: /1 röst, 100 %/, en: /1 vote, 100%/ }[lang]);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).toMatch({ fi: /tallennettu/, sv: /sparats/, en: /saved/ }[lang]);
    expect(shadow(el).activeElement?.classList.contains('notice')).toBe(true);
    expect(votes).toEqual([{ site: SITE, poll: id, choices: ['b'], changed: false }]);
    await expectAccessible(el);
  });

  it.each(LANGS)('error (%s): nothing chosen → the error is tied to the field and focus moves there', async (lang) => {
    const id = await createPoll();
    const el = await mountPoll(id, { lang });
    await settled(el);
    button(el).click();
    await expect.poll(() => shadow(el).querySelector('.error')?.textContent).toMatch({ fi: /Valitse/, sv: /Välj/, en: /Choose/ }[lang]);
    const fieldset = shadow(el).querySelector('fieldset')!;
    const errorId = shadow(el).querySelector('.error')!.id;
    expect(fieldset.getAttribute('aria-describedby')).toContain(errorId);
    expect(input(el, 'a').getAttribute('aria-invalid')).toBe('true');
    expect(shadow(el).activeElement).toBe(input(el, 'a'));
    await expectAccessible(el);
  });

  it.each(LANGS)('closed (%s): says so and shows results once closed', async (lang) => {
    const id = await createPoll({ resultsVisibility: 'after_close', status: 'closed' });
    const el = await mountPoll(id, { lang });
    await settled(el);
    expect(shadow(el).querySelector('form')).toBeNull();
    expect(textOf(el)).toMatch({ fi: /päättynyt/, sv: /stängts/, en: /closed/ }[lang]);
    expect(shadow(el).querySelector('.results')).toBeTruthy();
    await expectAccessible(el);
  });

  it.each(LANGS)('not yet open (%s): says when it opens', async (lang) => {
    const id = await createPoll({ opensAt: '2029-03-01T08:00:00Z' });
    const el = await mountPoll(id, { lang });
    await settled(el);
    expect(shadow(el).querySelector('form')).toBeNull();
    expect(textOf(el)).toMatch(/2029/);
    expect(textOf(el)).toMatch({ fi: /avautuu/, sv: /öppnas/, en: /opens/ }[lang]);
    await expectAccessible(el);
  });
});

describe('focus, errors and results, fi/sv/en (issue 15)', () => {
  const CHANGE = { fi: 'Muuta vastaustasi', sv: 'Ändra ditt svar', en: 'Change your answer' };
  const STILL = { fi: /Lähetetään yhä/, sv: /Skickar fortfarande/, en: /Still sending/ };
  const SENDING = { fi: 'Lähetetään…', sv: 'Skickar…', en: 'Sending…' };
  const THANKS = { fi: /Kiitos/, sv: /Tack/, en: /Thank you/ };
  const OFFLINE = { fi: /Verkkoyhteys puuttuu|Yhteys palasi/, sv: /Ingen nätverksanslutning|Anslutningen är tillbaka/, en: /offline|connection is back/ };
  const alert = (el: HTMLElement) => shadow(el as never).querySelector('fieldset [role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim();

  it.each(LANGS)('change your answer → cancel (%s): focus goes back to "change your answer", not to <body>', async (lang) => {
    const id = await createPoll({ allowChange: true, resultsVisibility: 'always' });
    const el = await mountPoll(id, { lang });
    await settled(el);
    await userEvent.click(input(el, 'a'));
    await userEvent.click(button(el));
    const change = () => shadow(el).querySelector<HTMLButtonElement>('button.change');
    await expect.poll(() => change()?.textContent?.trim()).toBe(CHANGE[lang]);
    await userEvent.click(change()!);
    await expect.poll(() => deepActiveElement()).toBe(input(el, 'a'));
    await userEvent.click(shadow(el).querySelector<HTMLButtonElement>('form button.secondary')!);
    await expect.poll(() => shadow(el).querySelector('form')).toBeNull();
    expect(deepActiveElement()).not.toBe(document.body);
    expect(focusIsInside(el)).toBe(true);
    expect(deepActiveElement()).toBe(change());
    await expectAccessible(el);
  });

  it.each(LANGS)('a slow ballot (%s): "still sending" with the focus kept, never "offline"; counted once when the server answers', async (lang) => {
    const run = `held-${Date.now().toString(36)}-${lang}`;
    const el = await mountPoll(run, { lang, attrs: { site: '__flaky', api: location.origin } });
    await settled(el);
    el.slowAfter = 50; // the server holds the ballot until this test releases it: no waiting for the real threshold
    await userEvent.click(input(el, 'a'));
    await userEvent.click(button(el));
    await expect.poll(() => textOf(el)).toMatch(STILL[lang]);
    expect(button(el).textContent?.trim()).toBe(SENDING[lang]);
    expect(button(el).getAttribute('aria-disabled')).toBe('true');
    expect(deepActiveElement()).not.toBe(document.body);
    expect(focusIsInside(el)).toBe(true);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).toMatch(STILL[lang]);
    expect(textOf(el)).not.toMatch(OFFLINE[lang]);
    await expectAccessible(el);
    button(el).click(); // a second press while sending sends nothing (a DOM click: Playwright will not press an aria-disabled button)
    const released = (await (await fetch(`/api/v1/sites/__flaky/release?run=${run}`)).json()) as { released: number };
    expect(released.released).toBe(1);
    await expect.poll(() => textOf(el)).toMatch(THANKS[lang]);
    expect(textOf(el)).not.toMatch(OFFLINE[lang]);
    expect(focusIsInside(el)).toBe(true);
    const log = (await (await fetch(`/api/v1/sites/__flaky/log?run=${run}`)).json()) as { method: string }[];
    expect(log.filter((hit) => hit.method === 'POST')).toHaveLength(1);
    await expectAccessible(el);
  });

  it.each(LANGS)('choice errors are announced (%s): an alert with the error prefix, tied to the field, for none and for too many', async (lang) => {
    const id = await createPoll({ kind: 'multiple', maxChoices: 2 });
    const el = await mountPoll(id, { lang });
    await settled(el);
    expect(alert(el)).toBe('');
    await userEvent.click(button(el));
    await expect.poll(() => alert(el)).toMatch({ fi: /^Virhe: .*Valitse vaihtoehto/, sv: /^Fel: .*Välj ett alternativ/, en: /^Error: .*Choose an option/ }[lang]);
    expect(focusIsInside(el)).toBe(true);
    await expectAccessible(el);
    for (const value of ['a', 'b', 'c']) await userEvent.click(input(el, value));
    await userEvent.click(button(el));
    await expect.poll(() => alert(el)).toMatch({ fi: /^Virhe: .*enintään 2/, sv: /^Fel: .*högst 2/, en: /^Error: .*at most 2/ }[lang]);
    const errorId = shadow(el).querySelector('[role="alert"] .error')!.id;
    expect(shadow(el).querySelector('fieldset')!.getAttribute('aria-describedby')).toContain(errorId);
    expect(input(el, 'c').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(el);
  });

  it.each(LANGS)('multiple-choice results (%s) say, as text, that they are shares of respondents who each chose up to N', async (lang) => {
    const id = await createPoll({ kind: 'multiple', maxChoices: 3, resultsVisibility: 'always' });
    const el = await mountPoll(id, { lang });
    await settled(el);
    await userEvent.click(input(el, 'a'));
    await userEvent.click(input(el, 'b'));
    await userEvent.click(button(el));
    await expect.poll(() => shadow(el).querySelector('.results')).toBeTruthy();
    expect(textOf(el)).toMatch({ fi: /1 ääni, 100 %.*1 ääni, 100 %/, sv: /1 röst, 100 %.*1 röst, 100 %/, en: /1 vote, 100%.*1 vote, 100%/ }[lang]);
    expect(textOf(el)).toMatch({ fi: /Osuus vastaajista; kukin sai valita enintään 3/, sv: /Andel av de svarande; var och en fick välja högst 3/, en: /Share of respondents; each could choose up to 3/ }[lang]);
    await expectAccessible(el);
  });

  it('two polls on one page (the console\'s side-by-side previews): their radios never share a name', async () => {
    const id = await createPoll();
    const first = await mountPoll(id, { lang: 'fi' });
    const second = await mountPoll(id, { lang: 'sv' });
    const main = document.createElement('main');
    main.append(...document.querySelectorAll('section'));
    document.body.append(main);
    await settled(first);
    await settled(second);
    expect(input(first, 'a').name).not.toBe(input(second, 'a').name);
    expect(input(first, 'a').name).toBe(input(first, 'b').name);
    await expectAccessible(main);
  });
});

describe('voting', () => {
  it('shows the poll text in the site\'s language with the right lang when a translation is missing', async () => {
    const id = await createPoll({ question: { fi: 'Vain suomeksi?' }, options: [{ id: 'a', label: { fi: 'Kyllä' } }, { id: 'b', label: { fi: 'Ei', sv: 'Nej' } }] });
    const el = await mountPoll(id, { lang: 'sv' });
    await settled(el);
    const legend = shadow(el).querySelector('legend')!;
    expect(legend.textContent).toBe('Vain suomeksi?');
    expect(legend.lang).toBe('fi');
    expect(button(el).textContent?.trim()).toBe('Svara');
    expect(shadow(el).querySelector(`input[value="b"] + span`)!.getAttribute('lang')).toBe('sv');
  });

  it('checks multiple-choice limits before sending', async () => {
    const id = await createPoll({ kind: 'multiple', maxChoices: 2 });
    const el = await mountPoll(id, { lang: 'en' });
    await settled(el);
    expect(textOf(el)).toContain('Choose up to 2.');
    for (const value of ['a', 'b', 'c']) input(el, value).click();
    button(el).click();
    await expect.poll(() => shadow(el).querySelector('.error')?.textContent).toContain('at most 2');
    expect((await officialView(id)).results.total).toBe(0);
    input(el, 'c').click();
    button(el).click();
    await expect.poll(async () => (await officialView(id)).results.total).toBe(1);
    expect((await officialView(id)).results.options.filter((o) => o.count === 1).map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('takes a rating on a scale with labelled ends', async () => {
    const id = await createPoll({ kind: 'scale', options: undefined, scale: { min: 1, max: 5, minLabel: { fi: 'Huono' }, maxLabel: { fi: 'Erinomainen' } }, resultsVisibility: 'always' });
    const el = await mountPoll(id);
    await settled(el);
    expect(textOf(el)).toContain('1 = Huono');
    input(el, '4').click();
    button(el).click();
    await expect.poll(() => textOf(el)).toContain('Vastauksesi: 4');
    await expectAccessible(el);
  });

  it('remembers the ballot when the resident comes back, and lets them change it', async () => {
    const id = await createPoll({ allowChange: true, resultsVisibility: 'always' });
    const first = await mountPoll(id);
    await settled(first);
    input(first, 'a').click();
    button(first).click();
    await expect.poll(() => textOf(first)).toContain('Vastauksesi: Pyörätiet');
    document.body.replaceChildren();

    const again = await mountPoll(id);
    await settled(again);
    expect(textOf(again)).toContain('Vastauksesi: Pyörätiet');
    const change = shadow(again).querySelector<HTMLButtonElement>('button.change')!;
    expect(change.textContent).toContain('Muuta vastaustasi');
    change.click();
    await expect.poll(() => input(again, 'a')?.checked).toBe(true);
    input(again, 'c').click();
    button(again).click();
    await expect.poll(() => textOf(again)).toContain('Vastauksesi on muutettu.');
    const { results } = await officialView(id);
    expect(results.total).toBe(1);
    expect(results.options.find((o) => o.id === 'c')!.count).toBe(1);
    expect(results.options.find((o) => o.id === 'a')!.count).toBe(0);
  });

  it('keeps a ballot cast offline and sends it once when the connection returns', async () => {
    const id = await createPoll();
    const el = await mountPoll(id);
    await settled(el);
    await commands.setApiReachable(false);
    input(el, 'c').click();
    button(el).click();
    await expect.poll(() => textOf(el), { timeout: 15_000 }).toContain('Verkkoyhteys puuttuu');
    expect(Object.keys(localStorage).some((k) => k.startsWith('osallistu.pending-ballot:'))).toBe(true);
    await commands.setApiReachable(true);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => textOf(el), { timeout: 15_000 }).toContain('Yhteys palasi');
    window.dispatchEvent(new Event('online')); // a second "online" sends nothing more
    await new Promise((r) => setTimeout(r, 300));
    expect((await officialView(id)).results.total).toBe(1);
    expect(Object.keys(localStorage).some((k) => k.startsWith('osallistu.pending-ballot:'))).toBe(false);
  }, 40_000);

  it('can be used with the keyboard alone', async () => {
    const id = await createPoll();
    const el = await mountPoll(id, { lang: 'en' });
    await settled(el);
    const before = document.createElement('button');
    before.textContent = 'Before';
    document.body.prepend(before);
    before.focus();
    await userEvent.tab(); // into the radio group
    expect(shadow(el).activeElement).toBe(input(el, 'a'));
    await userEvent.keyboard('{ArrowDown}'); // moves to and selects "b"
    expect(input(el, 'b').checked).toBe(true);
    await userEvent.tab(); // to the vote button
    expect(shadow(el).activeElement).toBe(button(el));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textOf(el)).toContain('Your answer: Pavements');
    expect(shadow(el).activeElement?.classList.contains('notice')).toBe(true);
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    await page.viewport(320, 640);
    const id = await createPoll({ question: { fi: 'Pyöräteiden talvikunnossapitosuunnitelmaehdotuskeskustelu?' } });
    const el = await mountPoll(id);
    await settled(el);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
    await page.viewport(1024, 768);
  });
});
