import axe from 'axe-core';
import { expect } from 'vitest';

/** Runs axe-core (WCAG 2.1 A and AA rules) on `context` and fails with every violation listed. */
export async function expectNoAxeViolations(context: Element | Document = document): Promise<void> {
  const results = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  const described = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(described, 'axe-core violations').toEqual([]);
}
