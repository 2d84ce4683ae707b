import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { castBallot, closePoll, newCaseId, sendFeedback } from '../../test/support/cases.ts';
import { mountDecisions, publishDecisions, ready, root } from '../../test/support/decisions.ts';
import { createForm } from '../../test/support/forms.ts';
import { createPoll } from '../../test/support/polls.ts';

afterEach(() => document.body.replaceChildren());

const LANGS = ['fi', 'sv', 'en'] as const;
const ASKED = { fi: 'Asukkailta kysyttiin', sv: 'Invånarna tillfrågades', en: 'Residents were asked' };
const toggles = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('button.toggle')];
const askedHeading = (el: Element) => [...root(el).querySelectorAll('.more [role="heading"]')].find((h) => Object.values(ASKED).includes(h.textContent ?? ''));

describe('<osallistu-decisions>, a decision opened: what residents were asked about its case (issue 17), fi/sv/en, axe-clean', () => {
  it.each(LANGS)('(%s) each poll with its answers once public and a link to it, and the feedback sent on the case', async (lang) => {
    const caseId = newCaseId();
    const closed = await createPoll({ caseId, resultsVisibility: 'always', question: { fi: 'Aurataanko pyörätiet ensin?', sv: 'Ska cykelvägarna plogas först?', en: 'Should cycle paths be cleared first?' } });
    await castBallot(closed, ['a']);
    await castBallot(closed, ['b']);
    await closePoll(closed);
    // Open, its results published only when it closes: no count yet.
    const open = await createPoll({ caseId, resultsVisibility: 'after_close', question: { fi: 'Missä liukkaus haittaa eniten?' } });
    await castBallot(open, ['c']);
    await sendFeedback(await createForm({ caseId }));
    const organ = await publishDecisions(1, () => ({ caseId }));
    const el = await mountDecisions({ organ: organ.id }, lang);
    await ready(el);
    toggles(el)[0]!.click();
    await expect.poll(() => askedHeading(el)).toBeTruthy();
    expect(askedHeading(el)!.textContent).toBe(ASKED[lang]);
    expect(askedHeading(el)!.getAttribute('aria-level')).toBe('3');
    const polls = [...root(el).querySelectorAll('.more .asked li')];
    expect(polls).toHaveLength(2);
    const [first, second] = polls.map((li) => li.querySelector<HTMLAnchorElement>('a')!);
    expect(first!.textContent).toBe({ fi: 'Aurataanko pyörätiet ensin?', sv: 'Ska cykelvägarna plogas först?', en: 'Should cycle paths be cleared first?' }[lang]);
    expect(first!.getAttribute('lang')).toBe(lang);
    expect(new URL(first!.href).pathname).toBe(`/embed/v1/frame/poll/${closed}`);
    expect(new URL(first!.href).searchParams.get('lang')).toBe(lang);
    expect(polls[0]!.textContent?.replace(/\s+/g, ' ').trim()).toBe(`${first!.textContent} – ${{ fi: '2 vastausta', sv: '2 svar', en: '2 answers' }[lang]}`);
    // A question in Finnish only keeps its language on a Swedish or English page.
    expect(second!.textContent).toBe('Missä liukkaus haittaa eniten?');
    expect(second!.getAttribute('lang')).toBe('fi');
    expect(polls[1]!.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Missä liukkaus haittaa eniten? – ${{ fi: 'kysely on vielä auki', sv: 'enkäten är fortfarande öppen', en: 'the poll is still open' }[lang]}`);
    expect(root(el).querySelector('.more')?.textContent).toContain(
      { fi: 'Asiasta annettiin 1 palaute.', sv: 'Invånarna gav respons om ärendet en gång.', en: '1 piece of feedback on this case.' }[lang],
    );
    await expectAccessible(el);
  });

  it('counts in the language\'s own way: "1 vastaus", and the feedback in plural', async () => {
    const caseId = newCaseId();
    const poll = await createPoll({ caseId, resultsVisibility: 'always' });
    await castBallot(poll, ['a']);
    await closePoll(poll);
    const form = await createForm({ caseId });
    await sendFeedback(form);
    await sendFeedback(form);
    const organ = await publishDecisions(1, () => ({ caseId }));
    const el = await mountDecisions({ organ: organ.id }, 'fi');
    await ready(el);
    toggles(el)[0]!.click();
    await expect.poll(() => root(el).querySelector('.more .asked li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Mikä on tärkeintä? – 1 vastaus');
    expect(root(el).querySelector('.more')?.textContent).toContain('Asiasta annettiin 2 palautetta.');
  });

  it('shows nothing of it when no poll and no feedback asked about the case', async () => {
    const caseId = newCaseId();
    const organ = await publishDecisions(1, () => ({ caseId }));
    const el = await mountDecisions({ organ: organ.id }, 'fi');
    await ready(el);
    toggles(el)[0]!.click();
    await expect.poll(() => root(el).querySelector('.more .body')).toBeTruthy();
    // The case has arrived (with nothing asked about it), not merely not yet.
    const asked = () => (el as unknown as { asked: Map<string, { polls: unknown[]; feedback: number }> }).asked.get(caseId);
    await expect.poll(asked).toEqual({ polls: [], feedback: 0 });
    await el.updateComplete;
    expect(askedHeading(el)).toBeUndefined();
    expect(root(el).querySelector('.asked')).toBeNull();
    await expectAccessible(el);
  });
});
