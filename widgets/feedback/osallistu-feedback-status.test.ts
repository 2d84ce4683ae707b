import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { SITE, createForm, officialFetch, root, textIn, type } from '../../test/support/forms.ts';
import { deepActiveElement, focusIsInside } from '../../test/support/polls.ts';
import { normalizeRef, normalizeRemovalKey, removalKeyStore } from './osallistu-feedback-status.ts';
import type { OsallistuFeedbackStatus } from './osallistu-feedback-status.ts';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

const LANGS = ['fi', 'sv', 'en'] as const;

async function mountStatus(lang: string, ref = ''): Promise<OsallistuFeedbackStatus> {
  const el = document.createElement('osallistu-feedback-status');
  el.setAttribute('site', SITE);
  el.lang = lang;
  if (ref) el.setAttribute('ref', ref);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** A submission with an answer from the municipality: one public reply and one private note. */
async function answeredSubmission(): Promise<{ ref: string; removalKey: string }> {
  const form = await createForm();
  const sent = await fetch(`/api/v1/sites/${SITE}/forms/${form}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers: { message: 'Roskis on täynnä.', topic: 'parks', email: 'asukas@example.fi' } }),
  });
  const { ref, removalKey } = (await sent.json()) as { ref: string; removalKey: string };
  await officialFetch(`/submissions/${ref}`, { method: 'PATCH', body: JSON.stringify({ reply: { body: 'Sisäinen huomio.', public: false } }) });
  await officialFetch(`/submissions/${ref}`, { method: 'PATCH', body: JSON.stringify({ status: 'answered', reply: { body: 'Roska-astia tyhjennetään huomenna.', public: true } }) });
  return { ref, removalKey };
}

const contactOf = async (ref: string) => {
  const stored = (await (await officialFetch(`/submissions?limit=100`)).json()) as { items: { ref: string; contact: unknown }[] };
  return stored.items.find((s) => s.ref === ref)?.contact;
};
const buttonNamed = (el: Element, name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name)!;

describe('<osallistu-feedback-status>', () => {
  it('reads a code the way people type it', () => {
    expect(normalizeRef(' k7m4qx ')).toBe('K7M-4QX');
    expect(normalizeRef('K7M 4QX')).toBe('K7M-4QX');
    expect(normalizeRef('K7M-4Q')).toBeNull();
    expect(normalizeRemovalKey(' 7kq2 m9xd 4t1b zc8n qh3w p5rj ev6a ')).toBe('7KQ2-M9XD-4T1B-ZC8N-QH3W-P5RJ-EV6A');
    expect(normalizeRemovalKey('7KQ2-M9XD-4TIB-ZC8N-QH3W-P5RJ-EV6O')).toBe('7KQ2-M9XD-4T1B-ZC8N-QH3W-P5RJ-EV60');
    expect(normalizeRemovalKey('7KQ2-M9XD-4T1B-ZC8N-QH3W-P5RJ-EV6')).toBeNull();
    expect(normalizeRemovalKey('7KQ2-M9XD-4T1B-ZC8N-QH3W-P5RJ-EV6U')).toBeNull();
  });

  it.each(LANGS)('empty and invalid (%s): a labelled field; a malformed code gets an error tied to it', async (lang) => {
    const el = await mountStatus(lang);
    await expectAccessible(el);
    type(el, '#ref', 'abc');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    const input = root(el).querySelector('#ref')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('ref-error');
    expect(root(el).activeElement).toBe(input);
    expect(textIn(el)).toMatch({ fi: /K7M-4QX: kuusi/, sv: /K7M-4QX: sex/, en: /K7M-4QX: six/ }[lang]);
    await expectAccessible(el);
  });

  const NOT_FOUND = { fi: /ei löytynyt/, sv: /referensnumret [A-Z]{3}-[A-Z]{3} hittades/, en: /was found/ };
  const alertText = (el: Element) => root(el).querySelector('form [role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim();
  const lookUp = async (el: Element, code: string) => {
    type(el, '#ref', code);
    await userEvent.click(root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!);
  };

  it.each(LANGS)('an unknown code (%s): the focus stays on the button while looking up and after, never on <body>', async (lang) => {
    const el = await mountStatus(lang);
    await lookUp(el, 'QQQ-QQQ');
    await expect.poll(() => textIn(el)).toMatch(NOT_FOUND[lang]);
    expect(deepActiveElement()).not.toBe(document.body);
    expect(focusIsInside(el)).toBe(true);
    expect(deepActiveElement()).toBe(root(el).querySelector('button[type="submit"]'));
    expect(root(el).querySelector('[role="status"]')?.textContent).toMatch(NOT_FOUND[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('a malformed code (%s) is announced: an alert with the error prefix, and only the current message (no earlier "not found")', async (lang) => {
    const el = await mountStatus(lang, 'ZZZ-ZZZ');
    await expect.poll(() => textIn(el)).toMatch(NOT_FOUND[lang]);
    expect(alertText(el)).toBe('');
    await lookUp(el, 'abc');
    await expect.poll(() => alertText(el)).toMatch({ fi: /^Virhe: Kirjoita viitetunnus/, sv: /^Fel: Skriv referensnumret/, en: /^Error: Enter the reference code/ }[lang]);
    expect(textIn(el)).not.toMatch(NOT_FOUND[lang]);
    expect(root(el).querySelector('[role="status"]')?.textContent).toBe('');
    expect(root(el).querySelector('#ref')!.getAttribute('aria-describedby')).toBe('ref-hint ref-error');
    expect(deepActiveElement()).toBe(root(el).querySelector('#ref'));
    await expectAccessible(el);
  });

  it.each(LANGS)('not found (%s)', async (lang) => {
    const el = await mountStatus(lang, 'ZZZ-ZZZ');
    await expect.poll(() => textIn(el)).toMatch({ fi: /ZZZ-ZZZ ei löytynyt/, sv: /ZZZ-ZZZ hittades/, en: /ZZZ-ZZZ was found/ }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('answered (%s): status, dates and the public reply only', async (lang) => {
    const { ref } = await answeredSubmission();
    const el = await mountStatus(lang);
    type(el, '#ref', ref.toLowerCase().replace('-', ''));
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await expect.poll(() => textIn(el)).toContain('Roska-astia tyhjennetään huomenna.');
    expect(textIn(el)).toMatch({ fi: /Tila: Vastattu/, sv: /Status: Besvarad/, en: /Status: Answered/ }[lang]);
    expect(textIn(el)).not.toContain('Sisäinen huomio');
    expect(root(el).activeElement?.id).toBe('result-heading');
    expect(root(el).querySelector('[role="status"]')?.textContent).toContain(ref);
    await expectAccessible(el);
  });

  it('on the device that sent it: removes the contact details with the kept key after a confirmation, by keyboard', async () => {
    const { ref, removalKey } = await answeredSubmission();
    removalKeyStore(location.origin, SITE, ref).set(removalKey);
    const el = await mountStatus('en', ref);
    await expect.poll(() => textIn(el)).toContain('Status: Answered');
    const remove = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('Remove my contact details'))!;
    remove.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textIn(el)).toContain('The feedback stays, but we can no longer reply');
    expect(root(el).activeElement?.textContent).toBe('Cancel');
    await expectAccessible(el);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(root(el).activeElement?.textContent).toBe('Remove');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textIn(el)).toContain('Your contact details were removed.');
    expect(await contactOf(ref)).toBeNull();
    // The key has done its work and is not left on the device.
    expect(removalKeyStore(location.origin, SITE, ref).get()).toBeNull();
  });

  it.each(LANGS)('on another device (%s): the confirmation asks for the key in a labelled field, first in focus; an incomplete key gets an error tied to it', async (lang) => {
    const { ref } = await answeredSubmission();
    const el = await mountStatus(lang, ref);
    await expect.poll(() => textIn(el)).toMatch({ fi: /Tila: Vastattu/, sv: /Status: Besvarad/, en: /Status: Answered/ }[lang]);
    buttonNamed(el, { fi: 'Poista yhteystietoni', sv: 'Ta bort mina kontaktuppgifter', en: 'Remove my contact details' }[lang]).click();
    await expect.poll(() => root(el).activeElement?.id).toBe('key');
    const field = root(el).querySelector<HTMLInputElement>('#key')!;
    expect(root(el).querySelector(`label[for="key"]`)?.textContent).toBe({ fi: 'Poistoavain', sv: 'Borttagningsnyckel', en: 'Removal key' }[lang]);
    expect(field.getAttribute('aria-describedby')).toBe('key-hint');
    await expectAccessible(el);
    type(el, '#key', '7KQ2-M9XD');
    buttonNamed(el, { fi: 'Poista', sv: 'Ta bort', en: 'Remove' }[lang]).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('key-hint key-error');
    expect(root(el).querySelector('#key-error')?.textContent).toMatch({ fi: /28 kirjainta/, sv: /28 bokstäver/, en: /28 letters/ }[lang]);
    expect(root(el).activeElement).toBe(field);
    await expectAccessible(el);
    expect(await contactOf(ref)).toEqual({ email: 'asukas@example.fi' });
  });

  it('on another device: a wrong key is refused and nothing removed; the right one, typed loosely, removes them', async () => {
    const { ref, removalKey } = await answeredSubmission();
    const el = await mountStatus('en', ref);
    await expect.poll(() => textIn(el)).toContain('Status: Answered');
    buttonNamed(el, 'Remove my contact details').click();
    await expect.poll(() => root(el).activeElement?.id).toBe('key');
    type(el, '#key', '7KQ2-M9XD-4T1B-ZC8N-QH3W-P5RJ-EV6A');
    buttonNamed(el, 'Remove').click();
    await expect.poll(() => root(el).querySelector('#key-error')?.textContent ?? '').toContain('The key does not belong to this feedback.');
    expect(root(el).activeElement?.id).toBe('key');
    expect(root(el).querySelector('.confirm [role="alert"]')?.textContent).toContain('The key does not belong to this feedback.');
    expect(await contactOf(ref)).toEqual({ email: 'asukas@example.fi' });
    type(el, '#key', removalKey.toLowerCase().replaceAll('-', ' '));
    buttonNamed(el, 'Remove').click();
    await expect.poll(() => textIn(el)).toContain('Your contact details were removed.');
    expect(await contactOf(ref)).toBeNull();
  });
});
