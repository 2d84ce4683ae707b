import { commands, page, userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { SITE, createPoll, deepActiveElement, mountPoll, mountPreview, officialFetch, previewView, settled, shadow, textOf } from '../../test/support/polls.ts';
import { expectNoSidewaysScroll } from '../../test/support/reflow.ts';
import { LanguageWords } from '../../test/support/languages.ts';
import type { PollView } from '../../worker/schema/polls.ts';
import type { OsallistuPoll } from './osallistu-poll.ts';

/** This browser starts each test as a resident who has answered nothing (no voter token). */
beforeEach(() => localStorage.removeItem('osallistu.voter'));

afterEach(async () => {
  await commands.setApiReachable(true);
  vi.restoreAllMocks();
  document.body.replaceChildren();
  await page.viewport(1024, 768);
});

const LANGS = ['fi', 'sv', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** Four opening statements in three languages: statements 1–4. */
const LIBRARY = {
  kind: 'statements',
  question: { fi: 'Millainen kirjaston pitäisi olla?', sv: 'Hurdant borde biblioteket vara?', en: 'What should the library be like?' },
  options: [
    { id: 's1', label: { fi: 'Kirjaston pitäisi olla auki myöhään iltaisin.', sv: 'Biblioteket borde vara öppet sent på kvällarna.', en: 'The library should stay open late in the evening.' } },
    { id: 's2', label: { fi: 'Kirjastossa pitäisi olla hiljainen lukusali.', sv: 'Biblioteket borde ha en tyst läsesal.', en: 'The library should have a quiet reading room.' } },
    { id: 's3', label: { fi: 'Kirjaston pitäisi lainata työkaluja.', sv: 'Biblioteket borde låna ut verktyg.', en: 'The library should lend out tools.' } },
    { id: 's4', label: { fi: 'Kirjastoon tarvitaan lisää pistorasioita.', sv: 'Biblioteket behöver fler eluttag.', en: 'The library needs more power sockets.' } },
  ],
  resultsVisibility: 'after_vote',
};

/**
 * A planted conversation: statements 1–4 camp A agrees with and camp B disagrees with, 5–8 the
 * other way round, and 9 everyone agrees with.
 */
const PLANTED = {
  ...LIBRARY,
  options: [
    ...Array.from({ length: 8 }, (_, i) => ({
      id: `v${i + 1}`,
      label: { fi: `Kaupungin pitäisi toteuttaa hanke numero ${i + 1}.`, sv: `Staden borde genomföra projekt nummer ${i + 1}.`, en: `The city should carry out project number ${i + 1}.` },
    })),
    { id: 'v9', label: { fi: 'Kirjaston pitää pysyä maksuttomana.', sv: 'Biblioteket ska förbli avgiftsfritt.', en: 'The library must stay free of charge.' } },
  ],
};
const CAMP_A = (n: number) => (n <= 4 || n === 9 ? 'agree' : 'disagree');
const CAMP_B = (n: number) => (n >= 5 ? 'agree' : 'disagree');

type Vote = 'agree' | 'disagree' | 'pass';
const norm = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';
const status = (el: OsallistuPoll) => norm(shadow(el).querySelector('[role="status"]')?.textContent);
const statement = (el: OsallistuPoll) => shadow(el).querySelector<HTMLElement>('.statement');
const statementText = (el: OsallistuPoll) => norm(statement(el)?.textContent);
const progress = (el: OsallistuPoll) => norm(shadow(el).querySelector('.progress')?.textContent);
const voteButton = (el: OsallistuPoll, vote: Vote) => shadow(el).querySelector<HTMLButtonElement>(`.card button[data-vote="${vote}"]`)!;
const disclosure = (el: OsallistuPoll, which: 'previous' | 'add') => shadow(el).querySelector<HTMLButtonElement>(`.${which} .disclosure`)!;
const textarea = (el: OsallistuPoll) => shadow(el).querySelector<HTMLTextAreaElement>('.add textarea')!;
const items = (el: OsallistuPoll, selector: string) => [...shadow(el).querySelectorAll(selector)].map((node) => norm(node.textContent));
/** The number of a statement of PLANTED or LIBRARY from its text in any language. */
const numberOf = (conversation: typeof LIBRARY, text: string) => conversation.options.findIndex((o) => Object.values(o.label).includes(text)) + 1;

/** A resident of their own (token and network address), not this browser. */
let residents = 0;
const resident = () => ({ token: crypto.randomUUID().replaceAll('-', ''), ip: `198.51.${100 + Math.floor(residents / 250)}.${(residents++ % 250) + 1}` });

async function apiVote(poll: string, n: number, vote: Vote, who: { token: string; ip: string }): Promise<void> {
  const response = await fetch(`/api/v1/sites/${SITE}/polls/${poll}/statements/${n}/vote`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Voter-Token': who.token, 'CF-Connecting-IP': who.ip },
    body: JSON.stringify({ vote }),
  });
  if (response.status !== 200) throw new Error(`vote ${response.status}: ${await response.text()}`);
}

/** Camp A of `a` residents and camp B of `b`, each voting on all nine statements of PLANTED through the API. */
async function plant(poll: string, a = 12, b = 8): Promise<void> {
  const camp = (size: number, how: (n: number) => Vote) =>
    Array.from({ length: size }, async () => {
      const who = resident();
      for (let n = 1; n <= 9; n++) await apiVote(poll, n, how(n), who);
    });
  await Promise.all([...camp(a, CAMP_A), ...camp(b, CAMP_B)]);
}

/** The statements as this browser's resident sees them: their votes by statement number. */
async function myVotes(poll: string): Promise<Record<string, Vote>> {
  const token = localStorage.getItem('osallistu.voter');
  expect(token).toMatch(/^[0-9a-f]{32}$/);
  const response = await fetch(`/api/v1/sites/${SITE}/polls/${poll}/statements`, { headers: { 'X-Voter-Token': token! } });
  return ((await response.json()) as { mine: Record<string, Vote> }).mine;
}

/** Mounted and drawn: the first statement (or the state that stands for it) is on screen. */
async function mountConversation(id: string, lang: Lang) {
  const el = await mountPoll(id, { lang });
  await settled(el);
  await expect.poll(() => shadow(el).querySelector('.statement, .all-answered, .list-status.notice')).toBeTruthy();
  return el;
}

/** A button before the widget, where a keyboard user comes from. */
function startBefore(el: OsallistuPoll): void {
  const before = document.createElement('button');
  before.textContent = 'Before';
  el.closest('section')!.before(before);
  before.focus();
}

/** Answers the statement on screen with a real key press on its button, and waits for the next one (or the end) to take the focus. */
async function answerByKeyboard(el: OsallistuPoll, vote: Vote): Promise<void> {
  const before = statementText(el);
  const count = progress(el);
  voteButton(el, vote).focus();
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => progress(el)).not.toBe(count);
  await expect.poll(() => deepActiveElement()?.matches('.statement, .all-answered')).toBe(true);
  if (statement(el)) expect(statementText(el)).not.toBe(before);
}

