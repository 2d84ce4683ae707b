/**
 * The no-JavaScript frames ask the API itself, with an internal request to the same app, rather
 * than re-implement its rules: validation, the one-ballot rule, rate limits, idempotency and what
 * the public may see stay the API's. The request carries this server's own origin (so the
 * cross-origin policy treats it as a first-party call) and the resident's client address (so rate
 * limits count the resident, not the Worker).
 */
import type { ErrorEnvelope } from '../../errors.ts';
import type { HonoContext } from './context.ts';

export interface ApiAnswer<T> {
  status: number;
  /** Whether `data` is T (a 2xx) or `error` says what was refused. */
  ok: boolean;
  data: T;
  error: ErrorEnvelope['error'] | null;
  headers: Headers;
}

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT';
  json?: unknown;
  headers?: Record<string, string>;
}

export async function callApi<T>(c: HonoContext, path: string, call: ApiCall = {}): Promise<ApiAnswer<T>> {
  // Imported when called: the app imports the frames, which import this.
  const { app } = await import('../../index.ts');
  const origin = new URL(c.req.url).origin;
  const headers = new Headers({ Accept: 'application/json', ...call.headers, Origin: origin });
  const address = c.req.header('CF-Connecting-IP');
  if (address) headers.set('CF-Connecting-IP', address);
  if (call.json !== undefined) headers.set('Content-Type', 'application/json');
  const request = new Request(new URL(path, origin), {
    method: call.method ?? 'GET',
    headers,
    body: call.json === undefined ? undefined : JSON.stringify(call.json),
  });
  const response = await app.fetch(request, c.env, executionContext(c));
  const body = (await response.json().catch(() => null)) as unknown;
  const ok = response.status < 300;
  const error = ok ? null : ((body as ErrorEnvelope | null)?.error ?? { code: 'unknown', message: '' });
  return { status: response.status, ok, data: body as T, error, headers: response.headers };
}

/** The request's execution context, when it has one (Hono's getter throws when it does not). */
function executionContext(c: HonoContext) {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

export const sitePath = (site: string, rest: string) => `/api/v1/sites/${encodeURIComponent(site)}/${rest}`;
