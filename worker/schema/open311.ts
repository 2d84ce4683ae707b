/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2/): what the query strings may hold,
 * and the shapes of the answers, named as the specification names them.
 */
import { z } from '@hono/zod-openapi';
import { Slug } from './common.ts';
import type { Lang } from './common.ts';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** Reference codes as residents get them (K7M-4QX); lower case is read as upper case. */
export const REF_PATTERN = /^[0-9A-Z]{3}-[0-9A-Z]{3}$/;
/** At most this many codes in one `service_request_id` list. */
export const MAX_IDS = 20;
/** The specification's limits for the request list. */
export const MAX_REQUESTS = 1000;
export const MAX_SPAN_DAYS = 90;

const Locale = z
  .string()
  .regex(/^(fi|sv|en)(?:[-_][A-Za-z]{2,3})?$/i, 'Use fi, sv or en (a region such as fi_FI is fine).')
  .transform((value) => value.slice(0, 2).toLowerCase() as Lang);

/** Every Open311 endpoint reads these from the query string. */
export const CommonQuery = z.object({
  jurisdiction_id: z.string().max(200, 'Use at most 200 characters.').optional(),
  locale: Locale.optional(),
  lang: Locale.optional(),
});

const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number, what: string) =>
  z
    .string()
    .max(2000, 'Use at most 2000 characters.')
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).min(1, `Give at least one ${what}.`).max(max, `Give at most ${max} ${what}s, separated by commas.`));

const Ref = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(REF_PATTERN, 'A service_request_id looks like K7M-4QX.'));

/** ISO 8601 with an offset (or a date): `2026-11-22T08:00:00+02:00`, `2026-11-22`. */
const DateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i, 'Give a date and time in ISO 8601, e.g. 2026-11-22T08:00:00+02:00.')
  .transform((value, ctx) => {
    const time = Date.parse(value.replace(' ', 'T'));
    if (Number.isNaN(time)) {
      ctx.addIssue({ code: 'custom', message: 'This is not a real date and time.' });
      return z.NEVER;
    }
    return new Date(time);
  });

export const RequestListQuery = z.object({
  service_request_id: commaList(Ref, MAX_IDS, 'service_request_id').optional(),
  service_code: commaList(Slug, 40, 'service_code').optional(),
  status: commaList(z.enum(['open', 'closed'], 'Use open, closed, or open,closed.'), 2, 'status').optional(),
  start_date: DateTime.optional(),
  end_date: DateTime.optional(),
});

/** One entry of `GET services`. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export type Open311Datatype = 'string' | 'text' | 'number' | 'datetime' | 'singlevaluelist' | 'multivaluelist';

export interface Open311Attribute {
  variable: true;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

/** `GET services/:code`. */
export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/**
 * A service request as anyone holding its code may see it: its state, never what the resident
 * wrote, where, or who they are.
 */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: null;
  agency_responsible: string;
}

/** The answer to `POST requests`. */
export interface Open311Created {
  service_request_id: string;
  service_notice: string;
}

export interface Open311Error {
  code: number;
  description: string;
}
