/**
 * The Osallistu widgets for TypeScript: their elements, properties, events and attributes. Serve or save it beside your code and list it in your tsconfig (or `/// <reference path>` it).
 * Generated from custom-elements.json by scripts/build/cem/declarations.ts (npm run build); do not edit.
 */

/** A poll, inline in the host page: single choice, multiple choice or a rating scale. */
interface OsallistuPollElement extends HTMLElement {
  /** the poll's id (required). */
  poll: string;
  /** for signed polls: the JWT the host site signed for its signed-in resident. */
  voterAssertion: string;
  /** The heading level of the question when it is not a form legend, to fit the host page's outline. */
  headingLevel: number;
  /** Milliseconds before a ballot still on its way is said to be slow ("still sending"). */
  slowAfter: number;
  /** the site slug; defaults to the loader's `data-site`. */
  site: string;
  /** the API origin; defaults to the loader's own origin. */
  api: string;
}

/** A feedback form, inline in the host page. What the resident types is kept on their device as they type and cleared only once the server has confirmed it; sending is retried with the same idempotency key until it gets through, so it arrives exactly once. */
interface OsallistuFeedbackElement extends HTMLElement {
  /** the form's id (required). */
  form: string;
  /** the level of the form's title (default 2); sub-headings go one below. */
  headingLevel: number;
  /** What the feedback is about, when another widget opens the form: shown above it and sent with it. */
  caseId: string;
  /** the title of what the feedback is about (a decision, a video), shown above the form and sent with it. */
  subject: string;
  /** the id of the decision the feedback is about, sent with it. */
  decision: string;
  /** the id of the video the feedback is about, sent with it. */
  video: string;
  /** the site slug; defaults to the loader's `data-site`. */
  site: string;
  /** the API origin; defaults to the loader's own origin. */
  api: string;
}

/** Looks up a feedback's status and public replies by its reference code, and lets the resident remove their contact details with the removal key: the one kept on this device, or typed in. */
interface OsallistuFeedbackStatusElement extends HTMLElement {
  /** a reference code to show at once (e.g. right after sending). */
  ref: string;
  /** the level of the result's heading (default 2, as in every widget). */
  headingLevel: number;
  /** the key the server gave with `ref` just now: shown once, and kept on this device. */
  removalKey?: string;
  /** the site slug; defaults to the loader's `data-site`. */
  site: string;
  /** the API origin; defaults to the loader's own origin. */
  api: string;
}

/** What the council and committees decided, newest first, from the site's decision data. */
interface OsallistuDecisionsElement extends HTMLElement {
  /** a fixed filter: only this organ's decisions (e.g. `organ="kasvatus-ja-koulutuslautakunta"`). */
  organ: string;
  /** a fixed filter: only this topic's decisions (e.g. `topic="koulut"`). */
  topic: string;
  /** a fixed filter: only this district's decisions. */
  district: string;
  /** decisions per page (default 10). */
  limit: number;
  /** show a search box. */
  search: boolean;
  /** show topic chips to filter by. */
  filters: boolean;
  /** a feedback form's id: each decision gets "give feedback on this decision". */
  feedbackForm: string;
  /** the level of each decision's title (default 2, below the page's h1). */
  headingLevel: number;
  /** the site slug; defaults to the loader's `data-site`. */
  site: string;
  /** the API origin; defaults to the loader's own origin. */
  api: string;
}

/** One video, privacy first: until the resident presses play, the page asks nothing of the provider (no player, no poster from it, no preconnect). A provider's player loads only after the resident has read, once, where it comes from; the choice can be remembered per provider. Files the municipality hosts play in the browser's own player with their captions. */
interface OsallistuVideoElement extends HTMLElement {
  /** the video's id (required). */
  video: string;
  /** a feedback form's id: adds "ask a question" with the video named in it. */
  feedbackForm: string;
  /** the level of the title (default 2, below the page's h1); with `compact`, of the headings inside (the form's title). */
  headingLevel: number;
  /** no title, date or description (when the page around shows them). */
  compact: boolean;
  /** press play as soon as the video has loaded (the blog uses it). */
  autoplay: boolean;
  /** Play from `at` seconds: a file at once, a provider's player once the resident has agreed. */
  play(at: number): void;
  /** the site slug; defaults to the loader's `data-site`. */
  site: string;
  /** the API origin; defaults to the loader's own origin. */
  api: string;
}

