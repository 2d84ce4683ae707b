import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { expectAccessible, labelledName } from '../../test/support/a11y.ts';
import { formatDate } from '../core/format.ts';
import { SITE, createPoll, officialFetch } from '../../test/support/polls.ts';
import { publishDecisions } from '../../test/support/decisions.ts';
import { addVideo } from '../../test/support/videos.ts';
import './osallistu-admin.ts';
import type { OsallistuAdmin } from './osallistu-admin.ts';

const LANGS = ['fi', 'sv', 'en'] as const;
const OWNER = inject('devServer').token;

beforeEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', location.pathname);
});
afterEach(() => document.body.replaceChildren());

const root = (el: Element) => el.shadowRoot!;
const view = <K extends keyof HTMLElementTagNameMap>(el: Element, tag: K) => root(el).querySelector(tag);

function mountElement(lang = 'fi'): OsallistuAdmin {
  const section = document.createElement('main');
  section.lang = lang;
  const el = document.createElement('osallistu-admin');
  el.setAttribute('api', location.origin);
  section.append(el);
  document.body.append(section);
  return el;
}

async function mountConsole(lang = 'fi'): Promise<OsallistuAdmin> {
  const el = mountElement(lang);
  await expect.poll(() => root(el)?.querySelector('#token')).toBeTruthy();
  return el;
}

async function signIn(el: OsallistuAdmin, token: string, site: string = SITE): Promise<void> {
  const siteInput = root(el).querySelector<HTMLInputElement>('#site')!;
  siteInput.value = site;
  root(el).querySelector<HTMLInputElement>('#token')!.value = token;
  root(el).querySelector<HTMLButtonElement>('form button')!.click();
}

/** A token whose label is English ("Test viewer …"), and says so, made through the API. */
async function newToken(role: string, label = `Test ${role} ${Date.now()}`) {
  const response = await officialFetch('/tokens', { method: 'POST', body: JSON.stringify({ label, labelLang: 'en', role }) });
  return (await response.json()) as { id: string; token: string; label: string };
}

describe('<osallistu-admin>: signing in', () => {
  it.each(LANGS)('the sign-in form (%s): labelled fields, a wrong token refused in words, focus on the token', async (lang) => {
    const el = await mountConsole(lang);
    expect(root(el).querySelector('h2')?.textContent).toBe({ fi: 'Kirjaudu sisään', sv: 'Logga in', en: 'Sign in' }[lang]);
    expect(root(el).querySelector<HTMLInputElement>('#token')!.type).toBe('password');
    await expectAccessible(el);
    await signIn(el, 'osl_not-a-real-token');
    await expect.poll(() => root(el).querySelector('[role="alert"]')?.textContent).toBe(
      {
        fi: 'Tunniste ei kelpaa tälle sivustolle. Tarkista se tai pyydä uusi sivuston omistajalta.',
        sv: 'Nyckeln gäller inte för den här webbplatsen. Kontrollera den eller be ägaren om en ny.',
        en: 'The token is not valid for this site. Check it, or ask the owner for a new one.',
      }[lang],
    );
    expect(root(el).activeElement?.id).toBe('token');
    expect(sessionStorage.length).toBe(0);
    await expectAccessible(el);
  });

  it.each(LANGS)('focus (%s): after signing in on who is signed in, after signing out on the sign-in heading, which says so; never on <body>', async (lang) => {
    const el = await mountConsole(lang);
    await signIn(el, OWNER);
    await expect.poll(() => root(el).activeElement?.id).toBe('signed-in');
    expect(document.activeElement).toBe(el);
    expect(root(el).activeElement!.textContent).toContain(SITE);
    await expect.poll(() => view(el, 'osallistu-admin-polls')?.shadowRoot?.querySelector('tbody tr')).toBeTruthy();
    await expectAccessible(el);
    const signOut = root(el).querySelector<HTMLButtonElement>('.account button')!;
    signOut.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => root(el).activeElement?.id).toBe('sign-in-heading');
    expect(document.activeElement).toBe(el);
    expect(root(el).querySelector('[role="status"]')!.textContent).toBe({ fi: 'Olet kirjautunut ulos.', sv: 'Du har loggat ut.', en: 'You have signed out.' }[lang]);
    await expectAccessible(el);
  });

  it('an unknown site is named, with focus on the site field', async () => {
    const el = await mountConsole();
    await signIn(el, OWNER, 'no-such-town');
    await expect.poll(() => root(el).querySelector('[role="alert"]')?.textContent).toBe('Sivustoa ”no-such-town” ei ole. Tarkista sivuston tunnus.');
    expect(root(el).activeElement?.id).toBe('site');
  });

  it('by keyboard: the token is kept in this tab only (session storage, never the URL), and signing out forgets it', async () => {
    const el = await mountConsole();
    root(el).querySelector<HTMLInputElement>('#site')!.value = SITE;
    root(el).querySelector<HTMLInputElement>('#token')!.focus();
    await userEvent.keyboard(OWNER);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => view(el, 'osallistu-admin-polls')).toBeTruthy();
    expect(JSON.parse(sessionStorage.getItem('osallistu:console')!)).toEqual({ site: SITE, token: OWNER });
    expect(localStorage.getItem('osallistu:console')).toBeNull();
    expect(location.href).not.toContain(OWNER);
    expect(root(el).textContent).toContain('omistaja');

    // A reload (a new element in the same tab) stays signed in.
    document.body.replaceChildren();
    const reloaded = mountElement();
    await expect.poll(() => view(reloaded, 'osallistu-admin-polls')).toBeTruthy();
    expect(root(reloaded).querySelector('#token')).toBeNull();
    [...root(reloaded).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Kirjaudu ulos')!.click();
    await expect.poll(() => root(reloaded).querySelector('#token')).toBeTruthy();
    expect(sessionStorage.getItem('osallistu:console')).toBeNull();
  });
});

