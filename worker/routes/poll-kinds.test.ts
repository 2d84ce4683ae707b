import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { call, castBallot as castWith, createPoll, createSite, errorOf, newVoter } from '../../test/workers/helpers.ts';
import type { BallotOptions } from '../../test/workers/helpers.ts';
import { deliverAllBallots, deliverBallots } from '../../test/workers/poll-counter.ts';
import { values, workbookOf } from '../../test/workers/xlsx.ts';

/** Each ballot from a voter of its own unless one is given. */
const castBallot = (site: string, poll: string, body: unknown, options: BallotOptions = {}) => castWith(site, poll, body, { voter: newVoter(), ...options });

const BUDGET = {
  kind: 'budget',
  question: { fi: 'Mihin käytetään 500 000 euroa?', sv: 'Vad ska 500 000 euro användas till?' },
  budget: { cap: 500_000, maxProjects: 3 },
  options: [
    { id: 'puisto', label: { fi: 'Puiston valaistus' }, cost: 300_000, description: { fi: 'Valot Koivupuistoon.' } },
    { id: 'penkit', label: { fi: 'Penkit rantaan' }, cost: 150_000 },
    { id: 'kentta', label: { fi: 'Pallokenttä' }, cost: 250_000 },
    { id: 'kirjasto', label: { fi: 'Kirjastoauto' }, cost: 50_000 },
  ],
  resultsVisibility: 'always',
};

const RANKED = {
  kind: 'ranked',
  question: { fi: 'Mikä nimi uudelle aukiolle?' },
  options: ['memphis', 'nashville', 'chattanooga', 'knoxville'].map((id) => ({ id, label: { fi: id } })),
  maxChoices: 4,
  resultsVisibility: 'after_vote',
};

describe('a budget poll', () => {
  it('is created with its projects and shows their costs and the funded set', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, BUDGET);
    await castBallot(site.id, id, { choices: ['puisto', 'penkit', 'kirjasto'] });
    const answer = await castBallot(site.id, id, { choices: ['kentta', 'kirjasto'] });
    expect(answer.status).toBe(201);
    const receipt = (await answer.json()) as { results: { funded: unknown } };
    // puisto 1, penkit 1, kentta 1, kirjasto 2: kirjasto first, then the draw among the rest.
    expect(receipt.results.funded).toMatchObject([{ area: null, cap: 500_000 }]);
    const view = (await (await call(`/api/v1/sites/${site.id}/polls/${id}`)).json()) as { options: { cost: number }[]; budget: unknown; results: { funded: { funded: string[]; spent: number }[] } };
    expect(view.options.map((o) => o.cost)).toEqual([300_000, 150_000, 250_000, 50_000]);
    expect(view.budget).toEqual({ cap: 500_000, maxProjects: 3 });
    expect(view.results.funded[0]!.funded[0]).toBe('kirjasto');
    expect(view.results.funded[0]!.spent).toBeLessThanOrEqual(500_000);
  });

  it('refuses a ballot over the cap with a 400 that says by how much, and stores nothing', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, BUDGET);
    await deliverAllBallots();
    const before = await tableRowCounts(env.DB);
    const response = await castBallot(site.id, id, { choices: ['puisto', 'kentta'] });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.issues?.[0]).toMatchObject({ path: ['choices'], message: expect.stringMatching(/cost 550 000 €, more than the budget of 500 000 €/) });
    await deliverBallots(site.id, id);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('refuses a budget whose project costs more than its area, or has no cost, or names no area', async () => {
    const { site, owner } = await createSite();
    const bad = await call(`/api/v1/sites/${site.id}/polls`, {
      method: 'POST',
      token: owner,
      json: {
        ...BUDGET,
        budget: { areas: [{ id: 'pohjoinen', label: { fi: 'Pohjoinen' }, cap: 100_000 }] },
        options: [
          { id: 'a', label: { fi: 'A' }, cost: 200_000, area: 'pohjoinen' },
          { id: 'b', label: { fi: 'B' }, area: 'pohjoinen' },
          { id: 'c', label: { fi: 'C' }, cost: 10 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    const { issues } = await errorOf(bad);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['options', 0, 'cost'], message: expect.stringMatching(/more than the area's budget/) }),
        expect.objectContaining({ path: ['options', 1, 'cost'] }),
        expect.objectContaining({ path: ['options', 2, 'area'] }),
      ]),
    );
    const costOnSingle = await call(`/api/v1/sites/${site.id}/polls`, { method: 'POST', token: owner, json: { kind: 'single', question: { fi: 'K' }, options: [{ id: 'a', label: { fi: 'A' }, cost: 5 }, { id: 'b', label: { fi: 'B' } }] } });
    expect((await errorOf(costOnSingle)).issues?.[0]).toMatchObject({ path: ['options', 0, 'cost'] });
  });

  it('takes a ballot in one area and refuses one across two', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, {
      ...BUDGET,
      budget: { areas: [{ id: 'pohjoinen', label: { fi: 'Pohjoinen' }, cap: 100_000 }, { id: 'etela', label: { fi: 'Etelä' }, cap: 80_000 }] },
      options: [
        { id: 'n1', label: { fi: 'N1' }, cost: 60_000, area: 'pohjoinen' },
        { id: 'n2', label: { fi: 'N2' }, cost: 40_000, area: 'pohjoinen' },
        { id: 's1', label: { fi: 'S1' }, cost: 80_000, area: 'etela' },
        { id: 's2', label: { fi: 'S2' }, cost: 20_000, area: 'etela' },
      ],
    });
    expect((await castBallot(site.id, id, { choices: ['n1', 'n2'] })).status).toBe(201);
    const across = await castBallot(site.id, id, { choices: ['n1', 's2'] });
    expect(across.status).toBe(400);
    expect((await errorOf(across)).issues?.[0]?.message).toMatch(/one area only/);
    const view = (await (await call(`/api/v1/sites/${site.id}/polls/${id}`)).json()) as { results: { funded: unknown[] } };
    expect(view.results.funded).toEqual([
      { area: 'pohjoinen', cap: 100_000, spent: 100_000, funded: expect.arrayContaining(['n1', 'n2']) },
      { area: 'etela', cap: 80_000, spent: 0, funded: [] },
    ]);
  });
});

