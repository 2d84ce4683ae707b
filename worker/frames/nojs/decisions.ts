/**
 * The council's decisions without JavaScript, read only: a search form (GET), the newest
 * decisions (of one organ, or all) as a list of links, a link to the next page, and one
 * decision's text on its own (`decision=ID`). Everything comes from the public API.
 */
import { html, raw } from 'hono/html';
import { callApi, sitePath } from './api.ts';
import type { FallbackContext } from './context.ts';
import { dateOf, getForm, langOf, linkTo, notice, shown, textOf } from './parts.ts';
import { stringsFor } from './strings/index.ts';
import type { Lang } from '../../schema/common.ts';

type Text = Partial<Record<Lang, string>>;
type Outcome = 'passed' | 'passed_amended' | 'rejected' | 'tabled' | 'returned' | 'voted';

interface Summary {
  id: string;
  organ: { id: string; name: Text };
  meeting: { date: string };
  section: string | null;
  caseId: string | null;
  title: Text;
  summary: Text | null;
  outcome: Outcome;
  topics: string[];
  districts: string[];
}

interface Full extends Summary {
  bodyHtml: Text | null;
  attachments: { title: Text; url: string; public: boolean }[];
  sourceUrl: string | null;
  labels: Record<string, Text>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const CURSOR = /^[A-Za-z0-9_.:=-]{1,200}$/;

/** The decision's body (safe HTML from the server's Markdown), its headings below the decision's own. */
const bodyOf = (source: string) =>
  raw(source.replace(/<(\/?)h([1-6])>/g, (_m, slash: string, n: string) => `<${slash}h${Math.min(6, 3 + Math.max(0, Number(n) - 2))}>`));

function meta(ctx: FallbackContext, d: Summary) {
  const t = stringsFor(ctx.lang).reading;
  return [textOf(ctx, d.organ.name), dateOf(ctx, d.meeting.date), d.section ? t.section(d.section) : ''].filter(Boolean).join(' · ');
}

/** A topic or a district by its label in the page's language, else its slug (Finnish, and marked so). */
const term = (ctx: FallbackContext, labels: Record<string, Text>, value: string) => {
  const label = labels[value]?.[ctx.lang];
  return label ? html`${label}` : ctx.lang === 'fi' ? html`${value}` : html`<span lang="fi">${value}</span>`;
};

/** "Aiheet: Koulut, Liikenne" and "Alueet: Keskusta", as one paragraph; nothing when there are none. */
function termsOf(ctx: FallbackContext, d: Pick<Full, 'topics' | 'districts' | 'labels'>) {
  const t = stringsFor(ctx.lang).reading;
  const lines = ([[t.topics, d.topics], [t.districts, d.districts]] as const)
    .filter(([, values]) => values.length)
    .map(([heading, values]) => html`<strong>${heading}:</strong> ${values.map((v, i) => html`${i ? ', ' : ''}${term(ctx, d.labels, v)}`)}`);
  return lines.length ? html`<p class="nojs-terms">${lines.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p>` : '';
}

async function renderOne(ctx: FallbackContext, id: string) {
  const t = stringsFor(ctx.lang);
  const back = html`<p><a href="${linkTo(ctx)}">${t.reading.back}</a></p>`;
  const answer = await callApi<Full>(ctx.c, sitePath(ctx.site.id, `decisions/${encodeURIComponent(id)}`));
  if (!answer.ok) {
    ctx.status = answer.status === 429 ? 429 : 404;
    return html`<div class="nojs nojs-decisions">${notice(answer.status === 429 ? t.rateLimited : t.notFound, 'warning')}${back}</div>`;
  }
  const d = answer.data;
  const body = d.bodyHtml ? textOf(ctx, d.bodyHtml) : '';
  const attachments = d.attachments.filter((a) => a.public);
  return html`<div class="nojs nojs-decisions">${back}<article class="nojs-decision"><h2>${shown(ctx, d.title)}</h2><p class="nojs-meta">${meta(ctx, d)}${d.caseId ? html`<br>${t.reading.caseId(d.caseId)}` : ''}</p><p><strong>${t.reading.outcomeLabel}</strong> ${t.reading.outcome[d.outcome]}</p>${termsOf(ctx, d)}${
    d.summary ? html`<p class="nojs-description">${shown(ctx, d.summary)}</p>` : ''
  }${body ? html`<div class="nojs-body" lang="${langOf(ctx, d.bodyHtml)}">${bodyOf(body)}</div>` : ''}${
    attachments.length ? html`<h3>${t.reading.attachments}</h3><ul>${attachments.map((a) => html`<li><a href="${a.url}">${shown(ctx, a.title)}</a></li>`)}</ul>` : ''
  }${d.sourceUrl ? html`<p><a href="${d.sourceUrl}">${t.reading.source}</a></p>` : ''}</article></div>`;
}

export async function renderDecisions(ctx: FallbackContext) {
  const t = stringsFor(ctx.lang);
  const one = ctx.url.searchParams.get('decision');
  if (one !== null) {
    if (SLUG.test(one)) return renderOne(ctx, one);
    ctx.status = 404;
    return html`<div class="nojs nojs-decisions">${notice(t.notFound, 'warning')}<p><a href="${linkTo(ctx)}">${t.reading.back}</a></p></div>`;
  }
  const q = (ctx.url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const cursor = ctx.url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: '20' });
  if (ctx.id !== 'all') query.set('organ', ctx.id);
  if (q) query.set('q', q);
  if (cursor && CURSOR.test(cursor)) query.set('cursor', cursor);
  const answer = await callApi<{ items: Summary[]; nextCursor: string | null; labels: Record<string, Text> }>(ctx.c, sitePath(ctx.site.id, `decisions?${query}`));
  const search = getForm(
    ctx,
    t.reading.search,
    t.reading.searchButton,
    html`<div class="nojs-field"><label for="nojs-q">${t.reading.search}</label><input type="search" id="nojs-q" name="q" value="${q}"></div>`,
  );
  if (!answer.ok) {
    ctx.status = answer.status === 429 ? 429 : 400;
    return html`<div class="nojs nojs-decisions">${search}${notice(answer.status === 429 ? t.rateLimited : t.reading.noDecisions, 'warning')}</div>`;
  }
  const { items, nextCursor, labels } = answer.data;
  const heading = q ? t.reading.foundFor(q) : t.reading.newest;
  const list = items.length
    ? html`<ul class="nojs-list">${items.map(
        (d) =>
          html`<li><h3><a href="${linkTo(ctx, { decision: d.id })}">${shown(ctx, d.title)}</a></h3><p class="nojs-meta">${meta(ctx, d)} · ${t.reading.outcome[d.outcome]}</p>${
            d.summary ? html`<p>${shown(ctx, d.summary)}</p>` : ''
          }${termsOf(ctx, { ...d, labels })}</li>`,
      )}</ul>`
    : html`<p>${q ? t.reading.emptyFor(q) : t.reading.noDecisions}</p>`;
  const more = nextCursor ? html`<p><a href="${linkTo(ctx, { ...(q ? { q } : {}), cursor: nextCursor })}">${t.reading.loadMore}</a></p>` : '';
  return html`<div class="nojs nojs-decisions">${search}<h2>${heading}</h2>${list}${more}</div>`;
}
