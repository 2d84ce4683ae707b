import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { insertReplyStatement, insertSubmissionStatement } from '../db/forms.ts';
import { tableRowCounts } from '../db/introspection.ts';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';

const FORM = {
  id: 'palaute',
  title: { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' },
  fields: [
    { key: 'name', type: 'shortText', label: { fi: 'Nimimerkki', sv: 'Signatur', en: 'Nickname' } },
    { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande', en: 'Message' }, required: true },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti', sv: 'E-post', en: 'Email' } },
    { key: 'topic', type: 'choice', label: { fi: 'Kohde', sv: 'Objekt' }, options: [{ id: 'streets', label: { fi: 'Kadut', sv: 'Gator' } }, { id: 'parks', label: { fi: 'Puistot', sv: 'Parker' } }] },
    { key: 'days', type: 'multiChoice', label: { fi: 'Päivät', sv: 'Dagar' }, options: [{ id: 'mon', label: { fi: 'ma', sv: 'må' } }, { id: 'tue', label: { fi: 'ti', sv: 'ti' } }] },
    { key: 'phone', type: 'phone', label: { fi: 'Puhelin', sv: 'Telefon' } },
    { key: 'place', type: 'location', label: { fi: 'Paikka', sv: 'Plats' } },
    { key: 'publish', type: 'consent', label: { fi: 'Saa julkaista', sv: 'Får publiceras' } },
  ],
  categories: [{ id: 'street-lights', label: { fi: 'Katuvalot', sv: 'Gatubelysning' } }],
  status: 'open',
};

const HEADINGS_FI = ['Viitetunnus', 'Vastaanotettu (Suomen aikaa)', 'Päivitetty (Suomen aikaa)', 'Tila', 'Aihe', 'Koskee', 'Nimimerkki', 'Viesti', 'Kohde', 'Päivät', 'Paikka', 'Saa julkaista'];
const CONTACT_FI = ['Sähköposti', 'Puhelin'];

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}`;

async function submit(site: string, body: Record<string, unknown>, form = 'palaute'): Promise<string> {
  const response = await call(`/api/v1/sites/${site}/forms/${form}/submissions`, { method: 'POST', json: body, headers: { 'CF-Connecting-IP': ip() } });
  if (response.status !== 201) throw new Error(`submit: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { ref: string }).ref;
}

async function moderate(site: string, token: string, ref: string, change: Record<string, unknown>) {
  const response = await call(`/api/v1/sites/${site}/submissions/${ref}`, { method: 'PATCH', token, json: change });
  if (response.status !== 200) throw new Error(`moderate: ${response.status} ${await response.text()}`);
}

const textOf = async (response: Response) => new TextDecoder().decode(await response.arrayBuffer());

const exportOf = (site: string, token: string | undefined, query = '', form = 'palaute') => call(`/api/v1/sites/${site}/forms/${form}/export${query}`, token ? { token } : {});

/** RFC 4180 as Excel reads it: quoted cells may hold the delimiter, doubled quotes and line breaks. */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

async function csvOf(response: Response, delimiter = ';') {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  const [headings, ...rows] = parseCsv(raw.slice(1), delimiter);
  return { bytes, raw, headings: headings!, rows, byRef: new Map(rows.map((r) => [r[0]!, r])) };
}

/**
 * A site with one form holding one submission of each kind, every field type, a spam one,
 * one with its contact details removed, and two fixed-time ones (winter and summer time).
 */