/** A channel's episodes (the mayor's video blog), newest first, with "show more". An episode opens in place in an `<osallistu-video>`, with the same privacy rules. */
interface OsallistuVideoBlogElement extends HTMLElement {
  /** the channel's id (required). */
  channel: string;
  /** episodes per page (default 6). */
  limit: number;
  /** a feedback form's id: each episode gets "ask a question". */
  feedbackForm: string;
  /** the level of each episode's title (default 2, below the page's h1). */
  headingLevel: number;
  /** the site slug; defaults to the loader's `data-site`. */
  site: string;
  /** the API origin; defaults to the loader's own origin. */
  api: string;
}

interface HTMLElementTagNameMap {
  'osallistu-poll': OsallistuPollElement;
  'osallistu-feedback': OsallistuFeedbackElement;
  'osallistu-feedback-status': OsallistuFeedbackStatusElement;
  'osallistu-decisions': OsallistuDecisionsElement;
  'osallistu-video': OsallistuVideoElement;
  'osallistu-video-blog': OsallistuVideoBlogElement;
}

interface HTMLElementEventMap {
  /** `<osallistu-poll>`: a ballot was counted (`detail`: site, poll, choices or value, changed). */
  'osallistu-vote': CustomEvent<{ site: string; poll: string; choices?: string[]; value?: number; changed: boolean; }>;
  /** `<osallistu-feedback>`: the server confirmed a submission (`detail`: site, form, ref). */
  'osallistu-feedback-sent': CustomEvent<{ site: string; form: string; ref: string; }>;
}

interface DocumentEventMap {
  /** `<osallistu-poll>`: a ballot was counted (`detail`: site, poll, choices or value, changed). */
  'osallistu-vote': CustomEvent<{ site: string; poll: string; choices?: string[]; value?: number; changed: boolean; }>;
  /** `<osallistu-feedback>`: the server confirmed a submission (`detail`: site, form, ref). */
  'osallistu-feedback-sent': CustomEvent<{ site: string; form: string; ref: string; }>;
}

