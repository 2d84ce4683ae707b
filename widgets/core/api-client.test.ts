import { describe, expect, it } from 'vitest';
import { ApiClient, ApiRequestError, NetworkError, newIdempotencyKey } from './api-client.ts';

const flaky = (options = {}) => new ApiClient(location.origin, '__flaky', { backoffMs: 5, ...options });
const run = () => crypto.randomUUID();
const log = async (id: string) => (await fetch(`/api/v1/sites/__flaky/log?run=${id}`)).json() as Promise<{ method: string; idempotencyKey: string | null }[]>;

describe('ApiClient against the real API', () => {
  const client = new ApiClient(location.origin, 'koivulahti');

  it('reads a site', async () => {
    expect(await client.get('')).toMatchObject({ id: 'koivulahti', defaultLang: 'fi' });
  });

  it('turns the error envelope into an ApiRequestError with code and message', async () => {
    const error = await new ApiClient(location.origin, 'no-such-town').get('').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 404, code: 'site_not_found' });
  });
});

describe('ApiClient retries', () => {
  it('retries a GET through 503s with back-off', async () => {
    const id = run();
    expect(await flaky().get(`fail/2?run=${id}`)).toEqual({ ok: true, attempts: 3 });
  });

  it('retries a write with an idempotency key, sending the same key every time', async () => {
    const id = run();
    const key = newIdempotencyKey();
    await flaky().post(`fail/2?run=${id}`, { choices: ['a'] }, { idempotencyKey: key });
    const requests = await log(id);
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => r.method === 'POST' && r.idempotencyKey === key)).toBe(true);
  });

  it('never repeats a write without a key', async () => {
    const id = run();
    const error = await flaky().post(`fail/1?run=${id}`, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'unavailable' });
    expect(await log(id)).toHaveLength(1);
  });

  it('does not retry a 4xx: the request itself is wrong', async () => {
    const id = run();
    const error = await flaky().get(`status/400?run=${id}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'status_400' });
    expect(await log(id)).toHaveLength(1);
  });

  it('gives up after the last attempt with the server\'s error', async () => {
    const id = run();
    const error = await flaky({ attempts: 3 }).get(`fail/99?run=${id}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(await log(id)).toHaveLength(3);
  });

  it('times out a silent server and says so', async () => {
    const error = await flaky({ timeoutMs: 50, attempts: 2 }).get(`slow/500?run=${run()}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).timedOut).toBe(true);
  });

  it('reports an unreachable server as a NetworkError', async () => {
    const error = await new ApiClient('http://127.0.0.1:9', 'x', { attempts: 2, backoffMs: 1 }).get('').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).timedOut).toBe(false);
  });
});
