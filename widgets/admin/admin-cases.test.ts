import { commands, page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../worker/schema/roles.ts';
import { expectAccessible, labelledName } from '../../test/support/a11y.ts';
import { resetConsole, signedInView, typeInto } from '../../test/support/console.ts';
import { decision, testOrgan } from '../../test/support/decisions.ts';
import { BASE_FORM, createForm } from '../../test/support/forms.ts';
import { LanguageWords } from '../../test/support/languages.ts';
import { BASE_POLL, SITE, createPoll, officialFetch } from '../../test/support/polls.ts';
import { expectNoSidewaysScroll } from '../../test/support/reflow.ts';
import { SETTINGS_SITE } from '../../test/support/test-sites.ts';
import './admin-cases.ts';

afterEach(async () => {
  await commands.setApiReachable(true);
  resetConsole();
});

let counter = 0;
/** A case number of this test's own, as officials write them. */
const newCase = () => `KOI/${(Date.now() % 100_000) + counter++}/12.00.01/2026`;

const pollOf = async (id: string) => (await (await officialFetch(`/polls/${id}`)).json()) as { caseId: string | null };
const formOf = async (id: string) => (await (await officialFetch(`/forms/${id}`)).json()) as { caseId: string | null };
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** What is seen of it: hidden text (a link's hidden verb) left out, blocks apart. */
const seen = (node: Element | null | undefined) => (node as HTMLElement | null | undefined)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
const save = (editor: ShadowRoot) => editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
const vocabulary = new LanguageWords([BASE_POLL, BASE_FORM]);

/** Empties a text field as a person would: select all, delete. */
async function empty(root: ShadowRoot, selector: string) {
  root.querySelector<HTMLInputElement>(selector)!.focus();
  await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
}

/** The poll's editor, opened from its row's menu in the polls view; focus on its heading. */
async function openPollEditor(shadow: ShadowRoot, id: string) {
  await expect.poll(() => shadow.querySelector(`.menu[data-menu-of="${id}"] button[data-action="edit"]`)).toBeTruthy();
  shadow.querySelector<HTMLButtonElement>(`.menu[data-menu-of="${id}"] button[data-action="edit"]`)!.click();
  await expect.poll(() => shadow.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
  return shadow.querySelector('osallistu-admin-poll-editor')!.shadowRoot!;
}

async function openFormEditor(shadow: ShadowRoot, id: string) {
  await expect.poll(() => shadow.querySelector(`button[data-edit="${id}"]`)).toBeTruthy();
  shadow.querySelector<HTMLButtonElement>(`button[data-edit="${id}"]`)!.click();
  await expect.poll(() => shadow.querySelector('osallistu-admin-form-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
  return shadow.querySelector('osallistu-admin-form-editor')!.shadowRoot!;
}

/** The row of case `caseId` in the view, once listed. */
const rowOf = (shadow: ShadowRoot, caseId: string) => [...shadow.querySelectorAll('tbody tr')].find((tr) => tr.getAttribute('data-case') === caseId);

/** A case residents were asked about: an open poll and an open form on it, a feedback sent through the form, a resident waiting for the email. */
async function askedCase() {
  const caseId = newCase();
  const poll = await createPoll({ caseId });
  const form = await createForm({ caseId });
  const sent = await fetch(`/api/v1/sites/${SITE}/forms/${form}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers: { message: 'Hyvä, että tästä kysytään.', topic: 'parks' } }),
  });
  expect(sent.status).toBe(201);
  // One email per resident when it is decided. Other files ask for it too, from this same browser: a
  // refusal for asking too often (429) is waited out, the request asked again.
  const subscribe = () =>
    fetch(`/api/v1/sites/${SITE}/cases/subscriptions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ caseId, email: `asukas-${counter++}@example.fi`, lang: 'fi' }) });
  await expect.poll(async () => (await subscribe()).status, { timeout: 70_000, interval: 5_000 }).toBe(202);
  return { caseId, poll, form };
}

/** The view on its own, as the console renders it: on `site` with `token`, for an official of `role`. */
async function mount(options: { lang?: string; site?: string; token?: string; role?: Role } = {}) {
  const main = document.createElement('main');
  main.lang = options.lang ?? 'fi';
  const el = document.createElement('osallistu-admin-cases');
  el.setAttribute('site', options.site ?? SITE);
  el.setAttribute('api', location.origin);
  el.token = options.token ?? inject('devServer').token;
  el.official = { tokenId: 'x', label: 'Testi', labelLang: 'fi', role: options.role ?? 'owner', site: options.site ?? SITE };
  main.append(el);
  document.body.append(main);
  await expect.poll(() => el.shadowRoot?.querySelector('h2')).toBeTruthy();
  return { el, shadow: el.shadowRoot! };
}

describe('linking a poll or a form to a case (diary) number', () => {
  it('the poll editor saves the case number, shows it again, and an emptied field unlinks the poll', async () => {
    const caseId = newCase();
    const id = await createPoll();
    const { el, shadow } = await signedInView('osallistu-admin-polls', 'polls');
    const editor = await openPollEditor(shadow, id);
    const input = editor.querySelector<HTMLInputElement>('#case-id')!;
    expect(text(editor.querySelector('label[for="case-id"]'))).toBe('Diaarinumero');
    expect(input.value).toBe('');
    // Its help is read with it: what linking does, and that empty is no link.
    const help = editor.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(text(help)).toContain('Kun samalla diaarinumerolla julkaistaan päätös, suljettu kysely näyttää asukkaille, mitä päätettiin.');
    expect(text(help)).toContain('Tyhjä: kyselyä ei ole liitetty asiaan.');

    await typeInto(editor, '#case-id', caseId);
    await expectAccessible(el);
    save(editor);
    await expect.poll(() => text(shadow.querySelector('[role="status"]'))).toBe('Kysely ”Mikä on tärkeintä?” tallennettiin.');
    expect((await pollOf(id)).caseId).toBe(caseId);
    // Focus is back on the poll's row once the list has been read again.
    await expect.poll(() => shadow.activeElement?.getAttribute('data-menu')).toBe(id);

    const again = await openPollEditor(shadow, id);
    expect(again.querySelector<HTMLInputElement>('#case-id')!.value).toBe(caseId);
    await empty(again, '#case-id');
    save(again);
    await expect.poll(async () => (await pollOf(id)).caseId).toBeNull();
  });

  it('a case number too long for a poll is refused at the field, in the console\'s words, and nothing is saved', async () => {
    const id = await createPoll();
    const { el, shadow } = await signedInView('osallistu-admin-polls', 'polls', { lang: 'sv' });
    const editor = await openPollEditor(shadow, id);
    expect(text(editor.querySelector('label[for="case-id"]'))).toBe('Diarienummer');
    // Past the input's own limit only by script, as a paste into an older browser might.
    const input = editor.querySelector<HTMLInputElement>('#case-id')!;
    input.value = `KOI/${'1'.repeat(110)}`;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    save(editor);
    await expect.poll(() => editor.querySelector('#caseId-error')?.textContent).toBe('För lång eller för många.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('case-id-help caseId-error');
    await expectAccessible(el);
    expect((await pollOf(id)).caseId).toBeNull();
  });

  it('the form editor saves the case number, shows it again, and an emptied field unlinks the form', async () => {
    const caseId = newCase();
    const id = await createForm();
    const { el, shadow } = await signedInView('osallistu-admin-forms', 'forms', { lang: 'en' });
    const editor = await openFormEditor(shadow, id);
    expect(text(editor.querySelector('label[for="case-id"]'))).toBe('Case number');
    const input = editor.querySelector<HTMLInputElement>('#case-id')!;
    expect(text(editor.getElementById(input.getAttribute('aria-describedby')!))).toContain('Feedback sent with the form is counted on the case');
    await typeInto(editor, '#case-id', caseId);
    await expectAccessible(el);
    save(editor);
    await expect.poll(() => text(shadow.querySelector('[role="status"]'))).toBe('The form "Give feedback" was saved.');
    expect((await formOf(id)).caseId).toBe(caseId);
    await expect.poll(() => shadow.activeElement?.getAttribute('data-edit')).toBe(id);

    const again = await openFormEditor(shadow, id);
    expect(again.querySelector<HTMLInputElement>('#case-id')!.value).toBe(caseId);
    await empty(again, '#case-id');
    save(again);
    await expect.poll(async () => (await formOf(id)).caseId).toBeNull();
  });
});

describe('<osallistu-admin-cases>: the cases awaiting a decision', () => {
  it('lists a case with its poll, form, feedback and waiting residents; the poll opens in its editor by keyboard; once decided the case leaves the list', async () => {
    const { caseId, poll, form } = await askedCase();
    const { el, view, shadow } = await signedInView('osallistu-admin-cases', 'cases');
    expect(text(el.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe('Odottaa päätöstä');
    expect(text(shadow.querySelector('h2'))).toBe('Asiat, jotka odottavat päätöstä');
    await expect.poll(() => rowOf(shadow, caseId)).toBeTruthy();
    const row = rowOf(shadow, caseId)!;

    expect([...shadow.querySelectorAll('thead th')].map(text)).toEqual(['Diaarinumero', 'Kyselyt', 'Palautelomakkeet', 'Palautteita', 'Odottaa sähköpostia']);
    expect(text(row.querySelector('th[scope="row"]'))).toBe(caseId);
    const cells = [...row.querySelectorAll('td')];
    // The poll: its question, its status as a word, its answers as a number in words.
    expect(seen(cells[0])).toBe('Mikä on tärkeintä? Avoinna 0 vastausta');
    const pollLink = cells[0]!.querySelector<HTMLAnchorElement>(`li[data-poll="${poll}"] a`)!;
    expect(pollLink.getAttribute('href')).toBe(`#polls/${poll}`);
    expect(labelledName(pollLink)).toBe('Muokkaa kyselyä: Mikä on tärkeintä?');
    expect(seen(cells[1])).toBe('Anna palautetta Avoinna');
    expect(labelledName(cells[1]!.querySelector(`li[data-form="${form}"] a`)!)).toBe('Muokkaa lomaketta: Anna palautetta');
    expect(cells.slice(2).map(text)).toEqual(['1', '1']);
    // On a phone each cell says what it is.
    expect(cells.map((td) => td.dataset.label)).toEqual(['Kyselyt', 'Palautelomakkeet', 'Palautteita', 'Odottaa sähköpostia']);
    await expectAccessible(el);
    expect(vocabulary.mismatches(el)).toEqual([]);

    // Enter on the poll's link opens the polls view with the poll's editor, focus on its heading, the case number in it.
    pollLink.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => location.hash).toBe(`#polls/${poll}`);
    const polls = () => el.shadowRoot!.querySelector('osallistu-admin-polls')?.shadowRoot;
    await expect.poll(() => polls()?.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
    const editor = polls()!.querySelector('osallistu-admin-poll-editor')!.shadowRoot!;
    expect(text(editor.querySelector('#editor-heading'))).toBe(`Muokkaa kyselyä ${poll}`);
    expect(editor.querySelector<HTMLInputElement>('#case-id')!.value).toBe(caseId);
    expect(text(el.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe('Kyselyt');

    // Back to the cases: a decision on the case is published, and once the list is read again the case is gone.
    location.hash = '#cases';
    await expect.poll(() => el.shadowRoot!.querySelector('osallistu-admin-cases')?.shadowRoot?.querySelector('tbody')).toBeTruthy();
    const cases = el.shadowRoot!.querySelector('osallistu-admin-cases')!.shadowRoot!;
    expect(view.isConnected).toBe(false);
    await expect.poll(() => rowOf(cases, caseId)).toBeTruthy();
    const organ = testOrgan();
    const published = await officialFetch('/decisions', { method: 'POST', body: JSON.stringify(decision(organ, 0, { caseId, title: { fi: 'Puistosuunnitelman hyväksyminen' } })) });
    expect(published.status).toBe(201);
    // Still listed until the list is read again: nothing changes under the official's eyes.
    expect(rowOf(cases, caseId)).toBeTruthy();
    cases.querySelector<HTMLButtonElement>('#refresh')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => text(cases.querySelector('[role="status"]'))).toMatch(/^Lista päivitettiin[.:] /);
    expect(rowOf(cases, caseId)).toBeUndefined();
    expect(cases.querySelector('.cases')!.getAttribute('aria-busy')).toBe('false');
  }, 120_000);

  it('in Swedish and English: accessible, every word in the language of its part; a form linked to a case shows without a poll', async () => {
    const caseId = newCase();
    const form = await createForm({ caseId });
    for (const lang of ['sv', 'en'] as const) {
      const { el, shadow } = await mount({ lang });
      await expect.poll(() => rowOf(shadow, caseId)).toBeTruthy();
      const row = rowOf(shadow, caseId)!;
      const cells = [...row.querySelectorAll('td')];
      if (lang === 'sv') {
        expect(text(shadow.querySelector('h2'))).toBe('Ärenden som väntar på beslut');
        expect([...shadow.querySelectorAll('thead th')].map(text)).toEqual(['Diarienummer', 'Enkäter', 'Responsformulär', 'Respons', 'Väntar på e-post']);
        expect(seen(cells[1])).toBe('Ge respons Öppen');
        expect(labelledName(cells[1]!.querySelector(`li[data-form="${form}"] a`)!)).toBe('Redigera formuläret: Ge respons');
      } else {
        expect(text(shadow.querySelector('h2'))).toBe('Cases awaiting a decision');
        expect(seen(cells[1])).toBe('Give feedback Open');
      }
      expect(text(cells[0])).toBe('–');
      expect(cells.slice(2).map(text)).toEqual(['0', '0']);
      await expectAccessible(el);
      expect(vocabulary.mismatches(el)).toEqual([]);
      resetConsole();
    }
  });

  it('fits 320 px: each case a card, every value under its column\'s name, nothing sideways, even a long case number and question', async () => {
    const long = 'Liikenneturvallisuussuunnitelmanvalmisteluryhmänkokoonpano';
    const caseId = `KOI/${Date.now()}${counter++}/12.00.01.00.00.00/2026/${'9'.repeat(20)}`.slice(0, 60);
    const poll = await createPoll({ caseId, question: { fi: `${long} ja ${long}?` } });
    await page.viewport(320, 640);
    try {
      const { el, shadow } = await mount();
      await expect.poll(() => rowOf(shadow, caseId)).toBeTruthy();
      const row = rowOf(shadow, caseId)!;
      expect(getComputedStyle(row).display).toBe('block');
      expect(row.querySelector<HTMLElement>(`li[data-poll="${poll}"]`)!.closest('td')!.dataset.label).toBe('Kyselyt');
      expectNoSidewaysScroll(el);
      await expectAccessible(el);
    } finally {
      await page.viewport(1024, 768);
    }
  });

  it('a viewer sees the same list: a poll links to its results, a form is named without a link (viewers have no forms view)', async () => {
    const caseId = newCase();
    const poll = await createPoll({ caseId, resultsVisibility: 'always' });
    const form = await createForm({ caseId });
    const created = await officialFetch('/tokens', { method: 'POST', body: JSON.stringify({ label: `Katselija ${Date.now()}`, role: 'viewer' }) });
    const { token } = (await created.json()) as { token: string };
    const { el, shadow } = await signedInView('osallistu-admin-cases', 'cases', { token });
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map(text)).toEqual(['Kyselyt', 'Odottaa päätöstä', 'Upotuskoodit']);
    await expect.poll(() => rowOf(shadow, caseId)).toBeTruthy();
    const row = rowOf(shadow, caseId)!;
    expect(row.querySelector(`li[data-form="${form}"] a`)).toBeNull();
    expect(seen(row.querySelector(`li[data-form="${form}"]`))).toBe('Anna palautetta Avoinna');
    const link = row.querySelector<HTMLAnchorElement>(`li[data-poll="${poll}"] a`)!;
    expect(labelledName(link)).toBe('Kyselyn tulokset: Mikä on tärkeintä?');
    await expectAccessible(el);
    link.focus();
    await userEvent.keyboard('{Enter}');
    const polls = () => el.shadowRoot!.querySelector('osallistu-admin-polls')?.shadowRoot;
    await expect.poll(() => polls()?.activeElement?.id).toBe('results-heading');
    expect(text(polls()!.querySelector('#results-heading'))).toBe('Tulokset: Mikä on tärkeintä?');
    expect(polls()!.querySelector('osallistu-admin-poll-editor')).toBeNull();
  });

  it('says so when every case residents were asked about has a decision', async () => {
    const { el, shadow } = await mount({ site: SETTINGS_SITE.id, token: inject('devServer').settingsToken });
    await expect.poll(() => seen(shadow.querySelector('.cases'))).toBe('Kaikista asioista, joista asukkailta on kysytty, on julkaistu päätös. Kysely tai palautelomake liitetään asiaan antamalla sille diaarinumero sen muokkausnäkymässä.');
    expect(shadow.querySelector('table')).toBeNull();
    await expectAccessible(el);
    // Read again on request, and said so, so that a screen reader hears the outcome.
    shadow.querySelector<HTMLButtonElement>('#refresh')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => text(shadow.querySelector('[role="status"]'))).toBe('Lista päivitettiin. Kaikista asioista on julkaistu päätös.');
  });

  it('shows a loading state, then an error with a retry that works once the API is back', async () => {
    const caseId = newCase();
    await createPoll({ caseId });
    await commands.setApiReachable(false);
    const { el, shadow } = await mount();
    expect(text(shadow.querySelector('.cases'))).toBe('Ladataan…');
    expect(shadow.querySelector('.cases')!.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => text(shadow.querySelector('.cases [role="alert"]')), { timeout: 20_000 }).toBe('Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.');
    await expectAccessible(el);
    await commands.setApiReachable(true);
    shadow.querySelector<HTMLButtonElement>('#retry')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => rowOf(shadow, caseId)).toBeTruthy();
    expect(shadow.querySelector('[role="alert"]')).toBeNull();
  }, 40_000);
});
