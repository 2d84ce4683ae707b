import type { Messages } from './messages.ts';

export const en: Messages = {
  lang: 'en',
  languageName: 'English',
  loading: 'Loading…',
  retry: 'Try again',
  offline: 'You are offline. We will send it when the connection is back.',
  errors: {
    network: 'Could not reach the server. Check your connection and try again.',
    timeout: 'The server did not answer in time. Please try again in a moment.',
    notFound: 'This was not found. It may have been removed.',
    server: 'Something went wrong. Please try again in a moment.',
    rateLimited: 'Too many attempts in a short time. Wait a moment and try again.',
  },
  votes: (count) => (count === 1 ? '1 vote' : `${count.toLocaleString('en')} votes`),
};
