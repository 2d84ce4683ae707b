import { describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, axeViolations, chromiumForFile, signInToConsole, watchProblems } from '../support/browser.ts';

const server = inject('devServer');
const chrome = chromiumForFile();
const REF = /^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/;

describe('feedback answered in the officials\' console', () => {
  it('a resident\'s feedback is found in the queue, gets a private note and a public reply, and the resident reads the reply (never the note) by the reference code', async () => {
    const stamp = Date.now();
    const message = `Roska-astia on täynnä Rantapuistossa (e2e ${stamp}).`;
    const note = `Sisäinen: ilmoitettu puistotoimelle, tiketti ${stamp}.`;
    const reply = `Kiitos! Astia tyhjennetään huomenna aamulla (${stamp}).`;

    // A resident sends feedback on the demo's feedback page and is given a reference code.
    const resident = await chrome.browser.newPage();
    const residentProblems = watchProblems(resident);
    await resident.goto(`${server.url}/palaute/`);
    const form = resident.locator('osallistu-feedback');
    await expect.poll(() => form.getByRole('button', { name: 'Lähetä palaute' }).count(), { timeout: 15_000 }).toBe(1);
    await form.getByLabel('Palautteesi').fill(message);
    await form.getByLabel('Puistot ja leikkipaikat').check();
    await form.getByRole('button', { name: 'Lähetä palaute' }).click();
    const ref = (await form.locator('[part="ref"]').textContent({ timeout: 10_000 }))!.trim();
    expect(ref).toMatch(REF);
    await resident.close();

    // An official signs in, opens the feedback queue, shows this form's new feedback and opens it.
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const admin = await signInToConsole(page, server.url, server.token);
    await admin.getByRole('navigation', { name: 'Hallinta' }).getByRole('link', { name: 'Palautteet' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#feedback');
    const queue = admin.locator('osallistu-admin-feedback');
    await expect.poll(() => queue.getByRole('heading', { name: 'Palautteet', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    // The form's name comes with the list of forms; the filter is chosen once it is there.
    await expect.poll(() => queue.getByLabel('Lomake').locator('option', { hasText: 'Anna palautetta' }).count()).toBe(1);
    await queue.getByLabel('Lomake').selectOption({ label: 'Anna palautetta' });
    await queue.getByLabel('Tila', { exact: true }).selectOption({ label: 'Vastaanotettu' });
    await queue.getByRole('button', { name: 'Näytä', exact: true }).click();
    const row = queue.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ref }) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining([message]));
    expect(await row.locator('.badge').textContent()).toBe('Vastaanotettu');
    await row.getByRole('button', { name: `Avaa: ${ref}` }).click();

    // The opened submission is a region named by its heading: the code and its status.
    const open = queue.getByRole('region', { name: new RegExp(`^${ref} `) });
    await expect.poll(() => open.count()).toBe(1);
    // The heading names the code and its status, shown as a status badge.
    const heading = () => open.getByRole('heading', { level: 3 }).evaluate((h) => h.textContent!.replace(/\s+/g, ' ').trim());
    expect(await heading()).toBe(`${ref} Vastaanotettu`);
    expect(await open.getByRole('heading', { level: 3 }).locator('.badge').textContent()).toBe('Vastaanotettu');
    // Focus goes to the opened submission's heading.
    await expect.poll(() => queue.evaluate((el) => el.shadowRoot!.activeElement?.id)).toBe('open-heading');
    expect(await open.getByRole('definition').allTextContents()).toContain(message);
    await expect.poll(() => open.getByText('Ei vielä vastauksia.').count()).toBe(1);

    // First an internal note (the checkbox for a public reply left unchecked), the case taken up.
    const publicBox = open.getByRole('checkbox', { name: 'Julkinen vastaus palautteen antajalle' });
    expect(await publicBox.isChecked()).toBe(false);
    await open.getByLabel('Vastaus tai muistiinpano').fill(note);
    await open.getByLabel('Uusi tila').selectOption({ label: 'Käsittelyssä' });
    await open.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => queue.getByRole('status').textContent()).toBe(`Sisäinen muistiinpano tallennettiin palautteeseen ${ref}. Se ei näy palautteen antajalle.`);
    await expect.poll(() => heading()).toBe(`${ref} Käsittelyssä`);
    await expect.poll(() => open.getByRole('listitem').filter({ hasText: note }).textContent()).toContain('Sisäinen muistiinpano');
    expect(await open.getByLabel('Vastaus tai muistiinpano').inputValue()).toBe('');

    // Then the public reply, and the feedback marked answered.
    await open.getByLabel('Vastaus tai muistiinpano').fill(reply);
    await publicBox.check();
    await open.getByLabel('Uusi tila').selectOption({ label: 'Vastattu' });
    await open.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => heading()).toBe(`${ref} Vastattu`);
    expect(await queue.getByRole('status').textContent()).toBe(`Vastaus julkaistiin. Palautteen antaja näkee sen viitetunnuksella ${ref}.`);
    // The box is unticked again, so the next note cannot be published by mistake.
    expect(await publicBox.isChecked()).toBe(false);
    await expect.poll(() => open.getByRole('listitem').filter({ hasText: reply }).textContent()).toContain('Julkinen vastaus');
    expect(await open.getByRole('listitem').count()).toBe(2);
    // The queue's row shows the new status too.
    await expect.poll(() => row.locator('.badge').textContent()).toBe('Vastattu');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();

    // The public API gives the status and the public reply, never the internal note.
    const response = await fetch(`${server.url}/api/v1/sites/koivulahti/submissions/${ref}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const status = JSON.parse(text) as { ref: string; status: string; replies: { body: string }[] };
    expect(status.ref).toBe(ref);
    expect(status.status).toBe('answered');
    expect(status.replies.map((r) => r.body)).toEqual([reply]);
    expect(text).not.toContain(note);
    expect(text).not.toContain(message);

    // The resident looks the code up on the feedback page, in a fresh browser (nothing remembered).
    const context = await chrome.browser.newContext();
    const later = await context.newPage();
    const laterProblems = watchProblems(later);
    await later.goto(`${server.url}/palaute/`);
    const again = later.locator('osallistu-feedback');
    await again.getByText('Seuraa palautettasi viitetunnuksella').click();
    const lookup = again.locator('osallistu-feedback-status');
    await lookup.getByLabel('Viitetunnus').fill(ref.toLowerCase());
    await lookup.getByRole('button', { name: 'Hae tila' }).click();
    await expect.poll(() => lookup.getByRole('heading', { name: `Palaute ${ref}` }).count()).toBe(1);
    expect(await lookup.getByText('Tila: Vastattu', { exact: true }).count()).toBe(1);
    expect(await lookup.getByText(reply, { exact: true }).count()).toBe(1);
    expect(await lookup.getByText(note).count()).toBe(0);
    expect(await later.getByText(note).count()).toBe(0);
    expect(await axeViolations(later)).toEqual([]);
    expect(residentProblems).toEqual([]);
    expect(laterProblems).toEqual([]);
    await context.close();
  });
});
