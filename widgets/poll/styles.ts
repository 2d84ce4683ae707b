import { css } from 'lit';

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
    margin: 0 0 1rem;
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
  .invalid .options,
  .invalid .scale {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
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
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .mine {
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .bar > span {
      background: CanvasText;
    }
  }
`;
