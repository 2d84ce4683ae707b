/**
 * The cross-site × role matrix: every operation in /api/openapi.json (read at run time, so a new
 * route joins by being registered), plus Open311, the frames, the console page and the bench
 * routes, is called by no token, a garbage token, revoked tokens and every role of both sites,
 * on both sites' paths with both sites' object ids, from no origin, the site's own, the API's own
 * and `null` (a sandboxed frame), and then, with the owning site's owner and a valid body, from the
 * other site's and an unregistered origin. An attack succeeds if it gets a 2xx/3xx where the rules
 * say no, changes any row (or stored file), shows text that belongs to the other site or above the
 * caller's role, or gets `Access-Control-Allow-Origin` for a foreign origin on anything but the
 * readable `origin_not_allowed` refusal. The controls then prove each write's body valid: the owning
 * site's token with the least role needed is answered 2xx, and the other site stays untouched.
 */
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../workers/helpers.ts';
import { REQUIRED_QUERIES, VALID_BODIES } from './access-matrix/bodies.ts';
import type { RequestSpec } from './access-matrix/bodies.ts';
import { SHARED_PARAMS, authVariants, idsKind, callerOn, changes, corsProblems, expectationFor, hiddenResultsShown, leaksIn, levelOf, operationsOf, snapshot } from './access-matrix/oracle.ts';
import type { Attempt, Auth, CorsRule, Expectation, Operation, Outcome, Snapshot, View } from './access-matrix/oracle.ts';
import { attackOpen311, attackOtherSurfaces } from './access-matrix/surfaces.ts';
import type { MatrixContext } from './access-matrix/surfaces.ts';
import { API_ORIGIN, UNREGISTERED_ORIGIN, seedSite } from './access-matrix/seed.ts';
import type { SeedSite } from './access-matrix/seed.ts';

const OPERATIONS = operationsOf((await (await call('/api/openapi.json')).json()) as Parameters<typeof operationsOf>[0]);

let a: SeedSite;
let b: SeedSite;
let sites: SeedSite[];
let auths: Auth[];
let last: Snapshot;
const figures = { attempts: 0, controls: 0, successes: [] as string[], deviations: [] as string[], covered: new Set<string>(), statuses: {} as Record<string, number> };

beforeAll(async () => {
  const suffix = crypto.randomUUID().replaceAll('-', '').slice(0, 6);
  a = await seedSite(`alfa${suffix}`);
  b = await seedSite(`beta${suffix}`);
  sites = [a, b];
  auths = authVariants(sites);
  last = await snapshot(env.DB, env.MEDIA);
}, 60_000);

afterAll(() => {
  console.log(
    `Access matrix: ${figures.attempts} attempts, ${figures.covered.size} of ${OPERATIONS.length} OpenAPI operations covered (plus Open311, frames, /admin, /__bench), ${figures.controls} controls, ` +
      `${figures.successes.length} successes, ${figures.deviations.length} refusals with another status than derived. Statuses: ${JSON.stringify(figures.statuses)}`,
  );
});

const otherThan = (site: SeedSite) => (site === a ? b : a);
const randomIp = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
const ORIGINS = [undefined, 'A', 'B', UNREGISTERED_ORIGIN, 'null'] as const;
let originTurn = 0;
/** Open311 and the other surfaces: each request gets the next Origin in turn: none, site A's, site B's, an unregistered one, `null`. */
function nextOrigin(): string | undefined {
  const pick = ORIGINS[originTurn++ % ORIGINS.length];
  return pick === 'A' ? a.origin : pick === 'B' ? b.origin : pick;
}

const SITE_ORIGINS = [undefined, 'own', 'null', 'api'] as const;
let siteOriginTurn = 0;
/**
 * On a site's path the role and cross-site rules are judged from the origins that reach them: none,
 * the path's site's own, `null` and the API's own. A foreign origin is refused before any of them
 * (see foreignOrigins), so sending one here would only test that refusal again.
 */
function nextSiteOrigin(slug: SeedSite): string | undefined {
  const pick = SITE_ORIGINS[siteOriginTurn++ % SITE_ORIGINS.length];
  return pick === 'own' ? slug.origin : pick === 'api' ? API_ORIGIN : pick;
}

