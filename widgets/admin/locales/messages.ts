import type { Role } from '../../../worker/schema/sites.ts';

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
  signedInAs: (label: string, role: string) => string;
  signOut: string;
  roles: Record<Role, string>;
  nav: { label: string; polls: string; tokens: string; audit: string };
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
    exporting: (kb: string) => string;
    exported: (file: string) => string;
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
    active: string;
    revokedAt: (when: string) => string;
    you: string;
    revoke: string;
    confirmRevoke: (label: string) => string;
    revoked: (label: string) => string;
  };
  audit: {
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
