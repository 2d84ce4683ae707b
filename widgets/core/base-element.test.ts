import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import type { LangProbe } from '../../test/support/fixtures/lang-probe.ts';
import '../../test/support/fixtures/lang-probe.ts';
import { SWEDISH_SITE } from '../../test/support/test-sites.ts';

afterEach(() => document.body.replaceChildren());

async function mount(markup: string): Promise<LangProbe> {
  document.body.innerHTML = markup;
  const probe = document.querySelector<LangProbe>('osallistu-lang-probe')!;
  await probe.updateComplete;
  return probe;
}

const text = (probe: LangProbe) => probe.shadowRoot!.querySelector('p')!.textContent;

describe('OsallistuElement', () => {
  it('speaks the language of the page section it sits in', async () => {
    const probe = await mount('<section lang="sv"><osallistu-lang-probe site="koivulahti"></osallistu-lang-probe></section>');
    expect(text(probe)).toBe('Försök igen');
    await expectAccessible(probe);
  });

  it('lets its own lang attribute win', async () => {
    const probe = await mount('<section lang="sv"><osallistu-lang-probe lang="en" site="koivulahti"></osallistu-lang-probe></section>');
    expect(text(probe)).toBe('Try again');
  });

  it('uses the site\'s default language when the page gives none', async () => {
    const htmlLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      const probe = await mount(`<osallistu-lang-probe site="${SWEDISH_SITE.id}"></osallistu-lang-probe>`);
      expect(text(probe)).toBe('Yritä uudelleen'); // before the site answers: Finnish
      await expect.poll(() => text(probe)).toBe('Försök igen');
      expect(probe.shadowRoot!.querySelector('p')!.lang).toBe('sv');
    } finally {
      if (htmlLang) document.documentElement.setAttribute('lang', htmlLang);
    }
  });

  it('inherits the host page\'s font and colour', async () => {
    const probe = await mount('<div lang="fi" style="font-family: Georgia, serif; color: rgb(10, 20, 30)"><osallistu-lang-probe site="koivulahti"></osallistu-lang-probe></div>');
    const style = getComputedStyle(probe.shadowRoot!.querySelector('p')!);
    expect(style.fontFamily).toContain('Georgia');
    expect(style.color).toBe('rgb(10, 20, 30)');
  });
});