/** What the origin alone decides on a site's path, before the token or the body are looked at. */
function originExpectation(attempt: Attempt, slug: SeedSite | null): Expectation | null {
  if (!slug || !attempt.path.startsWith('/api/v1/sites/') || attempt.origin === undefined || attempt.method === 'OPTIONS') return null;
  if (attempt.origin === 'null') {
    return attempt.auth?.token === undefined ? null : { kind: 'refuse', statuses: [403], rule: 'an official\'s token from a sandboxed page (Origin: null)' };
  }
  if (attempt.origin === slug.origin || attempt.origin === API_ORIGIN) return null;
  return { kind: 'refuse', statuses: [403, 413, 415], rule: 'a page of an origin the site has not registered' };
}

/** The origins a site's answer may name: its rule's, `null` for residents' sandboxed frames, and the caller's own on the readable refusal of its origin. */
function corsRuleOf(attempt: Attempt, out: Outcome, view: View): CorsRule {
  if (!Array.isArray(view.cors)) return view.cors;
  // A HEAD's refusal has no body to name its code.
  const refused = out.status === 403 && (out.text.includes('"origin_not_allowed"') || attempt.method === 'HEAD') && attempt.origin !== undefined;
  const sandboxed = attempt.origin === 'null' && attempt.auth?.token === undefined;
  return [...view.cors, ...(refused ? [attempt.origin!] : []), ...(sandboxed ? ['null'] : [])];
}

async function send(attempt: Attempt): Promise<Outcome> {
  const headers: Record<string, string> = { 'CF-Connecting-IP': randomIp(), ...attempt.spec?.headers, ...attempt.headers };
  if (attempt.auth?.token) headers.Authorization = `Bearer ${attempt.auth.token}`;
  if (attempt.origin !== undefined) headers.Origin = attempt.origin;
  if (attempt.spec?.contentType) headers['Content-Type'] = attempt.spec.contentType;
  const response = await call(attempt.path, { method: attempt.method, headers, body: attempt.spec?.body });
  // Bytes as text (posters too): a marker is ASCII, so it shows in any body that carries it.
  const text = new TextDecoder().decode(await response.arrayBuffer());
  const read = attempt.method === 'GET' || attempt.method === 'HEAD' || attempt.method === 'OPTIONS';
  const after = await snapshot(env.DB, env.MEDIA, read ? last : undefined);
  const changed = changes(last, after);
  last = after;
  const body = typeof attempt.spec?.body === 'string' ? attempt.spec.body : '';
  return { status: response.status, text, headers: response.headers, changed, sent: `${attempt.path}\n${JSON.stringify(headers)}\n${body}` };
}

/** Sends an attack and records what went wrong: a success for the attacker, or an unexpected refusal. */
async function judge(
  attempt: Attempt,
  expected: Expectation,
  view: View,
): Promise<Outcome> {
  expected = originExpectation(attempt, view.slug) ?? expected;
  const out = await send(attempt);
  figures.attempts++;
  const where = `${attempt.label} [${attempt.method} ${attempt.path}, ${attempt.auth?.name ?? 'no token'}, Origin ${attempt.origin ?? '(none)'}] → ${out.status}`;
  const tallyKey = `${out.status}`;
  figures.statuses[tallyKey] = (figures.statuses[tallyKey] ?? 0) + 1;
  const body = out.text.slice(0, 300);
  if (out.status >= 500) figures.deviations.push(`${where}: a 5xx: ${body}`);
  if (expected.kind === 'refuse') {
    if (out.status < 400) figures.successes.push(`${where}: answered where "${expected.rule}" should refuse: ${body}`);
    else if (!expected.statuses.includes(out.status)) figures.deviations.push(`${where}: expected ${expected.statuses.join(' or ')} (${expected.rule}): ${body}`);
  }
  if (out.changed.length) figures.successes.push(`${where}: changed ${out.changed.join(', ')}`);
  const leaks = leaksIn(out.text, out.sent, view.slug, view.level, sites);
  if (leaks.length) figures.successes.push(`${where}: shows ${leaks.join(', ')}: ${body}`);
  if (hiddenResultsShown(attempt.path, out.text, view.slug, view.level)) figures.successes.push(`${where}: shows a poll's hidden results`);
  const cors = corsProblems(out.headers, attempt.origin, corsRuleOf(attempt, out, view));
  if (cors.length) figures.successes.push(`${where}: grants ${cors.join(', ')}`);
  return out;
}

const objectParams = (op: Operation) => op.params.filter((p) => !(p in SHARED_PARAMS)).map((p) => idsKind(op, p));

