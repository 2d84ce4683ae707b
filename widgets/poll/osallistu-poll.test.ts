import { commands, page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { SITE, createPoll, mountPoll, officialView, settled, shadow, textOf } from '../../test/support/polls.ts';
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
    const change = shadow(again).querySelector<HTMLButtonElement>('button.secondary')!;
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
