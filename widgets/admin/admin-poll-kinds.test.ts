import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { resetConsole, signedInView, typeInto } from '../../test/support/console.ts';
import { SITE, createPoll, officialFetch } from '../../test/support/polls.ts';
import type { PollView } from '../../worker/schema/polls.ts';

afterEach(resetConsole);

type Stored = PollView & { options: { id: string; cost?: number; area?: string; description?: Record<string, string>; image?: string; imageAlt?: Record<string, string> }[] };
const pollOf = async (id: string) => (await (await officialFetch(`/polls/${id}`)).json()) as Stored;
const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Replaces what `selector` holds by `text`, typed. */
async function retype(root: ShadowRoot, selector: string, text: string) {
  await typeInto(root, selector, '{Control>}a{/Control}{Backspace}');
  await userEvent.keyboard(text);
}

/** The polls view with a new poll's editor open, focus on its heading. */
async function openNewEditor(lang = 'fi') {
  const polls = await signedInView('osallistu-admin-polls', 'polls', { lang });
  await expect.poll(() => polls.shadow.querySelector('#new-poll')).toBeTruthy();
  polls.shadow.querySelector<HTMLButtonElement>('#new-poll')!.click();
  await expect.poll(() => polls.shadow.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
  return { ...polls, editor: polls.shadow.querySelector('osallistu-admin-poll-editor')!.shadowRoot! };
}

/** The kind chosen from the select by keyboard: `keys` pressed on it (End is the last kind, the conversation; the budget is just above it). */
async function chooseKind(editor: ShadowRoot, keys: string, kind: string) {
  await typeInto(editor, '#kind', keys);
  await expect.poll(() => editor.querySelector<HTMLSelectElement>('#kind')!.value).toBe(kind);
}

const save = (editor: ShadowRoot) => editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
/** The area project `j` is in, as its select shows it. */
const areaOf = (root: ShadowRoot, j: number) => root.querySelector<HTMLSelectElement>(`#project-${j}-area`)!.selectedOptions[0]?.textContent;
const labelOf = (root: ShadowRoot, id: string) => squeeze(root.querySelector(`label[for="${id}"]`)?.textContent);

async function vote(id: string, choices: string[]) {
  const response = await fetch(`/api/v1/sites/${SITE}/polls/${id}/ballots`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Voter-Token': `voter-${crypto.randomUUID()}` },
    body: JSON.stringify({ choices }),
  });
  expect(response.status).toBe(201);
}

/** The polls view with `id`'s results opened. */
async function openResults(id: string, lang = 'fi') {
  const polls = await signedInView('osallistu-admin-polls', 'polls', { lang });
  await expect.poll(() => polls.shadow.querySelector(`button[data-results="${id}"]`)).toBeTruthy();
  polls.shadow.querySelector<HTMLButtonElement>(`button[data-results="${id}"]`)!.click();
  await expect.poll(() => polls.shadow.activeElement?.id).toBe('results-heading');
  return { ...polls, section: polls.shadow.querySelector('section.results')! };
}

const rowsOf = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => squeeze(c.textContent)));