/** The path with the site's slug and the objects' ids (the variant-th of each kind, else its first). */
function pathFor(op: Operation, slug: SeedSite | null, objects: SeedSite | null, variant: number): string {
  const query = REQUIRED_QUERIES[op.key]?.(objects ?? slug!) ?? '';
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'site') return slug!.slug;
    if (name in SHARED_PARAMS) return SHARED_PARAMS[name]!;
    const ids = objects!.ids[idsKind(op, name)];
    if (!ids) throw new Error(`${op.key}: no seeded object for {${name}}. Seed one in test/attack/api/access-matrix/seed.ts and name it in ids.`);
    return ids[Math.min(variant, ids.length - 1)]!;
  });
  return path + query;
}

function specFor(op: Operation, slug: SeedSite, objects: SeedSite, withToken: boolean): RequestSpec | undefined {
  if (op.method === 'GET') return undefined;
  const build = VALID_BODIES[op.key];
  if (!build) throw new Error(`${op.key} is a write with no valid body in the matrix: add one to VALID_BODIES in test/attack/api/access-matrix/bodies.ts.`);
  return build({ site: slug, objects, other: otherThan(slug), withToken });
}

const corsRuleFor = (op: Operation, slug: SeedSite | null): CorsRule => (op.hasSite ? [slug!.origin, API_ORIGIN] : 'open');

async function attackOperation(op: Operation): Promise<void> {
  if (!op.hasSite) {
    if (op.method !== 'GET' || op.role) throw new Error(`${op.key}: an operation outside /sites/{site} that writes or needs a role has no rule in the matrix`);
    for (const auth of auths) {
      await judge({ label: op.key, path: op.path, method: op.method, auth, origin: nextOrigin() }, { kind: 'allowed' }, { slug: null, level: 0, cors: 'open' });
    }
    figures.covered.add(op.key);
    return;
  }
  const kinds = objectParams(op);
  // Drafts matter where the public reads: there a token of the wrong site must not show one.
  const variants = !op.role && op.method === 'GET' ? Math.max(1, ...kinds.map((k) => a.ids[k]?.length ?? 1)) : 1;
  // Site B's path with B's objects (A's tokens are the foreign ones), B's path with A's ids, A's path
  // with B's ids. A's path with A's objects would only mirror the first.
  const targets: [SeedSite, SeedSite][] = kinds.length ? [[b, b], [b, a], [a, b]] : [[b, b]];
  for (const [slug, objects] of targets) {
    for (let variant = 0; variant < variants; variant++) {
      const path = pathFor(op, slug, objects, variant);
      const crossIds = kinds.length > 0 && objects !== slug;
      for (const auth of auths) {
        const caller = callerOn(auth, slug);
        const expected = expectationFor(op, caller, crossIds);
        // What the caller may write runs once, as a control, so the matrix itself changes nothing.
        if (expected.kind === 'allowed' && op.method !== 'GET') continue;
        const spec = specFor(op, slug, objects, auth.token !== undefined);
        await judge({ label: op.key, path, method: op.method, auth, origin: nextSiteOrigin(slug), spec }, expected, { slug, level: levelOf(caller), cors: corsRuleFor(op, slug) });
      }
    }
  }
  // HEAD runs a GET's handler: an official read must refuse it just the same.
  if (op.role && op.method === 'GET') {
    for (const auth of [auths[0]!, auths.find((x) => x.site === a && x.role === 'owner')!]) {
      const expected = expectationFor(op, callerOn(auth, b), false);
      await judge({ label: `HEAD ${op.key}`, path: pathFor(op, b, b, 0), method: 'HEAD', auth, origin: nextSiteOrigin(b) }, expected, { slug: b, level: 0, cors: corsRuleFor(op, b) });
    }
  }
  // Preflights from each kind of origin, to B's path: answered for any origin, so that the real
  // request's refusal is readable; the grant is only of the preflight, never of the request.
  const preflightPath = pathFor(op, b, b, 0);
  for (const origin of [a.origin, b.origin, UNREGISTERED_ORIGIN, 'null']) {
    const out = await judge(
      {
        label: `preflight ${op.key}`,
        path: preflightPath,
        method: 'OPTIONS',
        origin,
        headers: { 'Access-Control-Request-Method': op.method, 'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key' },
      },
      { kind: 'allowed' },
      { slug: b, level: 0, cors: [origin] },
    );
    if (out.status !== 204 || out.headers.get('Access-Control-Allow-Origin') !== origin) {
      figures.deviations.push(`preflight ${op.key} from ${origin} → ${out.status}, Access-Control-Allow-Origin ${out.headers.get('Access-Control-Allow-Origin')}`);
    }
  }
  // The rightful owner, with a body that their own page gets 2xx for, from the other site's page and
  // an unregistered one: refused as the origin, readable, and nothing stored.
  const ownerOfB = auths.find((x) => x.site === b && x.role === 'owner')!;
  for (const origin of [a.origin, UNREGISTERED_ORIGIN]) {
    const out = await judge(
      { label: `foreign origin ${op.key}`, path: preflightPath, method: op.method, auth: op.role ? ownerOfB : undefined, origin, spec: specFor(op, b, b, op.role !== null) },
      { kind: 'refuse', statuses: [403], rule: 'a page of an origin the site has not registered' },
      { slug: b, level: 0, cors: [b.origin, API_ORIGIN] },
    );
    if (out.status === 403 && (!out.text.includes('"origin_not_allowed"') || out.headers.get('Access-Control-Allow-Origin') !== origin)) {
      figures.deviations.push(`foreign origin ${op.key} from ${origin}: the refusal is not the readable origin_not_allowed: ${out.text.slice(0, 200)}`);
    }
  }
  // A citizen write as a page elsewhere could send it without a preflight (a "simple" request).
  if (!op.role && op.method === 'POST') {
    for (const origin of [a.origin, UNREGISTERED_ORIGIN, 'null']) {
      for (const contentType of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
        const spec = { ...specFor(op, b, b, false)!, contentType };
        await judge(
          { label: `simple cross-origin ${op.key}`, path: pathFor(op, b, b, 0), method: op.method, origin, spec },
          { kind: 'refuse', statuses: [400, 403, 415], rule: 'a write without a preflight from a page of another origin' },
          { slug: b, level: 0, cors: [b.origin, API_ORIGIN] },
        );
      }
    }
  }
  figures.covered.add(op.key);
}

