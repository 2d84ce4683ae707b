import type { BlogMessages } from '../messages.ts';

export const sv: BlogMessages = {
  episodes: 'Avsnitt',
  empty: 'Inga avsnitt har publicerats ännu.',
  loadMore: 'Visa fler avsnitt',
  loadingMore: 'Laddar…',
  loadedMore: (count) => (count === 1 ? '1 avsnitt till visas.' : `${count} avsnitt till visas.`),
  watch: 'Titta',
  close: 'Stäng videon',
};
