import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';
import { COUNCIL, DECISION } from '../../test/workers/decisions.ts';
import { ahjoRecords, ahjoToImport, toNdjson } from '../../scripts/lib/ahjo.ts';
import ahjoSample from '../../demo/decisions/ahjo-sample.json';

/** A decision of its own: `n` makes its source id, section and title word. */
const record = (n: number, overrides: Record<string, unknown> = {}) => ({
  ...DECISION,
  sourceId: `ahjo-${n}`,
  section: String(n),
  title: { fi: `Päätös numero ${n} tuulivoimasta`, sv: `Beslut nummer ${n} om vindkraft` },
  ...overrides,
});

interface Report {
  created: number;
  updated: number;
  rejected: number;
  errors: { line: number; sourceId: string | null; issues: { path: (string | number)[]; message: string }[] }[];
  errorsOmitted: number;
}
type Page = { items: { id: string; title: { fi: string } }[]; nextCursor: string | null };

async function importSite() {
  const { site, owner } = await createSite();
  const send = (body: BodyInit, type = 'application/json', token = owner) =>
    call(`/api/v1/sites/${site.id}/decisions/import`, { method: 'POST', token, headers: { 'Content-Type': type }, body });
  const importJson = async (records: unknown[]) => {
    const response = await send(JSON.stringify(records));
    if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
    return (await response.json()) as Report;
  };
  const importNdjson = async (lines: string[]) => {
    const response = await send(lines.join('\n'), 'application/x-ndjson');
    if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
    return (await response.json()) as Report;
  };
  const list = async (query = '') => (await (await call(`/api/v1/sites/${site.id}/decisions${query}`)).json()) as Page;
  const read = async (id: string) => (await (await call(`/api/v1/sites/${site.id}/decisions/${id}`, { token: owner })).json()) as Record<string, unknown>;
  const count = async () =>
    (await env.DB.prepare('SELECT COUNT(*) AS n FROM decisions WHERE site_id = ?1').bind(site.id).first<{ n: number }>())!.n;
  return { site: site.id, owner, send, importJson, importNdjson, list, read, count };
}

