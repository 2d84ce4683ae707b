import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../db/audit.ts';
import { call, createPoll, createSite, errorOf } from '../../test/workers/helpers.ts';

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

  it("keeps the language a label is written in (the site's default unless given), for the token, /me and the audit log", async () => {
    const { site, owner } = await createSite();
    const post = (json: object) => call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', token: owner, json });
    const plain = (await (await post({ label: 'Viestintä', role: 'editor' })).json()) as { id: string; labelLang: string; token: string };
    expect(plain.labelLang).toBe(site.defaultLang);
    const swedish = (await (await post({ label: 'Kommunikation', labelLang: 'sv', role: 'editor' })).json()) as { id: string; labelLang: string; token: string };
    expect(swedish.labelLang).toBe('sv');
    const list = (await (await call(`/api/v1/sites/${site.id}/tokens`, { token: owner })).json()) as { items: object[] };
    expect(list.items).toContainEqual(expect.objectContaining({ id: swedish.id, label: 'Kommunikation', labelLang: 'sv' }));
    expect(await (await call(`/api/v1/sites/${site.id}/me`, { token: swedish.token })).json()).toMatchObject({ label: 'Kommunikation', labelLang: 'sv' });

    // What the Swedish-labelled official does is logged with the label's language.
    await createPoll(site.id, swedish.token);
    const [entry] = await listAudit(env.DB, site.id, { limit: 1 });
    expect(entry).toMatchObject({ actor: 'Kommunikation', actorLang: 'sv', action: 'poll.create' });
    const created = (await listAudit(env.DB, site.id, { limit: 10, action: 'token' })).find((e) => e.target === swedish.id);
    expect(created?.detail).toEqual({ label: 'Kommunikation', labelLang: 'sv', role: 'editor' });

    // A language the product does not speak is refused in words, and no token is made.
    const before = (await env.DB.prepare('SELECT COUNT(*) AS n FROM api_tokens WHERE site_id = ?1').bind(site.id).first<{ n: number }>())!.n;
    const refused = await post({ label: 'Kommunikation', labelLang: 'de', role: 'editor' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await errorOf(refused))).toContain('labelLang');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM api_tokens WHERE site_id = ?1').bind(site.id).first<{ n: number }>())!.n).toBe(before);
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
