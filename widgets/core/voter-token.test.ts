import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existingVoterToken, voterToken } from './voter-token.ts';

// Other suites in this browser may have voted already.
beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('voterToken()', () => {
  it('makes nothing until the first vote, then one random token kept in localStorage, without cookies', () => {
    expect(existingVoterToken()).toBeUndefined();
    const first = voterToken();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(voterToken()).toBe(first);
    expect(existingVoterToken()).toBe(first);
    expect(localStorage.getItem('osallistu.voter')).toBe(first);
    expect(document.cookie).toBe('');
  });

  it('replaces a tampered value', () => {
    localStorage.setItem('osallistu.voter', '<script>');
    expect(existingVoterToken()).toBeUndefined();
    expect(voterToken()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('falls back to one token for the page view when storage is blocked', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const first = voterToken(blocked);
    expect(voterToken(blocked)).toBe(first);
    expect(existingVoterToken(blocked)).toBe(first);
  });
});
