/**
 * The Osallistu side of the WordPress suite: a site whose registered origin is the test
 * WordPress, and polls and forms on it created through the real API with its owner token.
 */
import { upsertSiteWithToken } from '../../../scripts/lib/sites.ts';
import type { RunningDevServer } from '../../support/dev-server.ts';
import type { WordPressInfo } from './wordpress.ts';

export interface WordPressContext extends WordPressInfo {
  /** The Osallistu server (wrangler dev). */
  service: string;
  /** The Osallistu site the WordPress embeds from. */
  site: string;
  /** An owner token of that site. */
  token: string;
}

export const WP_SITE_ID = 'wordpress-test';

/** Creates (or updates) the site with `origin` registered and issues an owner token. */
export async function createTestSite(server: RunningDevServer, origin: string): Promise<{ site: string; token: string }> {
  const issued = await upsertSiteWithToken(
    { id: WP_SITE_ID, name: { fi: 'Koivulahti (WordPress)', sv: 'Björkvik (WordPress)', en: 'Koivulahti (WordPress)' }, defaultLang: 'fi', languages: ['fi', 'sv', 'en'], origins: [origin] },
    { role: 'owner', label: 'wordpress-test', replaceLabel: true },
    { persistTo: server.persistTo },
  );
  return { site: issued.site, token: issued.token };
}

let counter = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

/** A request to the site's API as its owner. */
export async function official(wp: WordPressContext, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${wp.service}/api/v1/sites/${wp.site}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${wp.token}`, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
  });
}

export const POLL_OPTIONS = [
  { id: 'paths', label: { fi: 'Pyörätiet', sv: 'Cykelvägar', en: 'Cycle paths' } },
  { id: 'pavements', label: { fi: 'Jalkakäytävät', sv: 'Trottoarer', en: 'Pavements' } },
];

/** An open single-choice poll; returns its id and question (English). */
export async function createPoll(wp: WordPressContext, question = 'What should be cleared first?'): Promise<{ id: string; question: string }> {
  const id = uniqueId('wp-poll');
  const response = await official(wp, '/polls', {
    method: 'POST',
    body: JSON.stringify({ id, kind: 'single', question: { fi: `${question} (fi)`, sv: `${question} (sv)`, en: question }, options: POLL_OPTIONS, status: 'open', resultsVisibility: 'after_vote' }),
  });
  if (response.status !== 201) throw new Error(`createPoll ${response.status}: ${await response.text()}`);
  return { id, question };
}

/** How many ballots each option of a poll has, as an official sees it. */
export async function pollCounts(wp: WordPressContext, poll: string): Promise<Record<string, number>> {
  const view = (await (await official(wp, `/polls/${poll}`)).json()) as { results: { options: { id: string; count: number }[] } };
  return Object.fromEntries(view.results.options.map((option) => [option.id, option.count]));
}

/** An open feedback form with one required text field. */
export async function createForm(wp: WordPressContext): Promise<{ id: string; title: string }> {
  const id = uniqueId('wp-form');
  const title = 'Tell the city';
  const response = await official(wp, '/forms', {
    method: 'POST',
    body: JSON.stringify({
      id,
      title: { fi: 'Kerro kaupungille', sv: 'Berätta för staden', en: title },
      fields: [{ key: 'message', type: 'longText', label: { fi: 'Palautteesi', sv: 'Din respons', en: 'Your feedback' }, required: true, maxLength: 500 }],
      status: 'open',
    }),
  });
  if (response.status !== 201) throw new Error(`createForm ${response.status}: ${await response.text()}`);
  return { id, title };
}

/** The reference codes of a form's submissions. */
export async function submissionRefs(wp: WordPressContext, form: string): Promise<string[]> {
  const response = await official(wp, `/submissions?form=${form}&limit=100`);
  return ((await response.json()) as { items: { ref: string }[] }).items.map((item) => item.ref);
}
