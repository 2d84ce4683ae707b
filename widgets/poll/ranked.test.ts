import { commands, page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { castBallot, closePoll } from '../../test/support/cases.ts';
import { BASE_POLL, SITE, createPoll, deepActiveElement, mountPoll, mountPreview, previewView, settled, shadow, textOf } from '../../test/support/polls.ts';
import { expectNoSidewaysScroll } from '../../test/support/reflow.ts';
import { LanguageWords } from '../../test/support/languages.ts';
import type { PollView } from '../../worker/schema/polls.ts';
import type { OsallistuPoll, VoteDetail } from './osallistu-poll.ts';

afterEach(async () => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  await page.viewport(1024, 768);
});

const LANGS = ['fi', 'sv', 'en'] as const;

/** a Cycle paths, b Pavements, c Bus stops, d Parks; rank up to 3. */
const RANKED = {
  kind: 'ranked',
  question: { fi: 'Mikä on tärkeintä? Järjestä.', sv: 'Vad är viktigast? Rangordna.', en: 'What matters most? Rank them.' },
  options: [...BASE_POLL.options, { id: 'd', label: { fi: 'Puistot', sv: 'Parker', en: 'Parks' } }],
  maxChoices: 3,
  resultsVisibility: 'always',
};
const NAMES = Object.fromEntries(RANKED.options.map((o) => [o.id, o.label])) as Record<'a' | 'b' | 'c' | 'd', Record<(typeof LANGS)[number], string>>;

const norm = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';
const select = (el: OsallistuPoll, id: string) => shadow(el).querySelector<HTMLSelectElement>(`select[id$="-${id}-rank"]`)!;
const submit = (el: OsallistuPoll) => shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
const status = (el: OsallistuPoll) => norm(shadow(el).querySelector('[role="status"]')?.textContent);
const rankingShown = (el: OsallistuPoll) => [...shadow(el).querySelectorAll('.ranking li .rank-name [lang]')].map((name) => name.textContent);
const button = (el: OsallistuPoll, id: string, what: 'up' | 'down' | 'remove') => shadow(el).querySelector<HTMLButtonElement>(`.ranking button[data-id="${id}"][data-do="${what}"]`)!;

function startBefore(el: OsallistuPoll): void {
  const before = document.createElement('button');
  before.textContent = 'Before';
  el.closest('section')!.before(before);
  before.focus();
}

