import { commands, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../worker/schema/roles.ts';
import type { PollView } from '../../worker/schema/polls.ts';
import { expectAccessible, labelledName } from '../../test/support/a11y.ts';
import { resetConsole, signedInView, typeInto } from '../../test/support/console.ts';
import { SITE, createPoll, officialFetch } from '../../test/support/polls.ts';
import { SETTINGS_SITE } from '../../test/support/test-sites.ts';
import './osallistu-admin.ts';

afterEach(async () => {
  await commands.setApiReachable(true);
  resetConsole();
});

type Statement = { id: number; text: Record<string, string>; lang: string; author: string; status: string; votes?: { agree: number; disagree: number; pass: number } };

const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const rowsOf = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => squeeze(c.textContent)));
const labelOf = (root: ShadowRoot, id: string) => squeeze(root.querySelector(`label[for="${id}"]`)?.textContent);
const save = (editor: ShadowRoot) => editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();

let counter = 0;
/** A resident of their own: a voter token and an address no other test's residents share. */
const resident = () => ({ token: `voter-${crypto.randomUUID()}`, ip: `198.51.${(Date.now() + counter) % 250}.${counter++ % 250}` });

/** A conversation on `site` (the demo site unless told), open, its results shown always. */
async function createConversation(statements: string[], overrides: Record<string, unknown> = {}): Promise<string> {
  return createPoll({
    kind: 'statements',
    question: { fi: `Millainen kirjaston pitäisi olla? ${Date.now()}`, sv: 'Hurdant borde biblioteket vara?', en: 'What should the library be like?' },
    options: statements.map((fi, i) => ({ id: `s${i + 1}`, label: { fi } })),
    status: 'open',
    resultsVisibility: 'always',
    ...overrides,
  });
}

