import { z } from '@hono/zod-openapi';
import { Lang, LocalizedText, SiteParams, Slug, Timestamp } from './common.ts';

export const Outcome = z
  .enum(['passed', 'passed_amended', 'rejected', 'tabled', 'returned', 'voted'])
  .openapi('DecisionOutcome', { description: 'passed, passed as amended, rejected, tabled (pöydälle), returned for preparation (palautettiin), or decided by a vote.' });
export type Outcome = z.infer<typeof Outcome>;

/** A topic or district: lowercase words, Finnish and Swedish letters allowed ("päiväkodit"). */
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{Ll}\p{N}](?:[\p{Ll}\p{N} -]{0,58}[\p{Ll}\p{N}])?$/u, 'Use 1–60 lowercase letters, digits, spaces or hyphens.');

const IsoDate = z.iso.date().openapi({ example: '2026-11-17' });
const WebUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .max(2000)
  .openapi({ description: 'An http(s) address.', example: 'https://paatokset.koivulahti.example/asia/123' });

export const Organ = z
  .strictObject({ id: Slug.openapi({ example: 'kasvatus-ja-koulutuslautakunta' }), name: LocalizedText(200) })
  .openapi('Organ');

export const Attachment = z
  .strictObject({ title: LocalizedText(300), url: WebUrl, public: z.boolean().default(true) })
  .openapi('DecisionAttachment');

/** A decision's fields as officials write them; no defaults here, so an edit leaves out what it does not send. */
const decisionFields = {
  sourceId: z.string().trim().min(1).max(200).openapi({ description: 'The source system\'s id (e.g. Ahjo\'s). Imports update the decision with the same source id.' }),
  organ: Organ,
  meeting: z.strictObject({ id: z.string().trim().min(1).max(100).optional(), date: IsoDate }),
  section: z.string().trim().min(1).max(20).openapi({ description: 'The section number in the minutes, e.g. "45" for § 45.', example: '45' }),
  caseId: z.string().trim().min(1).max(100).openapi({ description: 'The case\'s diary number.', example: 'KOI/1234/12.00.01/2026' }),
  title: LocalizedText(500),
  summary: LocalizedText(2000),
  body: LocalizedText(200_000).openapi({ description: 'Markdown. Rendered to safe HTML: raw HTML is shown as text, and only http(s) and mailto links survive.' }),
  plainSummary: LocalizedText(2000).openapi({ description: 'A plain-language summary (selkokieli).' }),
  outcome: Outcome,
  topics: z.array(Tag).max(20),
  districts: z.array(Tag).max(20),
  attachments: z.array(Attachment).max(50),
  sourceUrl: WebUrl,
};

/** A decision as officials send it, one at a time or in an import. */
export const DecisionInput = z
  .strictObject({
    id: Slug.optional().openapi({ description: 'Our id; made from the source id or at random when not given.' }),
    ...decisionFields,
    sourceId: decisionFields.sourceId.optional(),
    section: decisionFields.section.optional(),
    caseId: decisionFields.caseId.optional(),
    summary: decisionFields.summary.optional(),
    body: decisionFields.body.optional(),
    plainSummary: decisionFields.plainSummary.optional(),
    topics: decisionFields.topics.default([]),
    districts: decisionFields.districts.default([]),
    attachments: decisionFields.attachments.default([]),
    sourceUrl: decisionFields.sourceUrl.optional(),
    publishedAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When it was published; now when not given.' }),
  })
  .openapi('DecisionInput');
export type DecisionInput = z.infer<typeof DecisionInput>;

/** Only the fields sent change; the publication time stays the first one. */
export const DecisionUpdate = z
  .strictObject(decisionFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'Send at least one field to change.')
  .openapi('DecisionUpdate');

/** A decision as stored and shown. */
export interface Decision {
  id: string;
  sourceId: string | null;
  organ: { id: string; name: Partial<Record<Lang, string>> };
  meeting: { id: string | null; date: string };
  section: string | null;
  caseId: string | null;
  title: Partial<Record<Lang, string>>;
  summary: Partial<Record<Lang, string>> | null;
  body: Partial<Record<Lang, string>> | null;
  bodyHtml: Partial<Record<Lang, string>> | null;
  plainSummary: Partial<Record<Lang, string>> | null;
  outcome: Outcome;
  topics: string[];
  districts: string[];
  attachments: { title: Partial<Record<Lang, string>>; url: string; public: boolean }[];
  sourceUrl: string | null;
  languages: Lang[];
  publishedAt: string;
  updatedAt: string;
}

const Localized = z.partialRecord(Lang, z.string());

/** A topic's or a district's name per language, as the site's officials gave it; `{}` when none. */
export const TermLabel = z
  .object({ fi: z.string().optional(), sv: z.string().optional(), en: z.string().optional() })
  .openapi('DecisionTermLabel', { description: 'The term\'s name in each language an official gave; `{}` when none. Show the slug itself when the language has no label.', example: { fi: 'Päiväkodit', sv: 'Daghem', en: 'Day care' } });

