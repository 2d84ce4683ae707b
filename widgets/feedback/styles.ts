import { css } from 'lit';

/** The feedback form, on top of the shared control styles. */
export const feedbackStyles = css`
  .feedback {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
    max-width: 40rem;
  }
  .summary-title {
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .intro,
  .privacy,
  .count,
  .mark {
    color: var(--_muted);
  }
  .intro,
  .privacy {
    margin: 0 0 1rem;
  }
  .mark {
    font-weight: 400;
  }
  .field {
    margin: 0 0 1.25rem;
  }
  .field > label:not(.option),
  .field legend {
    display: block;
    font-weight: 700;
    margin: 0 0 0.25rem;
    padding: 0;
    overflow-wrap: anywhere;
  }
  .hint,
  .count {
    margin: 0 0 0.35rem;
    font-size: 0.95em;
  }
  .count.over {
    color: var(--_error);
    font-weight: 700;
  }
  textarea {
    resize: vertical;
    min-block-size: 8rem;
  }
  .invalid {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }
  .error-summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 1.25rem;
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .restored,
  .queued {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.25rem 0 0.25rem 0.75rem;
    margin: 0 0 1rem;
  }
  .restored p {
    margin: 0 0 0.5rem;
  }
  button.small {
    padding: 0.35rem 0.8rem;
    font-weight: 400;
  }
  .sent .title:focus {
    outline: none;
  }
  .ref {
    font-family: ui-monospace, monospace;
    font-size: 1.4em;
    letter-spacing: 0.08em;
  }
  .follow {
    margin-block-start: 1.25rem;
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.75rem;
  }
  .follow summary {
    cursor: pointer;
    font-weight: 700;
    color: var(--_accent);
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
  }
  @media (forced-colors: active) {
    .error-summary,
    .invalid {
      border-color: CanvasText;
    }
  }
`;