async function feedbackSite() {
  const { site, owner } = await createSite();
  const created = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: FORM });
  if (created.status !== 201) throw new Error(`form: ${created.status} ${await created.text()}`);
  const moderator = await createToken(site.id, 'moderator', 'Kaupunkiympäristö / Aino');
  const viewer = await createToken(site.id, 'viewer');
  const refs = {
    full: await submit(site.id, {
      answers: {
        name: '=HYPERLINK("http://evil.example","klikkaa")',
        message: 'Lamppu; "rikki"\nKoivutien päässä',
        email: 'asukas@example.fi',
        topic: 'streets',
        days: ['mon', 'tue'],
        phone: '+358 40 123 4567',
        place: { lat: 60.2, long: 24.9, address: 'Koivutie 3' },
        publish: true,
      },
      category: 'street-lights',
    }),
    plus: await submit(site.id, { answers: { name: '+1', message: '-2', place: { lat: 60.17, long: 24.94 } } }),
    at: await submit(site.id, { answers: { name: '@x', message: 'Tavallinen viesti', place: { address: 'Torikatu 1' }, topic: 'parks' } }),
    forgotten: await submit(site.id, { answers: { message: 'Poistakaa yhteystietoni', email: 'poista@example.fi', phone: '040 765 4321' } }),
    spam: await submit(site.id, { answers: { message: 'Osta halvalla' }, website: 'http://spam.example' }),
  };
  await moderate(site.id, moderator, refs.full, { status: 'in_progress', reply: { body: 'Välitetty urakoitsijalle.', public: false } });
  await moderate(site.id, moderator, refs.full, { reply: { body: 'Kiitos, korjataan.', public: true } });
  await moderate(site.id, moderator, refs.full, { status: 'answered', reply: { body: 'Lamppu vaihdettu.', public: true } });
  const removed = await call(`/api/v1/sites/${site.id}/submissions/${refs.forgotten}/contact`, { method: 'DELETE', token: moderator });
  if (removed.status !== 200) throw new Error(`forget: ${removed.status}`);
  const fixed = (ref: string, createdAt: string) =>
    insertSubmissionStatement(env.DB, { site: site.id, ref, form: 'palaute', answers: { message: 'Vanha palaute' }, contact: null, category: null, status: 'received', createdAt });
  await env.DB.batch([fixed('WIN-222', '2026-01-15T10:00:00.000Z'), fixed('SUM-333', '2026-07-15T10:00:00.000Z')]);
  return { site: site.id, owner, moderator, viewer, refs };
}

