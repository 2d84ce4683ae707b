import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';
import { COUNCIL, DECISION, SCHOOLS } from '../../test/workers/decisions.ts';

async function decisionSite() {
  const { site, owner } = await createSite();
  const publish = async (overrides: Record<string, unknown> = {}) => {
    const response = await call(`/api/v1/sites/${site.id}/decisions`, { method: 'POST', token: owner, json: { ...DECISION, ...overrides } });
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  return { site: site.id, owner, publish };
}

type Page = { items: { id: string; title: { fi: string }; meeting: { date: string } }[]; nextCursor: string | null };
const list = async (site: string, query = '') => (await (await call(`/api/v1/sites/${site}/decisions${query}`)).json()) as Page;

describe('publishing decisions', () => {
  it('lets an editor publish one, renders the body safely, and anyone read it with public attachments only', async () => {
    const { site, owner, publish } = await decisionSite();
    const { id } = await publish();
    expect(id).toMatch(/^kaupunginvaltuusto-2026-11-17-45$/);
    const read = await call(`/api/v1/sites/${site}/decisions/${id}`);
    expect(read.headers.get('Cache-Control')).toContain('public');
    const body = (await read.json()) as { bodyHtml: { fi: string }; attachments: unknown[]; languages: string[] };
    expect(body.bodyHtml.fi).toContain('<strong>hyväksyi</strong>');
    expect(body.bodyHtml.fi).toContain('<a href="https://koivulahti.example/selvitys" rel="noopener noreferrer">');
    expect(body.attachments).toHaveLength(1);
    expect(body.languages).toEqual(['fi', 'sv']);
    const asOfficial = (await (await call(`/api/v1/sites/${site}/decisions/${id}`, { token: owner })).json()) as { attachments: unknown[] };
    expect(asOfficial.attachments).toHaveLength(2);
  });

  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![tracker](https://tracker.example/pixel.gif)',
    '<a href="https://x.example" onclick="alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '[x](vbscript:msgbox(1))',
    '<svg onload=alert(1)>',
  ];
  it.each(hostile)('renders hostile Markdown %s as harmless text', async (source) => {
    const { site, publish } = await decisionSite();
    const { id } = await publish({ body: { fi: `Alku\n\n${source}\n\nLoppu` } });
    const html = ((await (await call(`/api/v1/sites/${site}/decisions/${id}`)).json()) as { bodyHtml: { fi: string } }).bodyHtml.fi;
    expect(html).not.toMatch(/<(script|img|iframe|svg)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i); // as escaped text it is harmless
    expect(html).not.toMatch(/href="(javascript|vbscript|data):/i);
    expect(html).toContain('Loppu');
  });

  it('publishes a retried decision once when the retry carries the same Idempotency-Key', async () => {
    const { site, owner } = await decisionSite();
    const key = crypto.randomUUID();
    const body = { ...DECISION, section: undefined }; // an id made at random: a plain retry would publish it twice
    const send = () => call(`/api/v1/sites/${site}/decisions`, { method: 'POST', token: owner, json: body, headers: { 'Idempotency-Key': key } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const ids = new Set([((await a.json()) as { id: string }).id, ((await b.json()) as { id: string }).id]);
    expect(ids.size).toBe(1);
    expect((await list(site)).items).toHaveLength(1);
    const reused = await call(`/api/v1/sites/${site}/decisions`, { method: 'POST', token: owner, json: { ...body, outcome: 'rejected' }, headers: { 'Idempotency-Key': key } });
    expect(reused.status).toBe(422);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['an unknown outcome', { outcome: 'maybe' }, 'outcome'],
    ['a meeting date that is not a date', { meeting: { date: '17.11.2026' } }, 'meeting.date'],
    ['a javascript: source URL', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    ['an attachment URL on a look-alike scheme', { attachments: [{ title: { fi: 'x' }, url: 'file:///etc/passwd' }] }, 'attachments.0.url'],
    ['no title', { title: {} }, 'title'],
    ['an uppercase topic', { topics: ['Koulut!'] }, 'topics.0'],
  ];
  it.each(invalid)('refuses %s with 400 naming the place, and stores nothing', async (_, change, path) => {
    const { site, owner } = await decisionSite();
    const before = await tableRowCounts(env.DB);
    const response = await call(`/api/v1/sites/${site}/decisions`, { method: 'POST', token: owner, json: { ...DECISION, ...change } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.map((i) => i.path.join('.'))).toContain(path);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('is for editors: edits and deletes are audited, and a deleted decision leaves no search trace', async () => {
    const { site, owner, publish } = await decisionSite();
    const { id } = await publish();
    const moderator = await createToken(site, 'moderator');
    expect((await call(`/api/v1/sites/${site}/decisions/${id}`, { method: 'PATCH', token: moderator, json: { outcome: 'rejected' } })).status).toBe(403);
    const edited = await call(`/api/v1/sites/${site}/decisions/${id}`, { method: 'PATCH', token: owner, json: { outcome: 'passed_amended', title: { fi: 'Kouluverkon muutos' } } });
    // Only what was sent changes: topics, districts, attachments and the summary stay.
    expect(await edited.json()).toMatchObject({
      id,
      outcome: 'passed_amended',
      caseId: DECISION.caseId,
      topics: DECISION.topics,
      districts: DECISION.districts,
      summary: DECISION.summary,
      attachments: [{ url: DECISION.attachments[0]!.url, public: true }, { url: DECISION.attachments[1]!.url, public: false }],
    });
    expect((await list(site, '?topic=koulut')).items.map((d) => d.id)).toEqual([id]);
    expect((await call(`/api/v1/sites/${site}/decisions/${id}`, { method: 'PATCH', token: owner, json: {} })).status).toBe(400);
    expect((await call(`/api/v1/sites/${site}/decisions/${id}`, { method: 'PATCH', token: owner, json: { publishedAt: '2020-01-01T00:00:00Z' } })).status).toBe(400);
    expect((await list(site, '?q=muutos')).items.map((d) => d.id)).toEqual([id]);
    expect((await list(site, '?q=uudistaminen')).items).toEqual([]);
    expect((await call(`/api/v1/sites/${site}/decisions/${id}`, { method: 'DELETE', token: owner })).status).toBe(200);
    expect((await call(`/api/v1/sites/${site}/decisions/${id}`)).status).toBe(404);
    expect((await list(site, '?q=muutos')).items).toEqual([]);
    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=decision`, { token: owner })).json()) as { items: { action: string }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['decision.delete', 'decision.update', 'decision.create']);
  });
});

describe('finding decisions', () => {
  async function seeded() {
    const ctx = await decisionSite();
    const bare = { summary: undefined, body: undefined, caseId: undefined, districts: [] };
    await ctx.publish({ ...bare, id: 'a', meeting: { date: '2026-10-01' }, title: { fi: 'Päiväkotien aukioloajat', sv: 'Daghemmens öppettider' }, organ: SCHOOLS, topics: ['päiväkodit'], districts: ['pohjoinen'] });
    await ctx.publish({ ...bare, id: 'b', meeting: { date: '2026-11-17' }, title: { fi: 'Kouluverkon uudistaminen', sv: 'Förnyelse av skolnätet' }, topics: ['koulut'] });
    await ctx.publish({ ...bare, id: 'c', meeting: { date: '2026-09-05' }, title: { fi: 'Koulukuljetusten periaatteet', sv: 'Principer för skolskjutsar' }, organ: SCHOOLS, topics: ['koulut', 'liikenne'], districts: ['pohjoinen'] });
    await ctx.publish({ ...bare, id: 'd', meeting: { date: '2026-11-17' }, section: '46', title: { fi: 'Talousarvio 2027', sv: 'Budget 2027' }, topics: ['talous'] });
    return ctx;
  }

  it('lists newest meeting first and filters by organ, topic, district and dates', async () => {
    const { site } = await seeded();
    expect((await list(site)).items.map((d) => d.id)).toEqual(['d', 'b', 'a', 'c']);
    expect((await list(site, `?organ=${SCHOOLS.id}`)).items.map((d) => d.id)).toEqual(['a', 'c']);
    expect((await list(site, '?topic=koulut')).items.map((d) => d.id)).toEqual(['b', 'c']);
    expect((await list(site, `?district=pohjoinen&topic=${encodeURIComponent('päiväkodit')}`)).items.map((d) => d.id)).toEqual(['a']);
    expect((await list(site, '?from=2026-10-01&to=2026-10-31')).items.map((d) => d.id)).toEqual(['a']);
  });

  it('finds words by their beginning, in Finnish and Swedish, and ignores search syntax', async () => {
    const { site } = await seeded();
    expect((await call(`/api/v1/sites/${site}/decisions?q=koulu`)).headers.get('Server-Timing')).toMatch(/^d1;desc="D1 query";dur=\d+(\.\d+)?$/);
    // "koulu" also finds the schools committee by its name, Kasvatus- ja koulutuslautakunta.
    expect((await list(site, '?q=koulu')).items.map((d) => d.id)).toEqual(['b', 'a', 'c']);
    expect((await list(site, '?q=kouluverk')).items.map((d) => d.id)).toEqual(['b']);
    expect((await list(site, '?q=skol')).items.map((d) => d.id)).toEqual(['b', 'c']);
    expect((await list(site, `?q=${encodeURIComponent('öppet')}`)).items.map((d) => d.id)).toEqual(['a']);
    expect((await list(site, '?q=koulukulj%20periaat')).items.map((d) => d.id)).toEqual(['c']);
    for (const q of ['"', 'koulu*', 'NEAR(a b)', 'a OR b', "'; DROP TABLE decisions; --", '***']) {
      expect((await call(`/api/v1/sites/${site}/decisions?q=${encodeURIComponent(q)}`)).status).toBe(200);
    }
  });

  it('pages with a cursor that stays stable while decisions are added', async () => {
    const { site, publish } = await seeded();
    const first = await list(site, '?limit=2');
    expect(first.items.map((d) => d.id)).toEqual(['d', 'b']);
    await publish({ id: 'new-top', meeting: { date: '2026-12-01' } });
    await publish({ id: 'new-middle', meeting: { date: '2026-10-15' } });
    const second = await list(site, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((d) => d.id)).toEqual(['new-middle', 'a']);
    const third = await list(site, `?limit=2&cursor=${encodeURIComponent(second.nextCursor!)}`);
    expect(third.items.map((d) => d.id)).toEqual(['c']);
    expect(third.nextCursor).toBeNull();
    expect((await call(`/api/v1/sites/${site}/decisions?cursor=bm9wZQ==`)).status).toBe(400);
  });

  it('keeps each site\'s decisions to itself', async () => {
    const { site } = await seeded();
    const other = await decisionSite();
    await other.publish({ id: 'other', title: { fi: 'Kouluasia toisaalla' } });
    expect((await list(site, '?q=kouluasia')).items).toEqual([]);
    expect((await list(other.site, '?q=kouluasia')).items.map((d) => d.id)).toEqual(['other']);
    expect((await call(`/api/v1/sites/${other.site}/decisions/b`)).status).toBe(404);
  });

  it('counts organs, topics and districts for filter chips', async () => {
    const { site } = await seeded();
    const facets = await (await call(`/api/v1/sites/${site}/decision-facets`)).json();
    expect(facets).toMatchObject({
      organs: [{ id: SCHOOLS.id, count: 2 }, { id: COUNCIL.id, count: 2 }], // most first, then by id
      topics: expect.arrayContaining([{ value: 'koulut', label: {}, count: 2 }, { value: 'talous', label: {}, count: 1 }]),
      districts: [{ value: 'pohjoinen', label: {}, count: 2 }],
    });
    const ofSchools = await (await call(`/api/v1/sites/${site}/decision-facets?organ=${SCHOOLS.id}`)).json();
    expect(ofSchools).toMatchObject({
      topics: [{ value: 'koulut', label: {}, count: 1 }, { value: 'liikenne', label: {}, count: 1 }, { value: 'päiväkodit', label: {}, count: 1 }],
      districts: [{ value: 'pohjoinen', label: {}, count: 2 }],
    });
  });
});
