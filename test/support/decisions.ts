/** Browser-side helpers for the decision feed's tests: real decisions on the real API, via Vite's proxy. */
import { expect } from 'vitest';
import '../../widgets/decisions/osallistu-decisions.ts';
import type { OsallistuDecisions } from '../../widgets/decisions/osallistu-decisions.ts';
import { SITE, officialFetch } from './polls.ts';

export { SITE, officialFetch };

let counter = 0;

/** An organ of its own for one test, so its feed shows only what the test published. */
export function testOrgan(): { id: string; name: { fi: string; sv: string; en: string } } {
  const n = `${Date.now().toString(36)}-${counter++}`;
  return { id: `lautakunta-${n}`, name: { fi: `Testilautakunta ${n}`, sv: `Testnämnden ${n}`, en: `Test committee ${n}` } };
}

export function decision(organ: ReturnType<typeof testOrgan>, i: number, overrides: Record<string, unknown> = {}) {
  const day = String(28 - (i % 28)).padStart(2, '0');
  return {
    id: `${organ.id}-${i}`,
    organ,
    meeting: { date: `2026-${String(10 - Math.floor(i / 28)).padStart(2, '0')}-${day}` },
    section: String(10 + i),
    caseId: `KOI/${1000 + i}/12.00.01/2026`,
    title: { fi: `Koulukuljetusten periaatteet ${i}`, sv: `Principer för skolskjutsar ${i}`, en: `School transport principles ${i}` },
    summary: { fi: `Lautakunta hyväksyi periaatteet ${i}.`, sv: `Nämnden godkände principerna ${i}.` },
    body: { fi: `## Esitys\n\nEsittelijän **esitys** ${i}.\n\n## Päätös\n\nHyväksyttiin.`, sv: `## Förslag\n\nFöredragandens förslag ${i}.` },
    outcome: 'passed',
    topics: ['koulut'],
    attachments: [{ title: { fi: 'Liite 1', sv: 'Bilaga 1' }, url: 'https://paatokset.koivulahti.example/liite.pdf' }],
    sourceUrl: `https://paatokset.koivulahti.example/${organ.id}/${i}`,
    ...overrides,
  };
}

/** Publishes `count` decisions of a fresh organ (newest first: 0, 1, 2, …) and returns the organ. */
export async function publishDecisions(count: number, overrides: (i: number) => Record<string, unknown> = () => ({})) {
  const organ = testOrgan();
  for (let i = 0; i < count; i++) {
    const response = await officialFetch('/decisions', { method: 'POST', body: JSON.stringify(decision(organ, i, overrides(i))) });
    if (response.status !== 201) throw new Error(`publish ${response.status}: ${await response.text()}`);
  }
  return organ;
}

export async function mountDecisions(attrs: Record<string, string>, lang = 'fi'): Promise<OsallistuDecisions> {
  const section = document.createElement('section');
  section.lang = lang;
  const el = document.createElement('osallistu-decisions');
  el.setAttribute('site', SITE);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  section.append(el);
  document.body.append(section);
  await el.updateComplete;
  return el;
}

export const root = (el: Element) => el.shadowRoot!;
export const textIn = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';

export async function ready(el: OsallistuDecisions): Promise<void> {
  await expect.poll(() => root(el)?.querySelector('.decisions[aria-busy="false"]'), { timeout: 10_000 }).toBeTruthy();
  await el.updateComplete;
}
