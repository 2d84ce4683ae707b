import { css } from 'lit';

/** The feedback form and the status lookup, on top of the shared control styles. */
export const feedbackStyles = css`
  .feedback {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
    max-width: 40rem;
  }
  .title,
  .summary-title,
  .subtitle {
    font-weight: 700;
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
  .title {
    font-size: 1.25em;
  }
  .intro,
  .privacy,
  .hint,
  .meta,
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
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
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
  .field .option {
    font-weight: 400;
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
  input:not([type='radio'], [type='checkbox']),
  textarea {
    display: block;
    inline-size: 100%;
    font: inherit;
    color: inherit;
    background: var(--osallistu-input-background, #ffffff);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.6rem;
    margin: 0 0 0.35rem;
  }
  textarea {
    resize: vertical;
    min-block-size: 8rem;
  }
  .invalid {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }
  .invalid input[aria-invalid='true']:not([type='radio'], [type='checkbox']),
  .invalid textarea {
    border-color: var(--_error);
  }
  .options {
    display: grid;
    gap: 0.5rem;
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
  .honeypot {
    display: none;
  }
  .restored,
  .queued,
  .confirm {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.25rem 0 0.25rem 0.75rem;
    margin: 0 0 1rem;
  }
  .restored p,
  .confirm p {
    margin: 0 0 0.5rem;
  }
  .place {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin: 0.25rem 0;
  }
  button.small {
    padding: 0.35rem 0.8rem;
    min-block-size: 2.75rem;
    font-weight: 400;
  }
  button.danger {
    background: var(--_error);
    border-color: var(--_error);
    color: #ffffff;
  }
  .sent .title:focus,
  .result .title:focus {
    outline: none;
  }
  .ref {
    font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
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
    display: list-item;
    padding-block: 0.5rem;
  }
  .status-lookup label {
    font-weight: 700;
    display: block;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: stretch;
  }
  .inline .ref-input {
    margin: 0;
    inline-size: 10rem;
    text-transform: uppercase;
    font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
    letter-spacing: 0.08em;
  }
  .result {
    margin-block-start: 1rem;
  }
  .replies {
    margin: 0 0 1rem;
    padding-inline-start: 1.25rem;
  }
  .reply {
    white-space: pre-line;
    margin: 0 0 0.75rem;
    overflow-wrap: anywhere;
  }
  .meta {
    margin: 0 0 0.5rem;
  }
  @media (forced-colors: active) {
    .error-summary,
    .invalid {
      border-color: CanvasText;
    }
  }
`;
