/**
 * How a widget behaves where it is embedded rather than what it shows: on a page whose origin the
 * site has not registered (a notice for the web editor, the fallback kept, no blaming the network,
 * no retry), and where the browser refuses storage, as in WordPress's sandboxed embed frames (the
 * vote still counts, and the widget says it cannot remember it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { createPoll, mountPoll, officialView, settled, shadow, textOf } from '../../test/support/polls.ts';
import { SWEDISH_SITE } from '../../test/support/test-sites.ts';

const server = inject('devServer');

afterEach(() => document.body.replaceChildren());

describe('on a page whose origin the site has not registered', () => {
  it.each([
    ['fi', /Tätä sivua \(http:\/\/localhost:\d+\) ei ole rekisteröity palvelun Osallistu sivustolle "bjorkvik-test".*Asetukset/],
    ['sv', /Den här sidan \(http:\/\/localhost:\d+\) är inte registrerad för webbplatsen "bjorkvik-test".*Inställningar/],
    ['en', /This page \(http:\/\/localhost:\d+\) is not registered for the Osallistu site "bjorkvik-test".*Settings/],
  ] as const)('tells the web editor (%s) which origin to register and where, keeps the fallback, and does not retry', async (lang, notice) => {
    // The API at its own address, not through the test page's proxy: this page's origin is then a
    // stranger to the site. Not the demo site, whose requests other files' tests cut off at times;
    // the origin is refused before the poll is looked up.
    const id = `mika-tahansa-${lang}`;
    const el = await mountPoll(id, { lang, attrs: { api: server.url, site: SWEDISH_SITE.id } });
    const fallback = document.createElement('a');
    fallback.href = `${server.url}/embed/v1/frame/poll/${id}`;
    fallback.textContent = 'Vastaa kyselyyn';
    el.append(fallback);
    await expect.poll(() => shadow(el).querySelector('[part="origin-notice"]')?.textContent ?? '').toMatch(notice);
    expect(textOf(el)).not.toMatch(/yhteyttä|servern|reach the server|connection/i);
    // The light-DOM fallback stays visible through the slot.
    expect(fallback.getBoundingClientRect().height).toBeGreaterThan(0);
    expect(fallback.assignedSlot).not.toBeNull();
    // One request for the poll, refused; none sent again.
    const requests = performance.getEntriesByType('resource').filter((e) => e.name.startsWith(`${server.url}/api/v1/sites/`) && e.name.includes(`/polls/${id}`));
    expect(requests).toHaveLength(1);
    await expectAccessible(el);
  });
});

describe('where the browser refuses storage (a sandboxed frame)', () => {
  const original = { getItem: Storage.prototype.getItem, setItem: Storage.prototype.setItem, removeItem: Storage.prototype.removeItem };
  beforeAll(() => {
    const refuse = () => {
      throw new DOMException('The document is sandboxed and lacks the "allow-same-origin" flag.', 'SecurityError');
    };
    Object.assign(Storage.prototype, { getItem: refuse, setItem: refuse, removeItem: refuse });
  });
  afterAll(() => Object.assign(Storage.prototype, original));

  it('counts the vote, and says on screen that this view cannot remember it', async () => {
    const id = await createPoll();
    const el = await mountPoll(id, { lang: 'fi' });
    await settled(el);
    shadow(el).querySelector<HTMLInputElement>('input[value="b"]')!.click();
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await expect.poll(async () => (await officialView(id)).results.total).toBe(1);
    await expect.poll(() => shadow(el).querySelector('[part="storage-notice"]')?.textContent).toBe('Tämä upotettu näkymä ei voi muistaa vastaustasi tällä laitteella.');
    // The official's view counts the ballot as soon as the poll's counter has it, which can be
    // before the widget has its answer: wait for the thanks, as for the notice.
    await expect.poll(() => textOf(el)).toMatch(/Kiitos/);
    await expectAccessible(el);
  });
});
