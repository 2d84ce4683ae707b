/**
 * SQL text for the command-line scripts (`npm run site:create`, the demo seed), which run it with
 * `wrangler d1 execute --file` where parameters cannot be bound. Every value goes through
 * `literal()`; nothing here runs inside the Worker.
 */
import type { Site } from '../schema/sites.ts';
import type { NewToken } from './records.ts';

export function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

export interface UpsertOptions {
  /** Keep an existing site's languages (the command line did not name any). */
  keepLanguages?: boolean;
  /** Add the given origins to an existing site's, in order and once each, instead of replacing them. */
  addOrigins?: boolean;
}

/**
 * Creates a site, or updates an existing one without losing what the command did not say: the
 * name merges per language, languages change only when given, and origins are added (or, without
 * `addOrigins`, replaced).
 */
export function upsertSiteSql(site: Pick<Site, 'id' | 'name' | 'defaultLang' | 'languages' | 'origins'>, now: string, options: UpsertOptions = {}): string {
  const values = [site.id, JSON.stringify(site.name), site.defaultLang, JSON.stringify(site.languages), JSON.stringify(site.origins), now, now];
  const languages = options.keepLanguages
    ? `CASE WHEN EXISTS (SELECT 1 FROM json_each(sites.languages) WHERE value = excluded.default_lang) THEN sites.languages ELSE json_insert(sites.languages, '$[#]', excluded.default_lang) END`
    : 'excluded.languages';
  const origins = options.addOrigins
    ? `(SELECT json_group_array(value) FROM (SELECT value FROM json_each(sites.origins)
        UNION ALL SELECT value FROM json_each(excluded.origins) WHERE value NOT IN (SELECT value FROM json_each(sites.origins))))`
    : 'excluded.origins';
  return `INSERT INTO sites (id, name, default_lang, languages, origins, created_at, updated_at)
VALUES (${values.map(literal).join(', ')})
ON CONFLICT (id) DO UPDATE SET name = json_patch(sites.name, excluded.name), default_lang = excluded.default_lang,
  languages = ${languages}, origins = ${origins}, updated_at = excluded.updated_at;`;
}

export function insertTokenSql(token: NewToken): string {
  const values = [token.id, token.siteId, token.tokenHash, token.role, token.label, token.labelLang, token.createdBy, token.createdAt];
  const audit = [token.siteId, 'command line', 'token.create', token.id, JSON.stringify({ role: token.role, label: token.label, labelLang: token.labelLang }), token.createdAt];
  return `INSERT INTO api_tokens (id, site_id, token_hash, role, label, label_lang, created_by, created_at) VALUES (${values.map(literal).join(', ')});
INSERT INTO audit_log (site_id, actor, action, target, detail, created_at) VALUES (${audit.map(literal).join(', ')});`;
}

/** Revokes the earlier tokens that `npm start` printed, so only the newest one works. */
export function revokeTokensByLabelSql(siteId: string, label: string, now: string): string {
  return `UPDATE api_tokens SET revoked_at = ${literal(now)} WHERE site_id = ${literal(siteId)} AND label = ${literal(label)} AND revoked_at IS NULL;`;
}

/** A site's origins as stored (a JSON array), for the scripts that add to them; no row when there is no such site. */
export function siteOriginsSql(siteId: string): string {
  return `SELECT origins FROM sites WHERE id = ${literal(siteId)};`;
}

/** SQL text adding `count` synthetic ballots for option `option` (run with `wrangler d1 execute`). */
export function syntheticBallotsSql(site: string, poll: string, option: string, count: number, offset: number): string {
  const q = literal;
  const n = Math.floor(count);
  const start = Math.floor(offset);
  return `WITH RECURSIVE seq(i) AS (SELECT ${start + 1} UNION ALL SELECT i + 1 FROM seq WHERE i < ${start + n})
INSERT INTO ballots (site_id, poll_id, voter_hash, choices, cast_at)
  SELECT ${q(site)}, ${q(poll)}, printf('%064x', i), json_array(${q(option)}), '2026-11-22T08:00:00.000Z' FROM seq;
UPDATE poll_tallies SET count = count + ${n} WHERE site_id = ${q(site)} AND poll_id = ${q(poll)} AND option_id = ${q(option)};
UPDATE polls SET ballot_count = ballot_count + ${n} WHERE site_id = ${q(site)} AND id = ${q(poll)};`;
}

/**
 * `count` ballots for a bench poll as residents would leave them: one every `everySeconds` (2 by
 * default) from 2026-11-01 08:00 Finnish time, choices spread over `options` (the first twice as often), one
 * in fifty changed ten minutes later; tallies and the count kept as the ballot route keeps them.
 */
export function spreadBallotsSql(site: string, poll: string, options: [string, string, string], count: number, everySeconds = 2): string {
  const q = literal;
  const n = Math.floor(count);
  const [first, second, third] = options.map((o) => q(JSON.stringify([o])));
  // i % 4 = 1 → the second option, 2 → the third, 0 or 3 → the first.
  const seconds = Math.floor((n + 3) / 4);
  const thirds = Math.floor((n + 2) / 4);
  const tally = (option: string, add: number) => `UPDATE poll_tallies SET count = count + ${add} WHERE site_id = ${q(site)} AND poll_id = ${q(poll)} AND option_id = ${q(option)};`;
  return `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
INSERT INTO ballots (site_id, poll_id, voter_hash, choices, cast_at, changed_at)
  SELECT ${q(site)}, ${q(poll)}, printf('%064x', i),
    CASE i % 4 WHEN 1 THEN ${second} WHEN 2 THEN ${third} ELSE ${first} END,
    strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-01T06:00:00', '+' || (i * ${Math.floor(everySeconds)}) || ' seconds'),
    CASE WHEN i % 50 = 0 THEN strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-01T06:10:00', '+' || (i * ${Math.floor(everySeconds)}) || ' seconds') END
  FROM seq;
${tally(options[0], n - seconds - thirds)}
${tally(options[1], seconds)}
${tally(options[2], thirds)}
UPDATE polls SET ballot_count = ballot_count + ${n} WHERE site_id = ${q(site)} AND id = ${q(poll)};`;
}