describe('form export: CSV', () => {
  it('is Excel-ready: BOM, ";" for a Finnish site, Finnish headings, every field type, formulas neutralised, Finnish time', async () => {
    const { site, moderator, refs } = await feedbackSite();
    const response = await exportOf(site, moderator);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="${site}-palaute-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const { bytes, raw, headings, rows, byRef } = await csvOf(response);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(headings).toEqual([...HEADINGS_FI, ...CONTACT_FI, 'Julkiset vastaukset', 'Sisäiset vastaukset']);
    expect(rows.every((r) => r.length === headings.length)).toBe(true);

    // Oldest first; spam left out.
    expect(rows.map((r) => r[0])).toEqual(['WIN-222', 'SUM-333', refs.full, refs.plus, refs.at, refs.forgotten]);

    const full = byRef.get(refs.full)!;
    const cell = (row: string[], heading: string) => row[headings.indexOf(heading)];
    expect(cell(full, 'Tila')).toBe('vastattu');
    expect(cell(full, 'Aihe')).toBe('Katuvalot');
    expect(cell(full, 'Nimimerkki')).toBe('\'=HYPERLINK("http://evil.example","klikkaa")');
    expect(cell(full, 'Viesti')).toBe('Lamppu; "rikki"\nKoivutien päässä');
    expect(cell(full, 'Kohde')).toBe('Kadut');
    expect(cell(full, 'Päivät')).toBe('ma | ti');
    expect(cell(full, 'Paikka')).toBe('Koivutie 3 (60.2, 24.9)');
    expect(cell(full, 'Saa julkaista')).toBe('kyllä');
    expect(cell(full, 'Sähköposti')).toBe('asukas@example.fi');
    expect(cell(full, 'Puhelin')).toBe("'+358 40 123 4567");
    expect(cell(full, 'Julkiset vastaukset')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: Kiitos, korjataan\.\n\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: Lamppu vaihdettu\.$/);
    expect(cell(full, 'Sisäiset vastaukset')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: Välitetty urakoitsijalle\.$/);
    // Quoted as RFC 4180 and Excel want it: delimiter, doubled quotes and the line break inside one cell.
    expect(raw).toContain(';"Lamppu; ""rikki""\nKoivutien päässä";');
    expect(raw).toContain(`;"'=HYPERLINK(""http://evil.example"",""klikkaa"")";`);

    const plus = byRef.get(refs.plus)!;
    expect([cell(plus, 'Nimimerkki'), cell(plus, 'Viesti'), cell(plus, 'Paikka'), cell(plus, 'Saa julkaista'), cell(plus, 'Kohde'), cell(plus, 'Aihe')]).toEqual(["'+1", "'-2", '60.17, 24.94', 'ei', '', '']);
    const at = byRef.get(refs.at)!;
    expect([cell(at, 'Nimimerkki'), cell(at, 'Paikka'), cell(at, 'Kohde'), cell(at, 'Tila')]).toEqual(["'@x", 'Torikatu 1', 'Puistot', 'vastaanotettu']);
    expect(cell(at, 'Julkiset vastaukset')).toBe('');

    // Contact details removed on the resident's request: empty cells, the feedback kept.
    const forgotten = byRef.get(refs.forgotten)!;
    expect([cell(forgotten, 'Viesti'), cell(forgotten, 'Sähköposti'), cell(forgotten, 'Puhelin')]).toEqual(['Poistakaa yhteystietoni', '', '']);
    expect(raw).not.toContain('poista@example.fi');

    // Finnish time: UTC+2 in winter, UTC+3 in summer.
    expect(byRef.get('WIN-222')!.slice(1, 3)).toEqual(['2026-01-15 12:00:00', '2026-01-15 12:00:00']);
    expect(byRef.get('SUM-333')!.slice(1, 3)).toEqual(['2026-07-15 13:00:00', '2026-07-15 13:00:00']);
    const hoursAhead = Math.round((Date.parse(`${cell(full, 'Vastaanotettu (Suomen aikaa)')!.replace(' ', 'T')}Z`) - Date.now()) / 3_600_000);
    expect([2, 3]).toContain(hoursAhead);
  });

  it('gives a viewer neither contact details nor private replies: no values, no columns', async () => {
    const { site, viewer, refs } = await feedbackSite();
    const response = await exportOf(site, viewer);
    expect(response.status).toBe(200);
    const { raw, headings, byRef } = await csvOf(response);
    expect(headings).toEqual([...HEADINGS_FI, 'Julkiset vastaukset']);
    for (const secret of ['asukas@example.fi', '123 4567', 'Sähköposti', 'Puhelin', 'Sisäiset', 'urakoitsijalle']) expect(raw).not.toContain(secret);
    expect(byRef.get(refs.full)!.at(-1)).toContain('Lamppu vaihdettu.');
  });

  it('includes contact details and private replies for editors and owners too', async () => {
    const { site, owner, refs } = await feedbackSite();
    const editor = await createToken(site, 'editor');
    for (const token of [owner, editor]) {
      const { raw, headings, byRef } = await csvOf(await exportOf(site, token));
      expect(headings).toContain('Sähköposti');
      expect(headings.at(-1)).toBe('Sisäiset vastaukset');
      expect(raw).toContain('urakoitsijalle');
      expect(byRef.get(refs.full)).toContain('asukas@example.fi');
    }
  });

  it('leaves spam out unless asked for, and filters by any status', async () => {
    const { site, viewer, refs } = await feedbackSite();
    const refsOf = async (query: string) => (await csvOf(await exportOf(site, viewer, query))).rows.map((r) => r[0]);
    expect(await refsOf('')).not.toContain(refs.spam);
    expect(await refsOf('?status=spam')).toEqual([refs.spam]);
    expect(await refsOf('?status=answered')).toEqual([refs.full]);
    expect(await refsOf('?status=received')).toEqual(['WIN-222', 'SUM-333', refs.plus, refs.at, refs.forgotten]);
    expect(await refsOf('?status=closed')).toEqual([]);
    const spam = await exportOf(site, viewer, '?status=spam');
    expect(spam.headers.get('Content-Disposition')).toMatch(/-palaute-spam-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect((await csvOf(spam)).rows[0]![3]).toBe('roskaposti');
  });

  it('writes Swedish or English headings and labels, and "," on request', async () => {
    const { site, moderator, refs } = await feedbackSite();
    const sv = await csvOf(await exportOf(site, moderator, '?lang=sv'));
    expect(sv.headings).toEqual(['Referenskod', 'Mottagen (finsk tid)', 'Uppdaterad (finsk tid)', 'Status', 'Ämne', 'Gäller', 'Signatur', 'Meddelande', 'Objekt', 'Dagar', 'Plats', 'Får publiceras', 'E-post', 'Telefon', 'Offentliga svar', 'Interna svar']);
    expect(sv.byRef.get(refs.full)!.slice(3, 5)).toEqual(['besvarad', 'Gatubelysning']);
    expect(sv.byRef.get(refs.full)!.slice(8, 12)).toEqual(['Gator', 'må | ti', 'Koivutie 3 (60.2, 24.9)', 'ja']);
    expect(sv.byRef.get(refs.at)![3]).toBe('mottagen');
    const en = await csvOf(await exportOf(site, moderator, '?lang=en&delimiter=,'), ',');
    expect(en.headings.slice(0, 8)).toEqual(['Reference', 'Received (Finnish time)', 'Updated (Finnish time)', 'Status', 'Topic', 'About', 'Nickname', 'Message']);
    expect(en.headings.at(-1)).toBe('Private replies');
    expect(en.raw).toContain(',"Koivutie 3 (60.2, 24.9)",'); // the comma delimiter now needs quoting
    expect(en.byRef.get(refs.full)![3]).toBe('answered');
    expect(en.byRef.get(refs.plus)![11]).toBe('no');
  });

  it('uses "," by default for an English site', async () => {
    const { site, owner } = await createSite({ defaultLang: 'en', languages: ['en'], name: { en: 'Testville' } });
    const form = { ...FORM, title: { en: 'Feedback' }, fields: [{ key: 'message', type: 'longText', label: { en: 'Message' }, required: true }], categories: undefined };
    expect((await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: form })).status).toBe(201);
    await submit(site.id, { answers: { message: 'Hello' } });
    const { headings, rows } = await csvOf(await exportOf(site.id, owner), ',');
    expect(headings).toEqual(['Reference', 'Received (Finnish time)', 'Updated (Finnish time)', 'Status', 'Topic', 'About', 'Message', 'Public replies', 'Private replies']);
    expect(rows[0]!.slice(3)).toEqual(['received', '', '', 'Hello', '', '']);
  });
});