describe('a ranked poll\'s ballot, fi/sv/en, axe-clean', () => {
  const HINT = { fi: 'Järjestä enintään 3 vaihtoehtoa: 1 on mieluisin.', sv: 'Rangordna högst 3 alternativ: 1 är ditt förstahandsval.', en: 'Rank up to 3 options: 1 is your first choice.' };
  const NOW = { fi: 'Puistot on nyt sijalla 1. Järjestettyjä vaihtoehtoja on 1.', sv: 'Parker är nu på plats 1 av 1.', en: 'Parks is now 1st of 1.' };
  const MOVE_UP = { fi: 'Siirrä Puistot ylös', sv: 'Flytta Parker upp', en: 'Move Parks up' };

  it.each(LANGS)('(%s) a rank picker per option (—, 1…max), the hint, and the ranking with buttons named after the option', async (lang) => {
    const id = await createPoll(RANKED);
    const el = await mountPoll(id, { lang });
    await settled(el);
    expect(norm(shadow(el).querySelector('.hint')?.textContent)).toBe(HINT[lang]);
    const selects = [...shadow(el).querySelectorAll('select')];
    expect(selects.map((s) => norm(shadow(el).querySelector(`label[for="${s.id}"]`)?.textContent))).toEqual(RANKED.options.map((o) => o.label[lang]));
    expect([...selects[0]!.options].map((o) => o.textContent)).toEqual(['—', '1', '2', '3']);
    expect(textOf(el)).toContain({ fi: 'Et ole vielä järjestänyt vaihtoehtoja.', sv: 'Du har inte rangordnat några alternativ ännu.', en: 'You have not ranked any options yet.' }[lang]);
    await expectAccessible(el);
    select(el, 'd').focus();
    await userEvent.keyboard('1');
    await expect.poll(() => status(el)).toBe(NOW[lang]);
    expect(button(el, 'd', 'up').getAttribute('aria-label')).toBe(MOVE_UP[lang]);
    expect(rankingShown(el)).toEqual([NAMES.d[lang]]);
    expect(new LanguageWords([RANKED]).mismatches(el.parentElement!)).toEqual([]);
    await expectAccessible(el);
  });

  it.each(LANGS)('(%s) nothing ranked → the error is tied to the field and the first rank picker takes the focus', async (lang) => {
    const id = await createPoll({ ...RANKED, minChoices: 2 });
    const el = await mountPoll(id, { lang });
    await settled(el);
    expect(norm(shadow(el).querySelector('.hint')?.textContent)).toBe(
      { fi: 'Järjestä vähintään 2 ja enintään 3 vaihtoehtoa: 1 on mieluisin.', sv: 'Rangordna minst 2 och högst 3 alternativ: 1 är ditt förstahandsval.', en: 'Rank at least 2 and up to 3 options: 1 is your first choice.' }[lang],
    );
    select(el, 'c').focus();
    await userEvent.keyboard('1');
    submit(el).focus();
    await userEvent.keyboard('{Enter}');
    const error = () => norm(shadow(el).querySelector('fieldset [role="alert"]')?.textContent);
    await expect.poll(error).toBe({ fi: 'Virhe: Järjestä vähintään 2 vaihtoehtoa.', sv: 'Fel: Rangordna minst 2 alternativ.', en: 'Error: Rank at least 2 options.' }[lang]);
    expect(shadow(el).querySelector('fieldset')!.getAttribute('aria-describedby')).toContain(shadow(el).querySelector('fieldset [role="alert"] .error')!.id);
    expect(select(el, 'a').getAttribute('aria-invalid')).toBe('true');
    expect(deepActiveElement()).toBe(select(el, 'a'));
    await expectAccessible(el);
  });
});

