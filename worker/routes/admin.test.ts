import { describe, expect, it } from 'vitest';
import { call } from '../../test/workers/helpers.ts';

describe('GET /admin', () => {
  it('serves the console page: its own script, not the public loader, under a strict CSP, never cached or indexed', async () => {
    const response = await call('/admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    const page = await response.text();
    expect(page).toContain('<script type="module" src="/embed/v1/admin.js"></script>');
    expect(page).not.toContain('osallistu.js');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<osallistu-admin></osallistu-admin>');
    expect(page).toMatch(/<html lang="fi">/);
  });

  it('speaks the asked language, and only a known one', async () => {
    expect(await (await call('/admin?lang=sv')).text()).toMatch(/<html lang="sv">/);
    expect(await (await call('/admin?lang=de')).text()).toMatch(/<html lang="fi">/);
  });
});