/** The conversation's statements as an official reads them (published unless `status` says). */
async function statementsOf(poll: string, status?: string): Promise<Statement[]> {
  const response = await officialFetch(`/polls/${poll}/statements${status ? `?status=${status}` : ''}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Statement[] }).items;
}

/** A resident's statement, sent as the poll widget sends it: it waits for a moderator. */
async function suggest(poll: string, text: string, lang = 'fi', site: string = SITE): Promise<number> {
  const who = resident();
  const response = await fetch(`/api/v1/sites/${site}/polls/${poll}/statements`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Voter-Token': who.token, 'CF-Connecting-IP': who.ip },
    body: JSON.stringify({ text, lang }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: number }).id;
}

async function vote(poll: string, statement: number, value: 'agree' | 'disagree' | 'pass', voter: { token: string; ip: string }) {
  const response = await fetch(`/api/v1/sites/${SITE}/polls/${poll}/statements/${statement}/vote`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Voter-Token': voter.token, 'CF-Connecting-IP': voter.ip },
    body: JSON.stringify({ vote: value }),
  });
  expect(response.status).toBe(200);
}

/** The polls view with a new poll's editor open, focus on its heading. */
async function openNewEditor(lang = 'fi') {
  const polls = await signedInView('osallistu-admin-polls', 'polls', { lang });
  await expect.poll(() => polls.shadow.querySelector('#new-poll')).toBeTruthy();
  polls.shadow.querySelector<HTMLButtonElement>('#new-poll')!.click();
  await expect.poll(() => polls.shadow.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
  return { ...polls, editor: polls.shadow.querySelector('osallistu-admin-poll-editor')!.shadowRoot! };
}

/** The polls view with `id`'s editor open. */
async function openEditor(id: string, lang = 'fi') {
  const polls = await signedInView('osallistu-admin-polls', 'polls', { lang });
  await expect.poll(() => polls.shadow.querySelector(`.menu[data-menu-of="${id}"] button[data-action="edit"]`)).toBeTruthy();
  polls.shadow.querySelector<HTMLButtonElement>(`.menu[data-menu-of="${id}"] button[data-action="edit"]`)!.click();
  await expect.poll(() => polls.shadow.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
  return { ...polls, editor: polls.shadow.querySelector('osallistu-admin-poll-editor')!.shadowRoot! };
}

/** The polls view with `id`'s results opened, and the conversation's part once it has arrived. */
async function openResults(id: string, lang = 'fi') {
  const polls = await signedInView('osallistu-admin-polls', 'polls', { lang });
  await expect.poll(() => polls.shadow.querySelector(`button[data-results="${id}"]`)).toBeTruthy();
  polls.shadow.querySelector<HTMLButtonElement>(`button[data-results="${id}"]`)!.click();
  await expect.poll(() => polls.shadow.activeElement?.id).toBe('results-heading');
  const section = polls.shadow.querySelector('section.results')!;
  await expect.poll(() => section.querySelector('#conversation')?.getAttribute('aria-busy')).toBe('false');
  return { ...polls, section, conversation: section.querySelector('#conversation')! };
}

/** The waiting statements' view by itself, as the console puts it, for `site` with `token`. */
async function mountQueue(options: { lang?: string; site?: string; token?: string; role?: Role } = {}) {
  const main = document.createElement('main');
  main.lang = options.lang ?? 'fi';
  const el = document.createElement('osallistu-admin-statements');
  el.setAttribute('site', options.site ?? SITE);
  el.setAttribute('api', location.origin);
  el.token = options.token ?? inject('devServer').token;
  el.official = { tokenId: 'x', label: 'Testi', labelLang: 'fi', role: options.role ?? 'moderator', site: options.site ?? SITE };
  main.append(el);
  document.body.append(main);
  await expect.poll(() => el.shadowRoot?.querySelector('h2')).toBeTruthy();
  return { el, shadow: el.shadowRoot! };
}

const itemOf = (shadow: ShadowRoot, poll: string, id: number) => shadow.querySelector<HTMLElement>(`li[data-statement="${poll}/${id}"]`);
const keysOf = (shadow: ShadowRoot) => [...shadow.querySelectorAll('li[data-statement]')].map((li) => li.getAttribute('data-statement')!);

describe('<osallistu-admin-poll-editor>: a conversation', () => {
  it('is created by keyboard with three opening statements, sent with no choice limits, which the API holds as statements 1–3', async () => {
    const { el, shadow, editor } = await openNewEditor();
    const id = `keskustelu-${Date.now()}`;
    await typeInto(editor, '#poll-id', id);
    // The conversation is the last kind.
    await typeInto(editor, '#kind', '{End}');
    await expect.poll(() => editor.querySelector<HTMLSelectElement>('#kind')!.value).toBe('statements');
    expect(squeeze(editor.querySelector('#kind option[value="statements"]')!.textContent)).toBe('Keskustelu (väitteet)');
    // No choices to limit.
    expect(editor.querySelector('#min')).toBeNull();
    expect(editor.querySelector('#max')).toBeNull();
    expect(squeeze(editor.querySelector('#statement-0-fi')!.closest('fieldset')!.querySelector('legend')!.textContent)).toBe('Aloitusväitteet');
    expect(labelOf(editor, 'statement-0-fi')).toBe('Väite 1 (suomi)');

    await typeInto(editor, '#question-fi', 'Millainen kirjaston pitäisi olla?');
    await typeInto(editor, '#statement-0-fi', 'Kirjaston pitäisi olla auki iltaisin.');
    await typeInto(editor, '#statement-1-fi', 'Kirjastossa pitäisi olla hiljainen lukusali.');
    await typeInto(editor, '#statement-add', '{Enter}');
    await expect.poll(() => editor.activeElement?.id).toBe('statement-2-fi');
    await userEvent.keyboard('Kirjaston pitäisi lainata työkaluja.');
    // Any number may be removed, down to none: every statement has its remove button.
    expect(editor.querySelectorAll('.option-row button').length).toBe(3);
    expect(squeeze(editor.querySelector('.option-row button')!.textContent)).toBe('Poista väite 1');
    const preview = editor.querySelector<HTMLElement & { preview?: PollView }>('.preview osallistu-poll')!;
    await expect.poll(() => preview.preview && [preview.preview.kind, preview.preview.options.length]).toEqual(['statements', 3]);
    // What is missing in Swedish is named as statements.
    expect(squeeze(editor.querySelector('.notice-box')!.textContent)).toContain('Väite 3 puuttuu kielellä ruotsi.');
    await expectAccessible(el);

    // Saved by keyboard, as a draft (the default), so nothing asks about the missing languages.
    await typeInto(editor, 'form > .actions button:not([type])', '{Enter}');
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe('Kysely ”Millainen kirjaston pitäisi olla?” tallennettiin.');
    const stored = (await (await officialFetch(`/polls/${id}`)).json()) as PollView;
    expect(stored.kind).toBe('statements');
    const statements = await statementsOf(id);
    expect(statements.map((s) => [s.id, s.text.fi, s.author, s.status])).toEqual([
      [1, 'Kirjaston pitäisi olla auki iltaisin.', 'official', 'published'],
      [2, 'Kirjastossa pitäisi olla hiljainen lukusali.', 'official', 'published'],
      [3, 'Kirjaston pitäisi lainata työkaluja.', 'official', 'published'],
    ]);
  });

  it('shows a saved conversation\'s statements read only, adds one in the site\'s language by keyboard with a live count, and saves other edits', async () => {
    const id = await createConversation(['Kirjaston pitäisi olla auki iltaisin.', 'Kirjastossa pitäisi olla hiljainen lukusali.']);
    const { el, shadow, editor } = await openEditor(id);
    await expect.poll(() => [...editor.querySelectorAll('ol.statements li')].map((li) => [li.getAttribute('data-statement'), li.getAttribute('lang'), squeeze(li.textContent)])).toEqual([
      ['1', 'fi', 'Kirjaston pitäisi olla auki iltaisin.'],
      ['2', 'fi', 'Kirjastossa pitäisi olla hiljainen lukusali.'],
    ]);
    // Read only: no fields for them, none to add or remove.
    expect(editor.querySelector('#statement-0-fi')).toBeNull();
    expect(editor.querySelector('#statement-add')).toBeNull();
    expect(labelOf(editor, 'new-statement')).toBe('Lisää väite (suomi)');
    const field = editor.querySelector<HTMLTextAreaElement>('#new-statement')!;
    expect(field.getAttribute('lang')).toBe('fi');
    expect(field.maxLength).toBe(280);
    expect(field.getAttribute('aria-describedby')).toBe('new-statement-help new-statement-count');
    expect(squeeze(editor.querySelector('#new-statement-count')!.textContent)).toBe('0 / 280 merkkiä');
    await expectAccessible(el);

    // Too short: said at the field, nothing sent.
    await typeInto(editor, '#new-statement', 'Kyl');
    expect(squeeze(editor.querySelector('#new-statement-count')!.textContent)).toBe('3 / 280 merkkiä');
    await userEvent.keyboard('{Tab}');
    expect(editor.activeElement?.id).toBe('add-statement');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => squeeze(editor.querySelector('#new-statement-error')?.textContent)).toBe('Kirjoita vähintään 5 merkkiä.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('new-statement-help new-statement-count new-statement-error');
    expect(editor.activeElement?.id).toBe('new-statement');
    expect((await statementsOf(id)).length).toBe(2);
    await expectAccessible(el);

    await userEvent.keyboard('{Control>}a{/Control}{Backspace}Kirjastoon tarvitaan lisää pistorasioita.');
    expect(squeeze(editor.querySelector('#new-statement-count')!.textContent)).toBe('41 / 280 merkkiä');
    expect(editor.querySelector('#new-statement-error')).toBeNull();
    await userEvent.keyboard('{Tab}{Enter}');
    await expect.poll(() => editor.querySelector('#statement-status')?.textContent).toBe('Väite 3 lisättiin ja julkaistiin.');
    expect([...editor.querySelectorAll('ol.statements li')].map((li) => squeeze(li.textContent)).at(-1)).toBe('Kirjastoon tarvitaan lisää pistorasioita.');
    expect(field.value).toBe('');
    expect(squeeze(editor.querySelector('#new-statement-count')!.textContent)).toBe('0 / 280 merkkiä');
    const stored = await statementsOf(id);
    expect(stored.at(-1)).toMatchObject({ id: 3, text: { fi: 'Kirjastoon tarvitaan lisää pistorasioita.' }, lang: 'fi', author: 'official', status: 'published' });
    await expectAccessible(el);

    // The poll's other fields still save: its statements are not sent again (the API would refuse them).
    await typeInto(editor, '#question-sv', '{End} Nu.');
    save(editor);
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toMatch(/^Kysely ”Millainen kirjaston pitäisi olla\? \d+” tallennettiin\.$/);
    expect(((await (await officialFetch(`/polls/${id}`)).json()) as PollView).question.sv).toBe('Hurdant borde biblioteket vara? Nu.');
    expect((await statementsOf(id)).length).toBe(3);
  });

  it.each([
    ['fi', 'Keskustelu (väitteet)', 'Aloitusväitteet', 'Väite 1 (suomi)', 'Väitteet odottavat'],
    ['sv', 'Samtal (påståenden)', 'Inledande påståenden', 'Påstående 1 (finska)', 'Påståenden väntar'],
    ['en', 'Conversation (statements)', 'Opening statements', 'Statement 1 (Finnish)', 'Statements waiting'],
  ])('is named in the console\'s language (%s), and so is the waiting statements\' view', async (lang, kind, legend, statement, nav) => {
    const { el, editor } = await openNewEditor(lang);
    await typeInto(editor, '#kind', '{End}');
    await expect.poll(() => editor.querySelector<HTMLSelectElement>('#kind')!.value).toBe('statements');
    // Named, so the previews have something to show.
    await typeInto(editor, '#question-fi', 'Mitä torille?');
    await typeInto(editor, '#statement-0-fi', 'Torille tarvitaan penkkejä.');
    await typeInto(editor, '#statement-1-fi', 'Torille tarvitaan puita.');
    expect(squeeze(editor.querySelector('#kind option[value="statements"]')!.textContent)).toBe(kind);
    expect(squeeze(editor.querySelector('#statement-0-fi')!.closest('fieldset')!.querySelector('legend')!.textContent)).toBe(legend);
    expect(labelOf(editor, 'statement-0-fi')).toBe(statement);
    expect(squeeze(el.shadowRoot!.querySelector('nav a[href="#statements"]')!.textContent)).toBe(nav);
    await expectAccessible(el);
  });
});

describe('<osallistu-admin-statements>: statements waiting', () => {
  it('lists a resident\'s statements with their conversation; published and rejected by keyboard, each leaves the list, is said, and focus moves on; the API and the audit log agree', async () => {
    const poll = await createConversation(['Kirjaston pitäisi olla auki iltaisin.']);
    const first = await suggest(poll, 'Kirjaston pitäisi olla auki myös sunnuntaisin.');
    const second = await suggest(poll, 'Biblioteket borde låna ut verktyg.', 'sv');
    expect([first, second]).toEqual([2, 3]);

    const { el, shadow } = await signedInView('osallistu-admin-statements', 'statements');
    expect(squeeze(el.shadowRoot!.querySelector('nav a[aria-current="page"]')!.textContent)).toBe('Väitteet odottavat');
    await expect.poll(() => itemOf(shadow, poll, second)).toBeTruthy();
    expect(squeeze(shadow.querySelector('h2')!.textContent)).toBe('Väitteet odottavat');
    const item = itemOf(shadow, poll, first)!;
    const question = (await (await officialFetch(`/polls/${poll}`)).json()) as PollView;
    expect(squeeze(item.querySelector('.meta')!.textContent)).toBe(`Keskustelu: ${question.question.fi}`);
    expect(item.querySelector('.statement')!.getAttribute('lang')).toBe('fi');
    expect(squeeze(item.querySelector('.statement')!.textContent)).toBe('Kirjaston pitäisi olla auki myös sunnuntaisin.');
    expect(squeeze(item.querySelector('time')!.parentElement!.textContent)).toMatch(/^Lähetetty \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}$/);
    // Oldest first.
    expect(keysOf(shadow).indexOf(`${poll}/${first}`)).toBeLessThan(keysOf(shadow).indexOf(`${poll}/${second}`));
    // The buttons are named by the statement's start, in the statement's language.
    const publish = item.querySelector<HTMLButtonElement>('button[data-action="publish"]')!;
    expect(labelledName(publish)).toBe('Julkaise: Kirjaston pitäisi olla auki…');
    expect(labelledName(item.querySelector('button[data-action="reject"]')!)).toBe('Hylkää: Kirjaston pitäisi olla auki…');
    const other = itemOf(shadow, poll, second)!;
    expect(labelledName(other.querySelector('button[data-action="publish"]')!)).toBe('Julkaise: Biblioteket borde låna ut…');
    expect(shadow.getElementById(`start-${poll}-${second}`)!.getAttribute('lang')).toBe('sv');
    expect(other.querySelector('.statement')!.getAttribute('lang')).toBe('sv');
    await expectAccessible(el);

    // Published by keyboard: gone from the list, said politely, focus on the next item's first button.
    const before = keysOf(shadow);
    const next = before[before.indexOf(`${poll}/${first}`) + 1]!;
    publish.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => itemOf(shadow, poll, first)).toBeNull();
    expect(squeeze(shadow.querySelector('p[role="status"]')!.textContent)).toBe('Julkaistu: ”Kirjaston pitäisi olla auki…”');
    await expect.poll(() => shadow.activeElement).toBe(shadow.querySelector(`li[data-statement="${next}"] button`));
    expect((await statementsOf(poll)).map((s) => [s.id, s.status, s.author])).toEqual([
      [1, 'published', 'official'],
      [2, 'published', 'resident'],
    ]);
    expect((await statementsOf(poll, 'pending')).map((s) => s.id)).toEqual([3]);
    await expectAccessible(el);

    // Rejected by keyboard.
    itemOf(shadow, poll, second)!.querySelector<HTMLButtonElement>('button[data-action="reject"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => itemOf(shadow, poll, second)).toBeNull();
    expect(squeeze(shadow.querySelector('p[role="status"]')!.textContent)).toBe('Hylätty: ”Biblioteket borde låna ut…”');
    expect(shadow.querySelector('p[role="status"] span')!.getAttribute('lang')).toBe('sv');
    expect((await statementsOf(poll, 'rejected')).map((s) => s.id)).toEqual([3]);
    expect((await statementsOf(poll, 'pending')).map((s) => s.id)).toEqual([]);
    expect((await statementsOf(poll)).map((s) => s.id)).toEqual([1, 2]);

    // The audit log says who published and rejected which statement of which conversation.
    resetConsole();
    const audit = await signedInView('osallistu-admin-audit', 'audit');
    const sentences = () => [...audit.shadow.querySelectorAll('ol.audit li')].map((li) => squeeze(li.textContent));
    await expect.poll(() => sentences().find((s) => s.includes(`hylkäsi väitteen 3 keskustelussa ”${question.question.fi}”`))).toBeTruthy();
    expect(sentences().find((s) => s.includes(`julkaisi väitteen 2 keskustelussa ”${question.question.fi}”`))).toBeTruthy();
    await expectAccessible(audit.el);
  });

  it('says nothing is waiting once the last one is handled, with focus on the heading; in Swedish', async () => {
    const token = inject('devServer').settingsToken;
    const created = await fetch(`/api/v1/sites/${SETTINGS_SITE.id}/polls`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'statements', question: { fi: 'Mitä torille?', sv: 'Vad på torget?', en: 'What on the square?' }, options: [], status: 'open' }),
    });
    expect(created.status).toBe(201);
    const poll = ((await created.json()) as { id: string }).id;
    const id = await suggest(poll, 'Torget behöver fler bänkar.', 'sv', SETTINGS_SITE.id);
    const { el, shadow } = await mountQueue({ lang: 'sv', site: SETTINGS_SITE.id, token });
    await expect.poll(() => itemOf(shadow, poll, id)).toBeTruthy();
    expect(keysOf(shadow)).toEqual([`${poll}/${id}`]);
    expect(squeeze(itemOf(shadow, poll, id)!.querySelector('.meta')!.textContent)).toBe('Samtal: Vad på torget?');
    expect(labelledName(itemOf(shadow, poll, id)!.querySelector('button[data-action="reject"]')!)).toBe('Avvisa: Torget behöver fler bänkar.');
    await expectAccessible(el);
    itemOf(shadow, poll, id)!.querySelector<HTMLButtonElement>('button[data-action="reject"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => squeeze(shadow.querySelector('.empty')?.textContent)).toBe('Inget väntar.');
    expect(squeeze(shadow.querySelector('p[role="status"]')!.textContent)).toBe('Avvisat: ”Torget behöver fler bänkar.”');
    await expect.poll(() => shadow.activeElement?.id).toBe('statements-heading');
    expect(squeeze(shadow.activeElement!.textContent)).toBe('Påståenden väntar');
    await expectAccessible(el);

    // Opened again: empty from the start; a refresh says so.
    resetConsole();
    const again = await mountQueue({ lang: 'en', site: SETTINGS_SITE.id, token });
    await expect.poll(() => squeeze(again.shadow.querySelector('.empty')?.textContent)).toBe('Nothing is waiting.');
    expect(again.shadow.querySelector('ol')).toBeNull();
    again.shadow.querySelector<HTMLButtonElement>('#refresh')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => squeeze(again.shadow.querySelector('p[role="status"]')?.textContent)).toBe('Nothing is waiting.');
    await expectAccessible(again.el);
  });

  it('shows loading, then an error with a retry that works once the API is back', async () => {
    const poll = await createConversation([]);
    const id = await suggest(poll, 'Kirjastoon tarvitaan lisää työpisteitä.');
    await commands.setApiReachable(false);
    const { el, shadow } = await mountQueue({ lang: 'en' });
    expect(squeeze(shadow.querySelector('.queue')!.textContent)).toBe('Loading…');
    expect(shadow.querySelector('.queue')!.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => squeeze(shadow.querySelector('.queue [role="alert"]')?.textContent), { timeout: 20_000 }).toMatch(/^Could not reach the server\./);
    expect(shadow.querySelector('.queue')!.getAttribute('aria-busy')).toBe('false');
    await expectAccessible(el);
    await commands.setApiReachable(true);
    shadow.querySelector<HTMLButtonElement>('#retry')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => itemOf(shadow, poll, id)).toBeTruthy();
    expect(shadow.querySelector('[role="alert"]')).toBeNull();
    expect(shadow.activeElement?.id).toBe('statements-heading');
    // Left as it was found: rejected, so no other test meets it.
    const done = await officialFetch(`/polls/${poll}/statements/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'rejected' }) });
    expect(done.status).toBe(200);
  }, 40_000);
});