describe('a conversation by keyboard alone', () => {
  it('votes on three statements with real key presses: each next statement takes the focus and the live region says it was saved', async () => {
    const id = await createPoll(LIBRARY);
    const el = await mountConversation(id, 'en');
    // No voter token yet: the first statement comes first, and nothing is made until a vote.
    expect(statementText(el)).toBe(LIBRARY.options[0]!.label.en);
    expect(progress(el)).toBe('0 of 4 answered');
    expect(localStorage.getItem('osallistu.voter')).toBeNull();
    const group = shadow(el).querySelector('.card [role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe('Your view');
    expect([...group.querySelectorAll('button')].map((b) => [b.localName, b.type, norm(b.textContent)])).toEqual([
      ['button', 'button', 'Agree'],
      ['button', 'button', 'Disagree'],
      ['button', 'button', 'Pass'],
    ]);
    expect(statement(el)!.getAttribute('role')).toBe('heading');
    expect(statement(el)!.getAttribute('aria-level')).toBe('3');
    expect(statement(el)!.getAttribute('lang')).toBe('en');
    await expectAccessible(el);

    const sent: Record<number, Vote> = {};
    startBefore(el);
    await userEvent.tab();
    expect(deepActiveElement()).toBe(voteButton(el, 'agree'));
    // 1: Agree, with Enter.
    let shown = statementText(el);
    await userEvent.keyboard('{Enter}');
    sent[numberOf(LIBRARY, shown)] = 'agree';
    await expect.poll(() => progress(el)).toBe('1 of 4 answered');
    await expect.poll(() => deepActiveElement()).toBe(statement(el));
    expect(statementText(el)).not.toBe(shown);
    expect(status(el)).toBe(`Saved. Next statement: ${statementText(el)}`);
    // 2: Disagree, with Tab, Tab and Space.
    shown = statementText(el);
    await userEvent.tab();
    await userEvent.tab();
    expect(deepActiveElement()).toBe(voteButton(el, 'disagree'));
    await userEvent.keyboard(' ');
    sent[numberOf(LIBRARY, shown)] = 'disagree';
    await expect.poll(() => progress(el)).toBe('2 of 4 answered');
    await expect.poll(() => deepActiveElement()).toBe(statement(el));
    expect(status(el)).toBe(`Saved. Next statement: ${statementText(el)}`);
    // 3: Pass.
    shown = statementText(el);
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(deepActiveElement()).toBe(voteButton(el, 'pass'));
    await userEvent.keyboard('{Enter}');
    sent[numberOf(LIBRARY, shown)] = 'pass';
    await expect.poll(() => progress(el)).toBe('3 of 4 answered');
    await expect.poll(() => deepActiveElement()).toBe(statement(el));
    expect(status(el)).toBe(`Saved. Next statement: ${statementText(el)}`);
    // The one left is the one not answered, and the API has the three votes as given.
    expect(Object.keys(sent).map(Number).sort()).not.toContain(numberOf(LIBRARY, statementText(el)));
    expect(await myVotes(id)).toEqual(Object.fromEntries(Object.entries(sent).map(([n, v]) => [n, v])));
    await expectAccessible(el);

    // The last one: every statement answered, said and focused.
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => deepActiveElement()?.className).toBe('notice all-answered');
    expect(textOf(el)).toContain('You have answered every statement.');
    expect(status(el)).toBe('Saved. You have answered every statement.');
    expect(progress(el)).toBe('4 of 4 answered');
    expect(statement(el)).toBeNull();
    await expectAccessible(el);
  });

  it('changes a previous answer by keyboard: the focus stays on the button, the pressed one moves, the API has the change', async () => {
    const id = await createPoll(LIBRARY);
    const el = await mountConversation(id, 'en');
    const first = numberOf(LIBRARY, statementText(el));
    await answerByKeyboard(el, 'agree');
    await answerByKeyboard(el, 'pass');
    const previous = disclosure(el, 'previous');
    expect(norm(previous.textContent)).toBe('Previous answers (2)');
    expect(previous.getAttribute('aria-expanded')).toBe('false');
    const panel = shadow(el).getElementById(previous.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(true);
    // Tab from the statement: its three buttons, then "Previous answers".
    statement(el)!.focus();
    for (let i = 0; i < 4; i++) await userEvent.tab();
    expect(deepActiveElement()).toBe(previous);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => previous.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    const rows = () => [...panel.querySelectorAll('li')];
    // In the conversation's order: statement 1 (answered first, no voter token yet) leads.
    expect(first).toBe(1);
    expect(rows().map((li) => norm(li.querySelector('.meta')?.textContent))).toEqual(['Your answer: Agree', 'Your answer: Pass']);
    const row = rows()[0]!;
    expect(norm(row.querySelector('.answer-text')?.textContent)).toBe(LIBRARY.options[0]!.label.en);
    const group = row.querySelector('[role="group"]')!;
    expect(norm(shadow(el).getElementById(group.getAttribute('aria-labelledby')!)?.textContent)).toBe(LIBRARY.options[first - 1]!.label.en);
    const pressed = () => [...group.querySelectorAll('button')].map((b) => `${norm(b.textContent)}:${b.getAttribute('aria-pressed')}`);
    expect(pressed()).toEqual(['Agree:true', 'Disagree:false', 'Pass:false']);
    await expectAccessible(el);
    // Into the first answer's buttons by Tab, to its "Disagree".
    await userEvent.tab();
    await userEvent.tab();
    const disagree = group.querySelector<HTMLButtonElement>('[data-vote="disagree"]')!;
    expect(deepActiveElement()).toBe(disagree);
    await userEvent.keyboard('{Enter}');
    await expect.poll(pressed).toEqual(['Agree:false', 'Disagree:true', 'Pass:false']);
    expect(status(el)).toBe('Saved. Your answer is now “Disagree”.');
    expect(norm(row.querySelector('.meta')?.textContent)).toBe('Your answer: Disagree');
    expect(deepActiveElement()).toBe(disagree);
    expect((await myVotes(id))[String(first)]).toBe('disagree');
    // Still two answered: a change is not a new answer.
    expect(progress(el)).toBe('2 of 4 answered');
    await expectAccessible(el);
  });

  it('a vote that cannot reach the server says so with a retry, which sends it and moves on', async () => {
    const id = await createPoll(LIBRARY);
    const el = await mountConversation(id, 'fi');
    const shown = statementText(el);
    await commands.setApiReachable(false);
    voteButton(el, 'agree').focus();
    await userEvent.keyboard('{Enter}');
    const alert = () => norm(shadow(el).querySelector('.card [role="alert"]')?.textContent);
    await expect.poll(alert).toBe('Virhe: Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.');
    expect(statementText(el)).toBe(shown);
    expect(progress(el)).toBe('Vastattu 0/4 väitteeseen');
    await expectAccessible(el);
    await commands.setApiReachable(true);
    const retry = shadow(el).querySelector<HTMLButtonElement>('.card .retry')!;
    expect(norm(retry.textContent)).toBe('Yritä uudelleen');
    retry.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => progress(el)).toBe('Vastattu 1/4 väitteeseen');
    await expect.poll(() => deepActiveElement()).toBe(statement(el));
    expect(alert()).toBe('');
    expect(status(el)).toBe(`Tallennettu. Seuraava väite: ${statementText(el)}`);
    expect(await myVotes(id)).toEqual({ [String(numberOf(LIBRARY, shown))]: 'agree' });
  });
});

