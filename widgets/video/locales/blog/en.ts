import type { BlogMessages } from '../messages.ts';

export const en: BlogMessages = {
  episodes: 'Episodes',
  notFound: 'The video blog was not found. Check the channel\'s id.',
  empty: 'No episodes have been published yet.',
  loadMore: 'Show more episodes',
  loadingMore: 'Loading…',
  loadedMore: (count, shown) => `Showing ${shown} episodes, ${count} more.`,
  watch: 'Watch',
  close: 'Close the video',
};
