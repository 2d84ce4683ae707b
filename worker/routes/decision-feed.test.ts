import { describe, expect, it } from 'vitest';
import { app } from '../index.ts';
import { escapeXml } from '../xml.ts';
import { escapeXml as open311EscapeXml } from '../open311/xml.ts';
import { ORIGIN, call, createSite, errorOf } from '../../test/workers/helpers.ts';
import { DECISION as BASE_DECISION, COUNCIL, SCHOOLS } from '../../test/workers/decisions.ts';
import { childNamed, childrenNamed, parseXml } from '../../test/workers/xml.ts';
import type { XmlNode } from '../../test/workers/xml.ts';

/** The shared decision, with a Swedish attachment title and a URL that needs escaping. */
const DECISION = {
  ...BASE_DECISION,
  attachments: [
    { title: { fi: 'Selvitys', sv: 'Utredning' }, url: 'https://koivulahti.example/selvitys.pdf?a=1&b=2' },
    { title: { fi: 'Salainen liite' }, url: 'https://koivulahti.example/salainen.pdf', public: false },
  ],
};

async function feedSite(overrides: Parameters<typeof createSite>[0] = {}) {
  const { site, owner } = await createSite({ name: { fi: 'Koivulahden kaupunki', sv: 'Björkviks stad' }, ...overrides });
  const publish = async (changes: Record<string, unknown> = {}) => {
    const response = await call(`/api/v1/sites/${site.id}/decisions`, { method: 'POST', token: owner, json: { ...DECISION, ...changes } });
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; updatedAt: string; publishedAt: string };
  };
  return { site: site.id, owner, publish };
}

const feedPath = (site: string, query = '') => `/api/v1/sites/${site}/decisions.atom${query}`;

