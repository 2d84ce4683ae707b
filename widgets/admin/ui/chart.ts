import { html, nothing, svg } from 'lit';

/** One bar: its label (with its language when that is not the console's), its count. */
export interface Bar {
  label: string;
  lang?: string;
  value: number;
}

/** Column names and number formats for the charts, in the console's language. */
export interface ChartTexts {
  /** The first column's name ("Vaihtoehto", "Päivä"). */
  label: string;
  /** The count's name ("Vastauksia"). */
  value: string;
  /** The share's name ("Osuus"); no share column without it. */
  share?: string;
  /** A share as the language writes it ("40 %"). */
  percent?: (share: number) => string;
  /** The bar column's name, read out but not seen ("Kaavio"). */
  chart: string;
}

/** A bar of `share` (0…1) of its cell, drawn in SVG (attributes, not style: the console's CSP allows it). */
const barSvg = (share: number) =>
  html`<svg class="bar" aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none">
    ${svg`<rect x="0" y="0" width="100" height="10" fill="currentColor" opacity="0.12"></rect><rect x="0" y="0" width=${Math.max(0, Math.min(100, share * 100)).toFixed(2)} height="10" fill="currentColor"></rect>`}
  </svg>`;

/**
 * A bar chart that is also its own table: a caption, one row per bar with its label, count and
 * share as text, and the bar drawn beside them (hidden from screen readers, which read the
 * numbers). Shares are of `total` (e.g. respondents: multiple choice adds up to more than 100 %).
 */
export function barChart(caption: string, bars: Bar[], total: number, t: ChartTexts) {
  const most = Math.max(1, ...bars.map((b) => b.value));
  return html`<div class="table-wrap">
    <table class="bar-table responsive">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${t.label}</th>
          <th scope="col" class="num">${t.value}</th>
          ${t.share ? html`<th scope="col" class="num">${t.share}</th>` : nothing}
          <th scope="col"><span class="visually-hidden">${t.chart}</span></th>
        </tr>
      </thead>
      <tbody>
        ${bars.map(
          (b) => html`<tr>
            <th scope="row" lang=${b.lang ?? nothing}>${b.label}</th>
            <td class="num" data-label=${t.value}>${b.value}</td>
            ${t.share ? html`<td class="num" data-label=${t.share}>${total ? (t.percent?.(b.value / total) ?? '') : '–'}</td>` : nothing}
            <td class="bar-cell">${barSvg(b.value / (total || most))}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** One day's count; `day` is `YYYY-MM-DD`. */
export interface Day {
  day: string;
  count: number;
}

/**
 * Responses over time: a column per day from the first to the last (days without any drawn as
 * zero), drawn in SVG with the first and last day and the highest count under it, and the same
 * numbers as a table (days without responses left out). `formatDay` writes a day as the console's
 * language does.
 */
export function dayChart(caption: string, days: Day[], t: ChartTexts & { formatDay: (day: string) => string; most: (count: number) => string }) {
  if (!days.length) return nothing;
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const counts = new Map(sorted.map((d) => [d.day, d.count]));
  const all: Day[] = [];
  const first = new Date(`${sorted[0]!.day}T00:00:00Z`);
  const last = new Date(`${sorted.at(-1)!.day}T00:00:00Z`);
  for (let d = first; d <= last && all.length < 366; d = new Date(d.getTime() + 86_400_000)) {
    const key = d.toISOString().slice(0, 10);
    all.push({ day: key, count: counts.get(key) ?? 0 });
  }
  const most = Math.max(1, ...all.map((d) => d.count));
  const width = all.length * 10;
  return html`<figure class="chart-figure">
    <figcaption>${caption}</figcaption>
    <svg class="days" aria-hidden="true" focusable="false" viewBox=${`0 0 ${width} 100`} preserveAspectRatio="none">
      ${svg`<line x1="0" y1="100" x2=${width} y2="100" stroke="currentColor" stroke-width="1" opacity="0.4"></line>`}
      ${all.map((d, i) => {
        const h = (d.count / most) * 96;
        return svg`<rect x=${i * 10 + 1.5} y=${(100 - h).toFixed(2)} width="7" height=${h.toFixed(2)} fill="currentColor"></rect>`;
      })}
    </svg>
    <p class="axis" aria-hidden="true">
      <span>${t.formatDay(all[0]!.day)}</span><span>${t.most(most)}</span><span>${t.formatDay(all.at(-1)!.day)}</span>
    </p>
    <div class="table-wrap">
      <table class="responsive">
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr><th scope="col">${t.label}</th><th scope="col" class="num">${t.value}</th></tr>
        </thead>
        <tbody>
          ${sorted.map(
            (d) => html`<tr>
              <th scope="row"><time class="nowrap" datetime=${d.day}>${t.formatDay(d.day)}</time></th>
              <td class="num" data-label=${t.value}>${d.count}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </figure>`;
}
