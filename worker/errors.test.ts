/// <reference types="vite/client" />
/**
 * Every error code the API can answer with is listed in docs/api/errors.md, where clients (the
 * console translates by code) find it: the worker's source is read as text and its codes found.
 */
import { describe, expect, it } from 'vitest';
import docs from '../docs/api/errors.md?raw';
import { call, createSite, errorOf } from '../test/workers/helpers.ts';

const sources = import.meta.glob(['./**/*.ts', '!./**/*.test.ts', '!./email/**', '!./open311/**', '!./frames/**', '!./routes/open311.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** `error.code`s: the first string of `new ApiError(status, 'code'` and of the subclasses that take the code first. */
function errorCodes(source: string): string[] {
  const found = [
    ...source.matchAll(/new ApiError\(\s*\d{3},\s*'([a-z_]+)'/g),
    ...source.matchAll(/new (?:NotFoundError|ForbiddenError|ConflictError)\(\s*'([a-z_]+)'/g),
    ...source.matchAll(/badRequest\(\s*'([a-z_]+)'/g),
    ...source.matchAll(/super\(\s*\d{3},\s*'([a-z_]+)'/g),
    ...source.matchAll(/error: \{ code: '([a-z_]+)'/g),
  ];
  return found.map((m) => m[1]!);
}
/** `issues[].code`s the worker writes itself. */
const issueCodes = (source: string) => [...source.matchAll(/path: \[[^\]]*\],\s*code: '([a-z_]+)'/g)].map((m) => m[1]!);

describe('the error codes', () => {
  const all = Object.entries(sources);

  it('are found in the source (the scan works)', () => {
    expect(all.length).toBeGreaterThan(30);
    const codes = new Set(all.flatMap(([, s]) => errorCodes(s)));
    for (const known of ['validation_failed', 'unauthorized', 'decision_not_found', 'idempotency_key_reused', 'internal_error']) expect(codes).toContain(known);
  });

  it('are each listed in docs/api/errors.md, error codes and issue codes alike', () => {
    const listed = new Set([...docs.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!));
    const missing = all.flatMap(([file, s]) => [...errorCodes(s), ...issueCodes(s)].filter((code) => !listed.has(code)).map((code) => `${code} (${file})`));
    expect(missing).toEqual([]);
  });

  it('an unknown field is named in its issue\'s path', async () => {
    const { site, owner } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}/decision-terms/topic/koulut`, { method: 'PUT', token: owner, json: { label: { fi: 'Koulut', de: 'Schulen' }, colour: 'red' } });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['colour'], code: 'unrecognized_keys' }),
        expect.objectContaining({ path: ['label', 'de'], code: 'unrecognized_keys' }),
      ]),
    );
  });
});
