import { describe, expect, it } from 'vitest';
import { call, createPoll } from '../../../test/workers/helpers.ts';
import { frameSite } from '../test-content.ts';
import { ballots, formKeyOf, get, newBrowser, post, redirectOf, textOf } from './test-support.ts';

const frame = (site: string, poll: string, lang = 'fi') => `/embed/v1/frame/poll/${poll}?site=${site}&lang=${lang}`;

const BUDGET = {
  id: 'budjetti',
  kind: 'budget',
  question: { fi: 'Mihin käytetään 100 000 euroa?', sv: 'Vad ska 100 000 euro användas till?' },
  budget: { cap: 100_000 },
  options: [
    { id: 'valot', label: { fi: 'Valot', sv: 'Belysning' }, cost: 60_000, description: { fi: 'Valot polulle.' } },
    { id: 'penkit', label: { fi: 'Penkit', sv: 'Bänkar' }, cost: 50_000 },
    { id: 'kyltit', label: { fi: 'Kyltit', sv: 'Skyltar' }, cost: 30_000 },
  ],
  resultsVisibility: 'always',
};

describe('the new kinds of poll without JavaScript', () => {
  it('a budget: projects with their costs as checkboxes; a ballot over the cap is refused in the resident\'s words and not counted; one that fits is', async () => {
    const { site, owner } = await frameSite();
    await createPoll(site.id, owner, BUDGET);
    const browser = newBrowser();
    const page = await get(browser, frame(site.id, 'budjetti'));
    const text = textOf(page.html);
    expect(text).toContain('Valitse hankkeita, joiden yhteishinta on enintään 100 000 €.');
    expect(text).toContain('Valot (hinta 60 000 €)');
    expect(page.html).toContain('<input type="checkbox" name="choice" value="valot" id="nojs-poll-first"');
    const key = formKeyOf(page.html);
    const over = await post(browser, frame(site.id, 'budjetti'), [['key', key], ['choice', 'valot'], ['choice', 'penkit']]);
    expect(over.status).toBe(400);
    expect(textOf(await over.text())).toContain('Valitsemasi hankkeet maksavat 110 000 €, mikä ylittää budjetin 100 000 €.');
    expect(await ballots(site.id, 'budjetti', owner)).toBe(0);
    const location = redirectOf(await post(browser, frame(site.id, 'budjetti'), [['key', key], ['choice', 'valot'], ['choice', 'kyltit']]));
    const shown = textOf((await get(browser, location)).html);
    expect(shown).toContain('Vastauksesi: Valot, Kyltit');
    expect(shown).toMatch(/Valot \(rahoitetaan\)/);
    expect(await ballots(site.id, 'budjetti', owner)).toBe(1);
  });

  it('a ranked poll: a number picker per option; a repeated number is refused, a ranking is counted in its order', async () => {
    const { site, owner } = await frameSite();
    await createPoll(site.id, owner, { id: 'jarjestys', kind: 'ranked', maxChoices: 3, resultsVisibility: 'always' });
    const browser = newBrowser();
    const page = await get(browser, frame(site.id, 'jarjestys', 'sv'));
    expect(textOf(page.html)).toContain('Ge alternativen nummer 1–3');
    expect(page.html).toContain('<select id="nojs-poll-first" name="rank-a" aria-invalid="false"><option value="">ingen plats</option><option value="1">1</option>');
    const key = formKeyOf(page.html);
    const twice = await post(browser, frame(site.id, 'jarjestys', 'sv'), [['key', key], ['rank-a', '1'], ['rank-b', '1']]);
    expect(twice.status).toBe(400);
    expect(textOf(await twice.text())).toContain('Ge varje nummer till ett alternativ bara.');
    const gap = await post(browser, frame(site.id, 'jarjestys', 'sv'), [['key', key], ['rank-a', '1'], ['rank-b', '3']]);
    expect(textOf(await gap.text())).toContain('Använd numren i ordning från ett, utan luckor.');
    expect(await ballots(site.id, 'jarjestys', owner)).toBe(0);
    const location = redirectOf(await post(browser, frame(site.id, 'jarjestys', 'sv'), [['key', key], ['rank-c', '1'], ['rank-a', '2'], ['rank-b', '']]));
    expect(textOf((await get(browser, location)).html)).toContain('Ditt svar: 1. Busshållplatser, 2. Cykelvägar');
    expect(await ballots(site.id, 'jarjestys', owner)).toBe(1);
  });
});

describe('a conversation without JavaScript', () => {
  it('shows one statement at a time with three buttons, saves each vote, and moves on to the next', async () => {
    const { site, owner } = await frameSite();
    await createPoll(site.id, owner, {
      id: 'keskustelu',
      kind: 'statements',
      question: { fi: 'Millainen kirjaston pitäisi olla?' },
      options: [
        { id: 's1', label: { fi: 'Kirjaston pitäisi olla auki sunnuntaisin.' } },
        { id: 's2', label: { fi: 'Kirjastoon tarvitaan hiljainen kerros.' } },
      ],
      status: 'open',
      resultsVisibility: 'always',
    });
    const browser = newBrowser();
    const page = await get(browser, frame(site.id, 'keskustelu'));
    expect(page.html).toContain('<button type="submit" name="vote" value="agree">Samaa mieltä</button>');
    expect(textOf(page.html)).toContain('Olet ottanut kantaa 0 väitteeseen 2:stä.');
    const first = page.html.match(/name="statement" value="(\d+)"/)![1]!;
    const key = formKeyOf(page.html);
    const location = redirectOf(await post(browser, frame(site.id, 'keskustelu'), [['key', key], ['statement', first], ['vote', 'agree']]));
    const after = await get(browser, location);
    expect(textOf(after.html)).toContain('Kantasi on tallennettu.');
    expect(textOf(after.html)).toContain('Olet ottanut kantaa 1 väitteeseen 2:stä.');
    const second = after.html.match(/name="statement" value="(\d+)"/)![1]!;
    expect(second).not.toBe(first);
    const done = redirectOf(await post(browser, frame(site.id, 'keskustelu'), [['key', formKeyOf(after.html)], ['statement', second], ['vote', 'pass']]));
    const end = textOf((await get(browser, done)).html);
    expect(end).toContain('Olet ottanut kantaa kaikkiin väitteisiin. Kiitos!');
    expect(end).toContain('samaa mieltä 1, eri mieltä 0, ohitti 0');
    // Both votes are one resident's.
    const opinions = (await (await call(`/api/v1/sites/${site.id}/polls/keskustelu/statements`, { token: owner })).json()) as { voters: number };
    expect(opinions.voters).toBe(1);
  });
});