/** The feed, asserted well-formed, with the Atom elements every feed and entry must have (RFC 4287 §4.1). */
async function feed(site: string, query = '', init: Parameters<typeof call>[1] = {}) {
  const response = await call(feedPath(site, query), init);
  expect(response.status).toBe(200);
  const source = await response.text();
  const root = parseXml(source);
  expect(root.name).toBe('feed');
  expect(root.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
  for (const name of ['id', 'title', 'updated']) expect(childrenNamed(root, name)).toHaveLength(1);
  expect(childNamed(root, 'id').text).toMatch(/^(tag|urn):/);
  expect(Date.parse(childNamed(root, 'updated').text)).not.toBeNaN();
  const entries = childrenNamed(root, 'entry');
  for (const entry of entries) {
    for (const name of ['id', 'title', 'updated']) expect(childrenNamed(entry, name), `entry ${name}`).toHaveLength(1);
    expect(childNamed(entry, 'id').text).toMatch(/^(tag|urn):/);
    expect(Date.parse(childNamed(entry, 'updated').text)).not.toBeNaN();
    // An entry without content must link to an alternate (§4.1.1.1): ours always has content.
    expect(childrenNamed(entry, 'content')).toHaveLength(1);
  }
  return { response, source, root, entries };
}

const text = (node: XmlNode, name: string) => childNamed(node, name).text;
const titles = (entries: XmlNode[]) => entries.map((e) => text(e, 'title'));

describe('the XML checker of the suites', () => {
  const bad: [string, string][] = [
    ['unmatched tags', '<a><b></a></b>'],
    ['an unclosed root', '<a><b/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['an attribute given twice', '<a x="1" x="2"/>'],
    ['"<" in an attribute', '<a x="<"/>'],
    ['a raw ampersand', '<a>fish & chips</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a reference to a control character', '<a>&#1;</a>'],
    ['a control character', '<a>\u0001</a>'],
    ['a lone surrogate', '<a>\ud800</a>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['two roots', '<a/><b/>'],
    ['an undeclared prefix', '<a foo:x="1"/>'],
  ];
  it.each(bad)('refuses %s', (_, source) => {
    expect(() => parseXml(source)).toThrow(/Not well-formed/);
  });

  it('reads what is well-formed, references resolved', () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a xml:lang="fi" t=\'&quot;&#x1F4A9;\'><b>&lt;&amp;&gt;&apos;&#65;</b></a>\n');
    expect(root.attrs).toEqual({ 'xml:lang': 'fi', t: '"💩' });
    expect(text(root, 'b')).toBe("<&>'A");
  });
});

describe('escaping XML text', () => {
  it('escapes the five special characters and drops what XML 1.0 does not allow, lone surrogates included', () => {
    expect(escapeXml(`<script>"a" & 'b' ]]></script>`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos; ]]&gt;&lt;/script&gt;');
    expect(escapeXml('a\u0000b\u0008c\u001fd\ufffee\uffff')).toBe('abcde');
    expect(escapeXml('x\ud800y\udc00z')).toBe('xyz');
    expect(escapeXml('💩\u{10FFFF}\tok\n')).toBe('💩\u{10FFFF}\tok\n');
    expect(escapeXml('line\r\nbreak')).toBe('line&#13;\nbreak');
  });

  it('is the one Open311 uses', () => {
    expect(open311EscapeXml).toBe(escapeXml);
  });
});

describe('GET /sites/{site}/decisions.atom', () => {
  it('is an Atom feed with the feed and entry elements, newest meeting first, cacheable', async () => {
    const { site, publish } = await feedSite();
    const older = await publish({ id: 'older', meeting: { date: '2026-09-01' }, section: '12' });
    const newer = await publish({ id: 'newer' });
    const { response, root, entries } = await feed(site);
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    expect(response.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);

    expect(root.attrs['xml:lang']).toBe('fi');
    expect(text(root, 'id')).toBe(`tag:osallistu.test,2026:sites/${site}/decisions?lang=fi`);
    expect(text(root, 'title')).toBe('Koivulahden kaupunki – päätökset');
    expect(text(root, 'updated')).toBe([older.updatedAt, newer.updatedAt].sort().at(-1));
    const links = childrenNamed(root, 'link').map((l) => l.attrs);
    expect(links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: `${ORIGIN}${feedPath(site)}` });
    expect(links).toContainEqual({ rel: 'alternate', type: 'text/html', href: 'https://www.testikunta.example' });
    expect(text(childNamed(root, 'author'), 'name')).toBe('Koivulahden kaupunki');
    expect(childNamed(root, 'generator')).toMatchObject({ text: 'Osallistu', attrs: { version: expect.any(String) } });

    expect(entries.map((e) => text(e, 'id'))).toEqual([`tag:osallistu.test,2026:sites/${site}/decisions/newer`, `tag:osallistu.test,2026:sites/${site}/decisions/older`]);
    const [entry] = entries as [XmlNode];
    expect(childNamed(entry, 'title')).toMatchObject({ text: 'Kouluverkon uudistaminen', attrs: { type: 'text' } });
    expect(text(entry, 'updated')).toBe(newer.updatedAt);
    expect(text(entry, 'published')).toBe(newer.publishedAt);
    expect(text(entry, 'summary')).toBe(DECISION.summary.fi);
    expect(text(childNamed(entry, 'author'), 'name')).toBe('Kaupunginvaltuusto');
    const entryLinks = childrenNamed(entry, 'link').map((l) => l.attrs);
    expect(entryLinks).toEqual([
      { rel: 'alternate', type: 'text/html', href: DECISION.sourceUrl },
      { rel: 'related', href: DECISION.attachments[0]!.url, title: 'Selvitys' }, // the non-public one is left out
    ]);
    const content = childNamed(entry, 'content');
    expect(content.attrs).toEqual({ type: 'html' });
    expect(content.text).toContain('<p>Kaupunginvaltuusto 17.11.2026 § 45 · KOI/1234/12.00.01/2026 · Hyväksytty</p>');
    expect(content.text).toContain('<strong>hyväksyi</strong>');
    expect(childrenNamed(entry, 'category').map((c) => c.attrs)).toEqual([
      { scheme: 'tag:osallistu.test,2026:organ', term: 'kaupunginvaltuusto', label: 'Kaupunginvaltuusto' },
      { scheme: 'tag:osallistu.test,2026:topic', term: 'koulut' },
      { scheme: 'tag:osallistu.test,2026:district', term: 'keskusta' },
    ]);
  });

  it('applies the list\'s filters and names them in the title and the id', async () => {
    const { site, publish } = await feedSite();
    const bare = { summary: undefined, body: undefined, districts: [] };
    await publish({ ...bare, id: 'a', meeting: { date: '2026-10-01' }, title: { fi: 'Päiväkotien aukioloajat', sv: 'Daghemmens öppettider' }, organ: SCHOOLS, topics: ['päiväkodit'], districts: ['pohjoinen'] });
    await publish({ ...bare, id: 'b', meeting: { date: '2026-11-17' }, title: { fi: 'Kouluverkon uudistaminen', sv: 'Förnyelse av skolnätet' }, topics: ['koulut'] });
    await publish({ ...bare, id: 'c', meeting: { date: '2026-09-05' }, title: { fi: 'Koulukuljetusten periaatteet', sv: 'Principer för skolskjutsar' }, organ: SCHOOLS, topics: ['koulut', 'liikenne'], districts: ['pohjoinen'] });
    await publish({ ...bare, id: 'd', meeting: { date: '2026-11-17' }, section: '46', title: { fi: 'Talousarvio 2027', sv: 'Budget 2027' }, topics: ['talous'] });

    const ids = (entries: XmlNode[]) => entries.map((e) => text(e, 'id').split('/').pop());
    expect(ids((await feed(site)).entries)).toEqual(['d', 'b', 'a', 'c']);

    const topic = await feed(site, '?topic=koulut');
    expect(ids(topic.entries)).toEqual(['b', 'c']);
    expect(text(topic.root, 'title')).toBe('Koivulahden kaupunki – päätökset: koulut');
    expect(text(topic.root, 'id')).toBe(`tag:osallistu.test,2026:sites/${site}/decisions?lang=fi&topic=koulut`);

    const organ = await feed(site, `?topic=koulut&organ=${SCHOOLS.id}`);
    expect(ids(organ.entries)).toEqual(['c']);
    expect(text(organ.root, 'title')).toBe('Koivulahden kaupunki – päätökset: Kasvatus- ja koulutuslautakunta, koulut');
    // The same filters in another order are the same feed.
    expect(text((await feed(site, `?organ=${SCHOOLS.id}&topic=koulut`)).root, 'id')).toBe(text(organ.root, 'id'));

    const search = await feed(site, '?q=koulukulj');
    expect(ids(search.entries)).toEqual(['c']);
    expect(text(search.root, 'title')).toBe('Koivulahden kaupunki – päätökset: haku ”koulukulj”');

    expect(ids((await feed(site, `?district=pohjoinen&topic=${encodeURIComponent('päiväkodit')}`)).entries)).toEqual(['a']);
    const dates = await feed(site, '?from=2026-10-01&to=2026-10-31');
    expect(ids(dates.entries)).toEqual(['a']);
    expect(text(dates.root, 'title')).toBe('Koivulahden kaupunki – päätökset: 1.10.2026 alkaen, 31.10.2026 asti');
    expect(ids((await feed(site, '?limit=2')).entries)).toEqual(['d', 'b']);
    expect(ids((await feed(site, '?limit=500')).entries)).toHaveLength(4);

    // Filtered to nothing, an organ is still named (from its other decisions), and the feed is valid.
    const none = await feed(site, `?organ=${SCHOOLS.id}&topic=talous`);
    expect(none.entries).toEqual([]);
    expect(text(none.root, 'title')).toBe('Koivulahden kaupunki – päätökset: Kasvatus- ja koulutuslautakunta, talous');
  });

  it('is in the language asked for, falling back like the widgets and saying which language a text is in', async () => {
    const { site, publish } = await feedSite();
    await publish({ id: 'both' });
    await publish({
      id: 'finnish-only',
      meeting: { date: '2026-11-18' },
      title: { fi: 'Vain suomeksi' },
      summary: { fi: 'Tiivistelmä suomeksi.' },
      body: { fi: 'Runko suomeksi.' },
      attachments: [],
    });

    const sv = await feed(site, '?lang=sv');
    expect(sv.root.attrs['xml:lang']).toBe('sv');
    expect(text(sv.root, 'title')).toBe('Björkviks stad – beslut');
    expect(text(childNamed(sv.root, 'author'), 'name')).toBe('Björkviks stad');
    const [finnishOnly, both] = sv.entries as [XmlNode, XmlNode];
    expect(childNamed(both, 'title')).toEqual({ name: 'title', attrs: { type: 'text' }, children: [], text: 'Förnyelse av skolnätet' });
    expect(text(childNamed(both, 'author'), 'name')).toBe('Stadsfullmäktige');
    expect(childNamed(both, 'content').text).toContain('Stadsfullmäktige 17.11.2026 § 45 · KOI/1234/12.00.01/2026 · Godkänt');
    expect(childNamed(finnishOnly, 'title')).toMatchObject({ text: 'Vain suomeksi', attrs: { type: 'text', 'xml:lang': 'fi' } });
    expect(childNamed(finnishOnly, 'summary').attrs['xml:lang']).toBe('fi');
    expect(childNamed(finnishOnly, 'content')).toMatchObject({ attrs: { type: 'html', 'xml:lang': 'fi' } });
    expect(childNamed(finnishOnly, 'content').text).toContain('Kaupunginvaltuusto 18.11.2026 § 45');

    // English is not among this site's texts: everything falls back to Finnish, the default, and says so.
    const en = await feed(site, '?lang=en');
    expect(en.root.attrs['xml:lang']).toBe('en');
    expect(text(en.root, 'title')).toBe('Koivulahden kaupunki – decisions');
    expect(childNamed(en.entries[1]!, 'title')).toMatchObject({ text: 'Kouluverkon uudistaminen', attrs: { 'xml:lang': 'fi' } });

    // Without `lang`, the site's default language.
    const swedishSite = await feedSite({ defaultLang: 'sv', languages: ['sv', 'fi'] });
    await swedishSite.publish();
    const byDefault = await feed(swedishSite.site);
    expect(byDefault.root.attrs['xml:lang']).toBe('sv');
    expect(text(byDefault.entries[0]!, 'title')).toBe('Förnyelse av skolnätet');

    expect((await errorOf(await call(feedPath(site, '?lang=de')))).code).toBe('validation_failed');
  });

  it('keeps hostile titles, bodies and searches as text: the document stays well-formed and carries no markup of theirs', async () => {
    const { site, publish } = await feedSite({ name: { fi: 'Kunta <b>&</b> "kylä"' }, origins: [] });
    const hostile = 'A <script>alert(1)</script> ]]> & &amp; \u0001\u0008\u001b "q" \'s\' 💩 Z\u0351\u0358a\u0316 \u202eRTL';
    await publish({
      id: 'hostile',
      title: { fi: hostile },
      summary: { fi: hostile },
      organ: { id: 'paha-lautakunta', name: { fi: '<script>alert("organ")</script>' } },
      body: { fi: `${hostile}\n\n<script>alert(2)</script>\n\n<![CDATA[ x ]]>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))` },
      sourceUrl: 'https://paatokset.koivulahti.example/a?b=<c>&d="e"',
    });
    const q = '<script>"&\'';
    const response = await call(feedPath(site, `?q=${encodeURIComponent('alert')}&lang=fi`));
    const source = await response.text();
    expect(source).not.toMatch(/<script/i);
    expect(source).not.toContain('<![CDATA[');
    expect(source).not.toMatch(/<img/i);
    const root = parseXml(source);
    const [entry] = childrenNamed(root, 'entry') as [XmlNode];
    // Control characters are dropped (lone surrogates are refused at the door: test/attack/api/xml-characters.test.ts): nothing else is lost.
    const comparable = (title: string) => title.toWellFormed().replace(/[\u0001\u0008\u001b\ufffd]/g, '');
    expect(comparable(text(entry, 'title'))).toBe(comparable(hostile));
    expect(text(entry, 'title')).toContain('<script>alert(1)</script> ]]> & &amp;');
    expect(text(entry, 'title').isWellFormed()).toBe(true);
    expect(text(childNamed(entry, 'author'), 'name')).toBe('<script>alert("organ")</script>');
    const html = text(entry, 'content');
    expect(html).not.toMatch(/<(script|img)\b/i); // the rendered body escapes the author's markup, and stays so
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;organ&quot;)&lt;/script&gt;');
    expect(childrenNamed(entry, 'link')[0]!.attrs.href).toBe('https://paatokset.koivulahti.example/a?b=%3Cc%3E&d=%22e%22');
    expect(text(root, 'title')).toBe('Kunta <b>&</b> "kylä" – päätökset: haku ”alert”');
    expect(childrenNamed(root, 'link').map((l) => l.attrs.rel)).toEqual(['self']); // no origin, no alternate

    const searched = await call(feedPath(site, `?q=${encodeURIComponent(q)}`));
    expect(searched.status).toBe(200);
    const searchedRoot = parseXml(await searched.text());
    expect(text(searchedRoot, 'title')).toBe(`Kunta <b>&</b> "kylä" – päätökset: haku ”${q}”`);
    expect(childNamed(searchedRoot, 'link').attrs.href).toBe(`${ORIGIN}${feedPath(site, `?q=${encodeURIComponent(q)}`)}`.replace(/'/g, '%27'));
  });

  it('is a valid feed when there is nothing to show', async () => {
    const { site } = await feedSite();
    const before = Date.now();
    const { root, entries } = await feed(site);
    expect(entries).toEqual([]);
    expect(Date.parse(text(root, 'updated'))).toBeGreaterThanOrEqual(before - 1000);
    expect(text(root, 'title')).toBe('Koivulahden kaupunki – päätökset');
    expect(text((await feed(site, '?organ=ei-ole')).root, 'title')).toBe('Koivulahden kaupunki – päätökset: ei-ole');
  });

  it('answers 304 to a current ETag, and a new one when a decision changes', async () => {
    const { site, owner, publish } = await feedSite();
    const { id } = await publish();
    const first = await call(feedPath(site));
    const etag = first.headers.get('ETag')!;
    const again = await call(feedPath(site), { headers: { 'If-None-Match': `W/${etag}, "other"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toContain('public');
    expect(await again.text()).toBe('');
    await call(`/api/v1/sites/${site}/decisions/${id}`, { method: 'PATCH', token: owner, json: { outcome: 'rejected' } });
    const changed = await call(feedPath(site), { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(await changed.text()).toContain('Hylätty');
  });

  it('answers an unknown site and bad filters with the JSON error envelope', async () => {
    const missing = await call(feedPath('no-such-town'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toContain('application/json');
    expect((await errorOf(missing)).code).toBe('site_not_found');
    const { site } = await feedSite();
    for (const query of ['?limit=0', '?limit=x', '?from=17.11.2026', '?organ=Not%20A%20Slug', '?topic=Koulut!']) {
      const response = await call(feedPath(site, query));
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).code).toBe('validation_failed');
    }
  });

  it('is its own route: not taken for a decision id, and documented in /api/openapi.json', async () => {
    const { site, publish } = await feedSite();
    await publish({ id: 'atom' });
    expect(app.routes.some((r) => r.method === 'GET' && r.path === '/api/v1/sites/:site/decisions.atom')).toBe(true);
    expect((await call(`/api/v1/sites/${site}/decisions/atom`)).headers.get('Content-Type')).toContain('application/json');
    expect((await call(feedPath(site))).headers.get('Content-Type')).toContain('application/atom+xml');
    expect((await call(`/api/v1/sites/${site}/decisionsxatom`)).status).toBe(404);
    const doc = (await (await call('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    const operation = doc.paths['/api/v1/sites/{site}/decisions.atom']?.get;
    expect(Object.keys(operation?.responses['200']?.content ?? {})).toEqual(['application/atom+xml']);
  });
});
