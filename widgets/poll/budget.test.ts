import { commands, page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { castBallot } from '../../test/support/cases.ts';
import { SITE, createPoll, deepActiveElement, mountPoll, mountPreview, officialFetch, previewView, settled, shadow, textOf } from '../../test/support/polls.ts';
import { expectNoSidewaysScroll } from '../../test/support/reflow.ts';
import { LanguageWords } from '../../test/support/languages.ts';
import type { PollView } from '../../worker/schema/polls.ts';
import type { OsallistuPoll, VoteDetail } from './osallistu-poll.ts';

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1024, 768);
});

const LANGS = ['fi', 'sv', 'en'] as const;

const PROJECTS = [
  {
    id: 'valot',
    label: { fi: 'Puiston valaistus', sv: 'Belysning i parken', en: 'Park lights' },
    cost: 300_000,
    description: { fi: 'Valot Koivupuistoon.', sv: 'Lampor i Björkparken.', en: 'Lights for Birch Park.' },
    // Not on the page's site nor the API's: never shown, never fetched.
    image: 'https://kuvat.example.fi/valot.jpg',
    imageAlt: { fi: 'Valaistu puistopolku', sv: 'En upplyst parkstig', en: 'A lit park path' },
  },
  { id: 'penkit', label: { fi: 'Penkit rantaan', sv: 'Bänkar vid stranden', en: 'Benches by the shore' }, cost: 150_000 },
  { id: 'kentta', label: { fi: 'Pallokenttä', sv: 'Bollplan', en: 'Ball court' }, cost: 250_000 },
  { id: 'kirjasto', label: { fi: 'Kirjastoauto', sv: 'Bokbuss', en: 'Mobile library' }, cost: 50_000 },
];

const BUDGET = {
  kind: 'budget',
  question: { fi: 'Mihin käytetään 500 000 euroa?', sv: 'Vad ska 500 000 euro användas till?', en: 'What should €500,000 be spent on?' },
  budget: { cap: 500_000, maxProjects: 3 },
  options: PROJECTS,
  resultsVisibility: 'always',
};

const AREAS = {
  ...BUDGET,
  budget: {
    areas: [
      { id: 'norr', label: { fi: 'Pohjoinen', sv: 'Norr', en: 'North' }, cap: 100_000 },
      { id: 'soder', label: { fi: 'Etelä', sv: 'Söder', en: 'South' }, cap: 80_000, minSpend: 20_000 },
    ],
  },
  options: [
    { id: 'n1', label: { fi: 'Uimaranta', sv: 'Badstrand', en: 'Beach' }, cost: 60_000, area: 'norr' },
    { id: 'n2', label: { fi: 'Koirapuisto', sv: 'Hundpark', en: 'Dog park' }, cost: 40_000, area: 'norr' },
    { id: 's1', label: { fi: 'Skeittipaikka', sv: 'Skatepark', en: 'Skate park' }, cost: 80_000, area: 'soder' },
    { id: 's2', label: { fi: 'Kukkapenkki', sv: 'Blomrabatt', en: 'Flower bed' }, cost: 20_000, area: 'soder' },
  ],
};

/** What the widget shows, and how Intl writes the sums: a no-break space is a space here. */
const norm = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';
const checkbox = (el: OsallistuPoll, id: string) => shadow(el).querySelector<HTMLInputElement>(`input[type="checkbox"][value="${id}"]`)!;
const radio = (el: OsallistuPoll, id: string) => shadow(el).querySelector<HTMLInputElement>(`input[type="radio"][value="${id}"]`)!;
const submit = (el: OsallistuPoll) => shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
const status = (el: OsallistuPoll) => norm(shadow(el).querySelector('[role="status"]')?.textContent);
const total = (el: OsallistuPoll) => norm(shadow(el).querySelector('.budget-total')?.textContent);
const fieldError = (el: OsallistuPoll) => norm(shadow(el).querySelector('fieldset [role="alert"]')?.textContent);

/** A button before the widget, where a keyboard user comes from. */
function startBefore(el: OsallistuPoll): void {
  const before = document.createElement('button');
  before.textContent = 'Before';
  el.closest('section')!.before(before);
  before.focus();
}

