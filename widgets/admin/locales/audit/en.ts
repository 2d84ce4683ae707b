import type { AuditMessages } from './messages.ts';

/** " 4": a statement's number, after the word for a statement, when the entry names one. */
const numbered = (detail: Record<string, unknown>) => (typeof detail.statement === 'string' ? ` ${detail.statement}` : '');
const q = (name: string) => `“${name}”`;

export const en: AuditMessages = {
  groups: { '': 'All events', poll: 'Polls', statement: 'Statements', form: 'Forms', submission: 'Feedback', decision: 'Decisions', video: 'Videos', token: 'Tokens', site: 'Settings' },
  did: ({ action, name, detail }, w) => {
    const status = typeof detail.status === 'string' ? detail.status : undefined;
    switch (action) {
      case 'poll.create':
        return `created the poll ${q(name)}`;
      case 'poll.update':
        return status === 'closed' ? `closed the poll ${q(name)}` : status === 'open' ? `opened the poll ${q(name)}` : `edited the poll ${q(name)}`;
      case 'statement.add':
        return `added a statement to the conversation ${q(name)}`;
      case 'statement.publish':
        return `published statement${numbered(detail)} in the conversation ${q(name)}`;
      case 'statement.reject':
        return `rejected statement${numbered(detail)} in the conversation ${q(name)}`;
      case 'form.create':
        return `created the form ${q(name)}`;
      case 'form.update':
        return status === 'closed' ? `closed the form ${q(name)}` : status === 'open' ? `opened the form ${q(name)}` : `edited the form ${q(name)}`;
      case 'submission.update':
        return detail.reply === 'public'
          ? `replied publicly to the feedback ${name}`
          : detail.reply === 'private'
            ? `wrote an internal note on the feedback ${name}`
            : `set the feedback ${name} to ${q(status ? w.status(status) : '')}`;
      case 'submission.contact_remove':
        return `removed the contact details of the feedback ${name}`;
      case 'decision.create':
        return `added the decision ${q(name)}`;
      case 'decision.update':
        return `edited the decision ${q(name)}`;
      case 'decision.delete':
        return `deleted the decision ${q(name)}`;
      case 'decision.import':
        return 'imported decisions';
      case 'decision_term.update':
        return `named the ${detail.kind === 'district' ? 'district' : 'topic'} ${q(name)}`;
      case 'video.create':
        return `added the video ${q(name)}`;
      case 'video.update':
        return `edited the video ${q(name)}`;
      case 'video.delete':
        return `deleted the video ${q(name)}`;
      case 'video.captions':
        return `added captions to the video ${q(name)}`;
      case 'video.captions_delete':
        return `removed captions from the video ${q(name)}`;
      case 'video.poster':
        return `changed the poster of the video ${q(name)}`;
      case 'video.poster_delete':
        return `removed the poster of the video ${q(name)}`;
      case 'video.channel':
        return `edited the channel ${q(name)}`;
      case 'token.create':
        return `created the token ${q(String(detail.label ?? name))}${typeof detail.role === 'string' ? ` (${w.role(detail.role)})` : ''}`;
      case 'token.revoke':
        return `revoked the token ${q(String(detail.label ?? name))}`;
      case 'keys.rotate':
        return `replaced the site's signing key (new ${name})`;
      case 'site.update':
        return `changed the site’s settings` + (w.settings(detail) ? `: ${w.settings(detail)}` : '');
      default:
        return `made a change (${action}) to ${q(name)}`;
    }
  },
  commandLine: 'the command line',
  sentence: (who, did, when) => `${who} ${did} on ${when}`,
};
