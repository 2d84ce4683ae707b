import type { VideoMessages } from './messages.ts';

export const fi: VideoMessages = {
  loading: 'Ladataan videota…',
  loadFailed: 'Videota ei saatu ladattua.',
  notFound: 'Videota ei löytynyt. Se on ehkä poistettu.',
  play: 'Toista video',
  duration: 'Kesto',
  published: 'Julkaistu',
  consentTitle: (provider) => `Video toistetaan palvelusta ${provider}`,
  consentText: (provider, host) =>
    `Sivu ei ole vielä ladannut mitään palvelusta ${provider}. Kun toistat videon, soitin ladataan osoitteesta ${host}, ja palvelu näkee IP-osoitteesi ja voi tallentaa tietoja laitteellesi.`,
  remember: (provider) => `Älä kysy uudelleen, kun video tulee palvelusta ${provider}`,
  accept: 'Toista video',
  cancel: 'Peruuta',
  openAtProvider: (provider) => `Avaa video palvelussa ${provider}`,
  forget: (provider) => `Unohda valintani: ${provider}`,
  forgotten: (provider) => `Valintaasi ei enää muisteta. Kysymme taas ennen kuin video toistetaan palvelusta ${provider}.`,
  cannotPlay: 'Selaimesi ei pysty toistamaan tätä videota.',
  download: 'Avaa videotiedosto',
  chapters: 'Luvut',
  transcript: 'Tekstivastine',
  ask: 'Kysy tai anna palautetta videosta',
};
