import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/support/axe.ts';
import { SITE, createForm, officialFetch, root, textIn, type } from '../../test/support/forms.ts';
import { normalizeRef } from './osallistu-feedback-status.ts';
import type { OsallistuFeedbackStatus } from './osallistu-feedback-status.ts';

afterEach(() => document.body.replaceChildren());

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
async function answeredSubmission(): Promise<string> {
  const form = await createForm();
  const sent = await fetch(`/api/v1/sites/${SITE}/forms/${form}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers: { message: 'Roskis on täynnä.', topic: 'parks', email: 'asukas@example.fi' } }),
  });
  const { ref } = (await sent.json()) as { ref: string };
  await officialFetch(`/submissions/${ref}`, { method: 'PATCH', body: JSON.stringify({ reply: { body: 'Sisäinen huomio.', public: false } }) });
  await officialFetch(`/submissions/${ref}`, { method: 'PATCH', body: JSON.stringify({ status: 'answered', reply: { body: 'Roska-astia tyhjennetään huomenna.', public: true } }) });
  return ref;
}

describe('<osallistu-feedback-status>', () => {
  it('reads a code the way people type it', () => {
    expect(normalizeRef(' k7m4qx ')).toBe('K7M-4QX');
    expect(normalizeRef('K7M 4QX')).toBe('K7M-4QX');
    expect(normalizeRef('K7M-4Q')).toBeNull();
  });

  it.each(LANGS)('empty and invalid (%s): a labelled field; a malformed code gets an error tied to it', async (lang) => {
    const el = await mountStatus(lang);
    await expectNoAxeViolations(el);
    type(el, '#ref', 'abc');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    const input = root(el).querySelector('#ref')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('ref-error');
    expect(root(el).activeElement).toBe(input);
    expect(textIn(el)).toMatch({ fi: /K7M-4QX: kuusi/, sv: /K7M-4QX: sex/, en: /K7M-4QX: six/ }[lang]);
    await expectNoAxeViolations(el);
  });

  it.each(LANGS)('not found (%s)', async (lang) => {
    const el = await mountStatus(lang, 'ZZZ-ZZZ');
    await expect.poll(() => textIn(el)).toMatch({ fi: /ZZZ-ZZZ ei löytynyt/, sv: /ZZZ-ZZZ hittades/, en: /ZZZ-ZZZ was found/ }[lang]);
    await expectNoAxeViolations(el);
  });

  it.each(LANGS)('answered (%s): status, dates and the public reply only', async (lang) => {
    const ref = await answeredSubmission();
    const el = await mountStatus(lang);
    type(el, '#ref', ref.toLowerCase().replace('-', ''));
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await expect.poll(() => textIn(el)).toContain('Roska-astia tyhjennetään huomenna.');
    expect(textIn(el)).toMatch({ fi: /Tila: Vastattu/, sv: /Status: Besvarad/, en: /Status: Answered/ }[lang]);
    expect(textIn(el)).not.toContain('Sisäinen huomio');
    expect(root(el).activeElement?.id).toBe('result-heading');
    expect(root(el).querySelector('[role="status"]')?.textContent).toContain(ref);
    await expectNoAxeViolations(el);
  });

  it('removes the contact details after a confirmation, by keyboard', async () => {
    const ref = await answeredSubmission();
    const el = await mountStatus('en', ref);
    await expect.poll(() => textIn(el)).toContain('Status: Answered');
    const remove = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('Remove my contact details'))!;
    remove.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textIn(el)).toContain('The feedback stays, but we can no longer reply');
    expect(root(el).activeElement?.textContent).toBe('Cancel');
    await expectNoAxeViolations(el);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(root(el).activeElement?.textContent).toBe('Remove');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textIn(el)).toContain('Your contact details were removed.');
    const stored = (await (await officialFetch(`/submissions?limit=100`)).json()) as { items: { ref: string; contact: unknown }[] };
    expect(stored.items.find((s) => s.ref === ref)?.contact).toBeNull();
  });
});
