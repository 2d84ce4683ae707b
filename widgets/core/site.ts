import type { z } from '@hono/zod-openapi';
import type { PublicSite as PublicSiteSchema } from '../../worker/schema/sites.ts';
import type { ApiClient } from './api-client.ts';

export type PublicSite = z.infer<typeof PublicSiteSchema>;

const cache = new Map<string, Promise<PublicSite>>();

/** A site's public settings, fetched once per page for all its widgets. */
export function loadSite(client: ApiClient): Promise<PublicSite> {
  const key = client.url('');
  let pending = cache.get(key);
  if (!pending) {
    pending = client.get<PublicSite>('');
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}
