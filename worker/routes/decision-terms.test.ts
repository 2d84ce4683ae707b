import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';
import { DECISION, SCHOOLS } from '../../test/workers/decisions.ts';
import { childNamed, childrenNamed, parseXml } from '../../test/workers/xml.ts';
import type { XmlNode } from '../../test/workers/xml.ts';

const DAYCARE = { fi: 'Päiväkodit', sv: 'Daghem', en: 'Day care' };
const SCHOOLS_LABEL = { fi: 'Koulut', sv: 'Skolor', en: 'Schools' };

async function termSite() {
  const { site, owner } = await createSite({ name: { fi: 'Koivulahti', sv: 'Björkvik', en: 'Koivulahti' }, languages: ['fi', 'sv', 'en'] });
  const publish = async (changes: Record<string, unknown>) => {
    const response = await call(`/api/v1/sites/${site.id}/decisions`, { method: 'POST', token: owner, json: { ...DECISION, ...changes } });
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  };
  await publish({ id: 'a', sourceUrl: undefined, topics: ['päiväkodit', 'koulut'], districts: ['keskusta'], organ: SCHOOLS });
  await publish({ id: 'b', topics: ['koulut'], districts: [] });
  const put = (kind: string, value: string, body: unknown, token = owner) =>
    call(`/api/v1/sites/${site.id}/decision-terms/${kind}/${encodeURIComponent(value)}`, { method: 'PUT', token, json: body });
  return { site: site.id, owner, put };
}

