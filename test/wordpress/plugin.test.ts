import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/browser.ts';
import { parsePo } from '../../integrations/wordpress/gettext.ts';
import { LOCALES, PLUGIN_DIR, pluginFiles, potText } from '../../integrations/wordpress/package.ts';
import { insertBlock, newPost, signIn } from './support/editor.ts';
import { createForm, createPoll } from './support/osallistu.ts';
import { USERS, php, phpValue } from './support/wordpress.ts';

const wp = inject('wordpress');
const chrome = chromiumForFile();
const ROOT = resolve(import.meta.dirname, '../..');

const placeholders = (text: string) => (text.match(/%(\d+\$)?[sd]/g) ?? []).sort();
const settingsNow = () => JSON.parse(php(wp, `echo wp_json_encode( get_option( 'osallistu_settings', null ) );`)) as unknown;
const restoreSettings = () => php(wp, `update_option( 'osallistu_settings', ${phpValue({ service: wp.service, site: wp.site })} );`);

describe('the plugin package', () => {
  it('translates every string it shows into Finnish and Swedish, with the same placeholders, and its .pot is current', () => {
    expect(readFileSync(join(PLUGIN_DIR, 'languages/osallistu.pot'), 'utf8'), 'run: node integrations/wordpress/package.ts pot').toBe(potText());
    const template = parsePo(potText()).messages;
    expect(template.length).toBeGreaterThan(40);
    for (const locale of LOCALES) {
      const { messages } = parsePo(readFileSync(join(PLUGIN_DIR, `languages/osallistu-${locale}.po`), 'utf8'));
      for (const wanted of template) {
        const found = messages.find((message) => message.id === wanted.id && message.context === wanted.context);
        expect(found?.translation, `${locale}: ${wanted.context ?? ''} ${wanted.id}`).toBeTruthy();
        expect(placeholders(found!.translation!), `${locale}: ${wanted.id}`).toEqual(placeholders(wanted.id));
      }
    }
  });

  it('npm run wordpress:zip writes one osallistu/ folder with readme.txt and the compiled translations', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/wordpress-zip.ts')], { cwd: ROOT, stdio: 'pipe' });
    const zip = unzipSync(new Uint8Array(readFileSync(join(ROOT, 'dist/osallistu-wordpress.zip'))));
    const names = Object.keys(zip).sort();
    expect(names).toEqual([...pluginFiles().keys()].map((name) => `osallistu/${name}`).sort());
    expect(names).toEqual(expect.arrayContaining(['osallistu/osallistu.php', 'osallistu/uninstall.php', 'osallistu/readme.txt', 'osallistu/languages/osallistu-fi.mo', 'osallistu/languages/osallistu-sv_SE.mo']));
    expect(new TextDecoder().decode(zip['osallistu/readme.txt'])).toMatch(/^=== Osallistu ===\n[\s\S]*Requires at least: 6\.1\nTested up to: 6\.1\nRequires PHP: 8\.1\n/);
  });
});

describe('Settings → Osallistu, by an Administrator', () => {
  it('shows the origin to register and checks what is saved against the service', async () => {
    const { context, page } = await signIn(chrome.browser, wp, USERS.administrator);
    try {
      await page.goto(`${wp.url}/wp-admin/options-general.php?page=osallistu`);
      await expect.poll(() => page.locator('.wrap').textContent()).toContain(`The origin to register: ${wp.url}`);
      expect(await page.getByLabel('Service address').inputValue()).toBe(wp.service);

      await page.getByLabel('Site id').fill('no-such-site');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await expect.poll(() => page.locator('.notice, .error, .updated').allTextContents()).toContainEqual(expect.stringContaining(`There is no site "no-such-site" on ${wp.service}.`));
      expect(settingsNow()).toEqual({ service: wp.service, site: 'no-such-site' });

      await page.getByLabel('Site id').fill(wp.site);
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await expect.poll(() => page.locator('.notice, .error, .updated').allTextContents()).toContainEqual(expect.stringContaining('Connected: the service knows this site as "Koivulahti (WordPress)".'));
      expect(settingsNow()).toEqual({ service: wp.service, site: wp.site });

      // (The field is type="url": the browser itself refuses what is not an address at all.)
      await page.getByLabel('Service address').fill('ftp://osallistu.example.fi');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await expect.poll(() => page.locator('.notice, .error, .updated').allTextContents()).toContainEqual(expect.stringContaining('Enter the service address as a full http or https address'));
    } finally {
      restoreSettings();
      await context.close();
    }
  });
});

