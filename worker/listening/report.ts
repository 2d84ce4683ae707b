/**
 * The Monday-morning report: residents' texts grouped into themes, each named by its own words,
 * with its size, its trend, its topics and places, and 3–5 texts quoted exactly (personal data
 * shown as removed); and what rose in the last week. No language model and nothing fetched:
 * terms.ts, cluster.ts and redact.ts, all here.
 *
 * Tone (negative / positive) is left out: no Finnish and Swedish sentiment lexicon could be
 * brought in here and cited, and a made-up one would be a claim without evidence.
 */
import type { Lang } from '../schema/common.ts';
import type { ListeningReport, Theme } from '../schema/listening.ts';
import { alike, kmeans, reduce, sampleOf, similarity, vectorise } from './cluster.ts';
import type { Grouping, SparseVector } from './cluster.ts';
import { detectLanguage } from './language.ts';
import { redact } from './redact.ts';
import { termMaker, words } from './terms.ts';
import type { Word } from './terms.ts';

/** One thing a resident wrote. */
export interface ListenedText {
  source: 'feedback' | 'statement';
  ref: string;
  form: string | null;
  topic: string | null;
  /** A street or place, without a house number. */
  place: string | null;
  createdAt: string;
  /** The language the resident chose, if any: what a text too short to tell is taken to be. */
  lang: Lang | null;
  text: string;
}

export interface ListenOptions {
  /** The end of the period: "this week" is the 7 days before it. */
  now: Date;
  /** How many themes; by default √(texts / 3), between 2 and 16. */
  themes?: number;
  /** Only texts in this language. */
  lang?: Lang;
  fallbackLang: Lang;
  /** Whether the glossary of municipal concepts joins the languages (default yes; the bench also measures without). */
  concepts?: boolean;
}

const DAY = 86_400_000;
/** The dimensions the texts are reduced to before grouping (cluster.ts reduce). */
const RANK = 40;
/** k-means runs from this many seeds, and the tightest grouping is kept. */
const SEEDS = 5;
const QUOTES = { min: 3, max: 5 };

const countBy = (values: (string | null)[]) => {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count }));
};
/** The language most of `langs` are (the first of the commonest). */
const mostly = (langs: Lang[]) => countBy(langs)[0]!.value as Lang;
const langCounts = (langs: Lang[]) => Object.fromEntries(countBy(langs).map(({ value, count }) => [value, count])) as Partial<Record<Lang, number>>;
/** The share now over the share before, each smoothed by one text. */
const growth = (recent: number, recentTotal: number, before: number, beforeTotal: number) => (recent + 1) / (recentTotal + 2) / ((before + 1) / (beforeTotal + 2));

/**
 * The grouping whose texts sit closest to their centres, of `SEEDS` runs on a sample of the
 * texts (cluster.ts sampleOf); then every text is placed and the centres settled on all of them.
 */
function bestGrouping(vs: SparseVector[], dims: number, k: number): Grouping {
  const sample = sampleOf(vs);
  let best: { fit: number; grouping: Grouping } | null = null;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const grouping = kmeans(sample, dims, k, seed);
    let fit = 0;
    sample.forEach((v, i) => grouping.assignment[i]! >= 0 && (fit += similarity(v, grouping.centres[grouping.assignment[i]!]!)));
    if (!best || fit > best.fit) best = { fit, grouping };
  }
  return sample === vs ? best!.grouping : kmeans(vs, dims, k, 1, 5, best!.grouping.centres);
}

/** The texts kept (by language), what each says, and their grouping: `listen` reports on it, the bench scores it. */
export function analyse(all: ListenedText[], options: ListenOptions) {
  // Personal data out before anything is read: a name or an address must not become a theme's word.
  const cleaned = all.map((t) => redact(t.text).filter((p): p is string => typeof p === 'string').join(' '));
  const detected = all.map((t, i) => detectLanguage(cleaned[i]!, t.lang ?? options.fallbackLang));
  // In an order of their own (by text), so the same texts give the same themes however they were read.
  const keep = all
    .flatMap((_, i) => (!options.lang || detected[i] === options.lang ? [i] : []))
    .sort((a, b) => (all[a]!.text < all[b]!.text ? -1 : all[a]!.text > all[b]!.text ? 1 : all[a]!.ref < all[b]!.ref ? -1 : 1));
  const texts = keep.map((i) => all[i]!);
  const langs = keep.map((i) => detected[i]!);
  const ws: Word[][] = keep.map((i, n) => words(cleaned[i]!, langs[n]!));
  const { vocabulary, vectors } = vectorise(ws, termMaker(ws, { concepts: options.concepts ?? true }));
  const { vectors: reduced, dims } = reduce(vectors, vocabulary.length, RANK);
  const placed = reduced.filter((v) => v.index.length).length;
  const k = Math.min(placed, options.themes ?? Math.max(2, Math.min(16, Math.round(Math.sqrt(placed / 3)))));
  const grouping = placed ? bestGrouping(reduced, dims, k) : { assignment: new Int32Array(texts.length).fill(-1), centres: [] };
  return { texts, langs, ws, reduced, grouping };
}

