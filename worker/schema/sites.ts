import { z } from '@hono/zod-openapi';
import { Lang, LocalizedText, Slug, Timestamp } from './common.ts';

export const ROLES = ['owner', 'editor', 'moderator', 'viewer'] as const;
export const Role = z.enum(ROLES).openapi('Role', {
  description: 'owner: everything, tokens included · editor: creates and edits content · moderator: answers feedback · viewer: reads results and exports.',
});
export type Role = z.infer<typeof Role>;

const Origin = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'Give an origin such as "https://www.espoo.fi": scheme and host, no path and no trailing slash.');

export const Site = z
  .object({
    id: Slug,
    name: LocalizedText(120),
    defaultLang: Lang,
    languages: z.array(Lang).min(1),
    origins: z.array(Origin).max(20),
  })
  .openapi('Site');
export type Site = z.infer<typeof Site>;

/** What anyone may read about a site: widgets need its languages and name, not its origins. */
export const PublicSite = Site.pick({ id: true, name: true, defaultLang: true, languages: true }).openapi('PublicSite');

export const SiteUpdate = z
  .strictObject({
    name: LocalizedText(120).optional(),
    defaultLang: Lang.optional(),
    languages: z.array(Lang).min(1).max(3).optional(),
    origins: z.array(Origin).max(20).optional(),
  })
  .refine((update) => Object.keys(update).length > 0, 'Send at least one field to change.')
  .openapi('SiteUpdate');
export type SiteUpdate = z.infer<typeof SiteUpdate>;

export const Official = z
  .object({ tokenId: z.string(), label: z.string(), role: Role, site: Slug })
  .openapi('Official', { description: 'Who the sent token belongs to.' });
export type Official = z.infer<typeof Official>;

export const TokenCreate = z
  .strictObject({
    label: z.string().trim().min(1).max(80).openapi({ example: 'Viestintä / Maija' }),
    role: Role,
  })
  .openapi('TokenCreate');

export const TokenInfo = z
  .object({
    id: z.string(),
    label: z.string(),
    role: Role,
    createdAt: Timestamp,
    revokedAt: Timestamp.nullable(),
  })
  .openapi('TokenInfo');
export type TokenInfo = z.infer<typeof TokenInfo>;

export const CreatedToken = TokenInfo.extend({
  token: z.string().openapi({ description: 'The secret. Shown once, never stored.' }),
}).openapi('CreatedToken');

export const AuditEntry = z
  .object({
    id: z.number().int(),
    actor: z.string(),
    tokenId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    createdAt: Timestamp,
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;
