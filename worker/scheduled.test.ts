import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findAnswer, storeAnswerStatement } from './db/idempotency.ts';
import worker from './index.ts';
import { createSite } from '../test/workers/helpers.ts';

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
});
