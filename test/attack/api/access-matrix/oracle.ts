/**
 * What the access matrix expects of a request, derived from the OpenAPI document: the role an
 * operation declares (`x-osallistu-role`), whether its path names objects of one site, and
 * whether it reads an official's token (it documents 401). Plus the checks every answer gets:
 * nothing written, no text of another site or above the caller's role, no CORS grant to a
 * foreign origin.
 */
import { ROLES, roleAllows } from '../../../../worker/schema/roles.ts';
import type { Role } from '../../../../worker/schema/sites.ts';
import { deliverAllBallots } from '../../../workers/poll-counter.ts';
import { LEVEL, ROLE_LEVEL } from './seed.ts';
import type { RequestSpec } from './bodies.ts';
import type { SeedSite } from './seed.ts';

export interface Operation {
  /** `METHOD /path/{param}` as the document spells it. */
  key: string;
  method: string;
  path: string;
  role: Role | null;
  /** Documented answer statuses. */
  statuses: readonly number[];
  /** Path parameters other than `site`. */
  params: readonly string[];
  hasSite: boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { 'x-osallistu-role'?: string; responses?: Record<string, unknown>; parameters?: { name: string; in: string }[] }>>;
}

/** Path parameters whose value is not an object of one site (a language, a kind of decision term). */
export const SHARED_PARAMS: Record<string, string> = { lang: 'fi', kind: 'topic', receipt: 'ZZZZ-ZZZZ-ZZZZ' };

/** Which seeded objects a path parameter names: a sealed result is of a closed poll (`sealedPoll`), a count of rounds of a ranked one (`rankedPoll`), statements and opinions of a conversation (`conversation`), anything else of its own kind. */
export const idsKind = (op: Pick<Operation, 'path'>, param: string): string => {
  if (param === 'poll' && op.path.includes('/seal')) return 'sealedPoll';
  if (param === 'poll' && op.path.endsWith('/ranking')) return 'rankedPoll';
  if (param === 'poll' && (op.path.includes('/statements') || op.path.endsWith('/opinions'))) return 'conversation';
  return param;
};
/** The path names a thing to create in the path's own site: another site's id there is a new name, not a reference. */
export const CREATES_BY_PATH = new Set(['PUT /api/v1/sites/{site}/channels/{channel}', 'PUT /api/v1/sites/{site}/decision-terms/{kind}/{value}']);
/** Public operations whose documented 401/403 answer a voter's assertion or challenge, not an official's token. */
export const TOKEN_BLIND = new Set([
  'POST /api/v1/sites/{site}/polls/{poll}/ballots',
  'PUT /api/v1/sites/{site}/polls/{poll}/statements/{statement}/vote',
  'POST /api/v1/sites/{site}/polls/{poll}/statements',
]);

export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const key = `${method.toUpperCase()} ${path}`;
      const role = op['x-osallistu-role'] ?? null;
      if (role !== null && !(ROLES as readonly string[]).includes(role)) throw new Error(`${key}: x-osallistu-role "${role}" is not a role the matrix knows`);
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      return {
        key,
        method: method.toUpperCase(),
        path,
        role: role as Role | null,
        statuses: Object.keys(op.responses ?? {}).map(Number),
        params: names.filter((n) => n !== 'site'),
        hasSite: names.includes('site'),
      };
    }),
  );
}

export interface Auth {
  name: string;
  token?: string;
  /** The site the token belongs to. */
  site?: SeedSite;
  role?: Role;
  /** Revoked or never issued. */
  invalid?: boolean;
}

/** No token, garbage, each site's revoked owner token, and each role's token of each site. */
export function authVariants(sites: SeedSite[]): Auth[] {
  return [
    { name: 'no token' },
    { name: 'garbage token', token: 'osl_not-a-real-token-0123456789', invalid: true },
    ...sites.map((site) => ({ name: `${site.slug} revoked owner`, token: site.revoked, site, invalid: true })),
    ...sites.flatMap((site) => ROLES.map((role) => ({ name: `${site.slug} ${role}`, token: site.tokens[role], site, role }))),
  ];
}

export type Caller = { kind: 'anon' } | { kind: 'invalid' } | { kind: 'foreign' } | { kind: 'own'; role: Role };

export function callerOn(auth: Auth, slug: SeedSite | null): Caller {
  if (!auth.token) return { kind: 'anon' };
  if (auth.invalid) return { kind: 'invalid' };
  if (!slug || auth.site !== slug) return { kind: 'foreign' };
  return { kind: 'own', role: auth.role! };
}

/** What the caller may read on the path's site: a marker level. */
export const levelOf = (caller: Caller): number => (caller.kind === 'own' ? ROLE_LEVEL[caller.role] : LEVEL.public);

export type Expectation =
  /** Must be refused with one of these statuses. */
  | { kind: 'refuse'; statuses: readonly number[]; rule: string }
  /** The caller may do this: reads run and are checked for leaks, writes run only as controls. */
  | { kind: 'allowed' };

