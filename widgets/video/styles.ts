import { css } from 'lit';

/** A video and its parts, on top of the shared control styles. */
export const videoStyles = css`
  :host {
    max-width: 48rem;
  }
  .stage {
    position: relative;
    aspect-ratio: 16 / 9;
    border-radius: var(--_radius);
    overflow: hidden;
    /* The neutral poster: drawn here, so nothing is fetched when no poster was uploaded. */
    background: linear-gradient(135deg, color-mix(in srgb, var(--_accent) 85%, #000000), color-mix(in srgb, var(--_accent) 45%, #ffffff));
    margin: 0 0 0.75rem;
  }
  .stage[data-phase='consent'] {
    aspect-ratio: auto;
    min-block-size: 12rem;
    background: var(--_field);
    border: 2px solid var(--_border);
  }
  .stage[data-phase='playing'] {
    background: #000000;
  }
  .play {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    padding: 0;
    border: 0;
    border-radius: 0;
    background: transparent;
  }
  /* The stage clips what lies outside it: the play button's ring goes inside, and a playing video's or a player's ring around the stage. */
  .play:focus-visible {
    outline-offset: -5px;
    box-shadow: inset 0 0 0 2px currentColor;
  }
  .stage[data-phase='playing']:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px #ffffff;
  }
  .stage video:focus-visible,
  .stage iframe:focus-visible {
    outline: none;
    box-shadow: none;
  }
  .stage img,
  iframe,
  video {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border: 0;
    object-fit: cover;
  }
  video {
    object-fit: contain;
  }
  .icon {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 50%;
    inline-size: 4.5rem;
    block-size: 4.5rem;
    margin: -2.25rem 0 0 -2.25rem;
    border-radius: 50%;
    background: var(--_accent);
    box-shadow: 0 0 0 3px var(--_on-accent);
  }
  .icon::after {
    content: '';
    position: absolute;
    inset: 1.35rem 1.2rem 1.35rem 1.75rem;
    background: var(--_on-accent);
    clip-path: polygon(0 0, 100% 50%, 0 100%);
  }
  .play:hover .icon {
    transform: scale(1.08);
  }
  .badge {
    position: absolute;
    inset-block-end: 0.5rem;
    inset-inline-end: 0.5rem;
    padding: 0.1rem 0.45rem;
    border-radius: 4px;
    background: #000000cc;
    color: #ffffff;
    font-size: 0.9em;
  }
  .consent,
  .cannot {
    padding: var(--_space);
  }
  .cannot {
    color: #ffffff;
  }
  .cannot a {
    color: inherit;
  }
  .consent p {
    margin: 0 0 0.75rem;
  }
  .consent .option {
    margin: 0 0 0.75rem;
  }
  .subtitle {
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .chapters {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
    display: grid;
    gap: 0.35rem;
  }
  .chapters button {
    inline-size: 100%;
    text-align: start;
    font-weight: 400;
    padding: 0.35rem 0.75rem;
  }
  .chapters button[aria-current='true'] {
    font-weight: 700;
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  .chapters time {
    font-variant-numeric: tabular-nums;
    margin-inline-end: 0.5rem;
  }
  .transcript {
    margin: 0 0 1rem;
  }
  .transcript summary {
    cursor: pointer;
    font-weight: 700;
    color: var(--_accent);
    padding: 0.5rem 0;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    align-items: center;
  }
  .links a {
    color: var(--_accent);
  }
  button.link {
    background: none;
    border: 0;
    padding: 0;
    min-block-size: 2.75rem;
    color: var(--_accent);
    font-weight: 400;
    text-decoration: underline;
  }
`;