describe('<osallistu-admin-polls>: a conversation\'s results', () => {
  it('shows two planted camps as two opinion groups with what sets each apart, the broadest agreement, the most divisive and every statement with its votes', async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `Väite numero ${i + 1}`);
    const poll = await createConversation(texts, { question: { fi: `Ryhmät ${Date.now()}`, en: 'Groups' } });
    // Two camps of ten: one agrees with 1–4 and disagrees with 5–7, the other the other way round; all agree with 8 but one, who passes.
    const camp = (agreesFirst: boolean) =>
      Array.from({ length: 10 }, async (_, v) => {
        const voter = resident();
        for (let s = 1; s <= 8; s++) {
          const value = s === 8 ? (!agreesFirst && v === 9 ? 'pass' : 'agree') : (s <= 4) === agreesFirst ? 'agree' : 'disagree';
          await vote(poll, s, value, voter);
        }
      });
    await Promise.all([...camp(true), ...camp(false)]);

    const { el, conversation } = await openResults(poll, 'en');
    const counts = [...conversation.querySelectorAll('dl.conversation-counts > *')].map((n) => squeeze(n.textContent));
    expect(counts).toEqual(['Residents who voted', '20', 'Placed in groups (voted on at least 7 statements)', '20']);
    expect(squeeze(conversation.querySelector('.computed')!.textContent)).toMatch(/^Groups computed at \d{2}:\d{2}; they may be up to a minute behind the votes\.$/);
    expect(conversation.querySelector('.computed time')!.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const groups = [...conversation.querySelectorAll('section.opinion-group')];
    expect(groups.map((g) => squeeze(g.querySelector('h5')!.textContent))).toEqual(['Group 1 · 10 residents', 'Group 2 · 10 residents']);
    // Each group by what sets it apart: statements 1–5 (all equally, so in order), agreeing where the other disagrees.
    const tables = groups.map((g) => g.querySelector('table.distinctive')!);
    expect(tables.map((t) => squeeze(t.querySelector('caption')!.textContent))).toEqual(['What sets group 1 apart', 'What sets group 2 apart']);
    expect([...tables[0]!.querySelectorAll('thead th')].map((th) => squeeze(th.textContent))).toEqual(['Statement', 'The group', 'Share of the group', 'Share of the others']);
    const rows = tables.map(rowsOf);
    const firstAgrees = rows[0]![0]![1] === 'agrees';
    const stance = (agrees: boolean) => (agrees ? 'agrees' : 'disagrees');
    // With the prior, (10 + 1) / (10 + 2) of the group against (0 + 1) / (10 + 2) of the others.
    const expected = (agreesFirst: boolean) => [1, 2, 3, 4, 5].map((s) => [`Väite numero ${s}`, stance((s <= 4) === agreesFirst), '92%', '8.3%']);
    expect(rows[0]).toEqual(expected(firstAgrees));
    expect(rows[1]).toEqual(expected(!firstAgrees));
    expect(tables[0]!.querySelector('tbody th[scope="row"]')!.getAttribute('lang')).toBe('fi');

    expect(squeeze(conversation.querySelector('#consensus-heading')!.textContent)).toBe('Broadest agreement');
    expect(rowsOf(conversation.querySelector('table.consensus-table')!)).toEqual([['Väite numero 8', '19', '0', '1']]);
    expect(squeeze(conversation.querySelector('#divisive-heading')!.textContent)).toBe('Most divisive');
    // The one who passed on 8 makes the groups differ on it a little: last, and listed.
    expect(rowsOf(conversation.querySelector('table.divisive-table')!)).toEqual([...[1, 2, 3, 4, 5, 6, 7].map((s) => [`Väite numero ${s}`, '10', '10', '0']), ['Väite numero 8', '19', '0', '1']]);
    const all = conversation.querySelector('table.all-statements')!;
    expect(squeeze(all.querySelector('caption')!.textContent)).toBe('All published statements');
    expect([...all.querySelectorAll('thead th')].map((th) => squeeze(th.textContent))).toEqual(['Statement', 'No.', 'Written by', 'Agree', 'Disagree', 'Pass']);
    expect(rowsOf(all)).toEqual(texts.map((text, i) => [text, String(i + 1), 'the city', ...(i === 7 ? ['19', '0', '1'] : ['10', '10', '0'])]));
    await expectAccessible(el);
  });

  it('with no votes says so; with too few, says no groups yet and why (in Swedish and Finnish)', async () => {
    const poll = await createConversation(['Första', 'Andra', 'Tredje'].map((s) => `${s} påståendet.`), { question: { fi: `Tyhjä ${Date.now()}`, sv: 'Tomt samtal' } });
    const empty = await openResults(poll, 'sv');
    expect(squeeze(empty.conversation.querySelector('.no-votes')!.textContent)).toBe('Inga röster ännu.');
    expect(empty.conversation.querySelector('section.opinion-group')).toBeNull();
    expect(rowsOf(empty.conversation.querySelector('table.all-statements')!)).toEqual([
      ['Första påståendet.', '1', 'staden', '0', '0', '0'],
      ['Andra påståendet.', '2', 'staden', '0', '0', '0'],
      ['Tredje påståendet.', '3', 'staden', '0', '0', '0'],
    ]);
    await expectAccessible(empty.el);
    resetConsole();

    // One resident who voted on two of three: counted, placed in no group. (Another conversation: the groups are kept a minute once computed.)
    const other = await createConversation(['Ensimmäinen väite.', 'Toinen väite.', 'Kolmas väite.'], { question: { fi: `Vähän ääniä ${Date.now()}` } });
    const voter = resident();
    await vote(other, 1, 'agree', voter);
    await vote(other, 2, 'disagree', voter);
    const few = await openResults(other, 'fi');
    expect(squeeze(few.conversation.querySelector('.computed')!.textContent)).toMatch(/^Ryhmät laskettu kello \d{1,2}\.\d{2}; ne voivat olla enintään minuutin jäljessä äänistä\.$/);
    expect([...few.conversation.querySelectorAll('dl.conversation-counts dd')].map((n) => squeeze(n.textContent))).toEqual(['1', '0']);
    expect(squeeze(few.conversation.querySelector('dl.conversation-counts dt:nth-of-type(2)')!.textContent)).toBe('Ryhmiin sijoitetut (äänestäneet vähintään 3 väitettä)');
    expect(squeeze(few.conversation.querySelector('.no-groups')!.textContent)).toBe('Ryhmiä ei vielä ole: liian harva asukas on äänestänyt 3 väitettä.');
    expect(rowsOf(few.conversation.querySelector('table.all-statements')!).map((r) => r.slice(3))).toEqual([
      ['1', '0', '0'],
      ['0', '1', '0'],
      ['0', '0', '0'],
    ]);
    await expectAccessible(few.el);
  });

  it('shows the results loading, then a failure with a retry that keeps focus where the results come', async () => {
    const poll = await createConversation(['Väite yksi.', 'Väite kaksi.']);
    const realFetch = window.fetch;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let failing = true;
    window.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (failing && url.endsWith(`/polls/${poll}/opinions`)) {
        await gate;
        throw new TypeError('Failed to fetch');
      }
      return realFetch(input, init);
    };
    try {
      const polls = await signedInView('osallistu-admin-polls', 'polls', { lang: 'en' });
      await expect.poll(() => polls.shadow.querySelector(`button[data-results="${poll}"]`)).toBeTruthy();
      polls.shadow.querySelector<HTMLButtonElement>(`button[data-results="${poll}"]`)!.click();
      await expect.poll(() => polls.shadow.activeElement?.id).toBe('results-heading');
      const conversation = () => polls.shadow.querySelector<HTMLElement>('#conversation')!;
      expect(conversation().getAttribute('aria-busy')).toBe('true');
      expect(squeeze(conversation().textContent)).toBe('Reading the conversation…');
      await expectAccessible(polls.el);
      release();
      await expect.poll(() => squeeze(conversation().querySelector('.error')?.textContent), { timeout: 20_000 }).toMatch(/^The conversation’s results could not be read\./);
      expect(conversation().getAttribute('aria-busy')).toBe('false');
      await expectAccessible(polls.el);
      failing = false;
      conversation().querySelector<HTMLButtonElement>('#conversation-retry')!.focus();
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => squeeze(conversation().querySelector('.no-votes')?.textContent)).toBe('No votes yet.');
      expect(polls.shadow.activeElement?.id).toBe('conversation');
      await expectAccessible(polls.el);
    } finally {
      window.fetch = realFetch;
    }
  }, 40_000);
});
