import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';
import { createForm, createPoll } from './support/osallistu.ts';
import { USERS, php } from './support/wordpress.ts';

const wp = inject('wordpress');
const chrome = chromiumForFile();

/**
 * Sets the site's global styles as the Site Editor does when an administrator picks a style
 * variation (Appearance → Editor → Styles → Browse styles): the user's wp_global_styles post gets
 * the variation's settings and styles. An empty object is the theme's default style.
 */
function setStyleVariation(variation: 'pitch' | null): void {
  php(
    wp,
    `wp_set_current_user( get_user_by( 'login', '${USERS.administrator}' )->ID );
$config = array( 'version' => 2, 'isGlobalStylesUserThemeJSON' => true );
if ( ${JSON.stringify(variation)} ) {
	$data   = json_decode( file_get_contents( get_theme_file_path( 'styles/' . ${JSON.stringify(variation)} . '.json' ) ), true );
	$config = array_merge( $config, array( 'settings' => $data['settings'], 'styles' => $data['styles'] ) );
}
$post = WP_Theme_JSON_Resolver::get_user_data_from_wp_global_styles( wp_get_theme(), true );
$updated = wp_update_post( array( 'ID' => $post['ID'], 'post_content' => wp_slash( wp_json_encode( $config ) ) ), true );
if ( is_wp_error( $updated ) ) { fwrite( STDERR, $updated->get_error_message() ); exit( 1 ); }
/* WordPress 6.1 keeps the front end's global stylesheet for a minute; the Site Editor's save does not clear it. */
delete_transient( 'global_styles_' . get_stylesheet() );
delete_transient( 'global_styles_svg_filters_' . get_stylesheet() );`,
  );
}

describe('Twenty Twenty-Three\'s dark "Pitch" style', () => {
  beforeAll(() => setStyleVariation('pitch'));
  afterAll(() => setStyleVariation(null));

  it('a page with the block\'s poll and feedback form is axe-clean, the widgets in the theme\'s palette', async () => {
    const poll = await createPoll(wp);
    const form = await createForm(wp);
    const blocks = [
      `<!-- wp:paragraph --><p>Kerro mielipiteesi talvikunnossapidosta.</p><!-- /wp:paragraph -->`,
      `<!-- wp:osallistu/embed {"widget":"poll","item":"${poll.id}"} /-->`,
      `<!-- wp:osallistu/embed {"widget":"feedback","item":"${form.id}"} /-->`,
    ].join('\n');
    const link = php(
      wp,
      `wp_set_current_user( get_user_by( 'login', '${USERS.author}' )->ID );
$id = wp_insert_post( array( 'post_title' => 'Pimeä teema', 'post_content' => wp_slash( ${JSON.stringify(blocks).replace(/\$/g, '\\$')} ), 'post_status' => 'publish' ), true );
echo get_permalink( $id );`,
    );
    expect(link).toMatch(/^http/);

    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(link);
    // The dark style is what the visitor gets: Pitch's base colour behind the text.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(32, 33, 36)');
    const poll_ = page.locator('osallistu-poll');
    const feedback = page.locator('osallistu-feedback');
    await expect.poll(() => poll_.locator('legend').textContent()).toBe(poll.question);
    await expect.poll(() => feedback.getByLabel('Your feedback').count()).toBe(1);
    // The theme's palette mapped onto the widgets' colours (Pitch: contrast #e8eaed on base #202124).
    expect(await poll_.evaluate((element) => getComputedStyle(element).getPropertyValue('--osallistu-accent').trim())).toBe('#e8eaed');
    expect(await axeViolations(page)).toEqual([]);
    // And with the resident's answers in, errors and results shown.
    await feedback.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => feedback.getByRole('link', { name: /Your feedback/ }).count()).toBeGreaterThan(0);
    await poll_.getByLabel('Cycle paths').check();
    await poll_.getByRole('button', { name: 'Vote' }).click();
    await expect.poll(() => poll_.locator('.notice').allTextContents()).toContain('Thank you for answering!');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