/** A body that arrives in pieces of `size` bytes, as a slow upload would (no Content-Length). */
function trickle(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

describe('importing decisions', () => {
  it('creates decisions from a JSON array, then updates them by source id with ids and publication times kept', async () => {
    const s = await importSite();
    const records: Record<string, unknown>[] = [1, 2, 3].map((n) => record(n));
    expect(await s.importJson(records)).toEqual({ created: 3, updated: 0, rejected: 0, errors: [], errorsOmitted: 0 });
    const first = (await s.list()).items.map((d) => d.id).sort();
    expect(first).toEqual(['ahjo-1', 'ahjo-2', 'ahjo-3']);
    const before = await s.read('ahjo-2');

    // The same file again, one title changed and an id that would rename the decision: still the same decisions.
    records[1] = { ...records[1], id: 'uusi-nimi', title: { fi: 'Päätös numero 2 korjattu' } };
    expect(await s.importJson(records)).toEqual({ created: 0, updated: 3, rejected: 0, errors: [], errorsOmitted: 0 });
    expect(await s.count()).toBe(3);
    expect((await s.list()).items.map((d) => d.id).sort()).toEqual(first);
    const after = await s.read('ahjo-2');
    expect(after).toMatchObject({ id: 'ahjo-2', sourceId: 'ahjo-2', title: { fi: 'Päätös numero 2 korjattu' }, publishedAt: before.publishedAt });
    expect(after.updatedAt).not.toBe(before.updatedAt);
    expect((await s.list('?q=korjattu')).items.map((d) => d.id)).toEqual(['ahjo-2']);
    expect((await s.list('?q=tuulivoima')).items.map((d) => d.id).sort()).toEqual(['ahjo-1', 'ahjo-3']);
  });

  it('takes NDJSON, one record per line, blank lines and CRLF allowed, and writes one audit row per import', async () => {
    const s = await importSite();
    const lines = ['', JSON.stringify(record(1)), '  ', `${JSON.stringify(record(2))}\r`, JSON.stringify(record(3)), ''];
    expect(await s.importNdjson(lines)).toMatchObject({ created: 3, updated: 0, rejected: 0 });
    expect(await s.importNdjson(lines)).toMatchObject({ created: 0, updated: 3, rejected: 0 });
    expect(await s.count()).toBe(3);
    expect((await s.list(`?q=${encodeURIComponent('vindkraft')}`)).items).toHaveLength(3);
    const audit = (await (await call(`/api/v1/sites/${s.site}/audit?action=decision`, { token: s.owner })).json()) as { items: { action: string; detail: unknown }[] };
    expect(audit.items).toEqual([
      expect.objectContaining({ action: 'decision.import', detail: { format: 'ndjson', records: 3, created: 0, updated: 3, rejected: 0 } }),
      expect.objectContaining({ action: 'decision.import', detail: { format: 'ndjson', records: 3, created: 3, updated: 0, rejected: 0 } }),
    ]);
  });

  it('reports each bad line of a mixed file by number and reason, and stores and indexes every good one', async () => {
    const s = await importSite();
    // A decision published by hand, whose id a record of another source then claims.
    const taken = await call(`/api/v1/sites/${s.site}/decisions`, { method: 'POST', token: s.owner, json: { ...DECISION, id: 'varattu', sourceId: 'muu-lahde' } });
    expect(taken.status).toBe(201);
    const { sourceId: _, ...noSource } = record(9);
    const lines = [
      JSON.stringify(record(1)), // 1 good
      JSON.stringify(record(2, { outcome: 'maybe', meeting: { date: '17.11.2026' } })), // 2 invalid
      '{"sourceId": "ahjo-3", "title": ', // 3 not JSON
      '', // 4 blank: skipped, still counted
      JSON.stringify(noSource), // 5 no source id
      JSON.stringify(record(1, { title: { fi: 'Toinen versio' } })), // 6 repeats line 1's source id
      JSON.stringify(record(7, { id: 'varattu' })), // 7 the id of another source's decision
      JSON.stringify(record(8)), // 8 good
      JSON.stringify(record(10, { sourceId: '   ' })), // 9 a blank source id
      '[1, 2]', // 10 not a record
    ];
    const before = await s.count();
    const report = await s.importNdjson(lines);
    expect(report).toMatchObject({ created: 2, updated: 0, rejected: 7, errorsOmitted: 0 });
    const byLine = Object.fromEntries(report.errors.map((e) => [e.line, e]));
    expect(report.errors.map((e) => e.line)).toEqual([2, 3, 5, 6, 7, 9, 10]);
    expect(byLine[2]).toMatchObject({ sourceId: 'ahjo-2' });
    expect(byLine[2]!.issues.map((i) => i.path.join('.')).sort()).toEqual(['meeting.date', 'outcome']);
    expect(byLine[3]).toMatchObject({ sourceId: null, issues: [{ path: [], message: expect.stringMatching(/^This record is not valid JSON/) }] });
    expect(byLine[5]).toMatchObject({ sourceId: null, issues: [{ path: ['sourceId'], message: expect.stringContaining('sourceId') }] });
    expect(byLine[6]).toMatchObject({ sourceId: 'ahjo-1', issues: [{ path: ['sourceId'], message: expect.stringContaining('Line 1 already has the source id "ahjo-1"') }] });
    expect(byLine[7]).toMatchObject({ sourceId: 'ahjo-7', issues: [{ path: ['id'], message: expect.stringContaining('"varattu" is already another decision\'s') }] });
    expect(byLine[9]!.issues.map((i) => i.path)).toEqual([['sourceId']]);
    expect(byLine[10]).toMatchObject({ sourceId: null });

    expect(await s.count()).toBe(before + 2);
    expect((await s.list('?q=tuulivoimasta')).items.map((d) => d.id).sort()).toEqual(['ahjo-1', 'ahjo-8']);
    expect((await s.read('ahjo-1')).title).toEqual(record(1).title); // line 1's, not line 6's
    expect(await s.read('varattu')).toMatchObject({ sourceId: 'muu-lahde', title: DECISION.title });
  });

  it('numbers a JSON array\'s records by index + 1, cuts it correctly wherever its pieces break, and refuses a broken element alone', async () => {
    const s = await importSite();
    const tricky = record(1, { summary: { fi: 'Pilkku, hakasulku ] ja aaltosulku } ja "lainaus" \\ kenoviiva, ääkköset åäö' } });
    const text = `[ ${JSON.stringify(tricky)} ,\n{"broken": ]}, ${JSON.stringify(record(2))},${JSON.stringify(record(3, { topics: ['a', 'b'] }))} ,]`;
    // One byte at a time: every escape, bracket and multi-byte letter falls on a piece boundary somewhere.
    const response = await s.send(trickle(text, 1));
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report).toMatchObject({ created: 3, updated: 0, rejected: 1 });
    expect(report.errors).toEqual([{ line: 2, sourceId: null, issues: [{ path: [], message: expect.stringMatching(/^This record is not valid JSON/) }] }]);
    expect(await s.read('ahjo-1')).toMatchObject({ summary: tricky.summary });
    expect(await s.read('ahjo-3')).toMatchObject({ topics: ['a', 'b'] });
  });

  it('refuses, with 400 and nothing written, a body it cannot use', async () => {
    const s = await importSite();
    const before = await tableRowCounts(env.DB);
    const cases: [BodyInit, string, string][] = [
      ['', 'application/json', 'empty_import'],
      ['[]', 'application/json', 'empty_import'],
      ['\n\n  \n', 'application/x-ndjson', 'empty_import'],
      [JSON.stringify(record(1)), 'application/json', 'not_an_array'],
      [`[${JSON.stringify(record(1))}`, 'application/json', 'malformed_json'],
      [`[${JSON.stringify(record(1))}] x`, 'application/json', 'malformed_json'],
      [new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), 'application/json', 'invalid_encoding'],
      ['[{}, 1, "x", null]', 'application/json', 'nothing_imported'],
    ];
    for (const [body, type, code] of cases) {
      const response = await s.send(body, type);
      expect(response.status, `${code}: ${String(body).slice(0, 40)}`).toBe(400);
      expect((await errorOf(response)).code).toBe(code);
    }
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('answers 400 nothing_imported with every line\'s issues when no record could be stored', async () => {
    const s = await importSite();
    const response = await s.send([JSON.stringify(record(1, { outcome: 'maybe' })), 'ei json', '{}'].join('\n'), 'application/x-ndjson');
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('nothing_imported');
    expect(error.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['1.outcome', '2', '3.organ', '3.sourceId']));
    expect(await s.count()).toBe(0);
  });

  it('refuses more than 10,000 records with 400 before writing anything', async () => {
    const s = await importSite();
    const before = await tableRowCounts(env.DB);
    // Cheap records: the limit is on records, whatever they hold, and is checked while reading.
    for (const [body, type] of [
      [Array.from({ length: 10_001 }, () => '{}').join('\n'), 'application/x-ndjson'],
      [`[${Array.from({ length: 10_001 }, () => '{}').join(',')}]`, 'application/json'],
    ] as const) {
      const response = await s.send(body, type);
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 'too_many_records', message: expect.stringContaining('10,000') });
    }
    // A valid record before the excess is not written either.
    const response = await s.send([JSON.stringify(record(1)), ...Array.from({ length: 10_000 }, () => '{}')].join('\n'), 'application/x-ndjson');
    expect(response.status).toBe(400);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('lists the first 1,000 rejected records and counts the rest', async () => {
    const s = await importSite();
    const lines = [...Array.from({ length: 1005 }, () => '{}'), JSON.stringify(record(1))];
    const report = await s.importNdjson(lines);
    expect(report).toMatchObject({ created: 1, rejected: 1005, errorsOmitted: 5 });
    expect(report.errors).toHaveLength(1000);
    expect(report.errors.at(-1)!.line).toBe(1000);
  });

  it('imports 10,000 records in batches, a refused record in the middle keeping out only itself', async () => {
    const s = await importSite();
    await call(`/api/v1/sites/${s.site}/decisions`, { method: 'POST', token: s.owner, json: { ...DECISION, id: 'varattu' } });
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({
        sourceId: `m-${i}`,
        organ: COUNCIL,
        meeting: { date: `2026-${String((i % 12) + 1).padStart(2, '0')}-15` },
        title: { fi: `Massapäätös ${i}` },
        outcome: 'passed',
        ...(i === 4321 ? { id: 'varattu' } : {}),
      }),
    );
    const started = Date.now();
    const report = await s.importNdjson(lines);
    console.info(`10,000 records imported in ${Date.now() - started} ms`);
    expect(report).toMatchObject({ created: 9999, updated: 0, rejected: 1, errors: [{ line: 4322, sourceId: 'm-4321' }] });
    expect(await s.count()).toBe(10_000); // 9,999 and the one published by hand
    expect((await s.list('?q=massap%C3%A4%C3%A4t%C3%B6s%209999')).items).toHaveLength(1);
  }, 60_000);

  it('renders hostile Markdown in an imported body as harmless text', async () => {
    const s = await importSite();
    const hostile = '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))';
    await s.importJson([record(1, { body: { fi: `Alku\n\n${hostile}\n\nLoppu` } })]);
    const html = ((await s.read('ahjo-1')).bodyHtml as { fi: string }).fi;
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('Loppu');
  });
});

