/** What makes a stored decision out of an official's input, shared by edits and imports. */
import { randomId } from './crypto.ts';
import { NotFoundError } from './errors.ts';
import { renderMarkdown } from './markdown.ts';
import type { Lang } from './schema/common.ts';
import type { Decision, DecisionInput } from './schema/decisions.ts';

export const decisionNotFound = (id: string) => new NotFoundError('decision_not_found', `There is no decision "${id}" on this site.`);

/** "Ahjo/HEL 2026-001234 §45" → "ahjo-hel-2026-001234-45": an id readable in URLs. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || `d-${randomId(6).toLowerCase().replace(/[^a-z0-9]/g, '0')}`;
}

const mapValues = <T, U>(map: Partial<Record<Lang, T>> | undefined, f: (value: T) => U): Partial<Record<Lang, U>> | null =>
  map ? (Object.fromEntries(Object.entries(map).map(([lang, value]) => [lang, f(value as T)])) as Partial<Record<Lang, U>>) : null;

/**
 * The decision as stored: defaults filled in, the body rendered to safe HTML, the languages it
 * has. `existing` keeps an edited decision's id and publication time.
 */
export function buildDecision(input: Omit<DecisionInput, 'id'> & { id?: string }, now: string, existing?: Pick<Decision, 'id' | 'publishedAt'>): Decision {
  const id = existing?.id ?? input.id ?? slugOf(input.sourceId ?? `${input.organ.id}-${input.meeting.date}-${input.section ?? randomId(3)}`);
  const languages = [...new Set([...Object.keys(input.title), ...Object.keys(input.body ?? {})])] as Lang[];
  return {
    id,
    sourceId: input.sourceId ?? null,
    organ: input.organ,
    meeting: { id: input.meeting.id ?? null, date: input.meeting.date },
    section: input.section ?? null,
    caseId: input.caseId ?? null,
    title: input.title,
    summary: input.summary ?? null,
    body: input.body ?? null,
    bodyHtml: mapValues(input.body, renderMarkdown),
    plainSummary: input.plainSummary ?? null,
    outcome: input.outcome,
    topics: [...new Set(input.topics ?? [])],
    districts: [...new Set(input.districts ?? [])],
    attachments: (input.attachments ?? []).map((a) => ({ ...a, public: a.public ?? true })),
    sourceUrl: input.sourceUrl ?? null,
    languages,
    publishedAt: existing?.publishedAt ?? (input.publishedAt ? new Date(input.publishedAt).toISOString() : now),
    updatedAt: now,
  };
}

/** What a decision's reader sees: in lists no body; attachments that are not public only for officials. */
export function publicDecision(d: Decision, official: boolean) {
  const { bodyHtml, body, attachments, sourceId, sourceUrl, ...summary } = d;
  return { summary, full: { ...summary, sourceId, sourceUrl, body, bodyHtml, attachments: official ? attachments : attachments.filter((a) => a.public) } };
}
