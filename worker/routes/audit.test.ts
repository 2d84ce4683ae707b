import { describe, expect, it } from 'vitest';
import { call, createSite, errorOf } from '../../test/workers/helpers.ts';

type Page = { items: { action: string; target: string }[]; nextCursor: string | null };

describe('GET /sites/:site/audit', () => {
  it('pages newest first with an opaque cursor and filters by action family', async () => {
    const { site, owner } = await createSite();
    for (let i = 0; i < 5; i++) {
      await call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', token: owner, json: { label: `t${i}`, role: 'viewer' } });
    }
    await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: { origins: [] } });

    const first = (await (await call(`/api/v1/sites/${site.id}/audit?limit=4`, { token: owner })).json()) as Page;
    expect(first.items.map((e) => e.action)).toEqual(['site.update', 'token.create', 'token.create', 'token.create']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await (await call(`/api/v1/sites/${site.id}/audit?limit=4&cursor=${encodeURIComponent(first.nextCursor!)}`, { token: owner })).json()) as Page;
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();

    const tokensOnly = (await (await call(`/api/v1/sites/${site.id}/audit?action=token`, { token: owner })).json()) as Page;
    expect(tokensOnly.items).toHaveLength(5);
  });

  it('counts naming a topic in the decisions family', async () => {
    const { site, owner } = await createSite();
    expect((await call(`/api/v1/sites/${site.id}/decision-terms/topic/koulut`, { method: 'PUT', token: owner, json: { label: { fi: 'Koulut' } } })).status).toBe(200);
    await call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', token: owner, json: { label: 'x', role: 'viewer' } });
    const decisions = (await (await call(`/api/v1/sites/${site.id}/audit?action=decision`, { token: owner })).json()) as Page;
    expect(decisions.items.map((e) => [e.action, e.target])).toEqual([['decision_term.update', 'topic:koulut']]);
  });

  it('refuses a cursor it did not make', async () => {
    const { site, owner } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}/audit?cursor=bm9wZQ`, { token: owner });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.[0]?.path).toEqual(['cursor']);
  });

  it('refuses a limit over 100', async () => {
    const { site, owner } = await createSite();
    expect((await call(`/api/v1/sites/${site.id}/audit?limit=101`, { token: owner })).status).toBe(400);
  });
});
