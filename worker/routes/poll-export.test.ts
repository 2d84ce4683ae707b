import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { BALLOT_PAGE } from '../export/poll-data.ts';
import { call, castBallot, createPoll, createSite, createToken, newVoter } from '../../test/workers/helpers.ts';

async function pollWithBallots() {
  const { site, owner } = await createSite();
  const id = await createPoll(site.id, owner, {
    kind: 'multiple',
    maxChoices: 2,
    caseId: 'KOI 2026-000123',
    options: [
      { id: 'a', label: { fi: 'Pyörätiet; talvella', sv: 'Cykelvägar' } },
      { id: 'b', label: { fi: '=HYPERLINK("http://evil.example","klikkaa")', sv: '+46' } },
      { id: 'c', label: { fi: 'Jalkakäytävät "keskustassa"' } },
    ],
  });
  for (const choices of [['a'], ['a', 'b'], ['c']]) await castBallot(site.id, id, { choices }, { voter: newVoter() });
  return { site: site.id, owner, id };
}

const exportOf = (site: string, id: string, token: string, query = '') => call(`/api/v1/sites/${site}/polls/${id}/export${query}`, { token });

describe('poll export', () => {
  it('writes Excel-ready CSV: BOM, ";" by default, quoted where needed, formulas neutralised, Finnish time', async () => {
    const { site, owner, id } = await pollWithBallots();
    const response = await exportOf(site, id, owner);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(new RegExp(`attachment; filename="${site}-${id}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(lines).toContain('Kysely;' + id);
    expect(lines).toContain('Diaarinumero;KOI 2026-000123');
    expect(lines).toContain('Vastauksia;3');
    expect(lines).toContain('Vaihtoehto;Tunnus;Ääniä;Osuus (%)');
    expect(lines).toContain('"Pyörätiet; talvella";a;2;66,7');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil.example"",""klikkaa"")";b;1;33,3`);
    expect(lines).toContain('"Jalkakäytävät ""keskustassa""";c;1;33,3');
    expect(lines).toContain('Nro;Annettu (Suomen aikaa);Muutettu (Suomen aikaa);Valinnat');
    const ballotLines = lines.filter((l) => /^\d+;\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};/.test(l));
    expect(ballotLines).toHaveLength(3);
    // A spreadsheet splitting at "|" (or ";" or ",") would start a cell there: neutralised too.
    expect(ballotLines[1]).toMatch(/;"Pyörätiet; talvella \| '=HYPERLINK/);
    // The Helsinki clock is 2 or 3 hours ahead of UTC.
    const [, cast] = ballotLines[0]!.split(';');
    const hoursAhead = Math.round((Date.parse(`${cast!.replace(' ', 'T')}Z`) - Date.now()) / 3_600_000);
    expect([2, 3]).toContain(hoursAhead);
  });

  it('uses "," and decimal points on request, and Swedish headings', async () => {
    const { site, owner, id } = await pollWithBallots();
    const text = await (await exportOf(site, id, owner, '?delimiter=,&lang=sv')).text();
    expect(text).toContain('Alternativ,Kod,Röster,Andel (%)');
    expect(text).toContain("'+46,b,1,33.3");
  });

  it('streams JSON and NDJSON with the same content, without voter data', async () => {
    const { site, owner, id } = await pollWithBallots();
    const json = (await (await exportOf(site, id, owner, '?format=json')).json()) as { summary: { total: number; options: { id: string; share: number }[] }; ballots: { n: number; choices: string[]; castAtLocal: string }[] };
    expect(json.summary).toMatchObject({ total: 3, timeZone: 'Europe/Helsinki', caseId: 'KOI 2026-000123' });
    expect(json.summary.options.map((o) => o.share)).toEqual([66.7, 33.3, 33.3]);
    expect(json.ballots.map((b) => b.n)).toEqual([1, 2, 3]);
    expect(json.ballots[1]!.choices).toEqual(['a', 'b']);
    const ndjson = await (await exportOf(site, id, owner, '?format=ndjson')).text();
    const lines = ndjson.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.map((l) => l.type)).toEqual(['summary', 'ballot', 'ballot', 'ballot']);
    expect(ndjson + JSON.stringify(json)).not.toMatch(/voter|hash/i);
  });

  it('pages through more ballots than one read returns, in order, none twice, none left out', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner);
    // One page and a bit, written as the ballot route would leave them (ids in order of casting).
    const count = BALLOT_PAGE + 7;
    await env.DB.batch([
      env.DB.prepare(`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?3)
        INSERT INTO ballots (site_id, poll_id, voter_hash, choices, cast_at)
        SELECT ?1, ?2, printf('%064x', i), CASE WHEN i % 3 = 0 THEN '["b"]' ELSE '["a"]' END, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-22T06:00:00', '+' || i || ' seconds') FROM seq`).bind(site.id, id, count),
      env.DB.prepare('UPDATE polls SET ballot_count = ?3 WHERE site_id = ?1 AND id = ?2').bind(site.id, id, count),
    ]);
    const lines = (await (await exportOf(site.id, id, owner, '?format=ndjson')).text()).trim().split('\n');
    expect(lines).toHaveLength(count + 1);
    const ballots = lines.slice(1).map((line) => JSON.parse(line) as { n: number; castAt: string; choices: string[] });
    expect(ballots.map((b) => b.n)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(ballots.every((b, i) => b.castAt === new Date(Date.parse('2026-11-22T06:00:00Z') + (i + 1) * 1000).toISOString())).toBe(true);
    expect(ballots.filter((b) => b.choices[0] === 'b')).toHaveLength(Math.floor(count / 3));
    const json = (await (await exportOf(site.id, id, owner, '?format=json')).json()) as { ballots: { n: number }[] };
    expect(json.ballots.map((b) => b.n)).toEqual(ballots.map((b) => b.n));
    const csv = (await (await exportOf(site.id, id, owner)).text()).trim().split('\r\n');
    expect(csv.at(-1)).toBe(`${count};2026-11-22 14:56:47;;Pyörätiet`); // 06:00 UTC + 25,007 s, in Finnish time
  });

  it('is for officials with a token of the site', async () => {
    const { site, id } = await pollWithBallots();
    expect((await call(`/api/v1/sites/${site}/polls/${id}/export`)).status).toBe(401);
    const viewer = await createToken(site, 'viewer');
    expect((await exportOf(site, id, viewer)).status).toBe(200);
    expect((await exportOf(site, id, viewer, '?format=xml')).status).toBe(400);
  });
});