describe('a ranked poll', () => {
  it('keeps the ranking in the order it was sent, and counts it by instant runoff and Borda', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, RANKED);
    const profiles: [number, string[]][] = [
      [4, ['memphis', 'nashville', 'chattanooga', 'knoxville']],
      [3, ['nashville', 'chattanooga', 'knoxville', 'memphis']],
      [1, ['chattanooga', 'knoxville', 'nashville', 'memphis']],
      [2, ['knoxville', 'chattanooga', 'nashville', 'memphis']],
    ];
    const voter = newVoter();
    for (const [n, ranking] of profiles) for (let i = 0; i < n; i++) await castBallot(site.id, id, { choices: ranking }, i === 0 && n === 1 ? { voter } : {});
    const mine = (await (await call(`/api/v1/sites/${site.id}/polls/${id}`, { headers: { 'X-Voter-Token': voter } })).json()) as { myBallot: { choices: string[] } };
    expect(mine.myBallot.choices).toEqual(['chattanooga', 'knoxville', 'nashville', 'memphis']);
    const response = await call(`/api/v1/sites/${site.id}/polls/${id}/ranking`, { headers: { 'X-Voter-Token': voter } });
    expect(response.status).toBe(200);
    const count = (await response.json()) as { total: number; irv: { winner: string; rounds: { eliminated: string | null }[] }; borda: { id: string }[] };
    expect(count.total).toBe(10);
    // Round 1: M 4, N 3, C 1, K 2 → C out (to K: 3); round 2: M 4, N 3, K 3 → tie N–K broken by round 1 (K had 2): K out (to N: 6 of 10).
    expect(count.irv.rounds.map((r) => r.eliminated)).toEqual(['chattanooga', 'knoxville', null]);
    expect(count.irv.winner).toBe('nashville');
    expect(count.borda[0]!.id).toBe('nashville');
  });

  it('hides the count from those who may not see results yet, and refuses other kinds', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, RANKED);
    await castBallot(site.id, id, { choices: ['memphis'] });
    const stranger = await call(`/api/v1/sites/${site.id}/polls/${id}/ranking`);
    expect(stranger.status).toBe(403);
    expect((await errorOf(stranger)).code).toBe('results_hidden');
    const official = await call(`/api/v1/sites/${site.id}/polls/${id}/ranking`, { token: owner });
    expect(official.status).toBe(200);
    const single = await createPoll(site.id, owner, { resultsVisibility: 'always' });
    const wrongKind = await call(`/api/v1/sites/${site.id}/polls/${single}/ranking`);
    expect(wrongKind.status).toBe(409);
    expect((await errorOf(wrongKind)).code).toBe('not_ranked');
  });

  it('refuses a ranking that repeats an option or ranks more than allowed', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { ...RANKED, maxChoices: 2 });
    const repeated = await castBallot(site.id, id, { choices: ['memphis', 'memphis'] });
    expect((await errorOf(repeated)).issues?.[0]?.message).toMatch(/chosen once/);
    const tooMany = await castBallot(site.id, id, { choices: ['memphis', 'nashville', 'knoxville'] });
    expect(tooMany.status).toBe(400);
    expect((await errorOf(tooMany)).issues?.[0]?.message).toBe('Rank at most 2 options.');
  });
});

