import type { BlogMessages } from '../messages.ts';

export const sv: BlogMessages = {
  episodes: 'Avsnitt',
  notFound: 'Videobloggen hittades inte. Kontrollera kanalens id.',
  empty: 'Inga avsnitt har publicerats ännu.',
  loadMore: 'Visa fler avsnitt',
  loadingMore: 'Laddar…',
  loadedMore: (count, shown) => `${shown} avsnitt visas, ${count} till.`,
  watch: 'Titta',
  close: 'Stäng videon',
};