describe('topic and district labels', () => {
  it('an editor names a term; the list, the facets, a page and a decision carry the labels', async () => {
    const { site, owner, put } = await termSite();
    const editor = await createToken(site, 'editor');
    const named = await put('topic', 'päiväkodit', { label: DAYCARE }, editor);
    expect(named.status).toBe(200);
    expect(await named.json()).toEqual({ kind: 'topic', value: 'päiväkodit', label: DAYCARE, count: 1 });
    expect((await put('topic', 'koulut', { label: SCHOOLS_LABEL })).status).toBe(200);
    expect((await put('district', 'keskusta', { label: { sv: 'Centrum' } })).status).toBe(200);
    // Named before any decision carries it.
    expect(await (await put('district', 'saaristo', { label: { fi: 'Saaristo', sv: 'Skärgården', en: 'Archipelago' } })).json()).toMatchObject({ count: 0 });

    const list = await call(`/api/v1/sites/${site}/decision-terms`);
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({
      items: [
        { kind: 'topic', value: 'koulut', label: SCHOOLS_LABEL, count: 2 },
        { kind: 'topic', value: 'päiväkodit', label: DAYCARE, count: 1 },
        { kind: 'district', value: 'keskusta', label: { sv: 'Centrum' }, count: 1 },
        { kind: 'district', value: 'saaristo', label: { fi: 'Saaristo', sv: 'Skärgården', en: 'Archipelago' }, count: 0 },
      ],
    });

    const facets = (await (await call(`/api/v1/sites/${site}/decision-facets`)).json()) as { topics: unknown[]; districts: unknown[] };
    expect(facets.topics).toEqual([{ value: 'koulut', label: SCHOOLS_LABEL, count: 2 }, { value: 'päiväkodit', label: DAYCARE, count: 1 }]);
    expect(facets.districts).toEqual([{ value: 'keskusta', label: { sv: 'Centrum' }, count: 1 }]);

    const page = (await (await call(`/api/v1/sites/${site}/decisions?topic=koulut`)).json()) as { items: { id: string }[]; labels: unknown };
    expect(page.items.map((d) => d.id)).toEqual(expect.arrayContaining(['a', 'b']));
    // Only terms the page's decisions mention; the unused district is not among them.
    expect(page.labels).toEqual({ koulut: SCHOOLS_LABEL, päiväkodit: DAYCARE, keskusta: { sv: 'Centrum' } });
    const one = (await (await call(`/api/v1/sites/${site}/decisions/b`)).json()) as { labels: unknown };
    expect(one.labels).toEqual({ koulut: SCHOOLS_LABEL });
    const edited = await call(`/api/v1/sites/${site}/decisions/b`, { method: 'PATCH', token: owner, json: { topics: ['päiväkodit'] } });
    expect(((await edited.json()) as { labels: unknown }).labels).toEqual({ päiväkodit: DAYCARE });

    // `{}` removes the labels: a term with none is left out of `labels`, and its facet label is empty.
    expect(await (await put('topic', 'koulut', { label: {} })).json()).toEqual({ kind: 'topic', value: 'koulut', label: {}, count: 1 });
    expect(((await (await call(`/api/v1/sites/${site}/decisions/a`)).json()) as { labels: unknown }).labels).toEqual({ päiväkodit: DAYCARE, keskusta: { sv: 'Centrum' } });

    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=decision_term`, { token: owner })).json()) as { items: { action: string; target: string }[] };
    expect(audit.items.map((e) => `${e.action} ${e.target}`)).toContain('decision_term.update topic:päiväkodit');
  });

  it('refuses a bad label, kind or value with 400 and stores nothing; a viewer or the public gets 403/401', async () => {
    const { site, put } = await termSite();
    const viewer = await createToken(site, 'viewer');
    const before = await tableRowCounts(env.DB);
    const cases: [string, string, unknown, (string | number)[]][] = [
      ['topic', 'koulut', { label: { fi: '' } }, ['label', 'fi']],
      ['topic', 'koulut', { label: { fi: 'x'.repeat(101) } }, ['label', 'fi']],
      ['topic', 'koulut', { label: { de: 'Schulen' } }, ['label', 'de']],
      ['topic', 'koulut', { label: { fi: 7 } }, ['label', 'fi']],
      ['topic', 'koulut', { label: { fi: 'Koulut' }, extra: 1 }, ['extra']],
      ['topic', 'koulut', {}, ['label']],
      ['aihe', 'koulut', { label: { fi: 'Koulut' } }, ['kind']],
      ['topic', 'Koulut!', { label: { fi: 'Koulut' } }, ['value']],
    ];
    for (const [kind, value, body, path] of cases) {
      const response = await put(kind, value, body);
      expect(response.status, `${kind}/${value} ${JSON.stringify(body)}`).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('validation_failed');
      if (path.length) expect(error.issues!.map((i) => i.path)).toContainEqual(path);
    }
    expect((await put('topic', 'koulut', { label: { fi: 'Koulut' } }, viewer)).status).toBe(403);
    expect((await call(`/api/v1/sites/${site}/decision-terms/topic/koulut`, { method: 'PUT', json: { label: { fi: 'Koulut' } } })).status).toBe(401);
    expect(await tableRowCounts(env.DB)).toEqual(before);
    expect(((await (await call(`/api/v1/sites/${site}/decision-terms`)).json()) as { items: { label: object }[] }).items.every((t) => Object.keys(t.label).length === 0)).toBe(true);
  });

  it('the Atom feed names terms in its language, and every entry links to a page a reader can open', async () => {
    const { site, put } = await termSite();
    await put('topic', 'päiväkodit', { label: DAYCARE });
    await put('district', 'keskusta', { label: { fi: 'Keskusta', sv: 'Centrum' } });
    for (const [lang, daycare, centre] of [['fi', 'Päiväkodit', 'Keskusta'], ['sv', 'Daghem', 'Centrum'], ['en', 'Day care', undefined]] as const) {
      const root = parseXml(await (await call(`/api/v1/sites/${site}/decisions.atom?lang=${lang}&topic=p%C3%A4iv%C3%A4kodit`)).text());
      expect(childNamed(root, 'title').text).toContain(daycare); // the filter in the feed's title, by its label
      const [entry] = childrenNamed(root, 'entry') as [XmlNode];
      const categories = childrenNamed(entry, 'category').map((c) => c.attrs);
      expect(categories).toContainEqual({ scheme: 'tag:osallistu.test,2026:topic', term: 'päiväkodit', label: daycare });
      expect(categories).toContainEqual({ scheme: 'tag:osallistu.test,2026:topic', term: 'koulut' }); // no label: readers show the term
      expect(categories).toContainEqual(centre ? { scheme: 'tag:osallistu.test,2026:district', term: 'keskusta', label: centre } : { scheme: 'tag:osallistu.test,2026:district', term: 'keskusta' });

      // Decision "a" has no sourceUrl: its link is its own page on this worker, in the feed's language.
      const links = childrenNamed(entry, 'link').filter((l) => l.attrs.rel === 'alternate');
      expect(links).toHaveLength(1);
      const href = new URL(links[0]!.attrs.href!);
      expect(`${href.pathname}?${href.searchParams}`).toBe(`/embed/v1/frame/decisions/all?site=${site}&lang=${lang}&decision=a`);
      const opened = await call(`${href.pathname}${href.search}`);
      expect(opened.status).toBe(200);
      const html = await opened.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain('<article class="nojs-decision"><h2>');
      expect(html).not.toContain('<script'); // the page shows the decision itself, not the widget's list
    }
    // A decision with a sourceUrl keeps the source system's page as its link.
    const root = parseXml(await (await call(`/api/v1/sites/${site}/decisions.atom?lang=fi&district=keskusta`)).text());
    expect(root.name).toBe('feed');
    const all = parseXml(await (await call(`/api/v1/sites/${site}/decisions.atom?lang=fi`)).text());
    const hrefs = childrenNamed(all, 'entry').map((e) => childrenNamed(e, 'link').find((l) => l.attrs.rel === 'alternate')?.attrs.href);
    expect(hrefs).toHaveLength(2);
    expect(hrefs).toContain(DECISION.sourceUrl);
    expect(hrefs.every(Boolean)).toBe(true);
  });

  it('the no-JS decisions frame shows topics and districts by their label in the page\'s language, else the slug marked Finnish', async () => {
    const { site, put } = await termSite();
    await put('topic', 'päiväkodit', { label: DAYCARE });
    const cases = [
      ['fi', 'Aiheet', 'Päiväkodit, koulut', 'Alueet'],
      ['sv', 'Ämnen', 'Daghem, <span lang="fi">koulut</span>', 'Områden'],
      ['en', 'Topics', 'Day care, <span lang="fi">koulut</span>', 'Districts'],
    ] as const;
    for (const [lang, topics, shown, districts] of cases) {
      const one = await (await call(`/embed/v1/frame/decisions/all?site=${site}&lang=${lang}&decision=a`)).text();
      expect(one).toContain(`<p class="nojs-terms"><strong>${topics}:</strong> ${shown}<br><strong>${districts}:</strong> ${lang === 'fi' ? 'keskusta' : '<span lang="fi">keskusta</span>'}</p>`);
      const list = await (await call(`/embed/v1/frame/decisions/all?site=${site}&lang=${lang}`)).text();
      expect(list).toContain(`<strong>${topics}:</strong> ${shown}`);
    }
  });
});
