import type { Official, SiteRecord } from './schema/sites.ts';

/** Hono's environment for every sub-app: the generated `Env` bindings and per-request values. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** Set by `tenant()` for every `/api/v1/sites/:site/…` request. */
    site: SiteRecord;
    /** Set by `requireRole()`. */
    official: Official;
  };
}
