import { z } from '@hono/zod-openapi';

export const LANGS = ['fi', 'sv', 'en'] as const;
export const Lang = z.enum(LANGS).openapi('Lang', { description: 'Finnish, Swedish or English.' });
export type Lang = z.infer<typeof Lang>;

/** Text a person reads, one entry per language: `{"fi": "…", "sv": "…"}`. */
export const LocalizedText = (maxLength = 500) =>
  z
    .partialRecord(Lang, z.string().trim().min(1).max(maxLength))
    .refine((map) => Object.keys(map).length > 0, { message: 'Give the text in at least one language.' })
    .openapi({ example: { fi: 'Koivulahti', sv: 'Björkvik' } });
export type LocalizedText = Partial<Record<Lang, string>>;

export const Slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'Use 1–64 lowercase letters, digits and hyphens, not starting or ending with a hyphen.');

export const SiteParams = z.object({
  site: Slug.openapi({ param: { name: 'site', in: 'path' }, example: 'koivulahti' }),
});

/** A case (diary) number as officials write it, compared exactly once trimmed. */
export const CaseId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .openapi({ description: 'The case (diary) number, exactly as the decisions carry it.', example: 'KOI/1234/12.00.01/2026' });

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-11-22T08:00:00.000Z' });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      issues: z
        .array(z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.string(), message: z.string() }))
        .optional(),
    }),
  })
  .openapi('Error');

/** `responses` entries for the errors a route can answer with, so the OpenAPI document lists them. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429)[]) {
  const descriptions = {
    400: 'The request is not valid',
    401: 'No valid token',
    403: 'The token may not do this',
    404: 'Not found',
    409: 'Conflicts with the current state',
    413: 'The body is too large',
    415: 'The body is not JSON',
    429: 'Too many requests',
  } as const;
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status], content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<(typeof statuses)[number], { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}

export const PageQuery = z.object({
  cursor: z.string().max(200).optional().openapi({ description: 'Opaque, from the previous page\'s `nextCursor`.' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
