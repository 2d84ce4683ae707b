import { html } from 'lit';

/** What a status means for the official, which sets its shape and colour (the word says it all by itself). */
export type Tone = 'open' | 'draft' | 'closed' | 'neutral' | 'warning' | 'danger';

/**
 * A status as a status: its word in a badge (`.badge.tone-…` in `uiStyles`), with a shape before
 * it that differs by tone, so neither colour nor shape alone carries the meaning.
 * `statusBadge(at.polls.statuses.open, 'open')` → `<span class="badge tone-open">Avoinna</span>`.
 */
export function statusBadge(text: string, tone: Tone = 'neutral') {
  return html`<span class=${`badge tone-${tone}`}>${text}</span>`;
}

/** The tone of the usual lifecycle words (draft, open, closed, and feedback's), neutral for the rest. */
export function toneOf(status: string): Tone {
  switch (status) {
    case 'open':
    case 'published':
    case 'answered':
    case 'active':
      return 'open';
    case 'draft':
    case 'received':
    case 'scheduled':
      return 'draft';
    case 'in_progress':
      return 'warning';
    case 'spam':
    case 'revoked':
      return 'danger';
    case 'closed':
      return 'closed';
    default:
      return 'neutral';
  }
}
