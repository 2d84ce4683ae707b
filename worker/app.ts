import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { RouteConfig, z } from '@hono/zod-openapi';
import { ValidationError } from './errors.ts';
import { requireRole } from './middleware/auth.ts';
import type { Role } from './schema/sites.ts';
import type { AppEnv } from './types.ts';

/** Every sub-app is made here, so every zod failure becomes the same 400 envelope. */
export function createApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw ValidationError.fromZod(result.error.issues);
    },
  });
}

/**
 * A route only officials may call: bearer auth with `role` or higher runs before any validation,
 * and the OpenAPI document says which role it needs (`x-osallistu-role`).
 */
export function officialRoute<const R extends RouteConfig>(role: Role, config: R) {
  return createRoute({
    ...config,
    security: [{ bearer: [] }],
    middleware: [requireRole(role)],
    description: `${config.description ?? ''}\n\nNeeds a token with the **${role}** role or higher.`.trim(),
    'x-osallistu-role': role,
  });
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** A JSON response entry for a route's `responses`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