export function expectationFor(op: Operation, caller: Caller, crossIds: boolean): Expectation {
  if (op.role) {
    if (caller.kind === 'anon' || caller.kind === 'invalid') return { kind: 'refuse', statuses: [401], rule: `needs a valid ${op.role} token` };
    if (caller.kind === 'foreign') return { kind: 'refuse', statuses: [403], rule: 'a token only works for its own site' };
    if (!roleAllows(caller.role, op.role)) return { kind: 'refuse', statuses: [403], rule: `needs ${op.role}, token is ${caller.role}` };
    if (crossIds && !CREATES_BY_PATH.has(op.key)) return { kind: 'refuse', statuses: [404], rule: 'another site\'s object through this site\'s path' };
    return { kind: 'allowed' };
  }
  const readsToken = op.statuses.includes(401) && !TOKEN_BLIND.has(op.key);
  if (readsToken && caller.kind === 'invalid') return { kind: 'refuse', statuses: [401], rule: 'a token that is sent must be valid' };
  if (readsToken && caller.kind === 'foreign') return { kind: 'refuse', statuses: [403], rule: 'a token only works for its own site' };
  // Removing contact details answers an unknown code with the same 403 as a wrong key (by design),
  // and a route that shows drafts to officials may check a token it was sent before it finds nothing.
  if (crossIds) return { kind: 'refuse', statuses: [401, 403, 404], rule: 'public routes never show another site\'s objects' };
  return { kind: 'allowed' };
}

/** Markers in `text` that the caller should not see: another site's, or its own site's above `level`. */
export function leaksIn(text: string, sent: string, slug: SeedSite | null, level: number, sites: SeedSite[]): string[] {
  const found: string[] = [];
  for (const site of sites) {
    for (const marker of site.markers) {
      if (!text.includes(marker.text) || sent.includes(marker.text)) continue;
      if (site !== slug) found.push(`${site.slug}'s ${marker.what} (${marker.text.slice(0, 12)}…)`);
      else if (marker.level > level) found.push(`${marker.what} of its own site above the caller's level (${marker.text.slice(0, 12)}…)`);
    }
  }
  return found;
}

/** A poll's hidden results shown to someone who is not an official of its site. */
export function hiddenResultsShown(path: string, text: string, slug: SeedSite | null, level: number): boolean {
  if (!slug || level >= LEVEL.viewer || !path.includes(`/polls/${slug.hiddenPoll}`)) return false;
  try {
    const body = JSON.parse(text) as Record<string, unknown> | null;
    return body !== null && typeof body === 'object' && 'results' in body;
  } catch {
    return false;
  }
}

/** `open`: anyone may read (`*`); a list: only these origins; `none`: no CORS at all. */
export type CorsRule = 'open' | 'none' | string[];

export function corsProblems(headers: Headers, origin: string | undefined, rule: CorsRule): string[] {
  const problems: string[] = [];
  const allow = headers.get('Access-Control-Allow-Origin');
  if (headers.get('Access-Control-Allow-Credentials')) problems.push(`Access-Control-Allow-Credentials: ${headers.get('Access-Control-Allow-Credentials')}`);
  if (allow === null) return problems;
  if (rule === 'open' && allow === '*') return problems;
  if (Array.isArray(rule) && origin !== undefined && allow === origin && rule.includes(origin)) return problems;
  problems.push(`Access-Control-Allow-Origin: ${allow} for Origin ${origin ?? '(none)'}`);
  return problems;
}

export interface Snapshot {
  rows: Record<string, string[]>;
  media: string[];
}

let tableNames: string[] | undefined;

/**
 * Every row of every table and every stored file's key, to prove a request changed nothing. Reads
 * (`files: false`) keep the files of `previous`: only writes reach the file store.
 */
export async function snapshot(db: D1Database, media: R2Bucket, previous?: Snapshot): Promise<Snapshot> {
  // Ballots reach D1 from their poll's counter a moment after they are counted; hand them over
  // first, so a ballot shows as a change of the request that cast it.
  await deliverAllBallots();
  tableNames ??= (
    await db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY name")
      .all<{ name: string }>()
  ).results.map((t) => t.name);
  const results = await db.batch(tableNames.map((name) => db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)));
  const rows = Object.fromEntries(tableNames.map((name, i) => [name, (results[i]!.results as Record<string, unknown>[]).map((row) => JSON.stringify(row))]));
  if (previous) return { rows, media: previous.media };
  const listed = await media.list();
  return { rows, media: listed.objects.map((o) => `${o.key}@${o.etag}`) };
}

const rowSite = (table: string, row: string): unknown => {
  const parsed = JSON.parse(row) as Record<string, unknown>;
  return parsed.site_id ?? (table === 'sites' ? parsed.id : undefined);
};

/** Tables (and files) that differ, as `table: rows before → after`; only `site`'s rows when given. */
export function changes(before: Snapshot, after: Snapshot, site?: string): string[] {
  const out: string[] = [];
  for (const table of Object.keys(after.rows)) {
    const pick = (rows: string[] = []) => (site ? rows.filter((row) => rowSite(table, row) === site) : rows);
    const a = pick(before.rows[table]);
    const b = pick(after.rows[table]);
    if (a.join('\n') !== b.join('\n')) out.push(`${table}: ${a.length} → ${b.length} rows${a.length === b.length ? ' (a row changed)' : ''}`);
  }
  const files = (keys: string[]) => (site ? keys.filter((key) => key.startsWith(`${site}/`)) : keys).join('\n');
  if (files(before.media) !== files(after.media)) out.push('stored files changed');
  return out;
}

/** One request of the matrix. */
export interface Attempt {
  label: string;
  path: string;
  method: string;
  auth?: Auth;
  origin?: string;
  spec?: RequestSpec;
  headers?: Record<string, string>;
}

export interface Outcome {
  status: number;
  text: string;
  headers: Headers;
  /** What changed in the database or the file store. */
  changed: string[];
  /** Everything the request carried, so text it sent itself is not counted as a leak. */
  sent: string;
}

/** Whose path it is, what the caller may read there, and which origins may read the answer. */
export interface View {
  slug: SeedSite | null;
  level: number;
  cors: CorsRule;
}
