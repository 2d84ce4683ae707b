/**
 * Frame pages in Chromium with JavaScript off (issue 14, "without JavaScript"): a poll answered by
 * a plain form post and counted once however the form is sent again, feedback sent and its
 * reference code shown, errors summarized with the values kept, and every page axe-clean.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { upsertSiteWithToken } from '../../scripts/lib/sites.ts';
import { axeViolations, chromiumForFile } from '../support/browser.ts';

const server = inject('devServer');
const chrome = chromiumForFile();
const SITE = 'nojs-e2e';
const POLL = `nojs-kysely-${Date.now().toString(36)}`;
const FORM = `nojs-palaute-${Date.now().toString(36)}`;

let owner = '';
let context: BrowserContext;
let axeContext: BrowserContext;

async function official(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/api/v1/sites/${SITE}${path}`, { ...init, headers: { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' } });
}

async function ballots(): Promise<number> {
  return ((await (await official(`/polls/${POLL}`)).json()) as { results: { total: number } }).results.total;
}

async function stored(): Promise<{ ref: string }[]> {
  return ((await (await official(`/submissions?form=${FORM}`)).json()) as { items: { ref: string }[] }).items;
}

const frame = (widget: string, id: string, lang = 'fi') => `${server.url}/embed/v1/frame/${widget}/${id}?site=${SITE}&lang=${lang}`;

/**
 * axe-core on the page as the JavaScript-off browser shows it. axe itself needs scripts (its run
 * waits on timers, which a page without JavaScript never fires), so the rendered document is
 * checked in a page of its own that runs axe and nothing else: the page's scripts are left out.
 */
async function expectAxeClean(page: Page): Promise<void> {
  const rendered = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  const checker = await axeContext.newPage();
  await checker.setContent(rendered);
  expect(await axeViolations(checker), page.url()).toEqual([]);
  await checker.close();
}

