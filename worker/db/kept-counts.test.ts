import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, castBallot, createPoll, createSite, newVoter } from '../../test/workers/helpers.ts';
import { COUNCIL, DECISION, SCHOOLS } from '../../test/workers/decisions.ts';

/** The counts as kept, and as counted afresh from the rows: they must always agree. */
async function facetCounts(site: string) {
  const kept = await env.DB.prepare('SELECT organ_id, kind, value, count FROM decision_facet_counts WHERE site_id = ?1 ORDER BY organ_id, kind, value').bind(site).all();
  const counted = await env.DB.prepare(
    `SELECT organ_id, kind, value, count FROM (
       SELECT organ_id, 'organ' AS kind, '' AS value, count(*) AS count FROM decisions WHERE site_id = ?1 GROUP BY organ_id
       UNION ALL
       SELECT d.organ_id, t.kind, t.value, count(*) FROM decision_tags t JOIN decisions d ON d.seq = t.seq WHERE d.site_id = ?1 GROUP BY d.organ_id, t.kind, t.value)
     ORDER BY organ_id, kind, value`,
  )
    .bind(site)
    .all();
  return { kept: kept.results, counted: counted.results };
}

async function hourCounts(site: string, poll: string) {
  const kept = await env.DB.prepare('SELECT hour, count FROM poll_hour_counts WHERE site_id = ?1 AND poll_id = ?2 ORDER BY hour').bind(site, poll).all();
  const counted = await env.DB.prepare('SELECT substr(cast_at, 1, 13) AS hour, count(*) AS count FROM ballots WHERE site_id = ?1 AND poll_id = ?2 GROUP BY hour ORDER BY hour').bind(site, poll).all();
  return { kept: kept.results, counted: counted.results };
}

describe('counts kept with the rows they count', () => {
  it('keeps the facets\' counts through decisions published, edited (organ, topics, districts) and deleted, and imported', async () => {
    const { site, owner } = await createSite();
    const publish = async (overrides: Record<string, unknown>) => {
      const response = await call(`/api/v1/sites/${site.id}/decisions`, { method: 'POST', token: owner, json: { ...DECISION, ...overrides } });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const a = await publish({ section: '1', topics: ['koulut', 'liikenne'], districts: ['keskusta'] });
    const b = await publish({ section: '2', topics: ['koulut'], districts: [] });
    const c = await publish({ section: '3', organ: SCHOOLS, topics: ['koulut'], districts: ['pohjoinen'] });
    const first = await facetCounts(site.id);
    expect(first.kept).toEqual(first.counted);
    const facets = async (query = '') => (await (await call(`/api/v1/sites/${site.id}/decision-facets${query}`)).json()) as { organs: { id: string; count: number }[]; topics: { value: string; count: number }[] };
    expect((await facets()).organs.map((o) => [o.id, o.count])).toEqual([[COUNCIL.id, 2], [SCHOOLS.id, 1]]);
    expect((await facets()).topics.map((t) => [t.value, t.count])).toEqual([['koulut', 3], ['liikenne', 1]]);
    expect((await facets(`?organ=${SCHOOLS.id}`)).topics.map((t) => [t.value, t.count])).toEqual([['koulut', 1]]);

    // Moved to another organ with other topics; another loses its district; the third deleted.
    expect((await call(`/api/v1/sites/${site.id}/decisions/${a}`, { method: 'PATCH', token: owner, json: { organ: SCHOOLS, topics: ['liikenne'] } })).status).toBe(200);
    expect((await call(`/api/v1/sites/${site.id}/decisions/${c}`, { method: 'PATCH', token: owner, json: { districts: [] } })).status).toBe(200);
    expect((await call(`/api/v1/sites/${site.id}/decisions/${b}`, { method: 'DELETE', token: owner })).status).toBe(200);
    const now = await facetCounts(site.id);
    expect(now.kept).toEqual(now.counted);
    expect((await facets()).organs.map((o) => [o.id, o.count])).toEqual([[SCHOOLS.id, 2]]);
    expect((await facets()).topics.map((t) => [t.value, t.count])).toEqual([['koulut', 1], ['liikenne', 1]]);

    // An import, new and updated records at once.
    const records = [1, 2, 3].map((n) => ({ ...DECISION, sourceId: `ahjo-${n}`, section: `1${n}`, topics: n === 2 ? ['ymparisto'] : ['koulut'] }));
    const imported = await call(`/api/v1/sites/${site.id}/decisions/import`, { method: 'POST', token: owner, json: records });
    expect(imported.status).toBe(200);
    const again = await call(`/api/v1/sites/${site.id}/decisions/import`, { method: 'POST', token: owner, json: records.map((r) => ({ ...r, topics: ['liikenne'] })) });
    expect(again.status).toBe(200);
    const after = await facetCounts(site.id);
    expect(after.kept).toEqual(after.counted);
    expect(after.kept.length).toBeGreaterThan(3);
  });

  it('keeps a poll\'s ballots per hour as ballots are cast and changed, and the timeline reads them', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, { allowChange: true });
    const voters = [newVoter(), newVoter(), newVoter()];
    for (const voter of voters) expect((await castBallot(site.id, id, { choices: ['a'] }, { voter })).status).toBe(201);
    expect((await castBallot(site.id, id, { choices: ['b'] }, { voter: voters[0] })).status).toBe(200); // a change keeps its hour
    // Ballots from other hours, written as a script would: the trigger counts them too.
    await env.DB.prepare("INSERT INTO ballots (site_id, poll_id, voter_hash, choices, cast_at) VALUES (?1, ?2, 'h1', '[\"a\"]', '2026-01-15T10:59:59.000Z'), (?1, ?2, 'h2', '[\"b\"]', '2026-01-15T10:00:00.000Z'), (?1, ?2, 'h3', '[\"a\"]', '2026-01-14T22:30:00.000Z')")
      .bind(site.id, id)
      .run();
    const { kept, counted } = await hourCounts(site.id, id);
    expect(kept).toEqual(counted);
    expect(kept.slice(0, 2)).toEqual([{ hour: '2026-01-14T22', count: 1 }, { hour: '2026-01-15T10', count: 2 }]);
    const timeline = (await (await call(`/api/v1/sites/${site.id}/polls/${id}/timeline`, { token: owner })).json()) as { days: { day: string; ballots: number }[]; total: number };
    // 22:30 UTC on the 14th is 00:30 on the 15th in Finland.
    expect(timeline.days[0]).toEqual({ day: '2026-01-15', ballots: 3 });
    expect(timeline.total).toBe(6);
    await env.DB.prepare("DELETE FROM ballots WHERE site_id = ?1 AND poll_id = ?2 AND voter_hash IN ('h1', 'h2')").bind(site.id, id).run();
    const after = await hourCounts(site.id, id);
    expect(after.kept).toEqual(after.counted);
    expect(after.kept.some((row) => row.hour === '2026-01-15T10')).toBe(false);
  });
});
