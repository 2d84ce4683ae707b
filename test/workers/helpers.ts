/** Shared by the Workers-runtime suites: real app, real D1, no mocks. */
import { env, exports } from 'cloudflare:workers';
import { newTokenSecret, randomId, sha256Hex } from '../../worker/crypto.ts';
import { insertSiteStatement } from '../../worker/db/sites.ts';
import { insertTokenStatement } from '../../worker/db/tokens.ts';
import type { Role, Site } from '../../worker/schema/sites.ts';

export const ORIGIN = 'https://osallistu.test';

export interface TestSite {
  site: Site;
  /** An owner token of this site. */
  owner: string;
}

/** A fresh site with a unique slug and an owner token. */
export async function createSite(overrides: Partial<Site> = {}): Promise<TestSite> {
  const site: Site = {
    id: `t-${randomId(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`,
    name: { fi: 'Testikunta', sv: 'Testkommun' },
    defaultLang: 'fi',
    languages: ['fi', 'sv'],
    origins: ['https://www.testikunta.example'],
    ...overrides,
  };
  await env.DB.batch([insertSiteStatement(env.DB, site, new Date().toISOString())]);
  return { site, owner: await createToken(site.id, 'owner') };
}

export async function createToken(siteId: string, role: Role, label = `${role} test`): Promise<string> {
  const secret = newTokenSecret();
  await env.DB.batch([
    insertTokenStatement(env.DB, {
      id: randomId(9),
      siteId,
      tokenHash: await sha256Hex(secret),
      role,
      label,
      createdBy: null,
      createdAt: new Date().toISOString(),
    }),
  ]);
  return secret;
}

export interface CallOptions extends Omit<RequestInit, 'body'> {
  token?: string;
  /** Sent as JSON with the right Content-Type. */
  json?: unknown;
  body?: BodyInit | null;
}

/** A request to the real app, as a browser or script would send it. */
export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const { token, json, headers, ...init } = options;
  const merged = new Headers(headers);
  if (token) merged.set('Authorization', `Bearer ${token}`);
  if (json !== undefined) merged.set('Content-Type', 'application/json');
  return exports.default.fetch(`${ORIGIN}${path}`, {
    ...init,
    headers: merged,
    body: json !== undefined ? JSON.stringify(json) : init.body,
  });
}

/** The error envelope of a response, asserting it has the documented shape. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; issues?: { path: (string | number)[]; message: string }[] }> {
  const body = (await response.json()) as { error?: { code: string; message: string } };
  if (!body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`Not an error envelope: ${JSON.stringify(body)}`);
  }
  return body.error;
}
