import { css } from 'lit';

export const pollStyles = css`
  .poll {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
    max-width: 40rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend,
  .question,
  .description,
  .notice,
  .mine,
  .result-text {
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
    display: grid;
    gap: 0.5rem;
    margin: 0 0 1rem;
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
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0 0 0.5rem;
  }
  .scale .option {
    flex-direction: column;
    align-items: center;
    min-inline-size: 3rem;
    gap: 0.25rem;
  }
  .scale-ends {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 1rem;
  }
  .error {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 0.75rem;
  }
  .error::before {
    content: '! ';
  }
  .invalid .options,
  .invalid .scale {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
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
  .results {
    list-style: none;
    margin: 0.5rem 0 0.75rem;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  .result-text {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    flex-wrap: wrap;
  }
  .result-text .numbers {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .bar {
    block-size: 0.6rem;
    border-radius: 0.3rem;
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
    overflow: hidden;
    margin-block-start: 0.25rem;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    inline-size: var(--_share, 0%);
    background: var(--_accent);
    transition: inline-size 400ms ease-out;
  }
  .mine {
    font-weight: 700;
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
  @media (forced-colors: active) {
    .bar > span {
      background: CanvasText;
    }
    .option:has(input:checked) {
      border-color: Highlight;
    }
    button {
      border-color: ButtonText;
    }
  }
`;
