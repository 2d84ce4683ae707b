/**
 * The Osallistu widgets' tags for React (React.JSX, as in @types/react 19): include this file beside osallistu.d.ts.
 * Generated from custom-elements.json by scripts/build/cem/declarations.ts (npm run build); do not edit.
 */
/// <reference path="./osallistu.d.ts" />
export {};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'osallistu-poll': DetailedHTMLProps<HTMLAttributes<OsallistuPollElement>, OsallistuPollElement> & Osallistu.PollAttributes;
      'osallistu-feedback': DetailedHTMLProps<HTMLAttributes<OsallistuFeedbackElement>, OsallistuFeedbackElement> & Osallistu.FeedbackAttributes;
      'osallistu-feedback-status': DetailedHTMLProps<HTMLAttributes<OsallistuFeedbackStatusElement>, OsallistuFeedbackStatusElement> & Omit<Osallistu.FeedbackStatusAttributes, 'ref'>;
      'osallistu-decisions': DetailedHTMLProps<HTMLAttributes<OsallistuDecisionsElement>, OsallistuDecisionsElement> & Osallistu.DecisionsAttributes;
      'osallistu-video': DetailedHTMLProps<HTMLAttributes<OsallistuVideoElement>, OsallistuVideoElement> & Osallistu.VideoAttributes;
      'osallistu-video-blog': DetailedHTMLProps<HTMLAttributes<OsallistuVideoBlogElement>, OsallistuVideoBlogElement> & Osallistu.VideoBlogAttributes;
    }
  }
}
