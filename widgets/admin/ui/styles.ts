import { css } from 'lit';

/**
 * The console's shared building blocks' looks, part of every view's styles through `AdminView`:
 * status badges (`statusBadge`), row menus (`RowMenus`), tables that become lists on a phone
 * (`.table-wrap` around `table.responsive` with `data-label` on cells), codes and dates that never
 * wrap (`.nowrap`), and the charts (`barChart`, `dayChart`).
 */
export const uiStyles = css`
  /* Codes, dates and counts: never broken mid-word, figures of one width so columns line up. */
  .nowrap {
    white-space: nowrap;
  }
  .num,
  time,
  code {
    font-variant-numeric: tabular-nums;
  }
  td.num,
  th.num {
    text-align: end;
    white-space: nowrap;
  }

  /* A status: its word in a pill, a shape before it; the colour only repeats what the word says. */
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.05rem 0.6rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 700;
    white-space: nowrap;
    line-height: 1.6;
  }
  .badge::before {
    content: '';
    inline-size: 0.55em;
    block-size: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }
  .badge.tone-open {
    color: #0b6b2e;
    background: #e8f5ec;
  }
  .badge.tone-draft {
    color: #5c4300;
    background: #fff4d6;
  }
  .badge.tone-draft::before {
    background: transparent;
    border: 2px solid currentColor;
  }
  .badge.tone-closed,
  .badge.tone-neutral {
    color: inherit;
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .badge.tone-closed::before {
    border-radius: 1px;
  }
  .badge.tone-warning {
    color: #7a3d00;
    background: #fff0e0;
  }
  .badge.tone-danger {
    color: var(--_error);
    background: color-mix(in srgb, var(--_error) 10%, transparent);
  }
  .badge.tone-danger::before {
    border-radius: 0;
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  :host(:state(dark)) .badge {
    color: inherit;
    background: color-mix(in srgb, currentColor 14%, transparent);
  }

  /* A row's actions: one primary button, the rest behind "More". */
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .row-actions button {
    padding: 0.3rem 0.8rem;
    min-block-size: 2.25rem;
    white-space: nowrap;
  }
  .menu {
    position: relative;
    display: inline-block;
  }
  .menu > button[aria-expanded]::after {
    content: '▾';
    margin-inline-start: 0.4em;
  }
  .menu > button[aria-expanded='true']::after {
    content: '▴';
  }
  .menu-list {
    position: absolute;
    z-index: 2;
    inset-block-start: calc(100% + 0.25rem);
    inset-inline-end: 0;
    min-inline-size: 12rem;
    max-inline-size: min(20rem, 90vw);
    margin: 0;
    padding: 0.25rem;
    list-style: none;
    background: var(--osallistu-menu-background, Canvas);
    color: var(--osallistu-menu-color, CanvasText);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.18);
  }
  .menu-list button {
    display: block;
    inline-size: 100%;
    text-align: start;
    background: transparent;
    color: inherit;
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    font-weight: 400;
    white-space: normal;
  }
  .menu-list button:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .menu-list button.danger {
    color: var(--_error);
    font-weight: 700;
  }

  /* Tables that become lists: each row a card, each cell under its column's name. */
  .table-wrap {
    container-type: inline-size;
    margin: 0 0 1rem;
  }
  .table-wrap > table {
    margin: 0;
  }
  @container (max-width: 40rem) {
    table.responsive,
    table.responsive > tbody,
    table.responsive > tbody > tr,
    table.responsive > tbody > tr > th,
    table.responsive > tbody > tr > td {
      display: block;
      inline-size: auto;
    }
    table.responsive > thead > tr,
    table.responsive > thead > tr > th {
      display: block;
    }
    table.responsive > thead {
      display: block;
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    table.responsive > tbody > tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      margin: 0 0 0.75rem;
    }
    table.responsive > tbody > tr > th,
    table.responsive > tbody > tr > td {
      border: 0;
      padding: 0.2rem 0;
      text-align: start;
    }
    table.responsive > tbody > tr > [data-label]::before {
      content: attr(data-label) / '';
      display: block;
      font-size: 0.875em;
      font-weight: 400;
      color: var(--_muted);
    }
    table.responsive td:empty {
      display: none;
    }
    .menu-list {
      inset-inline-end: auto;
      inset-inline-start: 0;
    }
  }

  /* Charts: drawn, and their numbers beside them as text. */
  .chart-figure {
    margin: 0 0 1.5rem;
  }
  .chart-figure figcaption {
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  svg.bar {
    display: block;
    inline-size: 100%;
    min-inline-size: 4rem;
    block-size: 1.1rem;
    color: var(--_accent);
  }
  .bar-table td.bar-cell {
    inline-size: 45%;
    vertical-align: middle;
  }
  svg.days {
    display: block;
    inline-size: 100%;
    block-size: 10rem;
    color: var(--_accent);
    margin: 0 0 0.5rem;
  }
  .axis {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0 0 0.75rem;
  }
  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
    svg.bar,
    svg.days {
      color: CanvasText;
    }
  }
`;
