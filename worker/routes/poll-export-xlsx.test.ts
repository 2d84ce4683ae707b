import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TURNSTILE_TEST_SECRET } from '../../test/support/fake-turnstile.ts';
import { call, castBallot, createPoll, createSite, createToken, errorOf, newVoter } from '../../test/workers/helpers.ts';
import { readXlsx, serialText, values, workbookOf } from '../../test/workers/xlsx.ts';
import type { XlsxSheet, XlsxWorkbook } from '../../test/workers/xlsx.ts';
import { deliverBallots } from '../../test/workers/poll-counter.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HYPERLINK = '=HYPERLINK("http://evil.example","klikkaa")';

/**
 * A multiple-choice poll with hostile labels, three ballots (one changed), and fixed times on the
 * first ballot and on the change: winter and summer time.
 */
async function pollWithBallots(siteOverrides: Parameters<typeof createSite>[0] = {}) {
  const { site, owner } = await createSite(siteOverrides);
  const id = await createPoll(site.id, owner, {
    kind: 'multiple',
    maxChoices: 2,
    caseId: 'KOI 2026-000123',
    question: { fi: 'Mitä kunnostetaan ensin?', sv: 'Vad ska rustas upp först?' },
    options: [
      { id: 'a', label: { fi: 'Pyörätiet; talvella', sv: 'Cykelvägar' } },
      { id: 'b', label: { fi: HYPERLINK, sv: '+1+1' } },
      { id: 'c', label: { fi: 'Jalkakäytävät "keskustassa"', sv: '#N/A' } },
    ],
    allowChange: true,
    resultsVisibility: 'after_vote',
    opensAt: '2026-01-01T10:00:00Z',
    closesAt: '2030-06-01T09:00:00Z',
  });
  const changer = newVoter();
  await castBallot(site.id, id, { choices: ['a'] }, { voter: newVoter() });
  await castBallot(site.id, id, { choices: ['c'] }, { voter: changer });
  await castBallot(site.id, id, { choices: ['a', 'b'] }, { voter: newVoter() });
  const changed = await castBallot(site.id, id, { choices: ['a', 'b'] }, { voter: changer });
  if (changed.status !== 200) throw new Error(`change: ${changed.status} ${await changed.text()}`);
  await deliverBallots(site.id, id);
  const rows = (await env.DB.prepare('SELECT id FROM ballots WHERE site_id = ?1 AND poll_id = ?2 ORDER BY id').bind(site.id, id).all<{ id: number }>()).results;
  await env.DB.batch([
    env.DB.prepare('UPDATE ballots SET cast_at = ?2 WHERE id = ?1').bind(rows[0]!.id, '2026-01-15T10:00:00.000Z'),
    env.DB.prepare('UPDATE ballots SET changed_at = ?2 WHERE id = ?1').bind(rows[1]!.id, '2026-07-15T10:00:00.750Z'),
  ]);
  return { site: site.id, owner, id };
}

const exportOf = (site: string, id: string, token: string, query = '') => call(`/api/v1/sites/${site}/polls/${id}/export${query}`, { token });

/** The methodology sheet as item → its cell. */
const itemsOf = (sheet: XlsxSheet) => new Map(sheet.rows.slice(1).map((row) => [row[0]!.value as string, row[1]]));

/** Every cell of every sheet: not one formula anywhere, and every part of the file said so too. */
function expectNoFormulas(book: XlsxWorkbook) {
  for (const sheet of book.sheets) {
    expect(sheet.xml).not.toMatch(/<f[ >]/);
    for (const row of sheet.rows) for (const cell of row) expect(cell?.formula, `${sheet.name} ${cell?.ref}`).toBeUndefined();
  }
}

