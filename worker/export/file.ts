import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Lang } from '../schema/common.ts';
import type { SiteRecord } from '../schema/sites.ts';
import type { AppEnv } from '../types.ts';
import type { Delimiter } from './csv.ts';
import { streamText } from './stream.ts';

/** What every export takes: the format, CSV's delimiter, and the language of headings. */
export const ExportQuery = z.object({
  format: z.enum(['csv', 'json', 'ndjson']).default('csv'),
  delimiter: z.enum([';', ',']).optional().openapi({ description: 'CSV only. Defaults to ";" for Finnish and Swedish sites (what their Excel expects), "," otherwise.' }),
  lang: Lang.optional().openapi({ description: 'Language of headings and labels; the site\'s default otherwise.' }),
});
type ExportFormat = z.infer<typeof ExportQuery>['format'];

/** The OpenAPI description of an export's 200 answer. */
export const exportFileResponse = {
  description: 'The export file',
  content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.object({}) }, 'application/x-ndjson': { schema: z.string() } },
};

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

export interface ExportWriters {
  csv: (delimiter: Delimiter) => AsyncIterable<string>;
  json: () => AsyncIterable<string>;
  ndjson: () => AsyncIterable<string>;
}

/**
 * Streams an export as a download named `SITE-NAME-YYYY-MM-DD.FORMAT`, never cached. CSV uses ";"
 * unless asked otherwise or the site speaks English: Finnish and Swedish Excel expect ";".
 */
export function exportFile(c: Context<AppEnv>, site: SiteRecord, name: string, query: { format: ExportFormat; delimiter?: Delimiter }, writers: ExportWriters): Response {
  const { format } = query;
  const body = format === 'csv' ? writers.csv(query.delimiter ?? (site.defaultLang === 'en' ? ',' : ';')) : writers[format]();
  const stamp = new Date().toISOString().slice(0, 10);
  return c.body(streamText(body), 200, {
    'Content-Type': TYPES[format],
    'Content-Disposition': `attachment; filename="${site.id}-${name}-${stamp}.${format}"`,
    'Cache-Control': 'private, no-store',
  });
}
