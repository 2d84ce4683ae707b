/**
 * For the no-JavaScript frame suites (Workers runtime): the frame page as a browser without
 * JavaScript gets it, its form posted back as the browser posts it, and what the API counts.
 */
import { expect } from 'vitest';
import { ORIGIN, call } from '../../../test/workers/helpers.ts';

export { ORIGIN };

/** A client address per test run, so rate limits of one test never touch another. */
export const address = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

export interface Browser {
  /** Cookies the browser keeps, by name (path is ignored: each suite uses one poll at a time). */
  cookies: Map<string, string>;
  ip: string;
}

export const newBrowser = (): Browser => ({ cookies: new Map(), ip: address() });

function cookieHeader(browser: Browser): Record<string, string> {
  return browser.cookies.size ? { Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
}

function keep(browser: Browser, response: Response): void {
  const set = response.headers.get('Set-Cookie');
  if (!set) return;
  const [pair] = set.split(';');
  const [name, ...value] = pair!.split('=');
  browser.cookies.set(name!.trim(), value.join('='));
}

export async function get(browser: Browser, path: string): Promise<{ status: number; html: string; response: Response }> {
  const response = await call(path, { headers: { ...cookieHeader(browser), 'CF-Connecting-IP': browser.ip } });
  keep(browser, response);
  return { status: response.status, html: await response.text(), response };
}

export async function post(
  browser: Browser,
  path: string,
  fields: [string, string][],
  options: { origin?: string | null; type?: string; body?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    ...cookieHeader(browser),
    'CF-Connecting-IP': browser.ip,
    'Content-Type': options.type ?? 'application/x-www-form-urlencoded',
  };
  if (options.origin !== null) headers.Origin = options.origin ?? ORIGIN;
  const response = await call(path, { method: 'POST', headers, body: options.body ?? new URLSearchParams(fields).toString(), redirect: 'manual' });
  keep(browser, response);
  return response;
}

/** The one-off key of the page's form. */
export function formKeyOf(html: string): string {
  const match = /<input type="hidden" name="key" value="([^"]+)">/.exec(html);
  expect(match, 'the page has a form with a one-off key').not.toBeNull();
  return match![1]!;
}

/** The path (and query) of a 303's Location, after checking it is one. */
export function redirectOf(response: Response): string {
  expect(response.status).toBe(303);
  const location = response.headers.get('Location')!;
  expect(location.startsWith('/embed/v1/frame/')).toBe(true);
  return location;
}

/** Ballots counted, as an official reads them. */
export async function ballots(site: string, poll: string, owner: string): Promise<number> {
  const body = (await (await call(`/api/v1/sites/${site}/polls/${poll}`, { token: owner })).json()) as { results: { total: number } };
  return body.results.total;
}

/** Submissions stored for a form, as a moderator reads them. */
export async function submissions(site: string, form: string, owner: string): Promise<{ ref: string; answers: Record<string, unknown>; contact: Record<string, string> | null }[]> {
  const body = (await (await call(`/api/v1/sites/${site}/submissions?form=${form}&limit=100`, { token: owner })).json()) as {
    items: { ref: string; answers: Record<string, unknown>; contact: Record<string, string> | null }[];
  };
  return body.items;
}

/** Text of the page's fallback only (inside the custom element), tags removed, whitespace folded. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}
