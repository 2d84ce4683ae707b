import type { Lang } from '../../../locales/messages.ts';

type Provider = 'youtube' | 'vimeo' | 'peertube' | 'file';

/** The console's video view's own strings, in their own chunk per language. */
export interface AdminVideoMessages {
  heading: string;
  intro: string;
  add: string;
  /** The languages' names in the console's language: "suomi", "ruotsi", "englanti". */
  languages: Record<Lang, string>;
  providers: Record<Provider, string>;
  statuses: Record<'draft' | 'published' | 'scheduled', string>;

  // The list
  channel: string;
  channelHelp: string;
  status: string;
  all: string;
  apply: string;
  /** The filter form's name. */
  filter: string;
  list: string;
  empty: string;
  emptyChannel: (channel: string) => string;
  title: string;
  provider: string;
  published: string;
  edit: string;
  /** After "show more": how many came and how many are shown now, so the sentence changes on every press. */
  loadedMore: (count: number, total: number) => string;

  // Adding
  addHeading: string;
  address: string;
  addressHelp: string;
  /** What each provider takes; also the message when the server refuses the address. */
  refHelp: Record<Provider, string>;
  detected: (provider: string) => string;
  host: string;
  hostHelp: string;
  titleIn: (language: string) => string;
  duration: string;
  durationHelp: string;
  create: string;
  created: (title: string) => string;
  notCreated: string;

  // Field errors
  titleRequired: string;
  channelInvalid: string;
  durationInvalid: string;
  timeInvalid: string;
  publishedAtInvalid: string;
  chapterTitleRequired: string;
  chapterOrder: string;
  chapterAfterEnd: string;
  exists: string;

  // Editing
  editHeading: (title: string) => string;
  source: string;
  id: string;
  texts: (language: string) => string;
  description: string;
  transcript: string;
  transcriptHelp: string;
  chapters: string;
  chaptersHelp: string;
  chapter: (n: number) => string;
  chapterStart: string;
  chapterTitle: (language: string) => string;
  noChapters: string;
  addChapter: string;
  removeChapter: (n: number) => string;
  publishedAt: string;
  publishedAtHelp: string;
  save: string;
  saving: string;
  saved: (title: string) => string;
  notSaved: string;
  noChanges: string;
  unsaved: string;
  close: string;
  confirmDiscard: string;
  discard: string;
  keepEditing: string;

  // Poster
  poster: string;
  posterHelp: string;
  posterFile: string;
  posterCurrent: string;
  posterNone: string;
  upload: string;
  uploading: string;
  chooseFile: string;
  posterType: string;
  posterTooBig: string;
  posterNotImage: string;
  posterUploaded: string;
  posterRemove: string;
  posterRemoved: string;

  // Captions
  captions: string;
  captionsHelp: string;
  captionsLang: string;
  captionsFile: string;
  captionsNone: string;
  captionsHave: string;
  captionsTooBig: string;
  captionsInvalid: string;
  line: (n: number) => string;
  captionsUploaded: (language: string, cues: number) => string;
  captionsRemove: (language: string) => string;
  captionsRemoved: (language: string) => string;

  // Preview
  preview: string;
  previewHelp: string;
  previewDraft: string;
  previewScheduled: (when: string) => string;

  // Deleting
  delete: string;
  confirmDelete: (title: string) => string;
  deleted: (title: string) => string;
}
