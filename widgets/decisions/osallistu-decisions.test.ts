import { page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { SITE, mountDecisions, officialFetch, publishDecisions, ready, root, textIn } from '../../test/support/decisions.ts';
import axe from 'axe-core';
import { safeFragment } from './safe-html.ts';

afterEach(() => document.body.replaceChildren());

const LANGS = ['fi', 'sv', 'en'] as const;
const items = (el: Element) => [...root(el).querySelectorAll('.item')];
const toggles = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('button.toggle')];
const moreButton = (el: Element) => root(el).querySelector<HTMLButtonElement>('button.load-more');

describe('<osallistu-decisions> in every state, fi/sv/en, axe-clean', () => {
  it.each(LANGS)('a list (%s): date, organ, §, title, summary and outcome in list and heading semantics', async (lang) => {
    const organ = await publishDecisions(3);
    const el = await mountDecisions({ organ: organ.id }, lang);
    await ready(el);
    expect(items(el)).toHaveLength(3);
    expect(root(el).querySelector('ul.list > li.item')).toBeTruthy();
    const first = items(el)[0]!;
    expect(first.querySelector('[role="heading"]')?.textContent).toBe({ fi: 'Koulukuljetusten periaatteet 0', sv: 'Principer för skolskjutsar 0', en: 'School transport principles 0' }[lang]);
    expect(first.querySelector('[role="heading"]')?.getAttribute('aria-level')).toBe('2');
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2026-10-28');
    expect(first.textContent).toContain('§ 10');
    expect(first.textContent).toContain(organ.name[lang]);
    expect(first.textContent).toMatch({ fi: /Päätös: Hyväksytty/, sv: /Beslut: Godkänt/, en: /Decision: Passed/ }[lang]);
    expect(root(el).querySelector('[role="status"]')?.textContent).toMatch({ fi: /3 päätöstä/, sv: /3 beslut/, en: /3 decisions/ }[lang]);
    const feed = root(el).querySelector<HTMLAnchorElement>('.subscribe a')!;
    expect(feed.href).toContain(`/api/v1/sites/${SITE}/decisions.atom?organ=${organ.id}`);
    await expectAccessible(el);
  });

  it.each(LANGS)('loading (%s): a skeleton, busy', async (lang) => {
    const el = document.createElement('osallistu-decisions');
    el.setAttribute('api', location.origin);
    el.setAttribute('site', '__flaky');
    el.lang = lang;
    document.body.append(el);
    await expect.poll(() => el.shadowRoot?.querySelector('.skeleton')).toBeTruthy();
    expect(el.shadowRoot!.querySelector('.decisions')!.getAttribute('aria-busy')).toBe('true');
    await expectAccessible(el);
  });

  it.each(LANGS)('empty (%s)', async (lang) => {
    const el = await mountDecisions({ organ: 'no-such-organ' }, lang);
    await ready(el);
    expect(textIn(el)).toMatch({ fi: /Päätöksiä ei löytynyt/, sv: /Inga beslut hittades/, en: /No decisions found/ }[lang]);
    await expectAccessible(el);
  });

  it.each(LANGS)('network failure (%s): says so, and a retry loads it', async (lang) => {
    const organ = await publishDecisions(1);
    const el = await mountDecisions({ organ: organ.id, api: 'http://127.0.0.1:9' }, lang);
    await ready(el);
    expect(root(el).querySelector('[role="alert"]')?.textContent).toMatch({ fi: /yhteyttä/, sv: /servern/, en: /reach the server/ }[lang]);
    await expectAccessible(el);
    el.setAttribute('api', location.origin);
    await expect.poll(() => items(el).length, { timeout: 10_000 }).toBe(1);
  }, 20_000);

  it.each(LANGS)('expanded (%s): the whole decision, its headings below the title, attachments and source', async (lang) => {
    const organ = await publishDecisions(1);
    const el = await mountDecisions({ organ: organ.id }, lang);
    await ready(el);
    const toggle = toggles(el)[0]!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await expect.poll(() => root(el).querySelector('.body')).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const region = root(el).querySelector(`#${toggle.getAttribute('aria-controls')}`)!;
    expect(region.hasAttribute('hidden')).toBe(false);
    expect(region.querySelector('.body')?.textContent).toMatch({ fi: /Esittelijän esitys 0/, sv: /Föredragandens förslag 0/, en: /Esittelijän esitys 0/ }[lang]);
    expect(region.querySelector('.body')?.getAttribute('lang')).toBe({ fi: 'fi', sv: 'sv', en: 'fi' }[lang]);
    expect([...region.querySelectorAll('.body [role="heading"]')].map((h) => h.getAttribute('aria-level'))).toContain('3');
    expect(region.querySelector('a[href="https://paatokset.koivulahti.example/liite.pdf"]')).toBeTruthy();
    await expectAccessible(el);
  });
});