describe('adding a statement of one\'s own', () => {
  it('by keyboard: the disclosure, the label and hint, a live count, the thanks taking the focus; the API holds it for a moderator', async () => {
    const id = await createPoll(LIBRARY);
    const el = await mountConversation(id, 'en');
    const add = disclosure(el, 'add');
    expect(norm(add.textContent)).toBe('Add your own statement');
    statement(el)!.focus();
    for (let i = 0; i < 4; i++) await userEvent.tab(); // three buttons (nothing answered yet: no "Previous answers"), then the disclosure
    expect(deepActiveElement()).toBe(add);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => add.getAttribute('aria-expanded')).toBe('true');
    await userEvent.tab();
    expect(deepActiveElement()).toBe(textarea(el));
    expect(norm(shadow(el).querySelector(`label[for="${textarea(el).id}"]`)?.textContent)).toBe('Your statement');
    const described = () => textarea(el).getAttribute('aria-describedby')!.split(' ').map((ref) => norm(shadow(el).getElementById(ref)?.textContent));
    expect(described()).toEqual(['One thought, 5–280 characters; a moderator reads it before it is shown.', '0/280 characters']);
    await expectAccessible(el);
    const text = 'The library should have a repair café.';
    await userEvent.keyboard(text);
    await expect.poll(() => norm(shadow(el).querySelector('.count')?.textContent)).toBe(`${text.length}/280 characters`);
    expect(described()[1]).toBe(`${text.length}/280 characters`);
    await userEvent.tab();
    expect(norm(deepActiveElement()?.textContent)).toBe('Send statement');
    await userEvent.keyboard('{Enter}');
    const thanks = () => shadow(el).querySelector('.added');
    await expect.poll(() => norm(thanks()?.textContent)).toBe('Thank you: your statement will appear once a moderator has read it.');
    expect(deepActiveElement()).toBe(thanks());
    expect(textarea(el).value).toBe('');
    expect(norm(shadow(el).querySelector('.count')?.textContent)).toBe('0/280 characters');
    // Waiting for a moderator, in the language it was written in; not shown to residents yet.
    const pending = (await (await officialFetch(`/polls/${id}/statements?status=pending`)).json()) as { items: { text: Record<string, string>; lang: string; author: string }[] };
    expect(pending.items).toEqual([expect.objectContaining({ text: { en: text }, lang: 'en', author: 'resident' })]);
    const published = (await (await fetch(`/api/v1/sites/${SITE}/polls/${id}/statements`)).json()) as { items: unknown[] };
    expect(published.items).toHaveLength(4);
    // Sending it made a voter token (the author of the statement), as a vote does.
    expect(localStorage.getItem('osallistu.voter')).toMatch(/^[0-9a-f]{32}$/);
    await expectAccessible(el);
  });

  it('too short: the error at the field takes the focus; over 280 characters the count says by how much, and nothing is sent', async () => {
    const id = await createPoll(LIBRARY);
    const el = await mountConversation(id, 'en');
    disclosure(el, 'add').focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.keyboard('Hm');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    const error = () => norm(shadow(el).querySelector('.add [role="alert"]')?.textContent);
    await expect.poll(error).toBe('Error: Write at least 5 characters.');
    expect(deepActiveElement()).toBe(textarea(el));
    expect(textarea(el).getAttribute('aria-invalid')).toBe('true');
    expect(textarea(el).getAttribute('aria-describedby')).toContain(shadow(el).querySelector('.add [role="alert"] .error')!.id);
    await expectAccessible(el);

    await userEvent.fill(textarea(el), 'x'.repeat(281));
    await expect.poll(() => norm(shadow(el).querySelector('.count')?.textContent)).toBe('281/280 characters: 1 too many');
    expect(shadow(el).querySelector('.count')!.classList.contains('over')).toBe(true);
    expect(status(el)).toBe('1 character too many.');
    submitAdd(el);
    await expect.poll(error).toBe('Error: Keep your statement to 280 characters: one thought a statement.');
    expect(deepActiveElement()).toBe(textarea(el));
    await userEvent.keyboard('{Backspace}');
    await expect.poll(() => norm(shadow(el).querySelector('.count')?.textContent)).toBe('280/280 characters');
    // Fixed: the error goes.
    expect(error()).toBe('');
    expect(textarea(el).getAttribute('aria-invalid')).toBe('false');
    const pending = (await (await officialFetch(`/polls/${id}/statements?status=pending`)).json()) as { items: unknown[] };
    expect(pending.items).toEqual([]);
    await expectAccessible(el);
  });

  it('a fourth statement while three wait for a moderator: said under the button, which keeps the focus; the text stays', async () => {
    const id = await createPoll(LIBRARY);
    const me = resident();
    localStorage.setItem('osallistu.voter', me.token);
    for (const text of ['Ensimmäinen oma väite.', 'Toinen oma väite.', 'Kolmas oma väite.']) {
      const response = await fetch(`/api/v1/sites/${SITE}/polls/${id}/statements`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Voter-Token': me.token, 'CF-Connecting-IP': me.ip },
        body: JSON.stringify({ text, lang: 'fi' }),
      });
      expect(response.status).toBe(202);
    }
    const el = await mountConversation(id, 'fi');
    disclosure(el, 'add').focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.keyboard('Neljäs oma väite.');
    await userEvent.tab();
    const send = deepActiveElement();
    expect(norm(send?.textContent)).toBe('Lähetä väite');
    await userEvent.keyboard('{Enter}');
    const error = () => norm([...shadow(el).querySelectorAll('.add [role="alert"]')].at(-1)?.textContent);
    await expect.poll(error).toBe('Sinulla on jo 3 väitettä odottamassa moderaattoria. Voit lisätä uusia, kun ne on luettu.');
    expect(deepActiveElement()).toBe(send);
    expect(textarea(el).value).toBe('Neljäs oma väite.');
    expect(textarea(el).getAttribute('aria-invalid')).toBe('false');
    const pending = (await (await officialFetch(`/polls/${id}/statements?status=pending`)).json()) as { items: unknown[] };
    expect(pending.items).toHaveLength(3);
    await expectAccessible(el);
  });
});

