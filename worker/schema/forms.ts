import { z } from '@hono/zod-openapi';
import { CaseId, Lang, LocalizedText, SiteParams, Slug, Timestamp } from './common.ts';

export const FieldType = z
  .enum(['shortText', 'longText', 'email', 'phone', 'choice', 'multiChoice', 'consent', 'location'])
  .openapi('FieldType');
export type FieldType = z.infer<typeof FieldType>;

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use 1–40 lowercase letters, digits or "_", starting with a letter.');
const OptionId = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Use 1–40 lowercase letters, digits, "-" or "_".');
const Choice = z.strictObject({ id: OptionId, label: LocalizedText(200) });

export const FormField = z
  .strictObject({
    key: Key,
    type: FieldType,
    label: LocalizedText(200),
    help: LocalizedText(500).optional(),
    required: z.boolean().default(false),
    maxLength: z.number().int().min(1).max(10_000).optional().openapi({ description: 'Text fields only.' }),
    options: z.array(Choice).max(50).optional().openapi({ description: 'choice and multiChoice only.' }),
  })
  .openapi('FormField');
export type FormField = z.infer<typeof FormField>;

const TEXT_TYPES: FieldType[] = ['shortText', 'longText', 'email', 'phone'];
/** Answers that are contact details: kept apart, removed after the retention period. */
export const CONTACT_TYPES: FieldType[] = ['email', 'phone'];

export const FormStatus = z.enum(['draft', 'open', 'closed']).openapi('FormStatus');

const formFields = {
  title: LocalizedText(200),
  intro: LocalizedText(2000).optional(),
  fields: z.array(FormField).min(1).max(40),
  categories: z.array(Choice).max(30).optional().openapi({ description: 'Where a submission can be routed; the resident picks one when given.' }),
  privacy: LocalizedText(1000).optional().openapi({ description: 'What is done with contact details, shown under the form.' }),
  status: FormStatus.default('draft'),
  challenge: z
    .boolean()
    .default(false)
    .openapi({ description: 'Every submission needs a passed Cloudflare Turnstile check in `X-Challenge-Token`. Needs the site\'s Turnstile keys in its settings first.' }),
  caseId: CaseId.nullable()
    .default(null)
    .openapi({ description: 'The case (diary) number the feedback informs: every submission is counted on that case, and its status shows the decision once one is published.' }),
};

/** Rules across fields, shared by create and by an edit merged onto the stored form. */
export function checkFormDefinition(form: { fields: FormField[] }, ctx: z.RefinementCtx): void {
  const keys = form.fields.map((f) => f.key);
  if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['fields'], message: 'Field keys must be unique.' });
  form.fields.forEach((field, i) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: ['fields', i, path], message });
    const choices = field.type === 'choice' || field.type === 'multiChoice';
    if (choices && (field.options?.length ?? 0) < 2) issue('options', 'A choice field needs at least two options.');
    if (!choices && field.options) issue('options', 'Only choice fields have options.');
    if (field.maxLength !== undefined && !TEXT_TYPES.includes(field.type)) issue('maxLength', 'Only text fields have a maximum length.');
    const ids = field.options?.map((o) => o.id) ?? [];
    if (new Set(ids).size !== ids.length) issue('options', 'Option ids must be unique.');
  });
}

export const FormCreate = z
  .strictObject({ id: Slug.optional(), ...formFields })
  .superRefine((form, ctx) => checkFormDefinition(form, ctx))
  .openapi('FormCreate');
export type FormCreate = z.infer<typeof FormCreate>;

export const FormUpdate = z
  .strictObject({
    title: formFields.title.optional(),
    intro: formFields.intro.nullable().openapi({ description: 'null removes it.' }),
    fields: formFields.fields.optional(),
    categories: formFields.categories.nullable().openapi({ description: 'null removes them.' }),
    privacy: formFields.privacy.nullable().openapi({ description: 'null removes it.' }),
    status: FormStatus.optional(),
    challenge: z.boolean().optional(),
    caseId: CaseId.nullable().optional().openapi({ description: 'null unlinks the form from its case.' }),
  })
  .refine((update) => Object.keys(update).length > 0, 'Send at least one field to change.')
  .openapi('FormUpdate');
export type FormUpdate = z.infer<typeof FormUpdate>;

export interface FormDefinition {
  title: Partial<Record<Lang, string>>;
  intro?: Partial<Record<Lang, string>>;
  fields: FormField[];
  categories?: { id: string; label: Partial<Record<Lang, string>> }[];
  privacy?: Partial<Record<Lang, string>>;
  status: z.infer<typeof FormStatus>;
  challenge?: boolean;
  caseId?: string | null;
}

export interface Form extends FormDefinition {
  id: string;
  site: string;
  createdAt: string;
  updatedAt: string;
}

export const FormView = z
  .object({
    id: z.string(),
    site: z.string(),
    title: z.partialRecord(Lang, z.string()),
    intro: z.partialRecord(Lang, z.string()).optional(),
    fields: z.array(FormField),
    categories: z.array(Choice).optional(),
    privacy: z.partialRecord(Lang, z.string()).optional(),
    status: FormStatus,
    challenge: z.boolean(),
    caseId: z.string().nullable(),
    languages: z.array(Lang),
  })
  .openapi('Form');

export const FormParams = SiteParams.extend({ form: Slug.openapi({ param: { name: 'form', in: 'path' }, example: 'palaute' }) });

export const SubmissionStatus = z.enum(['received', 'in_progress', 'answered', 'closed', 'spam']).openapi('SubmissionStatus');

