import { ValidationError } from './errors.ts';

/**
 * Opaque page cursors: the values that continue a list (e.g. the last id seen), base64 of
 * `kind:value|value`. A cursor of another list, or tampered with, is a 400 on `cursor`.
 */
export function encodeCursor(kind: string, ...values: (string | number)[]): string {
  return btoa(`${kind}:${values.join('|')}`);
}

export function decodeCursor(kind: string, cursor: string, shape: RegExp[]): string[] {
  try {
    const text = atob(cursor);
    if (text.startsWith(`${kind}:`)) {
      const values = text.slice(kind.length + 1).split('|');
      if (values.length === shape.length && values.every((value, i) => shape[i]!.test(value))) return values;
    }
  } catch {
    // not base64: fall through to the error below
  }
  throw new ValidationError([{ path: ['cursor'], code: 'invalid_cursor', message: 'This cursor did not come from this list; start again without it.' }]);
}