function submitAdd(el: OsallistuPoll): void {
  shadow(el).querySelector<HTMLButtonElement>('.add button[type="submit"]')!.click();
}

describe('the results: where people agree, what divides them, the opinion groups', () => {
  it('after a first vote (after_vote): consensus and divisive statements with each group\'s share, and how many answers place the resident', async () => {
    const id = await createPoll(PLANTED);
    await plant(id);
    const el = await mountConversation(id, 'en');
    // Not shown before a vote: when they will be.
    expect(textOf(el)).toContain('You will see the results once you have answered.');
    expect(shadow(el).querySelector('.results-status')).toBeNull();
    await answerByKeyboard(el, 'agree');
    await expect.poll(() => textOf(el), { timeout: 15_000 }).toContain('Where people agree');
    expect(textOf(el)).toContain('21 people have taken part.');
    const consensus = items(el, '.opinions')[0];
    expect(consensus).toContain('The library must stay free of charge.');
    expect(consensus).toContain('100% agree (20 of 20)');
    const divisive = [...shadow(el).querySelectorAll('.opinions')][1]!;
    const firstDivisive = [...divisive.querySelectorAll(':scope > li')][0]!;
    const number = numberOf(PLANTED, norm(firstDivisive.querySelector('[lang]')?.textContent));
    expect(number).toBeGreaterThanOrEqual(1);
    expect(number).toBeLessThanOrEqual(8);
    // Group 1 is camp A (the larger): all of it agrees with 1–4, none with 5–8; group 2 the other way round.
    expect([...firstDivisive.querySelectorAll('.by-group li')].map((li) => norm(li.textContent))).toEqual(
      number <= 4 ? ['Group 1: 100% agree', 'Group 2: 0% agree'] : ['Group 1: 0% agree', 'Group 2: 100% agree'],
    );
    expect(textOf(el)).toContain('Answer at least 7 statements to see which group you are closest to.');
    expect(textOf(el)).toContain('Group 1 · 12 people');
    expect(textOf(el)).toContain('Group 2 · 8 people');
    expect(shadow(el).querySelectorAll('[data-share]').length).toBeGreaterThan(0);
    await expectAccessible(el);
  });

  it('a planted conversation: each group with what sets it apart in words and numbers, and "closest to group N" for a resident who votes like camp A', async () => {
    const id = await createPoll({ ...PLANTED, resultsVisibility: 'always' });
    await plant(id);
    const el = await mountConversation(id, 'en');
    await expect.poll(() => shadow(el).querySelectorAll('.group').length, { timeout: 15_000 }).toBe(2);
    const groups = [...shadow(el).querySelectorAll('.group')];
    expect(groups.map((g) => norm(g.querySelector('[role="heading"]')?.textContent))).toEqual(['Group 1 · 12 people', 'Group 2 · 8 people']);
    expect(groups.map((g) => g.querySelector('[role="heading"]')!.getAttribute('aria-level'))).toEqual(['5', '5']);
    // What sets each group apart: the statements it agrees or disagrees with, as camps A and B voted,
    // with the group's share and the others' in numbers (the API's rates, with its +1/+2 prior):
    // camp A's 12 all voted one way and camp B's 8 the other, so 13/14 and 1/10, or 9/10 and 1/14.
    const shares = ['93%', '10%', '90%', '7.1%'];
    for (const [i, camp] of [CAMP_A, CAMP_B].entries()) {
      const rows = [...groups[i]!.querySelectorAll('li')];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const n = numberOf(PLANTED, norm(row.querySelector('[lang]')?.textContent));
        expect(n).toBeGreaterThanOrEqual(1);
        const direction = camp(n);
        expect(norm(row.querySelector('.direction')?.textContent)).toBe(direction === 'agree' ? 'Agrees:' : 'Disagrees:');
        expect(norm(row.querySelector('.share')?.textContent)).toBe(`${shares[2 * i]} of this group ${direction}, ${shares[2 * i + 1]} of others`);
      }
    }
    expect(textOf(el)).toContain('Answer at least 7 statements to see which group you are closest to.');
    await expectAccessible(el);

    // This resident votes as camp A did, statement by statement in their own order.
    for (let i = 0; i < 9; i++) await answerByKeyboard(el, CAMP_A(numberOf(PLANTED, statementText(el))));
    await expect.poll(() => norm(shadow(el).querySelector('.closest')?.textContent), { timeout: 15_000 }).toBe('You are closest to group 1.');
    expect(deepActiveElement()).toBe(shadow(el).querySelector('.all-answered'));
    expect(textOf(el)).toContain('You have answered every statement.');
    await expectAccessible(el);
  });

  it('loading, a failed load with a retry the keyboard reaches, and the empty state before anyone is placed in a group', async () => {
    const id = await createPoll({ ...LIBRARY, resultsVisibility: 'always' });
    const real = window.fetch.bind(window);
    let failing = true;
    vi.spyOn(window, 'fetch').mockImplementation((input, init) =>
      failing && String(input instanceof Request ? input.url : input).endsWith('/opinions') ? Promise.reject(new TypeError('Failed to fetch')) : real(input, init),
    );
    const el = await mountConversation(id, 'sv');
    // The client tries a read four times before it gives up: meanwhile, loading.
    await expect.poll(() => norm(shadow(el).querySelector('.results-status')?.textContent)).toBe('Resultaten laddas…');
    await expect.poll(() => norm(shadow(el).querySelector('.results-status')?.textContent), { timeout: 20_000 }).toBe('Resultaten kunde inte laddas.');
    await expectAccessible(el);
    failing = false;
    const retry = [...shadow(el).querySelectorAll('button')].find((b) => norm(b.textContent) === 'Försök igen')!;
    retry.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => textOf(el)).toContain('Inga grupper ännu: de bildas när tillräckligt många har besvarat minst 4 påståenden.');
    expect(deepActiveElement()).toBe(shadow(el).querySelector('.results-status'));
    expect(norm(shadow(el).querySelector('.results-status')?.textContent)).toBe('0 personer har deltagit.');
    expect(items(el, '.meta').filter((t) => t === 'Inga ännu.')).toHaveLength(2);
    expect(textOf(el)).toContain('Besvara minst 4 påståenden för att se vilken grupp du står närmast.');
    await expectAccessible(el);
  }, 30_000);
});

