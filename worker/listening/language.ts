/**
 * Which of Finnish, Swedish and English a resident wrote in, from the text alone: the share of
 * each language's commonest short words, and letters only one of them uses (å is Swedish; the
 * double vowels and -ssa/-ssä endings are Finnish). A text with nothing to go on (a street name,
 * "ok") is the site's default language.
 */
import type { Lang } from '../schema/common.ts';

/** Very common words, the ones a detector can rely on (few, distinct between the three). */
const COMMON: Record<Lang, ReadonlySet<string>> = {
  fi: new Set('ja on ei se että kun mutta ole oli ovat myös tai jo nyt vielä kuin niin mitä mikä joka ihan aina pitäisi pitäis olisi voisi tämä tää tuo toi siellä täällä minä mä meidän teidän kiitos hei miksi koska koko jos vaan vain enää erittäin todella paljon liian sen sitä ne'.split(' ')),
  sv: new Set('och är inte det att som men har var också eller redan nu än så vad vilken jag vi ni på för med till av om från den detta där här tack hej varför eftersom hela bara mycket borde skulle kunde int nå he e'.split(' ')),
  en: new Set('and is not the that when but have was also or already now than so what which i we you on for with to of from this there here thanks hello hi why because all only very too should would could please my our'.split(' ')),
};

export function detectLanguage(text: string, fallback: Lang = 'fi'): Lang {
  const lower = text.toLowerCase();
  const words = lower.match(/\p{L}+/gu) ?? [];
  const score: Record<Lang, number> = { fi: 0, sv: 0, en: 0 };
  for (const word of words) for (const lang of ['fi', 'sv', 'en'] as const) if (COMMON[lang].has(word)) score[lang] += 1;
  score.sv += 2 * (lower.match(/å/g)?.length ?? 0);
  score.fi += (lower.match(/(?:aa|ää|ii|uu|yy|öö)|ss[aä]\b|ll[aä]\b|st[aä]\b|\p{L}+isi\b/gu)?.length ?? 0) * 0.5;
  const best = (['fi', 'sv', 'en'] as const).reduce((a, b) => (score[b] > score[a] ? b : a));
  return score[best] > 0 ? best : fallback;
}