describe('a ranked poll by keyboard alone', () => {
  it('ranks with the pickers, moves with the buttons keeping the focus, and sends the order ranked', async () => {
    const id = await createPoll(RANKED);
    const el = await mountPoll(id, { lang: 'en' });
    await settled(el);
    const votes: VoteDetail[] = [];
    document.addEventListener('osallistu-vote', (e) => votes.push((e as CustomEvent<VoteDetail>).detail), { once: true });
    startBefore(el);
    await userEvent.tab();
    expect(deepActiveElement()).toBe(select(el, 'a'));
    await userEvent.keyboard('1'); // Cycle paths first
    await expect.poll(() => status(el)).toBe('Cycle paths is now 1st of 1.');
    await userEvent.tab();
    await userEvent.keyboard('1'); // Pavements first, Cycle paths second
    await expect.poll(() => status(el)).toBe('Pavements is now 1st of 2.');
    await userEvent.tab();
    await userEvent.keyboard('3'); // Bus stops third
    await expect.poll(() => status(el)).toBe('Bus stops is now 3rd of 3.');
    expect(rankingShown(el)).toEqual(['Pavements', 'Cycle paths', 'Bus stops']);
    expect([select(el, 'a').value, select(el, 'b').value, select(el, 'c').value, select(el, 'd').value]).toEqual(['2', '1', '3', '']);
    await userEvent.tab(); // Parks' picker
    await userEvent.tab(); // past Pavements' "Move up", disabled at the top, to its "Move down"
    expect(deepActiveElement()).toBe(button(el, 'b', 'down'));
    expect(button(el, 'b', 'up').disabled).toBe(true);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => rankingShown(el)).toEqual(['Cycle paths', 'Pavements', 'Bus stops']);
    expect(status(el)).toBe('Pavements is now 2nd of 3.');
    expect(deepActiveElement()).toBe(button(el, 'b', 'down'));
    expect(deepActiveElement()?.getAttribute('aria-label')).toBe('Move Pavements down');
    await userEvent.keyboard(' ');
    await expect.poll(() => rankingShown(el)).toEqual(['Cycle paths', 'Bus stops', 'Pavements']);
    expect(status(el)).toBe('Pavements is now 3rd of 3.');
    // At the bottom "Move down" is disabled: the focus is on "Move up" of the same option.
    expect(deepActiveElement()).toBe(button(el, 'b', 'up'));
    expect(deepActiveElement()?.getAttribute('aria-label')).toBe('Move Pavements up');
    await userEvent.tab({ shift: true }); // Bus stops' "Remove"
    await userEvent.tab({ shift: true }); // Bus stops' "Move down"
    await userEvent.tab({ shift: true }); // Bus stops' "Move up"
    expect(deepActiveElement()).toBe(button(el, 'c', 'up'));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => rankingShown(el)).toEqual(['Bus stops', 'Cycle paths', 'Pavements']);
    expect(status(el)).toBe('Bus stops is now 1st of 3.');
    expect(deepActiveElement()).toBe(button(el, 'c', 'down'));
    expect(select(el, 'c').value).toBe('1');
    await expectAccessible(el);
    while (deepActiveElement() !== submit(el)) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textOf(el)).toContain('Your ranking: 1. Bus stops, 2. Cycle paths, 3. Pavements');
    expect(votes).toEqual([{ site: SITE, poll: id, choices: ['c', 'a', 'b'], changed: false }]);
    // The server kept the order sent: its count has Bus stops as the one first choice.
    await expect.poll(() => shadow(el).querySelector('.winner')?.textContent).toBe('Winner by instant runoff: Bus stops');
  });

  it('removes an option, the focus going to the one now in its place; a fourth pick lets the last one go, said out loud', async () => {
    const id = await createPoll(RANKED);
    const el = await mountPoll(id, { lang: 'fi' });
    await settled(el);
    for (const [option, rank] of [['a', '1'], ['b', '2'], ['c', '3']] as const) {
      select(el, option).focus();
      await userEvent.keyboard(rank);
      await expect.poll(() => select(el, option).value).toBe(rank);
    }
    select(el, 'd').focus();
    await userEvent.keyboard('1');
    await expect.poll(() => status(el)).toBe('Puistot on nyt sijalla 1. Järjestettyjä vaihtoehtoja on 3. Bussipysäkit putosi pois, koska sijoja on 3.');
    expect(rankingShown(el)).toEqual(['Puistot', 'Pyörätiet', 'Jalkakäytävät']);
    expect(select(el, 'c').value).toBe('');
    button(el, 'a', 'remove').focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => rankingShown(el)).toEqual(['Puistot', 'Jalkakäytävät']);
    expect(status(el)).toBe('Pyörätiet poistettiin järjestyksestä.');
    expect(deepActiveElement()).toBe(button(el, 'b', 'remove'));
    expect(deepActiveElement()?.getAttribute('aria-label')).toBe('Poista Jalkakäytävät järjestyksestä');
  });
});