describe('exports of the new kinds', () => {
  const exportOf = (site: string, poll: string, token: string, query: string) => call(`/api/v1/sites/${site}/polls/${poll}/export${query}`, { token });

  it('give a ranked poll its rounds and Borda points in the workbook, the CSV and the JSON, and each ballot as a numbered ranking', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, RANKED);
    for (const [n, ranking] of [[2, ['memphis', 'nashville']], [1, ['knoxville', 'nashville']], [2, ['nashville']]] as const) {
      for (let i = 0; i < n; i++) await castBallot(site.id, id, { choices: ranking });
    }
    const book = await workbookOf(await exportOf(site.id, id, owner, '?format=xlsx&lang=en'));
    expect(book.sheets.map((s) => s.name)).toEqual(['Results', 'Rounds', 'Borda', 'Data', 'Methodology']);
    const rounds = book.sheet('Rounds').rows.map(values);
    // Round 1: M 2, N 2, C 0, K 1 → C out; round 2: M 2, N 2, K 1 → K out (its ballot goes to N); round 3: N 3 of 5.
    expect(rounds[0]).toEqual([null, 'Round 1', 'Round 2', 'Round 3']);
    expect(rounds.find((r) => r[0] === 'nashville')).toEqual(['nashville', 2, 2, 3]);
    expect(rounds.find((r) => r[0] === 'Winner (instant runoff)')).toEqual(['Winner (instant runoff)', 'nashville']);
    // 4 options: a first choice 3 points, a second 2. Nashville: 2 × 3 + 3 × 2 = 12.
    expect(book.sheet('Borda').rows.map(values)[1]).toEqual(['nashville', 12, 2]);
    expect(values(book.sheet('Data').rows[1])[3]).toMatch(/^1\. \w+ \| 2\. nashville$|^1\. nashville$/);
    const about = book.sheet('Methodology').rows.map(values).map((r) => String(r[1]));
    expect(about.some((text) => text.startsWith('Instant runoff (IRV)'))).toBe(true);
    expect(about.some((text) => text.startsWith('A tie for the fewest votes is broken by the earlier rounds'))).toBe(true);

    const csv = await (await exportOf(site.id, id, owner, '?format=csv&lang=en')).text();
    expect(csv).toContain('Rounds;Round 1;Round 2;Round 3\r\n');
    expect(csv).toContain('Winner (instant runoff);nashville\r\n');
    const json = (await (await exportOf(site.id, id, owner, '?format=json')).json()) as { summary: { ranking: { irv: { winner: string } } }; ballots: { choices: string[] }[] };
    expect(json.summary.ranking.irv.winner).toBe('nashville');
    expect(json.ballots.map((b) => b.choices)).toContainEqual(['knoxville', 'nashville']);
  });

  it('give a budget poll its funded projects and the funding rule', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, BUDGET);
    await castBallot(site.id, id, { choices: ['puisto', 'penkit'] });
    await castBallot(site.id, id, { choices: ['puisto', 'kirjasto'] });
    await castBallot(site.id, id, { choices: ['kentta', 'kirjasto'] });
    const book = await workbookOf(await exportOf(site.id, id, owner, '?format=xlsx&lang=fi'));
    expect(book.sheets.map((s) => s.name)).toEqual(['Tulokset', 'Rahoitettavat', 'Aineisto', 'Menetelmä']);
    const funded = book.sheet('Rahoitettavat').rows.map(values);
    // puisto 2 and kirjasto 2 (350 000 €), then penkit and kentta with 1 each: kentta (250 000) does not fit the 150 000 left, penkit (150 000) fits exactly.
    expect(funded.slice(1, 3).map((r) => r[4])).toEqual(['kyllä', 'kyllä']);
    expect(funded.find((r) => r[1] === 'Penkit rantaan')).toEqual(['Koko budjetti', 'Penkit rantaan', 150_000, 1, 'kyllä']);
    expect(funded.find((r) => r[1] === 'Pallokenttä')).toEqual(['Koko budjetti', 'Pallokenttä', 250_000, 1, 'ei']);
    expect(funded.at(-1)).toEqual(['Koko budjetti', 'Budjetti (€) / Käytetty (€)', 500_000, 500_000]);
    const about = book.sheet('Menetelmä').rows.map(values).map((r) => String(r[1]));
    expect(about).toContain('Vastaus: hankkeet yhdeltä alueelta, yhteensä enintään 500 000 €; enintään 3 hanketta.');
    expect(about.some((text) => text.startsWith('Rahoitettavat hankkeet (OmaStadin sääntö)'))).toBe(true);
    const csv = await (await exportOf(site.id, id, owner, '?format=csv&lang=en')).text();
    expect(csv).toMatch(/Whole budget;500000;500000;(Puiston valaistus|Kirjastoauto) \| (Puiston valaistus|Kirjastoauto) \| Penkit rantaan\r\n/);
  });
});
