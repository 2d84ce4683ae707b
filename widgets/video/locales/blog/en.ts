import type { BlogMessages } from '../messages.ts';

export const en: BlogMessages = {
  episodes: 'Episodes',
  empty: 'No episodes have been published yet.',
  loadMore: 'Show more episodes',
  loadingMore: 'Loading…',
  loadedMore: (count) => (count === 1 ? '1 more episode is shown.' : `${count} more episodes are shown.`),
  watch: 'Watch',
  close: 'Close the video',
};