describe('using the feed', () => {
  it('"show more" loads the next page and keeps focus on itself; on the last page focus moves to the first new decision', async () => {
    const organ = await publishDecisions(5);
    const el = await mountDecisions({ organ: organ.id, limit: '2' }, 'en');
    await ready(el);
    moreButton(el)!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => items(el).length).toBe(4);
    expect(root(el).activeElement).toBe(moreButton(el));
    expect(root(el).querySelector('[role="status"]')?.textContent).toBe('Showing 4 decisions, 2 more.');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => items(el).length).toBe(5);
    expect(moreButton(el)).toBeNull();
    expect(root(el).activeElement).toBe(items(el)[4]!.querySelector('.title'));
  });

  it.each(LANGS)('"show more" (%s) says something new in the live region on every press, not the same sentence again', async (lang) => {
    const organ = await publishDecisions(7);
    const el = await mountDecisions({ organ: organ.id, limit: '2' }, lang);
    await ready(el);
    const status = () => root(el).querySelector('[role="status"]')!.textContent!;
    const said = [status()];
    for (const shown of [4, 6, 7]) {
      moreButton(el)!.click();
      await expect.poll(() => items(el).length).toBe(shown);
      await expect.poll(status).not.toBe(said.at(-1));
      said.push(status());
      expect(status()).toContain(String(shown));
    }
    expect(new Set(said).size).toBe(said.length);
    expect(said.slice(1)).toEqual(
      {
        fi: ['Näytetään 4 päätöstä, 2 lisää.', 'Näytetään 6 päätöstä, 2 lisää.', 'Näytetään 7 päätöstä, 1 lisää.'],
        sv: ['4 beslut visas, 2 till.', '6 beslut visas, 2 till.', '7 beslut visas, 1 till.'],
        en: ['Showing 4 decisions, 2 more.', 'Showing 6 decisions, 2 more.', 'Showing 7 decisions, 1 more.'],
      }[lang],
    );
    await expectAccessible(el);
  });

  it('on a page whose only heading is its h1, the titles are h2 (axe heading-order), and heading-level still overrides', async () => {
    const organ = await publishDecisions(1);
    const h1 = document.createElement('h1');
    h1.textContent = 'Päätökset';
    document.body.append(h1);
    const el = await mountDecisions({ organ: organ.id }, 'fi');
    await ready(el);
    expect(root(el).querySelector('.item [role="heading"]')?.getAttribute('aria-level')).toBe('2');
    const results = await axe.run(document, { runOnly: ['heading-order'] });
    expect(results.violations).toEqual([]);
    const deeper = await mountDecisions({ organ: organ.id, 'heading-level': '4' }, 'fi');
    await ready(deeper);
    expect(root(deeper).querySelector('.item [role="heading"]')?.getAttribute('aria-level')).toBe('4');
  });

  it('searches in Finnish and Swedish by word beginnings, and says when nothing matches', async () => {
    const organ = await publishDecisions(3, (i) => (i === 1 ? { title: { fi: 'Uimahallin aukioloajat', sv: 'Simhallens öppettider' } } : {}));
    const el = await mountDecisions({ organ: organ.id, search: '' }, 'fi');
    await ready(el);
    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(root(el).querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Hae päätöksistä');
    input.value = 'simhall';
    root(el).querySelector<HTMLButtonElement>('.search button')!.click();
    await expect.poll(() => items(el).length).toBe(1);
    expect(root(el).querySelector('[role="status"]')?.textContent).toBe('Haulla ”simhall” löytyi 1 päätös.');
    input.value = 'lentokenttä';
    root(el).querySelector<HTMLButtonElement>('.search button')!.click();
    await expect.poll(() => textIn(el)).toContain('Haulla ”lentokenttä” ei löytynyt päätöksiä');
    await expectAccessible(el);
  });

  it('filters by topic chips that say whether they are pressed', async () => {
    const organ = await publishDecisions(2, (i) => ({ topics: [i === 0 ? 'uimahallit' : 'koulut'] }));
    const el = await mountDecisions({ organ: organ.id, filters: '' }, 'fi');
    await ready(el);
    await expect.poll(() => root(el).querySelectorAll('button.chip').length).toBeGreaterThan(1);
    const chip = [...root(el).querySelectorAll<HTMLButtonElement>('button.chip')].find((b) => b.textContent === 'Uimahallit')!;
    chip.click();
    await expect.poll(() => items(el).length).toBe(1);
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(el);
  });

  it.each(LANGS)('topic chips (%s) show the officials\' label in the page\'s language, else another label or the slug, each marked with its language', async (lang) => {
    const n = Date.now().toString(36);
    const [labelled, finnishOnly, bare] = [`uimahallit ${n}`, `kirjastot ${n}`, `satama ${n}`];
    const organ = await publishDecisions(3, (i) => ({ topics: [[labelled, finnishOnly, bare][i]] }));
    for (const [value, label] of [[labelled, { fi: 'Uimahallit', sv: 'Simhallar', en: 'Swimming halls' }], [finnishOnly, { fi: 'Kirjastot' }]] as const) {
      const put = await officialFetch(`/decision-terms/topic/${encodeURIComponent(value)}`, { method: 'PUT', body: JSON.stringify({ label }) });
      expect(put.status).toBe(200);
    }
    const el = await mountDecisions({ organ: organ.id, filters: '' }, lang);
    await ready(el);
    await expect.poll(() => root(el).querySelectorAll('button.chip').length).toBe(4);
    const chips = [...root(el).querySelectorAll<HTMLButtonElement>('button.chip')].map((b) => [b.textContent, b.getAttribute('lang')]);
    expect(chips).toEqual(
      expect.arrayContaining([
        [{ fi: 'Kaikki', sv: 'Alla', en: 'All' }[lang], lang],
        [{ fi: 'Uimahallit', sv: 'Simhallar', en: 'Swimming halls' }[lang], lang],
        ['Kirjastot', 'fi'],
        [`Satama ${n}`, 'fi'],
      ]),
    );
    await expectAccessible(el);
  });

  it('opens the feedback form on a decision with its case filled in, and the feedback carries it', async () => {
    const form = `df-${Date.now().toString(36)}`;
    const created = await officialFetch('/forms', {
      method: 'POST',
      body: JSON.stringify({ id: form, title: { fi: 'Palaute päätöksestä' }, fields: [{ key: 'viesti', type: 'longText', label: { fi: 'Viesti' }, required: true }], status: 'open' }),
    });
    expect(created.status).toBe(201);
    const organ = await publishDecisions(1);
    const el = await mountDecisions({ organ: organ.id, 'feedback-form': form }, 'fi');
    await ready(el);
    toggles(el)[0]!.click();
    await expect.poll(() => root(el).querySelector('.more button')).toBeTruthy();
    [...root(el).querySelectorAll<HTMLButtonElement>('.more button')].find((b) => b.textContent?.includes('Anna palautetta'))!.click();
    const feedback = await expect.poll(() => root(el).querySelector('osallistu-feedback')?.shadowRoot?.querySelector('#f-viesti'), { timeout: 10_000 }).toBeTruthy();
    void feedback;
    const fb = root(el).querySelector('osallistu-feedback')!;
    expect(fb.shadowRoot!.textContent).toContain('Palaute koskee: § 10 Koulukuljetusten periaatteet 0 — KOI/1000/12.00.01/2026');
    const textarea = fb.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-viesti')!;
    textarea.value = 'Hyvä linjaus.';
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    fb.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await expect.poll(() => fb.shadowRoot!.querySelector('.ref')?.textContent ?? '', { timeout: 10_000 }).toMatch(/^\w{3}-\w{3}$/);
    const queue = (await (await officialFetch(`/submissions?form=${form}`)).json()) as { items: { context: unknown }[] };
    expect(queue.items[0]!.context).toEqual({ caseId: 'KOI/1000/12.00.01/2026', subject: '§ 10 Koulukuljetusten periaatteet 0', decision: `${organ.id}-0` });
    await expectAccessible(el);
  });

  it('can be used with the keyboard alone', async () => {
    const organ = await publishDecisions(2);
    const el = await mountDecisions({ organ: organ.id }, 'en');
    await ready(el);
    const before = document.createElement('button');
    before.textContent = 'Before';
    document.body.prepend(before);
    before.focus();
    await userEvent.tab();
    expect(root(el).activeElement).toBe(toggles(el)[0]);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => toggles(el)[0]!.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => root(el).querySelector('.body')).toBeTruthy();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => toggles(el)[0]!.getAttribute('aria-expanded')).toBe('false');
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    await page.viewport(320, 640);
    const organ = await publishDecisions(2, () => ({ title: { fi: 'Kaupunkiympäristölautakunnanvarapuheenjohtajanvaali' } }));
    const el = await mountDecisions({ organ: organ.id, search: '', filters: '' });
    await ready(el);
    toggles(el)[0]!.click();
    await expect.poll(() => root(el).querySelector('.body')).toBeTruthy();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
    await page.viewport(1024, 768);
  });
});

describe('the body, rebuilt from an allowlist', () => {
  it('keeps text and safe structure, drops scripts, handlers and javascript: links', () => {
    const fragment = safeFragment(
      '<h2>Otsikko</h2><p onclick="alert(1)">Teksti <a href="javascript:alert(1)">paha</a> <a href="https://hyva.example" target="_top">hyvä</a></p><script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://x.example"></iframe><ul><li>yksi</li></ul>',
      4,
    );
    const box = document.createElement('div');
    box.append(fragment);
    expect(box.innerHTML).toBe(
      '<p role="heading" aria-level="4" class="body-heading">Otsikko</p><p>Teksti <a>paha</a> <a href="https://hyva.example" rel="noopener noreferrer">hyvä</a></p>alert(1)<ul><li>yksi</li></ul>',
    );
  });
});
