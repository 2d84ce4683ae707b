import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../schema/common.ts';

/**
 * The widgets a frame page can show (`/embed/v1/frame/{widget}/{id}`): the custom element with
 * the server-rendered fallback inside it, the page's title, any extra CSP the widget needs, and
 * the height an embedding page should give its iframe before the frame reports its own.
 */
export interface FrameElement {
  /** `query`: the frame page's own query (a lookup page's `ref`). */
  render: (id: string, fallback: HtmlEscapedString | string, query: URLSearchParams) => ReturnType<typeof html>;
  title: Record<Lang, string>;
  csp?: string;
  /** Pixels an iframe of this widget starts at (oEmbed's `height`), before the frame reports its own. */
  height: number;
}

/** Video players come from the providers' hosts (after the resident agrees) and files from any https host. */
const PLAYERS = 'frame-src https:; media-src \'self\' https:; ';

export const ELEMENTS: Record<string, FrameElement> = {
  poll: {
    render: (id, inner) => html`<osallistu-poll poll="${id}" heading-level="2">${inner}</osallistu-poll>`,
    title: { fi: 'Kysely', sv: 'Enkät', en: 'Poll' },
    height: 520,
  },
  feedback: {
    render: (id, inner) => html`<osallistu-feedback form="${id}" heading-level="2">${inner}</osallistu-feedback>`,
    title: { fi: 'Palaute', sv: 'Respons', en: 'Feedback' },
    height: 1200,
  },
  // The id is not used: one lookup page per site ("lookup" by convention). A `ref` in the page's
  // address (the reply email's link) is looked up at once, as the server-rendered page does.
  'feedback-status': {
    render: (_id, inner, query) => {
      const ref = query.get('ref')?.trim().toUpperCase();
      return ref && /^[0-9A-Z]{3}-[0-9A-Z]{3}$/.test(ref)
        ? html`<osallistu-feedback-status ref="${ref}" heading-level="2">${inner}</osallistu-feedback-status>`
        : html`<osallistu-feedback-status heading-level="2">${inner}</osallistu-feedback-status>`;
    },
    title: { fi: 'Palautteen tila', sv: 'Responsens status', en: 'Feedback status' },
    height: 480,
  },
  // "all", or an organ's id for its decisions only.
  decisions: {
    render: (id, inner) =>
      id === 'all'
        ? html`<osallistu-decisions search filters heading-level="2">${inner}</osallistu-decisions>`
        : html`<osallistu-decisions organ="${id}" search filters heading-level="2">${inner}</osallistu-decisions>`,
    title: { fi: 'Päätökset', sv: 'Beslut', en: 'Decisions' },
    height: 900,
  },
  video: {
    render: (id, inner) => html`<osallistu-video video="${id}" heading-level="2">${inner}</osallistu-video>`,
    title: { fi: 'Video', sv: 'Video', en: 'Video' },
    csp: PLAYERS,
    height: 560,
  },
  'video-blog': {
    render: (id, inner) => html`<osallistu-video-blog channel="${id}" heading-level="2">${inner}</osallistu-video-blog>`,
    title: { fi: 'Videoblogi', sv: 'Videoblogg', en: 'Video blog' },
    csp: PLAYERS,
    height: 1000,
  },
};

/** The shapes a frame URL takes, for 404 messages. */
export const FRAME_SHAPES =
  'Use /embed/v1/frame/poll/POLL_ID?site=SITE (or feedback/FORM_ID, feedback-status/lookup, decisions/all, decisions/ORGAN_ID, video/VIDEO_ID, video-blog/CHANNEL_ID).';

/** Decision 3's notice at the top of a preview (`preview=1`): answering is off. */
export const PREVIEW_NOTICE: Record<Lang, string> = {
  fi: 'Esikatselu: vastaaminen ei ole käytössä esikatselussa',
  sv: 'Förhandsvisning: det går inte att svara i förhandsvisningen',
  en: 'Preview: answering is off in the preview',
};
