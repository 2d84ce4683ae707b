import type { Messages } from './messages.ts';

export const fi: Messages = {
  lang: 'fi',
  languageName: 'suomi',
  loading: 'Ladataan…',
  retry: 'Yritä uudelleen',
  offline: 'Verkkoyhteys puuttuu. Lähetämme tiedot, kun yhteys palaa.',
  errors: {
    network: 'Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
    timeout: 'Palvelin ei vastannut ajoissa. Yritä hetken kuluttua uudelleen.',
    notFound: 'Sisältöä ei löytynyt. Se on ehkä poistettu.',
    server: 'Jokin meni vikaan. Yritä hetken kuluttua uudelleen.',
    rateLimited: 'Liian monta yritystä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
  },
  votes: (count) => (count === 1 ? '1 ääni' : `${count.toLocaleString('fi')} ääntä`),
};
