import type { ElementRegistry } from './core/lazy-define.ts';

/** Every public widget, by tag. The admin console is not here: it never ships to residents. */
export const widgets: ElementRegistry = {
  'osallistu-poll': () => import('./poll/osallistu-poll.ts'),
  'osallistu-feedback': () => import('./feedback/osallistu-feedback.ts'),
  'osallistu-feedback-status': () => import('./feedback/osallistu-feedback-status.ts'),
  'osallistu-decisions': () => import('./decisions/osallistu-decisions.ts'),
  'osallistu-video': () => import('./video/osallistu-video.ts'),
  'osallistu-video-blog': () => import('./video/osallistu-video-blog.ts'),
};
