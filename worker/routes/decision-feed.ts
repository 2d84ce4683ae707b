/**
 * The site's decisions as an Atom 1.0 feed (RFC 4287), with the list's filters: a feed reader, a
 * CMS sidebar or an e-mail digest can follow "the schools committee" or "everything about
 * traffic" without running our widgets. Only public content: no non-public attachments, so the
 * answer may sit in shared caches like the JSON list.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createApp } from '../app.ts';
import { sha256Hex } from '../crypto.ts';
import { termLabels } from '../db/decision-terms.ts';
import type { TermLabel } from '../db/decision-terms.ts';
import { listDecisions } from '../db/decisions.ts';
import { decisionPageUrl, httpHref } from '../frames/url.ts';
import type { Lang } from '../schema/common.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { DecisionQuery } from '../schema/decisions.ts';
import type { Decision, Outcome } from '../schema/decisions.ts';
import type { SiteRecord } from '../schema/sites.ts';
import { renderXmlDocument, textElement } from '../xml.ts';
import type { XmlElement } from '../xml.ts';
import { en as enDecisions } from '../../widgets/decisions/locales/en.ts';
import { fi as fiDecisions } from '../../widgets/decisions/locales/fi.ts';
import { sv as svDecisions } from '../../widgets/decisions/locales/sv.ts';

const app = createApp();

const ATOM = 'http://www.w3.org/2005/Atom';
const MAX_ENTRIES = 50;
/** As the JSON list: a few minutes in the edge cache. */
const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
/** RFC 4151 tag URIs need a date on which the authority (our host) held the name; ids never change with it. */
const TAG_DATE = '2026';

const FeedQuery = DecisionQuery.omit({ cursor: true, limit: true }).extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(MAX_ENTRIES)
    .openapi({ description: `How many entries, newest meeting first: at most ${MAX_ENTRIES} (a larger number gives ${MAX_ENTRIES}).` }),
});
type FeedQuery = z.infer<typeof FeedQuery>;

interface Strings {
  decisions: string;
  caseId: (id: string) => string;
  search: (q: string) => string;
  from: (date: string) => string;
  to: (date: string) => string;
  date: (iso: string) => string;
  outcomes: Record<Outcome, string>;
}

const finnishDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};

// Outcomes read the same in the feed as in the widget: one list, the widget's strings.
const STRINGS: Record<Lang, Strings> = {
  fi: {
    decisions: 'päätökset',
    search: (q) => `haku ”${q}”`,
    from: (date) => `${finnishDate(date)} alkaen`,
    to: (date) => `${finnishDate(date)} asti`,
    date: finnishDate,
    outcomes: fiDecisions.outcome,
    caseId: fiDecisions.caseId,
  },
  sv: {
    decisions: 'beslut',
    search: (q) => `sökning ”${q}”`,
    from: (date) => `från ${finnishDate(date)}`,
    to: (date) => `till ${finnishDate(date)}`,
    date: finnishDate,
    outcomes: svDecisions.outcome,
    caseId: svDecisions.caseId,
  },
  en: {
    decisions: 'decisions',
    search: (q) => `search “${q}”`,
    from: (date) => `from ${date}`,
    to: (date) => `until ${date}`,
    date: (iso) => iso,
    outcomes: enDecisions.outcome,
    caseId: enDecisions.caseId,
  },
};

type Texts = Partial<Record<Lang, string>> | null | undefined;

/**
 * The text in `lang`, else in the site's default language, else in any other (the order of
 * worker/localize.ts `localizedText`), with the language it is in.
 */
function pick(text: Texts, lang: Lang, site: Pick<SiteRecord, 'defaultLang' | 'languages'>): { lang: Lang; text: string } | null {
  for (const candidate of [lang, site.defaultLang, ...site.languages, 'fi', 'sv', 'en'] as Lang[]) {
    const value = text?.[candidate];
    if (value) return { lang: candidate, text: value };
  }
  return null;
}

