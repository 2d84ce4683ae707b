import { css } from 'lit';

/** The status lookup, on top of the shared control styles. */
export const statusStyles = css`
  label {
    font-weight: 700;
    display: block;
  }
  .hint {
    margin: 0 0 0.35rem;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: stretch;
  }
  .key {
    font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }
  .removal-key {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.25rem 0 0.25rem 0.75rem;
    margin: 0 0 1rem;
  }
  .removal-key p {
    margin: 0 0 0.5rem;
  }
  .inline input {
    margin: 0;
    inline-size: 10rem;
    text-transform: uppercase;
    font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
    letter-spacing: 0.08em;
  }
  .result {
    margin-block-start: 1rem;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .result .title:focus {
    outline: none;
  }
  .subtitle {
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .meta {
    margin: 0 0 0.5rem;
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
  .confirm {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.25rem 0 0.25rem 0.75rem;
    margin: 0 0 1rem;
  }
  .confirm p {
    margin: 0 0 0.5rem;
  }
`;