/** `labels` of a decision or a page: the labels of the topics and districts mentioned. */
const TermLabels = z.record(z.string(), TermLabel).openapi('DecisionTermLabels', {
  description:
    'The names per language of the topics and districts the returned decisions mention, by slug. Only terms with at least one label are listed: show the slug for any other (and for a language a term has no label in).',
  example: { päiväkodit: { fi: 'Päiväkodit', sv: 'Daghem', en: 'Day care' }, keskusta: { fi: 'Keskusta', sv: 'Centrum', en: 'City centre' } },
});

/** One decision in a list: everything but the body. */
export const DecisionSummaryView = z
  .object({
    id: z.string(),
    organ: z.object({ id: z.string(), name: Localized }),
    meeting: z.object({ id: z.string().nullable(), date: z.string() }),
    section: z.string().nullable(),
    caseId: z.string().nullable(),
    title: Localized,
    summary: Localized.nullable(),
    plainSummary: Localized.nullable(),
    outcome: Outcome,
    topics: z.array(z.string()),
    districts: z.array(z.string()),
    languages: z.array(Lang),
    publishedAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('DecisionSummary');

export const DecisionView = DecisionSummaryView.extend({
  sourceId: z.string().nullable(),
  body: Localized.nullable().openapi({ description: 'The Markdown as given.' }),
  bodyHtml: Localized.nullable().openapi({ description: 'The body rendered to safe HTML.' }),
  attachments: z.array(z.object({ title: Localized, url: z.string(), public: z.boolean() })).openapi({ description: 'Non-public attachments only for officials.' }),
  sourceUrl: z.string().nullable(),
  labels: TermLabels,
}).openapi('Decision');

export const DecisionParams = SiteParams.extend({ decision: Slug.openapi({ param: { name: 'decision', in: 'path' }, example: 'kaupunginvaltuusto-2026-11-17-45' }) });

export const DecisionQuery = z.object({
  organ: Slug.optional(),
  topic: Tag.optional(),
  district: Tag.optional(),
  from: IsoDate.optional().openapi({ description: 'Meetings on or after this day.' }),
  to: IsoDate.optional().openapi({ description: 'Meetings on or before this day.' }),
  q: z.string().trim().max(200).optional().openapi({ description: 'Words to find, each by its beginning ("koulu" finds "kouluverkko"), in every language.' }),
  case: z.string().trim().min(1).max(100).optional().openapi({ description: 'Only the decisions on this case (diary) number, exactly as given: the Atom feed of one case.', example: 'KOI/1234/12.00.01/2026' }),
  lang: Lang.optional().openapi({ description: 'The language of the Atom feed\'s texts; the site\'s default otherwise.' }),
  cursor: z.string().max(200).optional().openapi({ description: 'Opaque, from the previous page\'s `nextCursor`.' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type DecisionQuery = z.infer<typeof DecisionQuery>;

export const DecisionPage = z
  .object({ items: z.array(DecisionSummaryView), nextCursor: z.string().nullable(), labels: TermLabels })
  .openapi('DecisionPage');

export const Facets = z
  .object({
    organs: z.array(z.object({ id: z.string(), name: Localized, count: z.number().int() })),
    topics: z.array(z.object({ value: z.string(), label: TermLabel, count: z.number().int() })),
    districts: z.array(z.object({ value: z.string(), label: TermLabel, count: z.number().int() })),
  })
  .openapi('DecisionFacets');

export const ImportResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    rejected: z.number().int(),
    errors: z.array(z.object({ line: z.number().int().openapi({ description: '1-based: the array index + 1, or the NDJSON line.' }), sourceId: z.string().nullable(), issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })) })),
    errorsOmitted: z.number().int().openapi({ description: 'Rejected records left out of `errors`, which lists the first 1,000 by line; 0 when all are listed.' }),
  })
  .openapi('DecisionImportResult');

export const TermKind = z.enum(['topic', 'district']).openapi('DecisionTermKind', { description: '`topic` or `district`.' });

/** One label as officials send it: 1–100 characters per language. */
const LabelText = z.string().trim().min(1, 'A label has 1–100 characters; leave the language out to have none.').max(100, 'A label has 1–100 characters.');

export const TermInput = z
  .strictObject({
    label: z
      .strictObject({ fi: LabelText.optional(), sv: LabelText.optional(), en: LabelText.optional() })
      .openapi({ description: 'The term\'s name in each language, 1–100 characters each. Replaces the earlier labels: a language left out has none after this; `{}` removes them all.' }),
  })
  .openapi('DecisionTermInput');

export const DecisionTerm = z
  .object({
    kind: TermKind,
    value: z.string().openapi({ description: 'The slug the decisions carry in `topics` or `districts`.', example: 'päiväkodit' }),
    label: TermLabel,
    count: z.number().int().openapi({ description: 'How many of the site\'s decisions carry it.' }),
  })
  .openapi('DecisionTerm');

export const DecisionTermList = z.object({ items: z.array(DecisionTerm) }).openapi('DecisionTermList');

export const TermParams = SiteParams.extend({
  kind: TermKind.openapi({ param: { name: 'kind', in: 'path' }, description: '`topic` or `district`; anything else is 400 `validation_failed` with the path `["kind"]`.', example: 'topic' }),
  value: Tag.openapi({ param: { name: 'value', in: 'path' }, description: 'The slug, as the decisions carry it (percent-encoded in the path).', example: 'päiväkodit' }),
});
