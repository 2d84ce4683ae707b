/**
 * Request headers some operations read besides their body, declared in the OpenAPI document as
 * header parameters (`parameters: [...]` in a route's config). worker/idempotency.ts and
 * worker/voters.ts check them with these same patterns.
 */

/** 8–100 letters, digits, `_`, `-`, `.` or `:` (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;
/** 16–128 letters, digits, `-` or `_`: the random token the widget keeps per browser. */
export const VOTER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

const headerParameter = (name: string, description: string, pattern: RegExp, minLength: number, maxLength: number, example: string) =>
  ({ name, in: 'header', required: false, description, schema: { type: 'string', pattern: pattern.source, minLength, maxLength, example } }) as const;

/** For writes that are safe to retry. */
export const IDEMPOTENCY_KEY = headerParameter(
  'Idempotency-Key',
  'Makes the write safe to retry: 8–100 letters, digits, `_`, `-`, `.` or `:` (a UUID fits); one new key per write. ' +
    'A retry with the same key and the same request within 24 hours writes nothing more and is answered 200 with the header `Idempotent-Replay: true`: with the first answer (a submission\'s edit: with the submission as it is now). ' +
    'The same key with a different request is refused with 422 `idempotency_key_reused`; a key of another shape is 400 `validation_failed` with the issue path `["Idempotency-Key"]` (code `invalid_header`). Keys are per site.',
  IDEMPOTENCY_KEY_PATTERN,
  8,
  100,
  '3f1c2a9e-7b4d-4c1e-9a6f-2d8e5b7c0a11',
);

/** Who votes, in anonymous and challenge polls. */
export const VOTER_TOKEN = (required: boolean) =>
  headerParameter(
    'X-Voter-Token',
    'The voter token: a random string of 16–128 letters, digits, `-` or `_` that the widget makes once per browser and keeps (local storage; the no-JS page keeps it in a cookie). ' +
      'The server stores only a hash of it salted per poll, so one voter\'s ballots in different polls cannot be linked. ' +
      (required
        ? 'Required to vote in `anonymous` and `challenge` polls: without it, or in another shape, the answer is 400 `validation_failed` with the issue path `["X-Voter-Token"]` (code `voter_token_required`). Not read in `signed` polls, which take `X-Voter-Assertion`. One ballot per token per poll.'
        : 'With it (or, for `signed` polls, `X-Voter-Assertion`) the poll carries `myBallot`, this voter\'s ballot; one in another shape is ignored.'),
    VOTER_TOKEN_PATTERN,
    16,
    128,
    'pG7xV2m9QaL4sT8wZk3nRb6',
  );
