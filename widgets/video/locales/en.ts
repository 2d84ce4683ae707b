import type { VideoMessages } from './messages.ts';

export const en: VideoMessages = {
  loading: 'Loading the video…',
  loadFailed: 'The video could not be loaded.',
  notFound: 'The video was not found. It may have been removed.',
  play: 'Play video',
  duration: 'Length',
  published: 'Published',
  consentTitle: (provider) => `This video plays from ${provider}`,
  consentText: (provider, host) =>
    `Nothing has been loaded from ${provider} yet. When you play the video, the player loads from ${host}; ${provider} then sees your IP address and may store data on your device.`,
  remember: (provider) => `Don't ask again for videos from ${provider}`,
  accept: 'Play the video',
  cancel: 'Cancel',
  openAtProvider: (provider) => `Open the video on ${provider}`,
  forget: (provider) => `Forget my choice: ${provider}`,
  forgotten: (provider) => `Your choice has been forgotten. We will ask again before playing videos from ${provider}.`,
  cannotPlay: 'Your browser cannot play this video.',
  download: 'Open the video file',
  chapters: 'Chapters',
  transcript: 'Transcript',
  ask: 'Ask a question or give feedback on the video',
};