describe('the import\'s door', () => {
  it('is in the OpenAPI document with both media types', async () => {
    const doc = (await (await call('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: { items?: { $ref: string } } }> } } }>;
      components: { schemas: Record<string, unknown> };
    };
    const content = doc.paths['/api/v1/sites/{site}/decisions/import']!.post!.requestBody.content;
    expect(Object.keys(content)).toEqual(['application/json', 'application/x-ndjson']);
    expect(content['application/json']!.schema.items!.$ref).toBe('#/components/schemas/DecisionInput');
    expect(doc.components.schemas.DecisionInput).toBeDefined();
  });

  it('is for editors and owners only', async () => {
    const s = await importSite();
    const body = JSON.stringify([record(1)]);
    for (const role of ['viewer', 'moderator'] as const) {
      const response = await s.send(body, 'application/json', await createToken(s.site, role));
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('insufficient_role');
    }
    expect((await s.send(body, 'application/json', await createToken(s.site, 'editor'))).status).toBe(200);
    expect((await call(`/api/v1/sites/${s.site}/decisions/import`, { method: 'POST', json: [record(2)] })).status).toBe(401);
  });

  it('takes JSON or NDJSON only, and the larger body only here', async () => {
    const s = await importSite();
    for (const type of ['text/csv', 'text/plain', 'application/x-www-form-urlencoded']) {
      const response = await s.send(JSON.stringify([record(1)]), type);
      expect(response.status).toBe(415);
      expect((await errorOf(response)).code).toBe('unsupported_media_type');
    }
    // Every other write keeps its JSON-only, 64 KiB door.
    const publish = (body: string, type: string) => call(`/api/v1/sites/${s.site}/decisions`, { method: 'POST', token: s.owner, headers: { 'Content-Type': type }, body });
    expect((await publish(JSON.stringify(record(1)), 'application/x-ndjson')).status).toBe(415);
    expect((await publish(JSON.stringify(record(1, { body: { fi: 'x'.repeat(70_000) } })), 'application/json')).status).toBe(413);
    const patch = await call(`/api/v1/sites/${s.site}/decisions/import`, { method: 'PATCH', token: s.owner, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body: { fi: 'x'.repeat(70_000) } }) });
    expect(patch.status).toBe(413);
    // Here a body of 70 KB is fine.
    expect((await s.importJson([record(1, { body: { fi: 'x'.repeat(70_000) } })])).created).toBe(1);
  });

  it('stops reading at 32 MiB with 413, even when the body does not say its length, and writes nothing', async () => {
    const s = await importSite();
    const before = await tableRowCounts(env.DB);
    const line = `${JSON.stringify(record(1))}\n${' '.repeat(64 * 1024 - 1)}\n`;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 40 * 1024 * 1024) return controller.close();
        const chunk = new TextEncoder().encode(sent === 0 ? line : `${' '.repeat(64 * 1024 - 1)}\n`);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await s.send(body, 'application/x-ndjson');
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });
});

