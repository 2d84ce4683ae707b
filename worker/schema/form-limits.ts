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
