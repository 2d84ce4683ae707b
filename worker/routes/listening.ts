import { z } from '@hono/zod-openapi';
import { createApp, jsonResponse as json, officialRoute } from '../app.ts';
import { ExportQuery, exportFile, exportFileResponse } from '../export/file.ts';
import { listeningReport } from '../listening/compute.ts';
import { listeningWriters } from '../listening/export.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { ListeningFilters, ListeningQuery, ListeningReport, PERIOD_ERROR, periodInOrder } from '../schema/listening.ts';

const app = createApp();

/** The filters, and the file's format, CSV's delimiter and the language of its headings (`lang`). */
const ListeningExportQuery = ListeningFilters.extend(ExportQuery.shape).refine(periodInOrder, PERIOD_ERROR);

const DESCRIPTION =
  'What residents write, grouped into themes: the free-text answers of feedback (spam left out) and residents\' statements in conversations. ' +
  'The language of each text is recognised (fi, sv, en); words are stemmed (Snowball), filler words dropped, compounds split where both parts are words of the same texts, and a glossary of municipal concepts joins the three languages. ' +
  'Texts are weighed by TF-IDF, reduced to 40 dimensions (LSA) and grouped by k-means. A theme is named by the words most more common in it than in all texts, as residents wrote them, and quoted by the texts nearest its centre, word for word except that personal data (emails, phone numbers, identity codes, street addresses with a number, names after greetings) is replaced by what kind it was. ' +
  'Tone is not judged: no Finnish and Swedish sentiment lexicon is at hand to cite. Computed when asked and kept until anything residents wrote changes (at most an hour). For moderators, editors and owners.';

app.openapi(
  officialRoute('moderator', {
    method: 'get',
    path: '/sites/{site}/listening',
    tags: ['Listening'],
    summary: 'Themes in what residents write, what is rising, and their own words as evidence',
    description: DESCRIPTION,
    request: { params: SiteParams, query: ListeningQuery },
    responses: { 200: json(ListeningReport, 'The report'), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const site = c.var.site;
    const report = await listeningReport(c.env.DB, site.id, c.req.valid('query'), site.defaultLang);
    c.header('Cache-Control', 'private, no-store');
    return c.json(report, 200);
  },
);

app.openapi(
  officialRoute('moderator', {
    method: 'get',
    path: '/sites/{site}/listening/export',
    tags: ['Listening'],
    summary: 'The listening report as a file: XLSX (themes, quotes, rising, method), CSV (a row per theme with its quotes), JSON or NDJSON',
    description: 'The same report as GET …/listening with the same filters. Quotes are the redacted ones; each removal is written as e.g. "[email removed]" in the file\'s language.',
    request: { params: SiteParams, query: ListeningExportQuery },
    responses: { 200: exportFileResponse, ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const site = c.var.site;
    const query = c.req.valid('query');
    const report = await listeningReport(c.env.DB, site.id, query, site.defaultLang);
    return exportFile(c, site, 'listening', query, listeningWriters(report, query.lang ?? site.defaultLang));
  },
);

export default app;