interface JsonSubmission {
  ref: string;
  status: string;
  category: string | null;
  createdAt: string;
  createdAtLocal: string;
  answers: Record<string, unknown>;
  contact?: Record<string, string> | null;
  replies: { body: string; public: boolean; author?: string }[];
}

describe('form export: JSON and NDJSON', () => {
  it('streams the same submissions as JSON and NDJSON, with everything for a moderator', async () => {
    const { site, moderator, refs } = await feedbackSite();
    const response = await exportOf(site, moderator, '?format=json');
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/-palaute-\d{4}-\d{2}-\d{2}\.json"$/);
    const json = (await response.json()) as { form: { id: string; title: string; fields: { key: string }[] }; exportedAt: string; timeZone: string; submissions: JsonSubmission[] };
    expect(json.form).toMatchObject({ id: 'palaute', title: 'Anna palautetta' });
    expect(json.form.fields.map((f) => f.key)).toEqual(['name', 'message', 'topic', 'days', 'place', 'publish', 'email', 'phone']);
    expect(Date.now() - Date.parse(json.exportedAt)).toBeLessThan(60_000);
    expect(json.timeZone).toBe('Europe/Helsinki');
    expect(json.submissions.map((s) => s.ref)).toEqual(['WIN-222', 'SUM-333', refs.full, refs.plus, refs.at, refs.forgotten]);
    const full = json.submissions.find((s) => s.ref === refs.full)!;
    expect(full).toMatchObject({
      status: 'answered',
      category: 'street-lights',
      answers: { name: '=HYPERLINK("http://evil.example","klikkaa")', topic: 'streets', days: ['mon', 'tue'], place: { lat: 60.2, long: 24.9, address: 'Koivutie 3' }, publish: true },
      contact: { email: 'asukas@example.fi', phone: '+358 40 123 4567' },
    });
    expect(full.replies).toEqual([
      expect.objectContaining({ body: 'Välitetty urakoitsijalle.', public: false, author: 'Kaupunkiympäristö / Aino' }),
      expect.objectContaining({ body: 'Kiitos, korjataan.', public: true }),
      expect.objectContaining({ body: 'Lamppu vaihdettu.', public: true }),
    ]);
    expect(json.submissions.find((s) => s.ref === refs.forgotten)!.contact).toBeNull();
    expect(json.submissions.find((s) => s.ref === 'WIN-222')!.createdAtLocal).toBe('2026-01-15 12:00:00');

    const ndjson = await exportOf(site, moderator, '?format=ndjson');
    expect(ndjson.headers.get('Content-Type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await textOf(ndjson)).trimEnd().split('\n').map((l) => JSON.parse(l) as JsonSubmission);
    expect(lines).toEqual(json.submissions);
  });

  it('carries the viewer rules in JSON and NDJSON too, and spam only on request', async () => {
    const { site, viewer, refs } = await feedbackSite();
    const jsonText = await textOf(await exportOf(site, viewer, '?format=json'));
    const ndjsonText = await textOf(await exportOf(site, viewer, '?format=ndjson'));
    const json = JSON.parse(jsonText) as { form: { fields: { key: string }[] }; submissions: JsonSubmission[] };
    const lines = ndjsonText.trimEnd().split('\n').map((l) => JSON.parse(l) as JsonSubmission);
    expect(lines).toEqual(json.submissions);
    expect(json.form.fields.map((f) => f.key)).toEqual(['name', 'message', 'topic', 'days', 'place', 'publish']);
    for (const s of json.submissions) {
      expect(s).not.toHaveProperty('contact');
      expect(s.replies.every((r) => r.public && r.author === undefined)).toBe(true);
    }
    expect(json.submissions.find((s) => s.ref === refs.full)!.replies.map((r) => r.body)).toEqual(['Kiitos, korjataan.', 'Lamppu vaihdettu.']);
    for (const secret of ['asukas@example.fi', '123 4567', 'urakoitsijalle', 'Aino', refs.spam]) {
      expect(jsonText).not.toContain(secret);
      expect(ndjsonText).not.toContain(secret);
    }
    const spam = (await textOf(await exportOf(site, viewer, '?format=ndjson&status=spam'))).trimEnd().split('\n').map((l) => JSON.parse(l) as JsonSubmission);
    expect(spam.map((s) => [s.ref, s.status])).toEqual([[refs.spam, 'spam']]);
  });

  it('answers an empty form with a header-only CSV, an empty list and an empty NDJSON file', async () => {
    const { site, owner } = await createSite();
    expect((await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { ...FORM, status: 'draft' } })).status).toBe(201);
    const { rows, headings } = await csvOf(await exportOf(site.id, owner));
    expect([headings.length, rows.length]).toEqual([16, 0]);
    expect(((await (await exportOf(site.id, owner, '?format=json')).json()) as { submissions: unknown[] }).submissions).toEqual([]);
    expect(await textOf(await exportOf(site.id, owner, '?format=ndjson'))).toBe('');
  });
});