function report(before: { successes: number; deviations: number }) {
  return { successes: figures.successes.slice(before.successes), deviations: figures.deviations.slice(before.deviations) };
}

const mark = () => ({ successes: figures.successes.length, deviations: figures.deviations.length });

describe('the detectors', () => {
  it('see every kind of marker where its readers see it, hidden results, and a changed row', async () => {
    const read = async (path: string, token: string) => new TextDecoder().decode(await (await call(`/api/v1/sites/${b.slug}${path}`, { token })).arrayBuffer());
    const seen = [
      await read('/tokens', b.tokens.owner),
      await read('/submissions', b.tokens.moderator),
      await read(`/submissions/${b.ref}/replies`, b.tokens.moderator),
      await read('/polls', b.tokens.viewer),
      await read(`/forms/${b.ids.form![0]}/export`, b.tokens.viewer),
      await read(`/decisions/${b.ids.decision![0]}`, b.tokens.viewer),
      await read(`/polls/${b.hiddenPoll}`, b.tokens.viewer),
    ].join('\n');
    const missing = b.markers.filter((m) => m.level !== 5 && !seen.includes(m.text)).map((m) => m.what);
    expect(missing, 'markers no official read shows: the matrix could not notice them leak').toEqual([]);
    // The same text on the other site's path, or to a caller below its level, is a leak.
    expect(leaksIn(seen, '', a, 4, sites).length).toBeGreaterThan(0);
    expect(leaksIn(seen, '', b, 0, sites).length).toBeGreaterThan(0);
    expect(leaksIn(seen, '', b, 4, sites)).toEqual([]);
    expect(hiddenResultsShown(`/api/v1/sites/${b.slug}/polls/${b.hiddenPoll}`, await read(`/polls/${b.hiddenPoll}`, b.tokens.viewer), b, 0)).toBe(true);
    const before = await snapshot(env.DB, env.MEDIA);
    const edit = await call(`/api/v1/sites/${b.slug}/settings`, { method: 'PATCH', token: b.tokens.owner, json: { contactRetentionDays: 400 } });
    expect(edit.status).toBe(200);
    const after = await snapshot(env.DB, env.MEDIA);
    expect(changes(before, after, b.slug).join()).toContain('sites: 1 → 1 rows (a row changed)');
    expect(changes(before, after, a.slug)).toEqual([]);
    last = after;
  });
});

describe('access matrix over /api/openapi.json', () => {
  it('reads the document and knows how to attack every operation in it', () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(40);
    for (const op of OPERATIONS) {
      if (op.method !== 'GET') expect(VALID_BODIES, `${op.key} is a write with no valid body: add one to VALID_BODIES in test/attack/api/access-matrix/bodies.ts`).toHaveProperty([op.key]);
      for (const param of objectParams(op)) expect(a.ids, `${op.key}: no seeded object for {${param}}`).toHaveProperty([param]);
    }
  });

  for (const op of OPERATIONS) {
    it(`${op.key} (${op.role ?? 'public'}): no token, bad tokens, every role of both sites, both sites' ids, foreign origins`, async () => {
      const before = mark();
      await attackOperation(op);
      const found = report(before);
      expect(found.successes, found.successes.join('\n')).toEqual([]);
      expect(found.deviations, found.deviations.join('\n')).toEqual([]);
    });
  }
});