describe('in Swedish and in the classic editor', () => {
  it('a Swedish-speaking Editor gets the block\'s controls in Swedish', async () => {
    const poll = await createPoll(wp);
    php(wp, `update_user_meta( get_user_by( 'login', '${USERS.editor}' )->ID, 'locale', 'sv_SE' );`);
    const { context, page } = await signIn(chrome.browser, wp, USERS.editor);
    try {
      await newPost(page, wp, 'Enkät');
      await insertBlock(page, 'Osallistu');
      const block = page.locator('.wp-block-osallistu-embed');
      await expect.poll(() => block.getByLabel('Vad som bäddas in').locator('option').allTextContents()).toEqual(['Enkät', 'Responsformulär', 'Responsens status', 'Beslut', 'Video', 'Videoblogg']);
      // The titles in the editor's language; the preview in the site's (what the page will show).
      await expect.poll(() => block.getByLabel('Vilken').locator('option').allTextContents()).toContain(`${poll.question} (sv)`);
      await block.getByLabel('Vilken').selectOption({ label: `${poll.question} (sv)` });
      await expect.poll(() => block.locator('.osallistu-editor-note').textContent()).toBe('Förhandsvisning: det går inte att svara i redigerarens förhandsvisning. Besökarna svarar på den publicerade sidan.');
      expect(await block.locator('iframe').getAttribute('src')).toContain('&lang=en&preview=1');
    } finally {
      php(wp, `delete_user_meta( get_user_by( 'login', '${USERS.editor}' )->ID, 'locale' );`);
      await context.close();
    }
  });

  it('the shortcode renders the same element with its fallback link, in the language asked for, and one loader', async () => {
    const form = await createForm(wp);
    const content = `[osallistu form="${form.id}" lang="sv"]\n\n[osallistu status heading-level="3"]\n\n[osallistu decisions="all"]\n\n[osallistu poll="Not An Id!"]`;
    const link = php(
      wp,
      `wp_set_current_user( get_user_by( 'login', '${USERS.contributor}' )->ID );
$id = wp_insert_post( array( 'post_title' => 'Kortkod', 'post_content' => ${phpValue(content)}, 'post_status' => 'publish' ), true );
echo get_permalink( $id );`,
    );
    const html = await (await fetch(link)).text();
    expect(html).toContain(`<osallistu-feedback form="${form.id}" site="${wp.site}" api="${wp.service}" lang="sv" heading-level="2"><a href="${wp.service}/embed/v1/frame/feedback/${form.id}?site=${wp.site}&#038;lang=sv">Ge respons</a></osallistu-feedback>`);
    expect(html).toContain(`<osallistu-feedback-status site="${wp.site}" api="${wp.service}" lang="en" heading-level="3"><a href="${wp.service}/embed/v1/frame/feedback-status/lookup?site=${wp.site}&#038;lang=en">Check on your feedback</a></osallistu-feedback-status>`);
    expect(html).toContain(`<osallistu-decisions search filters site="${wp.site}" api="${wp.service}" lang="en" heading-level="2"><a href="${wp.service}/embed/v1/frame/decisions/all?site=${wp.site}&#038;lang=en">See the decisions</a></osallistu-decisions>`);
    // An id that is not one renders nothing rather than a broken element.
    expect(html).not.toContain('Not An Id');
    expect(html.split(`${wp.service}/embed/v1/osallistu.js`).length - 1).toBe(1);
  });
});

describe('uninstalling', () => {
  it('removes the plugin\'s option', () => {
    try {
      expect(settingsNow()).toEqual({ service: wp.service, site: wp.site });
      php(wp, `require_once ABSPATH . 'wp-admin/includes/plugin.php'; uninstall_plugin( 'osallistu/osallistu.php' );`);
      expect(settingsNow()).toBeNull();
    } finally {
      restoreSettings();
    }
  });
});
