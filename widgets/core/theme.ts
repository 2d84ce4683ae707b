import { css } from 'lit';

/**
 * The design tokens every widget uses. Font and text colour come from the host page; the rest
 * can be set on the element or any ancestor, e.g. `osallistu-poll { --osallistu-accent: #005a9c }`.
 * The default accent keeps 7:1 contrast with white text.
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
    --_border: var(--osallistu-border, #6b6b6b);
    --_muted: var(--osallistu-muted, #4d4d4d);
    --_error: var(--osallistu-error, #b00020);
    --_focus: var(--osallistu-focus, #ffbf47);
    --_radius: var(--osallistu-radius, 6px);
    --_space: var(--osallistu-space, 1rem);
    box-sizing: border-box;
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
    box-shadow: 0 0 0 5px currentColor;
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
