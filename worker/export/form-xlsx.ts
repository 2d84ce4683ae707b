/**
 * A form's submissions as a workbook: Data (the CSV's columns and content under the same role
 * rules) and Methodology (the form and its fields, the period covered, how many, and what was
 * left out and why).
 */
import type { ExportCounts, ExportSubmission } from '../db/form-export.ts';
import { localizedText } from '../localize.ts';
import { contactFields, formColumns } from './form-data.ts';
import type { FormExportContext } from './form-data.ts';
import { helsinkiSerial } from './helsinki-time.ts';
import { EXPORT_LABELS } from './labels.ts';
import { XLSX_LABELS } from './xlsx-labels.ts';
import { SheetWriter, expectRows } from './xlsx/sheet.ts';
import type { Kind, Value } from './xlsx/sheet.ts';
import { workbookChunks } from './xlsx/workbook.ts';

/**
 * The workbook, streamed: `pages` of submissions are read as the file goes out. More submissions
 * than a sheet holds are refused (422) before anything is read.
 */
export function formWorkbook(ctx: FormExportContext, counts: ExportCounts, pages: AsyncIterable<ExportSubmission[]>): AsyncGenerator<Uint8Array> {
  const { form, lang, site } = ctx;
  const t = EXPORT_LABELS[lang];
  const x = XLSX_LABELS[lang];
  const columns = formColumns(ctx);
  expectRows(`Form "${form.id}"`, counts.included);
  const exportedAt = new Date().toISOString();

  const data = new SheetWriter(x.sheets.data, columns, { table: true });
  let first: string | null = null;
  let latest: string | null = null;
  async function* rows() {
    for await (const page of pages) {
      let chunk = '';
      for (const s of page) {
        chunk += data.row(columns.map((c) => (c.kind === 'datetime' ? helsinkiSerial(c.value(s)) : c.value(s))));
        // Oldest first: the first row is the earliest, the last the latest.
        first ??= s.createdAt;
        latest = s.createdAt;
      }
      yield chunk;
    }
  }

  const about = new SheetWriter(x.sheets.methodology, [
    { heading: x.item, kind: 'text', width: 28 },
    { heading: x.details, kind: 'text', width: 100 },
  ], { wrap: true });
  // Written after the data, so it can say how many, from when to when, and what was cut.
  function* methodology() {
    const line = (item: string, value: Value, kind?: Kind) => about.row([item, value], [undefined, kind]);
    yield line(x.form, form.id);
    yield line(x.title, localizedText(form.title, lang, site));
    for (const field of form.fields) {
      const options = field.options?.map((o) => localizedText(o.label, lang, site)).join(' | ');
      yield line(`${x.field}: ${localizedText(field.label, lang, site) || field.key}`, `${x.fieldTypes[field.type]}${options ? `: ${options}` : ''}`);
    }
    if (form.categories?.length) yield line(x.categories, form.categories.map((c) => localizedText(c.label, lang, site)).join(' | '));
    yield line(x.included, ctx.status ? x.onlyStatus(t[ctx.status]) : x.allButSpam);
    yield line(x.submissions, data.length, 'integer');
    yield line(x.first, helsinkiSerial(first), 'datetime');
    yield line(x.latest, helsinkiSerial(latest), 'datetime');
    yield line(x.exportedAt, helsinkiSerial(exportedAt), 'datetime');
    yield line(x.times, x.helsinki);
    if (!ctx.status) yield line(x.leftOut, x.spamLeftOut(counts.spam));
    else yield line(x.leftOut, x.otherStatusesLeftOut);
    const contact = contactFields(form);
    if (ctx.full) {
      if (contact.length) yield line(x.leftOut, x.retention(site.contactRetentionDays));
    } else {
      yield line(x.leftOut, x.viewerLeftOut(contact.map((f) => localizedText(f.label, lang, site) || f.key).join(', ')));
    }
    const truncated = data.truncated + about.truncated;
    if (truncated) yield line(x.leftOut, x.truncated(truncated));
  }

  return workbookChunks([{ sheet: data, rows }, { sheet: about, rows: methodology }], `${form.id}: ${localizedText(form.title, lang, site)}`);
}
