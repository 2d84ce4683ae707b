import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { resetConsole, typeInto } from '../../test/support/console.ts';
import { officialFetch } from '../../test/support/polls.ts';
import { SETTINGS_SITE } from '../../test/support/test-sites.ts';
import type { Site } from '../../worker/schema/sites.ts';
import './osallistu-admin.ts';
import type { OsallistuAdminSettings } from './admin-settings.ts';

afterEach(resetConsole);

const SITE = SETTINGS_SITE.id;
const OWNER = inject('devServer').settingsToken;

/** The site's settings as the API holds them. */
async function stored(): Promise<Site> {
  const response = await fetch(`/api/v1/sites/${SITE}/settings`, { headers: { Authorization: `Bearer ${OWNER}` } });
  return (await response.json()) as Site;
}

/** Every `site.update` in the site's audit log, newest first. */
async function audited(): Promise<{ detail: Record<string, unknown> }[]> {
  const response = await fetch(`/api/v1/sites/${SITE}/audit?action=site.update&limit=50`, { headers: { Authorization: `Bearer ${OWNER}` } });
  return ((await response.json()) as { items: { detail: Record<string, unknown> }[] }).items;
}

/** The console in a `<main lang>`, signed in to `site` with `token`; answers it once its navigation shows. */
async function signIn(lang: string, token: string = OWNER, site: string = SITE, hash = '') {
  sessionStorage.clear();
  history.replaceState(null, '', `${location.pathname}${hash}`);
  const main = document.createElement('main');
  main.lang = lang;
  const el = document.createElement('osallistu-admin');
  el.setAttribute('api', location.origin);
  main.append(el);
  document.body.append(main);
  await expect.poll(() => el.shadowRoot?.querySelector('#token')).toBeTruthy();
  el.shadowRoot!.querySelector<HTMLInputElement>('#site')!.value = site;
  el.shadowRoot!.querySelector<HTMLInputElement>('#token')!.value = token;
  el.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
  await expect.poll(() => el.shadowRoot!.querySelector('nav a')).toBeTruthy();
  return el;
}

/** The Settings view, reached through its tab, once it shows the site's settings. */
async function openSettings(lang: string) {
  const el = await signIn(lang);
  el.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="#settings"]')!.click();
  await expect.poll(() => el.shadowRoot!.querySelector('osallistu-admin-settings')?.shadowRoot?.querySelector('#origin')).toBeTruthy();
  const view = el.shadowRoot!.querySelector('osallistu-admin-settings')!;
  return { el, view, shadow: view.shadowRoot! };
}

const text = (root: ShadowRoot, selector: string) => root.querySelector(selector)?.textContent?.trim();

describe('<osallistu-admin-settings>: who sees it', () => {
  it('is a tab for owners only: an editor sees no Settings tab, and asking for it by address shows the first view', async () => {
    const owner = await signIn('fi');
    expect([...owner.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).toContain('Asetukset');
    resetConsole();

    const created = await officialFetch('/tokens', { method: 'POST', body: JSON.stringify({ label: `Asetukset-editori ${Date.now()}`, role: 'editor' }) });
    const editor = ((await created.json()) as { token: string }).token;
    const el = await signIn('fi', editor, 'koivulahti', '#settings');
    await expect.poll(() => el.shadowRoot!.querySelector('osallistu-admin-polls')).toBeTruthy();
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).not.toContain('#settings');
    expect(el.shadowRoot!.querySelector('osallistu-admin-settings')).toBeNull();
  });
});

