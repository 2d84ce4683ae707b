/**
 * The body of `POST requests`: `application/x-www-form-urlencoded` as the specification has it
 * (`attribute[CODE]=v`, repeated `attribute[CODE][]=v` for a list), or the same names in a JSON
 * object (where `"attribute": {"CODE": "v" | ["v", …]}` works too). Parameters the
 * specification does not define are refused, naming them.
 */
import { ValidationError } from '../errors.ts';
import type { ErrorIssue } from '../errors.ts';
import type { RequestParams } from './mapping.ts';

/** GeoReport v2's parameters for a new request, besides `attribute[…]`. */
const STANDARD = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
  // Not in the specification for POST, but some clients send the language they want answered in.
  'locale',
  'lang',
]);

const ATTRIBUTE = /^attribute\[([^[\]]{1,100})\](\[\])?$/;
const MAX_VALUE = 10_000;

/** Sorts name/value pairs into standard parameters and attributes, refusing unknown names. */
export function collectParams(entries: Iterable<[string, string]>): RequestParams {
  const standard = new Map<string, string[]>();
  const attributes = new Map<string, string[]>();
  const issues: ErrorIssue[] = [];
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const values = map.get(key) ?? [];
    values.push(value);
    map.set(key, values);
  };
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > 500) {
      issues.push({ path: ['body'], code: 'too_many_parameters', message: 'Send at most 500 parameters.' });
      break;
    }
    const label = name.slice(0, 100);
    if (value.length > MAX_VALUE) {
      issues.push({ path: [label], code: 'too_long', message: `Use at most ${MAX_VALUE} characters.` });
      continue;
    }
    const attribute = ATTRIBUTE.exec(name);
    if (attribute) add(attributes, attribute[1]!, value);
    else if (STANDARD.has(name)) add(standard, name, value);
    else issues.push({ path: [label || '(empty name)'], code: 'unknown_parameter', message: 'GeoReport v2 has no such parameter. Send form fields as attribute[CODE].' });
  }
  if (issues.length) throw new ValidationError(issues.slice(0, 20));
  return { standard, attributes };
}

/** The name/value pairs of a form-encoded body, repeated names kept in order. */
export function formEntries(body: string): [string, string][] {
  return [...new URLSearchParams(body)];
}

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** The name/value pairs of a JSON body, as if it had been form-encoded. */
export function jsonEntries(body: string): [string, string][] {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ValidationError([{ path: ['body'], code: 'malformed_json', message: 'The body is not valid JSON.' }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ValidationError([{ path: ['body'], code: 'invalid_body', message: 'Send a JSON object of parameters, e.g. {"service_code": "…", "description": "…"}.' }]);
  }
  const entries: [string, string][] = [];
  const issues: ErrorIssue[] = [];
  const push = (name: string, value: unknown, listName = name) => {
    if (value === null || value === undefined) return;
    if (isScalar(value)) entries.push([name, String(value)]);
    else if (Array.isArray(value) && value.every(isScalar)) for (const item of value) entries.push([listName, String(item)]);
    else issues.push({ path: [name.slice(0, 100)], code: 'invalid_type', message: 'Give text, a number, true or false, or a list of them.' });
  };
  for (const [name, value] of Object.entries(data)) {
    if (name === 'attribute' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [code, item] of Object.entries(value)) push(`attribute[${code}]`, item, `attribute[${code}][]`);
    } else {
      push(name, value);
    }
  }
  if (issues.length) throw new ValidationError(issues.slice(0, 20));
  return entries;
}