describe('<osallistu-admin>: what each role sees', () => {
  it('an owner: polls, feedback, tokens and the audit log; a viewer: polls and snippets, with exports and no open/close', async () => {
    const el = await mountConsole();
    await signIn(el, OWNER);
    await expect.poll(() => [...root(el).querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['Kyselyt', 'Lomakkeet', 'Palautteet', 'Väitteet odottavat', 'Kuuntelu', 'Päätökset', 'Odottaa päätöstä', 'Videot', 'Upotuskoodit', 'Asetukset', 'Tunnisteet', 'Tapahtumaloki']);
    expect(root(el).querySelector('nav a[aria-current="page"]')?.textContent).toBe('Kyselyt');

    const viewer = await newToken('viewer');
    document.body.replaceChildren();
    sessionStorage.clear();
    const v = await mountConsole();
    await signIn(v, viewer.token);
    await expect.poll(() => [...root(v).querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['Kyselyt', 'Odottaa päätöstä', 'Upotuskoodit']);
    const polls = view(v, 'osallistu-admin-polls')!;
    await expect.poll(() => polls.shadowRoot?.querySelector('tbody tr')).toBeTruthy();
    expect(polls.shadowRoot!.querySelector('button[data-action="close"], button[data-action="open"], button[data-action="edit"]')).toBeNull();
    const first = polls.shadowRoot!.querySelectorAll('tbody tr')[0]!;
    expect(first.querySelector('[data-results]')!.textContent).toBe('Tulokset');
    expect([...first.querySelectorAll('.menu-list button')].map((b) => b.textContent)).toEqual(['Lataa CSV', 'Lataa Excel', 'Lataa JSON']);
    // Asking for the tokens view by address does not show it either: the polls view stays.
    location.hash = '#tokens';
    await expect.poll(() => root(v).querySelector('nav a[aria-current="page"]')?.textContent).toBe('Kyselyt');
    expect(view(v, 'osallistu-admin-tokens')).toBeNull();
    await expectAccessible(v);
  });
});

describe('<osallistu-admin>: polls', () => {
  it('results that arrive after the official opened another row\'s menu neither take the focus nor close that menu', async () => {
    const question = `Hidas tuloskysely ${Date.now()}`;
    const slow = await createPoll({ question: { fi: question } });
    const other = await createPoll({ question: { fi: `Toinen kysely ${Date.now()}` } });
    const el = await mountConsole();
    await signIn(el, OWNER);
    const polls = await expect.poll(() => view(el, 'osallistu-admin-polls')).toBeTruthy().then(() => view(el, 'osallistu-admin-polls')!);
    const shadow = polls.shadowRoot!;
    await expect.poll(() => shadow.querySelector(`button[data-menu="${other}"]`)).toBeTruthy();
    // The slow poll's timeline is held until the other menu is open.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = window.fetch;
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes(`/polls/${slow}/timeline`)) await gate;
      return original(input, init);
    };
    try {
      shadow.querySelector<HTMLButtonElement>(`button[data-results="${slow}"]`)!.focus();
      await userEvent.keyboard('{Enter}');
      const toggle = shadow.querySelector<HTMLButtonElement>(`button[data-menu="${other}"]`)!;
      toggle.focus();
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      const inMenu = shadow.activeElement;
      expect(inMenu?.closest('.menu')).toBeTruthy();
      release();
      await expect.poll(() => shadow.querySelector('#results-heading')?.textContent).toContain(question);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(shadow.activeElement).toBe(inMenu);
    } finally {
      window.fetch = original;
    }
  });

  it('a question in another language than the console keeps its lang in the confirmation and the status line', async () => {
    const question = `Konsolikysely ${Date.now()}`;
    const id = await createPoll({ question: { fi: question } });
    const el = await mountConsole('sv');
    await signIn(el, OWNER);
    const polls = await expect.poll(() => view(el, 'osallistu-admin-polls')).toBeTruthy().then(() => view(el, 'osallistu-admin-polls')!);
    const shadow = polls.shadowRoot!;
    const item = (key: string) => shadow.querySelector<HTMLButtonElement>(`.menu[data-menu-of="${id}"] button[data-action="${key}"]`);
    await expect.poll(() => item('close')).toBeTruthy();
    item('close')!.click();
    const confirm = await expect.poll(() => shadow.querySelector('[role="alertdialog"]')).toBeTruthy().then(() => shadow.querySelector('[role="alertdialog"]')!);
    expect(confirm.querySelector('[lang="fi"]')?.textContent).toBe(question);
    confirm.querySelector<HTMLButtonElement>('button.danger')!.click();
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toMatch(/stängdes/);
    expect(shadow.querySelector('[role="status"] [lang="fi"]')?.textContent).toBe(question);
    expect((await (await officialFetch(`/polls/${id}`)).json()).status).toBe('closed');
  });

  it('closing asks first (Escape keeps it open), then closes; opening again needs no confirmation', async () => {
    const id = await createPoll({ question: { fi: `Konsolikysely ${Date.now()}` } });
    const el = await mountConsole();
    await signIn(el, OWNER);
    const polls = await expect.poll(() => view(el, 'osallistu-admin-polls')).toBeTruthy().then(() => view(el, 'osallistu-admin-polls')!);
    const shadow = polls.shadowRoot!;
    const toggle = () => shadow.querySelector<HTMLButtonElement>(`button[data-menu="${id}"]`);
    const item = (key: string) => shadow.querySelector<HTMLButtonElement>(`.menu[data-menu-of="${id}"] button[data-action="${key}"]`);
    const badge = () => toggle()?.closest('tr')?.querySelector('.badge')?.textContent;
    await expect.poll(() => badge()).toBe('Avoinna');
    // One primary action in the row, the rest in its menu; the status is a badge in its own column, without buttons.
    const row = toggle()!.closest('tr')!;
    expect(row.querySelector('td .badge')!.closest('td')!.querySelector('button')).toBeNull();
    expect(labelledName(toggle()!)).toMatch(/^Lisää: Konsolikysely/);
    expect(toggle()!.getAttribute('aria-expanded')).toBe('false');
    // By keyboard: Enter opens it with focus on its first action, arrows move, Escape closes it with focus back on its button.
    toggle()!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => toggle()!.getAttribute('aria-expanded')).toBe('true');
    expect(shadow.activeElement).toBe(item('edit'));
    await userEvent.keyboard('{ArrowDown}');
    expect(shadow.activeElement).toBe(item('close'));
    await expectAccessible(el);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => toggle()!.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(toggle());
    expect(item('close')!.closest('ul')!.hidden).toBe(true);
    // Space opens it too; choosing "Sulje" asks first, and Escape keeps the poll open, focus back on the menu's button.
    await userEvent.keyboard(' ');
    await expect.poll(() => shadow.activeElement).toBe(item('edit'));
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shadow.querySelector('[role="alertdialog"]')).toBeTruthy();
    expect(shadow.activeElement?.id).toBe('confirm-text');
    await expectAccessible(el);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => shadow.activeElement).toBe(toggle());
    expect((await (await officialFetch(`/polls/${id}`)).json()).status).toBe('open');

    item('close')!.click();
    await expect.poll(() => shadow.querySelector('[role="alertdialog"] button.danger')).toBeTruthy();
    shadow.querySelector<HTMLButtonElement>('[role="alertdialog"] button.danger')!.click();
    await expect.poll(() => badge()).toBe('Suljettu');
    expect(item('open')?.textContent).toBe('Avaa');
    expect(shadow.querySelector('[role="status"]')?.textContent).toMatch(/suljettiin/);
    expect(shadow.activeElement).toBe(toggle());
    expect((await (await officialFetch(`/polls/${id}`)).json()).status).toBe('closed');
    item('open')!.click();
    await expect.poll(() => badge()).toBe('Avoinna');
    expect((await (await officialFetch(`/polls/${id}`)).json()).status).toBe('open');

    // An export from the menu: fetched with the token in a header (never in a URL) and saved under the server's file name.
    item('export-csv')!.click();
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toMatch(new RegExp(`^Tiedosto .*${id}.*\\.csv on ladattu\\.$`));
  });
});

