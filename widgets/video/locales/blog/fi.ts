import type { BlogMessages } from '../messages.ts';

export const fi: BlogMessages = {
  episodes: 'Jaksot',
  notFound: 'Videoblogia ei löytynyt. Tarkista kanavan tunnus.',
  empty: 'Jaksoja ei ole vielä julkaistu.',
  loadMore: 'Näytä lisää jaksoja',
  loadingMore: 'Ladataan…',
  loadedMore: (count) => (count === 1 ? 'Näytetään 1 jakso lisää.' : `Näytetään ${count} jaksoa lisää.`),
  watch: 'Katso',
  close: 'Sulje video',
};
