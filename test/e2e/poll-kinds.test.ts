import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';

const server = inject('devServer');
const chrome = chromiumForFile();

describe('the participatory budget and the ranked vote on the demo page', () => {
  it('takes a budget ballot by keyboard alone in one district, and shows the funded projects', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/osallistuva-budjetointi/`);
    const budget = page.locator('osallistu-poll[poll="omakoivulahti-2027"]');
    await expect.poll(() => budget.getByRole('radio', { name: /Saaristo/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The area radios, then the district's projects, by Tab, arrows and Space only.
    await budget.getByRole('radio', { name: /Keskusta/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => budget.getByRole('radio', { name: /Saaristo/ }).isChecked()).toBe(true);
    await expect.poll(() => budget.getByRole('checkbox').count()).toBe(3);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Uusi laituri Kivisaareen, 140 000 €
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Yleisen saunan kunnostus, 70 000 €: 210 000 € is over the 200 000 € cap
    // (Amounts are written as Finnish writes them, with no-break spaces: "10 000 €".)
    await expect.poll(() => budget.getByText(/valintasi maksavat 10.000.€ enemmän kuin budjetissa on/).count()).toBe(1);
    await page.keyboard.press('Space'); // unpicked again
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Opasteet saariston luontopoluille, 50 000 €
    await expect.poll(() => budget.getByText(/^10.000.€ jäljellä \/ 200.000.€$/).count()).toBe(1);
    await page.screenshot({ path: `${ROOT}/test-results/demo-budget-ballot.png`, fullPage: true });
    await budget.getByRole('button', { name: 'Vastaa' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => budget.getByText('Hankkeet rahoitetaan äänimäärän mukaisessa järjestyksessä', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => budget.getByText('Rahoitetaan', { exact: true }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/demo-budget-voted.png`, fullPage: true });

    const exported = await fetch(`${server.url}/api/v1/sites/koivulahti/polls/omakoivulahti-2027/export?format=json`, { headers: { Authorization: `Bearer ${server.token}` } });
    const json = (await exported.json()) as { ballots: { choices: string[] }[]; summary: { funded: { area: string; funded: string[] }[] } };
    expect(json.ballots.map((b) => b.choices)).toContainEqual(['laituri', 'saaristo-reitisto']);
    expect(json.summary.funded.find((a) => a.area === 'saaristo')!.funded).toEqual(expect.arrayContaining(['laituri', 'saaristo-reitisto']));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes a ranking by keyboard alone, keeps its order, and shows the rounds', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sv/medborgarbudget/`);
    const ranked = page.locator('osallistu-poll[poll="uuden-aukion-nimi"]');
    await expect.poll(() => ranked.getByRole('combobox').count()).toBe(4);
    // Third place for Mötesplatsen, first for Lokplatsen, by the number pickers.
    await ranked.getByRole('combobox', { name: /Lokplatsen/ }).selectOption('1');
    await ranked.getByRole('combobox', { name: /Mötesplatsen/ }).selectOption('2');
    await ranked.getByRole('combobox', { name: /Björkplatsen/ }).selectOption('3');
    // Then Björkplatsen up one place by its button, from the keyboard.
    await ranked.getByRole('button', { name: /Björkplatsen.*upp|upp.*Björkplatsen/i }).focus();
    await page.keyboard.press('Enter');
    await ranked.getByRole('button', { name: /^Svara$/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => ranked.locator('table').count(), { timeout: 15_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ROOT}/test-results/demo-ranked-voted-sv.png`, fullPage: true });
    const exported = await fetch(`${server.url}/api/v1/sites/koivulahti/polls/uuden-aukion-nimi/export?format=json`, { headers: { Authorization: `Bearer ${server.token}` } });
    const json = (await exported.json()) as { ballots: { choices: string[] }[] };
    expect(json.ballots.map((b) => b.choices)).toContainEqual(['veturi', 'koivuaukio', 'kohtaamo']);
    await context.close();
  });
});

describe('the conversation on the demo page', () => {
  it('takes seven votes by keyboard alone and tells the resident which of the seeded opinion groups they are closest to', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/keskustelu/`);
    const conversation = page.locator('osallistu-poll[poll="kirjaston-tulevaisuus"]');
    await expect.poll(() => conversation.getByRole('button', { name: 'Samaa mieltä' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // The "lean library" camp of the seed: disagree with Sunday opening (1), agree with a self-service evening library (2), …
    const camp: Record<string, string> = {
      'Kirjaston pitäisi olla auki myös sunnuntaisin.': 'Eri mieltä',
      'Omatoimikirjasto ilman henkilökuntaa riittää iltaisin.': 'Samaa mieltä',
      'Kirjaston tärkein tehtävä on lainata kirjoja.': 'Samaa mieltä',
      'Kirjastossa pitäisi voida lainata työkaluja ja urheiluvälineitä.': 'Eri mieltä',
      'Hiljaiselle lukemiselle tarvitaan oma kerros.': 'Ohita',
      'Kirjaston kahvila tekisi siitä viihtyisämmän.': 'Eri mieltä',
      'Nuorille tarvitaan oma tila, jossa saa pitää ääntä.': 'Eri mieltä',
      'Säästöt kannattaa hakea vähentämällä aukioloa, ei kokoelmista.': 'Samaa mieltä',
      'Ruotsinkielisiä kirjoja ja palveluja pitää olla enemmän.': 'Eri mieltä',
      'Kirjaston tilat pitäisi antaa yhdistyksille maksutta.': 'Eri mieltä',
      'E-kirjat ja äänikirjat ovat tärkeämpiä kuin painetut.': 'Samaa mieltä',
      'Kirjaston pitää pysyä keskustassa, vaikka vuokra nousee.': 'Samaa mieltä',
    };
    // The statement on show (the one that takes the focus after a vote).
    const shown = conversation.locator('p.statement[tabindex="-1"]');
    for (let answered = 0; answered < 7; answered++) {
      await expect.poll(async () => ((await shown.count()) === 1 ? (await shown.textContent())!.trim() in camp : false)).toBe(true);
      const text = (await shown.textContent())!.trim();
      if (answered > 0) expect(await shown.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      await conversation.getByRole('button', { name: camp[text]!, exact: true }).first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => conversation.getByText(`Vastattu ${answered + 1}/12 väitteeseen`).count()).toBe(1);
    }
    // The seed's camps are groups of 18, 18 and 12 residents, numbered largest first: the lean-library camp is group 3.
    await expect.poll(() => conversation.getByText('Olet lähimpänä ryhmää 3.').count(), { timeout: 15_000 }).toBe(1);
    expect(await conversation.getByText('Mistä ollaan samaa mieltä').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ROOT}/test-results/demo-conversation-voted.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