describe('the Ahjo sample (demo/decisions/ahjo-sample.json through scripts/lib/ahjo.ts)', () => {
  it('imports cleanly: languages merged, Markdown made from the HTML, outcomes read, secret attachments kept from the public', async () => {
    const s = await importSite();
    const records = ahjoToImport(ahjoRecords(ahjoSample));
    expect(records).toHaveLength(7); // 10 Ahjo records, three of them Swedish versions
    const response = await s.send(toNdjson(records), 'application/x-ndjson');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ created: 7, updated: 0, rejected: 0, errors: [], errorsOmitted: 0 });

    const council = await s.read('kaupunginvaltuusto-2026-03-16-23');
    expect(council).toMatchObject({
      sourceId: '{3F2A9C10-5B7E-4D21-9A0C-1E6B7D2F4A01}',
      organ: { id: 'kaupunginvaltuusto', name: { fi: 'Kaupunginvaltuusto', sv: 'Stadsfullmäktige' } },
      meeting: { id: 'KOI00100202603', date: '2026-03-16' },
      section: '23',
      caseId: 'KOI 2025-004417',
      title: { fi: 'Koivulahden kouluverkkoselvityksen hyväksyminen', sv: 'Godkännande av skolnätsutredningen i Björkvik' },
      outcome: 'passed',
      languages: ['fi', 'sv'],
      publishedAt: '2026-03-20T10:00:00.000Z', // 12:00 in Helsinki, winter time
      sourceUrl: 'https://paatokset.koivulahti.example/fi/asia/koi-2025-004417',
    });
    const html = (council.bodyHtml as { fi: string }).fi;
    expect(html).toContain('<h3>Päätös</h3>');
    expect(html).toContain('<li>rakennusten kuntoa ja sisäilmaa sekä</li>');
    expect(html).toContain('<a href="https://osallistu.koivulahti.example/kouluverkko" rel="noopener noreferrer">verkkokyselyssä</a>');
    expect(html).not.toContain('Asiapykala');
    expect((council.summary as { fi: string }).fi).toMatch(/^Kaupunginvaltuusto päätti hyväksyä/);

    const outcomes = Object.fromEntries(records.map((r) => [r.id, r.outcome]));
    expect(outcomes).toEqual({
      'kaupunginvaltuusto-2026-03-16-23': 'passed',
      'kaupunginvaltuusto-2026-03-16-24': 'voted',
      'kaupunkiymparistolautakunta-2026-03-10-112': 'tabled',
      'kasvatus-ja-koulutuslautakunta-2026-02-24-15': 'passed_amended',
      'kaupunkiymparistolautakunta-2026-03-10-113': 'returned',
      'liikuntapalvelupaallikko-2026-04-02-7': 'passed',
      'kaupunginhallitus-2026-03-09-88': 'rejected',
    });
    // An officeholder's decision has no meeting; its time is summer time.
    expect(await s.read('liikuntapalvelupaallikko-2026-04-02-7')).toMatchObject({ meeting: { id: null, date: '2026-04-02' }, publishedAt: '2026-04-03T06:00:00.000Z' });
    // "Ei julkinen" is for officials; a secret attachment without an address is left out.
    const zoning = `/api/v1/sites/${s.site}/decisions/kaupunkiymparistolautakunta-2026-03-10-112`;
    expect(((await (await call(zoning)).json()) as { attachments: unknown[] }).attachments).toHaveLength(2);
    expect(((await (await call(zoning, { token: s.owner })).json()) as { attachments: unknown[] }).attachments).toHaveLength(3);

    expect((await s.list(`?q=${encodeURIComponent('skolnät')}`)).items.map((d) => d.id)).toEqual(['kaupunginvaltuusto-2026-03-16-23']);
    expect((await s.list(`?topic=${encodeURIComponent('pyöräily')}`)).items.map((d) => d.id)).toEqual(['kaupunkiymparistolautakunta-2026-03-10-113']);
    expect((await s.list('?organ=kaupunkiymparistolautakunta')).items).toHaveLength(2);

    // The next export, imported again, updates the same decisions.
    const again = await s.send(toNdjson(ahjoToImport(ahjoRecords(ahjoSample))), 'application/x-ndjson');
    expect(await again.json()).toMatchObject({ created: 0, updated: 7, rejected: 0 });
    expect(await s.count()).toBe(7);
  });
});