/** An element with the text as picked, marked with its language when that is not the feed's. */
function localized(name: string, picked: { lang: Lang; text: string } | null, feedLang: Lang, attrs: Record<string, string> = {}): XmlElement | null {
  return picked ? textElement(name, picked.text, { ...attrs, 'xml:lang': picked.lang === feedLang ? undefined : picked.lang }) : null;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

const present = <T>(items: (T | null | undefined | false)[]): T[] => items.filter((item): item is T => Boolean(item));

interface FeedContext {
  site: SiteRecord;
  lang: Lang;
  /** `tag:HOST,2026:` — the prefix of every id in the feed. */
  tag: string;
  /** This worker's origin: each entry links to the decision's own page on it. */
  origin: string;
  /** Topic and district labels by slug. */
  labels: Record<string, TermLabel>;
}

/** A topic's or a district's name in the feed's language; undefined when it has none (readers show the slug). */
const labelOf = (ctx: FeedContext, value: string) => ctx.labels[value]?.[ctx.lang];

/** The decision's own readable page, in the feed's language: the decisions frame showing it alone (worker/frames/nojs/decisions.ts). */
const ownPage = (ctx: FeedContext, d: Decision) => decisionPageUrl(ctx.origin, ctx.site.id, d.id, ctx.lang);

/** The body as HTML, after a line saying which organ decided what and when; the summary when there is no body. */
function entryContent(d: Decision, { site, lang }: FeedContext): XmlElement {
  const body = pick(d.bodyHtml, lang, site);
  const fallback = body ? null : pick(d.summary, lang, site) ?? pick(d.plainSummary, lang, site) ?? pick(d.title, lang, site);
  const contentLang = (body ?? fallback)?.lang ?? lang;
  const t = STRINGS[contentLang];
  const meta = [
    [pick(d.organ.name, contentLang, site)?.text ?? d.organ.id, t.date(d.meeting.date), d.section ? `§ ${d.section}` : ''].filter(Boolean).join(' '),
    d.caseId,
    t.outcomes[d.outcome],
  ].filter(Boolean) as string[];
  const html = `<p>${escapeHtml(meta.join(' · '))}</p>\n${body ? body.text : `<p>${escapeHtml(fallback?.text ?? '')}</p>`}`;
  return { name: 'content', attrs: { type: 'html', 'xml:lang': contentLang === lang ? undefined : contentLang }, children: [html] };
}

function entry(d: Decision, ctx: FeedContext): XmlElement {
  const { site, lang, tag } = ctx;
  const organ = pick(d.organ.name, lang, site);
  return {
    name: 'entry',
    children: present<XmlElement>([
      textElement('id', `${tag}sites/${site.id}/decisions/${d.id}`),
      localized('title', pick(d.title, lang, site) ?? { lang, text: d.id }, lang, { type: 'text' }),
      textElement('updated', d.updatedAt),
      textElement('published', d.publishedAt),
      // The source system's page when there is one, else ours: every entry can be opened.
      { name: 'link', attrs: { rel: 'alternate', type: 'text/html', href: httpHref(d.sourceUrl) ?? ownPage(ctx, d) } },
      ...d.attachments
        .filter((a) => a.public && httpHref(a.url))
        .map((a) => ({ name: 'link', attrs: { rel: 'related', href: httpHref(a.url), title: pick(a.title, lang, site)?.text } })),
      localized('summary', pick(d.summary, lang, site) ?? pick(d.plainSummary, lang, site), lang, { type: 'text' }),
      entryContent(d, ctx),
      { name: 'author', children: present([localized('name', organ ?? { lang, text: d.organ.id }, lang)]) },
      { name: 'category', attrs: { scheme: `${tag}organ`, term: d.organ.id, label: organ?.text } },
      ...d.topics.map((term) => ({ name: 'category', attrs: { scheme: `${tag}topic`, term, label: labelOf(ctx, term) } })),
      ...d.districts.map((term) => ({ name: 'category', attrs: { scheme: `${tag}district`, term, label: labelOf(ctx, term) } })),
    ]),
  };
}

/** The filters in one fixed order, so the same feed always has the same id whatever the URL's order. */
function feedId(ctx: FeedContext, query: FeedQuery): string {
  const filters = (['organ', 'topic', 'district', 'from', 'to', 'q', 'case'] as const)
    .filter((key) => query[key])
    .map((key) => `&${key}=${encodeURIComponent(query[key]!)}`)
    .join('');
  return `${ctx.tag}sites/${ctx.site.id}/decisions?lang=${ctx.lang}${filters}`;
}

/** "Koivulahden kaupunki – päätökset: Kasvatus- ja koulutuslautakunta, koulut". */
function feedTitle(ctx: FeedContext, query: FeedQuery, organName: string | undefined): string {
  const t = STRINGS[ctx.lang];
  const qualifiers = present([
    query.organ && (organName ?? query.organ),
    query.topic && (labelOf(ctx, query.topic) ?? query.topic),
    query.district && (labelOf(ctx, query.district) ?? query.district),
    query.case && t.caseId(query.case),
    query.q && t.search(query.q),
    query.from && t.from(query.from),
    query.to && t.to(query.to),
  ]);
  const name = pick(ctx.site.name, ctx.lang, ctx.site)?.text ?? ctx.site.id;
  return `${name} – ${t.decisions}${qualifiers.length ? `: ${qualifiers.join(', ')}` : ''}`;
}

/** Whether `If-None-Match` names this entity tag (weak comparison, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

app.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{site}/decisions.atom',
    tags: ['Decisions'],
    summary: 'Decisions as an Atom feed',
    description:
      'The filters of `GET …/decisions` as an Atom 1.0 feed (RFC 4287) for feed readers and CMS sidebars: newest meeting first, at most 50 entries, texts in `lang` (else in another language, marked with `xml:lang`). Answers carry an `ETag`; send it back in `If-None-Match` to get 304 when nothing changed.',
    request: { params: SiteParams, query: FeedQuery },
    responses: {
      200: { description: 'The feed', content: { 'application/atom+xml': { schema: z.string().openapi({ description: 'An Atom 1.0 feed document.' }) } } },
      304: { description: 'Not modified: the `ETag` sent in `If-None-Match` is current.' },
      ...errorResponses(400, 404),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const site = c.var.site;
    const url = new URL(c.req.url);
    const { organ, topic, district, from, to, q } = query;
    const rows = await listDecisions(c.env.DB, site.id, { organ, topic, district, from, to, q, case: query.case, limit: Math.min(query.limit, MAX_ENTRIES) });
    const mentioned = [...rows.flatMap((d) => [...d.topics, ...d.districts]), ...(topic ? [topic] : []), ...(district ? [district] : [])];
    const ctx: FeedContext = {
      site,
      lang: query.lang ?? site.defaultLang,
      tag: `tag:${url.hostname},${TAG_DATE}:`,
      origin: url.origin,
      labels: await termLabels(c.env.DB, site.id, mentioned),
    };
    // An organ's name comes with its decisions; a filtered feed that is empty still wants it in its title.
    const organRow = organ ? (rows[0] ?? (await listDecisions(c.env.DB, site.id, { organ, limit: 1 }))[0]) : undefined;
    const organName = organRow ? pick(organRow.organ.name, ctx.lang, site)?.text : undefined;
    const siteName = pick(site.name, ctx.lang, site)?.text ?? site.id;
    const updated = rows.reduce<string | null>((newest, d) => (newest && newest > d.updatedAt ? newest : d.updatedAt), null) ?? new Date().toISOString();

    const feed: XmlElement = {
      name: 'feed',
      attrs: { xmlns: ATOM, 'xml:lang': ctx.lang },
      children: present<XmlElement>([
        textElement('id', feedId(ctx, query)),
        textElement('title', feedTitle(ctx, query, organName), { type: 'text' }),
        textElement('updated', updated),
        { name: 'link', attrs: { rel: 'self', type: 'application/atom+xml', href: c.req.url } },
        site.origins[0] ? { name: 'link', attrs: { rel: 'alternate', type: 'text/html', href: site.origins[0] } } : null,
        { name: 'author', children: present([textElement('name', siteName)]) },
        textElement('generator', 'Osallistu', { version: c.env.VERSION }),
        ...rows.map((d) => entry(d, ctx)),
      ]),
    };
    const document = renderXmlDocument(feed);
    const etag = `"${(await sha256Hex(document)).slice(0, 32)}"`;
    const headers = { 'Cache-Control': PUBLIC_CACHE, ETag: etag };
    if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    return c.body(document, 200, { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' });
  },
);

export default app;