describe('ranked results: the instant runoff round by round, Borda and first choices', () => {
  /**
   * With the widget's own [c, b]: round 1 a 4, b 3, c 3, d 1 → Parks out (to Bus stops);
   * round 2 a 4, b 3, c 4 → Pavements out (to Bus stops); round 3 a 4, c 7 → Bus stops wins.
   */
  async function countedPoll({ closed = false } = {}) {
    const id = await createPoll(RANKED);
    for (let i = 0; i < 4; i++) await castBallot(id, ['a']);
    for (let i = 0; i < 3; i++) await castBallot(id, ['b', 'c']);
    await castBallot(id, ['c', 'b']);
    await castBallot(id, ['c', 'a']);
    await castBallot(id, ['d', 'c']);
    if (closed) await closePoll(id);
    return id;
  }

  async function voteCb(el: OsallistuPoll) {
    select(el, 'c').focus();
    await userEvent.keyboard('1');
    await userEvent.tab({ shift: true });
    await userEvent.keyboard('2'); // Pavements second
    await expect.poll(() => rankingShown(el).length).toBe(2);
    submit(el).focus();
    await userEvent.keyboard('{Enter}');
  }

  const WINNER = { fi: 'Voittaja karsintakierrosten jälkeen: Bussipysäkit', sv: 'Vinnare efter utslagsomgångarna: Busshållplatser', en: 'Winner by instant runoff: Bus stops' };
  const CAPTION = { fi: 'Karsinta kierros kierrokselta', sv: 'Utslagning omgång för omgång', en: 'Instant runoff, round by round' };
  const OUT = { fi: 'putosi', sv: 'utslaget', en: 'out' };

  it.each(LANGS)('(%s) after voting: the winner, a table of the rounds with the eliminated marked in words, the exhausted ballots, Borda and first choices', async (lang) => {
    const id = await countedPoll();
    const el = await mountPoll(id, { lang });
    await settled(el);
    await voteCb(el);
    await expect.poll(() => shadow(el).querySelector('table')).toBeTruthy();
    expect(shadow(el).querySelector('.winner')?.textContent).toBe(WINNER[lang]);
    const table = shadow(el).querySelector('table')!;
    expect(table.caption?.textContent).toBe(CAPTION[lang]);
    expect([...table.tHead!.rows[0]!.cells].map((cell) => cell.textContent)).toEqual([
      { fi: 'Vaihtoehto', sv: 'Alternativ', en: 'Option' }[lang],
      ...[1, 2, 3].map((n) => `${{ fi: 'Kierros', sv: 'Omgång', en: 'Round' }[lang]} ${n}`),
    ]);
    const rows = [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => norm(cell.textContent)));
    const wins = { fi: 'voittaja', sv: 'vinnare', en: 'wins' }[lang];
    const gone = { fi: 'ei mukana', sv: 'inte kvar', en: 'not in the count' }[lang];
    expect(rows).toEqual([
      [NAMES.c[lang], '3', '4', `7 ${wins}`],
      [NAMES.a[lang], '4', '4', '4'],
      [NAMES.b[lang], '3', `3 ${OUT[lang]}`, `– ${gone}`],
      [NAMES.d[lang], `1 ${OUT[lang]}`, `– ${gone}`, `– ${gone}`],
      [{ fi: 'Vastaukset, joiden vaihtoehdoista yksikään ei ole enää mukana', sv: 'Svar där inget rangordnat alternativ är kvar', en: 'Answers with no ranked option left' }[lang], '0', '0', '0'],
    ]);
    expect([...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    const borda = [...shadow(el).querySelectorAll('.borda li')].map((li) => norm(li.textContent));
    expect(borda[0]).toBe(`${NAMES.c[lang]}: ${{ fi: '17 pistettä', sv: '17 poäng', en: '17 points' }[lang]}`);
    expect(textOf(el)).toContain({ fi: 'Ensimmäiset sijat', sv: 'Förstahandsval', en: 'First choices' }[lang]);
    expect(new LanguageWords([RANKED]).mismatches(el.parentElement!)).toEqual([]);
    await expectAccessible(el);
  });

  /**
   * Closed without the widget's ballot: round 1 a 4, b 3, c 2, d 1 → Parks out; round 2 a 4, b 3,
   * c 3 → the tie for the fewest broken by round 1 (Bus stops had 2): Bus stops out, one ballot
   * ([d, c]) exhausted; round 3 a 5, b 4 → Cycle paths wins.
   */
  it('a failed count says so with a retry, which the keyboard reaches and which loads it', async () => {
    const id = await countedPoll({ closed: true });
    const real = window.fetch.bind(window);
    let failing = true;
    vi.spyOn(window, 'fetch').mockImplementation((input, init) =>
      failing && String(input instanceof Request ? input.url : input).endsWith('/ranking') ? Promise.reject(new TypeError('Failed to fetch')) : real(input, init),
    );
    const el = await mountPoll(id, { lang: 'en' });
    await settled(el);
    expect(textOf(el)).toContain('Loading the count…');
    await expect.poll(() => shadow(el).querySelector('.count-status')?.textContent, { timeout: 20_000 }).toBe('The count could not be loaded.');
    expect(shadow(el).querySelector('table')).toBeNull();
    await expectAccessible(el);
    failing = false;
    const retry = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again')!;
    retry.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shadow(el).querySelector('table')).toBeTruthy();
    expect(deepActiveElement()).toBe(shadow(el).querySelector('.winner'));
    expect(shadow(el).querySelector('.winner')?.textContent).toBe('Winner by instant runoff: Cycle paths');
    const rows = [...shadow(el).querySelector('table')!.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => norm(cell.textContent)));
    expect(rows.find((row) => row[0] === 'Bus stops')).toEqual(['Bus stops', '2', '3 out (tie broken by the earlier rounds)', '– not in the count']);
    expect(rows.at(-1)).toEqual(['Answers with no ranked option left', '0', '0', '1']);
    await expectAccessible(el);
  }, 30_000);

  it('a count the server hides (403 results_hidden) adds nothing', async () => {
    const id = await countedPoll({ closed: true });
    const real = window.fetch.bind(window);
    const asked = vi.spyOn(window, 'fetch').mockImplementation((input, init) =>
      String(input instanceof Request ? input.url : input).endsWith('/ranking')
        ? Promise.resolve(new Response(JSON.stringify({ error: { code: 'results_hidden', message: 'Not yet.' } }), { status: 403, headers: { 'Content-Type': 'application/json' } }))
        : real(input, init),
    );
    const el = await mountPoll(id, { lang: 'en' });
    await settled(el);
    await expect.poll(() => asked.mock.calls.some(([input]) => String(input).endsWith(`/polls/${id}/ranking`))).toBe(true);
    await expect.poll(() => shadow(el).querySelector('.count-status')).toBeNull();
    expect(shadow(el).querySelector('table')).toBeNull();
    expect(textOf(el)).not.toContain('could not be loaded');
    expect(textOf(el)).toContain('Results');
  });

  it('fits a 320 px wide screen: the ballot and the round table, nothing sideways', async () => {
    await page.viewport(320, 640);
    const id = await countedPoll();
    const el = await mountPoll(id, { lang: 'fi' });
    await settled(el);
    select(el, 'c').focus();
    await userEvent.keyboard('1');
    await expect.poll(() => rankingShown(el).length).toBe(1);
    expectNoSidewaysScroll(el);
    await voteCb(el);
    await expect.poll(() => shadow(el).querySelector('table')).toBeTruthy();
    expectNoSidewaysScroll(el);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
  });
});