/** What feedback sent from another widget is about: filled in by that widget, shown to moderators. */
export const SubmissionContext = z
  .strictObject({
    caseId: z.string().trim().min(1).max(100).optional().openapi({ description: 'A decision\'s case (diary) number.' }),
    subject: z.string().trim().min(1).max(600).optional().openapi({ description: 'A title to show with it, e.g. "§ 45 Kouluverkon uudistaminen".' }),
    decision: Slug.optional(),
    video: Slug.optional(),
  })
  .refine((context) => Object.keys(context).length > 0, 'Leave "context" out rather than send it empty.')
  .openapi('SubmissionContext');
export type SubmissionContext = z.infer<typeof SubmissionContext>;

const Answer = z.union([z.string().max(10_000), z.array(z.string().max(200)).max(50), z.boolean(), z.strictObject({ lat: z.number().optional(), long: z.number().optional(), address: z.string().max(300).optional() })]);

export const SubmissionInput = z
  .strictObject({
    answers: z.record(z.string().max(40), Answer).openapi({ description: 'Field key → answer: text, option ids, true for consent, {lat, long} and/or {address} for a location.' }),
    category: OptionId.optional(),
    website: z.string().max(200).optional().openapi({ description: 'Honeypot: leave empty. People never see this field.' }),
    context: SubmissionContext.optional(),
    lang: Lang.optional().openapi({ description: 'The language the form was shown in: a public reply sent by email is written in it. Default: the site\'s default language.' }),
  })
  .openapi('SubmissionInput');
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export const RefParams = SiteParams.extend({ ref: z.string().regex(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/).openapi({ param: { name: 'ref', in: 'path' }, example: 'K7M-4QX' }) });

export const PublicReply = z.object({ body: z.string(), createdAt: Timestamp }).openapi('PublicReply');
export const SubmissionStatusView = z
  .object({
    ref: z.string(),
    form: z.string(),
    status: SubmissionStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    replies: z.array(PublicReply),
    caseId: z.string().nullable().openapi({ description: 'The case the feedback is about: `GET …/cases?id=` tells what was decided on it.' }),
  })
  .openapi('SubmissionStatusView');

/** The answer to a submission: the reference code, and the removal key, shown to the resident once. */
export const SubmissionReceipt = z
  .object({
    ref: z.string().openapi({ example: 'K7M-4QX' }),
    removalKey: z.string().optional().openapi({
      example: '7KQ2-M9XD-4T1B-ZC8N-QH3W-P5RJ-EV6A',
      description:
        'Removes the contact details given with this feedback (`DELETE …/submissions/{ref}/contact`). 140 random bits; the server keeps only a hash, so this answer (and a replay of it within a day) is the only place it is shown.',
    }),
  })
  .openapi('SubmissionReceipt');

/** A removal key as people copy it: any case, dashes and spaces anywhere, O read as 0 and I or L as 1. */
export const RemovalKey = z
  .string()
  .max(80)
  .transform((key) => key.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{28}$/, 'A removal key has 28 letters and digits, as it was shown when the feedback was sent (7KQ2-M9XD-…).'))
  .openapi({ example: '7KQ2-M9XD-4T1B-ZC8N-QH3W-P5RJ-EV6A' });

export const ContactRemoval = z
  .strictObject({
    removalKey: RemovalKey.optional().openapi({ description: 'The key from the answer to the submission. Required unless an official\'s token (moderator or higher) is sent.' }),
  })
  .openapi('ContactRemoval');

export const ContactRemoved = z.object({ ref: z.string(), contactRemoved: z.literal(true) }).openapi('ContactRemoved');

/** How mailing a public reply went (README "Email"); absent when it was not mailed. */
export const ReplyMail = z
  .object({
    status: z.enum(['pending', 'sent', 'failed']).openapi({ description: '"pending" stays only if the Worker stopped while sending.' }),
    messageIds: z.array(z.string()).optional(),
    reason: z.string().optional().openapi({ description: 'Why it failed, in the mail service\'s words.' }),
  })
  .openapi('ReplyMail');

export const SubmissionView = z
  .object({
    ref: z.string(),
    form: z.string(),
    answers: z.record(z.string(), z.unknown()),
    contact: z.record(z.string(), z.string()).nullable().openapi({ description: 'Contact details, null once removed.' }),
    category: z.string().nullable(),
    context: SubmissionContext.nullable(),
    status: SubmissionStatus,
    lang: Lang.openapi({ description: "The language the feedback was sent in (the site's default language when the sender did not say). A reply by email is written in it when the site offers that language, else in the site's default." }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    replies: z.array(z.object({ body: z.string(), public: z.boolean(), author: z.string(), createdAt: Timestamp, email: ReplyMail.optional() })).optional(),
  })
  .openapi('Submission');

export const SubmissionQuery = z.object({
  form: Slug.optional(),
  status: SubmissionStatus.optional(),
  category: OptionId.optional().openapi({ description: 'Only feedback filed under this topic (a form\'s `categories`).' }),
  ref: z.string().regex(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/, 'A reference code looks like K7M-4QX.').optional().openapi({ description: 'Only the submission with this reference code (of any status, unless `status` is given): how the console opens one from a link.' }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const SubmissionUpdate = z
  .strictObject({
    status: SubmissionStatus.optional(),
    reply: z.strictObject({ body: z.string().trim().min(1).max(10_000), public: z.boolean() }).optional(),
  })
  .refine((u) => u.status !== undefined || u.reply !== undefined, 'Send a new "status", a "reply", or both.')
  .openapi('SubmissionUpdate');
