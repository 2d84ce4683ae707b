import type { BlogMessages } from '../messages.ts';

export const fi: BlogMessages = {
  episodes: 'Jaksot',
  empty: 'Jaksoja ei ole vielä julkaistu.',
  loadMore: 'Näytä lisää jaksoja',
  loadingMore: 'Ladataan…',
  loadedMore: (count) => (count === 1 ? '1 jakso lisää näytetään.' : `${count} jaksoa lisää näytetään.`),
  watch: 'Katso',
  close: 'Sulje video',
};