describe('form export: access', () => {
  it('is for officials of the site, writes nothing, and says which form is unknown', async () => {
    const { site } = await feedbackSite();
    const other = await createSite();
    const anonymous = await exportOf(site, undefined);
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('unauthorized');
    const wrongSite = await exportOf(site, other.owner);
    expect(wrongSite.status).toBe(403);
    expect((await errorOf(wrongSite)).code).toBe('wrong_site');
    const viewer = await createToken(site, 'viewer');
    const missing = await exportOf(site, viewer, '', 'nope');
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toEqual({ code: 'form_not_found', message: 'There is no form "nope" on this site.' });
    for (const query of ['?format=xml', '?status=deleted', '?delimiter=%09', '?lang=de']) {
      const bad = await exportOf(site, viewer, query);
      expect(bad.status, query).toBe(400);
      expect((await errorOf(bad)).code).toBe('validation_failed');
    }
    // Like the poll export, a read: it writes no audit row, nor anything else.
    const before = await tableRowCounts(env.DB);
    for (const format of ['csv', 'json', 'ndjson']) expect((await exportOf(site, viewer, `?format=${format}`)).status).toBe(200);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });
});

describe('form export: paging', () => {
  it('streams more submissions than one page, each exactly once, oldest first, ties by reference', async () => {
    const { site, owner } = await createSite();
    const form = { id: 'iso', title: { fi: 'Iso' }, fields: [{ key: 'message', type: 'shortText', label: { fi: 'Viesti' }, required: true }], status: 'open' };
    expect((await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: form })).status).toBe(201);
    const base = Date.parse('2026-03-01T08:00:00.000Z');
    // 2,100 submissions, three to a timestamp, so a tie straddles the page boundary (rows 999 and
    // 1000), references counting up where time counts down; and 60 spam ones in between.
    const ref = (i: number) => `${String(Math.floor(i / 100)).padStart(3, '0')}-${String(i % 100).padStart(3, 'X')}`;
    const rows = [
      ...Array.from({ length: 2100 }, (_, i) => ({ ref: ref(i), createdAt: new Date(base + Math.floor((2099 - i) / 3) * 1000).toISOString(), status: 'received' as const, message: `viesti ${i}` })),
      ...Array.from({ length: 60 }, (_, i) => ({ ref: ref(2100 + i), createdAt: new Date(base + i * 11_000).toISOString(), status: 'spam' as const, message: `roskaa ${i}` })),
    ];
    await env.DB.batch([
      ...rows.map((r) => insertSubmissionStatement(env.DB, { site: site.id, ref: r.ref, form: 'iso', answers: { message: r.message }, contact: null, category: null, status: r.status, createdAt: r.createdAt })),
    ]);
    const expected = rows
      .filter((r) => r.status !== 'spam')
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.ref < b.ref ? -1 : 1));
    expect(expected).toHaveLength(2100);
    expect(expected[999]!.createdAt).toBe(expected[1000]!.createdAt);
    const lateRef = expected[1500]!.ref;
    await env.DB.batch([insertReplyStatement(env.DB, site.id, lateRef, { body: 'Toisen sivun vastaus', public: true, author: 'test' }, new Date().toISOString())]);

    const viewer = await createToken(site.id, 'viewer');
    const lines = (await textOf(await exportOf(site.id, viewer, '?format=ndjson', 'iso'))).trimEnd().split('\n').map((l) => JSON.parse(l) as JsonSubmission);
    expect(lines.map((s) => s.ref)).toEqual(expected.map((r) => r.ref));
    expect(lines.map((s) => s.answers.message)).toEqual(expected.map((r) => r.message));
    expect(lines[1500]!.replies.map((r) => r.body)).toEqual(['Toisen sivun vastaus']);
    expect(lines.filter((s) => s.replies.length).length).toBe(1);

    const csv = await csvOf(await exportOf(site.id, viewer, '', 'iso'));
    expect(csv.rows.map((r) => r[0])).toEqual(expected.map((r) => r.ref));
    const spam = (await (await exportOf(site.id, viewer, '?format=json&status=spam', 'iso')).json()) as { submissions: JsonSubmission[] };
    expect(spam.submissions).toHaveLength(60);
  }, 120_000);
});

