/**
 * Two municipalities for the access matrix, each seeded through the API with one object of every
 * kind (and a draft of those that have drafts), and with text that belongs to it alone: markers
 * that say who may read them. A response that shows one where it should not is a leak.
 */
import { ORIGIN, TEXT_POLL, call, createSite, newVoter } from '../../../workers/helpers.ts';
import { PNG, YOUTUBE_ID } from '../../../workers/videos.ts';
import type { Role } from '../../../../worker/schema/sites.ts';

/** Who may read a marker: anyone (0), or a token of its own site with this role or higher; 5 is never. */
export const LEVEL = { public: 0, viewer: 1, moderator: 2, editor: 3, owner: 4, never: 5 } as const;
export type Level = (typeof LEVEL)[keyof typeof LEVEL];
export const ROLE_LEVEL: Record<Role, Level> = { viewer: 1, moderator: 2, editor: 3, owner: 4 };

export interface Marker {
  text: string;
  level: Level;
  what: string;
}

export interface SeedSite {
  slug: string;
  tag: string;
  /** The one origin registered for the site. */
  origin: string;
  tokens: Record<Role, string>;
  /** An owner token of this site, revoked through the API. */
  revoked: string;
  /** Path parameter → this site's objects: [the published one, the draft one] where both exist. */
  ids: Record<string, string[]>;
  /** The poll whose results are never shown to the public (it has a ballot). */
  hiddenPoll: string;
  ref: string;
  removalKey: string;
  /** The Idempotency-Key the submission was sent with: a replay of it answers with the removal key. */
  submissionKey: string;
  /** The submission's body, as sent. */
  submission: Record<string, unknown>;
  markers: Marker[];
}

const ip = () => `203.0.113.${1 + Math.floor(Math.random() * 250)}`;