beforeAll(async () => {
  ({ token: owner } = await upsertSiteWithToken(
    { id: SITE, name: { fi: 'Ilman skriptejä', sv: 'Utan skript', en: 'Without scripts' }, defaultLang: 'fi', languages: ['fi', 'sv', 'en'], origins: [] },
    { role: 'owner', label: 'no-js e2e', replaceLabel: true },
    { persistTo: server.persistTo },
  ));
  const poll = await official('/polls', {
    method: 'POST',
    body: JSON.stringify({
      id: POLL,
      kind: 'single',
      question: { fi: 'Mikä on tärkeintä?', sv: 'Vad är viktigast?', en: 'What matters most?' },
      options: [
        { id: 'a', label: { fi: 'Pyörätiet', sv: 'Cykelvägar', en: 'Cycle paths' } },
        { id: 'b', label: { fi: 'Jalkakäytävät', sv: 'Trottoarer', en: 'Pavements' } },
      ],
      status: 'open',
      resultsVisibility: 'after_vote',
    }),
  });
  expect(poll.status).toBe(201);
  const form = await official('/forms', {
    method: 'POST',
    body: JSON.stringify({
      id: FORM,
      title: { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' },
      fields: [
        { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande', en: 'Message' }, required: true, maxLength: 500 },
        { key: 'email', type: 'email', label: { fi: 'Sähköposti', sv: 'E-post', en: 'Email' } },
      ],
      status: 'open',
    }),
  });
  expect(form.status).toBe(201);
  context = await chrome.browser.newContext({ javaScriptEnabled: false });
  axeContext = await chrome.browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await axeContext?.close();
});

describe('frame pages with JavaScript off', () => {
  it('answers a poll by a plain form post, counted once after a reload, the back button and a resent form', async () => {
    const refused = await context.newPage();
    await refused.goto(frame('poll', POLL));
    await expect.poll(() => refused.locator('form.nojs-form legend').textContent()).toBe('Mikä on tärkeintä?');
    await expectAxeClean(refused);
    // Sent without a choice: the summary says what to fix, nothing is counted.
    await refused.getByRole('button', { name: 'Vastaa' }).click();
    await expect.poll(() => refused.locator('.nojs-error-summary').textContent()).toContain('Valitse vaihtoehto ennen kuin vastaat.');
    await expectAxeClean(refused);
    expect(await ballots()).toBe(0);
    await refused.close();

    const page = await context.newPage();
    await page.goto(frame('poll', POLL));
    const key = await page.locator('input[name="key"]').getAttribute('value');
    await page.getByLabel('Jalkakäytävät').check();
    await page.getByRole('button', { name: 'Vastaa' }).click();
    await page.waitForURL(/answered=/);
    await expect.poll(() => page.locator('.nojs-success').textContent()).toBe('Kiitos, vastauksesi on laskettu!');
    await expect.poll(() => page.locator('.nojs-ballot').textContent()).toBe('Vastauksesi: Jalkakäytävät');
    await expect.poll(() => page.locator('.nojs-results').textContent()).toContain('1 ääni');
    await expectAxeClean(page);
    expect(await ballots()).toBe(1);

    await page.reload();
    await expect.poll(() => page.locator('.nojs-ballot').textContent()).toBe('Vastauksesi: Jalkakäytävät');
    await page.goBack();
    // The page before is fetched again (never cached): this browser's ballot, no second form.
    await expect.poll(() => page.locator('.nojs-ballot').textContent()).toBe('Vastauksesi: Jalkakäytävät');
    expect(await page.locator('form.nojs-form').count()).toBe(0);
    // The very form sent again (what a double click or a resend does), with the browser's cookie.
    const resent = await context.request.post(frame('poll', POLL), { form: { key: key!, choice: 'a' }, headers: { Origin: server.url }, maxRedirects: 0 });
    expect(resent.status()).toBe(303);
    expect(await ballots()).toBe(1);
    await page.close();
  });

  it('sends feedback and shows the reference code; errors keep what was typed', async () => {
    const page = await context.newPage();
    await page.goto(frame('feedback', FORM, 'sv'));
    await expect.poll(() => page.locator('h2.nojs-question').textContent()).toBe('Ge respons');
    await expectAxeClean(page);
    await page.getByLabel('E-post').fill('inte en adress');
    await page.getByRole('button', { name: 'Skicka respons' }).click();
    await expect.poll(() => page.locator('.nojs-error-summary li').count()).toBe(2);
    expect(await page.getByLabel('E-post').inputValue()).toBe('inte en adress');
    await expectAxeClean(page);
    expect(await stored()).toHaveLength(0);

    await page.getByLabel('Meddelande').fill('Gatlyktan vid torget är sönder.');
    await page.getByLabel('E-post').fill('invanare@example.fi');
    await page.getByRole('button', { name: 'Skicka respons' }).click();
    await page.waitForURL(/sent=/);
    await expect.poll(() => page.locator('.nojs-sent h2').textContent()).toBe('Tack, vi har tagit emot din respons');
    const ref = (await page.locator('.nojs-ref').textContent())!;
    expect(ref).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    await expectAxeClean(page);
    await page.reload();
    expect(await page.locator('.nojs-ref').textContent()).toBe(ref);
    expect((await stored()).map((s) => s.ref)).toEqual([ref]);

    // The link to follow it: the status lookup, a GET form, without JavaScript too.
    await page.getByRole('link', { name: /Följ din respons/ }).click();
    await expect.poll(() => page.locator('#nojs-status-title').textContent()).toBe(`Respons ${ref}`);
    await expectAxeClean(page);
    await page.close();
  });

  it.each([
    ['decisions/all?site=koivulahti&lang=sv', 'h3 a'],
    ['video/vlogi-2026-11?site=koivulahti&lang=fi', '.nojs-watch'],
    ['video-blog/pormestari?site=koivulahti&lang=en', 'h3 a'],
    [`feedback-status/lookup?site=${SITE}&lang=en`, 'input[name="ref"]'],
  ])('%s reads without JavaScript, asks no other host for anything, and is axe-clean', async (path, shown) => {
    const url = `${server.url}/embed/v1/frame/${path}`;
    const page = await context.newPage();
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== server.url) elsewhere.push(request.url());
    });
    await page.goto(url);
    await expect.poll(() => page.locator(`.nojs ${shown}`).count()).toBeGreaterThan(0);
    await expectAxeClean(page);
    // Opening one decision or episode from the list, still without JavaScript.
    if (shown === 'h3 a') {
      await page.locator('.nojs h3 a').first().click();
      await expect.poll(() => page.locator('.nojs h2').count()).toBeGreaterThan(0);
      await expectAxeClean(page);
    }
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});
