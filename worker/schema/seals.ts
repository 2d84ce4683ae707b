import { z } from '@hono/zod-openapi';
import { Timestamp } from './common.ts';
import { PollParams } from './polls.ts';

const ReceiptCode = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'A receipt is 12 letters and digits in three groups of four, "K7QF-3M9X-2D4A".');

export const ReceiptParams = PollParams.extend({ receipt: ReceiptCode.openapi({ param: { name: 'receipt', in: 'path' }, example: 'K7QF-3M9X-2D4A' }) });

export const SealView = z
  .object({
    site: z.string(),
    poll: z.string(),
    statement: z.string().openapi({
      description:
        'The signed bytes, JSON: `version`, `site`, `poll`, `definition` (SHA-256 of the poll\'s definition), `closedAt`, `ballots`, `tallies` (`option`, `count`, in the poll\'s order), `root` (the Merkle root over the leaves, RFC 9162 hashing) and `key` (the signing key\'s id). Verify the signature over exactly these bytes.',
    }),
    signature: z.string().openapi({ description: 'Ed25519 over the statement\'s UTF-8 bytes, base64url.' }),
    key: z.object({ id: z.string(), publicKey: z.string().openapi({ description: 'The raw 32-byte Ed25519 public key, base64url; also listed at /api/v1/sites/{site}/keys.' }) }),
    sealedAt: Timestamp,
    leaves: z.string().openapi({ description: 'Where the leaves are: one per ballot counted, in receipt order.' }),
    license: z.literal('CC-BY-4.0'),
  })
  .openapi('Seal');
export type SealView = z.infer<typeof SealView>;

export const BallotLeafView = z
  .object({
    receipt: z.string(),
    choices: z.array(z.string()).openapi({ description: 'Option ids, or the scale value.' }),
    hour: z.string().openapi({ description: 'The hour the ballot was cast, UTC: "2026-11-30T08".', example: '2026-11-30T08' }),
  })
  .openapi('BallotLeaf');

export const LeavesQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const ReceiptCheck = z
  .object({
    receipt: z.string(),
    status: z.enum(['counted', 'replaced', 'not_found']).openapi({ description: '`counted`: the receipt is a leaf under the sealed root (with its proof); `replaced`: its voter changed the ballot, which got a new receipt; `not_found`: no ballot of this poll had it.' }),
    proof: z
      .object({
        leaf: BallotLeafView,
        index: z.number().int(),
        size: z.number().int(),
        path: z.array(z.string()).openapi({ description: 'Sibling hashes from the leaf up, hex (RFC 9162, 2.1.3).' }),
      })
      .optional(),
    replacedAt: Timestamp.optional(),
  })
  .openapi('ReceiptCheck');

export const SiteKeys = z
  .object({
    site: z.string(),
    keys: z.array(
      z.object({
        id: z.string(),
        algorithm: z.literal('Ed25519'),
        publicKey: z.string(),
        createdAt: Timestamp,
        retiredAt: Timestamp.nullable().openapi({ description: 'Set once the key no longer signs; what it signed stays verifiable.' }),
      }),
    ),
  })
  .openapi('SiteKeys');

export const KeyRotation = z.strictObject({ reason: z.string().trim().max(500).optional().openapi({ description: 'Why, for the audit log.', example: 'Scheduled yearly rotation' }) }).openapi('KeyRotation');