describe('a conversation in fi, sv and en', () => {
  const WORDS = {
    fi: { buttons: ['Samaa mieltä', 'Eri mieltä', 'Ohita'], group: 'Kantasi', progress: 'Vastattu 0/4 väitteeseen', saved: 'Tallennettu. Seuraava väite:', previous: 'Aiemmat vastauksesi (1)', add: 'Lisää oma väitteesi', count: '0/280 merkkiä' },
    sv: { buttons: ['Håller med', 'Håller inte med', 'Hoppa över'], group: 'Din åsikt', progress: '0 av 4 besvarade', saved: 'Sparat. Nästa påstående:', previous: 'Dina tidigare svar (1)', add: 'Lägg till ett eget påstående', count: '0/280 tecken' },
    en: { buttons: ['Agree', 'Disagree', 'Pass'], group: 'Your view', progress: '0 of 4 answered', saved: 'Saved. Next statement:', previous: 'Previous answers (1)', add: 'Add your own statement', count: '0/280 characters' },
  };

  it.each(LANGS)('(%s) the buttons, their group, the progress, the saved message and the disclosures; every part in its language; axe-clean', async (lang) => {
    const id = await createPoll(LIBRARY);
    const el = await mountConversation(id, lang);
    const w = WORDS[lang];
    expect(statementText(el)).toBe(LIBRARY.options[0]!.label[lang]);
    expect(statement(el)!.getAttribute('lang')).toBe(lang);
    expect(items(el, '.card [role="group"] button')).toEqual(w.buttons);
    expect(shadow(el).querySelector('.card [role="group"]')!.getAttribute('aria-label')).toBe(w.group);
    expect(progress(el)).toBe(w.progress);
    expect(norm(disclosure(el, 'add').textContent)).toBe(w.add);
    expect(norm(shadow(el).querySelector('.count')?.textContent)).toBe(w.count);
    await answerByKeyboard(el, 'agree');
    expect(status(el)).toBe(`${w.saved} ${statementText(el)}`);
    expect(norm(disclosure(el, 'previous').textContent)).toBe(w.previous);
    disclosure(el, 'previous').click();
    disclosure(el, 'add').click();
    await expect.poll(() => shadow(el).querySelectorAll('.panel:not([hidden])').length).toBe(2);
    expect(new LanguageWords([LIBRARY]).mismatches(el.parentElement!)).toEqual([]);
    await expectAccessible(el);
  });

  it('a statement that exists in Finnish only is shown in Finnish on a Swedish page, marked so', async () => {
    const id = await createPoll({ ...LIBRARY, options: [{ id: 'f', label: { fi: 'Kirjastoon tarvitaan lisää työtiloja.' } }, ...LIBRARY.options] });
    const el = await mountConversation(id, 'sv');
    expect(statementText(el)).toBe('Kirjastoon tarvitaan lisää työtiloja.');
    expect(statement(el)!.getAttribute('lang')).toBe('fi');
    expect(new LanguageWords([LIBRARY]).mismatches(el.parentElement!)).toEqual([]);
  });
});

