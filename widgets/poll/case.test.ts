import { page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { castBallot, closePoll, decideCase, newCaseId, waitingOn } from '../../test/support/cases.ts';
import { BASE_POLL, createPoll, deepActiveElement, mountPoll, settled, shadow, textOf } from '../../test/support/polls.ts';
import { expectNoSidewaysScroll } from '../../test/support/reflow.ts';
import { LanguageWords } from '../../test/support/languages.ts';
import { formatDate } from '../core/format.ts';
import type { OsallistuPoll } from './osallistu-poll.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const LANGS = ['fi', 'sv', 'en'] as const;
const DECIDED = { fi: 'Mitä päätettiin', sv: 'Vad beslutades', en: 'What was decided' };
const NO_DECISION = { fi: 'ei ole vielä tehty päätöstä', sv: 'Inget beslut har ännu fattats i ärende', en: 'No decision yet on case' };

const caseBox = (el: OsallistuPoll) => shadow(el).querySelector<HTMLElement>('.case');
const caseText = (el: OsallistuPoll) => caseBox(el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const emailField = (el: OsallistuPoll) => shadow(el).querySelector<HTMLInputElement>('.case input[type="email"]');

/** A closed poll about a fresh case, with one answer from someone else. */
async function closedPollOnCase(overrides: Record<string, unknown> = {}) {
  const caseId = newCaseId();
  const id = await createPoll({ caseId, resultsVisibility: 'always', ...overrides });
  await castBallot(id, ['a']);
  await closePoll(id);
  return { id, caseId };
}

describe('a closed poll about a decided case (issue 17): what was decided, fi/sv/en, axe-clean', () => {
  it.each(LANGS)('(%s) the newest decision: organ, date, §, its title as the link to it, outcome and the plain-language summary', async (lang) => {
    const { id, caseId } = await closedPollOnCase();
    // Tabled first, decided at the next meeting: the later one is shown.
    await decideCase(caseId, { meeting: { date: '2026-09-01' }, section: '3', outcome: 'tabled', title: { fi: 'Pöydälle pantu asia' } });
    const decided = await decideCase(caseId, {
      meeting: { date: '2026-10-28' },
      section: '45',
      outcome: 'passed_amended',
      title: { fi: 'Pyöräteiden talvikunnossapito', sv: 'Vinterunderhåll av cykelvägar', en: 'Winter maintenance of cycle paths' },
      // In Finnish only: a Swedish or English page shows it marked as Finnish.
      plainSummary: { fi: 'Pyörätiet aurataan ensin aamulla.' },
    });
    const el = await mountPoll(id, { lang });
    await settled(el);
    await expect.poll(() => shadow(el).querySelector('.decided')).toBeTruthy();
    const block = shadow(el).querySelector<HTMLElement>('.decided')!;
    const heading = block.querySelector('[role="heading"]')!;
    expect(heading.textContent).toBe(DECIDED[lang]);
    expect(heading.getAttribute('aria-level')).toBe('3');
    const organ = block.querySelector('.meta span')!;
    expect(organ.textContent).toBe(decided.organ.name[lang]);
    expect(block.querySelector('time')?.getAttribute('datetime')).toBe('2026-10-28');
    expect(block.querySelector('time')?.textContent).toBe(formatDate('2026-10-28T12:00:00Z', lang, 'medium'));
    expect(block.querySelector('.meta')?.textContent).toContain('§ 45');
    expect(block.querySelector('.decided-title')?.textContent).toBe(decided.title[lang]);
    expect(block.querySelector('.decided-outcome')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      { fi: 'Päätös: Hyväksytty muutettuna', sv: 'Beslut: Godkänt med ändringar', en: 'Decision: Passed as amended' }[lang],
    );
    const summary = block.querySelector('.decided-summary')!;
    expect(summary.textContent).toBe('Pyörätiet aurataan ensin aamulla.');
    expect(summary.getAttribute('lang')).toBe('fi');
    // The title is the link to the decision: its name says where it goes.
    const links = [...block.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((link) => [link.textContent, link.href])).toEqual([[decided.title[lang], decided.sourceUrl]]);
    // Decided: no offer of an email, and nothing of the earlier (tabled) decision.
    expect(emailField(el)).toBeNull();
    expect(caseText(el)).not.toContain('Pöydälle pantu asia');
    expect(new LanguageWords([BASE_POLL, decided]).mismatches(el.parentElement!)).toEqual([]);
    await expectAccessible(el);
  });

  it('a poll without a case asks for none', async () => {
    const id = await createPoll({ resultsVisibility: 'always' });
    await castBallot(id, ['b']);
    await closePoll(id);
    const el = await mountPoll(id, { lang: 'fi' });
    await settled(el);
    await expect.poll(() => textOf(el)).toContain('Tulokset');
    expect(caseBox(el)).toBeNull();
  });
});

describe('a poll about a case with no decision yet: "no decision yet" and one email when it is decided', () => {
  it.each(LANGS)('closed (%s): says so, and offers the email in a labelled field that says what is done with the address', async (lang) => {
    const { id, caseId } = await closedPollOnCase();
    const el = await mountPoll(id, { lang });
    await settled(el);
    await expect.poll(() => emailField(el)).toBeTruthy();
    expect(caseBox(el)!.querySelector('[role="heading"]')?.textContent).toBe(DECIDED[lang]);
    expect(caseText(el)).toContain(NO_DECISION[lang]);
    expect(caseText(el)).toContain(caseId);
    const field = emailField(el)!;
    expect(shadow(el).querySelector(`label[for="${field.id}"]`)?.textContent).toBe({ fi: 'Sähköpostiosoitteesi', sv: 'Din e-postadress', en: 'Your email address' }[lang]);
    expect(field.closest('fieldset')?.querySelector('legend')?.textContent).toBe(
      { fi: 'Lähetä minulle kerran sähköposti, kun asiasta on päätetty', sv: 'Skicka mig ett e-postmeddelande när ärendet har avgjorts', en: 'Email me once when this is decided' }[lang],
    );
    expect(field.autocomplete).toBe('email');
    const note = shadow(el).getElementById(field.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toMatch({ fi: /poistamme sitten osoitteesi/, sv: /raderar sedan din adress/, en: /then delete your address/ }[lang]);
    await expectAccessible(el);
  });

  it('after voting on an open poll, by keyboard alone: Tab to the field, type, Enter; the address is kept until a date, said where the focus goes', async () => {
    const caseId = newCaseId();
    const id = await createPoll({ caseId, resultsVisibility: 'always' });
    const el = await mountPoll(id, { lang: 'en' });
    await settled(el);
    shadow(el).querySelector<HTMLInputElement>('input[value="a"]')!.click();
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await expect.poll(() => emailField(el)).toBeTruthy();
    expect(caseText(el)).toContain(`No decision yet on case ${caseId}.`);
    // The receipt's copy button comes just before the offer.
    shadow(el).querySelector<HTMLButtonElement>('.receipt button')!.focus();
    await userEvent.tab();
    expect(deepActiveElement()).toBe(emailField(el));
    await userEvent.keyboard('maija@example.fi');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shadow(el).querySelector('.mail-done')).toBeTruthy();
    const done = shadow(el).querySelector<HTMLElement>('.mail-done')!;
    expect(done.textContent).toMatch(/^Thank you\. We will email you once when this is decided, then delete your address, by \d{1,2} \w+ \d{4} at the latest\.$/);
    expect(deepActiveElement()).toBe(done);
    expect(emailField(el)).toBeNull();
    expect(await waitingOn(caseId)).toBe(1);
    await expectAccessible(el);
  });

  it('a device that asked for the email is shown the decision once published, not the browser\'s earlier copy of the case', async () => {
    const { id, caseId } = await closedPollOnCase();
    const el = await mountPoll(id, { lang: 'sv' });
    await settled(el);
    await expect.poll(() => emailField(el)).toBeTruthy();
    emailField(el)!.focus();
    await userEvent.keyboard('maija@example.fi{Enter}');
    await expect.poll(() => shadow(el).querySelector('.mail-done')).toBeTruthy();
    const decided = await decideCase(caseId);
    // The resident comes back to the page: the poll is put on it again.
    document.body.replaceChildren();
    const again = await mountPoll(id, { lang: 'sv' });
    await settled(again);
    await expect.poll(() => shadow(again).querySelector('.decided-title')?.textContent).toBe(decided.title.sv);
    expect(emailField(again)).toBeNull();
    await expectAccessible(again);
  });

  it.each(LANGS)('a refused address (%s): the error is tied to the field, read out, and the field takes the focus', async (lang) => {
    const { id } = await closedPollOnCase();
    const el = await mountPoll(id, { lang });
    await settled(el);
    await expect.poll(() => emailField(el)).toBeTruthy();
    const field = emailField(el)!;
    field.focus();
    await userEvent.keyboard('maija.example.fi');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const [note, error] = field.getAttribute('aria-describedby')!.split(' ');
    expect(shadow(el).getElementById(note!)?.classList.contains('hint')).toBe(true);
    expect(shadow(el).getElementById(error!)?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      { fi: 'Virhe: Kirjoita sähköpostiosoite, esimerkiksi maija@example.fi.', sv: 'Fel: Skriv en e-postadress, till exempel maija@example.fi.', en: 'Error: Enter an email address, for example maija@example.fi.' }[lang],
    );
    expect(shadow(el).getElementById(error!)?.closest('[role="alert"]')).toBeTruthy();
    expect(deepActiveElement()).toBe(field);
    expect(shadow(el).querySelector('.mail-done')).toBeNull();
    await expectAccessible(el);
  });

  it('decided meanwhile: the server says so, the decision is fetched again and takes the focus', async () => {
    const { id, caseId } = await closedPollOnCase();
    const el = await mountPoll(id, { lang: 'fi' });
    await settled(el);
    await expect.poll(() => emailField(el)).toBeTruthy();
    const decided = await decideCase(caseId, { section: '12' });
    emailField(el)!.focus();
    await userEvent.keyboard('maija@example.fi{Enter}');
    await expect.poll(() => shadow(el).querySelector('.decided')).toBeTruthy();
    expect(shadow(el).querySelector('.decided-title')?.textContent).toBe(decided.title.fi);
    expect(deepActiveElement()).toBe(shadow(el).querySelector('.decided [role="heading"]'));
    expect(emailField(el)).toBeNull();
    await expectAccessible(el);
  });

  it('fits a 320 px wide screen: the field and its button, nothing sideways', async () => {
    await page.viewport(320, 640);
    try {
      const { id } = await closedPollOnCase();
      const el = await mountPoll(id, { lang: 'sv' });
      await settled(el);
      await expect.poll(() => emailField(el)).toBeTruthy();
      expectNoSidewaysScroll(el);
    } finally {
      await page.viewport(1024, 768);
    }
  });
});
