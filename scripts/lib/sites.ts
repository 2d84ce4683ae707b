import { newTokenSecret, randomId, sha256Hex } from '../../worker/crypto.ts';
import { insertTokenSql, revokeTokensByLabelSql, siteOriginsSql, upsertSiteSql } from '../../worker/db/sql-script.ts';
import { Site } from '../../worker/schema/sites.ts';
import type { Role } from '../../worker/schema/sites.ts';
import { executeSql, querySql } from './wrangler.ts';
import type { Where } from './wrangler.ts';

export interface IssuedToken {
  site: string;
  token: string;
  role: Role;
  label: string;
  /** The site's origins now: the ones it had, then the given ones it did not have (or only the given ones, when replacing). */
  origins: string[];
  /** Whether the site was there before. */
  existed: boolean;
}

export interface SiteUpsertOptions {
  /** Keep an existing site's languages (the command line did not name any). */
  keepLanguages?: boolean;
  /** Replace an existing site's origins with the given ones; by default they are added to it. */
  replaceOrigins?: boolean;
}

/** The origins a site has in the database, or null when there is no such site. */
export function storedOrigins(siteId: string, where: Where = {}): string[] | null {
  const row = querySql<{ origins: string }>(siteOriginsSql(siteId), where)[0];
  return row ? (JSON.parse(row.origins) as string[]) : null;
}

/**
 * Creates or updates a site and issues a new token for it, in one transaction. The given origins
 * are added to the ones the site already has (an owner may have registered more in the console,
 * and `npm start` must not drop them), unless `replaceOrigins`. With `replaceLabel`, earlier live
 * tokens with the same label (or one of `formerLabels`) are revoked first.
 */
export async function upsertSiteWithToken(
  input: unknown,
  token: { role: Role; label: string; replaceLabel?: boolean; formerLabels?: string[] },
  where: Where = {},
  options: SiteUpsertOptions = {},
): Promise<IssuedToken> {
  const given = Site.parse(input);
  const stored = storedOrigins(given.id, where);
  const existing = options.replaceOrigins ? [] : (stored ?? []);
  // Checked as a whole, so a list grown past the limit is refused here with the schema's own words.
  const { origins } = Site.parse({ ...given, origins: [...existing, ...given.origins.filter((o) => !existing.includes(o))] });
  const secret = newTokenSecret();
  const now = new Date().toISOString();
  const statements = [
    upsertSiteSql(given, now, { keepLanguages: options.keepLanguages, addOrigins: !options.replaceOrigins }),
    ...(token.replaceLabel ? [token.label, ...(token.formerLabels ?? [])].map((label) => revokeTokensByLabelSql(given.id, label, now)) : []),
    insertTokenSql({ id: randomId(9), siteId: given.id, tokenHash: await sha256Hex(secret), role: token.role, label: token.label, labelLang: given.defaultLang, createdBy: null, createdAt: now }),
  ];
  executeSql(statements.filter(Boolean).join('\n'), where);
  return { site: given.id, token: secret, role: token.role, label: token.label, origins, existed: stored !== null };
}
