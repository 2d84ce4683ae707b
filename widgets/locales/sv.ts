import type { Messages } from './messages.ts';

export const sv: Messages = {
  lang: 'sv',
  languageName: 'svenska',
  loading: 'Laddar…',
  retry: 'Försök igen',
  offline: 'Ingen nätverksanslutning. Vi skickar uppgifterna när anslutningen är tillbaka.',
  errors: {
    network: 'Det gick inte att nå servern. Kontrollera nätverksanslutningen och försök igen.',
    timeout: 'Servern svarade inte i tid. Försök igen om en stund.',
    notFound: 'Innehållet hittades inte. Det kan ha tagits bort.',
    server: 'Något gick fel. Försök igen om en stund.',
    rateLimited: 'För många försök på kort tid. Vänta en stund och försök igen.',
  },
  votes: (count) => (count === 1 ? '1 röst' : `${count.toLocaleString('sv')} röster`),
};
