import type { BlogMessages } from '../messages.ts';

export const en: BlogMessages = {
  episodes: 'Episodes',
  notFound: 'The video blog was not found. Check the channel\'s id.',
  empty: 'No episodes have been published yet.',
  loadMore: 'Show more episodes',
  loadingMore: 'Loading…',
  loadedMore: (count) => (count === 1 ? 'Showing 1 more episode.' : `Showing ${count} more episodes.`),
  watch: 'Watch',
  close: 'Close the video',
};
