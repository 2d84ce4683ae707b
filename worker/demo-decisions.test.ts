import { describe, expect, it } from 'vitest';
import { demoDecisionTerms } from '../demo/seed/decision-terms.ts';
import { demoDecisions } from '../demo/seed/decisions.ts';
import { DecisionInput } from './schema/decisions.ts';
import { call, createSite } from '../test/workers/helpers.ts';
import { childNamed, childrenNamed, parseXml } from '../test/workers/xml.ts';

const all = demoDecisions();
const SCHOOLS = 'kasvatus-ja-koulutuslautakunta';
const share = (predicate: (d: DecisionInput) => boolean) => all.filter(predicate).length / all.length;

describe('the demo decisions of Koivulahti', () => {
  it('are 300 valid DecisionInputs, already in the form the schema gives them', () => {
    expect(all).toHaveLength(300);
    for (const decision of all) {
      const parsed = DecisionInput.safeParse(decision);
      expect(parsed.error?.issues, decision.sourceId).toBeUndefined();
      expect(parsed.data).toEqual(decision);
    }
  });

  it('have unique source ids and are the same on every call', () => {
    expect(new Set(all.map((d) => d.sourceId)).size).toBe(all.length);
    expect(all.every((d) => d.sourceId)).toBe(true);
    expect(demoDecisions()).toEqual(all);
    const few = demoDecisions(25);
    expect(few).toHaveLength(25);
    expect(demoDecisions(25)).toEqual(few);
  });

  it('look like a city\'s minutes: weekdays out of the breaks, § numbers rising through each organ\'s year, diary numbers', () => {
    const dates = all.map((d) => d.meeting.date).sort();
    expect(dates[0]! >= '2024-11-25' && dates.at(-1)! <= '2026-11-10').toBe(true);
    expect(Number(dates.at(-1)!.slice(0, 4)) * 12 + Number(dates.at(-1)!.slice(5, 7)) - (Number(dates[0]!.slice(0, 4)) * 12 + Number(dates[0]!.slice(5, 7)))).toBeGreaterThanOrEqual(20);
    for (const d of all) {
      const day = new Date(`${d.meeting.date}T00:00:00Z`).getUTCDay();
      expect(day, d.sourceId).toBeGreaterThanOrEqual(1);
      expect(day, d.sourceId).toBeLessThanOrEqual(5);
      expect(d.meeting.date.slice(5, 7), d.sourceId).not.toBe('07');
      expect(d.caseId).toMatch(/^KOI\/\d{3,4}\/\d{2}\.\d{2}\.\d{2}\/20\d{2}$/);
      expect(d.sourceUrl).toMatch(/^https:\/\/paatokset\.koivulahti\.example\//);
      expect(d.body?.fi).toMatch(/^## Esitys\n\n[\s\S]+## Päätös\n\n/);
      expect(Date.parse(d.publishedAt!)).toBeGreaterThan(Date.parse(d.meeting.date));
    }
    // Within an organ and a year, a later meeting never has a lower § than an earlier one.
    const last = new Map<string, { date: string; section: number }>();
    for (const d of [...all].sort((a, b) => a.meeting.date.localeCompare(b.meeting.date) || Number(a.section) - Number(b.section))) {
      const key = `${d.organ.id} ${d.meeting.date.slice(0, 4)}`;
      const previous = last.get(key);
      if (previous) expect(Number(d.section), `${d.sourceId} after ${previous.date} § ${previous.section}`).toBeGreaterThan(previous.section);
      last.set(key, { date: d.meeting.date, section: Number(d.section) });
    }
    expect(new Set(all.map((d) => d.organ.id)).size).toBeGreaterThanOrEqual(6);
  });

  it('are mostly passed, mostly translated to Swedish but not all, some with plain-language summaries and non-public attachments', () => {
    expect(share((d) => d.outcome === 'passed')).toBeGreaterThan(0.6);
    expect(new Set(all.map((d) => d.outcome)).size).toBeGreaterThanOrEqual(5);
    const swedish = share((d) => Boolean(d.title.sv));
    expect(swedish).toBeGreaterThan(0.7);
    expect(swedish).toBeLessThan(0.95);
    expect(share((d) => Boolean(d.plainSummary))).toBeGreaterThan(0.1);
    expect(all.some((d) => d.attachments.some((a) => !a.public))).toBe(true);
    expect(all.some((d) => d.body?.fi?.includes('\n- '))).toBe(true);
    const schools = all.filter((d) => d.organ.id === SCHOOLS && d.topics.includes('koulut'));
    expect(schools.length).toBeGreaterThanOrEqual(15);
    for (const topic of ['koulut', 'päiväkodit', 'liikenne', 'kaavoitus', 'talous', 'kulttuuri', 'liikunta', 'ympäristö', 'sosiaalipalvelut', 'terveys']) {
      expect(all.some((d) => d.topics.includes(topic)), topic).toBe(true);
    }
    for (const district of ['keskusta', 'pohjoinen', 'etelä', 'itä', 'länsi', 'saaristo']) {
      expect(all.some((d) => d.districts.includes(district)), district).toBe(true);
    }
  });

  it('publish through the API, and fill a schools feed for a sidebar', async () => {
    const { site, owner } = await createSite({ name: { fi: 'Koivulahden kaupunki', sv: 'Björkviks stad' } });
    const newest = all.slice(-60);
    for (const decision of newest) {
      const response = await call(`/api/v1/sites/${site.id}/decisions`, { method: 'POST', token: owner, json: decision });
      expect(response.status, `${decision.sourceId}: ${response.status === 201 ? '' : await response.text()}`).toBe(201);
    }
    const everything = parseXml(await (await call(`/api/v1/sites/${site.id}/decisions.atom`)).text());
    expect(childrenNamed(everything, 'entry')).toHaveLength(50); // 60 published, the feed's most
    const schoolFeed = parseXml(await (await call(`/api/v1/sites/${site.id}/decisions.atom?organ=${SCHOOLS}&topic=koulut&limit=5`)).text());
    expect(childNamed(schoolFeed, 'title').text).toBe('Koivulahden kaupunki – päätökset: Kasvatus- ja koulutuslautakunta, koulut');
    const entries = childrenNamed(schoolFeed, 'entry');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) expect(childrenNamed(entry, 'category').map((c) => c.attrs.term)).toEqual(expect.arrayContaining([SCHOOLS, 'koulut']));
  });

  it('have every topic and district named in Finnish, Swedish and English, and the names are accepted by the API', async () => {
    const used = new Set(all.flatMap((d) => [...d.topics.map((t) => `topic:${t}`), ...d.districts.map((t) => `district:${t}`)]));
    const named = new Set(demoDecisionTerms.map((t) => `${t.kind}:${t.value}`));
    expect([...used].filter((term) => !named.has(term))).toEqual([]);
    const { site, owner } = await createSite({ languages: ['fi', 'sv', 'en'] });
    for (const term of demoDecisionTerms) {
      expect(Object.keys(term.label).sort()).toEqual(['en', 'fi', 'sv']);
      const response = await call(`/api/v1/sites/${site.id}/decision-terms/${term.kind}/${encodeURIComponent(term.value)}`, { method: 'PUT', token: owner, json: { label: term.label } });
      expect(response.status, term.value).toBe(200);
    }
    const listed = (await (await call(`/api/v1/sites/${site.id}/decision-terms`)).json()) as { items: unknown[] };
    expect(listed.items).toHaveLength(demoDecisionTerms.length);
  });
});
