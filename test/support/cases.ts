/**
 * Browser-side helpers for the tests of cases (issue 17, closing the loop): a poll, feedback and
 * decisions that share a case id, made through the real API with the test token.
 */
import { decision, officialFetch, testOrgan } from './decisions.ts';
import { SITE } from './polls.ts';

let counter = 0;

/** A case id no other test uses (a poll's case id is at most 60 characters). */
export function newCaseId(): string {
  return `KOI/${Date.now().toString(36)}${counter++}/10.03.00/2026`;
}

/** One ballot from a voter of its own (not this browser's): the poll's answer count goes up by one. */
export async function castBallot(poll: string, choices: string[]): Promise<void> {
  const response = await fetch(`/api/v1/sites/${SITE}/polls/${poll}/ballots`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Voter-Token': crypto.randomUUID().replaceAll('-', '') },
    body: JSON.stringify({ choices }),
  });
  if (response.status !== 201) throw new Error(`castBallot ${response.status}: ${await response.text()}`);
}

/** Closes a poll as an official does (which seals it, and hands its ballots to D1). */
export async function closePoll(poll: string): Promise<void> {
  const response = await officialFetch(`/polls/${poll}`, { method: 'PATCH', body: JSON.stringify({ status: 'closed' }) });
  if (response.status !== 200) throw new Error(`closePoll ${response.status}: ${await response.text()}`);
}

/** Publishes a decision on `caseId` by a fresh organ and returns what was sent. */
export async function decideCase(caseId: string, overrides: Record<string, unknown> = {}) {
  const sent = decision(testOrgan(), 0, { caseId, ...overrides });
  const response = await officialFetch('/decisions', { method: 'POST', body: JSON.stringify(sent) });
  if (response.status !== 201) throw new Error(`decideCase ${response.status}: ${await response.text()}`);
  return sent;
}

/** Sends one piece of feedback with a form (the base form's required answers) and returns its reference code. */
export async function sendFeedback(form: string): Promise<string> {
  const response = await fetch(`/api/v1/sites/${SITE}/forms/${form}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers: { message: 'Hyvä, että tästä kysytään.', topic: 'streets' } }),
  });
  if (response.status !== 201) throw new Error(`sendFeedback ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { ref: string }).ref;
}

/** The officials' list of cases that await a decision: how many residents wait for the email on `caseId`. */
export async function waitingOn(caseId: string): Promise<number> {
  const response = await officialFetch('/cases/awaiting');
  const { items } = (await response.json()) as { items: { caseId: string; waiting: number }[] };
  return items.find((item) => item.caseId === caseId)?.waiting ?? 0;
}
