/** The video widgets' own strings, in their own chunk per language. */
export interface VideoMessages {
  loading: string;
  loadFailed: string;
  notFound: string;
  /** The play button's name before the title (in its own language): "Play video: Title". */
  play: string;
  duration: string;
  published: string;
  /** Before anything is loaded from a provider: what will happen, said once. */
  consentTitle: (provider: string) => string;
  consentText: (provider: string, host: string) => string;
  remember: (provider: string) => string;
  accept: string;
  cancel: string;
  openAtProvider: (provider: string) => string;
  /** After playing with a remembered choice: take it back. */
  forget: (provider: string) => string;
  forgotten: (provider: string) => string;
  cannotPlay: string;
  download: string;
  chapters: string;
  transcript: string;
  ask: string;
}

/** The video blog's own strings (the list around the videos). */
export interface BlogMessages {
  episodes: string;
  notFound: string;
  empty: string;
  loadMore: string;
  loadingMore: string;
  /** After "show more": how many came and how many are shown now, so that every press is announced anew. */
  loadedMore: (count: number, shown: number) => string;
  watch: string;
  close: string;
}
