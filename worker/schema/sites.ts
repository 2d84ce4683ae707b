import { z } from '@hono/zod-openapi';
import { Lang, LocalizedText, Slug, Timestamp } from './common.ts';
import { ROLES } from './roles.ts';

export { ROLES, roleAllows } from './roles.ts';
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

/** A host site's public signing key for voter assertions (signed polls); private parts are refused. */
export const PublicJwk = z
  .strictObject({
    kty: z.enum(['EC', 'RSA', 'OKP']),
    kid: z.string().min(1).max(100),
    alg: z.enum(['ES256', 'RS256', 'EdDSA']).optional(),
    use: z.literal('sig').optional(),
    crv: z.string().max(20).optional(),
    x: z.string().max(2000).optional(),
    y: z.string().max(2000).optional(),
    n: z.string().max(2000).optional(),
    e: z.string().max(20).optional(),
  })
  .openapi('PublicJwk');
export type PublicJwk = z.infer<typeof PublicJwk>;

export const Site = z
  .object({
    id: Slug,
    name: LocalizedText(120),
    defaultLang: Lang,
    languages: z.array(Lang).min(1),
    origins: z.array(Origin).max(20),
    voterKeys: z.array(PublicJwk).max(5).default([]).openapi({ description: 'Public keys that verify voter assertions for signed polls.' }),
    challengeSiteKey: z.string().max(100).nullable().default(null).openapi({ description: 'The Turnstile site key the widgets show in challenge polls.' }),
    challengeSecretSet: z.boolean().default(false).openapi({ description: 'Whether a Turnstile secret is stored (it is never shown).' }),
    contactRetentionDays: z.number().int().min(1).max(3650).default(365).openapi({ description: 'Days contact details in feedback are kept before the daily run removes them.' }),
  })
  .openapi('Site');
export type Site = z.infer<typeof Site>;

/** A site as the Worker holds it, with the one secret the API never returns. */
export interface SiteRecord extends Site {
  challengeSecret: string | null;
  /** Goes up with every change an official makes; public reads are cached at the edge under it (worker/edge-cache/). 0 when not read. */
  contentVersion?: number;
}

/** What anyone may read about a site: widgets need its languages and name, not its origins. */
export const PublicSite = Site.pick({ id: true, name: true, defaultLang: true, languages: true, challengeSiteKey: true }).openapi('PublicSite');

export const SiteUpdate = z
  .strictObject({
    name: LocalizedText(120).optional(),
    defaultLang: Lang.optional(),
    languages: z.array(Lang).min(1).max(3).optional(),
    origins: z.array(Origin).max(20).optional(),
    voterKeys: z.array(PublicJwk).max(5).optional(),
    challengeSiteKey: z.string().trim().min(1).max(100).nullable().optional(),
    challengeSecret: z.string().trim().min(1).max(200).nullable().optional().openapi({ description: 'Write-only: the Turnstile secret key.' }),
    contactRetentionDays: z.number().int().min(1).max(3650).optional(),
  })
  .refine((update) => Object.keys(update).length > 0, 'Send at least one field to change.')
  .openapi('SiteUpdate');
export type SiteUpdate = z.infer<typeof SiteUpdate>;

export const Official = z
  .object({ tokenId: z.string(), label: z.string(), labelLang: Lang, role: Role, site: Slug })
  .openapi('Official', { description: 'Who the sent token belongs to.' });
export type Official = z.infer<typeof Official>;

export const TokenCreate = z
  .strictObject({
    label: z.string().trim().min(1).max(80).openapi({ example: 'Viestintä / Maija' }),
    labelLang: Lang.optional().openapi({ description: "The language the label is written in, so that it is marked as such inside other languages' text. The console sends its own; default: the site's default language." }),
    role: Role,
  })
  .openapi('TokenCreate');

export const TokenInfo = z
  .object({
    id: z.string(),
    label: z.string(),
    labelLang: Lang,
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
    actorLang: Lang.nullable().openapi({ description: "The language of the actor's label; null for the command line." }),
    tokenId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    createdAt: Timestamp,
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;