describe('<osallistu-admin-poll-editor>: a participatory budget', () => {
  it('is built by keyboard with two areas; a cost over its area\'s budget is refused at that project\'s cost; fixed, the costs and areas are stored and survive an edit', async () => {
    const { el, shadow, editor } = await openNewEditor();
    const id = `budjetti-${Date.now()}`;
    await typeInto(editor, '#poll-id', id);
    await chooseKind(editor, '{End}{ArrowUp}', 'budget');
    await typeInto(editor, '#question-fi', 'Mihin käytetään lähiörahat?');

    // Areas: the checkbox by Space; the first area is there to name, the second added by Enter.
    await typeInto(editor, '#has-areas', ' ');
    await expect.poll(() => editor.querySelector('#area-0-fi')).toBeTruthy();
    expect(editor.querySelector('#budget-cap')).toBeNull();
    await retype(editor, '#area-0-id', 'pohjoinen');
    await typeInto(editor, '#area-0-fi', 'Pohjoinen');
    await typeInto(editor, '#area-0-sv', 'Norra');
    await typeInto(editor, '#area-0-en', 'North');
    await typeInto(editor, '#area-0-cap', '100000');
    await typeInto(editor, '#area-add', '{Enter}');
    await expect.poll(() => editor.activeElement?.id).toBe('area-1-fi');
    await userEvent.keyboard('Etelä');
    await retype(editor, '#area-1-id', 'etela');
    await typeInto(editor, '#area-1-cap', '80000');
    await typeInto(editor, '#area-1-min', '10000');

    // Projects: the first in the first area (where projects start), the second moved to the south.
    await typeInto(editor, '#project-0-fi', 'Puiston valaistus');
    await typeInto(editor, '#project-0-sv', 'Parkbelysning');
    await typeInto(editor, '#project-0-en', 'Park lighting');
    await typeInto(editor, '#project-0-cost', '150000');
    await typeInto(editor, '#project-0-description-fi', 'Valot Koivupuistoon.');
    // Still in the first area, whose id was retyped since.
    expect(areaOf(editor, 0)).toBe('Pohjoinen');
    await typeInto(editor, '#project-1-fi', 'Penkit rantaan');
    await typeInto(editor, '#project-1-cost', '20000');
    await typeInto(editor, '#project-1-area', '{End}');
    await expect.poll(() => areaOf(editor, 1)).toBe('Etelä');
    // An image: the privacy hint is at the field, and what the image shows is asked in each language.
    expect(editor.querySelector('#project-1-alt-fi')).toBeNull();
    await typeInto(editor, '#project-1-image', 'https://www.koivulahti.fi/kuvat/penkit.jpg');
    expect(editor.querySelector('#project-1-image')!.getAttribute('aria-describedby')).toBe('project-1-image-help');
    expect(editor.querySelector('#project-1-image-help')!.textContent).toMatch(/sivuston omassa osoitteessa/);
    await typeInto(editor, '#project-1-alt-fi', 'Puinen penkki rannalla');

    // The preview gets the whole poll: costs, areas and all.
    const preview = editor.querySelector<HTMLElement & { preview?: PollView }>('.preview osallistu-poll')!;
    await expect.poll(() => preview.preview?.options.map((o) => [o.id, o.cost, o.area])).toEqual([
      ['a', 150000, 'pohjoinen'],
      ['b', 20000, 'etela'],
    ]);
    expect(preview.preview!.kind).toBe('budget');
    expect(preview.preview!.budget).toEqual({
      areas: [
        { id: 'pohjoinen', label: { fi: 'Pohjoinen', sv: 'Norra', en: 'North' }, cap: 100000 },
        { id: 'etela', label: { fi: 'Etelä' }, cap: 80000, minSpend: 10000 },
      ],
    });

    // What is missing in a language covers descriptions, images and areas.
    const missing = squeeze(editor.querySelector('.notice-box')!.textContent);
    for (const line of ['Hankkeen 1 kuvaus puuttuu kielellä ruotsi.', 'Hanke 2 puuttuu kielellä englanti.', 'Hankkeen 2 kuvan kuvaus puuttuu kielellä ruotsi.', 'Alue 2 puuttuu kielellä englanti.']) {
      expect(missing).toContain(line);
    }
    expect(missing).not.toContain('Hankkeen 2 kuvaus');
    await expectAccessible(el);

    save(editor);
    await expect.poll(() => editor.activeElement?.getAttribute('role')).toBe('alert');
    const cost = editor.querySelector<HTMLInputElement>('#project-0-cost')!;
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    const message = editor.getElementById(cost.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toMatch(/more than the area's budget \(100000 €\)/);
    // At that project's cost, inside its row, in the server's words marked as English; nowhere else.
    expect(message.closest('.option-row')).toBe(editor.querySelector('#project-0-fi')!.closest('.option-row'));
    expect(message.querySelector('[lang="en"]')).toBeTruthy();
    expect([...editor.querySelectorAll('.error')].filter((e) => /area's budget/.test(e.textContent!))).toHaveLength(1);
    expect(editor.querySelector('#project-1-cost')!.hasAttribute('aria-invalid')).toBe(false);
    expect((await officialFetch(`/polls/${id}`)).status).toBe(404);
    await expectAccessible(el);

    await retype(editor, '#project-0-cost', '90000');
    save(editor);
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe('Kysely ”Mihin käytetään lähiörahat?” tallennettiin.');
    const stored = await pollOf(id);
    expect(stored.kind).toBe('budget');
    expect(stored.budget).toEqual({
      areas: [
        { id: 'pohjoinen', label: { fi: 'Pohjoinen', sv: 'Norra', en: 'North' }, cap: 100000 },
        { id: 'etela', label: { fi: 'Etelä' }, cap: 80000, minSpend: 10000 },
      ],
    });
    expect(stored.options).toEqual([
      { id: 'a', label: { fi: 'Puiston valaistus', sv: 'Parkbelysning', en: 'Park lighting' }, cost: 90000, area: 'pohjoinen', description: { fi: 'Valot Koivupuistoon.' } },
      { id: 'b', label: { fi: 'Penkit rantaan' }, cost: 20000, area: 'etela', image: 'https://www.koivulahti.fi/kuvat/penkit.jpg', imageAlt: { fi: 'Puinen penkki rannalla' } },
    ]);

    // Edited again: every project field is in the form, and a save of other texts keeps them.
    await expect.poll(() => shadow.activeElement?.id).toBe('new-poll');
    shadow.querySelector<HTMLButtonElement>(`.menu[data-menu-of="${id}"] button[data-action="edit"]`)!.click();
    await expect.poll(() => shadow.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
    const again = shadow.querySelector('osallistu-admin-poll-editor')!.shadowRoot!;
    expect(again.querySelector<HTMLInputElement>('#project-0-cost')!.value).toBe('90000');
    expect(areaOf(again, 1)).toBe('Etelä');
    expect(again.querySelector<HTMLInputElement>('#has-areas')!.checked).toBe(true);
    expect(again.querySelector<HTMLInputElement>('#area-1-min')!.value).toBe('10000');
    await typeInto(again, '#project-0-description-sv', 'Lampor i Björkparken.');
    await typeInto(again, '#area-1-en', 'South');
    await expectAccessible(el);
    save(again);
    await expect.poll(async () => (await pollOf(id)).options[0]!.description).toEqual({ fi: 'Valot Koivupuistoon.', sv: 'Lampor i Björkparken.' });
    const edited = await pollOf(id);
    expect(edited.options.map((o) => [o.cost, o.area, o.image])).toEqual([
      [90000, 'pohjoinen', undefined],
      [20000, 'etela', 'https://www.koivulahti.fi/kuvat/penkit.jpg'],
    ]);
    expect(edited.budget!.areas!.map((a) => [a.id, a.cap, a.label.en])).toEqual([
      ['pohjoinen', 100000, 'North'],
      ['etela', 80000, 'South'],
    ]);
  }, 60_000); // a whole budget typed key by key, saved twice: well within a minute, but past the default 15 s on a loaded 2-core machine

  it('a budget without areas: one cap, the most projects per answer; an empty cap is refused at the cap', async () => {
    const { el, shadow, editor } = await openNewEditor('en');
    const id = `budget-${Date.now()}`;
    await typeInto(editor, '#poll-id', id);
    await chooseKind(editor, '{End}{ArrowUp}', 'budget');
    expect(labelOf(editor, 'kind')).toBe('Type');
    expect(editor.querySelector('#kind option[value="budget"]')!.textContent).toBe('Participatory budget');
    await typeInto(editor, '#question-fi', 'Mihin 50 000 euroa?');
    await typeInto(editor, '#project-0-fi', 'Kirjastoauto');
    await typeInto(editor, '#project-0-cost', '30000');
    await typeInto(editor, '#project-1-fi', 'Koirapuisto');
    await typeInto(editor, '#project-1-cost', '25000');
    await typeInto(editor, '#budget-max-projects', '1');
    // No area select without areas.
    expect(editor.querySelector('#project-0-area')).toBeNull();
    save(editor);
    await expect.poll(() => editor.querySelector('#budget-cap')?.getAttribute('aria-invalid')).toBe('true');
    expect(editor.getElementById(editor.querySelector('#budget-cap')!.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toMatch(/Give the budget's "cap"/);
    await expectAccessible(el);
    await typeInto(editor, '#budget-cap', '50000');
    save(editor);
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe('The poll "Mihin 50 000 euroa?" was saved.');
    const stored = await pollOf(id);
    expect(stored.budget).toEqual({ cap: 50000, maxProjects: 1 });
    expect(stored.options.map((o) => [o.label.fi, o.cost, o.area])).toEqual([
      ['Kirjastoauto', 30000, undefined],
      ['Koirapuisto', 25000, undefined],
    ]);
  });

  it.each([
    ['fi', 'Osallistuva budjetointi', 'Budjetti (€)', 'Budjetilla on alueet', 'Hanke 1: kustannus (€)', 'Hanke 1: kuvan osoite (https, vapaaehtoinen)', 'Järjestykseen enintään näin monta vaihtoehtoa'],
    ['sv', 'Medborgarbudget', 'Budget (€)', 'Budgeten har områden', 'Projekt 1: kostnad (€)', 'Projekt 1: bildens adress (https, frivilligt)', 'Rangordna högst så här många alternativ'],
    ['en', 'Participatory budget', 'Budget (€)', 'The budget has areas', 'Project 1: cost (€)', 'Project 1: image address (https, optional)', 'Rank at most this many options'],
  ])('the fields are named in the console\'s language (%s)', async (lang, kind, cap, areas, cost, image, atMost) => {
    const { el, editor } = await openNewEditor(lang);
    await chooseKind(editor, '{End}{ArrowUp}', 'budget');
    // Named, so the previews have something to show.
    await typeInto(editor, '#question-fi', 'Mihin rahat?');
    await typeInto(editor, '#project-0-fi', 'Puisto');
    await typeInto(editor, '#project-1-fi', 'Kenttä');
    expect(squeeze(editor.querySelector('#kind option[value="budget"]')!.textContent)).toBe(kind);
    expect(labelOf(editor, 'budget-cap')).toBe(cap);
    expect(squeeze(editor.querySelector('#has-areas')!.closest('label')!.textContent)).toBe(areas);
    expect(labelOf(editor, 'project-0-cost')).toBe(cost);
    expect(labelOf(editor, 'project-0-image')).toBe(image);
    await expectAccessible(el);
    await chooseKind(editor, '{ArrowUp}', 'ranked');
    expect(labelOf(editor, 'max')).toBe(atMost);
    expect(editor.querySelector('#budget-cap')).toBeNull();
  });
});

describe('<osallistu-admin-poll-editor>: a ranking', () => {
  it('is created with "rank at most", which the preview and the API both keep', async () => {
    const { el, shadow, editor } = await openNewEditor();
    const id = `jarjestys-${Date.now()}`;
    await typeInto(editor, '#poll-id', id);
    await chooseKind(editor, '{End}{ArrowUp}{ArrowUp}', 'ranked');
    expect(labelOf(editor, 'max')).toBe('Järjestykseen enintään näin monta vaihtoehtoa');
    expect(labelOf(editor, 'min')).toBe('Järjestykseen vähintään näin monta vaihtoehtoa');
    expect(editor.querySelector('#max')!.getAttribute('aria-describedby')).toBe('ranked-help');
    await typeInto(editor, '#question-fi', 'Mikä nimi aukiolle?');
    await typeInto(editor, '#option-0-fi', 'Koivuaukio');
    await typeInto(editor, '#option-1-fi', 'Rantatori');
    await typeInto(editor, '#option-add', '{Enter}');
    await expect.poll(() => editor.activeElement?.id).toBe('option-2-fi');
    await userEvent.keyboard('Kirkkokenttä');
    await typeInto(editor, '#option-add', '{Enter}');
    await expect.poll(() => editor.activeElement?.id).toBe('option-3-fi');
    await userEvent.keyboard('Myllymäki');
    await retype(editor, '#max', '3');
    const preview = editor.querySelector<HTMLElement & { preview?: PollView }>('.preview osallistu-poll')!;
    await expect.poll(() => preview.preview && [preview.preview.kind, preview.preview.minChoices, preview.preview.maxChoices]).toEqual(['ranked', 1, 3]);
    await expectAccessible(el);
    save(editor);
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe('Kysely ”Mikä nimi aukiolle?” tallennettiin.');
    expect(await pollOf(id)).toMatchObject({ kind: 'ranked', minChoices: 1, maxChoices: 3, options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] });

    // More than the options is refused at "rank at most".
    await expect.poll(() => shadow.activeElement?.id).toBe('new-poll');
    shadow.querySelector<HTMLButtonElement>(`.menu[data-menu-of="${id}"] button[data-action="edit"]`)!.click();
    await expect.poll(() => shadow.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.querySelector<HTMLInputElement>('#max')?.value).toBe('3');
    const again = shadow.querySelector('osallistu-admin-poll-editor')!.shadowRoot!;
    await retype(again, '#max', '5');
    save(again);
    await expect.poll(() => again.querySelector('#max')?.getAttribute('aria-invalid')).toBe('true');
    expect(again.querySelector('#max')!.getAttribute('aria-describedby')).toBe('ranked-help maxChoices-error');
    expect(again.getElementById('maxChoices-error')!.textContent).toMatch(/cannot be more than the number of options/);
    await expectAccessible(el);
    expect((await pollOf(id)).maxChoices).toBe(3);
  });
});

describe('<osallistu-admin-polls>: a ranked poll\'s results', () => {
  const RANKED = {
    kind: 'ranked',
    question: { fi: 'Mikä nimi uudelle aukiolle?', sv: 'Vilket namn på det nya torget?', en: 'Which name for the new square?' },
    options: ['memphis', 'nashville', 'chattanooga', 'knoxville'].map((id) => ({ id, label: { fi: id[0]!.toUpperCase() + id.slice(1) } })),
    maxChoices: 4,
  };

  it('shows the count loading, a failure with a retry, then the winner, the rounds and the Borda points', async () => {
    const id = await createPoll({ ...RANKED, question: { ...RANKED.question, fi: `Aukion nimi ${Date.now()}` } });
    const profiles: [number, string[]][] = [
      [4, ['memphis', 'nashville', 'chattanooga', 'knoxville']],
      [3, ['nashville', 'chattanooga', 'knoxville', 'memphis']],
      [1, ['chattanooga', 'knoxville', 'nashville', 'memphis']],
      [2, ['knoxville', 'chattanooga', 'nashville', 'memphis']],
    ];
    for (const [n, ranking] of profiles) for (let i = 0; i < n; i++) await vote(id, ranking);

    // The count's requests wait, then fail as a dropped connection would, until let through.
    const realFetch = window.fetch;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let failing = true;
    window.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (failing && url.endsWith(`/polls/${id}/ranking`)) {
        await gate;
        throw new TypeError('Failed to fetch');
      }
      return realFetch(input, init);
    };
    try {
      const { el, shadow, section } = await openResults(id);
      expect(squeeze(section.textContent)).toContain('Yhteensä 10 vastausta');
      const ranking = () => section.querySelector<HTMLElement>('#ranking')!;
      expect(ranking().getAttribute('aria-busy')).toBe('true');
      expect(squeeze(ranking().textContent)).toBe('Lasketaan järjestystä…');
      await expectAccessible(el);
      release();
      await expect.poll(() => ranking().querySelector('.error')?.textContent, { timeout: 20_000 }).toMatch(/^Järjestystä ei voitu laskea\./);
      expect(ranking().getAttribute('aria-busy')).toBe('false');
      await expectAccessible(el);
      failing = false;
      ranking().querySelector<HTMLButtonElement>('#ranking-retry')!.focus();
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => ranking().querySelector('.winner')?.textContent).toBe('Voittaja vaihtoehtojen karsinnalla: Nashville');
      // Focus stays where the retry button was: on the count.
      expect(shadow.activeElement?.id).toBe('ranking');

      const rounds = ranking().querySelector('table.rounds')!;
      expect(rounds.querySelector('caption')!.textContent).toBe('Vaihtoehtojen karsinta kierroksittain');
      expect([...rounds.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Vaihtoehto', 'Kierros 1', 'Kierros 2', 'Kierros 3']);
      expect(rowsOf(rounds)).toEqual([
        ['Nashville', '3', '3', '6'],
        ['Memphis', '4', '4', '4'],
        ['Knoxville', '2', '3', '–ei enää mukana'],
        ['Chattanooga', '1', '–ei enää mukana', '–ei enää mukana'],
        ['Vastaukset, joiden vaihtoehdot on karsittu', '0', '0', '0'],
        ['Karsittu kierroksen jälkeen', 'Chattanooga', 'Knoxville (tasatilanne ratkaistiin aiempien kierrosten mukaan)', ''],
      ]);
      // The dash is drawn, the words are read.
      expect(rounds.querySelector('tbody tr:nth-child(3) td:last-child [aria-hidden="true"]')!.textContent).toBe('–');
      const borda = ranking().querySelector('table.borda')!;
      expect(borda.querySelector('caption')!.textContent).toBe('Borda-pisteet');
      expect(rowsOf(borda)).toEqual([
        ['Nashville', '3', '20'],
        ['Chattanooga', '1', '17'],
        ['Memphis', '4', '12'],
        ['Knoxville', '2', '11'],
      ]);
      await expectAccessible(el);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('with no ballots yet says so and asks for no count', async () => {
    const id = await createPoll({ ...RANKED, question: { ...RANKED.question, fi: `Tyhjä järjestys ${Date.now()}` } });
    const before = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/polls/${id}/ranking`)).length;
    const { el, section } = await openResults(id, 'sv');
    expect(squeeze(section.textContent)).toContain('Inga svar ännu.');
    expect(section.querySelector('#ranking')).toBeNull();
    expect(performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/polls/${id}/ranking`)).length).toBe(before);
    await expectAccessible(el);
  });
});

describe('<osallistu-admin-polls>: a budget poll\'s results', () => {
  it('lists each area\'s projects with cost and votes, says in words which are funded, and what is used of each cap', async () => {
    const id = await createPoll({
      kind: 'budget',
      question: { fi: `Lähiörahat ${Date.now()}`, en: 'Neighbourhood money' },
      budget: { areas: [{ id: 'pohjoinen', label: { fi: 'Pohjoinen', en: 'North' }, cap: 100_000 }, { id: 'etela', label: { fi: 'Etelä', en: 'South' }, cap: 80_000 }] },
      options: [
        { id: 'n1', label: { fi: 'Valaistus', en: 'Lighting' }, cost: 60_000, area: 'pohjoinen' },
        { id: 'n2', label: { fi: 'Penkit', en: 'Benches' }, cost: 40_000, area: 'pohjoinen' },
        { id: 's1', label: { fi: 'Kenttä', en: 'Pitch' }, cost: 80_000, area: 'etela' },
        { id: 's2', label: { fi: 'Kirjastoauto', en: 'Mobile library' }, cost: 20_000, area: 'etela' },
      ],
    });
    await vote(id, ['n1', 'n2']);
    await vote(id, ['n1']);
    await vote(id, ['s2']);
    const { el, section } = await openResults(id, 'en');
    await expect.poll(() => section.querySelectorAll('table.funded-table').length).toBe(2);
    const [north, south] = [...section.querySelectorAll('table.funded-table')];
    expect(squeeze(north!.querySelector('caption')!.textContent)).toBe('North: €100,000 of €100,000 used');
    expect(rowsOf(north!)).toEqual([
      ['Lighting', '€60,000', '2', 'Funded'],
      ['Benches', '€40,000', '1', 'Funded'],
    ]);
    expect(squeeze(south!.querySelector('caption')!.textContent)).toBe('South: €20,000 of €80,000 used');
    expect(rowsOf(south!)).toEqual([
      ['Mobile library', '€20,000', '1', 'Funded'],
      ['Pitch', '€80,000', '0', 'Not funded'],
    ]);
    expect(section.querySelector('#funded-heading')!.textContent).toBe('Funded projects');
    await expectAccessible(el);
  });

  it('in Finnish, a budget without areas', async () => {
    const id = await createPoll({
      kind: 'budget',
      question: { fi: `Budjetti ${Date.now()}` },
      budget: { cap: 500_000 },
      options: [
        { id: 'a', label: { fi: 'Puisto' }, cost: 300_000 },
        { id: 'b', label: { fi: 'Kenttä' }, cost: 250_000 },
      ],
    });
    await vote(id, ['a']);
    await vote(id, ['a']);
    await vote(id, ['b']);
    const { el, section } = await openResults(id);
    const table = section.querySelector('table.funded-table')!;
    expect(squeeze(table.querySelector('caption')!.textContent)).toBe('Koko budjetti: Käytetty 300 000 € / 500 000 €');
    expect(rowsOf(table)).toEqual([
      ['Puisto', '300 000 €', '2', 'Rahoitetaan'],
      ['Kenttä', '250 000 €', '1', 'Ei rahoiteta'],
    ]);
    await expectAccessible(el);
  });
});