describe('<osallistu-admin-settings>: origins', () => {
  it('adds an origin by keyboard after saying in Finnish what is wrong with a host, a URL with a path and a duplicate (nothing sent), then removes it after asking; both are audited', async () => {
    const { el, shadow } = await openSettings('fi');
    expect(text(shadow, 'h2')).toBe('Asetukset');
    await expect.poll(() => [...shadow.querySelectorAll('ul.origins code')].map((c) => c.textContent)).toContain('https://www.asetuskunta.fi');
    const before = (await stored()).origins;
    const origin = `https://www-${Date.now()}.asetuskunta.fi`;
    const input = () => shadow.querySelector<HTMLInputElement>('#origin')!;
    const attempt = async (value: string) => {
      input().value = '';
      await typeInto(shadow, '#origin', `${value}{Enter}`);
    };

    await attempt('www.asetuskunta.fi');
    await expect.poll(() => text(shadow, '#origin-error')).toBe('Anna osoite muodossa https://www.espoo.fi: ensin http:// tai https://, sitten palvelimen nimi.');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toBe('origin-help origin-error');
    expect(shadow.activeElement).toBe(input());

    await attempt(`${origin}/osallistu/`);
    await expect.poll(() => text(shadow, '#origin-error')).toBe(`Anna vain osoitteen alku ilman polkua tai loppukauttaviivaa: ${origin}`);
    await attempt('https://www.asetuskunta.fi');
    await expect.poll(() => text(shadow, '#origin-error')).toBe('https://www.asetuskunta.fi on jo rekisteröity.');
    expect((await stored()).origins).toEqual(before);
    // Unsaved typing is not left without asking.
    expect((shadow.host as OsallistuAdminSettings).hasUnsavedChanges).toBe(true);

    await attempt(origin);
    await expect.poll(() => text(shadow, '#origins-status')).toBe(`${origin} lisättiin. Widgetit toimivat nyt sen sivuilla.`);
    expect(shadow.querySelector('#origin-error')).toBeNull();
    expect(input().hasAttribute('aria-invalid')).toBe(false);
    expect(input().value).toBe('');
    expect(shadow.activeElement).toBe(input());
    expect((shadow.host as OsallistuAdminSettings).hasUnsavedChanges).toBe(false);
    expect([...shadow.querySelectorAll('ul.origins code')].map((c) => c.textContent)).toEqual([...before, origin]);
    expect((await stored()).origins).toEqual([...before, origin]);
    await expectAccessible(el);

    // Removing asks first; Escape keeps it, with focus back on its button.
    const remove = () => shadow.querySelector<HTMLButtonElement>(`button[data-origin="${origin}"]`)!;
    expect(remove().getAttribute('aria-label')).toBe(`Poista: ${origin}`);
    remove().focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shadow.activeElement?.id).toBe('confirm-text');
    expect(text(shadow, '#confirm-text')).toBe(`Poistetaanko ${origin}? Sen sivujen widgetit lakkaavat toimimasta.`);
    await expectAccessible(el);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => shadow.activeElement).toBe(remove());
    expect(shadow.querySelector('[role="alertdialog"]')).toBeNull();
    expect((await stored()).origins).toContain(origin);

    remove().click();
    await expect.poll(() => shadow.activeElement?.id).toBe('confirm-text');
    shadow.querySelector<HTMLButtonElement>('[role="alertdialog"] button.danger')!.click();
    await expect.poll(() => text(shadow, '#origins-status')).toBe(`${origin} poistettiin.`);
    expect(shadow.activeElement).toBe(input());
    expect((await stored()).origins).toEqual(before);

    // The audit log has both saves, and the console's audit view shows them.
    const updates = await audited();
    expect(updates.slice(0, 2).map((u) => u.detail)).toEqual([{ origins: before }, { origins: [...before, origin] }]);
    el.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="#audit"]')!.click();
    // As a sentence in Finnish that names the part changed, not as a code.
    await expect.poll(() => el.shadowRoot!.querySelector('osallistu-admin-audit')?.shadowRoot?.querySelector('ol.audit li')?.textContent).toMatch(/ muutti sivuston asetuksia: Osoitteet \(originit\) \(https:\/\/www\.asetuskunta\.fi[^)]*\) \d/);
    expect(el.shadowRoot!.querySelector('osallistu-admin-audit')!.shadowRoot!.textContent).not.toContain('site.update');
  });
});

