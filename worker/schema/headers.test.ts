import { describe, expect, it } from 'vitest';
import { call, castBallot, createPoll, createSite, errorOf } from '../../test/workers/helpers.ts';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type: string; pattern: string; minLength: number; maxLength: number; example: string };
}
type Doc = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

/** Every operation that reads the header (worker/idempotency.ts, worker/voters.ts), as `METHOD /path`. */
const READS = {
  'Idempotency-Key': [
    'POST /api/v1/sites/{site}/decisions',
    'POST /api/v1/sites/{site}/videos',
    'POST /api/v1/sites/{site}/forms/{form}/submissions',
    'POST /api/v1/sites/{site}/polls/{poll}/ballots',
    'PATCH /api/v1/sites/{site}/submissions/{ref}',
    'POST /api/v1/sites/{site}/polls/{poll}/statements',
  ],
  'X-Voter-Token': [
    'GET /api/v1/sites/{site}/polls/{poll}',
    'POST /api/v1/sites/{site}/polls/{poll}/ballots',
    'GET /api/v1/sites/{site}/polls/{poll}/ranking',
    'GET /api/v1/sites/{site}/polls/{poll}/statements',
    'POST /api/v1/sites/{site}/polls/{poll}/statements',
    'PUT /api/v1/sites/{site}/polls/{poll}/statements/{statement}/vote',
    'GET /api/v1/sites/{site}/polls/{poll}/opinions',
  ],
};

const doc = (await (await call('/api/openapi.json')).json()) as Doc;
const headersOf = (key: string): Parameter[] => {
  const [method, path] = key.split(' ') as [string, string];
  return (doc.paths[path]?.[method.toLowerCase()]?.parameters ?? []).filter((p) => p.in === 'header');
};

describe('request headers in the OpenAPI document', () => {
  it.each(Object.entries(READS).flatMap(([name, keys]) => keys.map((key) => [name, key] as const)))('%s is declared on %s, with its rule', (name, key) => {
    const declared = headersOf(key).find((p) => p.name === name);
    expect(declared, `${key} does not declare ${name}`).toBeDefined();
    expect(declared!.required).toBe(false);
    const { pattern, minLength, maxLength, example } = declared!.schema!;
    expect(new RegExp(pattern).test(example)).toBe(true);
    expect(example.length).toBeGreaterThanOrEqual(minLength);
    if (name === 'Idempotency-Key') {
      expect([minLength, maxLength]).toEqual([8, 100]);
      expect(declared!.description).toMatch(/24 hours/);
      expect(declared!.description).toContain('Idempotent-Replay: true');
      expect(declared!.description).toContain('idempotency_key_reused');
    } else {
      expect([minLength, maxLength]).toEqual([16, 128]);
      expect(declared!.description).toContain('16–128 letters, digits, `-` or `_`');
    }
  });

  it('no other operation declares them', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        for (const header of (op.parameters ?? []).filter((p) => p.in === 'header')) {
          expect(READS[header.name as keyof typeof READS] ?? [], `${key} declares ${header.name}`).toContain(key);
        }
      }
    }
  });

  it('the declared patterns are the ones the API enforces', async () => {
    const { site, owner } = await createSite();
    const poll = await createPoll(site.id, owner);
    const ballots = headersOf('POST /api/v1/sites/{site}/polls/{poll}/ballots');
    const keyPattern = new RegExp(ballots.find((p) => p.name === 'Idempotency-Key')!.schema!.pattern);
    const tokenPattern = new RegExp(ballots.find((p) => p.name === 'X-Voter-Token')!.schema!.pattern);
    const shortToken = 'a'.repeat(15);
    expect(tokenPattern.test(shortToken)).toBe(false);
    const refused = await castBallot(site.id, poll, { choices: ['a'] }, { voter: shortToken });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).issues).toEqual([expect.objectContaining({ path: ['X-Voter-Token'], code: 'voter_token_required' })]);
    const badKey = 'short';
    expect(keyPattern.test(badKey)).toBe(false);
    const refusedKey = await castBallot(site.id, poll, { choices: ['a'] }, { key: badKey });
    expect(refusedKey.status).toBe(400);
    expect((await errorOf(refusedKey)).issues).toEqual([expect.objectContaining({ path: ['Idempotency-Key'], code: 'invalid_header' })]);
  });
});
