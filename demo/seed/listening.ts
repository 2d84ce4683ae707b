/**
 * Residents' feedback on the demo's form `palaute`, so the listening report (issue 19,
 * GET …/listening) has a year's worth of something to group: all 652 texts of the labelled
 * evaluation set (test/listening/eval-*.json: Finnish, Swedish and English, twelve themes),
 * each filed under its own topic and, when it names one, its place as the location's address.
 *
 * Each is dated over the ten months before the seeding, with a story the report can find: it
 * is December (as everywhere in the demo: the winter poll closes at the end of it, the decisions
 * run up to November) and the first real snowfall was a couple of days ago, so winter
 * maintenance, which was quiet since March, rises sharply in the last 7 days; cycling is spring
 * and summer, parks and litter summer, construction noise the building season, dark streets
 * autumn, school places August. Everything else keeps a steady murmur.
 *
 * Deterministic: the dates come from a hash of each text's id, the season's weights and the
 * day it is seeded (a report only says "this week" of the seven days before now). The same day
 * gives the same dates; a seeding on a later day tells the same story up to that day. Seeded in
 * another month, the seasons follow the calendar but the snowfall is still last week.
 */
import { evaluationSet } from '../../test/listening/evaluation-set.ts';
import type { Labelled, Theme } from '../../test/listening/evaluation-set.ts';

/** A text of the set, with when it is said to have been sent (ISO 8601 UTC). */
export interface DemoFeedback extends Labelled {
  createdAt: string;
}

const DAY = 86_400_000;
/** How far back the feedback goes: ten months. */
const SPAN_DAYS = 304;

/**
 * How much each theme is written about in each calendar month, January first: relative weights,
 * only their shape within a theme matters (each theme has about 55 texts however it is spread).
 */
const SEASONS: Record<Theme, number[]> = {
  //         Jan  Feb  Mar  Apr  May  Jun  Jul  Aug  Sep  Oct  Nov  Dec
  winter:   [6.0, 6.0, 4.0, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0, 0.1, 1.0, 0.0],
  cycling:  [0.2, 0.2, 0.6, 3.0, 5.0, 5.0, 4.0, 5.0, 3.0, 1.0, 0.3, 0.2],
  park:     [0.4, 0.4, 0.5, 1.5, 4.0, 5.0, 5.0, 4.0, 2.0, 1.0, 0.4, 0.3],
  litter:   [0.6, 0.6, 0.8, 2.0, 5.0, 4.0, 4.0, 3.0, 1.5, 1.0, 0.8, 0.6],
  noise:    [0.8, 0.8, 1.0, 2.0, 3.0, 4.0, 3.0, 4.0, 3.0, 2.0, 1.0, 0.8],
  lighting: [3.0, 2.0, 1.0, 0.3, 0.2, 0.2, 0.2, 0.5, 2.0, 4.0, 5.0, 4.0],
  school:   [2.0, 2.0, 2.0, 2.0, 1.5, 0.3, 0.2, 5.0, 3.0, 2.0, 2.0, 1.0],
  bus:      [1.5, 1.5, 1.5, 1.5, 1.5, 1.0, 1.0, 4.0, 3.0, 1.5, 1.5, 1.5],
  sports:   [3.0, 3.0, 2.0, 1.0, 1.0, 1.5, 1.0, 1.5, 2.0, 2.0, 2.0, 2.0],
  library:  [1.5, 1.5, 1.5, 1.5, 1.5, 1.0, 0.8, 1.5, 1.5, 1.5, 1.5, 1.5],
  health:   [2.0, 1.5, 1.5, 1.5, 1.5, 1.0, 1.0, 1.5, 1.5, 1.5, 2.0, 2.0],
  traffic:  [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.0, 2.5, 2.0, 1.5, 1.5, 1.5],
};

/** The snowfall: this share of the winter texts falls in the last 7 days, most two or three days ago. */
const SNOWFALL_SHARE = 0.5;
const SNOWFALL_DAYS = [3, 5, 6, 5, 3, 1, 1]; // days ago 0…6

/** FNV-1a of `id:salt`, as a number in [0, 1). */
function unit(id: string, salt: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${id}:${salt}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/** The day `weights` (days ago → weight) puts at quantile `q`. */
function dayAt(weights: number[], q: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let d = 0; d < weights.length; d++) {
    sum += weights[d]!;
    if (sum / total > q) return d;
  }
  return weights.length - 1;
}

/**
 * The demo's feedback dated as of `now`, oldest first. Within a theme the texts are ordered by
 * the hash of their id and spread over the season's weights by quantile, so each theme follows
 * its curve without random clumps; the time of day (about 7 to 23 in Finland) is hashed too.
 */
export function demoFeedback(now = new Date()): DemoFeedback[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monthOf = (daysAgo: number) => new Date(today - daysAgo * DAY).getUTCMonth();
  const out: DemoFeedback[] = [];
  for (const [theme, texts] of Map.groupBy(evaluationSet(), (t) => t.theme)) {
    const ordered = [...texts].sort((a, b) => unit(a.id, 'order') - unit(b.id, 'order') || a.id.localeCompare(b.id));
    const snowfall = theme === 'winter' ? Math.round(ordered.length * SNOWFALL_SHARE) : 0;
    // Days ago 0…SPAN_DAYS by the season; for winter the snowfall week is apart, so it starts at day 7.
    const season = Array.from({ length: SPAN_DAYS + 1 }, (_, d) => (d < 7 && snowfall ? 0 : SEASONS[theme][monthOf(d)]!));
    ordered.forEach((t, i) => {
      const daysAgo = i < snowfall ? dayAt(SNOWFALL_DAYS, (i + 0.5) / snowfall) : dayAt(season, (i - snowfall + 0.5) / (ordered.length - snowfall));
      // 05:00–21:00 UTC: about 7–23 in Finland. Today's texts not yet written by now are yesterday's.
      let at = today - daysAgo * DAY + Math.floor((5 + 16 * unit(t.id, 'time')) * 3_600_000);
      if (at > now.getTime()) at -= DAY;
      out.push({ ...t, createdAt: new Date(at).toISOString() });
    });
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
