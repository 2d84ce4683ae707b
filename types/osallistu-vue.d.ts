/**
 * The Osallistu widgets' tags for Vue 3 templates (GlobalComponents; tell Vue the tags are custom elements with compilerOptions.isCustomElement): include this file beside osallistu.d.ts.
 * Generated from custom-elements.json by scripts/build/cem/declarations.ts (npm run build); do not edit.
 */
/// <reference path="./osallistu.d.ts" />
export {};

declare module 'vue' {
  interface GlobalComponents {
    'osallistu-poll': DefineComponent<Osallistu.PollAttributes>;
    'osallistu-feedback': DefineComponent<Osallistu.FeedbackAttributes>;
    'osallistu-feedback-status': DefineComponent<Omit<Osallistu.FeedbackStatusAttributes, 'ref'>>;
    'osallistu-decisions': DefineComponent<Osallistu.DecisionsAttributes>;
    'osallistu-video': DefineComponent<Osallistu.VideoAttributes>;
    'osallistu-video-blog': DefineComponent<Osallistu.VideoBlogAttributes>;
  }
}
