import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { resetConsole, signedInView } from '../../test/support/console.ts';
import { SITE, createForm, officialFetch } from '../../test/support/forms.ts';
import './osallistu-admin.ts';

const OWNER = inject('devServer').token;

afterEach(resetConsole);

async function send(form: string, message: string, lang?: string): Promise<string> {
  const response = await fetch(`/api/v1/sites/${SITE}/forms/${form}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers: { message, topic: 'parks', email: 'asukas@example.fi' }, context: { subject: 'Puistosuunnitelma' }, ...(lang ? { lang } : {}) }),
  });
  if (response.status !== 201) throw new Error(`send ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { ref: string }).ref;
}

/** The console signed in, on the feedback view, filtered to one form's received feedback. */
async function queueOf(form: string, token = OWNER, lang = 'fi') {
  const { el, view, shadow } = await signedInView('osallistu-admin-feedback', 'feedback', { token, lang });
  await expect.poll(() => shadow.querySelector(`#form option[value="${form}"]`)).toBeTruthy();
  shadow.querySelector<HTMLSelectElement>('#form')!.value = form;
  shadow.querySelector<HTMLSelectElement>('#form')!.dispatchEvent(new Event('change'));
  shadow.querySelector<HTMLButtonElement>('form.filters button')!.click();
  await expect.poll(() => shadow.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
  return { el, view, shadow };
}

const publicStatus = async (ref: string) => (await (await fetch(`/api/v1/sites/${SITE}/submissions/${ref}`)).json()) as { status: string; replies: { body: string }[] };

describe('the moderation queue', () => {
  it('reads a submission with its labels and context, replies publicly, and the resident sees the reply by the reference code', async () => {
    const form = await createForm();
    const ref = await send(form, 'Puiston penkki on rikki.');
    const { el, shadow } = await queueOf(form);
    expect(shadow.querySelector('tbody')!.textContent).toContain(ref);
    expect(shadow.querySelector('tbody')!.textContent).toContain('Puiston penkki on rikki.');
    shadow.querySelector<HTMLButtonElement>(`button[data-ref="${ref}"]`)!.click();
    await expect.poll(() => shadow.activeElement?.id).toBe('open-heading');
    const open = shadow.querySelector('section.submission')!;
    expect(open.textContent).toContain('Palautteesi');
    expect(open.textContent).toContain('Puistot'); // the choice by its label, not its id
    expect(open.textContent).toContain('Koskee: Puistosuunnitelma');
    expect(open.textContent).toContain('asukas@example.fi');
    await expect.poll(() => open.textContent).toContain('Ei vielä vastauksia.');
    await expectAccessible(el);

    shadow.querySelector<HTMLTextAreaElement>('#reply')!.focus();
    await userEvent.keyboard('Penkki korjataan ensi viikolla.');
    expect(open.textContent).toContain('Vastaus on kesken');
    // The status stays as it is until a public reply suggests "answered".
    const status = shadow.querySelector<HTMLSelectElement>('#new-status')!;
    expect(status.value).toBe('received');
    // Ticked then unticked: the suggestion is taken back, a note would not mark it answered.
    shadow.querySelector<HTMLInputElement>('input[name="public"]')!.click();
    await expect.poll(() => status.value).toBe('answered');
    shadow.querySelector<HTMLInputElement>('input[name="public"]')!.click();
    await expect.poll(() => status.value).toBe('received');
    shadow.querySelector<HTMLInputElement>('input[name="public"]')!.click();
    await expect.poll(() => status.value).toBe('answered');
    shadow.querySelector<HTMLButtonElement>('section.submission form button:not([type])')!.click();
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe(`Vastaus julkaistiin. Palautteen antaja näkee sen viitetunnuksella ${ref}.`);
    expect(shadow.querySelector('section.submission')!.textContent).toContain('Julkinen vastaus');
    expect(await publicStatus(ref)).toMatchObject({ status: 'answered', replies: [{ body: 'Penkki korjataan ensi viikolla.' }] });
    // The next reply starts internal again: nothing is published by a box left ticked.
    expect(shadow.querySelector<HTMLInputElement>('input[name="public"]')!.checked).toBe(false);
  });

  it('shows what a resident wrote in the language it was sent in (the site\'s default when the sender did not say)', async () => {
    const form = await createForm();
    const swedish = await send(form, 'Bänken i parken är trasig.', 'sv');
    const unsaid = await send(form, 'Puiston penkki on rikki.');
    const { shadow } = await queueOf(form, OWNER, 'sv');
    const excerpt = (ref: string) => shadow.querySelector(`button[data-ref="${ref}"]`)!.closest('tr')!.querySelector('td[data-label="Respons"]')!;
    // In a Swedish console, the Swedish text needs no mark and the Finnish one says it is Finnish.
    await expect.poll(() => excerpt(unsaid).querySelector('[lang]')?.getAttribute('lang')).toBe('fi');
    expect(excerpt(swedish).textContent!.trim()).toBe('Bänken i parken är trasig.');
    expect(excerpt(swedish).querySelector('[lang]')).toBeNull();
    shadow.querySelector<HTMLButtonElement>(`button[data-ref="${unsaid}"]`)!.click();
    await expect.poll(() => shadow.activeElement?.id).toBe('open-heading');
    const open = shadow.querySelector('section.submission')!;
    expect([...open.querySelectorAll('dd [lang="fi"]')].map((span) => span.textContent)).toContain('Puiston penkki on rikki.');
  });

  it('an internal note stays internal; spam is one click', async () => {
    const form = await createForm();
    const ref = await send(form, 'Osta halpoja kelloja!');
    const { shadow } = await queueOf(form, OWNER, 'sv');
    shadow.querySelector<HTMLButtonElement>(`button[data-ref="${ref}"]`)!.click();
    await expect.poll(() => shadow.querySelector('#reply')).toBeTruthy();
    shadow.querySelector<HTMLTextAreaElement>('#reply')!.focus();
    await userEvent.keyboard('Näyttää roskapostilta.');
    await expect.poll(() => shadow.querySelector('section.submission')?.textContent ?? '').toContain('Svaret är inte sparat');
    const status = shadow.querySelector<HTMLSelectElement>('#new-status')!;
    status.value = 'in_progress';
    status.dispatchEvent(new Event('change'));
    shadow.querySelector<HTMLButtonElement>('section.submission form button:not([type])')!.click();
    await expect.poll(() => shadow.querySelector('section.submission')?.textContent ?? '').toContain('Intern anteckning');
    expect(shadow.querySelector('[role="status"]')!.textContent).toBe(`Den interna anteckningen sparades för responsen ${ref}. Avsändaren ser den inte.`);
    expect(await publicStatus(ref)).toMatchObject({ status: 'in_progress', replies: [] });
    [...shadow.querySelectorAll<HTMLButtonElement>('section.submission button')].find((b) => b.textContent === 'Markera som skräppost')!.click();
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe(`Responsen ${ref} markerades som skräppost.`);
    expect((await publicStatus(ref)).status).toBe('spam');
  });

  it('filters by topic once a form with topics is chosen, and shows the topic by its name', async () => {
    const form = await createForm();
    const post = async (message: string, category?: string) => {
      const response = await fetch(`/api/v1/sites/${SITE}/forms/${form}/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers: { message, topic: 'parks' }, ...(category ? { category } : {}) }) });
      return ((await response.json()) as { ref: string }).ref;
    };
    const lights = await post('Lamppu rikki.', 'lights');
    const other = await post('Jotain muuta.', 'other');
    const { el, shadow } = await queueOf(form);
    const category = shadow.querySelector<HTMLSelectElement>('#category')!;
    expect([...category.options].map((o) => o.textContent)).toEqual(['Kaikki', 'Katuvalot', 'Muu']);
    category.value = 'lights';
    shadow.querySelector<HTMLButtonElement>('form.filters button')!.click();
    await expect.poll(() => [...shadow.querySelectorAll('tbody tr')].length).toBe(1);
    expect(shadow.querySelector('tbody')!.textContent).toContain(lights);
    expect(shadow.querySelector('tbody')!.textContent).not.toContain(other);
    shadow.querySelector<HTMLButtonElement>(`button[data-ref="${lights}"]`)!.click();
    await expect.poll(() => shadow.querySelector('section.submission dl')?.textContent ?? '').toContain('AiheKatuvalot');
    await expectAccessible(el);
  });

  it('changes many at once', async () => {
    const form = await createForm();
    const refs = [await send(form, 'Yksi.'), await send(form, 'Kaksi.')];
    const { el, shadow } = await queueOf(form);
    for (const ref of refs) shadow.querySelector<HTMLInputElement>(`input[aria-label="Valitse ${ref}"]`)!.click();
    await expect.poll(() => shadow.querySelector('#bulk-status')).toBeTruthy();
    shadow.querySelector<HTMLSelectElement>('#bulk-status')!.value = 'closed';
    await expectAccessible(el);
    [...shadow.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Muuta 2 valittua')!.click();
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe('2 palautetta päivitettiin.');
    for (const ref of refs) expect((await publicStatus(ref)).status).toBe('closed');
  });

  it('exports the chosen form\'s feedback in one click: CSV, Excel and JSON', async () => {
    const form = await createForm();
    await send(form, 'Vientiä varten.');
    const { el, shadow } = await queueOf(form);
    const group = shadow.querySelector('[role="group"].export')!;
    expect(group.textContent).toContain('Lataa lomakkeen ”Anna palautetta” palautteet');
    await expectAccessible(el);
    for (const [label, extension] of [['Excel', 'xlsx'], ['CSV', 'csv']] as const) {
      [...group.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label)!.click();
      await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toMatch(new RegExp(`^Tiedosto koivulahti-.*${form}.*\\.${extension} on ladattu\\.$`));
    }
  });

  it('is for moderators and up: a viewer does not see it', async () => {
    const viewer = (await (await officialFetch('/tokens', { method: 'POST', body: JSON.stringify({ label: `Katselija ${Date.now()}`, role: 'viewer' }) })).json()) as { token: string };
    const moderator = (await (await officialFetch('/tokens', { method: 'POST', body: JSON.stringify({ label: `Moderaattori ${Date.now()}`, role: 'moderator' }) })).json()) as { token: string };
    const form = await createForm();
    await send(form, 'Moderaattorille.');
    const { el } = await queueOf(form, moderator.token);
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['Kyselyt', 'Palautteet', 'Väitteet odottavat', 'Kuuntelu', 'Odottaa päätöstä', 'Upotuskoodit']);
    document.body.replaceChildren();
    // Asked for the feedback view, a viewer gets the polls.
    const { el: v } = await signedInView('osallistu-admin-polls', 'feedback', { token: viewer.token });
    expect([...v.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['Kyselyt', 'Odottaa päätöstä', 'Upotuskoodit']);
    expect(v.shadowRoot!.querySelector('osallistu-admin-feedback')).toBeNull();
  });
});
