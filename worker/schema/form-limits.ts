import type { FormField } from './forms.ts';

/**
 * The limits an answer must meet, in one place for the server (which decides) and the widget
 * (which says so before sending). Free of imports at run time, so the widget bundles only these.
 */
export const DEFAULT_MAX: Partial<Record<FormField['type'], number>> = { shortText: 200, longText: 4000, email: 254, phone: 30 };
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;

/** A text field's maximum length: its own, else its type's default. */
export const maxLengthOf = (field: Pick<FormField, 'type' | 'maxLength'>): number | undefined => field.maxLength ?? DEFAULT_MAX[field.type];

/**
 * The types a saved field may change to. Answers are stored under its key, so they must still
 * read the same afterwards; and contact details stay contact details (kept apart, removed in time).
 */
export const COMPATIBLE_TYPES: FormField['type'][][] = [
  ['shortText', 'longText'],
  ['choice', 'multiChoice'],
];
export const typesAfter = (type: FormField['type']): FormField['type'][] => COMPATIBLE_TYPES.find((group) => group.includes(type)) ?? [type];
