import type { Context } from 'hono';
import { nowIso } from './app.ts';
import { sha256Hex } from './crypto.ts';
import { isUniqueViolation } from './db/constraints.ts';
import { insertSubmissionStatement } from './db/forms.ts';
import { setSubmissionLangStatement } from './db/reply-mail.ts';
import { ApiError, ConflictError } from './errors.ts';
import { caseContext, newRef, newRemovalKey, removalKeyHash, validateSubmission } from './form-rules.ts';
import { rememberAnswer, replayFor } from './idempotency.ts';
import { clientHash, enforceRateLimit } from './rate-limit.ts';
import type { Form, SubmissionInput } from './schema/forms.ts';
import type { AppEnv } from './types.ts';
import { passChallenge } from './voters.ts';

export interface SubmitOptions {
  /** The request's validated Idempotency-Key, if one was sent. */
  key: string | undefined;
  /** What to answer when the form is closed (after a replay had its chance). */
  closedError?: () => ApiError;
  /** Give the resident a removal key (the JSON API); Open311's answer has no place for one. */
  withRemovalKey?: boolean;
}

/** The first answer to a submission, and what a replay of it returns. */
export interface Receipt {
  ref: string;
  /** Absent for Open311, and in a replay of an answer stored before removal keys existed. */
  removalKey?: string;
}

/**
 * Stores one submission to an open or closed (never a draft) `form`, the way every door into
 * feedback does it (the JSON API and Open311): a replay of the first answer for a repeated
 * Idempotency-Key, then the form's rules, its Turnstile check if it asks for one, the rate limit
 * per hashed client address, and one D1 batch with the submission (contact details apart) and the
 * idempotency record. Returns the receipt (reference code, and removal key if asked for), and
 * whether it is a replay (answer 200 then, with `Idempotent-Replay`).
 *
 * The removal key is stored as its hash with the submission, and in plain text only inside the
 * idempotency record's copy of the first answer, which the daily run deletes after a day. That is
 * deliberate: a retry whose first try arrived but whose answer was lost (what the widget's offline
 * queue does) must get the same key, or the resident would never see it. Only a request with the
 * same Idempotency-Key and the very same body gets that answer, and whoever can read the D1 table
 * can read the contact details themselves. A key derived from the Idempotency-Key instead would
 * be as readable there for the same day, and afterwards derivable forever by anyone who logged it.
 */
export async function submitFeedback(c: Context<AppEnv>, form: Form, input: SubmissionInput, options: SubmitOptions): Promise<Receipt & { replay: boolean }> {
  const { key } = options;
  const site = c.var.site.id;
  const scope = `submission:${form.id}`;
  const requestHash = key ? await sha256Hex(JSON.stringify(input)) : '';
  const earlier = await replayFor(c, key, scope, requestHash);
  if (earlier) return { ...(earlier.response as Receipt), replay: true };
  if (form.status === 'closed') throw options.closedError?.() ?? new ConflictError('form_closed', 'This form no longer takes feedback.');
  const { answers, contact, category } = validateSubmission(form, input);
  if (form.challenge) await passChallenge(c);
  // Per form and hashed address: a robot hammering one form cannot lock a household out of the others.
  await enforceRateLimit(c.env.SUBMISSION_RATE_LIMIT, `${site}:${form.id}:${await clientHash(c, `${site}:submissions`)}`);
  const now = nowIso();
  // A filled honeypot is a robot: kept as spam for moderators to see, answered like any other.
  const status = input.website ? 'spam' : 'received';
  const removalKey = options.withRemovalKey ? newRemovalKey() : undefined;
  const keyHash = removalKey ? await removalKeyHash(removalKey) : null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const ref = newRef();
    const receipt: Receipt = removalKey ? { ref, removalKey } : { ref };
    try {
      await c.env.DB.batch([
        insertSubmissionStatement(c.env.DB, { site, ref, form: form.id, answers, contact, category, context: caseContext(form, input.context), status, createdAt: now, removalKeyHash: keyHash }),
        // The language it was sent in: a reply by email speaks it (worker/email/).
        ...(input.lang ? [setSubmissionLangStatement(c.env.DB, site, ref, input.lang)] : []),
        ...(key ? [rememberAnswer(c, key, scope, requestHash, 201, receipt, now)] : []),
      ]);
      return { ...receipt, replay: false };
    } catch (error) {
      if (key && isUniqueViolation(error, 'idempotency_keys')) {
        const first = await replayFor(c, key, scope, requestHash);
        if (first) return { ...(first.response as Receipt), replay: true };
      }
      if (!isUniqueViolation(error, 'submissions')) throw error;
      // A reference code already taken (about one in 887 million): draw another.
    }
  }
  throw new ConflictError('try_again', 'Please send the form again.');
}
