import { z } from '@hono/zod-openapi';
import { createApp, officialRoute } from '../app.ts';
import { submissionExportPage } from '../db/form-export.ts';
import type { ExportCursor, ExportReply, ExportSubmission } from '../db/form-export.ts';
import { findForm } from '../db/forms.ts';
import { BOM, csvRow } from '../export/csv.ts';
import type { Cell, Delimiter } from '../export/csv.ts';
import { EXPORT_LABELS } from '../export/labels.ts';
import { helsinkiTime } from '../export/stream.ts';
import { ExportQuery, exportFile, exportFileResponse } from '../export/file.ts';
import { NotFoundError } from '../errors.ts';
import { localizedText } from '../localize.ts';
import { roleAllows } from '../middleware/auth.ts';
import { Lang, errorResponses } from '../schema/common.ts';
import { CONTACT_TYPES, FormParams, SubmissionStatus } from '../schema/forms.ts';
import type { Form, FormField } from '../schema/forms.ts';
import type { SiteRecord } from '../schema/sites.ts';

const app = createApp();
/** Submissions read per D1 batch: one page of rows (and its replies) is all the export holds. */
const PAGE = 1000;

const FormExportQuery = ExportQuery.extend({
  status: SubmissionStatus.optional().openapi({ description: 'Only submissions with this status. Without it every status except `spam`.' }),
});

interface Context {
  form: Form;
  site: SiteRecord;
  lang: Lang;
  status?: z.infer<typeof SubmissionStatus>;
  /**
   * Moderator or higher: contact details and private replies are read and written out. For a
   * viewer the contact column is never even read, and only public replies are.
   */
  full: boolean;
}

/** The form's fields as exported: contact fields last, and only for moderators and up. */
function exportedFields({ form, full }: Context): { answers: FormField[]; contact: FormField[] } {
  return {
    answers: form.fields.filter((f) => !CONTACT_TYPES.includes(f.type)),
    contact: full ? form.fields.filter((f) => CONTACT_TYPES.includes(f.type)) : [],
  };
}

async function* submissions(db: D1Database, ctx: Context) {
  let after: ExportCursor | undefined;
  for (;;) {
    const page = await submissionExportPage(db, ctx.site.id, ctx.form.id, { status: ctx.status, after, limit: PAGE, withContact: ctx.full, withPrivateReplies: ctx.full });
    if (page.length) yield page;
    if (page.length < PAGE) return;
    const last = page.at(-1)!;
    after = { createdAt: last.createdAt, ref: last.ref };
  }
}

const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');

/** An answer as an official reads it: option labels, yes/no, a place as "lat, long" and/or its address. */
function answerText(field: FormField, value: unknown, ctx: Context): string {
  const t = EXPORT_LABELS[ctx.lang];
  const optionLabel = (id: unknown) => {
    const option = field.options?.find((o) => o.id === id);
    return option ? localizedText(option.label, ctx.lang, ctx.site) : String(id);
  };
  if (field.type === 'consent') return value === true ? t.yes : t.no;
  if (value === undefined || value === null) return '';
  // Values that no longer fit the field (its type was edited later) fall through to plain text.
  if (field.type === 'choice' && typeof value === 'string') return optionLabel(value);
  if (field.type === 'multiChoice' && Array.isArray(value)) return value.map(optionLabel).join(' | ');
  if (field.type === 'location' && typeof value === 'object' && !Array.isArray(value)) {
    const place = value as { lat?: unknown; long?: unknown; address?: unknown };
    const point = place.lat !== undefined && place.long !== undefined ? `${number(place.lat)}, ${number(place.long)}` : '';
    const address = typeof place.address === 'string' ? place.address : '';
    return address && point ? `${address} (${point})` : address || point;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const repliesText = (replies: ExportReply[]) => replies.map((r) => `${helsinkiTime(r.createdAt)}: ${r.body}`).join('\n');

function categoryLabel(id: string | null, ctx: Context): string {
  if (!id) return '';
  const category = ctx.form.categories?.find((c) => c.id === id);
  return category ? localizedText(category.label, ctx.lang, ctx.site) : id;
}

/**
 * A pure table: one heading row, then one row per submission. Excel's filters, sorting,
 * "Format as Table" and Power Query all take the first row as the headings, so nothing has to be
 * deleted first; the form and the date are in the file name.
 */
async function* csv(db: D1Database, ctx: Context, delimiter: Delimiter) {
  const t = EXPORT_LABELS[ctx.lang];
  const fields = exportedFields(ctx);
  const label = (field: FormField) => localizedText(field.label, ctx.lang, ctx.site) || field.key;
  const row = (cells: Cell[]) => csvRow(cells, delimiter);
  yield BOM +
    row([
      t.ref,
      t.receivedAt,
      t.updatedAt,
      t.status,
      t.category,
      t.about,
      ...fields.answers.map(label),
      ...fields.contact.map(label),
      t.publicReplies,
      ...(ctx.full ? [t.privateReplies] : []),
    ]);
  for await (const page of submissions(db, ctx)) {
    let chunk = '';
    for (const s of page) {
      chunk += row([
        s.ref,
        helsinkiTime(s.createdAt),
        helsinkiTime(s.updatedAt),
        t[s.status],
        categoryLabel(s.category, ctx),
        [s.context?.subject, s.context?.caseId].filter(Boolean).join(' — '),
        ...fields.answers.map((f) => answerText(f, s.answers[f.key], ctx)),
        ...fields.contact.map((f) => s.contact?.[f.key] ?? ''),
        repliesText(s.replies.filter((r) => r.public)),
        ...(ctx.full ? [repliesText(s.replies.filter((r) => !r.public))] : []),
      ]);
    }
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
      'CSV (UTF-8 with BOM, Excel-ready, formula-safe), JSON or NDJSON, streamed, oldest first. Spam is left out unless `status=spam`. ' +
      'Contact details (email and phone fields) and private replies are included only for moderators and higher; a viewer gets neither, not even their columns.',
    request: { params: FormParams, query: FormExportQuery },
    responses: {
      200: exportFileResponse,
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const { form: id } = c.req.valid('param');
    const { format, delimiter, lang, status } = c.req.valid('query');
    const site = c.var.site;
    const form = await findForm(c.env.DB, site.id, id);
    if (!form) throw new NotFoundError('form_not_found', `There is no form "${id}" on this site.`);
    const ctx: Context = { form, site, lang: lang ?? site.defaultLang, status, full: roleAllows(c.var.official.role, 'moderator') };
    return exportFile(c, site, `${form.id}${status ? `-${status}` : ''}`, { format, delimiter }, { csv: (delimiter) => csv(c.env.DB, ctx, delimiter), json: () => jsonDocument(c.env.DB, ctx), ndjson: () => ndjson(c.env.DB, ctx) });
  },
);

export default app;