describe('poll export: XLSX', () => {
  it('is a workbook of results, data and methodology with Finnish headings, real numbers and dates, and text that stays text', async () => {
    const { site, owner, id } = await pollWithBallots();
    const response = await exportOf(site, id, owner, '?format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(XLSX);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="${site}-${id}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"$`));
    // Streamed as it is zipped: no length up front.
    expect(response.headers.get('Content-Length')).toBeNull();
    const book = readXlsx(new Uint8Array(await response.arrayBuffer()));
    expect(book.sheets.map((s) => s.name)).toEqual(['Tulokset', 'Aineisto', 'Menetelmä']);
    expect(book.title).toBe(`${id}: Mitä kunnostetaan ensin?`);
    expectNoFormulas(book);

    // Results: each option's votes (a number) and share (a number shown as a percentage), the total.
    const results = book.sheet('Tulokset');
    expect(values(results.rows[0])).toEqual(['Vaihtoehto', 'Tunnus', 'Ääniä', 'Osuus (%)']);
    expect(results.rows.slice(1).map(values)).toEqual([
      ['Pyörätiet; talvella', 'a', 3, 1],
      [HYPERLINK, 'b', 2, 2 / 3],
      ['Jalkakäytävät "keskustassa"', 'c', 0, 0],
      ['Vastauksia yhteensä', null, 3], // an empty cell is not written
    ]);
    const [hostile, , votes, share] = results.rows[2]!;
    expect([hostile!.type, hostile!.numFmt]).toEqual(['inlineStr', '@']); // a string, Text format: never a formula
    expect([votes!.type, share!.type, share!.numFmt]).toEqual(['n', 'n', '0.0%']);
    expect(results.frozenRows).toBe(1);

    // Data: the CSV's columns and content, with numbers and dates as such.
    const data = book.sheet('Aineisto');
    expect(values(data.rows[0])).toEqual(['Nro', 'Annettu (Suomen aikaa)', 'Muutettu (Suomen aikaa)', 'Valinnat']);
    expect(data.frozenRows).toBe(1);
    expect(data.autoFilter).toBe('A1:D4');
    const ballots = data.rows.slice(1);
    expect(ballots.map((row) => row[0]!.value)).toEqual([1, 2, 3]);
    expect(ballots.every((row) => row[0]!.type === 'n' && row[1]!.isDate)).toBe(true);
    expect(serialText(ballots[0]![1]!.value as number)).toBe('2026-01-15 12:00:00'); // winter: UTC+2
    expect(ballots[0]![2]?.value ?? null).toBeNull();
    expect(ballots[1]![2]!.isDate).toBe(true);
    expect(serialText(ballots[1]![2]!.value as number)).toBe('2026-07-15 13:00:00'); // summer: UTC+3, whole seconds
    expect(ballots.map((row) => row[3]!.value)).toEqual(['Pyörätiet; talvella', `Pyörätiet; talvella | ${HYPERLINK}`, `Pyörätiet; talvella | ${HYPERLINK}`]);
    expect(ballots.map((row) => row[3]!.type)).toEqual(['inlineStr', 'inlineStr', 'inlineStr']);

    // The same ballots as the CSV has them, cell for cell (its times are text, its formulas neutralised).
    const csv = (await (await exportOf(site, id, owner)).text()).split('\r\n');
    const csvBallots = csv.slice(csv.indexOf('Nro;Annettu (Suomen aikaa);Muutettu (Suomen aikaa);Valinnat') + 1).filter(Boolean);
    expect(csvBallots).toHaveLength(ballots.length);
    for (const [i, line] of csvBallots.entries()) {
      const [n, cast, changed] = line.split(';');
      const row = ballots[i]!;
      expect([String(row[0]!.value), serialText(row[1]!.value as number), row[2]?.value == null ? '' : serialText(row[2].value as number)]).toEqual([n, cast, changed]);
    }

    // Methodology: what was asked, when, how voters were counted, who sees results, changes.
    const about = book.sheet('Menetelmä');
    expect(values(about.rows[0])).toEqual(['Kohta', 'Selitys']);
    const items = itemsOf(about);
    expect(items.get('Kysely')!.value).toBe(id);
    expect(items.get('Kysymys')!.value).toBe('Mitä kunnostetaan ensin?');
    expect(items.get('Kysymystyyppi')!.value).toBe('Monivalinta: 1–2 valintaa');
    expect([items.get('Vaihtoehto a')!.value, items.get('Vaihtoehto b')!.value, items.get('Vaihtoehto c')!.value]).toEqual(['Pyörätiet; talvella', HYPERLINK, 'Jalkakäytävät "keskustassa"']);
    expect(items.get('Vaihtoehto b')!.type).toBe('inlineStr');
    expect(items.get('Tila')!.value).toBe('avoinna');
    expect(items.get('Diaarinumero')!.value).toBe('KOI 2026-000123');
    const opens = items.get('Avautuu (Suomen aikaa)')!;
    const closes = items.get('Sulkeutuu (Suomen aikaa)')!;
    expect([opens.isDate, serialText(opens.value as number)]).toEqual([true, '2026-01-01 12:00:00']);
    expect([closes.isDate, serialText(closes.value as number)]).toEqual([true, '2030-06-01 12:00:00']);
    expect(items.get('Luotu (Suomen aikaa)')!.isDate).toBe(true);
    const exported = items.get('Viety (Suomen aikaa)')!;
    expect(exported.isDate).toBe(true);
    const hoursAhead = ((exported.value as number) - 25_569) * 24 - Date.now() / 3_600_000;
    expect(Math.round(hoursAhead)).toBeGreaterThanOrEqual(2);
    expect(Math.round(hoursAhead)).toBeLessThanOrEqual(3);
    expect(items.get('Ajat')!.value).toBe('Suomen aikaa (Europe/Helsinki), sekunnin tarkkuudella');
    expect([items.get('Vastauksia')!.type, items.get('Vastauksia')!.value]).toEqual(['n', 3]);
    expect(items.get('Vastaajien laskeminen')!.value).toMatch(/^Nimetön: .*satunnaiseen vastaajatunnukseen.*suolatun tiivisteen ja hyväksyy yhden vastauksen tunnusta kohden.*verkko-osoitetta kohden.*eivät henkilöt/);
    expect(items.get('Tulosten näkyvyys')!.value).toBe('Asukas näkee tulokset vastattuaan; kaikki näkevät ne kyselyn sulkeuduttua.');
    expect(items.get('Vastauksen muuttaminen')!.value).toMatch(/^Sallittu: .*viimeisin versio ja sen muutosaika\.$/);
    expect(items.get('Osuus')!.value).toMatch(/osuuksien summa voi ylittää 100 %/);
    expect(items.get('Aineiston rivit')!.value).toMatch(/Vastaajasta tiedostossa ei ole mitään\.$/);
    expect(items.get('Sinetöity tulos')!.value).toBe('Tulosta ei ole vielä sinetöity: se sinetöidään ja allekirjoitetaan, kun kysely on sulkeutunut (viimeistään tunnin kuluessa).');
    // Nothing about the voter anywhere in the file.
    for (const sheet of book.sheets) expect(sheet.xml).not.toMatch(/voter|hash|token:/i);
  });

  it('cites a closed poll\'s signed result statement, its signature and key, and where anyone can check it (issue 17)', async () => {
    const { site, owner, id } = await pollWithBallots();
    expect((await call(`/api/v1/sites/${site}/polls/${id}`, { method: 'PATCH', token: owner, json: { status: 'closed' } })).status).toBe(200);
    const seal = (await (await call(`/api/v1/sites/${site}/polls/${id}/seal`)).json()) as { statement: string; signature: string; key: { id: string; publicKey: string } };
    for (const [lang, sheet, items] of [
      ['fi', 'Menetelmä', ['Sinetöity tulos', 'Tuloslausuma (allekirjoitetut tavut)', 'Allekirjoitus (Ed25519, base64url)', 'Julkinen avain (base64url)', 'Tarkistaminen']],
      ['sv', 'Metod', ['Förseglat resultat', 'Resultatutlåtande (de undertecknade byten)', 'Signatur (Ed25519, base64url)', 'Offentlig nyckel (base64url)', 'Kontroll']],
    ] as const) {
      const book = await workbookOf(await exportOf(site, id, owner, `?format=xlsx&lang=${lang}`));
      const about = itemsOf(book.sheet(sheet));
      const [sealed, statement, signature, publicKey, verify] = items.map((item) => about.get(item)?.value);
      expect(sealed).toContain(seal.key.id);
      // The statement exactly as signed: a reader can check the signature over this cell.
      expect(statement).toBe(seal.statement);
      expect(signature).toBe(seal.signature);
      expect(publicKey).toBe(seal.key.publicKey);
      expect(verify).toContain(`/embed/v1/frame/verify/${id}?site=${site}&lang=${lang}`);
      expect(verify).toContain('npm run verify -- ');
    }
  });

  it('speaks Swedish with lang=sv or on a Swedish site, and keeps "+1+1" and "#N/A" as the text they are', async () => {
    const { site, owner, id } = await pollWithBallots();
    const book = await workbookOf(await exportOf(site, id, owner, '?format=xlsx&lang=sv'));
    expect(book.sheets.map((s) => s.name)).toEqual(['Resultat', 'Data', 'Metod']);
    const results = book.sheet('Resultat');
    expect(values(results.rows[0])).toEqual(['Alternativ', 'Kod', 'Röster', 'Andel (%)']);
    expect(results.rows.slice(1).map((row) => row[0]!.value)).toEqual(['Cykelvägar', '+1+1', '#N/A', 'Svar totalt']);
    const [plus, notAvailable] = [results.rows[2]![0]!, results.rows[3]![0]!];
    expect([plus.type, plus.numFmt]).toEqual(['inlineStr', '@']);
    // "#N/A" is text a resident may type, not an error cell.
    expect([notAvailable.type, notAvailable.numFmt]).toEqual(['inlineStr', '@']);
    expect(values(book.sheet('Data').rows[0])).toEqual(['Nr', 'Given (finsk tid)', 'Ändrad (finsk tid)', 'Val']);
    expect(book.sheet('Data').rows[2]![3]!.value).toBe('Cykelvägar | +1+1');
    const items = itemsOf(book.sheet('Metod'));
    expect(values(book.sheet('Metod').rows[0])).toEqual(['Uppgift', 'Förklaring']);
    expect(items.get('Fråga')!.value).toBe('Vad ska rustas upp först?');
    expect(items.get('Frågetyp')!.value).toBe('Flerval: 1–2 val');
    expect(items.get('Hur svarande räknas')!.value).toMatch(/^Anonym: .*ett svar per kod/);
    expect(items.get('Ändra sitt svar')!.value).toMatch(/^Tillåtet/);
    expect(items.get('Öppnas (finsk tid)')!.isDate).toBe(true);
    expectNoFormulas(book);

    // Without lang, the site's default language decides, as for the CSV.
    const swedish = await pollWithBallots({ defaultLang: 'sv', languages: ['sv', 'fi'], name: { sv: 'Testkommun' } });
    const sv = await workbookOf(await exportOf(swedish.site, swedish.id, swedish.owner, '?format=xlsx'));
    expect(sv.sheets.map((s) => s.name)).toEqual(['Resultat', 'Data', 'Metod']);
    const en = await workbookOf(await exportOf(swedish.site, swedish.id, swedish.owner, '?format=xlsx&lang=en'));
    expect(en.sheets.map((s) => s.name)).toEqual(['Results', 'Data', 'Methodology']);
    expect(values(en.sheet('Results').rows[0])).toEqual(['Option', 'Id', 'Votes', 'Share (%)']);
  });

  it('writes a scale poll\'s values as numbers, and says how signed and checked polls counted voters', async () => {
    const { site, owner } = await createSite();
    const scale = await createPoll(site.id, owner, {
      kind: 'scale',
      options: undefined,
      scale: { min: 1, max: 5, minLabel: { fi: 'Ei lainkaan tärkeä' }, maxLabel: { fi: 'Erittäin tärkeä' } },
      resultsVisibility: 'never',
    });
    for (const value of [4, 5, 4]) expect((await castBallot(site.id, scale, { value }, { voter: newVoter() })).status).toBe(201);
    const book = await workbookOf(await exportOf(site.id, scale, owner, '?format=xlsx'));
    expect(book.sheet('Tulokset').rows.slice(1).map(values)).toEqual([
      [1, '1', 0, 0],
      [2, '2', 0, 0],
      [3, '3', 0, 0],
      [4, '4', 2, 2 / 3],
      [5, '5', 1, 1 / 3],
      ['Vastauksia yhteensä', null, 3],
    ]);
    const data = book.sheet('Aineisto').rows.slice(1);
    expect(data.map((row) => [row[3]!.type, row[3]!.value])).toEqual([['n', 4], ['n', 5], ['n', 4]]);
    const items = itemsOf(book.sheet('Menetelmä'));
    expect(items.get('Kysymystyyppi')!.value).toBe('Asteikko 1–5');
    expect(book.sheet('Menetelmä').rows.filter((row) => row[0]?.value === 'Asteikon pää').map((row) => row[1]!.value)).toEqual(['1 = Ei lainkaan tärkeä', '5 = Erittäin tärkeä']);
    expect(items.get('Tulosten näkyvyys')!.value).toBe('Tulokset näkyvät vain viranhaltijoille.');
    expect(items.get('Vastauksen muuttaminen')!.value).toBe('Ei sallittu: annettua vastausta ei voinut muuttaa.');
    expect(items.get('Osuus')!.value).toBe('Vaihtoehdon äänet jaettuna vastausten määrällä.');
    expect(items.get('Avautuu (Suomen aikaa)')!.value).toBe('ei aikaa: avoinna, kun tila on avoin');

    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const { x, y } = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
    const keys = await call(`/api/v1/sites/${site.id}/settings`, {
      method: 'PATCH',
      token: owner,
      json: { voterKeys: [{ kty: 'EC', crv: 'P-256', x, y, kid: 'host', alg: 'ES256' }], challengeSiteKey: 'k', challengeSecret: TURNSTILE_TEST_SECRET },
    });
    expect(keys.status).toBe(200);
    const signed = await createPoll(site.id, owner, { voterMode: 'signed', status: 'draft' });
    const signedItems = itemsOf((await workbookOf(await exportOf(site.id, signed, owner, '?format=xlsx&lang=en'))).sheet('Methodology'));
    expect(signedItems.get('How voters were counted')!.value).toMatch(/^Signed in: .*short-lived statement \(JWT\).*one ballot per resident/);
    expect(signedItems.get('Status')!.value).toBe('draft');
    expect(signedItems.get('Ballots')!.value).toBe(0);
    const checked = await createPoll(site.id, owner, { voterMode: 'challenge' });
    const checkedItems = itemsOf((await workbookOf(await exportOf(site.id, checked, owner, '?format=xlsx'))).sheet('Menetelmä'));
    expect(checkedItems.get('Vastaajien laskeminen')!.value).toMatch(/Cloudflare Turnstile -tarkistus/);
  });

  it('is for viewers too, and answers a poll with more ballots than an Excel sheet holds with 422 pointing to CSV and NDJSON', async () => {
    const { site, id } = await pollWithBallots();
    const viewer = await createToken(site, 'viewer');
    const book = await workbookOf(await exportOf(site, id, viewer, '?format=xlsx'));
    expect(book.sheet('Aineisto').rows).toHaveLength(4);
    expect((await call(`/api/v1/sites/${site}/polls/${id}/export?format=xlsx`)).status).toBe(401);

    // As if 1,048,575 ballots had been cast: exactly what a sheet holds under its heading.
    const count = (n: number) => env.DB.prepare('UPDATE polls SET ballot_count = ?3 WHERE site_id = ?1 AND id = ?2').bind(site, id, n).run();
    await count(1_048_575);
    expect((await exportOf(site, id, viewer, '?format=xlsx')).status).toBe(200);
    // One more: refused before a single ballot is read.
    await count(1_048_576);
    const refused = await exportOf(site, id, viewer, '?format=xlsx');
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.code).toBe('xlsx_too_large');
    expect(error.message).toMatch(/^Poll ".+" has 1,048,576 rows, more than the 1,048,575 an Excel sheet holds under its heading/);
    expect(error.message).toMatch(/format=csv .*format=ndjson/);
    expect((await exportOf(site, id, viewer, '?format=csv')).status).toBe(200);
  });

  it('is listed in the OpenAPI document, with its content type and its 422', async () => {
    const doc = (await (await call('/api/openapi.json')).json()) as { paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[]; responses: Record<string, { content?: Record<string, unknown> }> } }> };
    for (const path of ['/api/v1/sites/{site}/polls/{poll}/export', '/api/v1/sites/{site}/forms/{form}/export']) {
      const get = doc.paths[path]!.get;
      expect(get.parameters.find((p) => p.name === 'format')!.schema.enum).toEqual(['csv', 'xlsx', 'json', 'ndjson']);
      expect(Object.keys(get.responses['200']!.content!)).toContain(XLSX);
      expect(Object.keys(get.responses['422']!.content!)).toEqual(['application/json']);
    }
  });
});
