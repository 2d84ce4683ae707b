import type { ErrorEnvelope, ErrorIssue } from '../../worker/errors.ts';

/** The server answered with an error envelope (or something that is not one). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The server could not be reached (offline, DNS, timeout) after every allowed attempt. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface ApiClientOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Attempts in all for a request that is safe to repeat (GET, or a write with an idempotency key). */
  attempts?: number;
  /** First back-off in milliseconds; doubles each time, with jitter. */
  backoffMs?: number;
  fetch?: typeof fetch;
  /** Called when the API refuses the page's origin (403 `origin_not_allowed`): the site has not registered it. */
  onOriginRefused?: (error: ApiRequestError) => void;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Makes a write safe to repeat: the server answers a repeat with the first answer. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** The browser cache's part: officials' reads pass 'no-store', never an earlier public copy. */
  cache?: RequestCache;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Same as in preload.ts, where the loader puts the reads it started before the widget was there. */
const PREFETCH = Symbol.for('osallistu.prefetch');

/**
 * The answer to this GET if the loader already asked for it with the same voter token and
 * nothing else personal (preload.ts), taken once; else undefined.
 */
function takePrefetched(url: string, headers: Record<string, string>): Promise<Response> | undefined {
  const started = (globalThis as { [PREFETCH]?: Map<string, Promise<Response>> })[PREFETCH];
  const { Accept: _accept, 'X-Voter-Token': token = '', ...others } = headers;
  if (!started || Object.keys(others).length) return undefined;
  const key = `${url}\n${token}`;
  const found = started.get(key);
  started.delete(key);
  return found;
}

/** A fresh key for one logical write; keep it for every retry of that write. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Talks to one site's API: timeouts, error envelopes, retries with back-off where safe. */
export class ApiClient {
  readonly #timeoutMs: number;
  readonly #attempts: number;
  readonly #backoffMs: number;
  readonly #fetch: typeof fetch;
  readonly #onOriginRefused?: (error: ApiRequestError) => void;

  constructor(
    readonly apiBase: string,
    readonly site: string,
    options: ApiClientOptions = {},
  ) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#attempts = options.attempts ?? 4;
    this.#backoffMs = options.backoffMs ?? 400;
    // Looked up at each call, so a fetch wrapped after the client was made (instrumentation, a test's spy) is the one used.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#onOriginRefused = options.onOriginRefused;
  }

  /** `path` is relative to the site, e.g. `polls/abc`; `""` is the site itself. */
  url(path: string): string {
    const tail = path ? `/${path.replace(/^\/+/, '')}` : '';
    return `${this.apiBase}/api/v1/sites/${encodeURIComponent(this.site)}${tail}`;
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }

  patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, body, options);
  }

  async request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    const repeatable = method === 'GET' || options.idempotencyKey !== undefined;
    const attempts = repeatable ? this.#attempts : 1;
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        const early = method === 'GET' && attempt === 1 && !options.cache ? takePrefetched(this.url(path), headers) : undefined;
        response = await (early ?? this.#fetchWithTimeout(this.url(path), {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: options.signal,
          cache: options.cache,
        }));
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (attempt >= attempts) {
          const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
          throw new NetworkError(timedOut ? 'The server took too long to answer.' : 'The server could not be reached.', timedOut);
        }
        await this.#wait(attempt, null, options.signal);
        continue;
      }
      if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
      if (RETRYABLE_STATUS.has(response.status) && attempt < attempts) {
        await this.#wait(attempt, response.headers.get('Retry-After'), options.signal);
        continue;
      }
      const error = await toRequestError(response);
      if (error.code === 'origin_not_allowed') this.#onOriginRefused?.(error);
      throw error;
    }
  }

  #fetchWithTimeout(url: string, init: RequestInit): Promise<Response> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return this.#fetch(url, { ...init, signal });
  }

  #wait(attempt: number, retryAfter: string | null, signal?: AbortSignal | null): Promise<void> {
    const serverSays = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
    const backoff = this.#backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2);
    const ms = Math.min(Math.max(serverSays, backoff), 30_000);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
  }
}

async function toRequestError(response: Response): Promise<ApiRequestError> {
  try {
    const { error } = (await response.json()) as ErrorEnvelope;
    return new ApiRequestError(response.status, error.code, error.message, error.issues);
  } catch {
    return new ApiRequestError(response.status, 'unexpected_response', `The server answered ${response.status}.`);
  }
}
