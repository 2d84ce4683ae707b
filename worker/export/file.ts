import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorSchema, Lang } from '../schema/common.ts';
import type { SiteRecord } from '../schema/sites.ts';
import type { AppEnv } from '../types.ts';
import type { Delimiter } from './csv.ts';
import { streamText } from './stream.ts';
import { XLSX_TYPE } from './xlsx.ts';

/** What every export takes: the format, CSV's delimiter, and the language of headings. */
export const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'json', 'ndjson']).default('csv').openapi({
    description: 'csv, json and ndjson stream any size. xlsx (an Excel workbook with real numbers and dates) is built in memory, so a large export answers 422 `xlsx_too_large`: use csv or ndjson for it.',
  }),
  delimiter: z.enum([';', ',']).optional().openapi({ description: 'CSV only. Defaults to ";" for Finnish and Swedish sites (what their Excel expects), "," otherwise.' }),
  lang: Lang.optional().openapi({ description: 'Language of headings and labels; the site\'s default otherwise.' }),
});
type ExportFormat = z.infer<typeof ExportQuery>['format'];

/** The OpenAPI description of an export's 200 answer. */
export const exportFileResponse = {
  description: 'The export file',
  content: {
    'text/csv': { schema: z.string() },
    [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
    'application/json': { schema: z.object({}) },
    'application/x-ndjson': { schema: z.string() },
  },
};

/** The OpenAPI description of the 422 an XLSX export answers when it is too large to build. */
export const xlsxTooLargeResponse = {
  422: { description: 'Too large for an XLSX file (`xlsx_too_large`): use format=csv or format=ndjson', content: { 'application/json': { schema: ErrorSchema } } },
};

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

export interface ExportWriters {
  csv: (delimiter: Delimiter) => AsyncIterable<string>;
  /** The whole file: XLSX is a zip of whole parts, built in memory (see xlsx.ts). */
  xlsx: () => Promise<Uint8Array<ArrayBuffer>>;
  json: () => AsyncIterable<string>;
  ndjson: () => AsyncIterable<string>;
}

/**
 * Sends an export as a download named `SITE-NAME-YYYY-MM-DD.FORMAT`, never cached. CSV, JSON and
 * NDJSON stream; XLSX is built first, so its errors (a 422 when too large) are answered as errors.
 * CSV uses ";" unless asked otherwise or the site speaks English: Finnish and Swedish Excel
 * expect ";".
 */
export async function exportFile(c: Context<AppEnv>, site: SiteRecord, name: string, query: { format: ExportFormat; delimiter?: Delimiter }, writers: ExportWriters): Promise<Response> {
  const { format } = query;
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = {
    'Content-Type': TYPES[format],
    'Content-Disposition': `attachment; filename="${site.id}-${name}-${stamp}.${format}"`,
    'Cache-Control': 'private, no-store',
  };
  if (format === 'xlsx') {
    const bytes = await writers.xlsx();
    return c.body(bytes, 200, { ...headers, 'Content-Length': String(bytes.byteLength) });
  }
  const body = format === 'csv' ? writers.csv(query.delimiter ?? (site.defaultLang === 'en' ? ',' : ';')) : writers[format]();
  return c.body(streamText(body), 200, headers);
}
