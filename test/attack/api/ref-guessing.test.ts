/**
 * Attack: guessing reference codes (issue 13). A guesser sends well-formed codes from one address
 * as fast as the runtime answers, until the API refuses; then tries the removal of a code it
 * knows is live, with guessed keys. Runs in workerd against the real app and D1.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createSite } from '../../workers/helpers.ts';
import { inOneWindow } from '../../workers/rate-window.ts';

/** LOOKUP_RATE_LIMIT (60 a minute) over what a miss costs (3): see worker/rate-limit.ts. */
const GUESSES_PER_MINUTE = 20;
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const randomRef = () => {
  const chars = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 3)}-${chars.slice(3)}`;
};

async function siteWithFeedback() {
  const { site, owner } = await createSite();
  const form = { id: 'palaute', title: { fi: 'Palaute' }, fields: [{ key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true }, { key: 'email', type: 'email', label: { fi: 'Sähköposti' } }], status: 'open' };
  await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: form });
  const sent = await call(`/api/v1/sites/${site.id}/forms/palaute/submissions`, { method: 'POST', json: { answers: { message: 'Hei', email: 'asukas@example.fi' } }, headers: { 'CF-Connecting-IP': '192.0.2.1' } });
  return { site: site.id, ref: ((await sent.json()) as { ref: string }).ref };
}

describe('attack: guessing reference codes', () => {
  it(`stops one address after at most ${GUESSES_PER_MINUTE} status guesses a minute`, async () => {
    const { site, ref } = await siteWithFeedback();
    const { guesses, hits, live } = await inOneWindow(async () => {
      const ip = `192.0.2.${10 + Math.floor(Math.random() * 200)}`;
      let guesses = 0;
      let hits = 0;
      for (;;) {
        const response = await call(`/api/v1/sites/${site}/submissions/${randomRef()}`, { headers: { 'CF-Connecting-IP': ip } });
        if (response.status === 429) break;
        expect(response.status === 404 || response.status === 200, `guess ${guesses + 1} → ${response.status}`).toBe(true);
        if (response.status === 200) hits++;
        guesses++;
        if (guesses > 1000) break;
      }
      return { guesses, hits, live: (await call(`/api/v1/sites/${site}/submissions/${ref}`, { headers: { 'CF-Connecting-IP': ip } })).status };
    });
    console.log(`ref guessing: ${guesses} status guesses (${hits} hits) from one address before 429; the live code is then refused too (${live})`);
    expect(guesses).toBeGreaterThan(0);
    expect(guesses).toBeLessThanOrEqual(GUESSES_PER_MINUTE);
    expect(live).toBe(429);
  });

  it(`stops removal-key guessing on a live code after at most ${GUESSES_PER_MINUTE} tries, removing nothing`, async () => {
    const { site, ref } = await siteWithFeedback();
    const { tries, statuses } = await inOneWindow(async () => {
      const ip = `198.18.0.${10 + Math.floor(Math.random() * 200)}`;
      const statuses = new Set<number>();
      let tries = 0;
      for (;;) {
        const key = Array.from(crypto.getRandomValues(new Uint8Array(28)), (b) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[b & 31]).join('');
        const response = await call(`/api/v1/sites/${site}/submissions/${ref}/contact`, { method: 'DELETE', json: { removalKey: key }, headers: { 'CF-Connecting-IP': ip } });
        if (response.status === 429) break;
        statuses.add(response.status);
        tries++;
        if (tries > 1000) break;
      }
      return { tries, statuses: [...statuses] };
    });
    console.log(`removal-key guessing: ${tries} wrong keys (answers ${statuses.join(', ')}) from one address before 429`);
    expect(tries).toBeLessThanOrEqual(GUESSES_PER_MINUTE);
    expect(statuses).toEqual([403]);
    const row = await env.DB.prepare('SELECT contact FROM submissions WHERE site_id = ?1 AND ref = ?2').bind(site, ref).first<{ contact: string | null }>();
    expect(row?.contact).toContain('asukas@example.fi');
  });
});
