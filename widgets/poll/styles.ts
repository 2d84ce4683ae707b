import { css } from 'lit';

/** The form's styles; the results view brings its own (results.ts). */
export const pollStyles = css`
  .poll {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
    max-width: 40rem;
  }
  legend,
  .question,
  .description,
  .notice {
    overflow-wrap: anywhere;
  }
  legend,
  .question {
    font-weight: 700;
    font-size: 1.15em;
    padding: 0;
    margin: 0 0 0.5rem;
  }
  .description,
  .hint,
  .meta {
    color: var(--_muted);
    margin: 0 0 0.75rem;
  }
  .options {
    margin: 0 0 1rem;
  }
  .invalid .options {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
