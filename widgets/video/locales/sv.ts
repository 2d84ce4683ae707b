import type { VideoMessages } from './messages.ts';

export const sv: VideoMessages = {
  loading: 'Videon laddas…',
  loadFailed: 'Videon kunde inte laddas.',
  notFound: 'Videon hittades inte. Den kan ha tagits bort.',
  play: 'Spela upp video',
  duration: 'Längd',
  published: 'Publicerad',
  consentTitle: (provider) => `Videon spelas upp från ${provider}`,
  consentText: (provider, host) =>
    `Sidan har ännu inte laddat något från ${provider}. När du spelar upp videon laddas spelaren från ${host}, och tjänsten ser din IP-adress och kan spara uppgifter på din enhet.`,
  remember: (provider) => `Fråga inte igen för videor från ${provider}`,
  accept: 'Spela upp videon',
  cancel: 'Avbryt',
  openAtProvider: (provider) => `Öppna videon på ${provider}`,
  forget: (provider) => `Glöm mitt val: ${provider}`,
  forgotten: (provider) => `Valet är glömt. Vi frågar igen innan videor från ${provider} spelas upp.`,
  cannotPlay: 'Din webbläsare kan inte spela upp den här videon.',
  download: 'Öppna videofilen',
  chapters: 'Kapitel',
  transcript: 'Textversion',
  ask: 'Ställ en fråga eller ge respons om videon',
};
