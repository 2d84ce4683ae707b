import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from './db/introspection.ts';
import { call, createSite, errorOf } from '../test/workers/helpers.ts';

describe('service routes', () => {
  it('answers health with the version', async () => {
    const response = await call('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: env.VERSION });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await (await call('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { 'x-osallistu-role'?: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/sites/{site}', '/api/v1/sites/{site}/settings', '/api/v1/sites/{site}/tokens', '/api/v1/sites/{site}/tokens/{token}', '/api/v1/sites/{site}/audit']),
    );
    expect(doc.paths['/api/v1/sites/{site}/tokens']?.post?.['x-osallistu-role']).toBe('owner');
  });

  it('answers an unknown path with a 404 envelope that points to the docs', async () => {
    const response = await call('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toContain('/api/openapi.json');
  });

  it('answers an unknown site with 404 site_not_found', async () => {
    const response = await call('/api/v1/sites/no-such-town');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('site_not_found');
  });
});

describe('bad request bodies get a 4xx envelope and write nothing', () => {
  const cases: [string, (owner: string) => RequestInit, number, string][] = [
    ['malformed JSON', () => ({ body: '{"label": "x",', headers: { 'Content-Type': 'application/json' } }), 400, 'malformed_json'],
    ['an empty body', () => ({ body: '', headers: { 'Content-Type': 'application/json' } }), 400, 'malformed_json'],
    ['a form body', () => ({ body: 'label=x&role=owner', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type'],
    ['no Content-Type', () => ({ body: '{"label":"x","role":"viewer"}' }), 415, 'unsupported_media_type'],
    ['an unknown field', () => ({ body: JSON.stringify({ label: 'x', role: 'viewer', admin: true }), headers: { 'Content-Type': 'application/json' } }), 400, 'validation_failed'],
    ['a wrong type', () => ({ body: JSON.stringify({ label: 42, role: 'viewer' }), headers: { 'Content-Type': 'application/json' } }), 400, 'validation_failed'],
    ['an unknown role', () => ({ body: JSON.stringify({ label: 'x', role: 'root' }), headers: { 'Content-Type': 'application/json' } }), 400, 'validation_failed'],
    ['a key given twice', () => ({ body: '{"label":"x","role":"viewer","role":"owner"}', headers: { 'Content-Type': 'application/json' } }), 400, 'validation_failed'],
    ['a __proto__ key', () => ({ body: '{"label":"x","role":"viewer","__proto__":{"role":"owner"}}', headers: { 'Content-Type': 'application/json' } }), 400, 'validation_failed'],
    ['a lone surrogate', () => ({ body: '{"label":"x\\ud800","role":"viewer"}', headers: { 'Content-Type': 'application/json' } }), 400, 'validation_failed'],
    ['a body over 64 KiB', () => ({ body: JSON.stringify({ label: 'x'.repeat(70_000), role: 'viewer' }), headers: { 'Content-Type': 'application/json' } }), 413, 'payload_too_large'],
    [
      'a streamed body over 64 KiB with no Content-Length',
      () => ({
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(4096)));
            controller.close();
          },
        }),
        headers: { 'Content-Type': 'application/json' },
      }),
      413,
      'payload_too_large',
    ],
  ];

  it.each(cases)('%s', async (_, init, status, code) => {
    const { site, owner } = await createSite();
    const before = await tableRowCounts(env.DB);
    const { headers, ...rest } = init(owner);
    const response = await call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', token: owner, headers, ...rest });
    expect(response.status).toBe(status);
    expect((await errorOf(response)).code).toBe(code);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('names each invalid field in "issues"', async () => {
    const { site, owner } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}/tokens`, { method: 'POST', token: owner, json: { label: '', role: 'root', extra: 1 } });
    const error = await errorOf(response);
    expect(error.issues?.map((issue) => issue.path.join('.') || '(body)')).toEqual(expect.arrayContaining(['label', 'role', 'extra'])); // an unknown field is named too
    for (const issue of error.issues ?? []) expect(issue.message.length).toBeGreaterThan(5);
  });
});

describe('caching of what officials read', () => {
  it('a public read may be cached; the same read with a token never is', async () => {
    const { site, owner } = await createSite();
    const anyone = await call(`/api/v1/sites/${site.id}/decisions`);
    expect(anyone.headers.get('Cache-Control')).toContain('public');
    const official = await call(`/api/v1/sites/${site.id}/decisions`, { token: owner });
    expect(official.headers.get('Cache-Control')).toBe('private, no-store');
  });
});
