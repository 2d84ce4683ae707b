/** Listening (issue 19): what residents write, grouped into themes, with their own words as evidence. */
import { z } from '@hono/zod-openapi';
import { Lang, Slug, Timestamp } from './common.ts';
import { OptionId } from './poll-kinds.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD.');

export const ListeningFilters = z.object({
    form: Slug.optional().openapi({ description: 'Only feedback sent through this form (statements are left out).' }),
    topic: OptionId.optional().openapi({ description: 'Only feedback filed under this topic (a form\'s `categories`).' }),
    from: Day.optional().openapi({ description: 'From this day (Helsinki time), inclusive. Default: 365 days before `to`.', example: '2026-01-01' }),
    to: Day.optional().openapi({ description: 'To this day (Helsinki time), inclusive. Default: today.', example: '2026-12-31' }),
    language: Lang.optional().openapi({ description: 'Only texts written in this language (as recognised from the text).' }),
    themes: z.coerce.number().int().min(2).max(30).optional().openapi({ description: 'How many themes to look for. Default: from the number of texts, √(texts / 3), between 2 and 16.' }),
});
export const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
export const PERIOD_ERROR = { message: '"from" is after "to".', path: ['from'] };

export const ListeningQuery = ListeningFilters.refine(periodInOrder, PERIOD_ERROR);
export type ListeningQuery = z.infer<typeof ListeningQuery>;


export const RedactedKind = z.enum(['email', 'phone', 'personalId', 'address', 'name']).openapi('RedactedKind');

export const QuotePart = z
  .union([z.string(), z.object({ redacted: RedactedKind })])
  .openapi('QuotePart', { description: 'The resident\'s words as written, or where personal data was removed, what kind it was.' });

export const Quote = z
  .object({
    source: z.enum(['feedback', 'statement']),
    ref: z.string().openapi({ description: 'The feedback\'s reference (`K7M-4QX`), or a statement\'s poll and number (`kirjaston-tulevaisuus#13`).' }),
    form: z.string().nullable(),
    createdAt: Timestamp,
    lang: Lang,
    parts: z.array(QuotePart),
  })
  .openapi('ListeningQuote');

const Count = z.object({ value: z.string(), count: z.number().int() });

const Share = z
  .object({
    recent: z.number().int().openapi({ description: 'Texts (or texts with the term) in the last 7 days.' }),
    recentTotal: z.number().int().openapi({ description: 'All texts in the last 7 days.' }),
    before: z.number().int().openapi({ description: 'The same in the 8 weeks before them.' }),
    beforeTotal: z.number().int(),
    growth: z.number().openapi({ description: 'The share now over the share before, each smoothed by one text ((a + 1) / (n + 2)): 2 means twice as large a share of what residents write.' }),
  });

export const Theme = z
  .object({
    id: z.number().int().openapi({ description: 'Its number in this answer, largest theme first.' }),
    name: z.array(z.string()).openapi({ description: 'The words that set it apart most, as residents wrote them.', example: ['lumityöt', 'aurattu', 'snöröjning'] }),
    terms: z.array(z.object({ word: z.string(), lang: Lang.openapi({ description: 'The language it was written in most.' }), texts: z.number().int() })).openapi({ description: 'Up to 10 distinctive words, how many of its texts use each, and the language each is in: a theme may hold several. `name` is the first three.' }),
    size: z.number().int(),
    share: z.number().openapi({ description: 'Its part of all texts, 0–1.' }),
    trend: z.object({
      thisWeek: z.number().int().openapi({ description: 'Its texts in the last 7 days.' }),
      weeklyBefore: z.number().openapi({ description: 'Its texts a week on average in the 4 weeks before.' }),
    }),
    topics: z.array(Count).openapi({ description: 'The topics residents filed its feedback under, most first.' }),
    places: z.array(Count.extend({ lang: Lang.openapi({ description: 'The language of most texts that name it.' }) })).openapi({ description: 'The places its feedback names (street or place, never a house number nor anything after personal data), most first.' }),
    languages: z.partialRecord(Lang, z.number().int()),
    quotes: z.array(Quote).openapi({ description: '3–5 of its texts nearest its centre, quoted exactly but for personal data, which is shown as removed.' }),
  })
  .openapi('Theme');
export type Theme = z.infer<typeof Theme>;

export const ListeningReport = z
  .object({
    period: z.object({ from: Day, to: Day }),
    generatedAt: Timestamp,
    texts: z.number().int().openapi({ description: 'Texts read: feedback (its free-text answers) and residents\' statements.' }),
    unthemed: z.number().int().openapi({ description: 'Texts too short or too unusual to place in a theme (no word another text shares).' }),
    languages: z.partialRecord(Lang, z.number().int()),
    themes: z.array(Theme),
    rising: z
      .object({
        terms: z.array(Share.extend({ word: z.string(), lang: Lang })),
        themes: z.array(Share.extend({ theme: z.number().int() })),
      })
      .openapi({ description: 'What grew most as a share of everything written: the last 7 days against the 8 weeks before, with the counts behind it. Only terms in at least 3 texts of the last 7 days.' }),
  })
  .openapi('ListeningReport');
export type ListeningReport = z.infer<typeof ListeningReport>;

