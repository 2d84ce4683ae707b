import { createApp, officialRoute } from '../app.ts';
import { submissionExportCounts } from '../db/form-export.ts';
import type { ExportSubmission } from '../db/form-export.ts';
import { findForm } from '../db/forms.ts';
import { BOM, csvRow } from '../export/csv.ts';
import type { Delimiter } from '../export/csv.ts';
import { exportedFields, formColumns, submissions } from '../export/form-data.ts';
import type { FormExportContext as Context } from '../export/form-data.ts';
import { formWorkbook } from '../export/form-xlsx.ts';
import { helsinkiTime } from '../export/helsinki-time.ts';
import { ExportQuery, exportFile, exportFileResponse, xlsxTooLargeResponse } from '../export/file.ts';
import { NotFoundError } from '../errors.ts';
import { localizedText } from '../localize.ts';
import { roleAllows } from '../middleware/auth.ts';
import { errorResponses } from '../schema/common.ts';
import { CONTACT_TYPES, FormParams, SubmissionStatus } from '../schema/forms.ts';

const app = createApp();

const FormExportQuery = ExportQuery.extend({
  status: SubmissionStatus.optional().openapi({ description: 'Only submissions with this status. Without it every status except `spam`.' }),
});

/** CSV: the columns of `formColumns`, times as Finnish-time text, one chunk per page of submissions. */
async function* csv(db: D1Database, ctx: Context, delimiter: Delimiter) {
  const columns = formColumns(ctx);
  yield BOM + csvRow(columns.map((c) => c.heading), delimiter);
  for await (const page of submissions(db, ctx)) {
    let chunk = '';
    for (const s of page) chunk += csvRow(columns.map((c) => (c.kind === 'datetime' ? helsinkiTime(c.value(s)) : c.value(s))), delimiter);
    yield chunk;
  }
}

function submissionJson(s: ExportSubmission, ctx: Context) {
  const contactKeys = new Set(ctx.form.fields.filter((f) => CONTACT_TYPES.includes(f.type)).map((f) => f.key));
  return {
    ref: s.ref,
    status: s.status,
    category: s.category,
    context: s.context,
    createdAt: s.createdAt,
    createdAtLocal: helsinkiTime(s.createdAt),
    updatedAt: s.updatedAt,
    updatedAtLocal: helsinkiTime(s.updatedAt),
    // A viewer never gets a value under a contact field's key, wherever it was stored.
    answers: ctx.full ? s.answers : Object.fromEntries(Object.entries(s.answers).filter(([key]) => !contactKeys.has(key))),
    ...(ctx.full ? { contact: s.contact } : {}),
    replies: s.replies.map((r) => ({ body: r.body, public: r.public, createdAt: r.createdAt, ...(ctx.full ? { author: r.author } : {}) })),
  };
}

function formJson(ctx: Context) {
  const { form, lang, site } = ctx;
  const fields = exportedFields(ctx);
  return {
    id: form.id,
    title: localizedText(form.title, lang, site),
    fields: [...fields.answers, ...fields.contact].map((f) => ({
      key: f.key,
      type: f.type,
      label: localizedText(f.label, lang, site),
      ...(f.options ? { options: f.options.map((o) => ({ id: o.id, label: localizedText(o.label, lang, site) })) } : {}),
    })),
    categories: (form.categories ?? []).map((c) => ({ id: c.id, label: localizedText(c.label, lang, site) })),
  };
}

async function* jsonDocument(db: D1Database, ctx: Context) {
  const exportedAt = new Date().toISOString();
  yield `{"form":${JSON.stringify(formJson(ctx))},"lang":"${ctx.lang}","timeZone":"Europe/Helsinki","exportedAt":"${exportedAt}","submissions":[`;
  let separator = '';
  for await (const page of submissions(db, ctx)) {
    let chunk = '';
    for (const s of page) {
      chunk += `${separator}\n${JSON.stringify(submissionJson(s, ctx))}`;
      separator = ',';
    }
    yield chunk;
  }
  yield '\n]}\n';
}

async function* ndjson(db: D1Database, ctx: Context) {
  for await (const page of submissions(db, ctx)) yield page.map((s) => `${JSON.stringify(submissionJson(s, ctx))}\n`).join('');
}

app.openapi(
  officialRoute('viewer', {
    method: 'get',
    path: '/sites/{site}/forms/{form}/export',
    tags: ['Feedback'],
    summary: 'Export a feedback form\'s submissions',
    description:
      'CSV (UTF-8 with BOM, Excel-ready, formula-safe), JSON or NDJSON, streamed, oldest first; or XLSX, a workbook with the CSV\'s columns (real dates, text that is never a formula) and a methodology sheet (the form and its fields, the period covered, how many, what was left out and why). ' +
      'Spam is left out unless `status=spam`. Every format streams in bounded memory; XLSX holds at most 1,048,575 submissions, as an Excel sheet does, and answers 422 `xlsx_too_large` above that (CSV, JSON and NDJSON have no limit). ' +
      'Contact details (email and phone fields) and private replies are included only for moderators and higher; a viewer gets neither, not even their columns.',
    request: { params: FormParams, query: FormExportQuery },
    responses: {
      200: exportFileResponse,
      ...errorResponses(400, 401, 403, 404),
      ...xlsxTooLargeResponse,
    },
  }),
  async (c) => {
    const { form: id } = c.req.valid('param');
    const { format, delimiter, lang, status } = c.req.valid('query');
    const site = c.var.site;
    const form = await findForm(c.env.DB, site.id, id);
    if (!form) throw new NotFoundError('form_not_found', `There is no form "${id}" on this site.`);
    const ctx: Context = { form, site, lang: lang ?? site.defaultLang, status, full: roleAllows(c.var.official.role, 'moderator') };
    return exportFile(c, site, `${form.id}${status ? `-${status}` : ''}`, { format, delimiter }, {
      csv: (delimiter) => csv(c.env.DB, ctx, delimiter),
      xlsx: async () => formWorkbook(ctx, await submissionExportCounts(c.env.DB, site.id, form.id, status), submissions(c.env.DB, ctx)),
      json: () => jsonDocument(c.env.DB, ctx),
      ndjson: () => ndjson(c.env.DB, ctx),
    });
  },
);

export default app;
