/**
 * A resident's text as the terms the themes are made of. Per word, in the text's own language:
 *
 * - lower case, stop words out (Orama's Snowball-derived lists, plus the spoken forms residents
 *   write: "mä", "oo", "int");
 * - the Snowball stem (Orama's ports of the Finnish, Swedish and English stemmers), with ä, ö and
 *   å folded, so "lumitöitä" and a keyboard without them ("lumitoita") meet;
 * - the stem's first five letters, the truncation that serves Finnish about as well as a stemmer
 *   and catches what it does not (McNamee, Nicholas and Mayfield, "Addressing morphological
 *   variation in alphabetic languages", SIGIR 2009): "pyöräteiden" and "pyörätie" stem apart
 *   (pyörät, pyörätie) but share "pyora";
 * - the parts of a compound, split where both parts are words of the same corpus
 *   (`compoundParts`): "gatubelysning" also counts as "belysning", "katuvalot" as "valo";
 * - the municipal concepts of concepts.ts, which bridge Finnish, Swedish and English
 *   ("cykelväg", "pyörätie" and "cycle path" all count as the concept bicycle).
 *
 * Each word also remembers how it was written, so a theme is named by words a person wrote
 * ("pyöräteiden"), not by stems ("pyörät").
 */
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemFi } from '@orama/stemmers/finnish';
import { stemmer as stemSv } from '@orama/stemmers/swedish';
import { stopwords as stopEn } from '@orama/stopwords/english';
import { stopwords as stopFi } from '@orama/stopwords/finnish';
import { stopwords as stopSv } from '@orama/stopwords/swedish';
import type { Lang } from '../schema/common.ts';
import { conceptsOf } from './concepts.ts';

const STEM: Record<Lang, (word: string) => string> = { fi: stemFi, sv: stemSv, en: stemEn };

/** The lists, and what residents write that they lack: spoken forms, filler, and the words every piece of feedback has. */
const STOP: Record<Lang, ReadonlySet<string>> = {
  fi: new Set([...stopFi, ...'mä sä me te ne oo ois olis ollu ei en et emme ette eivät tää toi noi nää ton tän sit sitte sitten vaan vain ihan aika tosi kyllä kans myös jo vielä nyt taas joka jotain jotka mitään mikään kaikki kaikkia aina koskaan voisi voisiko voitaisiinko pitäisi pitäis pitää täytyy tulee tehdä saada kiitos hei moi terveisin ystävällisin kaupunki kaupungin kunta kunnan koivulahti koivulahden asia asiaa asiasta koko pois todella milloin onko eikä liian pääse joutuu joutui paljon vähän enemmän kiva hyvä huono iso pieni uusi uuden vanha viikko viikkoa päivä päivää vuosi vuotta kerta kertaa aamu aamulla illalla'.split(' ')]),
  sv: new Set([...stopSv, ...'int inte nå he e ju nog väl också redan bara mycket skulle borde kunde kan måste ska får tack hej hälsningar vänliga staden stadens kommunen kommunens björkby sak saken längs bland två tre dag dagar vecka veckor år gång gånger bra dålig dåligt stor liten ny nya gammal mycket lite full hela'.split(' ')]),
  en: new Set([...stopEn, ...'also really just please thanks thank hello hi dear regards would could should get got city town council koivulahti thing things good bad big small new old day days week weeks year years time times lot people'.split(' ')]),
};

/** ä, ö, å (and accents) to their bare letters: the stems of "pyörätie" and "pyoratie" meet. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

export interface Word {
  /** The Snowball stem, folded. */
  stem: string;
  /** As the resident wrote it, lower case. */
  written: string;
}

/**
 * Every word met, per language, as one shared object: a year of feedback has some 2 million
 * words but only tens of thousands of different ones, each stemmed once. Cleared when it grows
 * past `KEPT_WORDS`, so an isolate that serves many sites does not grow without end.
 */
const seen = new Map<string, Word | null>();
const KEPT_WORDS = 200_000;

function word(part: string, lang: Lang): Word | null {
  const key = `${lang}:${part}`;
  let found = seen.get(key);
  if (found === undefined) {
    if (seen.size >= KEPT_WORDS) seen.clear();
    found = part.length < 3 || STOP[lang].has(part) ? null : { stem: fold(STEM[lang](part)), written: part };
    seen.set(key, found);
  }
  return found;
}

/** The words of a text that carry meaning: stop words, numbers and one- or two-letter words out. The same word is the same object. */
export function words(text: string, lang: Lang): Word[] {
  const out: Word[] = [];
  for (const match of text.toLowerCase().matchAll(/\p{L}+(?:[-']\p{L}+)*/gu)) {
    const written = match[0];
    if (written.length < 3 || STOP[lang].has(written)) continue;
    for (const part of written.split(/[-']/)) {
      const w = word(part, lang);
      if (w) out.push(w);
    }
  }
  return out;
}

/** Truncation length: "pyöräteiden" → "pyora". */
const PREFIX = 5;
/** A compound's parts are each at least this long ("tie", "väg"). */
const PART = 3;

/**
 * Where a stem splits into two words this corpus also has on their own: "gatubelysning" →
 * "gatu" + "belysning" (when "belysning" is a stem here, and "gat" or "gatu" is), "katuvalo" →
 * "katu" + "valo". A linking letter between them (gatu-, hälso-, trafik-s-) is allowed on the
 * first part. Without such evidence a long word is left whole.
 */
export function compoundParts(stem: string, known: (stem: string) => boolean): string[] {
  if (stem.length < 2 * PART + 1) return [];
  for (let i = PART; i <= stem.length - PART; i++) {
    const head = stem.slice(0, i);
    const tail = stem.slice(i);
    if (!known(tail)) continue;
    if (known(head)) return [head, tail];
    if (head.length > PART && /[aeiosu]$/.test(head) && known(head.slice(0, -1))) return [head.slice(0, -1), tail];
  }
  return [];
}

/** The feature names: kinds apart, so a stem and a prefix that happen to be equal stay two terms. */
export const term = {
  stem: (s: string) => `s:${s}`,
  prefix: (s: string) => `p:${s}`,
  part: (s: string) => `s:${s}`,
  concept: (c: string) => `c:${c}`,
};

/** How much each kind of term weighs beside a whole stem. */
export const WEIGHT: Record<'s' | 'p' | 'c', number> = { s: 1, p: 0.6, c: 2 };

/**
 * A word's terms (a term's count in a text is how often its words give it). Compound parts need
 * the whole corpus first: a part counts only when it is a word of its own in `texts`. A word's
 * terms are the same wherever it is, so they are made once per word, as shared strings, and no
 * text's list of terms is ever built. `concepts: false` leaves the glossary out (the bench
 * measures what it adds).
 */
export function termMaker(texts: Word[][], { concepts = true } = {}): (w: Word) => string[] {
  const df = new Map<string, number>();
  for (const ws of texts) for (const stem of new Set(ws.map((w) => w.stem))) df.set(stem, (df.get(stem) ?? 0) + 1);
  const known = (stem: string) => (df.get(stem) ?? 0) >= 2;
  const made = new Map<Word, string[]>();
  return (w: Word) => {
    let out = made.get(w);
    if (!out) {
      out = [term.stem(w.stem)];
      if (w.stem.length > PREFIX) out.push(term.prefix(w.stem.slice(0, PREFIX)));
      for (const part of compoundParts(w.stem, known)) out.push(term.part(part));
      if (concepts) for (const concept of conceptsOf(fold(w.written))) out.push(term.concept(concept));
      made.set(w, out);
    }
    return out;
  };
}