describe('a ranked poll in the console\'s preview', () => {
  const preview = (over: Partial<PollView> = {}): PollView =>
    previewView({
      kind: 'ranked',
      question: RANKED.question,
      options: RANKED.options,
      minChoices: 1,
      maxChoices: 3,
      ...over,
    });


  it('renders the ballot, and ranks, without the API', async () => {
    await commands.recordRequests();
    const el = await mountPreview(preview(), 'sv');
    await expect.poll(() => shadow(el).querySelectorAll('select').length).toBe(4);
    select(el, 'b').focus();
    await userEvent.keyboard('1');
    await expect.poll(() => rankingShown(el)).toEqual(['Trottoarer']);
    expect((await commands.recordedRequests()).filter((url) => url.includes('/api/'))).toEqual([]);
    await expectAccessible(el);
  });

  it('shows the results it is given, without asking for the count', async () => {
    await commands.recordRequests();
    const results = { total: 5, options: [{ id: 'a', count: 5 }, { id: 'b', count: 3 }, { id: 'c', count: 1 }, { id: 'd', count: 0 }] };
    const el = await mountPreview(preview({ state: 'closed', status: 'closed', results }), 'en');
    await expect.poll(() => textOf(el)).toContain('How many ranked each option');
    expect(textOf(el)).toContain('Cycle paths 5 votes, 100%');
    expect(shadow(el).querySelector('table')).toBeNull();
    expect((await commands.recordedRequests()).filter((url) => url.includes('/ranking'))).toEqual([]);
    await expectAccessible(el);
  });
});
