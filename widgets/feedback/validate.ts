import { EMAIL, PHONE, maxLengthOf } from '../../worker/schema/form-limits.ts';
import type { FormField } from '../../worker/schema/forms.ts';
import type { FeedbackMessages } from './locales/messages.ts';
import type { Value } from './draft.ts';

/* The same limits the server applies (one module for both); the server checks again whatever the widget says. */

export function isEmpty(value: Value | undefined): boolean {
  if (value === undefined || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return !(value.address ?? '').trim() && value.lat === undefined;
  return false;
}

/** The message that says how to fix `value`, or '' when it is fine. */
export function fieldError(field: FormField, value: Value | undefined, label: string, t: FeedbackMessages): string {
  if (isEmpty(value)) {
    if (!field.required) return '';
    if (field.type === 'consent') return t.errors.requiredConsent;
    if (field.type === 'choice' || field.type === 'multiChoice') return t.errors.requiredChoice(label);
    if (field.type === 'location') return t.errors.requiredLocation(label);
    return t.errors.required(label);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    const max = maxLengthOf(field);
    if (max !== undefined && text.length > max) return t.errors.tooLong(label, max, text.length);
    if (field.type === 'email' && !EMAIL.test(text)) return t.errors.email;
    if (field.type === 'phone' && !PHONE.test(text)) return t.errors.phone;
  }
  return '';
}

/** The answers as the API takes them: trimmed text, nothing empty. */
export function answersOf(fields: FormField[], values: Record<string, Value>): Record<string, Value> {
  const answers: Record<string, Value> = {};
  for (const { key } of fields) {
    const value = values[key];
    if (!isEmpty(value)) answers[key] = typeof value === 'string' ? value.trim() : value!;
  }
  return answers;
}
