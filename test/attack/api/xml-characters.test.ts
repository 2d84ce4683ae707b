/**
 * Every character XML 1.0 forbids, typed into every text field by residents and officials, must
 * leave every XML file we write well-formed: each part of the poll and form workbooks, the Atom
 * feed, and Open311's XML. Lone surrogates are refused at the door (400, nothing stored); those
 * already in the database from before that check are dropped on the way out.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { insertSiteStatement } from '../../../worker/db/sites.ts';
import { call, createToken, errorOf } from '../../workers/helpers.ts';
import { parseXml } from '../../workers/xml.ts';
import type { XmlNode } from '../../workers/xml.ts';
import { readXlsx } from '../../workers/xlsx.ts';
import type { XlsxWorkbook } from '../../workers/xlsx.ts';

/** U+0000–U+001F (tab, LF and CR are allowed and stay), U+FFFE and U+FFFF, around real words. */
const FORBIDDEN = `${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}\uFFFE\uFFFF`;
const nasty = (word: string) => `${word}${FORBIDDEN}loppu`;
const LONE = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83D', '\uDE00b'];

const text = (word: string) => ({ fi: nasty(`${word}-fi`), sv: nasty(`${word}-sv`), en: nasty(`${word}-en`) });
const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}`;

async function ok(response: Response, status = 201): Promise<Record<string, unknown>> {
  if (response.status !== status) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** All text of an element tree, in document order. */
const allText = (node: XmlNode): string => node.text + node.children.map(allText).join('');

async function siteWithEverything() {
  const id = `x-${crypto.randomUUID().slice(0, 8)}`;
  await env.DB.batch([insertSiteStatement(env.DB, { id, name: text('kunta'), defaultLang: 'fi', languages: ['fi', 'sv', 'en'], origins: ['https://www.example.fi'] }, new Date().toISOString())]);
  const owner = await createToken(id, 'owner');
  const api = `/api/v1/sites/${id}`;
  await ok(
    await call(`${api}/forms`, {
      method: 'POST',
      token: owner,
      json: {
        id: 'palaute',
        title: text('otsikko'),
        intro: text('johdanto'),
        privacy: text('tietosuoja'),
        fields: [
          { key: 'viesti', type: 'longText', label: text('viesti'), help: text('ohje'), required: true },
          { key: 'nimi', type: 'shortText', label: text('nimi') },
          { key: 'aihe', type: 'choice', label: text('aihe'), options: [{ id: 'kadut', label: text('kadut') }, { id: 'puistot', label: text('puistot') }] },
          { key: 'paikka', type: 'location', label: text('paikka') },
        ],
        categories: [{ id: 'valot', label: text('valot') }],
        status: 'open',
      },
    }),
  );
  const { ref } = (await ok(
    await call(`${api}/forms/palaute/submissions`, {
      method: 'POST',
      headers: { 'CF-Connecting-IP': ip() },
      json: { answers: { viesti: nasty('viesti'), nimi: nasty('nimi'), aihe: 'kadut', paikka: { address: nasty('osoite'), lat: 60.2, long: 24.9 } }, category: 'valot' },
    }),
  )) as { ref: string };
  await ok(await call(`${api}/submissions/${ref}`, { method: 'PATCH', token: owner, json: { status: 'answered', reply: { body: nasty('vastaus'), public: true } } }), 200);
  await ok(
    await call(`${api}/polls`, {
      method: 'POST',
      token: owner,
      json: { id: 'kysely', kind: 'single', question: text('kysymys'), options: [{ id: 'a', label: text('vaihtoehto') }, { id: 'b', label: text('toinen') }], resultsVisibility: 'always', status: 'open' },
    }),
  );
  await ok(await call(`${api}/polls/kysely/ballots`, { method: 'POST', headers: { 'X-Voter-Token': crypto.randomUUID(), 'CF-Connecting-IP': ip() }, json: { choices: ['a'] } }));
  await ok(
    await call(`${api}/decisions`, {
      method: 'POST',
      token: owner,
      json: {
        sourceId: 'x-1',
        organ: { id: 'valtuusto', name: text('valtuusto') },
        meeting: { date: '2026-11-10' },
        section: '12',
        caseId: 'HEL 2026-000001',
        title: text('paatos'),
        summary: text('tiivistelma'),
        body: text('runko'),
        outcome: 'passed',
      },
    }),
  );
  return { id, owner, api, ref };
}

/**
 * Every XML output of the site, each parsed strictly (a failure names the part): the XML of each,
 * and the text a reader gets from them (cell values, element text).
 */
async function everyXmlOutput(site: { id: string; owner: string; api: string; ref: string }): Promise<{ parts: Map<string, string>; texts: string[] }> {
  const parts = new Map<string, string>();
  const texts: string[] = [];
  const workbook = async (path: string): Promise<XlsxWorkbook> => {
    const response = await call(path, { token: site.owner });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return readXlsx(new Uint8Array(await response.arrayBuffer()));
  };
  for (const [name, path] of [
    ['form workbook', `${site.api}/forms/palaute/export?format=xlsx&lang=fi`],
    ['poll workbook', `${site.api}/polls/kysely/export?format=xlsx&lang=sv`],
  ] as const) {
    // readXlsx parses every part of the zip strictly and throws on the first that is not well-formed.
    const book = await workbook(path);
    for (const sheet of book.sheets) {
      parts.set(`${name}: ${sheet.name}`, sheet.xml);
      for (const row of sheet.rows) for (const cell of row) if (typeof cell?.value === 'string') texts.push(cell.value);
    }
    texts.push(book.title ?? '');
  }
  for (const [name, path] of [
    ['Atom feed', `${site.api}/decisions.atom?lang=fi`],
    ['Open311 services', `/open311/v2/${site.id}/services.xml`],
    ['Open311 service', `/open311/v2/${site.id}/services/palaute.xml`],
    ['Open311 request', `/open311/v2/${site.id}/requests/${site.ref}.xml`],
  ] as const) {
    const response = await call(path, { headers: { 'CF-Connecting-IP': ip() } });
    if (response.status !== 200) throw new Error(`${name}: ${response.status} ${await response.text()}`);
    const xml = await response.text();
    texts.push(allText(parseXml(xml)));
    parts.set(name, xml);
  }
  return { parts, texts };
}

describe('characters XML 1.0 forbids', () => {
  it('are taken in every text field and leave every XML part well-formed, the words around them kept', async () => {
    const site = await siteWithEverything();
    const { parts, texts } = await everyXmlOutput(site);
    expect(parts.size).toBeGreaterThanOrEqual(9);
    const everything = texts.join('\n');
    // The text made it into the files, minus what XML cannot carry (control characters may stay:
    // XML carries tab, LF and CR, and OOXML's "_x0007_" the rest, which a reader decodes).
    for (const word of ['viesti', 'nimi', 'osoite', 'vastaus', 'otsikko-fi', 'viesti-fi', 'kysymys-sv', 'vaihtoehto-sv', 'paatos-fi', 'tiivistelma-fi', 'valtuusto-fi']) {
      expect(everything, word).toMatch(new RegExp(`${word}[\\u0000-\\u001F ]*loppu`));
    }
    for (const [name, xml] of parts) {
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(xml.isWellFormed(), name).toBe(true);
    }
    console.log(`XML parts parsed strictly with U+0000–U+001F, U+FFFE and U+FFFF in every text field: ${parts.size} (${[...parts.keys()].join(', ')})`);
  });

  it('refuses lone surrogates at the door with a 400 naming the field, and stores nothing', async () => {
    const site = await siteWithEverything();
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM submissions WHERE site_id = ?1').bind(site.id).first<{ n: number }>();
    for (const lone of LONE) {
      const response = await call(`${site.api}/forms/palaute/submissions`, { method: 'POST', headers: { 'CF-Connecting-IP': ip() }, json: { answers: { viesti: `ok ${lone}` } } });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'validation_failed', issues: [{ path: ['answers', 'viesti'], code: 'invalid_text' }] });
    }
    const poll = await call(`${site.api}/polls`, { method: 'POST', token: site.owner, json: { id: 'toinen', kind: 'single', question: { fi: 'Kysymys \uD800' }, options: [{ id: 'a', label: { fi: 'A' } }, { id: 'b', label: { fi: 'B' } }] } });
    expect(poll.status).toBe(400);
    expect((await errorOf(poll)).issues?.[0]?.path).toEqual(['question', 'fi']);
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM submissions WHERE site_id = ?1').bind(site.id).first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    expect((await call(`${site.api}/polls/toinen`)).status).toBe(404);
  });

  it('in text stored before the door refused them, are dropped from every XML part', async () => {
    const site = await siteWithEverything();
    // As a database from before this check may hold them: JSON.stringify writes a lone surrogate as "\ud800".
    const answers = JSON.stringify({ viesti: 'vanha\uD800viesti', nimi: '\uDC00nimi' });
    await env.DB.prepare('UPDATE submissions SET answers = ?1 WHERE site_id = ?2 AND ref = ?3').bind(answers, site.id, site.ref).run();
    const form = await env.DB.prepare('SELECT definition FROM forms WHERE site_id = ?1 AND id = ?2').bind(site.id, 'palaute').first<{ definition: string }>();
    const definition = JSON.parse(form!.definition) as { title: Record<string, string> };
    definition.title.fi = 'Vanha\uDBFFotsikko';
    await env.DB.prepare('UPDATE forms SET definition = ?1 WHERE site_id = ?2 AND id = ?3').bind(JSON.stringify(definition), site.id, 'palaute').run();
    const { parts, texts } = await everyXmlOutput(site);
    const everything = texts.join('\n');
    expect(everything).toContain('vanhaviesti');
    expect(everything).toContain('Vanhaotsikko');
    for (const [name, xml] of parts) expect(xml.isWellFormed(), name).toBe(true);
  });
});