describe('feedback about a decision', () => {
  it('carries what it is about (subject and case id) into the CSV and JSON', async () => {
    const { site, owner } = await createSite();
    await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { id: 'f', title: { fi: 'Palaute' }, fields: [{ key: 'msg', type: 'longText', label: { fi: 'Viesti' }, required: true }], status: 'open' } });
    const context = { caseId: 'KOI/1234/12.00.01/2026', subject: '§ 45 Kouluverkon uudistaminen', decision: 'kv-2026-11-17-45' };
    const sent = await call(`/api/v1/sites/${site.id}/forms/f/submissions`, { method: 'POST', json: { answers: { msg: 'Hyvä päätös.' }, context } });
    expect(sent.status).toBe(201);
    const csv = await (await call(`/api/v1/sites/${site.id}/forms/f/export?format=csv`, { token: owner })).text();
    expect(csv).toContain('§ 45 Kouluverkon uudistaminen — KOI/1234/12.00.01/2026');
    const json = (await (await call(`/api/v1/sites/${site.id}/forms/f/export?format=json`, { token: owner })).json()) as { submissions: { context: unknown }[] };
    expect(json.submissions[0]!.context).toEqual(context);
    const empty = await call(`/api/v1/sites/${site.id}/forms/f/submissions`, { method: 'POST', json: { answers: { msg: 'x' }, context: {} } });
    expect(empty.status).toBe(400);
  });
});

