import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';

const server = inject('devServer');
const chrome = chromiumForFile();
const api = `${server.url}/api/v1/sites/koivulahti`;
const official = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };

/** `npm run verify -- ARGS`, as a journalist would run it: its exit code and what it printed. */
function verify(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/verify.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A closed poll of three ballots through the API; the receipts of the first (changed) voter, before and after. */
async function closedPoll() {
  const id = `sinetoity-${Date.now()}`;
  const created = await fetch(`${api}/polls`, {
    method: 'POST',
    headers: official,
    body: JSON.stringify({ id, kind: 'single', question: { fi: 'Mikä ensin?', sv: 'Vad först?' }, options: ['a', 'b', 'c'].map((o) => ({ id: o, label: { fi: o.toUpperCase() } })), status: 'open', allowChange: true, resultsVisibility: 'always' }),
  });
  expect(created.status).toBe(201);
  const vote = async (voter: string, choice: string) => {
    const response = await fetch(`${api}/polls/${id}/ballots`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Voter-Token': voter }, body: JSON.stringify({ choices: [choice] }) });
    return ((await response.json()) as { ballot: { receipt: string } }).ballot.receipt;
  };
  const voter = 'a1'.repeat(16);
  const before = await vote(voter, 'a');
  const after = await vote(voter, 'b');
  await vote('b2'.repeat(16), 'a');
  await vote('c3'.repeat(16), 'c');
  expect((await fetch(`${api}/polls/${id}`, { method: 'PATCH', headers: official, body: JSON.stringify({ status: 'closed' }) })).status).toBe(200);
  return { id, before, after };
}

describe('npm run verify (issue 17)', () => {
  it('confirms a sealed result and a counted receipt, in Finnish, Swedish and English', async () => {
    const { id, after } = await closedPoll();
    const page = `${server.url}/embed/v1/frame/verify/${id}?site=koivulahti`;
    const fi = verify(page, after, '--lang', 'fi');
    expect(fi.code, fi.out).toBe(0);
    expect(fi.out).toContain('✓ Kaikki tarkistukset onnistuivat');
    expect(fi.out).toContain(`✓ Kuitti ${after} on laskettu: valinta b`);
    const sv = verify(`${api}/polls/${id}/seal`, after, '--lang', 'sv');
    expect(sv.code, sv.out).toBe(0);
    expect(sv.out).toContain(`✓ Kvittot ${after} har räknats`);
    const en = verify(page, '--lang', 'en');
    expect(en.out).toContain('✓ Every check passed');
    expect(en.out).toContain('Result: 3 answers – a 1, b 1, c 1');
  });

  it('says a changed ballot\'s old receipt was replaced, and an unknown one is not there (exit 1)', async () => {
    const { id, before } = await closedPoll();
    const replaced = verify(`${api}/polls/${id}`, before, '--lang', 'en');
    expect(replaced.code).toBe(1);
    expect(replaced.out).toContain(`✗ Receipt ${before} was replaced when the answer was changed`);
    const unknown = verify(`${api}/polls/${id}`, 'ZZZZ-ZZZZ-ZZZZ', '--lang', 'en');
    expect(unknown.out).toContain('✗ Receipt ZZZZ-ZZZZ-ZZZZ is not among');
  });

  it('rejects a doctored copy of the open data, and a key that is not the site\'s', async () => {
    const { id, after } = await closedPoll();
    const csv = await (await fetch(`${api}/polls/${id}/seal/leaves?format=csv`)).text();
    const dir = mkdtempSync(join(tmpdir(), 'osallistu-verify-'));
    const honest = join(dir, 'honest.csv');
    writeFileSync(honest, csv);
    expect(verify(`${api}/polls/${id}`, '--leaves', honest).code).toBe(0);
    // The changed voter's ballot moved from b to a in the copy.
    const doctored = join(dir, 'doctored.csv');
    writeFileSync(doctored, csv.replace(`${after},b,`, `${after},a,`));
    const run = verify(`${api}/polls/${id}`, after, '--leaves', doctored, '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.out).toContain('✗ Counting the leaves again gives other tallies');
    expect(run.out).toContain('✗ The root computed from the leaves differs');
    expect(run.out).toContain('✗ The check failed');
    const wrongKey = verify(`${api}/polls/${id}`, '--key', 'A'.repeat(43), '--lang', 'en');
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).toContain('✗ The signature does not match');
  });
});

describe('the verify page (issue 17)', () => {
  it('recounts in the browser and confirms a receipt, in Finnish and Swedish, axe-clean under its CSP; by keyboard too', async () => {
    const { id, after, before } = await closedPoll();
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const response = await page.goto(`${server.url}/embed/v1/frame/verify/${id}?site=koivulahti&receipt=${after}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const checks = page.locator('ul.checks li');
    await expect.poll(() => checks.count(), { timeout: 10_000 }).toBe(9);
    expect(await page.locator('ul.checks li.fail').count()).toBe(0);
    expect(await checks.last().textContent()).toBe(`Kuitti ${after} on laskettu: valinta b, annettu ${(await checks.last().textContent())!.match(/annettu (\S+)/)![1]} (UTC). Todiste täsmää juureen.`);
    expect(await page.locator('table tbody tr').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/verify-page-fi.png`, fullPage: true });

    // By keyboard: the old receipt, typed into the form, is said to be replaced.
    await page.locator('#receipt').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(before);
    await page.keyboard.press('Enter');
    await expect.poll(() => checks.last().textContent()).toContain(`Kuitti ${before} korvattiin`);
    expect(page.url()).toContain(`receipt=${before}`);

    await page.goto(`${server.url}/embed/v1/frame/verify/${id}?site=koivulahti&lang=sv`);
    await expect.poll(() => checks.count(), { timeout: 10_000 }).toBe(8);
    expect(await page.locator('h1').textContent()).toBe('Kontroll av förseglat resultat');
    expect(await checks.last().textContent()).toContain('Alla kontroller lyckades');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when the open data it is given was doctored', async () => {
    const { id } = await closedPoll();
    const page = await chrome.browser.newPage();
    await page.route('**/seal/leaves', async (route) => {
      const leaves = (await (await route.fetch()).json()) as { choices: string[] }[];
      leaves[0]!.choices = leaves[0]!.choices[0] === 'a' ? ['c'] : ['a'];
      await route.fulfill({ json: leaves });
    });
    await page.goto(`${server.url}/embed/v1/frame/verify/${id}?site=koivulahti&lang=en`);
    const failed = page.locator('ul.checks li.fail');
    await expect.poll(() => failed.allTextContents(), { timeout: 10_000 }).toEqual([
      'Counting the leaves again gives other tallies than the result.',
      "The root computed from the leaves differs from the result's: the leaves were changed.",
      'The check failed: this result cannot be trusted.',
    ]);
    await page.close();
  });

  it('says a poll is still open, and shows no check', async () => {
    const created = await fetch(`${api}/polls`, { method: 'POST', headers: official, body: JSON.stringify({ id: `auki-${Date.now()}`, kind: 'single', question: { fi: 'Auki?' }, options: ['a', 'b'].map((o) => ({ id: o, label: { fi: o } })), status: 'open' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const html = await (await fetch(`${server.url}/embed/v1/frame/verify/${id}?site=koivulahti`)).text();
    expect(html).toContain('Kysely on vielä auki.');
    expect(html).not.toContain('verify.js');
  });
});

describe('from a vote to its check (issue 17)', () => {
  it('votes in the widget, shows the receipt, and once the poll closes the verify page and npm run verify confirm it', async () => {
    const id = `kuitti-${Date.now()}`;
    const created = await fetch(`${api}/polls`, {
      method: 'POST',
      headers: official,
      body: JSON.stringify({ id, kind: 'single', question: { fi: 'Mikä ensin?' }, options: ['a', 'b'].map((o) => ({ id: o, label: { fi: `Vaihtoehto ${o}` } })), status: 'open', resultsVisibility: 'always' }),
    });
    expect(created.status).toBe(201);
    const page = await chrome.browser.newPage();
    await page.goto(`${server.url}/embed/v1/frame/poll/${id}?site=koivulahti`);
    const poll = page.locator('osallistu-poll');
    await poll.locator('.poll').getByLabel('Vaihtoehto b').check(); // the widget's, not the server-rendered one it replaces
    await poll.locator('.poll').getByRole('button', { name: 'Vastaa' }).click();
    await expect.poll(() => poll.locator('.receipt code').textContent(), { timeout: 10_000 }).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const receipt = (await poll.locator('.receipt code').textContent())!;
    expect(await poll.locator('.receipt').textContent()).toContain('Kuittisi:');

    expect((await fetch(`${api}/polls/${id}`, { method: 'PATCH', headers: official, body: JSON.stringify({ status: 'closed' }) })).status).toBe(200);
    await page.reload();
    const link = poll.locator('.sealed a');
    await expect.poll(() => link.textContent(), { timeout: 10_000 }).toBe('Tulos on sinetöity – tarkista se');
    await page.goto(`${(await link.getAttribute('href'))!}&receipt=${receipt}`);
    await expect.poll(() => page.locator('ul.checks li').last().textContent(), { timeout: 10_000 }).toContain(`Kuitti ${receipt} on laskettu: valinta b`);
    expect(await page.locator('ul.checks li.fail').count()).toBe(0);
    await page.close();

    const cli = verify(`${server.url}/embed/v1/frame/verify/${id}?site=koivulahti`, receipt, '--lang', 'fi');
    expect(cli.code, cli.out).toBe(0);
    expect(cli.out).toContain('Tulos: 1 vastausta – a 0, b 1');
  });
});
