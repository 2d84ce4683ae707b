/**
 * Walks every operation in /api/openapi.json and throws hostile requests at it: broken JSON,
 * wrong types, unknown fields, huge strings, unicode edge cases, SQL and HTML payloads, wrong
 * auth. Whatever comes in, the answer is never a 5xx, every error is the documented envelope,
 * and no table gains or loses a row. A route is covered the moment it is registered.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/index.ts';
import { tableRowCounts } from '../../worker/db/introspection.ts';
import { call, createPoll, createSite, createToken } from '../workers/helpers.ts';

interface Operation {
  method: string;
  path: string;
  parameters?: { name: string; in: 'path' | 'query' | 'header' }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components: { schemas: Record<string, Schema> };
}

const RUNS_PER_OPERATION = 300;

const hostileText = fc.oneof(
  fc.constantFrom(
    "' OR '1'='1",
    "'; DROP TABLE sites; --",
    '" UNION SELECT token_hash FROM api_tokens --',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u0000',
    '\ud800',
    '\u202e\u2066RTL',
    'Z\u0351\u0358\u0334a\u0316\u034el\u0322g\u0321o',
    '💩'.repeat(300),
    'ä'.repeat(5000),
    '../../../etc/passwd',
    '%00%ff',
    '{{7*7}}${7*7}',
    '__proto__',
    'constructor',
    'NaN',
    '-1',
    '1e309',
    '',
    ' ',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 5 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 4 }),
  fc.constant('x'.repeat(70_000)),
);

/** Bodies that can never be valid: broken JSON, JSON that is not an object, or an unknown key. */
function invalidBody(knownKeys: string[]): fc.Arbitrary<string> {
  const keys = knownKeys.length ? knownKeys : ['id'];
  return fc.oneof(
    fc.constantFrom('{', '{"a":', '[1,2', 'nul', '', '{"a":1}}', "{'a':1}", '\u0000', '{"a":"\\x"}', 'true false'),
    fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(hostileValue, { maxLength: 3 })).map((v) => JSON.stringify(v)),
    fc
      .record({ picked: fc.subarray(keys), values: fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length }), extra: hostileText })
      .map(({ picked, values, extra }) => JSON.stringify({ ...Object.fromEntries(picked.map((k, i) => [k, values[i]])), [`__fuzz_${extra.length}`]: extra })),
  );
}

// Mostly JSON, so most requests get past the media-type check to the validators behind it.
const contentType = fc.oneof(
  { arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8'), weight: 8 },
  { arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', null), weight: 2 },
);
// Mostly the right owner token, so most requests get past auth to the validators.
const auth = fc.oneof(
  { arbitrary: fc.constant('owner' as const), weight: 6 },
  { arbitrary: fc.constantFrom('none' as const, 'garbage' as const, 'otherSite' as const, 'viewer' as const), weight: 4 },
);

// Read at collection time, so each operation is a test of its own with its own time-out.
const doc = (await (await call('/api/openapi.json')).json()) as OpenApiDoc;
let siteId: string;
/** Ids of real resources per path parameter, so requests also reach the handlers behind the lookups. */
const known: Record<string, string[]> = {};
let tokens: Record<'owner' | 'viewer' | 'otherSite', string>;

beforeAll(async () => {
  const home = await createSite();
  const other = await createSite();
  siteId = home.site.id;
  tokens = { owner: home.owner, viewer: await createToken(siteId, 'viewer'), otherSite: other.owner };
  known.poll = [await createPoll(siteId, home.owner, { id: 'fuzz-poll', allowChange: true })];
  const form = await call(`/api/v1/sites/${siteId}/forms`, {
    method: 'POST',
    token: home.owner,
    json: { id: 'fuzz-form', title: { fi: 'Palaute' }, fields: [{ key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true }], status: 'open' },
  });
  if (form.status !== 201) throw new Error(`fuzz form: ${form.status}`);
  known.form = ['fuzz-form'];
  const video = await call(`/api/v1/sites/${siteId}/videos`, {
    method: 'POST',
    token: home.owner,
    json: { id: 'fuzz-video', channel: 'fuzz-channel', provider: 'youtube', ref: 'aqz-KE-bpKQ', title: { fi: 'Video' } },
  });
  if (video.status !== 201) throw new Error(`fuzz video: ${video.status}`);
  known.video = ['fuzz-video'];
  known.channel = ['fuzz-channel'];
  known.lang = ['fi', 'sv', 'en'];
  known.kind = ['topic', 'district'];
  known.value = ['koulut', 'päiväkodit'];
});

function operations(): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
  );
}

