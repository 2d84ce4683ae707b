/**
 * WCAG 3.1.2 on a host page in a language we do not speak (`lang="de"`) or in none: every widget
 * speaks the site's default language (else Finnish) and says so with `lang` on what it renders,
 * so a screen reader does not read Finnish with German rules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { createPoll, mountPoll, settled, SITE } from '../../test/support/polls.ts';
import { createForm, mountFeedback, ready as feedbackReady } from '../../test/support/forms.ts';
import { mountDecisions, ready as decisionsReady } from '../../test/support/decisions.ts';
import { addChannel, addVideo, blogReady, mountBlog, mountVideo, registerThisOrigin, videoReady } from '../../test/support/videos.ts';
import { SWEDISH_SITE } from '../../test/support/test-sites.ts';
import '../feedback/osallistu-feedback-status.ts';
import '../../test/support/fixtures/lang-probe.ts';

const htmlLang = document.documentElement.getAttribute('lang');
afterEach(() => {
  document.body.replaceChildren();
  if (htmlLang) document.documentElement.setAttribute('lang', htmlLang);
});

/** Text in the widget's shadow root that has no `lang` of the widget's own above it (it would inherit the page's). */
function unmarkedText(el: Element): string[] {
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent!.trim() && !node.parentElement?.closest('[lang]')) found.push(node.textContent!.trim());
  }
  return found;
}

/** The language the widget says its content is in: the `lang` nearest its top. */
const declared = (el: Element) => el.shadowRoot!.querySelector('[lang]')?.getAttribute('lang');

/**
 * Puts the page into `page`'s language (`de`, or none at all: the section mounts give `lang`
 * only when asked) and mounts each widget as the helpers do, in a section with that `lang`.
 */
const PAGES = [
  ['lang="de"', 'de'],
  ['no lang', ''],
] as const;

describe.each(PAGES)('on a host page with %s', (_, lang) => {
  const setPage = () => {
    if (lang) document.documentElement.setAttribute('lang', lang);
    else document.documentElement.removeAttribute('lang');
  };

  it('the poll speaks Finnish (the site\'s default) and marks it', async () => {
    setPage();
    const el = await mountPoll(await createPoll(), { lang });
    await settled(el);
    expect(el.shadowRoot!.textContent).toContain('Mikä on tärkeintä?');
    expect(el.shadowRoot!.textContent).toMatch(/Äänestä|Vastaa/);
    expect(declared(el)).toBe('fi');
    expect(unmarkedText(el)).toEqual([]);
    await expectAccessible(el);
  });

  it('the feedback form', async () => {
    setPage();
    const el = await mountFeedback(await createForm(), { lang });
    await feedbackReady(el);
    expect(el.shadowRoot!.textContent).toContain('Palautteesi');
    expect(declared(el)).toBe('fi');
    expect(unmarkedText(el)).toEqual([]);
  });

  it('the feedback status lookup', async () => {
    setPage();
    const section = document.createElement('section');
    if (lang) section.lang = lang;
    const el = document.createElement('osallistu-feedback-status');
    el.setAttribute('site', SITE);
    section.append(el);
    document.body.append(section);
    await expect.poll(() => el.shadowRoot?.querySelector('input')).toBeTruthy();
    expect(declared(el)).toBe('fi');
    expect(unmarkedText(el)).toEqual([]);
    await expectAccessible(el);
  });

  it('the decision feed', async () => {
    setPage();
    const el = await mountDecisions({ search: '', limit: '2' }, lang);
    await decisionsReady(el);
    expect(el.shadowRoot!.textContent).toContain('Hae päätöksistä');
    expect(declared(el)).toBe('fi');
    expect(unmarkedText(el)).toEqual([]);
    await expectAccessible(el);
  });

  it('a video and the video blog', async () => {
    setPage();
    await registerThisOrigin();
    const video = await mountVideo({ video: await addVideo() }, lang);
    await videoReady(video);
    expect(video.shadowRoot!.textContent).toContain('Julkaistu');
    expect(declared(video)).toBe('fi');
    expect(unmarkedText(video)).toEqual([]);
    await expectAccessible(video);
    const blog = await mountBlog({ channel: await addChannel(1) }, lang);
    await blogReady(blog);
    expect(blog.shadowRoot!.textContent).toContain('Katso');
    expect(declared(blog)).toBe('fi');
    expect(unmarkedText(blog)).toEqual([]);
  });

  it('a site whose default is Swedish: Swedish, marked sv', async () => {
    setPage();
    const section = document.createElement('section');
    if (lang) section.lang = lang;
    section.innerHTML = `<osallistu-lang-probe site="${SWEDISH_SITE.id}"></osallistu-lang-probe>`;
    document.body.append(section);
    const probe = section.firstElementChild!;
    await expect.poll(() => probe.shadowRoot?.textContent).toBe('Försök igen');
    await expect.poll(() => probe.shadowRoot!.firstElementChild?.getAttribute('lang')).toBe('sv');
  });
});
