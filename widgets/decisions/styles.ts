import { css } from 'lit';

/** The decision feed, on top of the shared control styles. */
export const decisionStyles = css`
  .decisions {
    max-width: 48rem;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    border-block-end: 1px solid var(--_border);
    padding-block: 1rem;
    overflow-wrap: anywhere;
  }
  .item p {
    margin: 0 0 0.5rem;
  }
  .item .title {
    font-size: 1.1em;
  }
  .item .title:focus {
    outline: none;
  }
  .toggle {
    padding: 0.35rem 0.9rem;
  }
  .more {
    margin-block-start: 0.75rem;
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: 0.75rem;
  }
  .subtitle,
  .body-heading {
    font-weight: 700;
  }
  .body pre {
    white-space: pre-wrap;
  }
  .asked {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .asked li {
    margin: 0 0 0.25rem;
  }
  .search {
    margin: 0 0 1rem;
  }
  .search label {
    display: block;
    font-weight: 700;
  }
  .inline {
    display: flex;
    gap: 0.5rem;
  }
  .inline input {
    margin: 0;
  }
  .chips ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
  }
  button.chip {
    padding: 0.3rem 0.9rem;
    border-radius: 999px;
    font-weight: 400;
    background: transparent;
    color: var(--_accent);
  }
  button.chip[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  .count {
    margin: 0 0 0.5rem;
  }
  .actions {
    margin-block-start: 1rem;
  }
  .subscribe {
    margin-block-start: 1rem;
  }
  a {
    color: var(--_accent);
  }
`;
