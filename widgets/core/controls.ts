import { css } from 'lit';

/**
 * What every widget's controls look like: options, buttons, notices, errors, the loading
 * skeleton. Widgets add their own layout on top.
 */
export const controlStyles = css`
  [hidden] {
    display: none !important;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .options {
    display: grid;
    gap: 0.5rem;
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    padding: 0.55rem 0.7rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  input[type='radio'],
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .error {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 0.75rem;
  }
  .error::before {
    content: '! ';
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  button {
    border-radius: var(--_radius);
    padding: 0.6rem 1.2rem;
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    min-block-size: 2.75rem;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  .notice {
    margin: 0 0 0.75rem;
    font-weight: 700;
  }
  .notice:focus {
    outline: none;
  }
  .skeleton {
    min-block-size: 15rem;
    display: grid;
    gap: 0.75rem;
    align-content: start;
  }
  .skeleton span {
    display: block;
    block-size: 2.5rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .skeleton span:first-child {
    block-size: 1.5rem;
    inline-size: 70%;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  input:not([type='radio'], [type='checkbox']),
  textarea {
    display: block;
    inline-size: 100%;
    font: inherit;
    color: inherit;
    background: var(--_field);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.6rem;
    margin: 0 0 0.35rem;
  }
  input[aria-invalid='true']:not([type='radio'], [type='checkbox']),
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .hint,
  .meta {
    color: var(--_muted);
  }
  .title {
    font-weight: 700;
    font-size: 1.25em;
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
  button.danger {
    background: var(--_error);
    border-color: var(--_error);
    color: var(--_on-error);
  }
  @media (forced-colors: active) {
    .option:has(input:checked) {
      border-color: Highlight;
    }
    button {
      border-color: ButtonText;
    }
  }
`;
