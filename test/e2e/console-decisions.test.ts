import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { accessibilityViolations, chromiumForFile, signInToConsole, watchProblems } from '../support/browser.ts';

const server = inject('devServer');
const chrome = chromiumForFile();

const SAMPLE = `${ROOT}/demo/decisions/ahjo-sample.json`;

interface AhjoRecord {
  NativeId: string;
  Title: string;
  Language: string;
  Section?: string;
  CaseIDLabel?: string;
  Organization: { ID: string };
  Meeting?: { DateMeeting?: string } | null;
  DateDecision?: string;
}

/**
 * The sample as an official reads it: Ahjo publishes each language version of a decision as a
 * record of its own, so a decision is one organ, day, § and case, in one language or two.
 */
function sampleDecisions() {
  const records = (JSON.parse(readFileSync(SAMPLE, 'utf8')) as { decisions: AhjoRecord[] }).decisions;
  const decisions = new Map<string, Partial<Record<'fi' | 'sv', AhjoRecord>>>();
  for (const record of records) {
    const day = (record.Meeting?.DateMeeting ?? record.DateDecision ?? '').slice(0, 10);
    const key = [record.Organization.ID, day, record.Section, record.CaseIDLabel].join('|');
    const versions = decisions.get(key) ?? {};
    versions[record.Language.startsWith('sv') ? 'sv' : 'fi'] = record;
    decisions.set(key, versions);
  }
  return { records: records.length, decisions: [...decisions.values()] };
}

describe('importing decisions in the officials\' console', () => {
  it('imports the demo\'s Ahjo sample from a file, reports every decision stored and none rejected, again as updates, and the decisions are found in the console and the public API', async () => {
    const sample = sampleDecisions();
    const count = sample.decisions.length;
    expect(sample.records).toBeGreaterThan(count); // some decisions come in two languages
    const wanted = sample.decisions.find((d) => d.fi && d.sv)!;
    const title = wanted.fi!.Title;

    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const admin = await signInToConsole(page, server.url, server.token);
    await admin.getByRole('navigation', { name: 'Hallinta' }).getByRole('link', { name: 'Päätökset' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#decisions');
    const view = admin.locator('osallistu-admin-decisions');
    const importing = view.getByRole('region', { name: 'Tuo päätöksiä tiedostosta' });
    await expect.poll(() => importing.count(), { timeout: 15_000 }).toBe(1);

    // The file is an Ahjo export: the console recognises it and converts it in the browser.
    await importing.getByLabel('Tiedosto', { exact: true }).setInputFiles(SAMPLE);
    await importing.getByRole('button', { name: 'Tuo', exact: true }).click();
    const report = importing.getByRole('region', { name: 'Tuonnin tulos' });
    await expect.poll(() => report.count(), { timeout: 30_000 }).toBe(1);
    // Focus goes to the report, the thing to read next.
    await expect.poll(() => view.evaluate((el) => el.shadowRoot!.activeElement?.id)).toBe('report-heading');
    expect(await importing.getByText(`Ahjon vienti muunnettiin: ${sample.records} tietuetta, ${count} päätöstä.`, { exact: true }).count()).toBe(1);
    const progress = importing.getByRole('progressbar', { name: `Tuotu ${count} / ${count} päätöstä` });
    expect(await progress.getAttribute('value')).toBe(String(count));
    expect(await progress.getAttribute('max')).toBe(String(count));
    const figures = async () => {
      const terms = await report.getByRole('term').allTextContents();
      const values = await report.getByRole('definition').allTextContents();
      return Object.fromEntries(terms.map((term, i) => [term, Number(values[i])]));
    };
    // New or updated depends on what the shared server has seen (the browser suite imports this sample
    // too, and deletes it after): together they are every decision of the file.
    const first = await figures();
    expect(Object.keys(first)).toEqual(['Uusia', 'Päivitettyjä', 'Hylättyjä']);
    expect(first['Uusia']! + first['Päivitettyjä']!).toBe(count);
    expect(first['Hylättyjä']).toBe(0);
    expect(await report.getByRole('table', { name: 'Hylätyt rivit' }).count()).toBe(0);
    await expect
      .poll(() => view.getByRole('status').textContent())
      .toBe(`Tuonti valmis: ${first['Uusia']} uutta, ${first['Päivitettyjä']} päivitettyä, 0 hylättyä.`);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The same file again: an upsert by source id, so every decision is updated and none duplicated.
    await importing.getByRole('button', { name: 'Tuo', exact: true }).click();
    await expect.poll(() => view.getByRole('status').textContent(), { timeout: 30_000 }).toBe(`Tuonti valmis: 0 uutta, ${count} päivitettyä, 0 hylättyä.`);
    expect(await figures()).toEqual({ Uusia: 0, Päivitettyjä: count, Hylättyjä: 0 });

    // The official searches the list for one of the imported decisions.
    const list = view.getByRole('search', { name: 'Hae päätöksistä' });
    await list.getByLabel('Hae päätöksistä').fill(title);
    await list.getByRole('button', { name: 'Hae', exact: true }).click();
    await expect.poll(() => view.getByRole('status').textContent()).toBe('1 päätös.');
    const rows = view.getByRole('table', { name: 'Julkaistut päätökset' }).getByRole('row').filter({ has: page.getByRole('rowheader') });
    expect(await rows.count()).toBe(1);
    expect(await rows.getByRole('rowheader').textContent()).toBe(title);
    expect(await rows.getByRole('button', { name: `Muokkaa: ${title}` }).count()).toBe(1);
    expect(await rows.getByRole('button', { name: `Lisää: ${title}` }).getAttribute('aria-expanded')).toBe('false');
    expect(await accessibilityViolations(page)).toEqual([]);

    // On a phone the decision is a card, and nothing of the view reaches past the screen's edge.
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => rows.evaluate((row) => getComputedStyle(row).display)).toBe('block');
    const widths = await view.evaluate((el) => {
      const right = document.documentElement.clientWidth;
      return [...el.shadowRoot!.querySelectorAll('*')].filter((node) => {
        const box = node.getBoundingClientRect();
        return box.width > 1 && box.right > right + 0.5 && node.closest('thead') === null;
      }).length;
    });
    expect(widths).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();

    // Residents find it through the public API, both language versions merged into one decision.
    const response = await fetch(`${server.url}/api/v1/sites/koivulahti/decisions?q=${encodeURIComponent(title)}`);
    expect(response.status).toBe(200);
    const found = ((await response.json()) as { items: { title: Record<string, string>; caseId: string | null; section: string | null; languages: string[] }[] }).items;
    expect(found.map((d) => d.title.fi)).toEqual([title]);
    expect(found[0]!.title.sv).toBe(wanted.sv!.Title);
    expect(found[0]!.caseId).toBe(wanted.fi!.CaseIDLabel);
    expect(found[0]!.section).toBe(wanted.fi!.Section);
    expect([...found[0]!.languages].sort()).toEqual(['fi', 'sv']);
  });
});
