import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from './api-client.ts';
import { PREFETCH, preload } from './preload.ts';

const API = 'https://api.example';
const CONFIG = { apiBase: API, site: 'koivulahti' };
const TOKEN = '0123456789abcdef0123456789abcdef';

// Other files' votes leave a voter token in this origin's storage: each test starts without one.
beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  (globalThis as { [PREFETCH]?: Map<string, unknown> })[PREFETCH]?.clear();
  document.body.replaceChildren();
});

const element = (html: string) => {
  document.body.insertAdjacentHTML('beforeend', html);
  return document.body.lastElementChild!;
};
const answer = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

describe('what the loader starts for a widget', () => {
  it('asks for the poll\'s JSON at once, as the widget would (its voter token if it has voted), and only once', () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer({}));
    const poll = element('<osallistu-poll poll="pyörätiet"></osallistu-poll>');
    preload('osallistu-poll', [poll], CONFIG, `${API}/embed/v1/osallistu.js`);
    preload('osallistu-poll', [poll], CONFIG, `${API}/embed/v1/osallistu.js`);
    expect(fetch.mock.calls).toEqual([[`${API}/api/v1/sites/koivulahti/polls/py%C3%B6r%C3%A4tiet`, { headers: { Accept: 'application/json' } }]]);
    localStorage.setItem('osallistu.voter', TOKEN);
    const other = element('<osallistu-poll poll="b" site="espoo" api="https://other.example"></osallistu-poll>');
    preload('osallistu-poll', [other], CONFIG, `${API}/embed/v1/osallistu.js`);
    expect(fetch.mock.calls[1]).toEqual(['https://other.example/api/v1/sites/espoo/polls/b', { headers: { Accept: 'application/json', 'X-Voter-Token': TOKEN } }]);
  });

  it('asks for a form\'s and a video\'s JSON, and nothing for a signed poll, a widget without an id, or one it does not know', () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer({}));
    preload('osallistu-feedback', [element('<osallistu-feedback form="palaute"></osallistu-feedback>')], CONFIG, API);
    preload('osallistu-video', [element('<osallistu-video video="v1"></osallistu-video>')], CONFIG, API);
    preload('osallistu-poll', [element('<osallistu-poll poll="s" voter-assertion="jwt"></osallistu-poll>')], CONFIG, API);
    preload('osallistu-poll', [element('<osallistu-poll></osallistu-poll>')], CONFIG, API);
    preload('osallistu-decisions', [element('<osallistu-decisions></osallistu-decisions>')], CONFIG, API);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([`${API}/api/v1/sites/koivulahti/forms/palaute`, `${API}/api/v1/sites/koivulahti/videos/v1`]);
  });

  it('hands the answer to the widget\'s first read, once; a read with other headers, or a later one, asks the server itself', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer({ question: 'first' }));
    localStorage.setItem('osallistu.voter', TOKEN);
    preload('osallistu-poll', [element('<osallistu-poll poll="p"></osallistu-poll>')], CONFIG, API);
    expect(fetch).toHaveBeenCalledTimes(1);
    fetch.mockImplementation(async () => answer({ question: 'asked again' }));
    const client = new ApiClient(API, 'koivulahti');
    expect(await client.get('polls/p', { headers: { 'X-Voter-Token': TOKEN } })).toEqual({ question: 'first' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await client.get('polls/p', { headers: { 'X-Voter-Token': TOKEN } })).toEqual({ question: 'asked again' });
    expect(fetch).toHaveBeenCalledTimes(2);
    // Prefetched without a token, read with an assertion: not the same request.
    localStorage.clear();
    fetch.mockImplementation(async () => answer({ question: 'anonymous' }));
    preload('osallistu-poll', [element('<osallistu-poll poll="q"></osallistu-poll>')], CONFIG, API);
    fetch.mockImplementation(async () => answer({ question: 'signed' }));
    expect(await client.get('polls/q', { headers: { 'X-Voter-Assertion': 'jwt' } })).toEqual({ question: 'signed' });
  });

  it('asks the server itself when the early request failed', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementationOnce(async () => {
      throw new TypeError('Failed to fetch');
    });
    preload('osallistu-poll', [element('<osallistu-poll poll="p"></osallistu-poll>')], CONFIG, API);
    fetch.mockImplementation(async () => answer({ ok: true }));
    expect(await new ApiClient(API, 'koivulahti', { backoffMs: 1 }).get('polls/p')).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
