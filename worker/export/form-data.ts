/** What the table formats of a form export (CSV, XLSX) are made of: the same columns, the same rules. */
import type { z } from '@hono/zod-openapi';
import { submissionExportPage } from '../db/form-export.ts';
import type { ExportCursor, ExportReply, ExportSubmission } from '../db/form-export.ts';
import { localizedText } from '../localize.ts';
import type { Lang } from '../schema/common.ts';
import { CONTACT_TYPES } from '../schema/forms.ts';
import type { Form, FormField, SubmissionStatus } from '../schema/forms.ts';
import type { SiteRecord } from '../schema/sites.ts';
import { EXPORT_LABELS } from './labels.ts';
import { helsinkiTime } from './helsinki-time.ts';

/** Submissions read per D1 batch: one page of rows (and its replies) is all a streamed export holds. */
const PAGE = 1000;

export interface FormExportContext {
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
export function exportedFields({ form, full }: FormExportContext): { answers: FormField[]; contact: FormField[] } {
  return {
    answers: form.fields.filter((f) => !CONTACT_TYPES.includes(f.type)),
    contact: full ? form.fields.filter((f) => CONTACT_TYPES.includes(f.type)) : [],
  };
}

/** The form's contact fields, whether or not this export includes them. */
export const contactFields = (form: Form) => form.fields.filter((f) => CONTACT_TYPES.includes(f.type));

export async function* submissions(db: D1Database, ctx: FormExportContext): AsyncGenerator<ExportSubmission[]> {
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
export function answerText(field: FormField, value: unknown, ctx: FormExportContext): string {
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

function categoryLabel(id: string | null, ctx: FormExportContext): string {
  if (!id) return '';
  const category = ctx.form.categories?.find((c) => c.id === id);
  return category ? localizedText(category.label, ctx.lang, ctx.site) : id;
}

export interface FormColumn {
  heading: string;
  /** A moment (an ISO timestamp, written in Finnish time), or text. */
  kind: 'datetime' | 'text';
  width: number;
  value: (s: ExportSubmission) => string | null;
}

/**
 * The export's columns: a pure table, one heading row, then one row per submission. Excel's
 * filters, sorting, "Format as Table" and Power Query all take the first row as the headings,
 * so nothing has to be deleted first. A viewer gets neither the contact columns nor the private
 * replies column.
 */
export function formColumns(ctx: FormExportContext): FormColumn[] {
  const t = EXPORT_LABELS[ctx.lang];
  const fields = exportedFields(ctx);
  const label = (field: FormField) => localizedText(field.label, ctx.lang, ctx.site) || field.key;
  const text = (heading: string, width: number, value: FormColumn['value']): FormColumn => ({ heading, kind: 'text', width, value });
  return [
    text(t.ref, 11, (s) => s.ref),
    { heading: t.receivedAt, kind: 'datetime', width: 21, value: (s) => s.createdAt },
    { heading: t.updatedAt, kind: 'datetime', width: 21, value: (s) => s.updatedAt },
    text(t.status, 14, (s) => t[s.status]),
    text(t.category, 18, (s) => categoryLabel(s.category, ctx)),
    text(t.about, 24, (s) => [s.context?.subject, s.context?.caseId].filter(Boolean).join(' — ')),
    ...fields.answers.map((f) => text(label(f), f.type === 'longText' ? 50 : 24, (s) => answerText(f, Object.hasOwn(s.answers, f.key) ? s.answers[f.key] : undefined, ctx))),
    ...fields.contact.map((f) => text(label(f), 24, (s) => (s.contact && Object.hasOwn(s.contact, f.key) ? s.contact[f.key]! : ''))),
    text(t.publicReplies, 50, (s) => repliesText(s.replies.filter((r) => r.public))),
    ...(ctx.full ? [text(t.privateReplies, 50, (s) => repliesText(s.replies.filter((r) => !r.public)))] : []),
  ];
}
