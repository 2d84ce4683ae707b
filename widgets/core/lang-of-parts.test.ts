import { afterEach, describe, expect, it } from 'vitest';
import { demoDecisionTerms } from '../../demo/seed/decision-terms.ts';
import { demoDecisions } from '../../demo/seed/decisions.ts';
import { demoForms } from '../../demo/seed/forms.ts';
import { demoPolls } from '../../demo/seed/polls.ts';
import { demoVideos } from '../../demo/seed/videos.ts';
import { BASE_POLL, SITE, createPoll, mountPoll, settled } from '../../test/support/polls.ts';
import { BASE_FORM, createForm, mountFeedback, ready as feedbackReady } from '../../test/support/forms.ts';
import { decision, mountDecisions, publishDecisions, ready as decisionsReady, testOrgan } from '../../test/support/decisions.ts';
import { addChannel, addVideo, blogReady, CAPTIONS, mountBlog, mountVideo, videoReady } from '../../test/support/videos.ts';
import { resetConsole, signedInView } from '../../test/support/console.ts';
import { LanguageWords } from '../../test/support/languages.ts';
import '../feedback/osallistu-feedback-status.ts';

/**
 * WCAG 3.1.2, language of parts, for every widget and every console view: no word of one
 * language is shown (as text or as an accessible name) where another language is in effect.
 * A content fallback (a Finnish title on a Swedish page) must carry its own `lang`, and so must
 * a widget on a page in a language we do not speak.
 */
const LANGS = ['fi', 'sv', 'en'] as const;
const PAGES = [...LANGS, 'de', ''] as const;
const vocabulary = new LanguageWords([BASE_POLL, BASE_FORM, decision(testOrgan(), 0), CAPTIONS, demoPolls, demoForms, demoVideos, demoDecisions(), demoDecisionTerms]);
const mismatches = (el: Element) => vocabulary.mismatches(el);
const pageName = (lang: string) => (lang ? `lang="${lang}"` : 'no lang');

afterEach(() => {
  resetConsole();
  localStorage.clear();
});

describe('language of parts', () => {
  it('knows words of each language (the check can fail)', () => {
    expect(vocabulary.owner('vastaa')).toBe('fi');
    expect(vocabulary.owner('svara')).toBe('sv');
    expect(vocabulary.owner('vote')).toBe('en');
    const probe = document.createElement('p');
    probe.lang = 'fi';
    probe.textContent = 'Tack för ditt svar!';
    document.body.append(probe);
    expect(mismatches(probe)).toHaveLength(1);
    probe.innerHTML = 'Kiitos! <span lang="sv">Tack för ditt svar!</span>';
    expect(mismatches(probe)).toEqual([]);
  });

  it.each(PAGES)('poll on a page with %s', async (lang) => {
    const el = await mountPoll(await createPoll(), { lang });
    await settled(el);
    expect(mismatches(el.parentElement!), pageName(lang)).toEqual([]);
  });

  it.each(['sv', 'en'] as const)('poll written only in Finnish, on a %s page: the question keeps lang="fi"', async (lang) => {
    const only = (map: Record<string, string>) => ({ fi: map.fi });
    const id = await createPoll({ question: only(BASE_POLL.question), options: BASE_POLL.options.map((o) => ({ ...o, label: only(o.label) })) });
    const el = await mountPoll(id, { lang });
    await settled(el);
    expect(mismatches(el.parentElement!)).toEqual([]);
  });

  it.each(PAGES)('feedback form on a page with %s', async (lang) => {
    const el = await mountFeedback(await createForm(), { lang });
    await feedbackReady(el);
    expect(mismatches(el.parentElement!), pageName(lang)).toEqual([]);
  });

  it.each(PAGES)('status lookup on a page with %s', async (lang) => {
    const section = document.createElement('section');
    if (lang) section.lang = lang;
    const el = document.createElement('osallistu-feedback-status');
    el.setAttribute('site', SITE);
    section.append(el);
    document.body.append(section);
    await expect.poll(() => el.shadowRoot?.querySelector('input')).toBeTruthy();
    expect(mismatches(section), pageName(lang)).toEqual([]);
  });

  it.each(PAGES)('decision feed on a page with %s (a summary missing in English falls back with its lang)', async (lang) => {
    const organ = await publishDecisions(2);
    const el = await mountDecisions({ organ: organ.id }, lang);
    await decisionsReady(el);
    expect(mismatches(el.parentElement!), pageName(lang)).toEqual([]);
  });

  it.each(PAGES)('video and video blog on a page with %s', async (lang) => {
    const video = await mountVideo({ video: await addVideo({}, CAPTIONS) }, lang);
    const blog = await mountBlog({ channel: await addChannel(2) }, lang);
    await videoReady(video);
    await blogReady(blog);
    expect(mismatches(video.parentElement!), pageName(lang)).toEqual([]);
    expect(mismatches(blog.parentElement!), pageName(lang)).toEqual([]);
  });

  const VIEWS = [
    ['polls', 'osallistu-admin-polls'],
    ['forms', 'osallistu-admin-forms'],
    ['feedback', 'osallistu-admin-feedback'],
    ['listening', 'osallistu-admin-listening'],
    ['decisions', 'osallistu-admin-decisions'],
    ['cases', 'osallistu-admin-cases'],
    ['videos', 'osallistu-admin-videos'],
    ['snippets', 'osallistu-admin-snippets'],
    ['settings', 'osallistu-admin-settings'],
    ['tokens', 'osallistu-admin-tokens'],
    ['audit', 'osallistu-admin-audit'],
  ] as const;

  describe.each(LANGS)('the console in %s', (lang) => {
    it.each(VIEWS)('view %s', async (hash, tag) => {
      const { el, shadow } = await signedInView(tag, hash, { lang });
      await expect.poll(() => shadow.querySelector('[aria-busy="true"]')).toBeNull();
      expect(mismatches(el)).toEqual([]);
    });
  });
});
