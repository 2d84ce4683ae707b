import type { FieldType } from '../../../worker/schema/forms.ts';
import type { Role } from '../../../worker/schema/sites.ts';
import type { UiMessages } from './ui/messages.ts';
import type { AuditMessages } from './audit/messages.ts';
import type { PollKindMessages } from './poll-kinds/messages.ts';
import type { StatementMessages } from './statements/messages.ts';

/** The officials' console's strings, in its own chunk per language. */
export interface AdminMessages {
  title: string;
  signIn: {
    heading: string;
    intro: string;
    site: string;
    siteHelp: string;
    token: string;
    tokenHelp: string;
    submit: string;
    checking: string;
    invalid: string;
    noSite: (site: string) => string;
  };
  /** The shared building blocks' words: row menus, charts, the API's errors. */
  ui: UiMessages;
  signedInAs: (label: string, role: string) => string;
  signOut: string;
  /** Said on the sign-in form after signing out. */
  signedOut: string;
  /** Asked before leaving a view with unsaved changes. */
  leaveUnsaved: string;
  roles: Record<Role, string>;
  nav: { label: string; polls: string; forms: string; feedback: string; statements: string; listening: string; decisions: string; cases: string; videos: string; snippets: string; settings: string; tokens: string; audit: string };
  loading: string;
  loadFailed: string;
  loadMore: string;
  cancel: string;
  confirm: string;
  polls: {
    heading: string;
    empty: string;
    question: string;
    status: string;
    ballots: string;
    closes: string;
    statuses: Record<'draft' | 'open' | 'closed', string>;
    open: string;
    close: string;
    confirmClose: (question: string) => string;
    closed: (question: string) => string;
    opened: (question: string) => string;
    export: string;
    results: string;
    resultsOf: (question: string) => string;
    option: string;
    votes: string;
    share: string;
    total: (count: number) => string;
    overTime: string;
    day: string;
    noBallots: string;
    closeResults: string;
    exporting: (kb: string) => string;
    exported: (file: string) => string;
  };
  editor: {
    create: string;
    newHeading: string;
    editHeading: (id: string) => string;
    edit: string;
    id: string;
    idHelp: string;
    kind: string;
    kinds: Record<'single' | 'multiple' | 'scale' | 'ranked' | 'budget' | 'statements', string>;
    question: (language: string) => string;
    options: string;
    option: (n: number, language: string) => string;
    addOption: string;
    removeOption: (n: number) => string;
    minChoices: string;
    maxChoices: string;
    scaleMin: string;
    scaleMax: string;
    visibility: string;
    visibilities: Record<'always' | 'after_vote' | 'after_close' | 'never', string>;
    allowChange: string;
    closesAt: string;
    closesHelp: string;
    /** The case (diary) number a poll or form is linked to: "Diaarinumero". */
    caseId: string;
    /** What linking a poll to a case does. */
    caseIdHelp: string;
    status: string;
    preview: (language: string) => string;
    previewHelp: string;
    missingHeading: string;
    missingQuestion: (language: string) => string;
    missingOption: (n: number, language: string) => string;
    publishAnyway: string;
    save: string;
    saved: (question: string) => string;
    unsaved: string;
    discard: string;
    keepEditing: string;
  };
  /** Ranked and budget polls: their fields in the editor and their counts in the results. */
  pollKinds: PollKindMessages;
  /** Conversations (statements polls): the editor's statements, the moderation queue, the opinion groups. */
  statements: StatementMessages;
  /** Defining feedback forms: the list and the editor. */
  forms: {
    heading: string;
    intro: string;
    create: string;
    empty: string;
    title: string;
    id: string;
    fields: string;
    status: string;
    /** The hidden start of a form's Edit button's name, before the form's title. */
    edit: string;
    open: (title: string) => string;
    close: (title: string) => string;
    confirmClose: (title: string) => string;
    opened: (title: string) => string;
    closed: (title: string) => string;
    saved: (title: string) => string;
    // The editor
    newHeading: string;
    editHeading: (id: string) => string;
    idHelp: string;
    formTitle: (language: string) => string;
    introText: (language: string) => string;
    privacy: (language: string) => string;
    privacyHelp: string;
    fieldsHeading: string;
    field: (n: number) => string;
    fieldNamed: (n: number, label: string) => string;
    type: string;
    typeSaved: string;
    types: Record<FieldType, string>;
    key: string;
    keyHelp: string;
    label: (language: string) => string;
    help: (language: string) => string;
    required: string;
    maxLength: string;
    addField: string;
    removeField: (n: number) => string;
    confirmRemove: (label: string) => string;
    moveUp: (n: number) => string;
    moveDown: (n: number) => string;
    categories: string;
    categoriesHelp: string;
    category: (n: number, language: string) => string;
    addCategory: string;
    removeCategory: (n: number) => string;
    challenge: string;
    challengeHelp: string;
    /** What linking a form to a case does (the field's name is `editor.caseId`). */
    caseIdHelp: string;
    previewNotSent: string;
    previewHelp: string;
    missing: (what: string, language: string) => string;
    missingWhat: {
      title: string;
      intro: string;
      privacy: string;
      label: (n: number) => string;
      help: (n: number) => string;
      option: (field: number, option: number) => string;
      category: (n: number) => string;
    };
  };
  /** The cases residents were asked about (a poll or form with a case number) that no published decision has yet. */
  cases: {
    heading: string;
    intro: string;
    refresh: string;
    /** Said after the list was read again: how many cases await a decision now. */
    refreshed: (count: number) => string;
    empty: string;
    emptyHelp: string;
    caseId: string;
    polls: string;
    forms: string;
    feedback: string;
    /** Residents who asked for one email when the case is decided. */
    waiting: string;
    /** A poll's answers so far: "12 vastausta". */
    ballots: (count: number) => string;
    /** The hidden start of a link's name, before the poll's question or the form's title. */
    editPoll: string;
    pollResults: string;
    editForm: string;
  };
  feedback: {
    /** A link named a submission the site does not have (any more). */
    notFoundRef: (ref: string) => string;
    /** The reply form's name. */
    replyForm: (ref: string) => string;
    /** The checkbox column's name, read out only. */
    selectColumn: string;
    /** The filter form's name. */
    filterLabel: string;
    heading: string;
    form: string;
    category: string;
    status: string;
    all: string;
    apply: string;
    statuses: Record<'received' | 'in_progress' | 'answered' | 'closed' | 'spam', string>;
    empty: string;
    ref: string;
    received: string;
    excerpt: string;
    select: (ref: string) => string;
    read: string;
    about: string;
    contact: string;
    noContact: string;
    replies: string;
    noReplies: string;
    publicReply: string;
    privateReply: string;
    reply: string;
    replyHelp: string;
    makePublic: string;
    newStatus: string;
    save: string;
    saved: (ref: string) => string;
    savedPublic: (ref: string) => string;
    savedNote: (ref: string) => string;
    spam: string;
    markedSpam: (ref: string) => string;
    bulkStatus: string;
    bulkApply: (count: number) => string;
    bulkDone: (count: number) => string;
    unsaved: string;
    close: string;
    exportHeading: (form: string) => string;
    exported: (file: string) => string;
  };
  snippets: {
    heading: string;
    intro: string;
    kind: string;
    kinds: Record<'poll' | 'feedback' | 'decisions' | 'video' | 'video-blog', string>;
    item: string;
    none: string;
    code: string;
    codeHelp: string;
    frame: string;
    frameHelp: string;
    fallback: Record<'poll' | 'feedback' | 'decisions' | 'video' | 'video-blog', string>;
    copy: string;
    copied: string;
    preview: string;
  };
  /** The owner's Settings view: origins, languages, retention, voter keys, the Turnstile keys. */
  settings: {
    heading: string;
    intro: string;
    saving: string;
    save: string;
    saved: string;
    /** The API refused a save for no one field, e.g. the token was revoked. */
    refused: (message: string) => string;
    origins: {
      heading: string;
      intro: string;
      none: string;
      list: string;
      add: string;
      addHelp: string;
      addButton: string;
      remove: string;
      confirmRemove: (origin: string) => string;
      added: (origin: string) => string;
      removed: (origin: string) => string;
      empty: string;
      invalid: string;
      /** A URL with a path (or a trailing slash): the origin it has. */
      onlyOrigin: (origin: string) => string;
      duplicate: (origin: string) => string;
      tooMany: (max: number) => string;
    };
    languages: {
      heading: string;
      intro: string;
      languages: string;
      defaultLang: string;
      defaultHelp: string;
      noneChosen: string;
      defaultNotChosen: string;
    };
    retention: {
      heading: string;
      days: string;
      daysHelp: string;
      invalid: (min: number, max: number) => string;
    };
    voterKeys: {
      heading: string;
      intro: string;
      none: string;
      list: string;
      kid: string;
      type: string;
      add: string;
      addHelp: string;
      addButton: string;
      remove: string;
      confirmRemove: (kid: string) => string;
      added: (kid: string) => string;
      removed: (kid: string) => string;
      notJson: string;
      privateKey: string;
      duplicate: (kid: string) => string;
      tooMany: (max: number) => string;
      /** The API's own words about the key (English), after ours. */
      refused: (detail: string) => string;
    };
    challenge: {
      heading: string;
      intro: string;
      siteKey: string;
      siteKeyHelp: string;
      secret: string;
      secretHelp: string;
      secretStored: string;
      secretNone: string;
      clearSecret: string;
      refused: (detail: string) => string;
    };
  };
  tokens: {
    heading: string;
    intro: string;
    label: string;
    labelHelp: string;
    role: string;
    create: string;
    created: (label: string) => string;
    secretHelp: string;
    copy: string;
    copied: string;
    list: string;
    created_at: string;
    state: string;
    /** A revoked token's state, as a status. */
    revoked_: string;
    active: string;
    revokedAt: (when: string) => string;
    you: string;
    revoke: string;
    confirmRevoke: (label: string) => string;
    revoked: (label: string) => string;
  };
  audit: {
    /** Readable action groups and sentences. */
    log: AuditMessages;
    heading: string;
    filter: string;
    filterHelp: string;
    apply: string;
    when: string;
    who: string;
    action: string;
    target: string;
    detail: string;
    empty: string;
    download: string;
  };
}