/** Attribute types of the widgets for JSX and templates, whatever the framework. */
declare namespace Osallistu {
  /** The attributes of `<osallistu-poll>`. */
  interface PollAttributes {
    /** the poll's id (required). */
    'poll': string;
    /** for signed polls: the JWT the host site signed for its signed-in resident. */
    'voter-assertion'?: string;
    /** The heading level of the question when it is not a form legend, to fit the host page's outline. */
    'heading-level'?: number;
    /** the site slug; defaults to the loader's `data-site`. */
    'site'?: string;
    /** the API origin; defaults to the loader's own origin. */
    'api'?: string;
    /** the language; defaults to the nearest ancestor's `lang`, then the site's default. */
    'lang'?: string;
  }
  /** The attributes of `<osallistu-feedback>`. */
  interface FeedbackAttributes {
    /** the form's id (required). */
    'form': string;
    /** the level of the form's title (default 2); sub-headings go one below. */
    'heading-level'?: number;
    /** What the feedback is about, when another widget opens the form: shown above it and sent with it. */
    'case-id'?: string;
    /** the title of what the feedback is about (a decision, a video), shown above the form and sent with it. */
    'subject'?: string;
    /** the language of `subject` when it is not the page's (a title shown in a fallback language). */
    'subject-lang'?: string;
    /** the id of the decision the feedback is about, sent with it. */
    'decision'?: string;
    /** the id of the video the feedback is about, sent with it. */
    'video'?: string;
    /** the site slug; defaults to the loader's `data-site`. */
    'site'?: string;
    /** the API origin; defaults to the loader's own origin. */
    'api'?: string;
    /** the language; defaults to the nearest ancestor's `lang`, then the site's default. */
    'lang'?: string;
  }
  /** The attributes of `<osallistu-feedback-status>`. */
  interface FeedbackStatusAttributes {
    /** a reference code to show at once (e.g. right after sending). */
    'ref'?: string;
    /** the level of the result's heading (default 2, as in every widget). */
    'heading-level'?: number;
    /** the site slug; defaults to the loader's `data-site`. */
    'site'?: string;
    /** the API origin; defaults to the loader's own origin. */
    'api'?: string;
    /** the language; defaults to the nearest ancestor's `lang`, then the site's default. */
    'lang'?: string;
  }
  /** The attributes of `<osallistu-decisions>`. */
  interface DecisionsAttributes {
    /** a fixed filter: only this organ's decisions (e.g. `organ="kasvatus-ja-koulutuslautakunta"`). */
    'organ'?: string;
    /** a fixed filter: only this topic's decisions (e.g. `topic="koulut"`). */
    'topic'?: string;
    /** a fixed filter: only this district's decisions. */
    'district'?: string;
    /** decisions per page (default 10). */
    'limit'?: number;
    /** show a search box. */
    'search'?: boolean;
    /** show topic chips to filter by. */
    'filters'?: boolean;
    /** a feedback form's id: each decision gets "give feedback on this decision". */
    'feedback-form'?: string;
    /** the level of each decision's title (default 2, below the page's h1). */
    'heading-level'?: number;
    /** the site slug; defaults to the loader's `data-site`. */
    'site'?: string;
    /** the API origin; defaults to the loader's own origin. */
    'api'?: string;
    /** the language; defaults to the nearest ancestor's `lang`, then the site's default. */
    'lang'?: string;
  }
  /** The attributes of `<osallistu-video>`. */
  interface VideoAttributes {
    /** the video's id (required). */
    'video': string;
    /** a feedback form's id: adds "ask a question" with the video named in it. */
    'feedback-form'?: string;
    /** the level of the title (default 2, below the page's h1); with `compact`, of the headings inside (the form's title). */
    'heading-level'?: number;
    /** no title, date or description (when the page around shows them). */
    'compact'?: boolean;
    /** press play as soon as the video has loaded (the blog uses it). */
    'autoplay'?: boolean;
    /** the site slug; defaults to the loader's `data-site`. */
    'site'?: string;
    /** the API origin; defaults to the loader's own origin. */
    'api'?: string;
    /** the language; defaults to the nearest ancestor's `lang`, then the site's default. */
    'lang'?: string;
  }
  /** The attributes of `<osallistu-video-blog>`. */
  interface VideoBlogAttributes {
    /** the channel's id (required). */
    'channel': string;
    /** episodes per page (default 6). */
    'limit'?: number;
    /** a feedback form's id: each episode gets "ask a question". */
    'feedback-form'?: string;
    /** the level of each episode's title (default 2, below the page's h1). */
    'heading-level'?: number;
    /** the site slug; defaults to the loader's `data-site`. */
    'site'?: string;
    /** the API origin; defaults to the loader's own origin. */
    'api'?: string;
    /** the language; defaults to the nearest ancestor's `lang`, then the site's default. */
    'lang'?: string;
  }

  /** Tag → attributes, for a framework's JSX `IntrinsicElements`. */
  interface IntrinsicElements {
    'osallistu-poll': PollAttributes;
    'osallistu-feedback': FeedbackAttributes;
    'osallistu-feedback-status': FeedbackStatusAttributes;
    'osallistu-decisions': DecisionsAttributes;
    'osallistu-video': VideoAttributes;
    'osallistu-video-blog': VideoBlogAttributes;
  }
}
