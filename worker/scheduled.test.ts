import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findAnswer, storeAnswerStatement } from './db/idempotency.ts';
import worker from './index.ts';
import { call, createSite } from '../test/workers/helpers.ts';

describe('daily upkeep', () => {
  it('forgets idempotency answers older than a day and keeps newer ones', async () => {
    const { site } = await createSite();
    const answer = { scope: 'ballot:x', requestHash: 'h', status: 201, response: { ok: true } };
    await env.DB.batch([
      storeAnswerStatement(env.DB, site.id, 'old-key-123', answer, new Date(Date.now() - 25 * 3600 * 1000).toISOString()),
      storeAnswerStatement(env.DB, site.id, 'new-key-123', answer, new Date().toISOString()),
    ]);
    await worker.scheduled(createScheduledController({ cron: "30 2 * * *" }), env);
    expect(await findAnswer(env.DB, site.id, 'old-key-123')).toBeNull();
    expect(await findAnswer(env.DB, site.id, 'new-key-123')).not.toBeNull();
  });

  it('removes contact details older than the site\'s retention period, and only those', async () => {
    const { site, owner } = await createSite();
    await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: { contactRetentionDays: 30 } });
    await call(`/api/v1/sites/${site.id}/forms`, {
      method: 'POST',
      token: owner,
      json: { id: 'f', title: { fi: 'Palaute' }, fields: [{ key: 'msg', type: 'shortText', label: { fi: 'Viesti' } }, { key: 'email', type: 'email', label: { fi: 'Sähköposti' } }], status: 'open' },
    });
    const send = async () =>
      ((await (await call(`/api/v1/sites/${site.id}/forms/f/submissions`, { method: 'POST', json: { answers: { msg: 'Hei', email: 'a@example.fi' } }, headers: { 'CF-Connecting-IP': '198.51.100.77' } })).json()) as { ref: string }).ref;
    const old = await send();
    const recent = await send();
    // Make the first one 31 days old.
    await env.DB.prepare('UPDATE submissions SET created_at = ?3 WHERE site_id = ?1 AND ref = ?2').bind(site.id, old, new Date(Date.now() - 31 * 86_400_000).toISOString()).run();
    await worker.scheduled(createScheduledController({ cron: '30 2 * * *' }), env);
    const contact = async (ref: string) => (await env.DB.prepare('SELECT contact FROM submissions WHERE site_id = ?1 AND ref = ?2').bind(site.id, ref).first<{ contact: string | null }>())!.contact;
    expect(await contact(old)).toBeNull();
    expect(await contact(recent)).toContain('a@example.fi');
  });
});
