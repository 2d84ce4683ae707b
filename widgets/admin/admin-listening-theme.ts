import { css, html, nothing, svg } from 'lit';
import type { ListeningReport, Theme } from '../../worker/schema/listening.ts';
import { formatDate, formatPercent, LOCALES } from '../core/format.ts';
import type { LocalizedValue } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import type { ListeningMessages } from './locales/listening/messages.ts';
import { inLang } from './ui/content-lang.ts';

type Quote = Theme['quotes'][number];
type Rising = ListeningReport['rising'];

/** What a theme's parts need from the view: its words, its language, a topic's name. */
export interface ThemeContext {
  l: ListeningMessages;
  lang: Lang;
  /** A topic (a form's category id) by its name, in the language it is really in. */
  topic: (id: string) => LocalizedValue;
}

/** Counts and averages as the language writes them ("2,5" in Finnish and Swedish). */
export const formatNumber = (n: number, lang: Lang, digits = 2) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(n);

/** A resident's word, marked with the language it was written in (a theme may hold several). */
const word = (w: { word: string; lang: string }) => html`<span lang=${w.lang}>${w.word}</span>`;

/** A bar of `share` (0…1), drawn in SVG (attributes, not style: the console's CSP allows it); the number beside it says the same. */
const shareBar = (share: number) =>
  html`<svg class="share-bar" aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none">
    ${svg`<rect x="0" y="0" width="100" height="10" fill="currentColor" opacity="0.12"></rect><rect x="0" y="0" width=${Math.max(0, Math.min(100, share * 100)).toFixed(2)} height="10" fill="currentColor"></rect>`}
  </svg>`;

export const themeStyles = css`
  ol.themes {
    list-style: none;
    margin: 0 0 2rem;
    padding: 0;
  }
  ol.themes > li {
    border-block-end: 1px solid var(--_border);
    padding-block: 1rem;
  }
  .theme h4 {
    margin: 0 0 0.5rem;
    font-size: 1.15em;
  }
  .theme h5 {
    margin: 0.75rem 0 0.5rem;
    font-size: 1em;
  }
  .theme p {
    margin: 0 0 0.5rem;
  }
  .share {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .share-bar {
    display: block;
    inline-size: min(16rem, 100%);
    block-size: 0.9rem;
    color: var(--_accent);
  }
  ul.quotes {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  figure.quote {
    margin: 0;
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: 0.75rem;
  }
  figure.quote blockquote {
    margin: 0 0 0.25rem;
    white-space: pre-wrap;
    overflow-wrap: break-word;
  }
  figure.quote figcaption {
    color: var(--_muted);
    font-size: 0.9em;
  }
  figure.quote figcaption a {
    color: var(--_accent);
  }
  /* On a narrow screen the table's rows become cards: its caption spans them, not a column of its own. */
  @container (max-width: 40rem) {
    .rising table.responsive > caption {
      display: block;
    }
  }
  /* A removal: its kind in words, set apart by a dashed frame as well as by its brackets, never by colour alone. */
  .removed {
    display: inline-block;
    padding: 0 0.3em;
    border: 1px dashed currentColor;
    border-radius: 0.25em;
    background: color-mix(in srgb, currentColor 8%, transparent);
    font-size: 0.9em;
    font-style: italic;
    white-space: nowrap;
  }
`;

/** "fi 30, sv 18" as "suomi 30, ruotsi 18". */
export const languageList = (languages: Partial<Record<Lang, number>>, ctx: Pick<ThemeContext, 'l'>) =>
  Object.entries(languages)
    .map(([lang, count]) => ctx.l.counted(ctx.l.languages[lang as Lang], count!))
    .join(', ');

/** A theme's words, topics or places: counted, in order, or "none". */
const counted = <T>(items: T[], ctx: ThemeContext, part: (item: T) => unknown) =>
  items.length ? items.map((item, i) => html`${i ? ', ' : ''}${part(item)}`) : ctx.l.none;

/** A theme's name: its words, as residents wrote them, in their language when the theme has one. */
export const themeName = (theme: Theme, ctx: ThemeContext) =>
  theme.name.length ? html`<span class="theme-name">${theme.terms.slice(0, theme.name.length).map((w, i) => html`${i ? ', ' : ''}${word(w)}`)}</span>` : ctx.l.unnamed;

