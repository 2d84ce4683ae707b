/** Shared by the Workers-runtime suites: real app, real D1, no mocks. */
import { env, exports } from 'cloudflare:workers';
import { newTokenSecret, randomId, sha256Hex } from '../../worker/crypto.ts';
import { insertSiteStatement } from '../../worker/db/sites.ts';
import { insertTokenStatement } from '../../worker/db/tokens.ts';
import type { Lang } from '../../worker/schema/common.ts';
import type { Role, Site } from '../../worker/schema/sites.ts';

export const ORIGIN = 'https://osallistu.test';

type BasicSite = Pick<Site, 'id' | 'name' | 'defaultLang' | 'languages' | 'origins'>;

export interface TestSite {
  site: BasicSite;
  /** An owner token of this site. */
  owner: string;
}

/** A fresh site with a unique slug and an owner token. */
export async function createSite(overrides: Partial<BasicSite> = {}): Promise<TestSite> {
  const site: BasicSite = {
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

export async function createToken(siteId: string, role: Role, label = `${role} test`, labelLang: Lang = 'en'): Promise<string> {
  const secret = newTokenSecret();
  await env.DB.batch([
    insertTokenStatement(env.DB, {
      id: randomId(9),
      siteId,
      tokenHash: await sha256Hex(secret),
      role,
      label,
      labelLang,
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

let voterCounter = 0;
/** A voter token like the widget makes (16+ characters). */
export function newVoter(): string {
  return `voter-${crypto.randomUUID().replaceAll('-', '')}-${voterCounter++}`;
}

export const TEXT_POLL = {
  kind: 'single',
  question: { fi: 'Mikä on tärkeintä?', sv: 'Vad är viktigast?' },
  options: [
    { id: 'a', label: { fi: 'Pyörätiet', sv: 'Cykelvägar' } },
    { id: 'b', label: { fi: 'Jalkakäytävät', sv: 'Trottoarer' } },
    { id: 'c', label: { fi: 'Bussipysäkit', sv: 'Busshållplatser' } },
  ],
  status: 'open',
} as const;

/** Creates a poll through the API and returns its id. */
export async function createPoll(siteId: string, token: string, poll: Record<string, unknown> = {}): Promise<string> {
  const response = await call(`/api/v1/sites/${siteId}/polls`, { method: 'POST', token, json: { ...TEXT_POLL, ...poll } });
  if (response.status !== 201) throw new Error(`createPoll: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export interface BallotOptions {
  voter?: string;
  key?: string;
  ip?: string;
  headers?: Record<string, string>;
}

export function castBallot(siteId: string, pollId: string, body: unknown, options: BallotOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.voter) headers['X-Voter-Token'] = options.voter;
  if (options.key) headers['Idempotency-Key'] = options.key;
  headers['CF-Connecting-IP'] = options.ip ?? `198.51.100.${Math.floor(Math.random() * 250)}`;
  return call(`/api/v1/sites/${siteId}/polls/${pollId}/ballots`, { method: 'POST', json: body, headers });
}
