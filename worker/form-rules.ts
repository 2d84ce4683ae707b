/** What a form accepts, checked field by field on the server whatever the widget did. */
import { sha256Hex } from './crypto.ts';
import { ValidationError } from './errors.ts';
import { EMAIL, PHONE, maxLengthOf } from './schema/form-limits.ts';
import type { ErrorIssue } from './errors.ts';
import { CONTACT_TYPES } from './schema/forms.ts';
import type { Form, FormField, SubmissionContext, SubmissionInput } from './schema/forms.ts';

/** Unambiguous characters only: no 0/O, 1/I/L, so a code read over the phone survives. */
const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newRef(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const chars = [...bytes].map((b) => REF_ALPHABET[b % REF_ALPHABET.length]);
  return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

/** Crockford's base32 (no I, L, O, U): 32 symbols, so every byte's low 5 bits are uniform. */
const KEY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The secret that removes a submission's contact details: 28 symbols, 140 random bits, read in
 * groups of four (`7KQ2-M9XD-…`). Shown once; only `removalKeyHash` of it is stored.
 */
export function newRemovalKey(): string {
  const chars = [...crypto.getRandomValues(new Uint8Array(28))].map((b) => KEY_ALPHABET[b & 31]);
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}

/**
 * What a submission is about: as the widget sent it, with the form's own case when the widget named
 * none. Kept with the submission as it was when sent: relinking the form later moves no feedback.
 */
export function caseContext(form: Pick<Form, 'caseId'>, context: SubmissionContext | undefined): SubmissionContext | null {
  if (context?.caseId || !form.caseId) return context ?? null;
  return { ...context, caseId: form.caseId };
}

/** What is stored of a removal key; `key` in the canonical form RemovalKey parses to (no dashes). */
export const removalKeyHash = (key: string) => sha256Hex(`removal-key:${key.replaceAll('-', '')}`);

const empty = (value: unknown) => value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);

function checkField(field: FormField, value: unknown): string | null {
  const max = maxLengthOf(field);
  switch (field.type) {
    case 'shortText':
    case 'longText':
    case 'email':
    case 'phone': {
      if (typeof value !== 'string') return 'Give text.';
      const text = value.trim();
      if (max !== undefined && text.length > max) return `Use at most ${max} characters (now ${text.length}).`;
      if (field.type === 'email' && !EMAIL.test(text)) return 'Give an email address like name@example.fi.';
      if (field.type === 'phone' && !PHONE.test(text)) return 'Give a phone number like +358 40 123 4567.';
      return null;
    }
    case 'choice':
      return typeof value === 'string' && field.options!.some((o) => o.id === value) ? null : 'Choose one of the options.';
    case 'multiChoice': {
      if (!Array.isArray(value)) return 'Give a list of option ids.';
      const known = new Set(field.options!.map((o) => o.id));
      if (value.some((v) => !known.has(v))) return 'Choose only among the options.';
      return new Set(value).size === value.length ? null : 'Choose each option once.';
    }
    case 'consent':
      return typeof value === 'boolean' ? null : 'Answer true or false.';
    case 'location': {
      const place = value as { lat?: unknown; long?: unknown; address?: unknown };
      if (typeof place !== 'object' || place === null || Array.isArray(place)) return 'Give a point as {"lat", "long"} in degrees, an {"address"}, or both.';
      const hasPoint = place.lat !== undefined || place.long !== undefined;
      const address = typeof place.address === 'string' ? place.address.trim() : '';
      if (!hasPoint && !address) return 'Pick a point on the map or type an address.';
      if (hasPoint) {
        const ok = typeof place.lat === 'number' && typeof place.long === 'number' && Math.abs(place.lat) <= 90 && Math.abs(place.long) <= 180;
        if (!ok) return 'Give both "lat" (−90…90) and "long" (−180…180) in degrees.';
      }
      return null;
    }
  }
}

/** The answers split into the submission and its contact details, or a 400 naming each field. */
export function validateSubmission(form: Form, input: SubmissionInput): { answers: Record<string, unknown>; contact: Record<string, string> | null; category: string | null } {
  const issues: ErrorIssue[] = [];
  const fields = new Map(form.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(input.answers)) {
    if (!fields.has(key)) issues.push({ path: ['answers', key], code: 'unknown_field', message: 'This form has no such field.' });
  }
  const answers: Record<string, unknown> = {};
  const contact: Record<string, string> = {};
  for (const field of form.fields) {
    // Own keys only: a field keyed "constructor" must not find Object.prototype.constructor.
    const value = Object.hasOwn(input.answers, field.key) ? input.answers[field.key] : undefined;
    if (empty(value)) {
      if (field.required) issues.push({ path: ['answers', field.key], code: 'required', message: field.type === 'consent' ? 'This consent is needed to send the form.' : 'Fill this in.' });
      continue;
    }
    const problem = checkField(field, value);
    if (problem) issues.push({ path: ['answers', field.key], code: 'invalid_answer', message: problem });
    else if (CONTACT_TYPES.includes(field.type)) contact[field.key] = (value as string).trim();
    else answers[field.key] = typeof value === 'string' ? value.trim() : value;
  }
  let category: string | null = null;
  if (input.category !== undefined) {
    if (!form.categories?.some((c) => c.id === input.category)) issues.push({ path: ['category'], code: 'invalid_category', message: 'Choose one of the form\'s categories.' });
    else category = input.category;
  }
  if (issues.length) throw new ValidationError(issues);
  return { answers, contact: Object.keys(contact).length ? contact : null, category };
}
