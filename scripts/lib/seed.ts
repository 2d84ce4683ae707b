import { demoSite } from '../../demo/seed/site.ts';
import { upsertSiteWithToken } from './sites.ts';
import type { IssuedToken } from './sites.ts';
import type { Where } from './wrangler.ts';

export const DEMO_TOKEN_LABEL = 'demo owner (npm start)';

/**
 * Seeds the demo site. Safe to run on every start: the site is upserted and the token printed by
 * the previous start is revoked, so exactly one demo owner token works at a time.
 */
export async function seedDemo(where: Where = {}): Promise<IssuedToken> {
  return upsertSiteWithToken(demoSite, { role: 'owner', label: DEMO_TOKEN_LABEL, replaceLabel: true }, where);
}
