/**
 * The Osallistu widgets' tags for Preact: include this file beside osallistu.d.ts.
 * Generated from custom-elements.json by scripts/build/cem/declarations.ts (npm run build); do not edit.
 */
/// <reference path="./osallistu.d.ts" />
export {};

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'osallistu-poll': HTMLAttributes<OsallistuPollElement> & Osallistu.PollAttributes;
      'osallistu-feedback': HTMLAttributes<OsallistuFeedbackElement> & Osallistu.FeedbackAttributes;
      'osallistu-feedback-status': HTMLAttributes<OsallistuFeedbackStatusElement> & Omit<Osallistu.FeedbackStatusAttributes, 'ref'>;
      'osallistu-decisions': HTMLAttributes<OsallistuDecisionsElement> & Osallistu.DecisionsAttributes;
      'osallistu-video': HTMLAttributes<OsallistuVideoElement> & Osallistu.VideoAttributes;
      'osallistu-video-blog': HTMLAttributes<OsallistuVideoBlogElement> & Osallistu.VideoBlogAttributes;
    }
  }
}
