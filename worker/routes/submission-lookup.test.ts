/**
 * Issue 13: reference codes nobody can guess. Lookups by code are throttled per client address
 * and per site, misses count three times, and removing contact details needs the removal key.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../crypto.ts';
import { insertSubmissionStatement } from '../db/forms.ts';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';
import { inOneWindow } from '../../test/workers/rate-window.ts';

const FORM = {
  id: 'palaute',
  title: { fi: 'Anna palautetta' },
  fields: [
    { key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti' } },
  ],
  status: 'open',
};
/** LOOKUP_RATE_LIMIT in wrangler.toml, and what a miss costs of it (worker/rate-limit.ts). */
const PER_ADDRESS = 60;
const MISSES_PER_ADDRESS = PER_ADDRESS / 3;
const MISSES_PER_SITE = 600 / 3;

let addressCounter = 0;
/** A client address of its own (documentation range), so each test's counts start at zero. */
const newAddress = () => `2001:db8::${(addressCounter++).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;

async function formSite() {
  const { site, owner } = await createSite();
  const created = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: FORM });
  if (created.status !== 201) throw new Error(`${created.status} ${await created.text()}`);
  return site.id;
}

interface Receipt {
  ref: string;
  removalKey: string;
}

async function send(site: string, headers: Record<string, string> = {}): Promise<Receipt> {
  const response = await call(`/api/v1/sites/${site}/forms/palaute/submissions`, {
    method: 'POST',
    json: { answers: { message: 'Katulamppu ei pala.', email: 'asukas@example.fi' } },
    headers: { 'CF-Connecting-IP': newAddress(), ...headers },
  });
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as Receipt;
}

const lookup = (site: string, ref: string, ip: string) => call(`/api/v1/sites/${site}/submissions/${ref}`, { headers: { 'CF-Connecting-IP': ip } });
const remove = (site: string, ref: string, ip: string, body?: unknown) =>
  call(`/api/v1/sites/${site}/submissions/${ref}/contact`, { method: 'DELETE', headers: { 'CF-Connecting-IP': ip }, ...(body === undefined ? {} : { json: body }) });
const contactOf = async (site: string, ref: string) =>
  (await env.DB.prepare('SELECT contact FROM submissions WHERE site_id = ?1 AND ref = ?2').bind(site, ref).first<{ contact: string | null }>())!.contact;

/** Codes in the right shape that no submission has: the alphabet has no 0, 1, I, L or O. */
let guessCounter = 0;
const unusedRef = () => {
  const n = (guessCounter++).toString(8).padStart(6, '0');
  return `${n.slice(0, 3)}-${n.slice(3)}`.replaceAll('0', 'O').replaceAll('1', 'I');
};

describe('lookups by reference code', () => {
  it('never block a resident looking up their own code again and again, or mistyping it a few times', async () => {
    const site = await formSite();
    const { ref } = await send(site);
    const statuses = await inOneWindow(async () => {
      const ip = newAddress();
      const seen: number[] = [];
      for (let i = 0; i < 3; i++) seen.push((await lookup(site, 'ZZZ-ZZZ', ip)).status);
      for (let i = 0; i < 40; i++) seen.push((await lookup(site, ref, ip)).status);
      return seen;
    });
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.slice(3).every((s) => s === 200)).toBe(true);
  });

  it(`stop a guesser after ${MISSES_PER_ADDRESS} misses a minute from one address, live codes included, and not the next address`, async () => {
    const site = await formSite();
    const { ref } = await send(site);
    const { statuses, refused, liveRefused } = await inOneWindow(async () => {
      const ip = newAddress();
      const seen: number[] = [];
      for (let i = 0; i < MISSES_PER_ADDRESS; i++) seen.push((await lookup(site, unusedRef(), ip)).status);
      const refused = await lookup(site, unusedRef(), ip);
      return { statuses: seen, refused, liveRefused: (await lookup(site, ref, ip)).status };
    });
    expect(statuses.every((s) => s === 404)).toBe(true);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
    expect(await errorOf(refused)).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('from your connection') });
    // Past the limit a live code is refused too: 200 against 429 would still tell hits from misses.
    expect(liveRefused).toBe(429);
    expect((await lookup(site, ref, newAddress())).status).toBe(200);
  });

  it(`cap guessing spread over many addresses at ${MISSES_PER_SITE} misses a minute per site, other sites unaffected`, async () => {
    const other = await formSite();
    const { ref } = await send(other);
    // A fresh site on each run: a run that straddled a window has spent part of the last one's budget.
    const { admitted, refused } = await inOneWindow(async () => {
      const site = await formSite();
      let admitted = 0;
      let refused: Response | null = null;
      for (let address = 0; !refused && address < MISSES_PER_SITE; address++) {
        const ip = newAddress();
        for (let i = 0; i < MISSES_PER_ADDRESS - 1; i++) {
          const response = await lookup(site, unusedRef(), ip);
          if (response.status === 429) {
            refused = response;
            break;
          }
          admitted++;
        }
      }
      return { admitted, refused };
    });
    expect(admitted).toBe(MISSES_PER_SITE);
    expect(refused?.status).toBe(429);
    expect(await errorOf(refused!)).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('on this site') });
    expect((await lookup(other, ref, newAddress())).status).toBe(200);
  });
});

describe('removing contact details', () => {
  it('needs the removal key: without it 400, a wrong one 403 and nothing removed', async () => {
    const site = await formSite();
    const { ref, removalKey } = await send(site);
    const ip = newAddress();
    const missing = await remove(site, ref, ip);
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).issues?.[0]?.path).toEqual(['removalKey']);
    expect((await remove(site, ref, ip, { removalKey: 'not a key' })).status).toBe(400);
    const wrong = await remove(site, ref, ip, { removalKey: '7KQ2-M9XD-4T1B-ZC8N-QH3W-P5RJ-EV6A' });
    expect(wrong.status).toBe(403);
    expect(await contactOf(site, ref)).not.toBeNull();
    // An unknown code is answered the same, so the key cannot be probed apart from the code.
    const unknown = await remove(site, 'ZZZ-ZZZ', ip, { removalKey });
    expect([unknown.status, await unknown.text()]).toEqual([403, await wrong.text()]);
    expect(await contactOf(site, ref)).not.toBeNull();

    // As people copy it: lower case, spaces for dashes, O for 0 and l for 1.
    const typed = removalKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'O').replaceAll('1', 'l');
    const removed = await remove(site, ref, ip, { removalKey: typed });
    expect([removed.status, await removed.json()]).toEqual([200, { ref, contactRemoved: true }]);
    expect(await contactOf(site, ref)).toBeNull();
    expect((await remove(site, ref, ip, { removalKey })).status).toBe(200);
    expect((await lookup(site, ref, ip)).status).toBe(200);
  });

  it('counts wrong keys against the strict throttle: past it even the right key waits', async () => {
    const site = await formSite();
    // A fresh submission per run: a run that straddled a window may have let the right key through.
    const { statuses, rightKey, ref } = await inOneWindow(async () => {
      const { ref, removalKey } = await send(site);
      const ip = newAddress();
      const seen: number[] = [];
      for (let i = 0; i < MISSES_PER_ADDRESS; i++) seen.push((await remove(site, ref, ip, { removalKey: `${i}`.padStart(28, 'Z') })).status);
      return { statuses: seen, rightKey: await remove(site, ref, ip, { removalKey }), ref };
    });
    expect(statuses.every((s) => s === 403)).toBe(true);
    expect(rightKey.status).toBe(429);
    expect(rightKey.headers.get('Retry-After')).toBe('60');
    expect(await contactOf(site, ref)).not.toBeNull();
  });

  it('stores only a hash of the key, and a replay of the submission returns the same key', async () => {
    const site = await formSite();
    const headers = { 'Idempotency-Key': `replay-${crypto.randomUUID()}` };
    const body = { answers: { message: 'Penkki on rikki.', email: 'asukas@example.fi' } };
    const first = await call(`/api/v1/sites/${site}/forms/palaute/submissions`, { method: 'POST', json: body, headers: { ...headers, 'CF-Connecting-IP': newAddress() } });
    const again = await call(`/api/v1/sites/${site}/forms/palaute/submissions`, { method: 'POST', json: body, headers: { ...headers, 'CF-Connecting-IP': newAddress() } });
    expect([first.status, again.status, again.headers.get('Idempotent-Replay')]).toEqual([201, 200, 'true']);
    const receipt = (await first.json()) as Receipt;
    expect(await again.json()).toEqual(receipt);
    expect(receipt.removalKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(first.headers.get('Cache-Control')).toBe('private, no-store');

    const row = await env.DB.prepare('SELECT * FROM submissions WHERE site_id = ?1 AND ref = ?2').bind(site, receipt.ref).first<Record<string, unknown>>();
    const bare = receipt.removalKey.replaceAll('-', '');
    expect(row!.removal_key_hash).toBe(await sha256Hex(`removal-key:${bare}`));
    const everything = JSON.stringify(row);
    expect(everything).not.toContain(bare);
    expect(everything).not.toContain(receipt.removalKey);
  });

  it('of feedback without a key (sent before keys existed): only an official, audited', async () => {
    const site = await formSite();
    const ref = 'OLD-222';
    await env.DB.batch([
      insertSubmissionStatement(env.DB, { site, ref, form: 'palaute', answers: { message: 'Vanha' }, contact: { email: 'vanha@example.fi' }, category: null, status: 'received', createdAt: new Date().toISOString() }),
    ]);
    const ip = newAddress();
    expect((await remove(site, ref, ip, { removalKey: '0000-0000-0000-0000-0000-0000-0000' })).status).toBe(403);
    expect((await call(`/api/v1/sites/${site}/submissions/${ref}/contact`, { method: 'DELETE', token: await createToken(site, 'viewer') })).status).toBe(403);
    expect(await contactOf(site, ref)).not.toBeNull();
    const moderator = await createToken(site, 'moderator', 'Aino');
    const removed = await call(`/api/v1/sites/${site}/submissions/${ref}/contact`, { method: 'DELETE', token: moderator });
    expect([removed.status, await removed.json()]).toEqual([200, { ref, contactRemoved: true }]);
    expect(await contactOf(site, ref)).toBeNull();
    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=submission`, { token: await createToken(site, 'owner') })).json()) as { items: { action: string; target: string; actor: string }[] };
    expect(audit.items).toContainEqual(expect.objectContaining({ action: 'submission.contact_remove', target: ref, actor: 'Aino' }));
    expect((await call(`/api/v1/sites/${site}/submissions/ZZZ-ZZZ/contact`, { method: 'DELETE', token: moderator })).status).toBe(404);
  });
});