describe('<osallistu-admin>: results', () => {
  it('a chart with a table of the same numbers beside it, and the answers per day', async () => {
    const id = await createPoll({ question: { fi: `Tuloskysely ${Date.now()}` } });
    for (const choice of ['a', 'a', 'b']) {
      const vote = await fetch(`/api/v1/sites/${SITE}/polls/${id}/ballots`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Voter-Token': `voter-${crypto.randomUUID()}` },
        body: JSON.stringify({ choices: [choice] }),
      });
      expect(vote.status).toBe(201);
    }
    const el = await mountConsole();
    await signIn(el, OWNER);
    await expect.poll(() => view(el, 'osallistu-admin-polls')?.shadowRoot?.querySelector(`button[data-results="${id}"]`)).toBeTruthy();
    const polls = view(el, 'osallistu-admin-polls')!;
    polls.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-results="${id}"]`)!.click();
    await expect.poll(() => polls.shadowRoot!.activeElement?.id).toBe('results-heading');
    const section = polls.shadowRoot!.querySelector('section.results')!;
    expect(section.textContent).toContain('Yhteensä 3 vastausta');
    // The chart is its own table: each bar's numbers as text beside it, the drawn bar hidden from screen readers.
    const rows = [...section.querySelectorAll('table')[0]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['Pyörätiet', '2', '67 %'],
      ['Jalkakäytävät', '1', '33 %'],
      ['Bussipysäkit', '0', '0 %'],
    ]);
    const bars = [...section.querySelectorAll('table')[0]!.querySelectorAll('svg.bar')];
    expect(bars.map((b) => b.getAttribute('aria-hidden'))).toEqual(['true', 'true', 'true']);
    expect(bars.map((b) => Number(b.querySelectorAll('rect')[1]!.getAttribute('width')).toFixed(0))).toEqual(['67', '33', '0']);
    expect([...section.querySelectorAll('table')[0]!.querySelectorAll('thead th')].every((th) => th.textContent!.trim())).toBe(true);
    expect(section.querySelector('figure svg.days')!.getAttribute('aria-hidden')).toBe('true');
    const perDay = section.querySelectorAll('table')[1]!;
    expect(perDay.querySelector('caption')!.textContent).toBe('Vastaukset päivittäin');
    expect(perDay.querySelector('tbody td')!.textContent).toBe('3');
    await expectAccessible(el);
    [...section.querySelectorAll('button')].find((b) => b.textContent === 'Sulje tulokset')!.click();
    await expect.poll(() => polls.shadowRoot!.activeElement?.getAttribute('data-results')).toBe(id);
  });
});

describe('<osallistu-admin>: tokens', () => {
  it('an owner creates a token, sees its secret once, and revokes it after confirming', async () => {
    const el = await mountConsole('en');
    await signIn(el, OWNER);
    await expect.poll(() => root(el).querySelector('nav a[href="#tokens"]')).toBeTruthy();
    root(el).querySelector<HTMLAnchorElement>('nav a[href="#tokens"]')!.click();
    const tokens = await expect.poll(() => view(el, 'osallistu-admin-tokens')?.shadowRoot?.querySelector('table')).toBeTruthy().then(() => view(el, 'osallistu-admin-tokens')!);
    const label = `Communications ${Date.now()}`;
    tokens.shadowRoot!.querySelector<HTMLInputElement>('#label')!.value = label;
    tokens.shadowRoot!.querySelector<HTMLSelectElement>('#role')!.value = 'moderator';
    tokens.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    await expect.poll(() => tokens.shadowRoot!.querySelector('code.secret')?.textContent).toMatch(/^osl_/);
    const secret = tokens.shadowRoot!.querySelector('code.secret')!.textContent!;
    await expect.poll(() => tokens.shadowRoot!.activeElement?.id).toBe('created-heading');
    // The secret works: it is a moderator's token of this site.
    const me = await fetch(`/api/v1/sites/${SITE}/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(await me.json()).toMatchObject({ label, labelLang: 'en', role: 'moderator' });
    await expectAccessible(el);

    const revoke = () => [...tokens.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-token]')].find((b) => labelledName(b) === `Revoke: ${label}`);
    await expect.poll(revoke).toBeTruthy();
    revoke()!.click();
    await expect.poll(() => tokens.shadowRoot!.querySelector('[role="alertdialog"]')?.textContent).toContain(`Revoke the token "${label}"?`);
    tokens.shadowRoot!.querySelector<HTMLButtonElement>('[role="alertdialog"] button.danger')!.click();
    await expect.poll(() => tokens.shadowRoot!.querySelector('[role="status"]')?.textContent).toBe(`The token "${label}" was revoked.`);
    expect((await fetch(`/api/v1/sites/${SITE}/me`, { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(401);
  });
});

describe('<osallistu-admin>: audit log', () => {
  it('shows who did what, filters by action, and downloads what it shows as Excel-ready CSV', async () => {
    const created = await newToken('viewer', `Audit ${Date.now()}`);
    const el = await mountConsole('sv');
    await signIn(el, OWNER);
    await expect.poll(() => root(el).querySelector('nav a[href="#audit"]')).toBeTruthy();
    root(el).querySelector<HTMLAnchorElement>('nav a[href="#audit"]')!.click();
    const audit = await expect.poll(() => view(el, 'osallistu-admin-audit')?.shadowRoot?.querySelector('ol.audit')).toBeTruthy().then(() => view(el, 'osallistu-admin-audit')!);
    // Filtered by a readable area, not an internal code.
    const select = audit.shadowRoot!.querySelector<HTMLSelectElement>('#action')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Alla händelser', 'Enkäter', 'Påståenden', 'Formulär', 'Respons', 'Beslut', 'Videor', 'Nycklar', 'Inställningar']);
    select.value = 'token';
    audit.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    // Entries are sentences in the official's language: who, what, and when as Finland writes it.
    const entries = () => [...audit.shadowRoot!.querySelectorAll('ol.audit li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    const mine = () => [...audit.shadowRoot!.querySelectorAll('ol.audit li')].find((li) => li.textContent!.includes(created.label));
    await expect.poll(() => mine()).toBeTruthy();
    const time = mine()!.querySelector('time')!;
    // Who (the token's label), what in Swedish, and when as the widgets write dates; no internal code.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(entries().find((e) => e.includes(created.label))).toMatch(
      new RegExp(`^\\S.* skapade nyckeln ”${escape(created.label)}” \\(läsare\\) ${escape(formatDate(time.dateTime, 'sv', 'medium', true))}$`),
    );
    expect(entries().every((e) => /nyckel/.test(e))).toBe(true);
    // The label is English inside a Swedish sentence, and says so (WCAG 3.1.2).
    expect([...mine()!.querySelectorAll('span[lang="en"]')].map((span) => span.textContent)).toContain(created.label);
    expect(audit.shadowRoot!.textContent).not.toContain('token.create');
    await expectAccessible(el);

    const { auditCsv } = await import('./admin-audit.ts');
    const csv = auditCsv([{ id: 1, actor: '=cmd', actorLang: null, tokenId: null, action: 'token.create', target: 'x', detail: { label: 'a;b' }, createdAt: '2026-11-22T10:00:00.000Z' }], ['Tid', 'Vem', 'Händelse', 'Objekt', 'Uppgifter']);
    expect(csv).toBe('\ufeffTid;Vem;Händelse;Objekt;Uppgifter\r\n2026-11-22T10:00:00.000Z;\'=cmd;token.create;x;"{""label"":""a;b""}"\r\n');
    // A spreadsheet that reads "," as the separator would start a cell after the comma.
    const detail = auditCsv([{ id: 2, actor: 'a', actorLang: null, tokenId: null, action: 'form.update', target: 'x', detail: { note: 'Puisto,=1+1' }, createdAt: '2026-11-22T10:00:00.000Z' }], ['a', 'b', 'c', 'd', 'e']);
    expect(detail).toContain('""note"":""Puisto,\'=1+1""');
  });

  it('names a video by its title, a topic by its word in the site\'s language, and any other target by its id, as code', async () => {
    const stamp = Date.now();
    const title = `Novemberbloggen ${stamp}`;
    const video = await addVideo({ title: { fi: `Marraskuun videoblogi ${stamp}`, sv: title } });
    const organ = await publishDecisions(1);
    expect((await officialFetch(`/decisions/${organ.id}-0`, { method: 'PATCH', body: JSON.stringify({ topics: ['koulut'] }) })).status).toBe(200);
    const topic = `liikunta${stamp}`;
    expect((await officialFetch(`/decision-terms/topic/${topic}`, { method: 'PUT', body: JSON.stringify({ label: { fi: 'Liikunta' } }) })).status).toBe(200);
    const el = await mountConsole('sv');
    await signIn(el, OWNER);
    await expect.poll(() => root(el).querySelector('nav a[href="#audit"]')).toBeTruthy();
    root(el).querySelector<HTMLAnchorElement>('nav a[href="#audit"]')!.click();
    const audit = await expect.poll(() => view(el, 'osallistu-admin-audit')?.shadowRoot?.querySelector('ol.audit')).toBeTruthy().then(() => view(el, 'osallistu-admin-audit')!);
    const entry = (text: string) => [...audit.shadowRoot!.querySelectorAll('ol.audit li')].find((li) => li.textContent!.includes(text));
    // The topic's value is a Finnish word in this Finnish-speaking site's log, and says so.
    // (Waited for: the site's language arrives with its settings, maybe after the log.)
    await expect.poll(() => [...(entry(topic)?.querySelectorAll('[lang="fi"]') ?? [])].map((span) => span.textContent)).toContain(topic);
    const show = (group: string) => {
      audit.shadowRoot!.querySelector<HTMLSelectElement>('#action')!.value = group;
      audit.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    };
    // The video by its Swedish title, not its id.
    show('video');
    await expect.poll(() => entry(title)?.textContent).toMatch(new RegExp(`lade till videon ”${title}”`));
    expect(entry(title)!.textContent).not.toContain(video);
    // A decision is named by its id, which is in no language.
    show('decision');
    await expect.poll(() => entry(`${organ.id}-0`)?.querySelector('code')?.textContent).toBe(`${organ.id}-0`);
    await expectAccessible(el);
  });
});

describe('<osallistu-admin>: snippets', () => {
  it('gives the exact code and the frame address for a poll, copies them, and shows the widget itself', async () => {
    const id = await createPoll({ question: { fi: `Upotuskysely ${Date.now()}` } });
    const el = await mountConsole();
    await signIn(el, OWNER);
    await expect.poll(() => root(el).querySelector('nav a[href="#snippets"]')).toBeTruthy();
    root(el).querySelector<HTMLAnchorElement>('nav a[href="#snippets"]')!.click();
    await expect.poll(() => view(el, 'osallistu-admin-snippets')?.shadowRoot?.querySelector(`#item option[value="${id}"]`)).toBeTruthy();
    const snippets = view(el, 'osallistu-admin-snippets')!;
    const item = snippets.shadowRoot!.querySelector<HTMLSelectElement>('#item')!;
    item.value = id;
    item.dispatchEvent(new Event('change'));
    await expect.poll(() => snippets.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea#code')?.value).toContain(`poll="${id}"`);
    const [code, frame] = [...snippets.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea.code')].map((area) => area.value);
    // Labelled, read-only fields (a label on a <pre> is not allowed), wrapping instead of widening the view.
    expect([...snippets.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea.code')].map((area) => [area.readOnly, area.labels[0]?.textContent])).toEqual([
      [true, 'Koodi sivulle'],
      [true, 'Jos julkaisujärjestelmä poistaa skriptit'],
    ]);
    expect(code).toBe(
      `<script type="module" src="${location.origin}/embed/v1/osallistu.js" data-site="${SITE}"></script>\n<osallistu-poll poll="${id}">\n  <a href="${location.origin}/embed/v1/frame/poll/${id}?site=${SITE}">Vastaa kyselyyn</a>\n</osallistu-poll>`,
    );
    expect(frame).toBe(`${location.origin}/embed/v1/frame/poll/${id}?site=${SITE}`);
    // The live preview is the real widget, showing the real poll.
    await expect.poll(() => snippets.shadowRoot!.querySelector('.preview osallistu-poll')?.shadowRoot?.querySelector('legend, [role="heading"]')?.textContent).toContain('Upotuskysely');
    await expectAccessible(el);

    const kind = snippets.shadowRoot!.querySelector<HTMLSelectElement>('#kind')!;
    kind.value = 'feedback';
    kind.dispatchEvent(new Event('change'));
    await expect.poll(() => snippets.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea#code')?.value).toContain('<osallistu-feedback form="');
  });
});

describe('<osallistu-admin>: creating and editing a poll', () => {
  async function openEditor(el: OsallistuAdmin) {
    const polls = await expect.poll(() => view(el, 'osallistu-admin-polls')?.shadowRoot?.querySelector('#new-poll')).toBeTruthy().then(() => view(el, 'osallistu-admin-polls')!);
    polls.shadowRoot!.querySelector<HTMLButtonElement>('#new-poll')!.click();
    await expect.poll(() => polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
    return { polls, editor: polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')!.shadowRoot! };
  }
  const type = async (editor: ShadowRoot, selector: string, text: string) => {
    editor.querySelector<HTMLInputElement>(selector)!.focus();
    await userEvent.keyboard(text);
  };

  it('the preview shows the poll as residents will, live in each language; publishing with a language missing asks first', async () => {
    const el = await mountConsole();
    await signIn(el, OWNER);
    const { polls, editor } = await openEditor(el);
    const id = `konsoli-${Date.now()}`;
    await type(editor, '#poll-id', id);
    await type(editor, '#question-fi', 'Mihin puistoon penkkejä?');
    await type(editor, '#option-0-fi', 'Keskuspuisto');
    await type(editor, '#option-1-fi', 'Rantapuisto');
    // The widget itself, in every language of the site, updated as the official types.
    const previews = [...editor.querySelectorAll('.preview osallistu-poll')];
    expect(previews.map((p) => p.closest('[lang]')!.getAttribute('lang'))).toEqual(['fi', 'sv', 'en']);
    await expect.poll(() => previews[0]!.shadowRoot?.querySelector('legend')?.textContent).toContain('Mihin puistoon penkkejä?');
    expect([...previews[0]!.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent!.trim())).toEqual(['Keskuspuisto', 'Rantapuisto']);
    expect(editor.querySelector('.notice-box')!.textContent).toContain('Kysymys puuttuu kielellä ruotsi.');
    await expectAccessible(el);

    const status = editor.querySelector<HTMLSelectElement>('#poll-status')!;
    status.value = 'open';
    status.dispatchEvent(new Event('change'));
    editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
    await expect.poll(() => editor.activeElement?.id).toBe('editor-confirm');
    expect(editor.querySelector('#editor-confirm')!.textContent).toContain('Vaihtoehto 2 puuttuu kielellä englanti.');
    expect((await officialFetch(`/polls/${id}`)).status).toBe(404);
    [...editor.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Julkaise silti')!.click();
    await expect.poll(() => polls.shadowRoot!.querySelector('[role="status"]')?.textContent).toBe('Kysely ”Mihin puistoon penkkejä?” tallennettiin.');
    expect(await (await officialFetch(`/polls/${id}`)).json()).toMatchObject({ status: 'open', question: { fi: 'Mihin puistoon penkkejä?' }, options: [{ id: 'a', label: { fi: 'Keskuspuisto' } }, { id: 'b', label: { fi: 'Rantapuisto' } }] });
    await expect.poll(() => polls.shadowRoot!.activeElement?.id).toBe('new-poll'); // once the list has been read again

    // Unsaved edits are not left by switching views without the browser asking (declined here).
    polls.shadowRoot!.querySelector<HTMLButtonElement>('#new-poll')!.click();
    await expect.poll(() => polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.querySelector('#question-fi')).toBeTruthy();
    await type(polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')!.shadowRoot!, '#question-fi', 'Keskeneräinen');
    const asked: string[] = [];
    const confirm = window.confirm;
    window.confirm = (message?: string) => (asked.push(String(message)), false);
    try {
      location.hash = '#tokens';
      await expect.poll(() => asked.length).toBe(1);
    } finally {
      window.confirm = confirm;
    }
    expect(asked[0]).toBe('Muutoksia ei ole tallennettu. Siirrytäänkö silti? Muutokset katoavat.');
    expect(location.hash).toBe('#polls');
    expect(view(el, 'osallistu-admin-polls')).toBe(polls);
    [...polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Peruuta')!.click();
    const discard = () => [...polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Hylkää muutokset');
    await expect.poll(() => discard()).toBeTruthy();
    discard()!.click();
    await expect.poll(() => polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')).toBeNull();

    // Editing: a changed question is saved; a cancel with changes asks first.
    polls.shadowRoot!.querySelector<HTMLButtonElement>(`.menu[data-menu-of="${id}"] button[data-action="edit"]`)!.click();
    await expect.poll(() => polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')?.shadowRoot?.querySelector('#question-sv')).toBeTruthy();
    const again = polls.shadowRoot!.querySelector('osallistu-admin-poll-editor')!.shadowRoot!;
    await type(again, '#question-sv', 'Till vilken park bänkar?');
    [...again.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Peruuta')!.click();
    await expect.poll(() => again.querySelector('#editor-confirm')?.textContent).toBe('Muutoksia ei ole tallennettu.');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => again.querySelector('[role="alertdialog"]')).toBeNull();
    again.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
    // English is still missing, and the poll is open: it asks again.
    await expect.poll(() => [...again.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Julkaise silti')).toBeTruthy();
    [...again.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Julkaise silti')!.click();
    await expect.poll(async () => ((await (await officialFetch(`/polls/${id}`)).json()) as { question: Record<string, string> }).question.sv).toBe('Till vilken park bänkar?');
  });

  it('a server refusal lands at the field it is about, nothing saved', async () => {
    const el = await mountConsole('en');
    await signIn(el, OWNER);
    const { editor } = await openEditor(el);
    await type(editor, '#poll-id', 'Not A Slug');
    await type(editor, '#question-fi', 'Kysymys');
    editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
    // In the console's language, at the field, without the server's English.
    await expect.poll(() => editor.querySelector('#id-error')?.textContent).toBe('Not in the right form.');
    expect(editor.activeElement?.getAttribute('role')).toBe('alert');
  });
});