/** One theme: its name, size and share, trend, words, topics, places, languages and quotes. */
export function renderTheme(theme: Theme, ctx: ThemeContext) {
  const { l, lang } = ctx;
  const id = `theme-${theme.id}`;
  return html`<li class="theme" data-theme=${theme.id}>
    <h4 id=${id}>${l.theme(theme.id)} ${themeName(theme, ctx)}</h4>
    <p class="share"><span class="size">${l.size(theme.size, formatPercent(theme.share, lang))}</span>${shareBar(theme.share)}</p>
    <p class="trend">${l.trend(theme.trend.thisWeek, formatNumber(theme.trend.weeklyBefore, lang))}</p>
    <dl class="facts">
      <dt>${l.words}</dt>
      <dd class="words">${counted(theme.terms, ctx, (t) => html`${word(t)} (${t.texts})`)}</dd>
      <dt>${l.topics}</dt>
      <dd class="topics">${counted(theme.topics, ctx, (t) => html`${inLang(ctx.topic(t.value), lang)} (${t.count})`)}</dd>
      <dt>${l.places}</dt>
      <dd class="places">${counted(theme.places, ctx, (p) => html`${word({ word: p.value, lang: p.lang })} (${p.count})`)}</dd>
      <dt>${l.themeLanguages}</dt>
      <dd class="languages">${languageList(theme.languages, ctx) || l.none}</dd>
    </dl>
    <h5 id=${`${id}-quotes`}>${l.quotesHeading}</h5>
    <ul class="quotes" aria-labelledby=${`${id}-quotes ${id}`}>
      ${theme.quotes.map((q) => html`<li>${renderQuote(q, ctx)}</li>`)}
    </ul>
  </li>`;
}

/**
 * A resident's words in their own language, each removal a marked "[email removed]" in the
 * console's; under it where it came from: a feedback linked to the console's feedback view by its
 * reference, or a statement by its conversation and number.
 */
export function renderQuote(q: Quote, ctx: ThemeContext) {
  const { l, lang } = ctx;
  const parts = q.parts.map((part) => (typeof part === 'string' ? part : html`<span class="removed" data-removed=${part.redacted} lang=${lang}>${l.removed[part.redacted]}</span>`));
  const hash = q.ref.lastIndexOf('#');
  const source =
    q.source === 'feedback'
      ? html`<a href=${`#feedback/${encodeURIComponent(q.ref)}`} data-ref=${q.ref}>${l.feedback(q.ref)}</a>`
      : html`<span class="statement-ref" data-ref=${q.ref}>${l.statement(q.ref.slice(0, hash), q.ref.slice(hash + 1))}</span>`;
  return html`<figure class="quote">
    <blockquote lang=${q.lang}>${parts}</blockquote>
    <figcaption>${source} · <time datetime=${q.createdAt}>${formatDate(q.createdAt, lang, 'medium')}</time></figcaption>
  </figure>`;
}

/** What rose in the last 7 days against the 8 weeks before: words, then themes, each a table with its counts. */
export function renderRising(rising: Rising, themes: Theme[], ctx: ThemeContext) {
  const { l, lang } = ctx;
  const r = l.rising;
  const head = (first: string) => html`<thead>
    <tr>
      <th scope="col">${first}</th>
      <th scope="col" class="num">${r.recent}</th>
      <th scope="col" class="num">${r.recentTotal}</th>
      <th scope="col" class="num">${r.before}</th>
      <th scope="col" class="num">${r.beforeTotal}</th>
      <th scope="col" class="num">${r.growth}</th>
    </tr>
  </thead>`;
  const counts = (row: Rising['terms'][number] | Rising['themes'][number]) => html`<td class="num" data-label=${r.recent}>${row.recent}</td>
    <td class="num" data-label=${r.recentTotal}>${row.recentTotal}</td>
    <td class="num" data-label=${r.before}>${row.before}</td>
    <td class="num" data-label=${r.beforeTotal}>${row.beforeTotal}</td>
    <td class="num" data-label=${r.growth}>${formatNumber(row.growth, lang, 1)}</td>`;
  const nameOf = (n: number) => {
    const theme = themes.find((t) => t.id === n);
    return theme ? themeName(theme, ctx) : '';
  };
  return html`<section class="rising" aria-labelledby="rising-heading">
    <h3 id="rising-heading">${r.heading}</h3>
    <p class="hint">${r.intro}</p>
    ${rising.terms.length
      ? html`<div class="table-wrap">
          <table class="responsive rising-terms">
            <caption>${r.termsCaption}</caption>
            ${head(r.word)}
            <tbody>
              ${rising.terms.map((row) => html`<tr><th scope="row">${word(row)}</th>${counts(row)}</tr>`)}
            </tbody>
          </table>
        </div>`
      : html`<p class="no-terms">${r.noTerms}</p>`}
    ${rising.themes.length
      ? html`<div class="table-wrap">
          <table class="responsive rising-themes">
            <caption>${r.themesCaption}</caption>
            ${head(r.theme)}
            <tbody>
              ${rising.themes.map((row) => html`<tr><th scope="row">${l.theme(row.theme)} ${nameOf(row.theme)}</th>${counts(row)}</tr>`)}
            </tbody>
          </table>
        </div>`
      : html`<p class="no-themes">${r.noThemes}</p>`}
  </section>`;
}
