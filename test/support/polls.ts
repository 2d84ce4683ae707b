/** Browser-side helpers for the poll widget's tests: real polls on the real API, via Vite's proxy. */
import { expect, inject } from 'vitest';
import { demoSite } from '../../demo/seed/site.ts';
import '../../widgets/poll/osallistu-poll.ts';
import type { OsallistuPoll } from '../../widgets/poll/osallistu-poll.ts';
import type { PollView } from '../../worker/schema/polls.ts';

export const SITE = demoSite.id;

export const BASE_POLL = {
  kind: 'single',
  question: { fi: 'Mikä on tärkeintä?', sv: 'Vad är viktigast?', en: 'What matters most?' },
  options: [
    { id: 'a', label: { fi: 'Pyörätiet', sv: 'Cykelvägar', en: 'Cycle paths' } },
    { id: 'b', label: { fi: 'Jalkakäytävät', sv: 'Trottoarer', en: 'Pavements' } },
    { id: 'c', label: { fi: 'Bussipysäkit', sv: 'Busshållplatser', en: 'Bus stops' } },
  ],
  status: 'open',
  resultsVisibility: 'after_vote',
};

let counter = 0;

export async function officialFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const { token } = inject('devServer');
  return fetch(`/api/v1/sites/${SITE}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
  });
}

/** Creates a poll on the demo site and returns its id. */
export async function createPoll(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = `w-${Date.now().toString(36)}-${counter++}`;
  const response = await officialFetch('/polls', { method: 'POST', body: JSON.stringify({ ...BASE_POLL, ...overrides, id }) });
  if (response.status !== 201) throw new Error(`createPoll ${response.status}: ${await response.text()}`);
  return id;
}

/** The poll as an official sees it: results always included. */
export async function officialView(id: string): Promise<{ results: { total: number; options: { id: string; count: number }[] } }> {
  return (await officialFetch(`/polls/${id}`)).json();
}

/** Puts `<osallistu-poll>` in a section of language `lang` and waits for its first render. */
export async function mountPoll(id: string, options: { lang?: string; attrs?: Record<string, string> } = {}): Promise<OsallistuPoll> {
  const section = document.createElement('section');
  section.lang = options.lang ?? 'fi';
  const el = document.createElement('osallistu-poll');
  el.setAttribute('site', SITE);
  el.setAttribute('poll', id);
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  section.append(el);
  document.body.append(section);
  await el.updateComplete;
  return el;
}

/** A poll as the console's live preview hands it to the widget (no API behind it): open, anonymous, in three languages. */
export const previewView = (poll: Pick<PollView, 'kind' | 'question' | 'options'> & Partial<PollView>): PollView => ({
  id: 'preview',
  site: SITE,
  minChoices: 1,
  maxChoices: 1,
  resultsVisibility: 'always',
  voterMode: 'anonymous',
  allowChange: false,
  opensAt: null,
  closesAt: null,
  status: 'open',
  state: 'open',
  caseId: null,
  languages: ['fi', 'sv', 'en'],
  ...poll,
});

/** Puts a console-style preview of `view` in a section of language `lang`. */
export function mountPreview(view: PollView, lang = 'fi'): OsallistuPoll {
  const section = document.createElement('section');
  section.lang = lang;
  const el = document.createElement('osallistu-poll');
  el.setAttribute('site', SITE);
  el.setAttribute('api', location.origin);
  el.preview = view;
  section.append(el);
  document.body.append(section);
  return el;
}

export const shadow = (el: OsallistuPoll) => el.shadowRoot!;
export const textOf = (el: OsallistuPoll) => shadow(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The element that has focus, followed down through open shadow roots (`document.activeElement` stops at a host). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether the focus is inside `el` (its shadow tree included); never true of `<body>`. */
export function focusIsInside(el: Element): boolean {
  for (let node: Node | null = deepActiveElement(); node && node !== document.body; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node === el) return true;
  }
  return false;
}

/** Waits until the widget has left its loading state. */
export async function settled(el: OsallistuPoll): Promise<void> {
  await expect.poll(() => shadow(el)?.querySelector('.poll[aria-busy="false"]'), { timeout: 10_000 }).toBeTruthy();
  await el.updateComplete;
}
