/**
 * A form's submissions as a workbook: Data (the CSV's columns and content under the same role
 * rules) and Methodology (the form and its fields, the period covered, how many, and what was
 * left out and why).
 */
import type { ExportCounts, ExportSubmission } from '../db/form-export.ts';
import { localizedText } from '../localize.ts';
import { contactFields, formColumns } from './form-data.ts';
import type { FormExportContext } from './form-data.ts';
import { EXPORT_LABELS } from './labels.ts';
import { XLSX_LABELS } from './xlsx-labels.ts';
import { SheetBuilder, XlsxBudget, helsinkiSerial, workbookBytes } from './xlsx.ts';
import type { Kind, Value } from './xlsx.ts';

export async function formWorkbook(ctx: FormExportContext, counts: ExportCounts, pages: AsyncIterable<ExportSubmission[]>): Promise<Uint8Array<ArrayBuffer>> {
  const { form, lang, site } = ctx;
  const t = EXPORT_LABELS[lang];
  const x = XLSX_LABELS[lang];
  const what = `Form "${form.id}"`;
  const columns = formColumns(ctx);
  const budget = new XlsxBudget(what, columns.length);
  budget.expect(counts.included);
  const exportedAt = new Date().toISOString();

  const data = new SheetBuilder(x.sheets.data, columns, budget, { table: true });
  let first: string | null = null;
  let latest: string | null = null;
  for await (const page of pages) {
    for (const s of page) {
      data.add(columns.map((c) => (c.kind === 'datetime' ? helsinkiSerial(c.value(s)) : c.value(s))));
      // Oldest first: the first row is the earliest, the last the latest.
      first ??= s.createdAt;
      latest = s.createdAt;
    }
  }

  const about = new SheetBuilder(x.sheets.methodology, [
    { heading: x.item, kind: 'text', width: 28 },
    { heading: x.details, kind: 'text', width: 100 },
  ], budget, { wrap: true });
  const line = (item: string, value: Value, kind?: Kind) => about.add([item, value], [undefined, kind]);
  line(x.form, form.id);
  line(x.title, localizedText(form.title, lang, site));
  for (const field of form.fields) {
    const options = field.options?.map((o) => localizedText(o.label, lang, site)).join(' | ');
    line(`${x.field}: ${localizedText(field.label, lang, site) || field.key}`, `${x.fieldTypes[field.type]}${options ? `: ${options}` : ''}`);
  }
  if (form.categories?.length) line(x.categories, form.categories.map((c) => localizedText(c.label, lang, site)).join(' | '));
  line(x.included, ctx.status ? x.onlyStatus(t[ctx.status]) : x.allButSpam);
  line(x.submissions, data.length, 'integer');
  line(x.first, helsinkiSerial(first), 'datetime');
  line(x.latest, helsinkiSerial(latest), 'datetime');
  line(x.exportedAt, helsinkiSerial(exportedAt), 'datetime');
  line(x.times, x.helsinki);
  if (!ctx.status) line(x.leftOut, x.spamLeftOut(counts.spam));
  else line(x.leftOut, x.otherStatusesLeftOut);
  const contact = contactFields(form);
  if (ctx.full) {
    if (contact.length) line(x.leftOut, x.retention(site.contactRetentionDays));
  } else {
    line(x.leftOut, x.viewerLeftOut(contact.map((f) => localizedText(f.label, lang, site) || f.key).join(', ')));
  }
  if (budget.truncated) line(x.leftOut, x.truncated(budget.truncated));

  return workbookBytes([data, about], `${form.id}: ${localizedText(form.title, lang, site)}`);
}
