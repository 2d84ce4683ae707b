import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { decideCase, newCaseId, sendFeedback } from '../../test/support/cases.ts';
import { BASE_FORM, SITE, createForm, root, textIn } from '../../test/support/forms.ts';
import { LanguageWords } from '../../test/support/languages.ts';
import { formatDate } from '../core/format.ts';
import './osallistu-feedback-status.ts';
import type { OsallistuFeedbackStatus } from './osallistu-feedback-status.ts';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

const LANGS = ['fi', 'sv', 'en'] as const;
const STATUS = { fi: 'Tila: Vastaanotettu', sv: 'Status: Mottagen', en: 'Status: Received' };

async function mountStatus(lang: string, ref: string): Promise<OsallistuFeedbackStatus> {
  const section = document.createElement('section');
  section.lang = lang;
  const el = document.createElement('osallistu-feedback-status');
  el.setAttribute('site', SITE);
  el.setAttribute('ref', ref);
  section.append(el);
  document.body.append(section);
  await el.updateComplete;
  return el;
}

const decidedBlock = (el: Element) => root(el).querySelector<HTMLElement>('.result .decided');

describe('<osallistu-feedback-status> of feedback about a case (issue 17): what was decided, fi/sv/en, axe-clean', () => {
  it.each(LANGS)('decided (%s): the newest decision under the replies, compact, its title the link to it', async (lang) => {
    const caseId = newCaseId();
    const ref = await sendFeedback(await createForm({ caseId }));
    const decided = await decideCase(caseId, { meeting: { date: '2026-11-17' }, section: '7', outcome: 'rejected', plainSummary: { fi: 'Ehdotus hylättiin.', sv: 'Förslaget förkastades.' } });
    const el = await mountStatus(lang, ref);
    await expect.poll(() => decidedBlock(el)).toBeTruthy();
    expect(textIn(el)).toContain(STATUS[lang]);
    const block = decidedBlock(el)!;
    const heading = block.querySelector('[role="heading"]')!;
    expect(heading.textContent).toBe({ fi: 'Mitä päätettiin', sv: 'Vad beslutades', en: 'What was decided' }[lang]);
    // One below the result's own heading, beside "Replies".
    expect(heading.getAttribute('aria-level')).toBe('3');
    expect(block.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`${decided.organ.name[lang]} · ${formatDate('2026-11-17T12:00:00Z', lang, 'medium')} · § 7`);
    expect(block.querySelector('.decided-title')?.textContent).toBe(decided.title[lang]);
    expect(block.querySelector('.decided-outcome')?.textContent?.replace(/\s+/g, ' ').trim()).toBe({ fi: 'Päätös: Hylätty', sv: 'Beslut: Förkastat', en: 'Decision: Rejected' }[lang]);
    const summary = block.querySelector('.decided-summary')!;
    expect(summary.textContent).toBe({ fi: 'Ehdotus hylättiin.', sv: 'Förslaget förkastades.', en: 'Ehdotus hylättiin.' }[lang]);
    expect(summary.getAttribute('lang')).toBe({ fi: 'fi', sv: 'sv', en: 'fi' }[lang]);
    const links = [...block.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((link) => [link.textContent, link.href])).toEqual([[decided.title[lang], decided.sourceUrl]]);
    expect(new LanguageWords([BASE_FORM, decided]).mismatches(el.parentElement!)).toEqual([]);
    await expectAccessible(el);
  });

  it.each(LANGS)('not decided yet (%s): says so, with the case number', async (lang) => {
    const caseId = newCaseId();
    const ref = await sendFeedback(await createForm({ caseId }));
    const el = await mountStatus(lang, ref);
    await expect.poll(() => decidedBlock(el)).toBeTruthy();
    expect(decidedBlock(el)!.querySelector('[role="heading"]')?.getAttribute('aria-level')).toBe('3');
    const [heading, line] = [...decidedBlock(el)!.children].map((p) => p.textContent);
    expect(heading).toBe({ fi: 'Mitä päätettiin', sv: 'Vad beslutades', en: 'What was decided' }[lang]);
    expect(line).toBe({ fi: `Asiassa ${caseId} ei ole vielä tehty päätöstä.`, sv: `Inget beslut har ännu fattats i ärende ${caseId}.`, en: `No decision yet on case ${caseId}.` }[lang]);
    expect(decidedBlock(el)!.querySelector('a')).toBeNull();
    await expectAccessible(el);
  });

  it('feedback about no case shows nothing of one', async () => {
    const ref = await sendFeedback(await createForm());
    const el = await mountStatus('fi', ref);
    await expect.poll(() => textIn(el)).toContain(STATUS.fi);
    const status = (await (await fetch(`/api/v1/sites/${SITE}/submissions/${ref}`)).json()) as { caseId: string | null };
    expect(status.caseId).toBeNull();
    await el.updateComplete;
    expect(root(el).querySelector('.decided')).toBeNull();
    expect(textIn(el)).not.toContain('Mitä päätettiin');
  });
});
