/**
 * The one thing the Workers suite mocks: the Worker's outbound call to Cloudflare Turnstile's
 * siteverify, which lies outside the product. A response token "pass…" passes, anything else
 * fails; every other outbound request is refused, since tests must not reach the internet.
 */
export const TURNSTILE_TEST_SECRET = 'test-turnstile-secret';

export async function fakeTurnstile(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'challenges.cloudflare.com' || url.pathname !== '/turnstile/v0/siteverify') {
    return new Response(`Outbound request blocked in tests: ${request.url}`, { status: 502 });
  }
  const form = await request.formData();
  const ok = form.get('secret') === TURNSTILE_TEST_SECRET && String(form.get('response')).startsWith('pass');
  return Response.json({ success: ok, 'error-codes': ok ? [] : ['invalid-input-response'] });
}