export function listen(all: ListenedText[], options: ListenOptions): Omit<ListeningReport, 'period' | 'generatedAt'> {
  const { texts, langs, ws, reduced, grouping } = analyse(all, options);
  const now = options.now.getTime();
  const age = texts.map((t) => now - Date.parse(t.createdAt));
  const recent = (i: number) => age[i]! < 7 * DAY;
  const before = (i: number) => age[i]! >= 7 * DAY && age[i]! < 63 * DAY;
  const recentTotal = age.filter((_, i) => recent(i)).length;
  const beforeTotal = age.filter((_, i) => before(i)).length;

  // How residents wrote each stem most often, and in which language: a theme is named by words, not stems.
  const written = new Map<string, Map<string, { count: number; lang: Lang }>>();
  ws.forEach((list, i) => {
    for (const w of list) {
      const forms = written.get(w.stem) ?? written.set(w.stem, new Map()).get(w.stem)!;
      const key = `${langs[i]}:${w.written}`;
      const form = forms.get(key) ?? forms.set(key, { count: 0, lang: langs[i]! }).get(key)!;
      form.count++;
    }
  });
  const asWritten = (stem: string) => {
    const [key, form] = [...written.get(stem)!].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))[0]!;
    return { word: key.slice(3), lang: form.lang };
  };
  // Each text's different stems, once each (as arrays: sixty thousand Sets would weigh more).
  const stemsOf = ws.map((list) => [...new Set(list.map((w) => w.stem))]);

  const members = grouping.centres.map((_, g) => texts.flatMap((_, i) => (grouping.assignment[i] === g ? [i] : [])));
  // A theme's words: the stems whose share of its texts most exceeds their share of all texts.
  const stemTexts = new Map<string, number>();
  for (const set of stemsOf) for (const s of set) stemTexts.set(s, (stemTexts.get(s) ?? 0) + 1);
  const themes = members
    .map((ids, g): Omit<Theme, 'id'> & { g: number } => {
      const inTheme = new Map<string, number>();
      for (const i of ids) for (const s of stemsOf[i]!) inTheme.set(s, (inTheme.get(s) ?? 0) + 1);
      const distinctive = [...inTheme]
        .filter(([s, n]) => n >= 2 && n / ids.length > stemTexts.get(s)! / texts.length)
        .map(([s, n]) => ({ s, n, lift: n / ids.length - stemTexts.get(s)! / texts.length }))
        .sort((a, b) => b.lift - a.lift || a.s.localeCompare(b.s))
        .slice(0, 10);
      const nearest = [...ids].sort((a, b) => similarity(reduced[b]!, grouping.centres[g]!) - similarity(reduced[a]!, grouping.centres[g]!));
      const quoted: number[] = [];
      for (const i of nearest) {
        if (quoted.length >= QUOTES.max) break;
        // Not two that say nearly the same thing in the same words, while others are left.
        if (quoted.some((q) => alike(reduced[i]!, reduced[q]!) > 0.95) && nearest.length - quoted.length > QUOTES.min) continue;
        quoted.push(i);
      }
      const thisWeek = ids.filter(recent).length;
      return {
        g,
        name: distinctive.slice(0, 3).map((d) => asWritten(d.s).word),
        terms: distinctive.map((d) => ({ ...asWritten(d.s), texts: d.n })),
        size: ids.length,
        share: texts.length ? ids.length / texts.length : 0,
        trend: { thisWeek, weeklyBefore: ids.filter((i) => age[i]! >= 7 * DAY && age[i]! < 35 * DAY).length / 4 },
        topics: countBy(ids.map((i) => texts[i]!.topic)),
        places: countBy(ids.map((i) => texts[i]!.place)).map((p) => ({ ...p, lang: mostly(ids.filter((i) => texts[i]!.place === p.value).map((i) => langs[i]!)) })),
        languages: langCounts(ids.map((i) => langs[i]!)),
        quotes: quoted.map((i) => {
          const t = texts[i]!;
          return { source: t.source, ref: t.ref, form: t.form, createdAt: t.createdAt, lang: langs[i]!, parts: redact(t.text) };
        }),
      };
    })
    .filter((t) => t.size > 0)
    .sort((a, b) => b.size - a.size || a.g - b.g);
  const themeOf = new Map(themes.map((t, n) => [t.g, n + 1]));

  const risingThemes = themes
    .map((t, n) => {
      const ids = members[t.g]!;
      const r = ids.filter(recent).length;
      const b = ids.filter(before).length;
      return { theme: n + 1, recent: r, recentTotal, before: b, beforeTotal, growth: growth(r, recentTotal, b, beforeTotal) };
    })
    .filter((t) => t.recent >= 3 && t.growth > 1)
    .sort((a, b) => b.growth - a.growth);
  const recentStems = new Map<string, number>();
  const beforeStems = new Map<string, number>();
  stemsOf.forEach((set, i) => {
    const into = recent(i) ? recentStems : before(i) ? beforeStems : null;
    if (into) for (const s of set) into.set(s, (into.get(s) ?? 0) + 1);
  });
  const risingTerms = [...recentStems]
    .filter(([, n]) => n >= 3)
    .map(([s, r]) => ({ ...asWritten(s), recent: r, recentTotal, before: beforeStems.get(s) ?? 0, beforeTotal, growth: growth(r, recentTotal, beforeStems.get(s) ?? 0, beforeTotal) }))
    .filter((t) => t.growth > 1)
    .sort((a, b) => b.growth - a.growth || b.recent - a.recent || a.word.localeCompare(b.word))
    .slice(0, 15);

  return {
    texts: texts.length,
    unthemed: texts.length - [...grouping.assignment].filter((g) => g >= 0 && themeOf.has(g)).length,
    languages: langCounts(langs),
    themes: themes.map(({ g, ...t }) => ({ id: themeOf.get(g)!, ...t })),
    rising: { terms: risingTerms, themes: risingThemes.slice(0, 10) },
  };
}
