import type { FeedbackStatusMessages } from './messages.ts';

export const en: FeedbackStatusMessages = {
  errorPrefix: 'Error:',
  refLabel: 'Reference code',
  refHint: 'Six characters, for example K7M-4QX.',
  lookup: 'Show status',
  lookingUp: 'Looking up…',
  refInvalid: 'Enter the reference code like K7M-4QX: six letters or digits.',
  refNotFound: (ref) => `No feedback with the reference code ${ref} was found. Check the code.`,
  statusHeading: (ref) => `Feedback ${ref}`,
  status: { received: 'Received', in_progress: 'In progress', answered: 'Answered', closed: 'Closed', spam: 'Closed' },
  statusLine: (status) => `Status: ${status}`,
  receivedAt: (when) => `Sent ${when}`,
  updatedAt: (when) => `Updated ${when}`,
  replies: 'Replies',
  noReplies: 'There is no public reply yet.',
  removeContact: 'Remove my contact details',
  confirmRemove: 'Remove your contact details? The feedback stays, but we can no longer reply to you directly.',
  confirm: 'Remove',
  cancel: 'Cancel',
  contactRemoved: 'Your contact details were removed. The feedback stays.',
};