function bodyKeys(operation: Operation): string[] {
  let schema = operation.requestBody?.content['application/json']?.schema;
  if (schema?.$ref) schema = doc.components.schemas[schema.$ref.split('/').pop()!];
  return Object.keys(schema?.properties ?? {});
}

/** Encoded as a browser would, except raw percent sequences, which are sent broken on purpose. */
function pathSegment(value: string): string {
  return /^%[0-9a-f]{2}/i.test(value) ? value : encodeURIComponent(value.toWellFormed());
}

function requestFor(operation: Operation) {
  const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'site');
  const queryNames = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  return fc.record({
    auth,
    params: fc.tuple(
      ...pathParams.map((p) =>
        // A DELETE aimed at a real resource would rightly delete it: those get hostile ids only.
        known[p.name]?.length && operation.method !== 'DELETE'
          ? fc.oneof({ arbitrary: fc.constantFrom(...known[p.name]!), weight: 3 }, { arbitrary: hostileText.filter((s) => s.length <= 300), weight: 1 })
          : hostileText.filter((s) => s.length <= 300),
      ),
    ),
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryNames, 'x'), hostileText), hostileValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''))), { maxLength: 4 }),
    body: invalidBody(bodyKeys(operation)),
    contentType,
  });
}

describe('every registered route', () => {
  it('is in the OpenAPI document, so the fuzz suite reaches it', () => {
    const registered = app.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/') && route.path !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = operations().map((op) => `${op.method} ${op.path}`);
    expect(registered.length).toBeGreaterThan(0);
    for (const route of registered) expect(documented).toContain(route);
  });
});

describe('fuzzing every operation in /api/openapi.json', () => {
  it('finds operations to fuzz', () => {
    expect(operations().length).toBeGreaterThanOrEqual(9);
  });

  // Operations are read at run time, so a new route is fuzzed without editing this file.
  const tally: Record<string, Record<number, number>> = {};
  afterAll(() => {
    console.info('Fuzz status counts per operation:', JSON.stringify(tally));
    const statuses = Object.values(tally).flatMap((counts) => Object.entries(counts));
    const total = statuses.reduce((sum, [, n]) => sum + n, 0);
    const serverErrors = statuses.filter(([status]) => Number(status) >= 500).reduce((sum, [, n]) => sum + n, 0);
    console.info(`Fuzzed ${total} requests over ${Object.keys(tally).length} operations: ${serverErrors} 5xx`);
  });

  for (const operation of operations()) {
    const isWrite = operation.method !== 'GET';
    const label = `${operation.method} ${operation.path}`;
    it(`${label}: ${RUNS_PER_OPERATION} hostile requests, never a 5xx, always the envelope, nothing written`, async () => {
      tally[label] = {};
      await fc.assert(
        fc.asyncProperty(requestFor(operation), async (req) => {
          let i = 0;
          const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            name === 'site' ? siteId : pathSegment(req.params[i++] ?? 'x'),
          );
          const query = new URLSearchParams(req.query).toString();
          const headers: Record<string, string> = {};
          if (req.auth === 'garbage') headers.Authorization = 'Bearer osl_garbage';
          else if (req.auth !== 'none') headers.Authorization = `Bearer ${tokens[req.auth]}`;
          if (isWrite && req.contentType) headers['Content-Type'] = req.contentType;

          const before = await tableRowCounts(env.DB);
          const response = await call(`${path}${query ? `?${query}` : ''}`, {
            method: operation.method,
            headers,
            body: isWrite && operation.method !== 'DELETE' ? req.body : undefined,
          });
          const status = response.status;
          tally[label]![status] = (tally[label]![status] ?? 0) + 1;
          const text = await response.text();
          const after = await tableRowCounts(env.DB);

          expect(status, `${label} → ${status}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (status >= 400) {
            const body = JSON.parse(text) as { error: { code: string; message: string } };
            expect(body.error.code).toMatch(/^[a-z_]+$/);
            expect(body.error.message.length).toBeGreaterThan(0);
          }
          if (isWrite && operation.method !== 'DELETE') expect(status, `${label} accepted a malformed body`).toBeGreaterThanOrEqual(400);
          if (status >= 400 || !isWrite) expect(after, `${label} → ${status} changed row counts`).toEqual(before);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }, 120_000);
  }
});