describe('a budget poll\'s ballot, fi/sv/en, axe-clean', () => {
  const COSTS = { fi: 'Hinta 300 000 €', sv: 'Kostnad 300 000 €', en: 'Cost €300,000' };
  const HINT = {
    fi: 'Valitse hankkeita, joiden yhteishinta on enintään 500 000 €. Valitse enintään 3 hanketta.',
    sv: 'Välj projekt som tillsammans kostar högst 500 000 €. Välj högst 3 projekt.',
    en: 'Choose projects that cost €500,000 or less in all. Choose at most 3 projects.',
  };
  const LEFT = { fi: '500 000 € jäljellä / 500 000 €', sv: '500 000 € kvar av 500 000 €', en: '€500,000 of €500,000 left' };

  it.each(LANGS)('(%s) projects as plain checkboxes with cost and description, the hint, and the total always shown', async (lang) => {
    await commands.recordRequests();
    const id = await createPoll(BUDGET);
    const el = await mountPoll(id, { lang });
    await settled(el);
    const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((box) => norm(shadow(el).querySelector(`label[for="${box.id}"]`)?.textContent))).toEqual(PROJECTS.map((p) => p.label[lang]));
    const valot = checkbox(el, 'valot');
    const described = valot.getAttribute('aria-describedby')!.split(' ').map((part) => norm(shadow(el).getElementById(part)?.textContent));
    expect(described).toEqual([COSTS[lang], PROJECTS[0]!.description![lang]]);
    expect(norm(shadow(el).querySelector('.hint')?.textContent)).toBe(HINT[lang]);
    expect(total(el)).toContain(LEFT[lang]);
    // The image is on a third party's site: not shown, and never asked for.
    expect(shadow(el).querySelector('img')).toBeNull();
    expect((await commands.recordedRequests()).filter((url) => url.includes('example.fi'))).toEqual([]);
    expect(new LanguageWords([BUDGET]).mismatches(el.parentElement!)).toEqual([]);
    await expectAccessible(el);
  });

  it.each(LANGS)('(%s) a project that no longer fits is marked, not disabled; picking it says so at it', async (lang) => {
    const id = await createPoll(BUDGET);
    const el = await mountPoll(id, { lang });
    await settled(el);
    startBefore(el);
    await userEvent.tab(); // the first project
    expect(deepActiveElement()).toBe(checkbox(el, 'valot'));
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.tab(); // past the benches to the ball court, which costs more than is left
    expect(deepActiveElement()).toBe(checkbox(el, 'kentta'));
    const kentta = checkbox(el, 'kentta');
    expect(kentta.disabled).toBe(false);
    const fit = () => norm(shadow(el).getElementById(`${id}-kentta-fit`)?.textContent);
    expect(fit()).toBe({ fi: 'Ei mahdu jäljellä olevaan budjettiin.', sv: 'Ryms inte i det som är kvar av budgeten.', en: 'Does not fit what is left.' }[lang]);
    // The benches still fit: not marked.
    expect(shadow(el).getElementById(`${id}-penkit-fit`)).toBeNull();
    expect(kentta.getAttribute('aria-describedby')).toContain(`${id}-kentta-fit`);
    await userEvent.keyboard(' ');
    const error = () => norm(shadow(el).getElementById(`${id}-kentta-error`)?.textContent);
    await expect.poll(error).toBe(
      {
        fi: 'Virhe: Tämä hanke ei mahdu: valintasi maksavat 50 000 € enemmän kuin budjetissa on. Poista jokin hanke.',
        sv: 'Fel: Projektet ryms inte: dina val kostar 50 000 € mer än budgeten. Ta bort något projekt.',
        en: 'Error: This project does not fit: your picks cost €50,000 more than the budget. Remove a project.',
      }[lang],
    );
    expect(kentta.getAttribute('aria-invalid')).toBe('true');
    expect(kentta.getAttribute('aria-describedby')).toContain(`${id}-kentta-error`);
    expect(deepActiveElement()).toBe(kentta);
    // The total says how far over, in words, and the live region reads it out once the picks settle.
    const OVER = { fi: 'Budjetti 500 000 € ylittyy: 50 000 € liikaa.', sv: '50 000 € över budgeten på 500 000 €.', en: '€50,000 over the budget of €500,000.' };
    expect(total(el)).toContain(OVER[lang]);
    await expect.poll(() => status(el)).toContain(OVER[lang]);
    await expectAccessible(el);
  });
});

