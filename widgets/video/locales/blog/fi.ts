import type { BlogMessages } from '../messages.ts';

export const fi: BlogMessages = {
  episodes: 'Jaksot',
  notFound: 'Videoblogia ei löytynyt. Tarkista kanavan tunnus.',
  empty: 'Jaksoja ei ole vielä julkaistu.',
  loadMore: 'Näytä lisää jaksoja',
  loadingMore: 'Ladataan…',
  loadedMore: (count, shown) => `Näytetään ${shown} jaksoa, ${count} lisää.`,
  watch: 'Katso',
  close: 'Sulje video',
};