describe('the surfaces outside the OpenAPI document', () => {
  it('Open311, frames, /admin and /__bench: no other site\'s objects, no official list without a token of the site, no filing from foreign pages', async () => {
    const before = mark();
    const ctx: MatrixContext = { a, b, auths, judge, nextOrigin, flag: (problem) => figures.successes.push(problem) };
    await attackOpen311(ctx);
    await attackOtherSurfaces(ctx);
    const found = report(before);
    expect(found.successes, found.successes.join('\n')).toEqual([]);
    expect(found.deviations, found.deviations.join('\n')).toEqual([]);
  });
});

describe('controls', () => {
  it('each operation with its valid body is answered 2xx for the least role of the site that owns the objects, and leaves the other site untouched', async () => {
    const problems: string[] = [];
    const deletes = OPERATIONS.filter((op) => op.method === 'DELETE').sort((x, y) => y.path.split('/').length - x.path.split('/').length);
    // Deletes last, children before parents, so every control finds its object.
    for (const op of [...OPERATIONS.filter((op) => op.method !== 'DELETE'), ...deletes]) {
      const auth = op.role ? auths.find((x) => x.site === a && x.role === op.role) : undefined;
      const path = op.hasSite ? pathFor(op, a, a, 0) : op.path;
      const before = last;
      const out = await send({ label: op.key, path, method: op.method, auth, origin: a.origin, spec: op.hasSite ? specFor(op, a, a, auth !== undefined) : undefined });
      figures.controls++;
      const where = `control ${op.key} [${path}, ${auth?.name ?? 'no token'}] → ${out.status}`;
      if (out.status < 200 || out.status > 299) problems.push(`${where}: ${out.text.slice(0, 300)}`);
      const touched = changes(before, last, b.slug);
      if (touched.length) problems.push(`${where}: changed the other site: ${touched.join(', ')}`);
      const leaks = leaksIn(out.text, out.sent, op.hasSite ? a : null, auth ? levelOf(callerOn(auth, a)) : 0, sites);
      if (leaks.length) problems.push(`${where}: shows ${leaks.join(', ')}`);
      if (op.hasSite && out.headers.get('Access-Control-Allow-Origin') !== a.origin) problems.push(`${where}: the site's own origin got Access-Control-Allow-Origin ${out.headers.get('Access-Control-Allow-Origin')}`);
    }
    const before = last;
    const filed = await send({
      label: 'Open311 control',
      path: `/open311/v2/${a.slug}/requests.json`,
      method: 'POST',
      origin: a.origin,
      spec: { body: new URLSearchParams({ service_code: a.ids.form![0]!, description: 'Matriisin pyyntö' }).toString(), contentType: 'application/x-www-form-urlencoded' },
    });
    figures.controls++;
    if (filed.status !== 201) problems.push(`control Open311 POST requests.json → ${filed.status}: ${filed.text.slice(0, 300)}`);
    if (changes(before, last, b.slug).length) problems.push('control Open311 POST requests.json changed the other site');
    // B's Idempotency-Key and body replayed on A's path (A's form has the same fields): a new
    // submission on A, never B's stored answer with its removal key.
    const replayed = await send({
      label: 'cross-site idempotent replay',
      path: `/api/v1/sites/${a.slug}/forms/${a.ids.form![0]}/submissions`,
      method: 'POST',
      origin: a.origin,
      headers: { 'Idempotency-Key': b.submissionKey },
      spec: { body: JSON.stringify(b.submission), contentType: 'application/json' },
    });
    figures.attempts++;
    const shown = leaksIn(replayed.text, replayed.sent, a, 0, sites);
    if (replayed.status !== 201 || replayed.headers.get('Idempotent-Replay') || shown.length) {
      figures.successes.push(`B's Idempotency-Key replayed on A's path → ${replayed.status} ${replayed.headers.get('Idempotent-Replay') ?? ''}: ${shown.join(', ')} ${replayed.text.slice(0, 200)}`);
      problems.push(figures.successes.at(-1)!);
    }
    if (changes(before, last, b.slug).length) problems.push('the replay of B\'s Idempotency-Key on A\'s path changed B');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