describe('a conversation on a 320 px wide screen', () => {
  it('the statement, its buttons, both disclosures open and the groups: nothing scrolls sideways', async () => {
    await page.viewport(320, 640);
    const id = await createPoll({ ...PLANTED, resultsVisibility: 'always' });
    await plant(id, 6, 4);
    const el = await mountConversation(id, 'fi');
    await expect.poll(() => shadow(el).querySelectorAll('.group').length, { timeout: 15_000 }).toBeGreaterThan(0);
    expectNoSidewaysScroll(el);
    await answerByKeyboard(el, 'agree');
    disclosure(el, 'previous').click();
    disclosure(el, 'add').click();
    await expect.poll(() => shadow(el).querySelectorAll('.panel:not([hidden])').length).toBe(2);
    await userEvent.fill(textarea(el), 'Pitkä '.repeat(60));
    await expect.poll(() => shadow(el).querySelector('.count.over')).toBeTruthy();
    expectNoSidewaysScroll(el);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
  });
});

describe('a conversation in the console\'s preview', () => {
  const preview = (over: Partial<PollView> = {}): PollView =>
    previewView({
      kind: 'statements',
      question: LIBRARY.question,
      options: LIBRARY.options,
      resultsVisibility: 'after_vote',
      ...over,
    });

  it('shows the first opening statement with its three buttons inert, and asks nothing of the API', async () => {
    await commands.recordRequests();
    const el = mountPreview(preview(), 'sv');
    await expect.poll(() => statementText(el)).toBe('Biblioteket borde vara öppet sent på kvällarna.');
    expect(progress(el)).toBe('0 av 4 besvarade');
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('.card [role="group"] button')];
    expect(buttons.map((b) => [norm(b.textContent), b.disabled])).toEqual([
      ['Håller med', true],
      ['Håller inte med', true],
      ['Hoppa över', true],
    ]);
    buttons[0]!.click();
    expect(statementText(el)).toBe('Biblioteket borde vara öppet sent på kvällarna.');
    expect(shadow(el).querySelector('.add')).toBeNull();
    expect((await commands.recordedRequests()).filter((url) => url.includes('/api/'))).toEqual([]);
    await expectAccessible(el);
  });
});
