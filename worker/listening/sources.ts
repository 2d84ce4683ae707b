/**
 * The listening report's texts from D1 (db/listening.ts): a feedback's free-text answers (its
 * long and short text fields, joined), its topic and place; and residents' statements, in a
 * period of whole days in Finnish time (period.ts).
 */
import { feedbackTexts, statementTexts } from '../db/listening.ts';
import type { ListeningFilter } from '../db/listening.ts';
import { listSiteForms } from '../db/forms.ts';
import type { ListeningQuery } from '../schema/listening.ts';
import type { ListenedText } from './report.ts';
import { redact } from './redact.ts';
import { helsinkiMidnight, helsinkiNextMidnight } from './period.ts';

/**
 * "Koivutie 5 B 12" → "Koivutie": a place, never a house. A resident may write anything in the
 * field, an email or a phone number too: a field with personal data other than the address
 * itself in it (redact.ts) names no place, and a place ends at its first digit.
 */
const placeOf = (answer: unknown): string | null => {
  const address = typeof answer === 'object' && answer && 'address' in answer ? (answer as { address?: unknown }).address : null;
  if (typeof address !== 'string') return null;
  if (redact(address).some((part) => typeof part !== 'string' && part.redacted !== 'address')) return null;
  const place = address.replace(/\d.*$/s, '').replace(/[\s,;:=-]+$/, '').trim();
  return place.length >= 2 ? place.slice(0, 80) : null;
};

export async function readTexts(db: D1Database, siteId: string, query: ListeningQuery, days: { from: string; to: string }): Promise<ListenedText[]> {
  const filter: ListeningFilter = {
    form: query.form,
    topic: query.topic,
    from: helsinkiMidnight(days.from).toISOString(),
    to: helsinkiNextMidnight(days.to).toISOString(),
  };
  const forms = new Map((await listSiteForms(db, siteId)).map((f) => [f.id, f.fields]));
  const texts: ListenedText[] = [];
  for await (const page of feedbackTexts(db, siteId, filter)) {
    for (const row of page) {
      const fields = forms.get(row.form_id) ?? [];
      const answers = JSON.parse(row.answers) as Record<string, unknown>;
      const text = fields
        .filter((f) => f.type === 'longText' || f.type === 'shortText')
        .map((f) => answers[f.key])
        .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
        .join('\n');
      if (!text) continue;
      const location = fields.find((f) => f.type === 'location');
      texts.push({ source: 'feedback', ref: row.ref, form: row.form_id, topic: row.category, place: location ? placeOf(answers[location.key]) : null, createdAt: row.created_at, lang: row.lang, text });
    }
  }
  // Statements have no form or topic: a report narrowed to either leaves them out.
  if (!query.form && !query.topic) {
    for (const s of await statementTexts(db, siteId, filter)) {
      texts.push({ source: 'statement', ref: `${s.poll_id}#${s.id}`, form: null, topic: null, place: null, createdAt: s.created_at, lang: s.lang, text: s.text });
    }
  }
  return texts;
}