describe('a budget poll by keyboard alone', () => {
  it('picks, hears the total, is stopped over the cap with the error focused, then votes and sees the server\'s funded set', async () => {
    const id = await createPoll(BUDGET);
    // Two earlier residents: the park lights and the mobile library lead.
    await castBallot(id, ['valot', 'kirjasto']);
    await castBallot(id, ['valot', 'kirjasto']);
    const el = await mountPoll(id, { lang: 'en' });
    await settled(el);
    const votes: VoteDetail[] = [];
    document.addEventListener('osallistu-vote', (e) => votes.push((e as CustomEvent<VoteDetail>).detail), { once: true });
    startBefore(el);
    await userEvent.tab();
    await userEvent.keyboard(' '); // park lights, €300,000
    await expect.poll(() => status(el)).toBe('1 project chosen, €300,000 in all. €200,000 of €500,000 left');
    await userEvent.tab();
    await userEvent.keyboard(' '); // benches, €150,000
    await userEvent.tab();
    await userEvent.keyboard(' '); // ball court, €250,000: over the cap
    await expect.poll(() => status(el)).toBe(
      '3 projects chosen, €700,000 in all. €200,000 over the budget of €500,000. This project does not fit: your picks cost €200,000 more than the budget. Remove a project.',
    );
    await userEvent.tab(); // the mobile library
    await userEvent.tab(); // the vote button
    expect(deepActiveElement()).toBe(submit(el));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => fieldError(el)).toBe('Error: The projects you chose cost €700,000, more than the budget of €500,000. Remove a project.');
    const errorId = shadow(el).querySelector('fieldset [role="alert"] .error')!.id;
    expect(shadow(el).querySelector('fieldset')!.getAttribute('aria-describedby')).toContain(errorId);
    expect(deepActiveElement()).toBe(checkbox(el, 'valot'));
    expect(checkbox(el, 'valot').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(el);
    const counted = (await (await officialFetch(`/polls/${id}`)).json()) as PollView;
    expect(counted.results!.total).toBe(2);
    await userEvent.keyboard(' '); // the focus is on the park lights: let them go
    await expect.poll(() => total(el)).toContain('€100,000 of €500,000 left');
    for (let i = 0; i < 4; i++) await userEvent.tab();
    expect(deepActiveElement()).toBe(submit(el));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shadow(el).querySelector('.results')).toBeTruthy();
    expect(votes).toEqual([{ site: SITE, poll: id, choices: ['penkit', 'kentta'], changed: false }]);
    expect(textOf(el)).toContain('Your projects: Benches by the shore, Ball court (€400,000 in all)');
    // The funded set is the server's: most votes first, skipping what no longer fits.
    const view = (await (await officialFetch(`/polls/${id}`)).json()) as PollView;
    const [funded] = view.results!.funded!;
    expect(funded!.funded.toSorted()).toEqual(['kirjasto', 'penkit', 'valot']);
    const badged = [...shadow(el).querySelectorAll('.results li')].filter((li) => li.querySelector('.badge')).map((li) => li.querySelector('[lang]')!.textContent);
    expect(badged.toSorted()).toEqual(['Benches by the shore', 'Mobile library', 'Park lights']);
    expect(shadow(el).querySelector('.results li:not(.funded)')?.textContent).toContain('Ball court');
    expect(textOf(el)).toContain('€500,000 of €500,000 spent.');
    expect(textOf(el)).toContain('Projects are funded in order of votes; one that no longer fits what is left is skipped.');
    expect(status(el)).toBe('Your answer was saved. Funded: ' + funded!.funded.map((p) => PROJECTS.find((o) => o.id === p)!.label.en).join(', ') + '.');
    await expectAccessible(el);
  });

  it('with areas: chooses an area, and changing it clears the picks with a polite word', async () => {
    const id = await createPoll(AREAS);
    const el = await mountPoll(id, { lang: 'sv' });
    await settled(el);
    expect(norm(shadow(el).querySelector('.areas legend')?.textContent)).toBe('Välj ditt område');
    expect(shadow(el).querySelector('input[type="checkbox"]')).toBeNull();
    expect(textOf(el)).toContain('Välj först ett område för att se dess projekt.');
    await expectAccessible(el);
    startBefore(el);
    await userEvent.tab();
    expect(deepActiveElement()).toBe(radio(el, 'norr'));
    await userEvent.keyboard(' ');
    await expect.poll(() => status(el)).toBe('Område: Norr.');
    await userEvent.tab();
    expect(deepActiveElement()).toBe(checkbox(el, 'n1'));
    await userEvent.keyboard(' ');
    await expect.poll(() => total(el)).toContain('40 000 € kvar av 100 000 €');
    await userEvent.tab({ shift: true });
    expect(deepActiveElement()).toBe(radio(el, 'norr'));
    await userEvent.keyboard('{ArrowDown}');
    await expect.poll(() => status(el)).toBe('Område: Söder. Projekten i det andra området togs bort från dina val.');
    expect(radio(el, 'soder').checked).toBe(true);
    expect(checkbox(el, 'n1')).toBeNull();
    expect([...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => [box.value, box.checked])).toEqual([['s1', false], ['s2', false]]);
    expect(total(el)).toContain('80 000 € kvar av 80 000 €');
    expect(total(el)).toContain('Välj projekt för minst 20 000 €.');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard(' '); // the flower bed: exactly the minimum
    await userEvent.tab();
    expect(deepActiveElement()).toBe(submit(el));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textOf(el)).toContain('Dina projekt: Blomrabatt (sammanlagt 20 000 €)');
    const spent = [...shadow(el).querySelectorAll('.results')].map((list) => norm(list.previousElementSibling?.textContent));
    expect(spent).toEqual(['0 € av budgeten på 100 000 € används.', '20 000 € av budgeten på 80 000 € används.']);
    expect(textOf(el)).toContain('Finansieras');
    await expectAccessible(el);
  });
});

