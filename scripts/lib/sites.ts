import { newTokenSecret, randomId, sha256Hex } from '../../worker/crypto.ts';
import { insertTokenSql, revokeTokensByLabelSql, upsertSiteSql } from '../../worker/db/sql-script.ts';
import type { UpsertOptions } from '../../worker/db/sql-script.ts';
import { Site } from '../../worker/schema/sites.ts';
import type { Role } from '../../worker/schema/sites.ts';
import { executeSql } from './wrangler.ts';
import type { Where } from './wrangler.ts';

export interface IssuedToken {
  site: string;
  token: string;
  role: Role;
  label: string;
}

/**
 * Creates or updates a site and issues a new token for it, in one transaction. With
 * `replaceLabel`, earlier live tokens with the same label are revoked first.
 */
export async function upsertSiteWithToken(
  input: unknown,
  token: { role: Role; label: string; replaceLabel?: boolean },
  where: Where = {},
  keep: UpsertOptions = {},
): Promise<IssuedToken> {
  const site = Site.parse(input);
  const secret = newTokenSecret();
  const now = new Date().toISOString();
  const statements = [
    upsertSiteSql(site, now, keep),
    token.replaceLabel ? revokeTokensByLabelSql(site.id, token.label, now) : '',
    insertTokenSql({ id: randomId(9), siteId: site.id, tokenHash: await sha256Hex(secret), role: token.role, label: token.label, createdBy: null, createdAt: now }),
  ];
  executeSql(statements.filter(Boolean).join('\n'), where);
  return { site: site.id, token: secret, role: token.role, label: token.label };
}
