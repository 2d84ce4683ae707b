import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorSchema, Lang } from '../schema/common.ts';
import type { SiteRecord } from '../schema/sites.ts';
import type { AppEnv } from '../types.ts';
import type { Delimiter } from './csv.ts';
import { streamBytes, streamText } from './stream.ts';
import { XLSX_TYPE } from './xlsx/workbook.ts';

/** What every export takes: the format, CSV's delimiter, and the language of headings. */
export const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'json', 'ndjson']).default('csv').openapi({
    description: 'Every format streams in bounded memory. xlsx (an Excel workbook with real numbers and dates) holds at most 1,048,575 rows, as an Excel sheet does: more answer 422 `xlsx_too_large`, and csv, json and ndjson have no limit.',
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
  422: { description: 'More rows than an Excel sheet holds (`xlsx_too_large`): use format=csv or format=ndjson', content: { 'application/json': { schema: ErrorSchema } } },
};

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

export interface ExportWriters {
  csv: (delimiter: Delimiter) => AsyncIterable<string>;
  /** The file's bytes as they are zipped (see xlsx/workbook.ts); throws its 4xx before the first byte. */
  xlsx: () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>;
  json: () => AsyncIterable<string>;
  ndjson: () => AsyncIterable<string>;
}

/**
 * Sends an export as a download named `SITE-NAME-YYYY-MM-DD.FORMAT`, never cached. Every format
 * streams; XLSX's writer checks its row limit before it is returned, so its 422 is an answer of its own.
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
  if (format === 'xlsx') return c.body(streamBytes(await writers.xlsx()), 200, headers);
  const body = format === 'csv' ? writers.csv(query.delimiter ?? (site.defaultLang === 'en' ? ',' : ';')) : writers[format]();
  return c.body(streamText(body), 200, headers);
}