describe('budget results, fi/sv/en', () => {
  const FUNDED = { fi: 'Rahoitetaan', sv: 'Finansieras', en: 'Funded' };
  const RULE = {
    fi: 'Hankkeet rahoitetaan äänimäärän mukaisessa järjestyksessä; hanke, joka ei enää mahdu jäljellä olevaan budjettiin, ohitetaan.',
    sv: 'Projekten finansieras i ordning efter antalet röster; ett projekt som inte längre ryms i det som är kvar av budgeten hoppas över.',
    en: 'Projects are funded in order of votes; one that no longer fits what is left is skipped.',
  };
  it.each(LANGS)('(%s) a closed poll: votes per project in words, the funded ones badged, spent of the cap, and the rule', async (lang) => {
    const id = await createPoll({ ...BUDGET, status: 'closed' });
    const el = await mountPoll(id, { lang });
    await settled(el);
    expect(textOf(el)).toContain(RULE[lang]);
    // No ballots: nothing is funded, and no project is badged.
    expect(shadow(el).querySelectorAll('.badge')).toHaveLength(0);
    expect(shadow(el).querySelectorAll('.results li')).toHaveLength(4);
    expect(textOf(el)).toContain({ fi: '0 ääntä · 300 000 €', sv: '0 röster · 300 000 €', en: '0 votes · €300,000' }[lang]);
    expect(textOf(el)).toContain({ fi: 'Hankkeisiin käytetään 0 € budjetista 500 000 €.', sv: '0 € av budgeten på 500 000 € används.', en: '€0 of €500,000 spent.' }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('(%s) after a vote: the funded projects say so in text', async (lang) => {
    const id = await createPoll(BUDGET);
    await castBallot(id, ['kentta', 'penkit']);
    const el = await mountPoll(id, { lang });
    await settled(el);
    startBefore(el);
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab(); // the ball court
    await userEvent.keyboard(' ');
    for (let i = 0; i < 2; i++) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shadow(el).querySelector('.badge')?.textContent).toBe(FUNDED[lang]);
    const first = shadow(el).querySelector('.results li')!;
    expect(norm(first.textContent)).toContain(`${PROJECTS[2]!.label[lang]} ${FUNDED[lang]}`);
    expect(first.classList.contains('funded')).toBe(true);
    expect(textOf(el)).toContain(RULE[lang]);
    await expectAccessible(el);
  });
});

describe('a budget poll on a narrow screen and in the console\'s preview', () => {
  it('fits 320 px: the projects, the total and the results, nothing sideways', async () => {
    await page.viewport(320, 640);
    const id = await createPoll({ ...AREAS, options: AREAS.options.map((o) => ({ ...o, label: { ...o.label, fi: `${o.label.fi} – Pohjoisen alueen pitkänimisin hanke-ehdotus` } })) });
    const el = await mountPoll(id, { lang: 'fi' });
    await settled(el);
    expectNoSidewaysScroll(el);
    radio(el, 'norr').focus();
    await userEvent.keyboard(' ');
    await expect.poll(() => checkbox(el, 'n1')).toBeTruthy();
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await expect.poll(() => total(el)).toContain('40 000 € jäljellä / 100 000 €');
    expectNoSidewaysScroll(el);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
    await userEvent.tab();
    await userEvent.tab();
    expect(deepActiveElement()).toBe(submit(el));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shadow(el).querySelector('.badge')).toBeTruthy();
    expectNoSidewaysScroll(el);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
  });

  const preview = (over: Partial<PollView> = {}): PollView =>
    previewView({
      kind: 'budget',
      question: BUDGET.question,
      options: PROJECTS.map((p, i) => (i === 1 ? { ...p, image: `${location.origin}/kuvat/penkit.jpg` } : p)),
      minChoices: 1,
      maxChoices: 3,
      budget: BUDGET.budget,
      ...over,
    });


  it('renders the ballot without the API; an image on the page\'s own site is shown, lazily, with its size and alt text', async () => {
    await commands.recordRequests();
    const el = await mountPreview(preview());
    await expect.poll(() => shadow(el).querySelectorAll('input[type="checkbox"]').length).toBe(4);
    const images = [...shadow(el).querySelectorAll('img')];
    expect(images).toHaveLength(1);
    const [image] = images;
    expect(image!.getAttribute('src')).toBe(`${location.origin}/kuvat/penkit.jpg`);
    expect(image!.getAttribute('loading')).toBe('lazy');
    expect([image!.getAttribute('width'), image!.getAttribute('height')]).toEqual(['160', '120']);
    // No alt text given, and the project's name is beside it: the image is decoration.
    expect(image!.getAttribute('alt')).toBe('');
    const requests = await commands.recordedRequests();
    expect(requests.filter((url) => url.includes('/api/'))).toEqual([]);
    expect(requests.filter((url) => url.includes('example.fi'))).toEqual([]);
    await expectAccessible(el);
  });

  it('two previews side by side (fi and sv): their area radios never share a name', async () => {
    const areas = preview({ budget: AREAS.budget, options: AREAS.options });
    const first = await mountPreview(areas, 'fi');
    const second = await mountPreview(areas, 'sv');
    const main = document.createElement('main');
    main.append(...document.querySelectorAll('section'));
    document.body.append(main);
    await expect.poll(() => radio(first, 'norr') && radio(second, 'norr')).toBeTruthy();
    expect(radio(first, 'norr').name).toBe(radio(first, 'soder').name);
    expect(radio(first, 'norr').name).not.toBe(radio(second, 'norr').name);
    await expectAccessible(main);
  });

  it('shows the results it is given, without the API', async () => {
    await commands.recordRequests();
    const results = { total: 4, options: PROJECTS.map((p, i) => ({ id: p.id, count: 4 - i })), funded: [{ area: null, cap: 500_000, spent: 450_000, funded: ['valot', 'penkit'] }] };
    const el = await mountPreview(preview({ state: 'closed', status: 'closed', results }), 'en');
    await expect.poll(() => shadow(el).querySelectorAll('.badge').length).toBe(2);
    expect(textOf(el)).toContain('€450,000 of €500,000 spent.');
    expect((await commands.recordedRequests()).filter((url) => url.includes('/api/'))).toEqual([]);
    await expectAccessible(el);
  });
});