describe('Open311 lookups by service_request_id', () => {
  const open311 = (site: string, path: string, ip: string) => call(`/open311/v2/${site}/${path}`, { headers: { 'CF-Connecting-IP': ip } });

  it('are metered like the API: a request by id, or every code in a list', async () => {
    const site = await formSite();
    const { ref } = await send(site);
    const byId = await inOneWindow(async () => {
      const ip = newAddress();
      const seen: number[] = [];
      for (let i = 0; i < MISSES_PER_ADDRESS; i++) seen.push((await open311(site, `requests/${unusedRef()}.json`, ip)).status);
      return { seen, refused: await open311(site, `requests/${ref}.json`, ip) };
    });
    expect(byId.seen.every((s) => s === 404)).toBe(true);
    expect(byId.refused.status).toBe(429);
    expect(byId.refused.headers.get('Retry-After')).toBe('60');
    expect(await byId.refused.json()).toEqual([{ code: 429, description: expect.stringContaining('Too many lookups') }]);

    const list = await inOneWindow(async () => {
      const ip = newAddress();
      const guesses = Array.from({ length: MISSES_PER_ADDRESS }, unusedRef).join(',');
      const first = await open311(site, `requests.json?service_request_id=${guesses}`, ip);
      return { first, next: await open311(site, `requests.json?service_request_id=${ref}`, ip) };
    });
    expect([list.first.status, await list.first.json()]).toEqual([200, []]);
    expect(list.next.status).toBe(429);
    expect((await open311(site, `requests.json?service_request_id=${ref}`, newAddress())).status).toBe(200);
  });
});
