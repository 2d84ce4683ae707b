import { demoDecisions } from '../../demo/seed/decisions.ts';
import { demoForms } from '../../demo/seed/forms.ts';
import { demoPolls } from '../../demo/seed/polls.ts';
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

/**
 * Seeds the demo content through the running API (so it passes the same validation as any
 * official's input). Content that already exists is left as it is, votes included.
 */
export async function seedDemoContent(apiBase: string, token: string): Promise<void> {
  const site = `${apiBase}/api/v1/sites/${demoSite.id}`;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const seed = async (kind: string, items: { id: string }[]) => {
    for (const item of items) {
      const existing = await fetch(`${site}/${kind}/${item.id}`, { headers });
      if (existing.status === 200) continue;
      const created = await fetch(`${site}/${kind}`, { method: 'POST', headers, body: JSON.stringify(item) });
      if (created.status !== 201) throw new Error(`Seeding ${kind}/${item.id} failed: ${created.status} ${await created.text()}`);
    }
  };
  await seed('polls', demoPolls);
  await seed('forms', demoForms);
  // A few hundred decisions, through the import an official would use; only into an empty feed.
  const existing = (await (await fetch(`${site}/decisions?limit=1`)).json()) as { items: unknown[] };
  if (existing.items.length === 0) {
    const imported = await fetch(`${site}/decisions/import`, { method: 'POST', headers, body: JSON.stringify(demoDecisions()) });
    if (imported.status !== 200) throw new Error(`Seeding decisions failed: ${imported.status} ${await imported.text()}`);
  }
}
