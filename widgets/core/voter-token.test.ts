import { afterEach, describe, expect, it } from 'vitest';
import { voterToken } from './voter-token.ts';

afterEach(() => localStorage.clear());

describe('voterToken()', () => {
  it('makes a random token once and keeps it in localStorage, without cookies', () => {
    const first = voterToken();
    expect(first).toEqual({ token: expect.stringMatching(/^[0-9a-f]{32}$/), persistent: true });
    expect(voterToken().token).toBe(first.token);
    expect(localStorage.getItem('osallistu.voter')).toBe(first.token);
    expect(document.cookie).toBe('');
  });

  it('replaces a tampered value', () => {
    localStorage.setItem('osallistu.voter', '<script>');
    expect(voterToken().token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('falls back to one token for the page view when storage is blocked', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const first = voterToken(blocked);
    expect(first.persistent).toBe(false);
    expect(voterToken(blocked).token).toBe(first.token);
  });
});
