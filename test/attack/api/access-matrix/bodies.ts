/**
 * A valid request body for every write operation, so a refusal in the matrix is the access rules'
 * doing and never the validator's (the control run proves each one is accepted by its own site).
 * Ids in the bodies are the other site's, so the controls also show that an object with the same
 * id as another site's is created beside it, never on top of it.
 */
import { TEXT_POLL, newVoter } from '../../../workers/helpers.ts';
import { PNG, YOUTUBE_ID } from '../../../workers/videos.ts';
import type { SeedSite } from './seed.ts';

export interface BodyContext {
  /** The site in the path. */
  site: SeedSite;
  /** The site whose objects the path names. */
  objects: SeedSite;
  /** The site that is not `site`. */
  other: SeedSite;
  /** Whether the request carries a token (some citizen writes take another body from officials). */
  withToken: boolean;
}

export interface RequestSpec {
  body?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

const json = (value: unknown, headers?: Record<string, string>): RequestSpec => ({ body: JSON.stringify(value), contentType: 'application/json', headers });
const none = (): RequestSpec => ({});

/** Reads that need a query: `METHOD /path` → the query naming the objects' site's own thing. */
export const REQUIRED_QUERIES: Record<string, (objects: SeedSite) => string> = {
  'GET /api/v1/sites/{site}/cases': (objects) => `?id=${objects.tag}-asia`,
};

/** `METHOD /path/{param}` as in /api/openapi.json → a valid request for it. */
export const VALID_BODIES: Record<string, (ctx: BodyContext) => RequestSpec> = {
  'PATCH /api/v1/sites/{site}/settings': () => json({ contactRetentionDays: 300 }),
  'POST /api/v1/sites/{site}/tokens': () => json({ label: 'matrix token', role: 'owner' }),
  'DELETE /api/v1/sites/{site}/tokens/{token}': none,
  'POST /api/v1/sites/{site}/keys/rotate': () => json({ reason: 'Matriisin kierto' }),
  'POST /api/v1/sites/{site}/polls': ({ other }) => json({ ...TEXT_POLL, id: other.ids.poll![0], question: { fi: 'Matriisin kysely' } }),
  'PATCH /api/v1/sites/{site}/polls/{poll}': () => json({ question: { fi: 'Muutettu kysymys' } }),
  'POST /api/v1/sites/{site}/polls/{poll}/ballots': () => json({ choices: ['a'] }, { 'X-Voter-Token': newVoter() }),
  'PUT /api/v1/sites/{site}/polls/{poll}/statements/{statement}/vote': () => json({ vote: 'agree' }, { 'X-Voter-Token': newVoter() }),
  'POST /api/v1/sites/{site}/polls/{poll}/statements': () => json({ text: 'Matriisin väite kirjastosta' }, { 'X-Voter-Token': newVoter() }),
  'PATCH /api/v1/sites/{site}/polls/{poll}/statements/{statement}': () => json({ status: 'published' }),
  'POST /api/v1/sites/{site}/forms': ({ other }) =>
    json({ id: other.ids.form![0], title: { fi: 'Matriisin lomake' }, fields: [{ key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true }], status: 'open' }),
  'PATCH /api/v1/sites/{site}/forms/{form}': () => json({ title: { fi: 'Muutettu lomake' } }),
  'POST /api/v1/sites/{site}/forms/{form}/submissions': ({ other }) =>
    json({ answers: { message: 'Matriisin palaute' }, context: { decision: other.ids.decision![0], video: other.ids.video![0] } }),
  // The case of the site's own poll (seed.ts): a case is named by its number, not an object id.
  'POST /api/v1/sites/{site}/cases/subscriptions': ({ site }) => json({ caseId: `${site.tag}-asia`, email: `matriisi${site.tag}@example.fi`, lang: 'fi' }),
  'PATCH /api/v1/sites/{site}/submissions/{ref}': () => json({ status: 'closed', reply: { body: 'Matriisin vastaus', public: true } }),
  'DELETE /api/v1/sites/{site}/submissions/{ref}/contact': ({ objects, withToken }) => (withToken ? none() : json({ removalKey: objects.removalKey })),
  'POST /api/v1/sites/{site}/decisions': ({ other }) =>
    json({ id: other.ids.decision![0], sourceId: `${other.tag}-source-1`, organ: { id: `${other.tag}-organ`, name: { fi: 'Lautakunta' } }, meeting: { date: '2026-11-18' }, title: { fi: 'Matriisin päätös' }, outcome: 'passed' }),
  'PATCH /api/v1/sites/{site}/decisions/{decision}': () => json({ title: { fi: 'Muutettu päätös' } }),
  'DELETE /api/v1/sites/{site}/decisions/{decision}': none,
  'POST /api/v1/sites/{site}/decisions/import': ({ other }) =>
    json([{ sourceId: `${other.tag}-source-1`, organ: { id: `${other.tag}-organ`, name: { fi: 'Lautakunta' } }, meeting: { date: '2026-11-19' }, title: { fi: 'Tuotu päätös' }, outcome: 'rejected' }]),
  'PUT /api/v1/sites/{site}/decision-terms/{kind}/{value}': () => json({ label: { fi: 'Matriisin aihe', sv: 'Matrisens ämne', en: 'Matrix topic' } }),
  'POST /api/v1/sites/{site}/videos': ({ other }) => json({ id: other.ids.video![0], channel: other.ids.channel![0], provider: 'youtube', ref: YOUTUBE_ID, title: { fi: 'Matriisin video' } }),
  'PATCH /api/v1/sites/{site}/videos/{video}': () => json({ title: { fi: 'Muutettu video' } }),
  'DELETE /api/v1/sites/{site}/videos/{video}': none,
  'PUT /api/v1/sites/{site}/channels/{channel}': () => json({ title: { fi: 'Matriisin kanava' } }),
  'PUT /api/v1/sites/{site}/videos/{video}/poster': () => ({ body: PNG, contentType: 'image/png' }),
  'DELETE /api/v1/sites/{site}/videos/{video}/poster': none,
  'PUT /api/v1/sites/{site}/videos/{video}/captions/{lang}': () => ({ body: 'WEBVTT\n\n00:00.000 --> 00:02.000\nMatriisin tekstitys\n', contentType: 'text/vtt' }),
  'DELETE /api/v1/sites/{site}/videos/{video}/captions/{lang}': none,
};
