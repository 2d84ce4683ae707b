import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../db/audit.ts';
import { call, createSite, errorOf } from '../../test/workers/helpers.ts';

describe('tokens', () => {
  it('creates a token whose secret is shown once and works with its role', async () => {
    const { site, owner } = await createSite();
    const created = await call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', token: owner, json: { label: 'Viestintä', role: 'viewer' } });
    expect(created.status).toBe(201);
    const { token, id } = (await created.json()) as { token: string; id: string };
    expect(token).toMatch(/^osl_[\w-]{40,}$/);

    const list = (await (await call(`/api/v1/sites/${site.id}/tokens`, { token: owner })).json()) as { items: object[] };
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.items).toContainEqual(expect.objectContaining({ id, label: 'Viestintä', role: 'viewer', revokedAt: null }));

    expect(await (await call(`/api/v1/sites/${site.id}/me`, { token })).json()).toMatchObject({ role: 'viewer', label: 'Viestintä' });
    expect((await call(`/api/v1/sites/${site.id}/tokens`, { token })).status).toBe(403);
  });

  it('stores only a hash of the secret', async () => {
    const { site, owner } = await createSite();
    const { token } = (await (await call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', token: owner, json: { label: 'x', role: 'editor' } })).json()) as { token: string };
    const { results } = await env.DB.prepare('SELECT * FROM api_tokens WHERE site_id = ?1').bind(site.id).all();
    expect(JSON.stringify(results)).not.toContain(token);
  });

  it('revokes a token so it stops working, and audits both steps', async () => {
    const { site, owner } = await createSite();
    const { token, id } = (await (await call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', token: owner, json: { label: 'Kesäharjoittelija', role: 'moderator' } })).json()) as { token: string; id: string };
    const revoked = await call(`/api/v1/sites/${site.id}/tokens/${id}`, { method: 'DELETE', token: owner });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).toBeTruthy();
    expect((await call(`/api/v1/sites/${site.id}/me`, { token })).status).toBe(401);
    const actions = (await listAudit(env.DB, site.id, { limit: 10 })).map((entry) => [entry.action, entry.target]);
    expect(actions).toEqual([
      ['token.revoke', id],
      ['token.create', id],
    ]);
  });

  it('will not revoke the last owner token', async () => {
    const { site, owner } = await createSite();
    const me = (await (await call(`/api/v1/sites/${site.id}/me`, { token: owner })).json()) as { tokenId: string };
    const response = await call(`/api/v1/sites/${site.id}/tokens/${me.tokenId}`, { method: 'DELETE', token: owner });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('last_owner');
  });

  it('cannot revoke another site\'s token', async () => {
    const a = await createSite();
    const b = await createSite();
    const { id } = (await (await call(`/api/v1/sites/${b.site.id}/tokens`, { method: 'POST', token: b.owner, json: { label: 'b', role: 'viewer' } })).json()) as { id: string };
    const response = await call(`/api/v1/sites/${a.site.id}/tokens/${id}`, { method: 'DELETE', token: a.owner });
    expect(response.status).toBe(404);
  });
});