async function send(site: string, token: string, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await call(`/api/v1/sites/${site}${path}`, { method, token, json, headers: { 'CF-Connecting-IP': ip(), ...headers } });
  const text = await response.text();
  if (response.status !== 200 && response.status !== 201) throw new Error(`seeding ${site}: ${method} ${path} → ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A site whose slug, ids and texts all carry `tag` (lowercase letters and digits). */
export async function seedSite(tag: string): Promise<SeedSite> {
  const T = tag.toUpperCase();
  const pub = `PUB${T}`;
  const view = `VIEW${T}`;
  const mod = `MOD${T}`;
  const own = `OWN${T}`;
  const origin = `https://www.${tag}.example`;
  const { site, owner } = await createSite({ id: `am-${tag}`, name: { fi: `${pub} kunta` }, origins: [origin] });
  const slug = site.id;
  const markers: Marker[] = [{ text: pub, level: LEVEL.public, what: 'public text' }];

  const token = async (role: Role, label: string) => (await send(slug, owner, 'POST', '/tokens', { label, role })) as { id: string; token: string };
  const editor = await token('editor', 'editor');
  const moderator = await token('moderator', 'moderator');
  const viewer = await token('viewer', 'viewer');
  const spare = await token('viewer', `${own} spare`);
  const revoked = await token('owner', 'revoked owner');
  await send(slug, owner, 'DELETE', `/tokens/${revoked.id}`);
  const tokens: Record<Role, string> = { owner, editor: editor.token, moderator: moderator.token, viewer: viewer.token };
  markers.push({ text: own, level: LEVEL.owner, what: 'a token label' }, { text: spare.id, level: LEVEL.owner, what: 'a token id' });
  for (const secret of [owner, editor.token, moderator.token, viewer.token, spare.token, revoked.token]) markers.push({ text: secret, level: LEVEL.never, what: 'a token secret' });

  const poll = `${tag}-poll`;
  const draftPoll = `${tag}-draftpoll`;
  await send(slug, owner, 'POST', '/polls', { ...TEXT_POLL, id: poll, question: { fi: `${pub} kysely` }, resultsVisibility: 'never', caseId: `${tag}-asia` });
  // A resident waiting for the decision on the poll's case: the address is never shown to anyone.
  const waiting = `odottaa${tag}@example.fi`;
  const subscribed = await call(`/api/v1/sites/${slug}/cases/subscriptions`, { method: 'POST', json: { caseId: `${tag}-asia`, email: waiting, lang: 'fi' }, headers: { 'CF-Connecting-IP': ip() } });
  if (subscribed.status !== 202) throw new Error(`seeding ${slug}: subscription → ${subscribed.status} ${await subscribed.text()}`);
  markers.push({ text: waiting, level: LEVEL.never, what: 'an address waiting for a decision' });
  await send(slug, owner, 'POST', '/polls', { ...TEXT_POLL, id: draftPoll, question: { fi: `${view} luonnos` }, status: 'draft' });
  const ballot = await call(`/api/v1/sites/${slug}/polls/${poll}/ballots`, { method: 'POST', json: { choices: ['b'] }, headers: { 'X-Voter-Token': newVoter(), 'CF-Connecting-IP': ip() } });
  if (ballot.status !== 201) throw new Error(`seeding ${slug}: ballot → ${ballot.status} ${await ballot.text()}`);
  // A closed poll with public results, so that its sealed result exists to be attacked.
  const sealedPoll = `${tag}-sealedpoll`;
  await send(slug, owner, 'POST', '/polls', { ...TEXT_POLL, id: sealedPoll, question: { fi: `${pub} suljettu kysely` }, resultsVisibility: 'always' });
  const sealedBallot = await call(`/api/v1/sites/${slug}/polls/${sealedPoll}/ballots`, { method: 'POST', json: { choices: ['a'] }, headers: { 'X-Voter-Token': newVoter(), 'CF-Connecting-IP': ip() } });
  if (sealedBallot.status !== 201) throw new Error(`seeding ${slug}: ballot → ${sealedBallot.status} ${await sealedBallot.text()}`);
  await send(slug, owner, 'PATCH', `/polls/${sealedPoll}`, { status: 'closed' });
  // A ranked poll and a draft one, for the count of its rounds (GET …/ranking answers ranked polls only).
  const rankedPoll = `${tag}-rankedpoll`;
  const draftRanked = `${tag}-draftranked`;
  await send(slug, owner, 'POST', '/polls', { ...TEXT_POLL, kind: 'ranked', maxChoices: 3, id: rankedPoll, question: { fi: `${pub} järjestys` }, resultsVisibility: 'always' });
  await send(slug, owner, 'POST', '/polls', { ...TEXT_POLL, kind: 'ranked', id: draftRanked, question: { fi: `${view} järjestysluonnos` }, status: 'draft' });
  const ranking = await call(`/api/v1/sites/${slug}/polls/${rankedPoll}/ballots`, { method: 'POST', json: { choices: ['c', 'a'] }, headers: { 'X-Voter-Token': newVoter(), 'CF-Connecting-IP': ip() } });
  if (ranking.status !== 201) throw new Error(`seeding ${slug}: ranking → ${ranking.status} ${await ranking.text()}`);
  // A conversation and a draft one, with a statement of a resident's waiting for a moderator.
  const conversation = `${tag}-conversation`;
  const draftConversation = `${tag}-draftconversation`;
  const opening = [{ id: 's1', label: { fi: `${pub} väite yksi` } }, { id: 's2', label: { fi: `${pub} väite kaksi` } }];
  await send(slug, owner, 'POST', '/polls', { kind: 'statements', id: conversation, question: { fi: `${pub} keskustelu` }, options: opening, status: 'open', resultsVisibility: 'always' });
  await send(slug, owner, 'POST', '/polls', { kind: 'statements', id: draftConversation, question: { fi: `${view} keskusteluluonnos` }, options: opening, status: 'draft' });
  const waitingStatement = await call(`/api/v1/sites/${slug}/polls/${conversation}/statements`, { method: 'POST', json: { text: `${mod} odottava väite` }, headers: { 'X-Voter-Token': newVoter(), 'CF-Connecting-IP': ip() } });
  if (waitingStatement.status !== 202) throw new Error(`seeding ${slug}: statement → ${waitingStatement.status} ${await waitingStatement.text()}`);
  markers.push({ text: view, level: LEVEL.viewer, what: 'a draft, a private attachment or a resident\'s message' });

  const form = `${tag}-form`;
  const draftForm = `${tag}-draftform`;
  const fields = [
    { key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti' } },
  ];
  await send(slug, owner, 'POST', '/forms', { id: form, title: { fi: `${pub} palaute` }, fields, status: 'open' });
  await send(slug, owner, 'POST', '/forms', { id: draftForm, title: { fi: `${view} luonnoslomake` }, fields, status: 'draft' });
  const email = `mod${tag}@example.fi`;
  const submission = { answers: { message: `${view} viesti`, email } };
  const submissionKey = `idem-${tag}-submission`;
  const receipt = (await send(slug, owner, 'POST', `/forms/${form}/submissions`, submission, { 'Idempotency-Key': submissionKey })) as { ref: string; removalKey: string };
  await send(slug, moderator.token, 'PATCH', `/submissions/${receipt.ref}`, { status: 'in_progress', reply: { body: `${pub} vastaus`, public: true } });
  await send(slug, moderator.token, 'PATCH', `/submissions/${receipt.ref}`, { reply: { body: `${mod} sisäinen`, public: false } });
  markers.push({ text: email, level: LEVEL.moderator, what: 'a resident\'s email' }, { text: mod, level: LEVEL.moderator, what: 'a private reply' });
  markers.push({ text: receipt.removalKey, level: LEVEL.never, what: 'a removal key' });

  const decision = `${tag}-decision`;
  await send(slug, owner, 'POST', '/decisions', {
    id: decision,
    sourceId: `${tag}-source-1`,
    organ: { id: `${tag}-organ`, name: { fi: `${pub} valtuusto` } },
    meeting: { date: '2026-11-17' },
    title: { fi: `${pub} päätös` },
    outcome: 'passed',
    topics: ['koulut', `${tag}-aihe`],
    attachments: [{ title: { fi: 'Liite' }, url: `https://${tag}.example/${view}.pdf`, public: false }],
  });

  const video = `${tag}-video`;
  const draftVideo = `${tag}-draftvideo`;
  const channel = `${tag}-channel`;
  await send(slug, owner, 'POST', '/videos', { id: video, channel, provider: 'youtube', ref: YOUTUBE_ID, title: { fi: `${pub} video` } });
  await send(slug, owner, 'POST', '/videos', { id: draftVideo, channel, provider: 'youtube', ref: YOUTUBE_ID, title: { fi: `${view} luonnosvideo` }, status: 'draft' });
  await send(slug, owner, 'PUT', `/channels/${channel}`, { title: { fi: `${pub} kanava` } });
  for (const [id, text] of [[video, `${pub} tekstitys`], [draftVideo, `${view} tekstitys`]] as const) {
    const captions = await call(`/api/v1/sites/${slug}/videos/${id}/captions/fi`, { method: 'PUT', token: owner, body: `WEBVTT\n\n00:00.000 --> 00:02.000\n${text}\n`, headers: { 'Content-Type': 'text/vtt' } });
    if (captions.status !== 200) throw new Error(`seeding ${slug}: captions → ${captions.status} ${await captions.text()}`);
  }
  const poster = await call(`/api/v1/sites/${slug}/videos/${video}/poster`, { method: 'PUT', token: owner, body: PNG, headers: { 'Content-Type': 'image/png' } });
  if (poster.status !== 200) throw new Error(`seeding ${slug}: poster → ${poster.status} ${await poster.text()}`);

  return {
    slug,
    tag,
    origin,
    tokens,
    revoked: revoked.token,
    ids: { poll: [poll, draftPoll], sealedPoll: [sealedPoll, draftPoll], rankedPoll: [rankedPoll, draftRanked], conversation: [conversation, draftConversation], statement: ['1', '2'], form: [form, draftForm], ref: [receipt.ref], decision: [decision], value: [`${tag}-aihe`], video: [video, draftVideo], channel: [channel], token: [spare.id] },
    hiddenPoll: poll,
    ref: receipt.ref,
    removalKey: receipt.removalKey,
    submissionKey,
    submission,
    markers,
  };
}

/** Origins a page could send: each site's, one nobody registered, and `null` (sandboxed frames, file://). */
export const UNREGISTERED_ORIGIN = 'https://evil.example';
export { ORIGIN as API_ORIGIN };
