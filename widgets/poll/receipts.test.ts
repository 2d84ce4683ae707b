import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { SITE, createPoll, mountPoll, settled, shadow, textOf } from '../../test/support/polls.ts';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const LANGS = ['fi', 'sv', 'en'] as const;
const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const COPIED = { fi: 'Kuitti kopioitu.', sv: 'Kvittot har kopierats.', en: 'Receipt copied.' };

const vote = async (el: HTMLElement, choice: string) => {
  shadow(el as never).querySelector<HTMLInputElement>(`input[value="${choice}"]`)!.click();
  shadow(el as never).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
};
const receiptOf = (el: HTMLElement) => shadow(el as never).querySelector('.receipt code')?.textContent ?? '';

describe('the ballot\'s receipt and the sealed result (issue 17), fi/sv/en, axe-clean', () => {
  it.each(LANGS)('voted (%s): the receipt, with what it is for, copied with one press', async (lang) => {
    const id = await createPoll({ resultsVisibility: 'always' });
    const el = await mountPoll(id, { lang });
    await settled(el);
    await vote(el, 'a');
    await expect.poll(() => receiptOf(el)).toMatch(RECEIPT);
    expect(textOf(el)).toMatch({ fi: /Kuittisi: .* ei kerro kenellekään, kuka vastasi/, sv: /Ditt kvitto: .* avslöjar inte för någon vem som svarade/, en: /Your receipt: .* tells no one who answered/ }[lang]);
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    shadow(el).querySelector<HTMLButtonElement>('.receipt button')!.click();
    await expect.poll(() => shadow(el).querySelector('.receipt [aria-live]')?.textContent).toBe(COPIED[lang]);
    expect(write).toHaveBeenCalledWith(receiptOf(el));
    await expectAccessible(el);
  });

  it('selects the receipt for the resident to copy where the browser refuses the clipboard', async () => {
    const id = await createPoll();
    const el = await mountPoll(id, { lang: 'fi' });
    await settled(el);
    await vote(el, 'b');
    await expect.poll(() => receiptOf(el)).toMatch(RECEIPT);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    shadow(el).querySelector<HTMLButtonElement>('.receipt button')!.click();
    await expect.poll(() => shadow(el).querySelector('.receipt [aria-live]')?.textContent).toBe('Kuitti on valittu: kopioi se näppäimillä Ctrl+C.');
    const selection = (el.shadowRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
    expect(selection?.toString()).toBe(receiptOf(el));
  });

  it('shows a changed ballot\'s new receipt, and its old one as replaced, also after a reload', async () => {
    const id = await createPoll({ allowChange: true, resultsVisibility: 'always' });
    const el = await mountPoll(id, { lang: 'en' });
    await settled(el);
    await vote(el, 'a');
    await expect.poll(() => receiptOf(el)).toMatch(RECEIPT);
    const first = receiptOf(el);
    shadow(el).querySelector<HTMLButtonElement>('button.change')!.click();
    await expect.poll(() => shadow(el).querySelector('form')).toBeTruthy();
    await vote(el, 'c');
    await expect.poll(() => receiptOf(el).match(RECEIPT) && receiptOf(el) !== first).toBe(true);
    expect(textOf(el)).toContain(`Your earlier receipt ${first} was replaced when you changed your answer.`);
    document.body.replaceChildren();
    const again = await mountPoll(id, { lang: 'en' });
    await settled(again);
    await expect.poll(() => receiptOf(again)).toMatch(RECEIPT);
    expect(textOf(again)).toContain(`Your earlier receipt ${first} was replaced`);
    await expectAccessible(again);
  });

  it.each(LANGS)('closed (%s): links to the page that checks the sealed result, in the poll\'s language', async (lang) => {
    const id = await createPoll({ resultsVisibility: 'after_close', status: 'closed' });
    const el = await mountPoll(id, { lang });
    await settled(el);
    const link = shadow(el).querySelector<HTMLAnchorElement>('.sealed a')!;
    expect(link.textContent).toBe({ fi: 'Tulos on sinetöity – tarkista se', sv: 'Resultatet är förseglat – kontrollera det', en: 'The result is sealed – check it' }[lang]);
    const url = new URL(link.href);
    expect(url.pathname).toBe(`/embed/v1/frame/verify/${id}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ site: SITE, lang });
    await expectAccessible(el);
  });

  it('a poll that never publishes results links to no seal', async () => {
    const id = await createPoll({ resultsVisibility: 'never', status: 'closed' });
    const el = await mountPoll(id, { lang: 'fi' });
    await settled(el);
    expect(shadow(el).querySelector('.sealed')).toBeNull();
  });
});
