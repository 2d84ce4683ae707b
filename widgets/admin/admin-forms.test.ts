import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { choose, resetConsole, signedInView, typeInto } from '../../test/support/console.ts';
import { BASE_FORM, SITE, createForm, officialFetch } from '../../test/support/forms.ts';

afterEach(resetConsole);

type FormJson = { fields: { key: string; type: string; label: Record<string, string>; required?: boolean; options?: { id: string; label: Record<string, string> }[] }[]; intro?: unknown; status: string; title: Record<string, string> };
const formOf = async (id: string) => (await (await officialFetch(`/forms/${id}`)).json()) as FormJson;
const submissionsSent = () => performance.getEntriesByType('resource').filter((e) => /\/submissions/.test(e.name)).length;

async function openNewEditor() {
  const forms = await signedInView('osallistu-admin-forms', 'forms');
  await expect.poll(() => forms.shadow.querySelector('#new-form')).toBeTruthy();
  forms.shadow.querySelector<HTMLButtonElement>('#new-form')!.click();
  await expect.poll(() => forms.shadow.querySelector('osallistu-admin-form-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
  return { ...forms, editor: forms.shadow.querySelector('osallistu-admin-form-editor')!.shadowRoot! };
}

/** The forms view with the editor open on the saved form `id`, focus on its heading. */
async function openSavedEditor(id: string) {
  const forms = await signedInView('osallistu-admin-forms', 'forms');
  const { shadow } = forms;
  await expect.poll(() => shadow.querySelector(`button[data-edit="${id}"]`)).toBeTruthy();
  shadow.querySelector<HTMLButtonElement>(`button[data-edit="${id}"]`)!.click();
  await expect.poll(() => shadow.querySelector('osallistu-admin-form-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
  return { ...forms, editor: shadow.querySelector('osallistu-admin-form-editor')!.shadowRoot! };
}

describe('<osallistu-admin-forms>: defining a feedback form', () => {
  it('builds a form beside the real feedback widget in each language, whose checks work and which sends nothing; opening it with texts missing asks first', async () => {
    const { el, shadow, editor } = await openNewEditor();
    const id = `lomake-${Date.now()}`;
    await typeInto(editor, '#form-id', id);
    await typeInto(editor, '#title-fi', 'Kerro puistoista');
    await typeInto(editor, '#field-0-label-fi', 'Mitä haluat sanoa?');
    editor.querySelector<HTMLInputElement>('#field-0 input[type="checkbox"]')!.click();
    // A second field, a choice: it starts with two options to name.
    editor.querySelector<HTMLButtonElement>('#add-field')!.click();
    await expect.poll(() => editor.activeElement?.id).toBe('field-1-type');
    choose(editor, '#field-1-type', 'choice');
    await typeInto(editor, '#field-1-label-fi', 'Mikä puisto?');
    await typeInto(editor, '#field-1-option-0-fi', 'Keskuspuisto');
    await typeInto(editor, '#field-1-option-1-fi', 'Rantapuisto');

    const previews = [...editor.querySelectorAll('.preview osallistu-feedback-preview')];
    expect(previews.map((p) => p.closest('[lang]')!.getAttribute('lang'))).toEqual(['fi', 'sv', 'en']);
    const fi = previews[0]!.shadowRoot!;
    await expect.poll(() => fi.querySelector('.title')?.textContent).toBe('Kerro puistoista');
    expect(fi.textContent).toContain('Mitä haluat sanoa?');
    expect([...fi.querySelectorAll('fieldset fieldset label, fieldset .choices label')].map((l) => l.textContent!.trim()).filter(Boolean)).toEqual(expect.arrayContaining(['Keskuspuisto', 'Rantapuisto']));
    // The widget's own check, as a resident would meet it; nothing is sent.
    const before = submissionsSent();
    fi.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await expect.poll(() => fi.querySelector('.error-summary')?.textContent).toContain('Mitä haluat sanoa?');
    fi.querySelector<HTMLTextAreaElement>('textarea')!.focus();
    await userEvent.keyboard('Penkkejä lisää');
    fi.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    // The checks passed, the console says so, and nothing went out.
    await expect.poll(() => editor.querySelector('.previews [role="status"]')?.textContent).toBe('Lomake läpäisi tarkistukset. Esikatselusta ei lähetetä mitään.');
    expect(fi.querySelector('.error-summary')).toBeNull();
    expect(submissionsSent()).toBe(before);
    expect(fi.querySelector('.sent')).toBeNull();
    // No draft and no queued submission (other files' removal keys for the site may be there).
    expect(Object.keys(localStorage).filter((k) => k.includes(SITE) && /feedback-(draft|pending)/.test(k))).toEqual([]);

    expect(editor.querySelector('.notice-box')!.textContent).toContain('Otsikko puuttuu kielellä ruotsi.');
    expect(editor.querySelector('.notice-box')!.textContent).toContain('Kentän 2 vaihtoehto 1 puuttuu kielellä englanti.');
    await expectAccessible(el);

    choose(editor, '#form-status', 'open');
    editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
    await expect.poll(() => editor.activeElement?.id).toBe('editor-confirm');
    [...editor.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Julkaise silti')!.click();
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe('Lomake ”Kerro puistoista” tallennettiin.');
    await expect.poll(() => shadow.activeElement?.id).toBe('new-form');
    expect(shadow.querySelector('tbody')!.textContent).toContain(id);

    const saved = await formOf(id);
    expect(saved.status).toBe('open');
    expect(saved.fields).toEqual([
      { key: 'field_1', type: 'longText', label: { fi: 'Mitä haluat sanoa?' }, required: true },
      { key: 'field_2', type: 'choice', label: { fi: 'Mikä puisto?' }, required: false, options: [{ id: 'a', label: { fi: 'Keskuspuisto' } }, { id: 'b', label: { fi: 'Rantapuisto' } }] },
    ]);
    // Residents can use it at once.
    const sent = await fetch(`/api/v1/sites/${SITE}/forms/${id}/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers: { field_1: 'Hei', field_2: 'b' } }) });
    expect(sent.status).toBe(201);
  });

  it('edits a saved form: saved keys stay, fields move by keyboard with focus kept, an emptied introduction is removed; cancelling edits asks first', async () => {
    const id = await createForm();
    const { shadow, editor } = await openSavedEditor(id);
    expect(editor.querySelector('#form-id')).toBeNull();
    expect(editor.querySelector<HTMLInputElement>('#field-0-key')!.readOnly).toBe(true);
    expect(editor.querySelector<HTMLInputElement>('#field-0-label-sv')!.value).toBe('Din respons');

    // "Move field 2 up" puts the choice first and keeps focus with it.
    editor.querySelector<HTMLButtonElement>('#field-1 [data-move="-1"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => editor.activeElement?.closest('fieldset')?.id).toBe('field-0');
    expect(editor.querySelector<HTMLInputElement>('#field-0-key')!.value).toBe('topic');

    for (const lang of ['fi', 'sv', 'en']) {
      editor.querySelector<HTMLTextAreaElement>(`#intro-${lang}`)!.focus();
      await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
    }
    expect(editor.querySelector('.notice-box')).toBeNull();
    editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
    await expect.poll(() => shadow.querySelector('[role="status"]')?.textContent).toBe('Lomake ”Anna palautetta” tallennettiin.');
    const saved = await formOf(id);
    expect(saved.intro).toBeUndefined();
    expect(saved.fields.map((f) => f.key)).toEqual(['topic', 'message', ...BASE_FORM.fields.slice(2).map((f) => f.key)]);

    // Edits not saved are not thrown away without asking.
    await expect.poll(() => shadow.activeElement?.getAttribute('data-edit')).toBe(id);
    shadow.querySelector<HTMLButtonElement>(`button[data-edit="${id}"]`)!.click();
    await expect.poll(() => shadow.querySelector('osallistu-admin-form-editor')?.shadowRoot?.activeElement?.id).toBe('editor-heading');
    const again = shadow.querySelector('osallistu-admin-form-editor')!.shadowRoot!;
    await typeInto(again, '#title-fi', ' nyt');
    [...again.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Peruuta')!.click();
    await expect.poll(() => again.activeElement?.id).toBe('editor-confirm');
    expect(again.querySelector('#editor-confirm')!.textContent).toBe('Muutoksia ei ole tallennettu.');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => again.querySelector('[role="alertdialog"]')).toBeNull();
    expect(again.querySelector<HTMLInputElement>('#title-fi')!.value).toBe('Anna palautetta nyt');
  });

  it('keeps what stored answers rely on: a saved field changes only to a close type, a removed option\'s id is not given to a new one, and the other forms wait while one is edited', async () => {
    const id = await createForm({
      fields: [
        BASE_FORM.fields[0],
        { key: 'size', type: 'choice', label: { fi: 'Koko' }, options: ['a', 'b', 'c'].map((o) => ({ id: o, label: { fi: o.toUpperCase() } })) },
        BASE_FORM.fields[3],
      ],
    });
    await createForm();
    const { shadow, editor } = await openSavedEditor(id);
    // No other form can be opened over this draft, nor this one's status changed behind it.
    expect(shadow.querySelectorAll('tbody button').length).toBe(0);
    const types = (i: number) => [...editor.querySelectorAll<HTMLOptionElement>(`#field-${i}-type option`)].map((o) => o.value);
    expect(types(0)).toEqual(['shortText', 'longText']);
    expect(types(1)).toEqual(['choice', 'multiChoice']);
    expect(types(2)).toEqual(['email']);
    expect(editor.querySelector('#field-0-type')!.getAttribute('aria-describedby')).toBe('field-0-type-help');

    // Remove option C: focus stays in the list; a new option gets D, never C again.
    const remove = [...editor.querySelectorAll<HTMLButtonElement>('#field-1 button')].find((b) => b.textContent === 'Poista vaihtoehto 3')!;
    remove.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => editor.activeElement?.id).toBe('field-1-option-1-fi');
    editor.querySelector<HTMLButtonElement>('#field-1-option-add')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => editor.activeElement?.id).toBe('field-1-option-2-fi');
    await userEvent.keyboard('Iso');
    editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
    // The form is open and its new field is in Finnish only: asked first.
    await expect.poll(() => editor.activeElement?.id).toBe('editor-confirm');
    [...editor.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Julkaise silti')!.click();
    await expect.poll(async () => (await formOf(id)).fields[1]!.options!.map((o) => o.id)).toEqual(['a', 'b', 'd']);
  });

  it('removing a saved field asks first, saying its answers leave the exports; Escape keeps it', async () => {
    const id = await createForm();
    const { shadow, editor } = await openSavedEditor(id);
    const count = () => editor.querySelectorAll('fieldset.form-field').length;
    const before = count();
    editor.querySelector<HTMLButtonElement>('#field-2 [data-remove]')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => editor.activeElement?.id).toBe('remove-confirm');
    expect(editor.querySelector('#remove-confirm')!.textContent).toBe('Poistetaanko kenttä ”Paikka”? Siihen jo tulleet vastaukset säilyvät, mutta vienneissä niitä ei enää ole.');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => (editor.activeElement as HTMLElement | null)?.hasAttribute('data-remove')).toBe(true);
    expect(count()).toBe(before);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => editor.activeElement?.id).toBe('remove-confirm');
    [...editor.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Poista kenttä 3')!.click();
    await expect.poll(() => count()).toBe(before - 1);
    expect(editor.activeElement?.id).toBe('add-field');
    // A field added in this edit goes without asking.
    editor.querySelector<HTMLButtonElement>('#add-field')!.click();
    await expect.poll(() => count()).toBe(before);
    editor.querySelector<HTMLButtonElement>(`#field-${before - 1} [data-remove]`)!.click();
    await expect.poll(() => count()).toBe(before - 1);
    expect(editor.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('a refusal from the server is shown at the field it names, and nothing is saved', async () => {
    const { el, editor } = await openNewEditor();
    await typeInto(editor, '#title-fi', 'Puutteellinen');
    await typeInto(editor, '#field-0-label-fi', 'Viesti');
    editor.querySelector<HTMLButtonElement>('#add-field')!.click();
    await expect.poll(() => editor.activeElement?.id).toBe('field-1-type');
    choose(editor, '#field-1-type', 'choice');
    await typeInto(editor, '#field-1-label-fi', 'Valinta');
    // The first option only in Swedish: the server wants the site's default language (Finnish).
    await typeInto(editor, '#field-1-option-0-sv', 'Bara svenska');
    await typeInto(editor, '#field-1-option-1-fi', 'Toinen');
    const before = (await (await officialFetch('/forms')).json()) as { items: unknown[] };
    editor.querySelector<HTMLButtonElement>('form > .actions button:not([type])')!.click();
    await expect.poll(() => editor.activeElement?.getAttribute('role')).toBe('alert');
    const row = editor.querySelector('#field-1-option-0-fi')!.closest('.option-row')!;
    // In the console's words, naming the language.
    expect(row.querySelector('.error')!.textContent).toBe('Anna teksti sivuston oletuskielellä (suomi).');
    // The input says it is invalid, and which message tells why.
    const input = editor.querySelector<HTMLInputElement>('#field-1-option-0-fi')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(editor.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toContain('(suomi)');
    expect(editor.querySelector('#field-1-option-1-fi')!.hasAttribute('aria-invalid')).toBe(false);
    // Shown once, at that option, not again at the field or the list of fields.
    expect([...editor.querySelectorAll('.error')].filter((e) => e.textContent!.includes('(suomi)')).length).toBe(1);
    await expectAccessible(el);
    expect(((await (await officialFetch('/forms')).json()) as { items: unknown[] }).items.length).toBe(before.items.length);
  });

  it('closes a form only after confirming, and opens it again', async () => {
    const id = await createForm();
    const { el, shadow } = await signedInView('osallistu-admin-forms', 'forms');
    const toggle = () => shadow.querySelector<HTMLButtonElement>(`button[data-menu="${id}"]`);
    const item = (key: string) => shadow.querySelector<HTMLButtonElement>(`.menu[data-menu-of="${id}"] button[data-action="${key}"]`);
    await expect.poll(() => toggle()).toBeTruthy();
    // Edit is the row's primary action; opening and closing are in its menu, and the status is a badge.
    expect(toggle()!.closest('tr')!.querySelector('button[data-edit]')!.textContent).toBe('Muokkaa');
    expect(toggle()!.closest('tr')!.querySelector('.badge')!.textContent).toBe('Avoinna');
    toggle()!.click();
    await expect.poll(() => shadow.activeElement).toBe(item('close'));
    await expectAccessible(el);
    item('close')!.click();
    await expect.poll(() => shadow.activeElement?.id).toBe('confirm-text');
    expect(shadow.querySelector('#confirm-text')!.textContent).toContain('Suljetaanko lomake ”Anna palautetta”?');
    await expectAccessible(el);
    shadow.querySelector<HTMLButtonElement>('[role="alertdialog"] button.danger')!.click();
    await expect.poll(async () => (await formOf(id)).status).toBe('closed');
    await expect.poll(() => shadow.activeElement).toBe(toggle());
    expect(shadow.querySelector('[role="status"]')!.textContent).toBe('Lomake ”Anna palautetta” suljettiin.');
    await expect.poll(() => toggle()!.closest('tr')!.querySelector('.badge')!.textContent).toBe('Suljettu');
    item('open')!.click();
    await expect.poll(async () => (await formOf(id)).status).toBe('open');
  });

  it('is not offered to a moderator', async () => {
    const token = ((await (await officialFetch('/tokens', { method: 'POST', body: JSON.stringify({ label: `Moderaattori ${Date.now()}`, role: 'moderator' }) })).json()) as { token: string }).token;
    const { el } = await signedInView('osallistu-admin-feedback', 'feedback', { token });
    const tabs = [...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.getAttribute('href'));
    expect(tabs).toContain('#feedback');
    expect(tabs).not.toContain('#forms');
  });
});
