import axe from 'axe-core';
import aceSource from 'accessibility-checker-engine/ace-window.js?raw';
import { expect } from 'vitest';

/** The part of IBM's engine this file uses (the package ships no types for the window build). */
interface AceResult {
  ruleId: string;
  reasonId: string;
  value: [string, string];
  path: { dom: string };
  message: string;
  snippet: string;
}
interface AceChecker {
  check(context: Element | Document, policies: string[]): Promise<{ results: AceResult[] }>;
}

/**
 * IBM Equal Access's rule engine, the one `accessibility-checker` injects into the page it tests.
 * The engine is a plain script that declares a global; it runs here in a function scope so that
 * nothing leaks into the page under test.
 */
let ace: { Checker: new () => AceChecker } | undefined;
const aceEngine = () => (ace ??= new Function(`${aceSource}\nreturn ace_ibma;`)() as { Checker: new () => AceChecker });

/** Runs axe-core (WCAG 2.1 A and AA rules) on `context` and fails with every violation listed. */
export async function expectNoAxeViolations(context: Element | Document = document): Promise<void> {
  const results = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  const described = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(described, 'axe-core violations').toEqual([]);
}

/**
 * Whether a result is about the test page rather than our code: a widget is pasted inside the host
 * page's `<main>`, and test pages that mount it straight into `<body>` have no landmark for
 * `aria_content_in_landmark` to find. Inside a `<main>` the rule runs as written.
 */
const aboutTheHostPage = (r: AceResult) =>
  r.ruleId === 'aria_content_in_landmark' && !/\/main\[\d+\]/.test(r.path.dom.split('#document-fragment')[0]!);

/**
 * Runs IBM Equal Access (policy IBM_Accessibility, as `accessibility-checker` does by default) on
 * `context` and fails with every violation in it. Potential violations and recommendations need a
 * person's judgement and are not failures, as in IBM's own default report.
 */
export async function expectNoIbmViolations(context: Element | Document = document): Promise<void> {
  const report = await new (aceEngine().Checker)().check(context, ['IBM_Accessibility']);
  const described = report.results
    .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL' && !aboutTheHostPage(r))
    .map((r) => `${r.ruleId} (${r.reasonId}): ${r.message}\n  ${r.path.dom}\n  ${r.snippet}`);
  expect(described, 'IBM Equal Access violations').toEqual([]);
}

/** Both checkers, axe-core and IBM Equal Access, on `context`: what every widget state must pass. */
export async function expectAccessible(context: Element | Document = document): Promise<void> {
  await expectNoAxeViolations(context);
  await expectNoIbmViolations(context);
}

/**
 * The name an element's `aria-labelledby` gives it (the referenced elements' texts, joined by a
 * space as browsers do), else its `aria-label`: for names built from parts in their own languages.
 */
export function labelledName(element: Element): string {
  const ids = element.getAttribute('aria-labelledby');
  if (!ids) return element.getAttribute('aria-label') ?? '';
  const root = element.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .map((id) => root.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join(' ');
}
