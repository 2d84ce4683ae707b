import { css } from 'lit';

/**
 * The design tokens every widget uses. Font and text colour come from the host page, and so do
 * the rest by default: borders and muted text are the inherited text colour made lighter against
 * whatever lies behind (so they keep their contrast on a light or a dark page), controls are
 * transparent, and on a page with light text (a dark theme, found by `OsallistuElement`) the
 * accent and error colours are light ones. Each can be set on the element or any ancestor, e.g.
 * `osallistu-poll { --osallistu-accent: #005a9c; --osallistu-on-accent: #ffffff }`.
 * The default accents keep 7:1 contrast with their text on buttons.
 *
 * The focus ring has two bands, so that it shows on any control and any page: the inner one, next
 * to the control, is the control's own text colour (which contrasts with its background, white on
 * a filled button), and the outer one, next to the page, is `--osallistu-focus`: near-black on a
 * light page, white on a dark one (each 3:1 or more against any page of that kind).
 */
export const themeStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
    line-height: 1.5;
    --_accent: var(--osallistu-accent, #00528a);
    --_on-accent: var(--osallistu-on-accent, #ffffff);
    --_surface: var(--osallistu-surface, transparent);
    --_field: var(--osallistu-input-background, transparent);
    --_border: var(--osallistu-border, color-mix(in srgb, currentColor 62%, transparent));
    --_muted: var(--osallistu-muted, color-mix(in srgb, currentColor 78%, transparent));
    --_error: var(--osallistu-error, #b00020);
    --_on-error: #ffffff;
    --_focus: var(--osallistu-focus, #0b0c0c);
    --_radius: var(--osallistu-radius, 6px);
    --_space: var(--osallistu-space, 1rem);
    box-sizing: border-box;
  }
  :host(:state(dark)) {
    --_accent: var(--osallistu-accent, #9fd0ff);
    --_on-accent: var(--osallistu-on-accent, #0b1b2b);
    --_error: var(--osallistu-error, #ff9e94);
    --_on-error: #1b0b0b;
    --_focus: var(--osallistu-focus, #ffffff);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px currentColor;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/**
 * Whether a computed colour (`rgb(…)`, `rgba(…)` or `color(srgb …)`) is light: text in it means
 * the element sits on a dark background.
 */
export function isLightColor(color: string): boolean {
  const srgb = color.startsWith('color(');
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((v) => (srgb ? v : v / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5;
}
