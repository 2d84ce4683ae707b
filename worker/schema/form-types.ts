import type { FormField } from './forms.ts';

// Free of imports at run time, and apart from form-limits.ts: the console needs this, the public
// feedback widget does not, and a module both import would become a chunk of its own.
/**
 * The types a saved field may change to. Answers are stored under its key, so they must still
 * read the same afterwards; and contact details stay contact details (kept apart, removed in time).
 */
export const COMPATIBLE_TYPES: FormField['type'][][] = [
  ['shortText', 'longText'],
  ['choice', 'multiChoice'],
];
export const typesAfter = (type: FormField['type']): FormField['type'][] => COMPATIBLE_TYPES.find((group) => group.includes(type)) ?? [type];