describe('<osallistu-admin-settings>: languages, retention, keys', () => {
  it('in Swedish: languages and the default one, checked here and saved; retention refused out of range, then saved', async () => {
    const { el, shadow } = await openSettings('sv');
    expect(text(shadow, 'h2')).toBe('Inställningar');
    expect(text(shadow, '#languages-heading')).toBe('Språk');
    const box = (lang: string) => shadow.querySelector<HTMLInputElement>(`input[name="languages"][value="${lang}"]`)!;
    await expect.poll(() => ['fi', 'sv', 'en'].map((l) => box(l).checked)).toEqual([true, true, false]);
    const save = (part: string) => shadow.querySelector<HTMLButtonElement>(`section[aria-labelledby="${part}-heading"] form .actions button`)!;

    // None chosen: said next to the languages, nothing sent.
    box('fi').click();
    box('sv').click();
    save('languages').click();
    await expect.poll(() => text(shadow, '#languages-error')).toBe('Välj minst ett språk.');
    expect(shadow.activeElement).toBe(box('fi'));
    expect((await stored()).languages).toEqual(['fi', 'sv']);

    box('sv').click();
    box('en').click();
    const select = shadow.querySelector<HTMLSelectElement>('#defaultLang')!;
    await expect.poll(() => [...select.options].map((o) => o.textContent)).toEqual(['svenska', 'engelska']);
    select.value = 'en';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    save('languages').click();
    await expect.poll(() => text(shadow, '#languages-status')).toBe('Sparat.');
    expect(shadow.querySelector('#languages-error')).toBeNull();
    expect(await stored()).toMatchObject({ languages: ['sv', 'en'], defaultLang: 'en' });

    const days = shadow.querySelector<HTMLInputElement>('#retention')!;
    expect(days.value).toBe(String((await stored()).contactRetentionDays));
    days.focus();
    await userEvent.keyboard('{Control>}a{/Control}0{Enter}');
    await expect.poll(() => text(shadow, '#retention-error')).toBe('Ange ett helt antal dagar från 1 till 3650.');
    expect(days.getAttribute('aria-describedby')).toBe('retention-help retention-error');
    await userEvent.keyboard('{Control>}a{/Control}90{Enter}');
    await expect.poll(() => text(shadow, '#retention-status')).toBe('Sparat.');
    expect((await stored()).contactRetentionDays).toBe(90);
    await expectAccessible(el);

    // Back as they were, for the next test.
    const restored = await fetch(`/api/v1/sites/${SITE}/settings`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${OWNER}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ languages: ['fi', 'sv'], defaultLang: 'fi' }),
    });
    expect(restored.status).toBe(200);
  });

  it('in English: a private key is never sent, the API\'s refusal of a key stands next to the field, a public key is added and removed; the Turnstile keys are set and the secret removed', async () => {
    const { el, shadow } = await openSettings('en');
    const keyBox = () => shadow.querySelector<HTMLTextAreaElement>('#voterKey')!;
    const paste = async (value: string) => {
      keyBox().value = value;
      keyBox().dispatchEvent(new Event('input'));
      shadow.querySelector<HTMLButtonElement>('section[aria-labelledby="voterKeys-heading"] form .actions button')!.click();
    };
    const kid = `k-${Date.now()}`;
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);

    await paste('not json');
    await expect.poll(() => text(shadow, '#voterKey-error')).toBe('This is not a JWK: paste one key as a JSON object, {…}.');
    const requests = performance.getEntriesByType('resource').length;
    await paste(JSON.stringify({ ...privateJwk, kid }));
    await expect.poll(() => text(shadow, '#voterKey-error')).toBe('This key has private parts. Paste only the public key: never give the private key to anyone.');
    expect(performance.getEntriesByType('resource').length).toBe(requests);

    // The API refuses what our own checks let through, and says why, next to the field.
    await paste(JSON.stringify({ kty: 'DSA', kid }));
    await expect.poll(() => text(shadow, '#voterKey-error')).toMatch(/^The key was not accepted\. The server said: .+/);
    expect(shadow.activeElement).toBe(keyBox());
    expect((await stored()).voterKeys).toEqual([]);

    await paste(JSON.stringify({ kty, crv, x, y, kid, alg: 'ES256' }));
    await expect.poll(() => text(shadow, '#voterKeys-status')).toBe(`The key "${kid}" was added.`);
    expect(shadow.querySelector('#voterKey-error')).toBeNull();
    expect(text(shadow, 'tbody th')).toBe(kid);
    expect((await stored()).voterKeys).toEqual([{ kty, crv, x, y, kid, alg: 'ES256' }]);
    await expectAccessible(el);
    shadow.querySelector<HTMLButtonElement>(`button[data-kid="${kid}"]`)!.click();
    await expect.poll(() => text(shadow, '#confirm-text')).toBe(`Remove the key "${kid}"? Signed polls no longer accept residents vouched for with it.`);
    shadow.querySelector<HTMLButtonElement>('[role="alertdialog"] button.danger')!.click();
    await expect.poll(() => text(shadow, '#voterKeys-status')).toBe(`The key "${kid}" was removed.`);
    expect((await stored()).voterKeys).toEqual([]);

    // Turnstile: the site key and a secret that is never shown; then the secret removed.
    expect(text(shadow, '#challengeSecret-help')).toContain('No secret key is stored.');
    await typeInto(shadow, '#challengeSiteKey', '0x4AAAAAAAsettings');
    await typeInto(shadow, '#challengeSecret', 'a-secret-of-the-test');
    shadow.querySelector<HTMLButtonElement>('section[aria-labelledby="challenge-heading"] form .actions button')!.click();
    await expect.poll(() => text(shadow, '#challenge-status')).toBe('Saved.');
    expect(shadow.querySelector<HTMLInputElement>('#challengeSecret')!.value).toBe('');
    expect(text(shadow, '#challengeSecret-help')).toContain('A secret key is stored.');
    expect(await stored()).toMatchObject({ challengeSiteKey: '0x4AAAAAAAsettings', challengeSecretSet: true });
    expect(JSON.stringify(await stored())).not.toContain('a-secret-of-the-test');
    expect((await audited())[0]!.detail).toEqual({ challengeSiteKey: '0x4AAAAAAAsettings', challengeSecret: '(changed)' });
    await expectAccessible(el);

    shadow.querySelector<HTMLInputElement>('#clearSecret')!.click();
    await expect.poll(() => shadow.querySelector<HTMLInputElement>('#challengeSecret')!.disabled).toBe(true);
    shadow.querySelector<HTMLInputElement>('#challengeSiteKey')!.value = '';
    shadow.querySelector<HTMLInputElement>('#challengeSiteKey')!.dispatchEvent(new Event('input'));
    shadow.querySelector<HTMLButtonElement>('section[aria-labelledby="challenge-heading"] form .actions button')!.click();
    await expect.poll(() => text(shadow, '#challengeSecret-help')).toContain('No secret key is stored.');
    expect(await stored()).toMatchObject({ challengeSiteKey: null, challengeSecretSet: false });
    expect(shadow.querySelector('#clearSecret')).toBeNull();
  });
});
